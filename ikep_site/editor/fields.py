"""Each key of a spec as a Decap CMS form field: the widget that fits what the loader accepts.

Nothing here names a key of a kind: the widget follows from the key's spec type, the label from
`labels.EDITOR_FIELD` (a key without one keeps its own name), the hint from the spec's help text.
So a key added to content/specs.py is in the form without touching this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import labels
from ..content.schema import (
    SLUG_PATTERN,
    Boolean,
    Choice,
    ContentFile,
    DateOrDateTime,
    DateSpec,
    Email,
    Field,
    ListOf,
    Number,
    Record,
    Ref,
    Slug,
    Spec,
    Url,
)
from ..content.specs import ValuesOrFile

# Stored as the loader reads them; shown as Germans read them.
DATE_FIELD = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD.MM.YYYY", "time_format": False}
DATETIME_FIELD = {
    "widget": "datetime",
    "format": "YYYY-MM-DDTHH:mm",
    "date_format": "DD.MM.YYYY",
    "time_format": "HH:mm",
}
# Keys whose text is a sentence or more: a text area instead of one line.
LONG_TEXT = frozenset({"summary", "purpose", "text", "accessibility", "image_alt"})

# The collection a reference to a kind points to (its name in the configuration).
CollectionOf = Callable[[str], str]


def form_fields(record: Record, collection_of: CollectionOf, *, present: bool = True) -> list[dict[str, Any]]:
    """Every key of `record`, in the spec's order, as a form field.

    `present` is False inside an optional object: Decap would insist on its required keys even when
    the object is left out, so they are optional in the form and `ikep check` asks for the missing one.
    """
    fields = []
    for key, spec_field in record.fields.items():
        fields.append(form_field(key, spec_field, collection_of, present=present))
        if isinstance(spec_field.spec, ValuesOrFile):  # the list's alternative, a path (ikep-editor.js)
            fields.append(_file_field(spec_field.spec.file_key(key)))
    return fields


def _file_field(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": labels.EDITOR_FIELD[name],
        "widget": "string",
        "required": False,
        "hint": labels.EDITOR_TEXT["values_file_hint"],
    }


def form_field(key: str, spec_field: Field, collection_of: CollectionOf, *, present: bool = True) -> dict[str, Any]:
    label = labels.EDITOR_FIELD.get(key, key)
    field: dict[str, Any] = {"name": key, "label": label}
    field.update(widget_for(key, spec_field.spec, collection_of, present=present and spec_field.required))
    field["required"] = present and spec_field.required
    if spec_field.help and spec_field.help != label:
        field["hint"] = spec_field.help
    return field


def widget_for(key: str, spec: Spec, collection_of: CollectionOf, *, present: bool = True) -> dict[str, Any]:
    """The widget and its options for one spec type; `present`: the value is required (see form_fields)."""
    if isinstance(spec, ListOf):
        return _list_widget(key, spec, collection_of)
    if isinstance(spec, Record):
        return {"widget": "object", "collapsed": False, "fields": form_fields(spec, collection_of, present=present)}
    if isinstance(spec, Ref):
        return _relation(spec, collection_of)
    if isinstance(spec, Choice):
        options = [{"label": spec.shown.get(value, value), "value": value} for value in spec.values]
        return {"widget": "select", "options": options}
    if isinstance(spec, Boolean):
        return {"widget": "boolean"}
    if isinstance(spec, DateSpec):
        return dict(DATE_FIELD)
    if isinstance(spec, DateOrDateTime):
        return dict(DATETIME_FIELD)
    if isinstance(spec, Number):
        return _number(spec)
    if isinstance(spec, ContentFile):
        return {"widget": spec.media, "choose_url": False}
    if isinstance(spec, Slug):
        return {"widget": "string", "pattern": [SLUG_PATTERN.pattern, labels.EDITOR_TEXT["slug_pattern"]]}
    if isinstance(spec, Url):
        return {"widget": "string", "pattern": [f"^({'|'.join(spec.schemes)}):", labels.EDITOR_TEXT["url_pattern"]]}
    if isinstance(spec, Email):
        return {"widget": "string", "pattern": [r"^(mailto:)?[^@\s]+@[^@\s]+$", labels.EDITOR_TEXT["email_pattern"]]}
    return {"widget": "text" if key in LONG_TEXT else "string"}


def _list_widget(key: str, spec: ListOf, collection_of: CollectionOf) -> dict[str, Any]:
    item = spec.item
    if isinstance(item, Ref):  # several ids: one relation field that takes many
        relation: dict[str, Any] = {**_relation(item, collection_of), "multiple": True}
        if spec.min_items:
            relation["min"] = spec.min_items
        return relation
    widget: dict[str, Any] = {"widget": "list", "collapsed": False}
    if key in labels.EDITOR_ITEM:
        widget["label_singular"] = labels.EDITOR_ITEM[key]
    if isinstance(item, Record):
        widget["fields"] = form_fields(item, collection_of)
        first = next(iter(item.fields))
        widget["summary"] = "{{fields." + first + "}}"
    else:
        widget["field"] = {
            "name": key,
            "label": labels.EDITOR_FIELD.get(key, key),
            **widget_for(key, item, collection_of),
        }
    if spec.min_items:
        widget["min"] = spec.min_items
    return widget


def _relation(spec: Ref, collection_of: CollectionOf) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": collection_of(spec.target),
        "value_field": "{{slug}}",
        "search_fields": ["title"],
        "display_fields": ["title"],
        "options_length": 500,
    }


def _number(spec: Number) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "number", "value_type": "int" if spec.integer else "float"}
    if spec.minimum is not None:
        widget["min"] = spec.minimum
    if spec.maximum is not None:
        widget["max"] = spec.maximum
    return widget
