"""A small declarative schema for front matter, checked against YAML nodes.

Each field type knows how to turn a YAML node into a Python value and how to describe itself
as JSON Schema, so validation and the published schema come from one source. Every problem is
reported with the line of the node it concerns; conversion never raises on editor input.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Report
from ..formatting import BERLIN, format_number
from ..messages import MESSAGES
from .numbers import Unreadable, as_yaml, read_number, text_pattern

NULL_TAG: Final = "tag:yaml.org,2002:null"
SLUG_PATTERN: Final = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
EMAIL_PATTERN: Final = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME: Final = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
GERMAN_DATE: Final = re.compile(r"^\d{1,2}\.\s?\d{1,2}\.(\s?\d{2,4})?$")


class _Invalid:
    """Marks a value that was reported as wrong; never shown to editors."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()


@dataclass(frozen=True)
class Reference:
    """A reference to another entity, remembered so it can be resolved once everything is loaded."""

    target: str  # the kind's plural name: "goals", "projects", …
    value: str
    line: int
    field: str


@dataclass
class Context:
    """Where we are: the file being checked and the sink for its problems."""

    path: str
    first_line: int | None  # file line of YAML line 0; None when the lines are unknown
    report: Report
    errors: int = 0
    references: list[Reference] = field(default_factory=list)
    # The line of the key of each value seen: a problem with a whole value points at its key,
    # also when the value is a block list or mapping that starts on the line below.
    key_lines: dict[Node, int] = field(default_factory=dict)
    # Indicator values from a file: reads the file an entry names (as written, the line of its
    # key) into its values, reporting its problems; given by the loader, the only code with I/O.
    read_values_file: Callable[[str, int], Any] | None = None

    def line(self, node: Node) -> int:
        if node in self.key_lines:
            return self.key_lines[node]
        return (self.first_line or 0) + node.start_mark.line

    def error(self, node: Node, message: str) -> _Invalid:
        return self.error_at(self.line(node), message)

    def error_at(self, line: int, message: str) -> _Invalid:
        self.errors += 1
        self.report.add(self.path, line if self.first_line is not None else None, message)
        return INVALID


def did_you_mean(value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return MESSAGES["did_you_mean"].format(suggestion=close[0]) if close else ""


def _kind_of(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return MESSAGES["a_list"]
    if isinstance(node, MappingNode):
        return MESSAGES["a_mapping"]
    return MESSAGES["a_value"]


class Spec:
    """A field type. Subclasses convert a non-null node or report why they cannot."""

    description: str = "Wert"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _scalar(self, node: Node, ctx: Context, name: str) -> str | _Invalid:
        if not isinstance(node, ScalarNode):
            return ctx.error(
                node,
                MESSAGES["wrong_shape"].format(name=name, expected=self.description, got=_kind_of(node)),
            )
        return str(node.value)


class Text(Spec):
    """Any scalar, taken exactly as written: `07336` stays a text with its leading zero."""

    description = "ein Text"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if isinstance(value, _Invalid):
            return value
        value = value.strip()
        if not value:
            return ctx.error(node, MESSAGES["empty"].format(name=name))
        return value

    def json_schema(self) -> dict[str, Any]:
        # The loader takes any scalar as written; editors' YAML tools read `lead: 2026` or an
        # unquoted `07335027` as a number, which is still a valid text here.
        return {"type": ["string", "number"], "pattern": r"\S"}


class ContentFile(Text):
    """A file in content/, written from content/ (`bilder/dorfladen.jpg`): read exactly like a text.

    Its own type only so that the web editor offers an upload for it (`image` for pictures).
    """

    def __init__(self, media: str = "file") -> None:
        self.media = media  # "image" or "file"


class Slug(Text):
    description = "eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = super().convert(node, ctx, name)
        if isinstance(value, str) and not SLUG_PATTERN.match(value):
            return ctx.error(node, MESSAGES["bad_slug"].format(name=name, value=value))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG_PATTERN.pattern}


@dataclass
class Ref(Spec):
    """The id of another entity (`<process-id>/<id>` for one in another process)."""

    target: str
    description = "die Kennung eines Eintrags"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = Text().convert(node, ctx, name)
        if isinstance(value, _Invalid):
            return value
        if not _is_ref(value):
            return ctx.error(node, MESSAGES["bad_ref"].format(name=name, value=value))
        ctx.references.append(Reference(self.target, value, ctx.line(node), name))
        return value

    def json_schema(self) -> dict[str, Any]:
        part = SLUG_PATTERN.pattern.strip("^$")
        return {"type": "string", "pattern": f"^(?:{part}/)?{part}$"}


def _is_ref(value: str) -> bool:
    parts = value.split("/")
    return len(parts) <= 2 and all(SLUG_PATTERN.match(part) for part in parts)


def _ids_in_text(text: str, *, bracketed_one: bool = True) -> list[str] | None:
    """The ids in a list written as text (`a, b`, `a b`, `"[a, b]"`), or None if it is not one.

    A single id stays a list of one; brackets around one id count (with `bracketed_one`) because
    a quoted `"[a]"` is no list either.
    """
    text = text.strip()
    bracketed = len(text) >= 2 and text[0] == "[" and text[-1] == "]"
    parts = [part for part in re.split(r"[\s,;]+", text[1:-1] if bracketed else text) if part]
    if not parts or not (len(parts) > 1 or (bracketed and bracketed_one)):
        return None
    return parts if all(_is_ref(part) for part in parts) else None


@dataclass
class Number(Spec):
    """A number as a YAML number or as editors write it in German (`8,3`, `1.200.000`); see numbers.py."""

    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    # False where thousands separators are impossible, so a dot is always a decimal point
    # (a coordinate: `lat: 49.512` is never 49512).
    grouping: bool = True
    example: str = ""  # shown to editors who wrote a word instead of a number

    @property
    def description(self) -> str:  # type: ignore[override]
        return "eine ganze Zahl" if self.integer else "eine Zahl"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        raw = self._scalar(node, ctx, name)
        if isinstance(raw, _Invalid):
            return raw
        example = self.example or ("40" if self.integer else "8.3")
        number = read_number(raw, name=name, integer=self.integer, grouping=self.grouping, example=example)
        if isinstance(number, Unreadable):
            return ctx.error(node, number.message)
        if self.integer and not float(number).is_integer():
            return ctx.error(node, MESSAGES["not_an_integer"].format(name=name, value=raw))
        if self.integer:
            number = int(number)
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            return ctx.error(node, self._range_message(name, raw))
        return number

    def _range_message(self, name: str, raw: str) -> str:
        if self.minimum is not None and self.maximum is not None:
            low, high = _num(self.minimum), _num(self.maximum)
            return MESSAGES["out_of_range"].format(name=name, value=raw, low=low, high=high)
        if self.minimum is not None:
            return MESSAGES["too_small"].format(name=name, value=raw, low=_num(self.minimum))
        return MESSAGES["too_large"].format(name=name, value=raw, high=_num(self.maximum or 0))

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        # Editors' YAML tools read `8,3` or `1.200.000` as text, which the loader reads as a number;
        # the range of such a text is checked by the loader only.
        return {"anyOf": [schema, {"type": "string", "pattern": text_pattern(grouping=self.grouping)}]}


def _num(value: float) -> str:
    """A limit as Germans read it: `0,5`, `1900` (a year keeps its four digits), `1.000.000.000.000`."""
    text = format_number(value)
    return text.replace(".", "") if abs(value) < 10_000 else text


class Boolean(Spec):
    description = "true oder false"
    TRUE: Final = ("true", "yes", "on", "ja")
    FALSE: Final = ("false", "no", "off", "nein")

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        raw = self._scalar(node, ctx, name)
        if isinstance(raw, _Invalid):
            return raw
        lowered = raw.strip().lower()
        if lowered in self.TRUE:
            return True
        if lowered in self.FALSE:
            return False
        return ctx.error(node, MESSAGES["not_a_boolean"].format(name=name, value=raw))

    def json_schema(self) -> dict[str, Any]:
        # YAML 1.2 tools read `ja` or `yes` as text; the loader accepts them as words for true/false.
        words = [form for word in (*self.TRUE, *self.FALSE) for form in (word, word.capitalize())]
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": words}]}


class DateSpec(Spec):
    """A calendar date, written `2026-12-03` (YAML reads that as a date, we read the text)."""

    description = "ein Datum (JJJJ-MM-TT)"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        raw = self._scalar(node, ctx, name)
        if isinstance(raw, _Invalid):
            return raw
        text = raw.strip()
        if ISO_DATE.match(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                return ctx.error(node, MESSAGES["impossible_date"].format(name=name, value=raw))
        if ISO_DATETIME.match(text):
            return ctx.error(node, MESSAGES["date_not_datetime"].format(name=name, value=raw))
        return ctx.error(node, _date_hint(name, raw))

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": ISO_DATE.pattern}


class DateOrDateTime(Spec):
    """A date (all day) or a local date and time; naive times are Europe/Berlin."""

    description = "ein Datum (JJJJ-MM-TT) oder Datum mit Uhrzeit (JJJJ-MM-TTTHH:MM)"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        raw = self._scalar(node, ctx, name)
        if isinstance(raw, _Invalid):
            return raw
        text = raw.strip()
        if ISO_DATE.match(text):
            return DateSpec().convert(node, ctx, name)
        if ISO_DATETIME.match(text):
            try:
                value = datetime.fromisoformat(text.replace(" ", "T", 1))
            except ValueError:
                return ctx.error(node, MESSAGES["impossible_date"].format(name=name, value=raw))
            return value.replace(tzinfo=BERLIN) if value.tzinfo is None else value
        return ctx.error(node, _date_hint(name, raw))

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"{ISO_DATE.pattern}|{ISO_DATETIME.pattern}"}


def _date_hint(name: str, raw: str) -> str:
    if GERMAN_DATE.match(raw.strip()):
        return MESSAGES["german_date"].format(name=name, value=raw)
    return MESSAGES["not_a_date"].format(name=name, value=raw)


@dataclass
class Choice(Spec):
    """One of a fixed set of values; `words` lets an editor's German word point to the right value."""

    values: tuple[str, ...]
    words: Mapping[str, str] = field(default_factory=dict)  # German word an editor may write -> value
    shown: Mapping[str, str] = field(default_factory=dict)  # value -> German label (the web editor's select)

    @property
    def description(self) -> str:  # type: ignore[override]
        return MESSAGES["one_of"].format(values=", ".join(self.values))

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        raw = self._scalar(node, ctx, name)
        if isinstance(raw, _Invalid):
            return raw
        value = raw.strip()
        if value in self.values:
            return value
        by_word = {word.lower(): key for word, key in self.words.items()}
        if value.lower() in by_word:
            hint = MESSAGES["did_you_mean"].format(suggestion=by_word[value.lower()])
        else:
            hint = did_you_mean(value, self.values)
        return ctx.error(
            node,
            MESSAGES["not_one_of"].format(name=name, value=value, values=", ".join(self.values)) + hint,
        )

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.values)}


@dataclass
class Url(Spec):
    schemes: tuple[str, ...] = ("https", "http")
    description = "eine Internetadresse (https://…)"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = Text().convert(node, ctx, name)
        if isinstance(value, _Invalid):
            return value
        match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", value)
        scheme = match.group(1).lower() if match else ""
        if (
            scheme not in self.schemes
            or re.search(r"\s", value)
            or (scheme in ("http", "https") and not re.match(r"^https?://[^/\s]+\.[^/\s]+", value, re.I))
        ):
            return ctx.error(node, MESSAGES["bad_url"].format(name=name, value=value, schemes=", ".join(self.schemes)))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^(" + "|".join(self.schemes) + "):"}


class Email(Spec):
    description = "eine E-Mail-Adresse"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = Text().convert(node, ctx, name)
        if isinstance(value, str) and value.lower().startswith("mailto:"):
            value = value[len("mailto:") :]
        if isinstance(value, str) and not EMAIL_PATTERN.match(value):
            return ctx.error(node, MESSAGES["bad_email"].format(name=name, value=value))
        return value

    def json_schema(self) -> dict[str, Any]:
        # A pattern rather than "format": formats are not checked by every validator.
        # ECMA-262 in unicode mode (as editors compile it) rejects the needless escape of ".
        address = EMAIL_PATTERN.pattern.lstrip("^").replace('\\"', '"')
        return {"type": "string", "pattern": "^(mailto:)?" + address}


@dataclass
class ListOf(Spec):
    """A list; a single value where a list is expected counts as a list of one."""

    item: Spec
    min_items: int = 0
    unique: bool = False
    description = "eine Liste"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        if self._as_text(node, ctx, name, "list_as_text"):
            return INVALID
        nodes = node.value if isinstance(node, SequenceNode) else [node]
        before = ctx.errors
        items = []
        seen: dict[Any, int] = {}
        for child in nodes:
            if _is_null(child):
                ctx.error(child, MESSAGES["empty_list_item"].format(name=name))
                continue
            if child is not node and self._as_text(child, ctx, name, "several_in_one_item"):
                continue
            value = self.item.convert(child, ctx, name)
            if isinstance(value, _Invalid):
                continue
            if self.unique:
                if value in seen:
                    ctx.error(child, MESSAGES["duplicate_item"].format(name=name, value=value, line=seen[value]))
                    continue
                seen[value] = ctx.line(child)
            items.append(value)
        if ctx.errors > before:
            return INVALID
        if len(items) < self.min_items:
            message = "too_few_items_one" if self.min_items == 1 else "too_few_items"
            return ctx.error(node, MESSAGES[message].format(name=name, count=self.min_items))
        return tuple(items)

    def _as_text(self, node: Node, ctx: Context, name: str, message: str) -> bool:
        """Report ids written as one text (`goals: a, b`), with the list to write instead."""
        if not isinstance(self.item, Ref) or not isinstance(node, ScalarNode):
            return False
        ids = _ids_in_text(str(node.value), bracketed_one=message == "list_as_text")
        if ids is None:
            return False
        key = name.rsplit(".", 1)[-1]
        ctx.error(
            node, MESSAGES[message].format(name=name, value=str(node.value).strip(), key=key, items=", ".join(ids))
        )
        return True

    def json_schema(self) -> dict[str, Any]:
        item = self.item.json_schema()
        schema: dict[str, Any] = {"type": "array", "items": item}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        if self.min_items > 1:
            return schema
        return {"anyOf": [schema, item]}  # a single value counts as a list of one


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = False
    help: str = ""  # German, for the editor guide and the JSON Schema


@dataclass
class Values:
    """A converted mapping: the values plus the line of each key and list item, for later checks."""

    data: dict[str, Any]
    lines: dict[str, int]
    line: int  # line of the mapping itself
    item_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)  # key -> line of each list item

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    def item_line(self, name: str, index: int) -> int:
        """The line of item `index` of the list under `name` (a valid list keeps every item)."""
        items = self.item_lines.get(name, ())
        return items[index] if index < len(items) else self.line_of(name)


Check = Callable[[Values, Context], None]


@dataclass(frozen=True)
class Together:
    """Two keys given both or neither (a place's lat and lon); `message` says why, with name, given, missing."""

    keys: tuple[str, str]
    message: str


@dataclass
class Record(Spec):
    """A mapping with known keys. `build` turns the checked values into a model object."""

    fields: dict[str, Field]
    build: Callable[[dict[str, Any]], Any] | None = None
    checks: Sequence[Check] = ()
    together: Sequence[Together] = ()
    description = "Angaben in der Form schlüssel: wert"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        values = self.convert_values(node, ctx, name)
        if isinstance(values, _Invalid):
            return values
        return self.build(values.data) if self.build else values.data

    def convert_values(self, node: Node, ctx: Context, name: str) -> Values | _Invalid:
        if not isinstance(node, MappingNode):
            return ctx.error(
                node,
                MESSAGES["wrong_shape"].format(
                    name=name or "Front Matter", expected=self.description, got=_kind_of(node)
                ),
            )
        before = ctx.errors
        data: dict[str, Any] = {}
        lines: dict[str, int] = {}
        item_lines: dict[str, tuple[int, ...]] = {}
        empty: set[str] = set()
        previous: tuple[Node, Node] | None = None
        for key_node, value_node in _pairs(node):
            split = _split_number(key_node, value_node, previous, self.fields) if node.flow_style else None
            previous = (key_node, value_node)
            if split is not None:
                ctx.error(key_node, MESSAGES["decimal_comma_split"].format(**split, name=_qualify(name, split["key"])))
                continue
            key = self._key(key_node, ctx, lines, name, flow=bool(node.flow_style))
            if key is None:
                continue
            lines[key] = ctx.line(key_node)
            ctx.key_lines.setdefault(value_node, lines[key])
            items = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            item_lines[key] = tuple(ctx.line(item) for item in items)
            if _is_null(value_node):
                empty.add(key)  # an empty value counts as absent
                continue
            value = self.fields[key].spec.convert(value_node, ctx, _qualify(name, key))
            if not isinstance(value, _Invalid):
                data[key] = value
        for key, spec_field in self.fields.items():
            if not spec_field.required:
                continue
            if key in empty:
                ctx.error_at(lines[key], MESSAGES["empty"].format(name=_qualify(name, key)))
            elif key not in lines:
                ctx.error(node, MESSAGES["missing"].format(name=_qualify(name, key)))
        for pair in self.together:
            given = [key for key in pair.keys if key in lines and key not in empty]
            if len(given) == 1:
                missing = next(key for key in pair.keys if key not in given)
                ctx.error_at(lines[given[0]], MESSAGES[pair.message].format(name=name, given=given[0], missing=missing))
        values = Values(data, lines, ctx.line(node), item_lines)
        for check in self.checks:  # on what is valid, so editors see every problem at once
            check(values, ctx)
        if ctx.errors > before:
            return INVALID
        return values

    def _key(self, key_node: Node, ctx: Context, lines: dict[str, int], parent: str, *, flow: bool) -> str | None:
        if not isinstance(key_node, ScalarNode):
            ctx.error(key_node, MESSAGES["bad_key"])
            return None
        key = str(key_node.value)
        if key in lines:
            ctx.error(key_node, MESSAGES["duplicate_key"].format(name=_qualify(parent, key), line=lines[key]))
            return None
        if key not in self.fields:
            ctx.error(
                key_node,
                MESSAGES["unknown_key"].format(name=_qualify(parent, key), known=", ".join(self.fields))
                + did_you_mean(key, list(self.fields))
                # `{year: 2024, value: 7,1}`: the comma ended the number and `1` became a key
                + (MESSAGES["decimal_comma_in_braces"] if flow and key.isdigit() else ""),
            )
            return None
        return key

    def json_schema(self) -> dict[str, Any]:
        properties = {}
        for key, spec_field in self.fields.items():
            schema = spec_field.spec.json_schema()
            if not spec_field.required:  # an empty optional value counts as absent
                schema = _nullable(schema)
            if spec_field.help:
                schema["description"] = spec_field.help
            properties[key] = schema
        schema = {"type": "object", "properties": properties, "additionalProperties": False}
        required = [key for key, spec_field in self.fields.items() if spec_field.required]
        if required:
            schema["required"] = required
        if self.together:
            first, second = zip(*(pair.keys for pair in self.together), strict=True)
            schema["dependentRequired"] = {
                **{key: [other] for key, other in zip(first, second, strict=True)},
                **{key: [other] for key, other in zip(second, first, strict=True)},
            }
        return schema


def _split_number(
    key_node: Node, value_node: Node, previous: tuple[Node, Node] | None, fields: Mapping[str, Field]
) -> dict[str, str] | None:
    """`{value: 8,3}`: the comma ended the entry, so YAML made `value: 8` and a key `3` without value.

    Returns what the message needs to show the number as written and how to write it, or None
    when the key is not the rest of a number split by a comma.
    """
    if previous is None or not (isinstance(key_node, ScalarNode) and str(key_node.value).isdigit()):
        return None
    previous_key, number_node = previous
    if not (_is_null(value_node) and value_node.value == "" and isinstance(previous_key, ScalarNode)):
        return None
    if not (isinstance(number_node, ScalarNode) and number_node.style in (None, "")):
        return None
    if not re.fullmatch(r"[+-]?[0-9][0-9.]*", str(number_node.value)):
        return None
    if key_node.start_mark.index - number_node.end_mark.index not in (1, 2):  # `8,3` or `8, 3`
        return None
    key = str(previous_key.value)
    spec = fields[key].spec if key in fields else None
    if not isinstance(spec, Number):  # `{phone: 06301,1234}` is no decimal number
        return None
    written = f"{number_node.value},{key_node.value}"
    number = read_number(written, name=key, grouping=spec.grouping)
    if isinstance(number, Unreadable):
        return None
    return {
        "key": key,
        "written": written,
        "whole": str(number_node.value),
        "rest": str(key_node.value),
        "suggestion": as_yaml(number, grouping=spec.grouping),
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    options = schema["anyOf"] if set(schema) == {"anyOf"} else [schema]
    return {"anyOf": [*options, {"type": "null"}]}


def _pairs(node: MappingNode) -> Iterator[tuple[Node, Node]]:
    yield from node.value


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG and node.value in ("", "~", "null", "Null", "NULL")


def _qualify(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key
