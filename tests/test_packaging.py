"""A non-editable install (`pip install .`) must carry every module and data file the relay
reads: pyproject.toml lists the packages and their data by hand, so a new sub-package (say
relay/html/) or a new data folder under policies/ is otherwise missing from the wheel and only a
fresh install finds out."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setuptools() -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tool: dict[str, object] = config["tool"]["setuptools"]
    return tool


def _package_folders() -> dict[str, Path]:
    """Every folder the wheel must hold, by the package name it gets in the wheel."""
    folders: dict[str, Path] = {}
    for top, source in (("relay", ROOT / "relay"), ("relay.policies", ROOT / "policies")):
        for folder in [source, *sorted(p for p in source.rglob("*") if p.is_dir())]:
            if folder.name == "__pycache__" or not any(
                f.is_file() and f.suffix != ".pyc" for f in folder.iterdir()
            ):
                continue
            relative = folder.relative_to(source).parts
            if top == "relay" and relative[:1] == ("policies",):
                continue
            if top == "relay" and not any(f.suffix == ".py" for f in folder.iterdir()):
                continue  # data folders of a package (templates/, static/): package-data
            folders[".".join((top, *relative))] = folder
    return folders


# the C sources setup.py names as extension sources
_EXT_SOURCES = frozenset(re.findall(r'"(relay/[^"]+\.c)"', (ROOT / "setup.py").read_text()))


def test_every_package_folder_is_in_the_wheel() -> None:
    listed = set(_setuptools()["packages"])  # type: ignore[call-overload]
    missing = sorted(set(_package_folders()) - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_data_file_is_in_the_wheel() -> None:
    package_data: dict[str, list[str]] = _setuptools()["package-data"]  # type: ignore[assignment]
    unshipped = []
    for package, folder in _package_folders().items():
        for path in folder.rglob("*"):
            if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
                continue
            if path.suffix in {".so", ".pyd"} or path.relative_to(ROOT).as_posix() in _EXT_SOURCES:
                continue  # a compiled extension and its source: setup.py's ext_modules build it
            owner = next(
                (name for name, f in sorted(_package_folders().items(), key=lambda x: -len(x[0]))
                 if path.is_relative_to(f)),
                package,
            )  # fmt: skip
            if owner != package:
                continue
            relative = path.relative_to(folder).as_posix()
            if not any(fnmatch.fnmatch(relative, g) for g in package_data.get(package, [])):
                unshipped.append(f"{package}: {relative}")
    assert not unshipped, f"add to [tool.setuptools.package-data]: {sorted(unshipped)}"


def test_the_console_notices_and_phrase_data_are_packages() -> None:
    # What a non-editable install needs to serve the console and send notices (12 languages).
    folders = _package_folders()
    for needed in ("relay.console", "relay.policies.explain", "relay.policies.notices",
                   "relay.policies.phrases", "relay.spapi", "relay.store", "relay.rules"):
        assert needed in folders, needed
    assert len(list((ROOT / "policies" / "phrases").glob("*.toml"))) == 12
