"""A small Turtle (RDF 1.1) writer: terms escaped by construction, subjects in the order given.

The catalogue (render/dcat.py) has a few dozen triples, all of them known in advance; a writer of
our own keeps rdflib (and its dependencies) out of the install. Every term is made by a function
here, so an editor's text can only ever become a string literal, and an address only an IRI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

PREFIXES: Final = (
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dcatde", "http://dcat-ap.de/def/dcatde/"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)

# Turtle's ECHAR escapes; every other control character becomes \uXXXX.
_ECHAR: Final = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE: Final = re.compile(r'[\\"\x00-\x1f\x7f\ufffe\uffff]')
# UTF-8 cannot carry a lone surrogate: dropped, like the feed drops what XML does not allow.
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
# What an IRI keeps as written: RFC 3986's unreserved and reserved characters, and escapes.
_IRI_SAFE: Final = "-._~:/?#[]@!$&'()*+,;=%"
_BARE_PERCENT: Final = re.compile(r"%(?![0-9A-Fa-f]{2})")
_IRI_SCHEMES: Final = ("http://", "https://", "mailto:")
# IRIREF's forbidden characters (Turtle grammar, production [18]); none may remain after `iri`.
_NOT_IN_IRIREF: Final = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class Term(str):
    """A term ready to be written: an IRI in <>, a prefixed name or a literal."""


def iri(value: str) -> Term:
    """`<value>`, percent-encoded where an IRI cannot hold a character as written.

    Only http(s) and mailto addresses are accepted: the catalogue links the site and its operator,
    nothing else, so anything other is a mistake in the caller, not an editor's.
    """
    if not value.lower().startswith(_IRI_SCHEMES):
        raise ValueError(f"not an http(s) or mailto address: {value!r}")
    encoded = _BARE_PERCENT.sub("%25", quote(_SURROGATE.sub("", value), safe=_IRI_SAFE))
    assert not _NOT_IN_IRIREF.search(encoded), encoded
    return Term(f"<{encoded}>")


def mailto(address: str) -> Term:
    """`<mailto:address>`, the address percent-encoded as a whole (`?` or `>` in it stay text)."""
    return iri("mailto:" + quote(address.strip(), safe="@!$'*+-._~"))


def literal(text: str, *, lang: str | None = "de") -> Term:
    """A string literal, `"…"@de` by default: every quote, backslash and line break escaped."""
    escaped = _NEEDS_ESCAPE.sub(_escape_char, _SURROGATE.sub("", text))
    return Term(f'"{escaped}"' + (f"@{lang}" if lang else ""))


def date_literal(iso: str) -> Term:
    """An `xsd:date`, from an ISO date (`2026-12-04`): never an editor's text."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        raise ValueError(f"not an ISO date: {iso!r}")
    return Term(f'"{iso}"^^xsd:date')


def name(prefixed: str) -> Term:
    """A prefixed name of our own vocabulary table (`dcat:Dataset`); checked against PREFIXES."""
    prefix, _, local = prefixed.partition(":")
    if prefix not in dict(PREFIXES) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", local):
        raise ValueError(f"unknown prefixed name: {prefixed!r}")
    return Term(prefixed)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


@dataclass(frozen=True)
class Subject:
    """One subject with its predicates, each with one or more objects, written in this order."""

    term: Term
    types: tuple[Term, ...]
    properties: tuple[tuple[Term, tuple[Term, ...]], ...]


Objects = Term | Sequence[Term] | None


def subject(term: Term, types: Sequence[Term], properties: Iterable[tuple[str, Objects]]) -> Subject:
    """A `Subject` from (prefixed predicate, object or objects) pairs; None and empty lists are left out."""
    kept: list[tuple[Term, tuple[Term, ...]]] = []
    for predicate, objects in properties:
        if objects is None:
            continue
        values = (objects,) if isinstance(objects, Term) else tuple(objects)
        if values:
            kept.append((name(predicate), values))
    return Subject(term, tuple(types), tuple(kept))


def document(subjects: Iterable[Subject]) -> str:
    """The Turtle document: the prefixes, then one block per subject, separated by a blank line."""
    lines = [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in PREFIXES]
    for item in subjects:
        lines.append("")
        lines.append(item.term)
        statements = []
        if item.types:
            statements.append("    a " + ", ".join(item.types))
        for predicate, objects in item.properties:
            if len(objects) == 1:
                statements.append(f"    {predicate} {objects[0]}")
            else:
                statements.append(f"    {predicate}\n        " + ",\n        ".join(objects))
        lines.append(" ;\n".join(statements) + " .")
    return "\n".join(lines) + "\n"
