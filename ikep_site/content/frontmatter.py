"""Split a Markdown file into its YAML front matter (as a node tree with line numbers) and body.

We compose YAML into nodes instead of loading it into Python objects: nodes keep the line of every
key and the text exactly as the editor wrote it, so `07336` stays `07336` and errors can point at
the right line. Nothing here raises on bad input; every problem becomes a diagnostic.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Final

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.reader import ReaderError

from ..diagnostics import Report
from ..messages import MESSAGES, yaml_problem_de

FENCE = "---"
# libyaml's composer (when PyYAML was built with it) keeps the same marks and is many times
# faster; a document it rejects is read again by the Python composer for the error message.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Front matter of editors is a few levels deep; far deeper nesting is a mistake, and both YAML
# composers recurse per level (the C one can overflow the stack before Python notices).
MAX_DEPTH: Final = 20
# Nodes a front matter may have with its aliases written out: far more than any entry needs.
MAX_EXPANDED: Final = 10_000
ALIASED: Final = "aliased"
_OPENING: Final = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSING: Final = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)

# Characters nobody types on purpose and nobody sees: control characters (tab and line end
# aside), marks that turn the writing direction (they can make a text read differently than it
# is stored), the Unicode line separators (YAML counts them as line ends, so every later line
# number would be off) and invisible format characters. Soft hyphens and joiners stay allowed.
_INVISIBLE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]"
)
_DIRECTION: Final = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What files that are not text begin with: PNG, JPEG, GIF, PDF, ZIP (also .docx, .xlsx), OLE (.doc).
_BINARY_STARTS: Final = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


@dataclass(frozen=True)
class Document:
    meta: MappingNode | None  # None: the file has no front matter
    body: str
    meta_first_line: int  # file line of the first YAML line (node line 0)
    body_first_line: int


def decode(data: bytes, path: str, report: Report) -> str | None:
    """UTF-8 text with a BOM and Windows line ends removed, or None with a diagnostic.

    Text with an invisible control character is refused too (see `_INVISIBLE`): it would be
    published without anyone noticing.
    """
    if _is_binary(data):
        report.add(path, 1, MESSAGES["binary_file"])
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report.add(path, line, MESSAGES["not_utf8"].format(byte=f"0x{data[error.start]:02X}"))
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _INVISIBLE.search(text):
        _report_invisible(text, path, report)
        return None
    return text


def _is_binary(data: bytes) -> bool:
    """A picture or document saved as .md: a known file signature, or NUL bytes from the start on."""
    head = data[:8192]
    return head.startswith(_BINARY_STARTS) or head.count(0) > max(len(head) // 100, 8)


def _report_invisible(text: str, path: str, report: Report) -> None:
    """One diagnostic, at the first invisible character, naming the lines of the others."""
    found = list(_INVISIBLE.finditer(text))
    first = found[0]
    line = text.count("\n", 0, first.start()) + 1
    column = first.start() - (text.rfind("\n", 0, first.start()) + 1) + 1
    others = sorted({text.count("\n", 0, match.start()) + 1 for match in found[1:]})
    more = (
        MESSAGES["control_character_more"].format(
            count=len(found) - 1,
            lines=", ".join(str(number) for number in others[:10]) + (" …" if len(others) > 10 else ""),
        )
        if len(found) > 1
        else ""
    )
    character = first.group(0)
    report.add(
        path,
        line,
        MESSAGES["control_character"].format(
            column=column, character=f"U+{ord(character):04X}", kind=MESSAGES[_kind(character)], more=more
        ),
    )


def _kind(character: str) -> str:
    if character in "\u2028\u2029":
        return "control_kind_separator"
    if _DIRECTION.match(character):
        return "control_kind_direction"
    if ord(character) < 0xA0:
        return "control_kind_control"
    return "control_kind_invisible"


def split(text: str, path: str, report: Report, *, required: bool) -> Document | None:
    """Parse the front matter. `required`: entity files must have one."""
    if not text.strip():
        report.add(path, 1, MESSAGES["empty_file"])
        return None
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        if required:
            report.add(path, 1, MESSAGES["no_front_matter"])
            return None
        return Document(None, text, 1, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if end is None:
        report.add(path, 1, MESSAGES["front_matter_unclosed"])
        return None
    yaml_text = "\n".join(lines[1:end]) + "\n"
    body = "\n".join(lines[end + 1 :])
    node = compose(yaml_text, path, report, first_line=2)
    if node is False:
        return None
    if node is None:
        if required:
            report.add(path, 1, MESSAGES["front_matter_empty"])
            return None
        return Document(None, body, 2, end + 2)
    if not isinstance(node, MappingNode):
        report.add(path, 2, MESSAGES["front_matter_not_mapping"])
        return None
    return Document(node, body, 2, end + 2)


def compose(yaml_text: str, path: str, report: Report, *, first_line: int) -> Node | bool | None:
    """The YAML node tree, None for an empty document, False after a reported problem."""
    refused = _refused(yaml_text)
    if isinstance(refused, tuple):
        line, problem = refused
        report.add(path, first_line + line, MESSAGES["yaml_syntax"].format(problem=problem))
        return False
    try:
        node = yaml.compose(yaml_text, Loader=LOADER)
    except (yaml.YAMLError, RecursionError):
        pass  # say it with PyYAML's own wording, which the German explanations are made for
    else:
        return _bounded(node, refused is ALIASED, yaml_text, path, report, first_line)
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        return _bounded(node, refused is ALIASED, yaml_text, path, report, first_line)
    except RecursionError:  # `_refused` limits the depth; this is the last safety net
        report.add(path, first_line, MESSAGES["yaml_syntax"].format(problem=_too_deep()))
        return False
    except ReaderError as error:  # a character YAML does not allow; it knows where, not the line
        line = first_line + yaml_text.count("\n", 0, error.position)
        character = error.character if isinstance(error.character, str) else chr(error.character)
        problem = MESSAGES["yaml_bad_character"].format(character=f"U+{ord(character):04X}")
        report.add(path, line, MESSAGES["yaml_syntax"].format(problem=problem))
        return False
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or ""
        if ("end of stream" in problem or problem.startswith("expected ',' or")) and error.context_mark:
            mark = error.context_mark  # where the unclosed quote or bracket began
        line = first_line + mark.line if mark else first_line
        report.add(path, line, MESSAGES["yaml_syntax"].format(problem=yaml_problem_de(error)))
        return False
    except yaml.YAMLError as error:  # e.g. a reader error on control characters
        report.add(path, first_line, MESSAGES["yaml_syntax"].format(problem=str(error)))
        return False


def _bounded(
    node: Node | None, aliased: bool, yaml_text: str, path: str, report: Report, first_line: int
) -> Node | bool | None:
    """The node, or False (reported) when its aliases would multiply it beyond `MAX_EXPANDED`.

    `aliased` may be a guess from the text (a `*` in it); a large tree without a node used twice
    holds no alias and is as large as it was written, so it stays.
    """
    if not aliased or node is None or _expanded_size(node) <= MAX_EXPANDED or not _shares_nodes(node):
        return node
    line = _first_alias_line(yaml_text)
    problem = MESSAGES["yaml_alias_too_large"].format(limit=f"{MAX_EXPANDED:,}".replace(",", "."))
    report.add(path, first_line + line, MESSAGES["yaml_syntax"].format(problem=problem))
    return False


def _refused(yaml_text: str) -> tuple[int, str] | str | None:
    """The 0-based line and the problem of what we refuse before composing: nesting deeper than
    `MAX_DEPTH`. `ALIASED` when the text holds aliases: tools such as PyYAML's and js-yaml's dump
    write them for repeated values, so they are allowed, but an alias of an alias of … expands
    without bound ("billion laughs"), which `compose` measures. Scanners work without recursion.

    Text that cannot nest too deeply is not scanned: an alias needs a `*`, and `compose` tells a
    tree that shares nodes (what aliases make) from one that does not."""
    if _plainly_shallow(yaml_text):
        return ALIASED if "*" in yaml_text else None
    try:
        return _scan_refused(yaml_text, LOADER)
    except yaml.YAMLError:
        pass  # libyaml stops at its own nesting limit, before the line we look for: scan again
    try:
        return _scan_refused(yaml_text, yaml.SafeLoader)
    except yaml.YAMLError:
        return None  # a syntax error: composing reports it, with PyYAML's marks


# Where a line's block structure can begin: spaces and the indicators of entries and keys.
_LEADING: Final = re.compile(r"^[ \-?:]*", re.M)


def _plainly_shallow(yaml_text: str) -> bool:
    """Whether the text cannot nest deeper than `MAX_DEPTH`: nearly all front matter, which then
    is not scanned before it is composed (an `&` in a text such as "Kultur & Freizeit" used to
    send it through the scanner too).

    Each block level begins further right than its parent, within a line's leading spaces and
    `- ` marks, and each flow level needs an opening bracket; so the depth is at most the
    longest such lead plus one, plus the number of brackets.
    """
    brackets = yaml_text.count("[") + yaml_text.count("{")
    if brackets > MAX_DEPTH:
        return False
    lead = max((len(match.group(0)) for match in _LEADING.finditer(yaml_text)), default=0)
    return lead + 1 + brackets <= MAX_DEPTH


def _scan_refused(
    yaml_text: str, loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
) -> tuple[int, str] | str | None:
    depth = 0
    aliased = False
    for token in yaml.scan(yaml_text, Loader=loader):
        if isinstance(token, yaml.AliasToken):
            aliased = True
        elif isinstance(token, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                return token.start_mark.line, _too_deep()
        elif isinstance(token, _CLOSING):
            depth -= 1
    return ALIASED if aliased else None


def _expanded_size(root: Node) -> int:
    """How many nodes the tree has with every alias written out (each shared node counted per use),
    counted up to `MAX_EXPANDED` + 1.

    Walks the tree as it reads written out and stops past the limit: at most `MAX_EXPANDED` steps
    however large the expansion, and for the few dozen nodes of a front matter a tenth of the time
    that bookkeeping per distinct node took.
    """
    count = 0
    stack = [root]
    while stack and count <= MAX_EXPANDED:
        node = stack.pop()
        count += 1
        if isinstance(node, MappingNode):
            for pair in node.value:
                stack.extend(pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return count


def _shares_nodes(root: Node) -> bool:
    """Whether a node of the tree is reached twice: what an alias makes (it is the anchored node)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        stack.extend(_children(node))
    return False


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _first_alias_line(yaml_text: str) -> int:
    with contextlib.suppress(yaml.YAMLError):
        for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken):
                return int(token.start_mark.line)
    return 0


def _too_deep() -> str:
    return MESSAGES["yaml_too_deep"].format(limit=MAX_DEPTH)
