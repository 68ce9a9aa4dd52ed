"""Pages without their indentation and blank lines.

The theme's templates indent every line; on a page of 20 KB that is more than a tenth of the
bytes. Readers on phones download less, and a state-wide portal stays under the 1 GB that
GitHub Pages allows. Only whitespace that follows a line break goes, and a line break stays,
so text reads the same. Elements whose whitespace is shown as written (`pre`, and `code` and
`kbd`, which the theme sets to `white-space: pre-wrap`), `textarea`, scripts and styles are
left exactly as they are.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")


def compact_html(html: str) -> str:
    parts: list[str] = []
    position = 0
    for kept in _KEPT.finditer(html):
        parts.append(_INDENT.sub("\n", html[position : kept.start()]))
        parts.append(kept.group())
        position = kept.end()
    parts.append(_INDENT.sub("\n", html[position:]))
    return "".join(parts)
