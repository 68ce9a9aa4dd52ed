"""Numbers as editors write them: YAML numbers, and German ones with a decimal comma or thousands dots.

A text is read only where one reading is certain. `640.000` is German for 640000 and English for
640.0, so it is reported with both readings and never guessed; `1.200.000` and `1.200,50` can only
be German. Whatever cannot be read comes back as a German message with what to write instead
(the unit left out, `1,2 Mio.` written out), for the schema to report at the value's line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from ..formatting import format_number
from ..messages import MESSAGES

# Plus, the ASCII minus and the typographic minus that word processors put in.
SIGN: Final = r"[+\u2212-]"  # escapes the regular expression reads, so the published schema shows them
# Thousands separators besides the dot: space, no-break space, narrow no-break space, thin space.
SPACE: Final = r"[ \u00a0\u202f\u2009]"
_GROUPED: Final = "[1-9][0-9]{0,2}"  # the first group of a number with thousands separators

# The forms, as regular expressions that Python and ECMA-262 (JSON Schema) read alike.
ENGLISH: Final = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"  # YAML's own: 8.3, 1e6, .5
DECIMAL_COMMA: Final = "[0-9]+,[0-9]+"  # 8,3
DOT_GROUPS: Final = rf"{_GROUPED}(?:\.[0-9]{{3}}){{2,}}"  # 1.200.000
DOT_GROUPS_COMMA: Final = rf"{_GROUPED}(?:\.[0-9]{{3}})+,[0-9]+"  # 1.200,50
SPACE_GROUPS: Final = rf"{_GROUPED}(?:{SPACE}[0-9]{{3}})+(?:[.,][0-9]+)?"  # 1 200 000, 1 200,50
AMBIGUOUS: Final = rf"{_GROUPED}\.[0-9]{{3}}"  # 640.000: German thousands or an English decimal

_SIGNED: Final = re.compile(f"({SIGN}?)(.*)", re.DOTALL)
_FORMS: Final = {
    pattern: re.compile(pattern)
    for pattern in (ENGLISH, DECIMAL_COMMA, DOT_GROUPS, DOT_GROUPS_COMMA, SPACE_GROUPS, AMBIGUOUS, SPACE)
}

_SCALES: Final = {
    "tsd": 3,
    "tausend": 3,
    "mio": 6,
    "million": 6,
    "millionen": 6,
    "mrd": 9,
    "milliarde": 9,
    "milliarden": 9,
}
_CURRENCY: Final = r"€|EUR|Euro"
_NUMBERISH: Final = rf"{SIGN}?[0-9](?:[0-9.,_]|{SPACE}(?=[0-9]))*"
_SCALED: Final = re.compile(
    rf"(?P<number>{_NUMBERISH})\s*(?P<scale>{'|'.join(_SCALES)})\.?\s*(?:{_CURRENCY})?", re.IGNORECASE
)
_UNIT_AFTER: Final = re.compile(rf"(?P<number>{_NUMBERISH}?)(?P<dash>,[-\u2013]+)?\s*(?P<unit>[^0-9\s,][^0-9]*)?")
_UNIT_BEFORE: Final = re.compile(rf"(?P<unit>{_CURRENCY})\s*(?P<number>{_NUMBERISH})(?:,[-\u2013]+)?")
_TEXT_BEFORE: Final = re.compile(rf"(?P<text>[^0-9+\u2212-][^0-9]*?)\s*(?P<number>{_NUMBERISH})")
_COMMA_GROUPS: Final = re.compile(rf"{SIGN}?{_GROUPED}(?:,[0-9]{{3}}){{2,}}(?:\.[0-9]+)?")
_DIGITS: Final = re.compile(rf"{SIGN}?[0-9]+")
# More digits than any float holds (10**308 has 309).
_MAX_LENGTH: Final = 400
# Longer texts get the plain hint: the patterns above would take quadratic time on them.
_HINT_LENGTH: Final = 80


def text_pattern(*, grouping: bool = True) -> str:
    """What the reader accepts as text, as one pattern for the JSON Schema (ECMA-262, unicode mode)."""
    forms = [ENGLISH, DECIMAL_COMMA]
    if grouping:
        forms += [DOT_GROUPS, DOT_GROUPS_COMMA, SPACE_GROUPS]
        return rf"^{SIGN}?(?!{AMBIGUOUS}$)(?:{'|'.join(forms)})$"
    return rf"^{SIGN}?(?:{'|'.join(forms)})$"


@dataclass(frozen=True)
class Unreadable:
    """Why a text is not a number, in German, ready to report."""

    message: str


@dataclass(frozen=True)
class _Ambiguous:
    thousands: int
    decimal: float


def read_number(
    raw: str, *, name: str, integer: bool = False, grouping: bool = True, example: str = "8.3"
) -> int | float | Unreadable:
    """The number in `raw`: an int where nothing follows a decimal separator, else a float.

    `grouping`: thousands separators are possible. Without, a dot is always a decimal point, as in a
    coordinate (`49.512`): none is ever 1000 or more. `example` is shown to editors when the text
    holds no number at all.
    """
    text = raw.strip()
    found = _read(text, grouping=grouping)
    if isinstance(found, _Ambiguous):
        return Unreadable(MESSAGES["number_ambiguous"].format(name=name, readings=_readings(text, found, integer)))
    if found is not None:
        return found
    return Unreadable(MESSAGES["not_a_number"].format(name=name, value=raw) + _hint(text, integer, grouping, example))


def _read(text: str, *, grouping: bool) -> int | float | _Ambiguous | None:
    text = text.replace("_", "")  # YAML 1.1 digit separators, as in 1_000_000
    match = _SIGNED.fullmatch(text)
    assert match is not None  # the pattern matches every text
    negative = match.group(1) in ("-", "\u2212")
    body = match.group(2)
    if grouping and _FORMS[AMBIGUOUS].fullmatch(body):
        thousands = int(body.replace(".", ""))
        decimal = float(body)
        return _Ambiguous(-thousands, -decimal) if negative else _Ambiguous(thousands, decimal)
    normal = _normalise(body, grouping=grouping)
    if normal is None or len(normal) > _MAX_LENGTH:  # Python refuses to read ints of 4300 digits
        return None
    number: int | float = int(normal) if normal.isdigit() else float(normal)
    if not _finite(number):  # an integer too long for a float, or 1e999
        return None
    return -number if negative else number


def _normalise(body: str, *, grouping: bool) -> str | None:
    """`body` in Python's notation (digits, an optional decimal point), or None."""
    if _FORMS[ENGLISH].fullmatch(body):
        return body
    if _FORMS[DECIMAL_COMMA].fullmatch(body):
        return body.replace(",", ".")
    if not grouping:
        return None
    if _FORMS[DOT_GROUPS].fullmatch(body) or _FORMS[DOT_GROUPS_COMMA].fullmatch(body):
        return body.replace(".", "").replace(",", ".")
    if _FORMS[SPACE_GROUPS].fullmatch(body):
        return _FORMS[SPACE].sub("", body).replace(",", ".")
    return None


def _finite(number: float) -> bool:
    try:
        return math.isfinite(number)
    except OverflowError:
        return False


def _readings(text: str, found: _Ambiguous, integer: bool) -> str:
    """`640.000 kann 640 oder 640000 bedeuten. Schreiben Sie 640000 oder 640.0.`"""
    values = {"value": text, "decimal": format_number(found.decimal), "thousands": str(found.thousands)}
    if not integer:
        return MESSAGES["number_readings"].format(**values, decimal_written=_unambiguous(repr(found.decimal)))
    if found.decimal.is_integer():
        return MESSAGES["number_readings"].format(**values, decimal_written=str(int(found.decimal)))
    return MESSAGES["number_readings_integer"].format(**values)


def _hint(text: str, integer: bool, grouping: bool, example: str) -> str:
    """What to write instead of a text that is not a number."""
    if _DIGITS.fullmatch(text):
        return MESSAGES["number_hint_too_large"]
    if len(text) > _HINT_LENGTH:
        return MESSAGES["number_hint_digits"].format(example=example)
    scaled = _SCALED.fullmatch(text)
    if scaled:
        number = _read(scaled["number"], grouping=grouping)
        if isinstance(number, (int, float)):
            written = _unambiguous(_written(Decimal(repr(number)).scaleb(_SCALES[scaled["scale"].lower()])))
            return MESSAGES["number_hint_scaled"].format(suggestion=written)
    if _COMMA_GROUPS.fullmatch(text):
        written = text.replace(",", "")
        return MESSAGES["number_hint_comma_thousands"].format(suggestion=written.replace("\u2212", "-"))
    unit_after = _UNIT_AFTER.fullmatch(text)
    if unit_after and unit_after["number"] and (unit_after["unit"] or unit_after["dash"]):
        return _without(unit_after["number"], (unit_after["unit"] or "").strip(), integer, grouping, example)
    unit_before = _UNIT_BEFORE.fullmatch(text)
    if unit_before:
        return _without(unit_before["number"], unit_before["unit"], integer, grouping, example)
    text_before = _TEXT_BEFORE.fullmatch(text)
    if text_before:
        return _without(text_before["number"], "", integer, grouping, example)
    return MESSAGES["number_hint_digits"].format(example=example)


def _without(number_text: str, unit: str, integer: bool, grouping: bool, example: str) -> str:
    """The hint for a number with a unit (`40 %`) or a word (`ca. 8`) beside it."""
    number = _read(number_text.strip(), grouping=grouping)
    if isinstance(number, _Ambiguous):
        key = "number_hint_unit_only" if unit else "number_hint_text_only"
        return MESSAGES[key].format(unit=unit) + " " + _readings(number_text.strip(), number, integer)
    if number is None:
        return MESSAGES["number_hint_digits"].format(example=example)
    key = "number_hint_unit" if unit else "number_hint_text"
    return MESSAGES[key].format(unit=unit, suggestion=as_yaml(number, grouping=grouping))


def as_yaml(number: float, *, grouping: bool = True) -> str:
    """A number as editors should write it in YAML (`8.3`, `1200000`), and as it is read back.

    `grouping`: where thousands dots are possible, 1.234 is written 1.2340, which is not ambiguous.
    """
    if isinstance(number, int):
        return str(number)  # exactly: Decimal's normalize() keeps only 28 digits
    text = _written(Decimal(repr(number)))
    return _unambiguous(text) if grouping else text


def _unambiguous(text: str) -> str:
    """`1.234` as `1.2340`: the same decimal, and no longer like German thousands."""
    body = text.lstrip("+-")
    return text + "0" if _FORMS[AMBIGUOUS].fullmatch(body) else text


def _written(value: Decimal) -> str:
    """How to write a number in YAML: digits and a decimal point, no exponent, no trailing zeros."""
    try:
        text = format(value.normalize(), "f")
    except InvalidOperation:
        return str(value)
    return text
