"""Split a Markdown file into its YAML front matter (as a node tree with line numbers) and body.

We compose YAML into nodes instead of loading it into Python objects: nodes keep the line of every
key and the text exactly as the editor wrote it, so `07336` stays `07336` and errors can point at
the right line. Nothing here raises on bad input; every problem becomes a diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node

from ..diagnostics import Report
from ..messages import MESSAGES, yaml_problem_de

FENCE = "---"
# libyaml's composer (when PyYAML was built with it) keeps the same marks and is many times
# faster; a document it rejects is read again by the Python composer for the error message.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Document:
    meta: MappingNode | None  # None: the file has no front matter
    body: str
    meta_first_line: int  # file line of the first YAML line (node line 0)
    body_first_line: int


def decode(data: bytes, path: str, report: Report) -> str | None:
    """UTF-8 text with a BOM and Windows line ends removed, or None with a diagnostic."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report.add(path, line, MESSAGES["not_utf8"].format(byte=f"0x{data[error.start]:02X}"))
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
    """The YAML node tree, None for an empty document, False after a reported syntax error."""
    try:
        return yaml.compose(yaml_text, Loader=LOADER)
    except yaml.YAMLError:
        pass  # say it with PyYAML's own wording, which the German explanations are made for
    try:
        return yaml.compose(yaml_text, Loader=yaml.SafeLoader)
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
