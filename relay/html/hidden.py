"""Whether an HTML element hides its content from the reader (docs/policy.md, Reading the text).

One predicate for the reader that collects hidden text (relay.model.message) and the rewrite that
removes hidden elements (STY004's fix): CSS that hides (`display:none`, `visibility:hidden`,
zero font size or opacity, off-screen positioning, text coloured like its background) and the
`hidden` attribute. Script and style contents are not text at all, so not "hidden" here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

_HIDING: Final = re.compile(
    r"""(?ix)
      (?<![-\w])display\s*:\s*none
    | (?<![-\w])visibility\s*:\s*(?:hidden|collapse)
    | (?<![-\w])opacity\s*:\s*0*(?:\.0+)?\s*(?:;|!|$)
    | (?<![-\w])font-size\s*:\s*0*(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|!|$)
    | (?<![-\w])(?:left|top|text-indent|margin-left|margin-top)\s*:\s*-\s*(?:[5-9]\d{2,}|\d{4,})
    """
)
_COLOUR: Final = re.compile(r"(?i)(?<![-\w])color\s*:\s*([^;!]+)")
_BACKGROUND: Final = re.compile(r"(?i)(?<![-\w])background(?:-color)?\s*:\s*([^;!]+)")
_NAMED: Final = {"white": "#ffffff", "black": "#000000", "transparent": "transparent"}


def _colour(value: str) -> str:
    value = re.sub(r"\s+", "", value.lower())
    value = _NAMED.get(value, value)
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


def hides(style: str | None) -> bool:
    """Whether a style attribute hides the element's text."""
    if not style:
        return False
    if _HIDING.search(style):
        return True
    colour = _COLOUR.search(style)
    background = _BACKGROUND.search(style)
    if colour is None or background is None:
        return False
    fill = background.group(1).split()[0] if background.group(1).split() else ""
    return _colour(colour.group(1)) == _colour(fill) != ""


def is_hidden(attrs: Mapping[str, object]) -> bool:
    """Whether an element with these attributes hides what is inside it."""
    if attrs.get("hidden") is not None:
        return True
    style = attrs.get("style")
    return hides(style if isinstance(style, str) else None)
