"""Counts as editors read them: "1 Seite", "1.204 Seiten"."""

from __future__ import annotations

from ..formatting import format_number
from ..messages import MESSAGES


def counted(count: int, one: str, many: str) -> str:
    """`one` for a single thing, else `many` with the German number; both keys of MESSAGES."""
    return MESSAGES[one] if count == 1 else MESSAGES[many].format(count=format_number(count))


def pages(count: int) -> str:
    return counted(count, "checks_page_one", "checks_pages")
