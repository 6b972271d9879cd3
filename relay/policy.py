"""The policy as data: rule severities and modes, family options, phrase lists per language.

The bundled default lives in `policies/` (shipped in the wheel as `relay.policies`); files named
in `[policy] files` are layered over it, table by table, lists replaced.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from relay import rules
from relay.model.phrases import PhraseMatcher
from relay.verdict import RuleMode, Severity


class PolicyError(Exception):
    """A policy file is unreadable or names an unknown rule, option or value."""


class RuleSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: Severity | None = None
    variants: dict[str, Severity] = {}
    mode: RuleMode = RuleMode.ENFORCE
    enabled: bool = True


# A rule the policy files say nothing about (frozen, so one object serves every rule).
_DEFAULT_SETTINGS = RuleSettings()


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
    _by_category: dict[str, tuple[PhraseMatcher, ...]] = field(default_factory=dict, repr=False)

    def settings(self, code: str) -> RuleSettings:
        return self.rules.get(code) or _DEFAULT_SETTINGS

    def resolve(self, code: str, variant: str | None = None) -> tuple[Severity, RuleMode]:
        """A finding's severity: the policy's for its variant, else the rule's default for the
        variant, else the policy's for the rule, else the rule's default; and the rule's mode."""
        settings = self.settings(code)
        if variant is not None:
            severity = settings.variants.get(variant) or rules.REGISTRY[code].variants.get(variant)
            if severity is not None:
                return severity, settings.mode
        if settings.severity is not None:
            return settings.severity, settings.mode
        return rules.REGISTRY[code].default_severity, settings.mode

    def variants(self, code: str) -> dict[str, Severity]:
        """Every variant of a rule with the severity it takes under this policy."""
        return {**rules.REGISTRY[code].variants, **self.settings(code).variants}

    def option(self, family: str, model: type[BaseModel]) -> Any:
        value = self.options.get(family)
        return value if value is not None else model()

    @cached_property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.phrases))

    def phrase_list(self, language: str, category: str) -> tuple[str, ...]:
        return tuple(self.phrases.get(language, {}).get(category, ()))

    def matchers(self, category: str) -> tuple[PhraseMatcher, ...]:
        """One compiled matcher per language for a category, compiled on first use."""
        # asked for by every category's rule on every message: the answer is kept
        known = self._by_category.get(category)
        if known is not None:
            return known
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
                    book.get("negations_final", ()),
                )
                self._matchers[key] = matcher
            if matcher:
                found.append(matcher)
        answer = self._by_category[category] = tuple(found)
        return answer

    def warm(self) -> None:
        """Compile every phrase pattern now, so the first message does not pay for it."""
        for category in rules.PHRASE_CATEGORIES:
            for matcher in self.matchers(category):
                matcher.compile_now()


def _merge(
    base: dict[str, Any],
    overlay: Mapping[str, Any],
    origin: dict[tuple[str, ...], str],
    source: str,
    path: tuple[str, ...] = (),
) -> dict[str, Any]:
    """`overlay` over `base`, table by table; `origin` records which file set each key."""
    merged = dict(base)
    for key, value in overlay.items():
        here = (*path, str(key))
        origin[here] = source
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value, origin, source, here)
        else:
            merged[key] = value
    return merged


def _read_toml(path: Path, setting: str = "") -> dict[str, Any]:
    """`setting` names where the operator gave the path, so that an unreadable file (a
    container's uid 10001 is not the host user who wrote it) says which setting to fix."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        if setting:
            raise PolicyError(
                f"{setting}: cannot read {path}: {exc.strerror or exc} "
                f"(the relay runs as uid {os.getuid()})"
            ) from None
        raise PolicyError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: {exc}") from None


class _Refusal:
    """Policy errors in one line: the file that set the key, the key, what is wrong."""

    def __init__(self, origin: dict[tuple[str, ...], str]) -> None:
        self.origin = origin

    def __call__(self, path: tuple[object, ...], problem: str) -> PolicyError:
        keys = tuple(str(p) for p in path)
        where = "bundled policy"
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.origin:
                where = self.origin[keys[:end]]
                break
        return PolicyError(f"{where}: {'.'.join(keys)}: {problem}")

    def from_validation(self, exc: ValidationError, prefix: tuple[str, ...] = ()) -> PolicyError:
        first = exc.errors()[0]
        return self((*prefix, *first["loc"]), first["msg"])


def load_policy(extra_files: list[str] | tuple[str, ...] = ()) -> Policy:
    """Load the bundled policy, layer `extra_files` over it, and validate everything.

    Refused, naming the file, the key and the mistake: an unknown rule, variant, option family
    or option, a value of the wrong type, and `strip` on a rule that has no fix.
    """
    rules.load()
    root = bundled_policy_dir()
    data: dict[str, Any] = {}
    origin: dict[tuple[str, ...], str] = {}
    sources: list[str] = []
    for path in sorted(root.glob("*.toml"), key=lambda p: (p.name != "default.toml", p.name)):
        data = _merge(data, _read_toml(path), origin, str(path))
        sources.append(str(path))
    for path in sorted((root / "phrases").glob("*.toml")):
        data = _merge(data, {"phrases": {path.stem: _read_toml(path)}}, origin, str(path))
        sources.append(str(path))
    for name in extra_files:
        data = _merge(data, _read_toml(Path(name), "policy.files"), origin, name)
        sources.append(name)

    refuse = _Refusal(origin)
    try:
        parsed = _PolicyFile.model_validate(data)
    except ValidationError as exc:
        raise refuse.from_validation(exc) from None

    for code, settings in parsed.rules.items():
        spec = rules.REGISTRY.get(code)
        if spec is None:
            raise refuse(("rules", code), "no such rule")
        for variant, severity in settings.variants.items():
            if variant not in spec.variants:
                known = ", ".join(sorted(spec.variants)) or "none"
                raise refuse(
                    ("rules", code, "variants", variant),
                    f"{code} has no variant {variant!r} (its variants: {known})",
                )
            if severity is Severity.STRIP and spec.fix is None:
                raise refuse(
                    ("rules", code, "variants", variant),
                    f"strip needs a fix, and {code} has none: it could not remove anything",
                )
        if settings.severity is Severity.STRIP and spec.fix is None:
            raise refuse(
                ("rules", code, "severity"),
                f"strip needs a fix, and {code} has none: it could not remove anything",
            )
    options: dict[str, BaseModel] = {}
    for family, values in parsed.options.items():
        model = rules.OPTIONS.get(family)
        if model is None:
            raise refuse(("options", family), "no such rule family")
        try:
            options[family] = model.model_validate(values)
        except ValidationError as exc:
            raise refuse.from_validation(exc, ("options", family)) from None
    for family, model in rules.OPTIONS.items():
        # One defaults object per family, kept: what options compile is cached on it.
        options.setdefault(family, model())
    for language, book in parsed.phrases.items():
        for category in book:
            if category not in rules.PHRASE_CATEGORIES:
                raise refuse(("phrases", language, category), "unknown category")

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
