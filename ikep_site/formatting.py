"""German formatting of dates and numbers, without depending on the machine's locale."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Final
from zoneinfo import ZoneInfo

from .labels import EURO_SUFFIX, MONTHS, WEEKDAYS

# Local time of every process: times editors write without an offset are Berlin time.
BERLIN: Final = ZoneInfo("Europe/Berlin")
# Digits of a number shown as written: enough for any measured value, not the float's noise.
_SIGNIFICANT_DIGITS: Final = 12


def format_date(value: date, *, weekday: bool = False) -> str:
    """`3. Dezember 2026`, or `Donnerstag, 3. Dezember 2026` with `weekday`."""
    text = f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
    if weekday:
        text = f"{WEEKDAYS[value.weekday()]}, {text}"
    return text


def format_date_short(value: date) -> str:
    """`03.12.2026`, for tables and compact lists."""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def format_time(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def format_number(value: float, *, decimals: int | None = None) -> str:
    """German number: `1.234,5`. Integers stay without decimals unless `decimals` is given."""
    if value == 0:
        value = 0  # -0.0 is shown as 0, not -0
    if isinstance(value, int) and not decimals:
        text = f"{value:,}"  # exact: formatting an int with "f" goes through a float
    else:
        if decimals is None:
            decimals = 0 if float(value).is_integer() else _natural_decimals(value)
        text = f"{value:,.{decimals}f}"
    # Swap the English separators for the German ones.
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_euro(value: float) -> str:
    return f"{format_number(value, decimals=0 if float(value).is_integer() else 2)}\u00a0{EURO_SUFFIX}"


def format_percent(value: float) -> str:
    return f"{format_number(value)}\u00a0%"


def _natural_decimals(value: float) -> int:
    """How many decimals the value has as written, so 7.25 is not shown as 7,3 nor 0.00001 as 0.

    Twelve significant digits hold any measured value and drop float noise (0.30000000000000004).
    """
    exponent = Decimal(f"{value:.{_SIGNIFICANT_DIGITS}g}").normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
