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

_KEPT_NAMES = ("pre", "code", "kbd", "textarea", "script", "style")
_OPENING = re.compile(rf"<({'|'.join(_KEPT_NAMES)})\b", re.I)
# One search for the closing tag per kept element: a lazy `.*?</\1>` over the whole page tried a
# match at every character of every script, a third of the time a page took.
_CLOSING = {name: re.compile(rf"</{name}\s*>", re.I) for name in _KEPT_NAMES}
_INDENT = re.compile(r"\n[ \t\r\n]+")


def compact_html(html: str) -> str:
    parts: list[str] = []
    position = search_from = 0
    while (opening := _OPENING.search(html, search_from)) is not None:
        closing = _CLOSING[opening.group(1).lower()].search(html, opening.end())
        if closing is None:  # never closed: an ordinary part of the text
            search_from = opening.end()
            continue
        parts.append(_INDENT.sub("\n", html[position : opening.start()]))
        parts.append(html[opening.start() : closing.end()])
        position = search_from = closing.end()
    parts.append(_INDENT.sub("\n", html[position:]))
    return "".join(parts)
