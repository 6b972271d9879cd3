"""The policy as data: rule severities and modes, family options, phrase lists per language.

The bundled default lives in `policies/` (shipped in the wheel as `relay.policies`); files named
in `[policy] files` are layered over it, table by table, lists replaced.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from relay.text import PhraseMatcher
from relay.verdict import RuleMode, Severity


class PolicyError(Exception):
    """A policy file is unreadable or names an unknown rule, option or value."""


class RuleSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: Severity | None = None
    variants: dict[str, Severity] = {}
    mode: RuleMode = RuleMode.ENFORCE
    enabled: bool = True


class _PolicyFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str = "unversioned"
    families: list[str] = []
    rules: dict[str, RuleSettings] = {}
    options: dict[str, dict[str, Any]] = {}
    phrases: dict[str, dict[str, list[str]]] = {}


def bundled_policy_dir() -> Path:
    """`relay/policies` in an installed wheel; the repository's `policies/` in a checkout."""
    installed = Path(str(resources.files("relay"))) / "policies"
    if (installed / "default.toml").is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "policies"


@dataclass(frozen=True)
class Policy:
    version: str
    families: tuple[str, ...]
    rules: Mapping[str, RuleSettings]
    options: Mapping[str, BaseModel]
    phrases: Mapping[str, Mapping[str, tuple[str, ...]]]
    sources: tuple[str, ...] = ()
    _matchers: dict[tuple[str, str], PhraseMatcher] = field(default_factory=dict, repr=False)

    def settings(self, code: str) -> RuleSettings:
        return self.rules.get(code) or RuleSettings()

    def resolve(self, code: str, variant: str | None = None) -> tuple[Severity, RuleMode]:
        from relay.rules import REGISTRY

        settings = self.settings(code)
        if variant is not None and variant in settings.variants:
            return settings.variants[variant], settings.mode
        if settings.severity is not None:
            return settings.severity, settings.mode
        return REGISTRY[code].default_severity, settings.mode

    def option(self, family: str, model: type[BaseModel]) -> Any:
        value = self.options.get(family)
        return value if value is not None else model()

    @cached_property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.phrases))

    def phrase_list(self, language: str, category: str) -> tuple[str, ...]:
        return tuple(self.phrases.get(language, {}).get(category, ()))

    def matchers(self, category: str) -> list[PhraseMatcher]:
        """One compiled matcher per language for a category, compiled on first use."""
        found: list[PhraseMatcher] = []
        for language in self.languages:
            key = (language, category)
            matcher = self._matchers.get(key)
            if matcher is None:
                book = self.phrases[language]
                matcher = PhraseMatcher(
                    language,
                    book.get(category, ()),
                    book.get("negations", ()),
                    book.get("negations_after", ()),
                    book.get("clause_breaks", ()),
                    book.get("conditionals", ()),
                )
                self._matchers[key] = matcher
            if matcher:
                found.append(matcher)
        return found

    def warm(self) -> None:
        """Compile every phrase pattern now, so the first message does not pay for it."""
        from relay.rules import PHRASE_CATEGORIES

        for category in PHRASE_CATEGORIES:
            self.matchers(category)


def _merge(base: dict[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise PolicyError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: {exc}") from None


def load_policy(extra_files: list[str] | tuple[str, ...] = ()) -> Policy:
    """Load the bundled policy, layer `extra_files` over it, and validate everything."""
    import relay.facts  # noqa: F401  (the facts stage reads phrase lists too)
    from relay.rules import OPTIONS, PHRASE_CATEGORIES, REGISTRY

    root = bundled_policy_dir()
    data: dict[str, Any] = {}
    sources: list[str] = []
    for path in sorted(root.glob("*.toml"), key=lambda p: (p.name != "default.toml", p.name)):
        data = _merge(data, _read_toml(path))
        sources.append(str(path))
    for path in sorted((root / "phrases").glob("*.toml")):
        data = _merge(data, {"phrases": {path.stem: _read_toml(path)}})
        sources.append(str(path))
    for name in extra_files:
        data = _merge(data, _read_toml(Path(name)))
        sources.append(name)

    where = sources[-1] if extra_files else "bundled policy"
    try:
        parsed = _PolicyFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise PolicyError(f"{where}: {key}: {first['msg']}") from None

    for code in parsed.rules:
        if code not in REGISTRY:
            raise PolicyError(f"{where}: rules.{code}: no such rule")
    options: dict[str, BaseModel] = {}
    for family, values in parsed.options.items():
        model = OPTIONS.get(family)
        if model is None:
            raise PolicyError(f"{where}: options.{family}: no such rule family")
        try:
            options[family] = model.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            key = ".".join(str(p) for p in first["loc"])
            raise PolicyError(f"{where}: options.{family}.{key}: {first['msg']}") from None
    for language, book in parsed.phrases.items():
        for category in book:
            if category not in PHRASE_CATEGORIES:
                raise PolicyError(f"{where}: phrases.{language}.{category}: unknown category")

    return Policy(
        version=parsed.version,
        families=tuple(parsed.families),
        rules=parsed.rules,
        options=options,
        phrases={
            lang: {cat: tuple(words) for cat, words in book.items()}
            for lang, book in parsed.phrases.items()
        },
        sources=tuple(sources),
    )
