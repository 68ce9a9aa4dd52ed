"""The `ikep` command for editors: check the content, start a new entry, start a new site.

`ikep check` runs the same loader and the same placeholder rules as the build, without MkDocs, so
it answers in well under a second; `ikep new` and `ikep init` write from the templates in
`scaffold/`. Everything editors read is German and lives in `messages.py` or in the templates.
"""

from __future__ import annotations

import json
import os
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, NoReturn

import click
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import kinds, placeholders
from .content.frontmatter import decode
from .content.loader import DEFAULT_FOLDERS, Loader, classify, process_folders, slugify
from .content.plugin_options import PluginOptions, options_from_tree
from .content.schema import SLUG_PATTERN
from .diagnostics import Diagnostic, Report
from .formatting import BERLIN, format_date
from .messages import MESSAGES, PROCESS_KINDS, yaml_problem_de
from .model import Kind

CONFIG_NAMES: Final = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
SCAFFOLD: Final = "scaffold"
# Names `ikep new` understands: the English kind names and the German words editors use.
# Derived from the registry of kinds (kinds.py), like the scaffold each kind starts from.
KIND_NAMES: Final = kinds.cli_names()
SCAFFOLDS: Final = kinds.scaffolds()
# Package data cannot hold dot files reliably; these names become dot files in a new site.
DOT_NAMES: Final = {"_github": ".github", "_gitignore": ".gitignore"}
TEMPLATE_SUFFIX: Final = ".tmpl"
# A new call is announced this many days ahead, at this hour, until the editor says otherwise.
CALL_LEAD_DAYS: Final = 28


# Reading mkdocs.yml --------------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: `!ENV` resolved as MkDocs does, other tags read as if untagged."""


def _construct_env(loader: yaml.SafeLoader, node: Node) -> Any:
    if isinstance(node, ScalarNode):
        names, default = [str(loader.construct_scalar(node))], None
    elif isinstance(node, SequenceNode):
        items = [str(item) for item in loader.construct_sequence(node)]
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        return None
    return next((os.environ[name] for name in names if name in os.environ), default)


def _construct_untagged(loader: yaml.SafeLoader, node: Node) -> Any:
    if isinstance(node, ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, MappingNode):
        return loader.construct_mapping(node, deep=True)
    return None


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_constructor(None, _construct_untagged)


class ConfigMissing(Exception):
    """The folder has no mkdocs.yml."""


@dataclass
class SiteConfig:
    """What `ikep` needs from mkdocs.yml, plus the problems found in it."""

    root: Path
    config_file: Path
    display: str  # the config file as shown to editors, e.g. "mkdocs.yml"
    docs_dir: Path
    folders: dict[Kind, str] = field(default_factory=lambda: dict(DEFAULT_FOLDERS))
    site_url: str | None = None
    options: PluginOptions = field(default_factory=PluginOptions)  # checked as the plugin checks them
    report: Report = field(default_factory=Report)

    @property
    def plugin(self) -> bool:
        """The ikep plugin is configured."""
        return self.options.configured


def read_config(root: Path, prefix: str = "") -> SiteConfig:
    """mkdocs.yml of the site in `root`; `prefix` goes before every path shown to editors."""
    config_file = next((root / name for name in CONFIG_NAMES if (root / name).is_file()), None)
    if config_file is None:
        raise ConfigMissing(str(root))
    display = prefix + config_file.name
    config = SiteConfig(root, config_file, display, root / "docs")
    text = decode(config_file.read_bytes(), display, config.report)
    if text is None:
        return config
    try:
        tree = yaml.compose(text, Loader=yaml.SafeLoader)  # composing ignores tags; it gives the lines
        data = yaml.load(text, Loader=_ConfigLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        config.report.add(
            display,
            mark.line + 1 if mark else None,
            MESSAGES["cli_config_unreadable"].format(problem=yaml_problem_de(error)),
        )
        return config
    except yaml.YAMLError as error:
        config.report.add(display, None, MESSAGES["cli_config_unreadable"].format(problem=str(error)))
        return config
    if data is None:
        data = {}
    if not isinstance(data, dict):
        config.report.add(display, 1, MESSAGES["cli_config_not_mapping"])
        return config
    config.docs_dir = root / str(data.get("docs_dir") or "docs")
    config.site_url = str(data["site_url"]) if data.get("site_url") else None
    config.options = options_from_tree(tree, display)  # the plugin's own parser
    if not config.plugin:
        config.report.add(display, _line(tree, "plugins"), MESSAGES["cli_plugin_missing"])
    config.folders = config.options.folders_for()[0]  # check_site settles them beside the processes
    theme = data.get("theme")
    theme_name = theme.get("name") if isinstance(theme, dict) else theme
    font = theme.get("font") if isinstance(theme, dict) else None
    if theme_name == "material" and font is not False:  # as the plugin warns in on_config
        config.report.add(display, _line(tree, "theme"), MESSAGES["font_third_party"])
    return config


def _line(tree: Node | None, key: str) -> int | None:
    if isinstance(tree, MappingNode):
        for key_node, _ in tree.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return int(key_node.start_mark.line) + 1
    return None


# ikep check ------------------------------------------------------------------------------------------


def check_site(root: Path, prefix: str = "") -> Report:
    """Every problem `mkdocs build --strict` would report about the content, without building."""
    config = read_config(root, prefix)
    report = config.report
    docs_prefix = prefix + _relative(config.docs_dir, root) + "/"
    if not config.docs_dir.is_dir():
        report.add(config.display, None, MESSAGES["cli_docs_dir_missing"].format(dir=_relative(config.docs_dir, root)))
        return report
    pages = sorted(_documentation_pages(config.docs_dir))
    options = config.options
    config.folders, folder_report = options.folders_for(process_folders(config.docs_dir, pages))
    today = options.build_date or _today()  # as the build decides it (adapter/config.py)
    loader = Loader(config.docs_dir, folders=config.folders, display_prefix=docs_prefix, today=today)
    result = loader.load(
        pages,
        process=options.process,
        operator=options.operator,
        all_files=_content_files(config.docs_dir),
    )
    report.extend(result.report)
    report.extend(options.report)
    report.extend(folder_report)
    if config.plugin and config.site_url is None:  # as the plugin reports it
        report.add(config.display, None, MESSAGES["site_url_missing"])
    for src_uri in pages:
        if src_uri in result.left_out:
            continue  # not built; its own problem is reported already
        text = _read_text(config.docs_dir / src_uri)
        for line, candidate in _placeholders(text):
            if candidate.placeholder is None:
                problem = candidate.problem or ""
                report.add(docs_prefix + src_uri, line, problem, warning_only=candidate.warning_only)
                continue
            for problem in placeholders.problems(candidate.placeholder, result.site.main):
                report.add(docs_prefix + src_uri, line, problem)
    return report


def _documentation_pages(docs_dir: Path) -> Iterator[str]:
    """The Markdown files MkDocs builds: its default excludes are dot files and `templates/`."""
    return (src_uri for src_uri in _content_files(docs_dir) if src_uri.endswith(".md"))


def _content_files(docs_dir: Path) -> Iterator[str]:
    """Every file MkDocs publishes from content/, following links as MkDocs does, but not out of content/
    (a linked folder leading elsewhere is named itself, for the check to report)."""
    root = os.path.realpath(docs_dir)
    for folder, subfolders, names in os.walk(docs_dir, followlinks=True):
        relative = Path(folder).relative_to(docs_dir).parts
        if relative and relative[0] == "templates":
            subfolders[:] = []
            continue
        inside = []
        for name in sorted(subfolders):
            if name.startswith("."):
                continue
            real = os.path.realpath(os.path.join(folder, name))
            if real == root or real.startswith(root + os.sep):
                inside.append(name)
            else:
                yield "/".join((*relative, name))
        subfolders[:] = inside
        for name in sorted(names):
            if not name.startswith("."):
                yield "/".join((*relative, name))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    return decode(data, "", Report()) or ""


# Kept here for callers that mask code themselves (it lives with the placeholders now).
mask_code = placeholders.mask_code


def _placeholders(text: str) -> Iterator[tuple[int, placeholders.Candidate]]:
    """Placeholders in a page's Markdown with their lines, malformed ones too; not in front
    matter or code (the plugin reads the same candidates)."""
    return placeholders.in_source(text)


def _summary(diagnostics: list[Diagnostic]) -> str:
    if not diagnostics:
        return MESSAGES["cli_no_problems"]
    count, files = len(diagnostics), len({d.path for d in diagnostics})
    problems = MESSAGES["cli_problem_one"] if count == 1 else MESSAGES["cli_problems"].format(count=count)
    in_files = MESSAGES["cli_file_one"] if files == 1 else MESSAGES["cli_files"].format(count=files)
    return MESSAGES["cli_summary"].format(problems=problems, files=in_files)


def _github_annotation(diagnostic: Diagnostic) -> str:
    """A workflow command, so GitHub shows the problem at its line in the pull request."""

    def escape(value: str, *, prop: bool = False) -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return value.replace(":", "%3A").replace(",", "%2C") if prop else value

    where = f"file={escape(diagnostic.path, prop=True)}"
    if diagnostic.line:
        where += f",line={diagnostic.line}"
    return f"::error {where}::{escape(diagnostic.message)}"


def _write_step_summary(diagnostics: list[Diagnostic], summary: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    lines = [f"### {MESSAGES['cli_step_summary']}", "", summary, ""]
    if diagnostics:
        lines += ["```text", *(str(d) for d in diagnostics), "```", ""]
    with open(target, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


# ikep new and ikep init -----------------------------------------------------------------------------


def _scaffold() -> Traversable:
    return resources.files("ikep_site").joinpath(SCAFFOLD)


def _render(template: str, values: dict[str, str]) -> str:
    return string.Template(template).substitute(values)


def _yaml_text(value: str) -> str:
    """A YAML scalar for any text: a JSON string is a valid double-quoted YAML string."""
    return json.dumps(value, ensure_ascii=False)


def _today() -> date:
    return datetime.now(tz=BERLIN).date()


def _entity_ids(folder: Path, folders: dict[Kind, str], kind: Kind) -> list[str]:
    if not folder.is_dir():
        return []
    ids = []
    for path in folder.glob("*.md"):
        classified = classify(f"{folders[kind]}/{path.name}", folders)
        if classified and SLUG_PATTERN.match(classified[2]):
            ids.append(classified[2])
    return sorted(ids)


# The label of the public repository in the package's metadata ([project.urls] in pyproject.toml).
REPOSITORY_LABEL: Final = "repository"
# How a release is tagged in that repository.
RELEASE_TAG: Final = "v{version}"


def _requirement() -> str:
    try:
        distribution = metadata.distribution("ikep-site")
    except metadata.PackageNotFoundError:
        return "ikep-site"
    return requirement_for(distribution)


def requirement_for(distribution: metadata.Distribution) -> str:
    """How a new site installs ikep-site: the source this copy came from, where that is public.

    Otherwise (a wheel, a local folder, an index other than PyPI) the release's tag in the public
    repository: ikep-site is not on PyPI, so `ikep-site==<version>` would not install anywhere.
    """
    origin = _direct_url(distribution)
    url = str(origin.get("url", ""))
    vcs = origin.get("vcs_info") or {}
    if url.startswith("https://") and isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"ikep-site @ git+{url}@{vcs['commit_id']}"
    if url.startswith("https://") and "archive_info" in origin:
        return f"ikep-site @ {url}"
    repository = _repository(distribution)
    if repository:
        return f"ikep-site @ git+{repository}@{RELEASE_TAG.format(version=distribution.version)}"
    return f"ikep-site=={distribution.version}"


def _direct_url(distribution: metadata.Distribution) -> dict[str, Any]:
    """Where pip installed this copy from (PEP 610); empty for an index install or unreadable data."""
    try:
        origin = json.loads(distribution.read_text("direct_url.json") or "{}")
    except ValueError:
        return {}
    return origin if isinstance(origin, dict) else {}


def _repository(distribution: metadata.Distribution) -> str | None:
    for entry in distribution.metadata.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == REPOSITORY_LABEL and url.strip().startswith("https://"):
            return url.strip()
    return None


def _copy_tree(source: Traversable, target: Path, values: dict[str, str]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir(), key=lambda entry: entry.name):
        name = DOT_NAMES.get(item.name, item.name)
        if item.name == "__pycache__":
            continue
        if item.is_dir():
            _copy_tree(item, target / name, values)
        elif name.endswith(TEMPLATE_SUFFIX):
            text = _render(item.read_text(encoding="utf-8"), values)
            (target / name[: -len(TEMPLATE_SUFFIX)]).write_text(text, encoding="utf-8")
        else:
            (target / name).write_bytes(item.read_bytes())


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _prefix(directory: Path) -> str:
    """How paths are shown: relative to where the editor is, as they typed the folder."""
    text = directory.as_posix()
    return "" if text in ("", ".") else text.rstrip("/") + "/"


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


# The command -----------------------------------------------------------------------------------------


@click.group(help=MESSAGES["cli_help"])
@click.version_option(package_name="ikep-site")
def main() -> None:
    pass


@main.command(help=MESSAGES["cli_help_check"])
@click.argument("directory", metavar="[ORDNER]", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format", "output", type=click.Choice(["text", "github"]), default="text", help=MESSAGES["cli_help_format"]
)
def check(directory: Path, output: str) -> None:
    try:
        report = check_site(directory, _prefix(directory))
    except ConfigMissing:
        _fail(MESSAGES["cli_no_config"].format(dir=directory.as_posix()), 2)
    diagnostics = report.sorted()
    for diagnostic in diagnostics:
        click.echo(str(diagnostic))
    if output == "github":
        for diagnostic in diagnostics:
            click.echo(_github_annotation(diagnostic))
    summary = _summary(diagnostics)
    click.echo(summary)
    if output == "github":
        _write_step_summary(diagnostics, summary)
    sys.exit(1 if diagnostics else 0)


@main.command(help=MESSAGES["cli_help_new"])
@click.argument("kind", metavar="ART", type=click.Choice(sorted(KIND_NAMES), case_sensitive=False))
@click.argument("title", metavar="TITEL")
@click.option(
    "--dir", "directory", default=".", type=click.Path(file_okay=False, path_type=Path), help=MESSAGES["cli_help_dir"]
)
def new(kind: str, title: str, directory: Path) -> None:
    entity_kind = KIND_NAMES[kind.lower()]
    if not title.strip():
        _fail(MESSAGES["cli_empty_title"])
    try:
        config = read_config(directory, _prefix(directory))
    except ConfigMissing:
        _fail(MESSAGES["cli_no_config"].format(dir=directory.as_posix()), 2)
    folder = config.docs_dir / config.folders[entity_kind]
    target = folder / f"{slugify(title)}.md"
    shown = _prefix(directory) + _relative(target, directory)
    if target.exists():
        _fail(MESSAGES["cli_exists"].format(path=shown))
    today = _today()
    start = today + timedelta(days=CALL_LEAD_DAYS)
    values = {
        "title": _yaml_text(title.strip()),
        "today": today.isoformat(),
        "start": f"{start.isoformat()}T18:00",
        "end": f"{start.isoformat()}T20:00",
        "goal": "",
    }
    notes: list[str] = []
    if entity_kind is Kind.PROJECT:
        goals = _entity_ids(config.docs_dir / config.folders[Kind.GOAL], config.folders, Kind.GOAL)
        if not goals:
            _fail(MESSAGES["cli_no_goal"].format(folder=_prefix(directory) + _relative(folder.parent, directory)))
        values["goal"] = goals[0]
        notes.append(MESSAGES["cli_goal_chosen"].format(goal=goals[0], known=", ".join(goals)))
    template = _scaffold().joinpath("new", SCAFFOLDS[entity_kind]).read_text(encoding="utf-8")
    if entity_kind is Kind.CALL:  # its dates are made up: say so where no comment can be lost
        notes.append(MESSAGES["cli_call_dates"].format(date=format_date(start)))
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(_render(template, values), encoding="utf-8")
    click.echo(MESSAGES["cli_created"].format(path=shown))
    for note in notes:
        click.echo(note)
    command = "ikep check" if not _prefix(directory) else f"ikep check {directory.as_posix()}"
    click.echo(MESSAGES["cli_created_next"].format(command=command))


# ikep init: the values a new site is named with ------------------------------------------------------


@dataclass(frozen=True)
class InitValue:
    """One value `ikep init` fills in: how it is asked, named in messages, and its example."""

    ask: str  # message key of the question
    label: str  # message key of its name in messages
    example: str  # what the scaffold says when nobody names it
    choices: tuple[str, ...] = ()  # offered by number; any other text is taken as typed
    site_name: bool = False  # also the site's name, which the theme prints unescaped in places


INIT_NAME: Final = InitValue(
    "cli_init_ask_name", "cli_init_label_name", "Entwicklungskonzept Musterregion (Beispiel)", site_name=True
)
INIT_KIND: Final = InitValue("cli_init_ask_kind", "cli_init_label_kind", PROCESS_KINDS[0], PROCESS_KINDS)
INIT_OPERATOR: Final = InitValue("cli_init_ask_operator", "cli_init_label_operator", "Musterverwaltung (Beispiel)")
INIT_VALUES: Final = (INIT_NAME, INIT_KIND, INIT_OPERATOR)


def _site_value(spec: InitValue, given: str | None, asking: bool) -> tuple[str, bool]:
    """The value to write and whether it is still the example: from the option, else asked, else the example."""
    if given is not None:
        problem = _text_problem(given, spec)
        if problem:
            _fail(problem)
        return given.strip(), False
    if not asking:
        return spec.example, True
    if spec.choices:
        click.echo(MESSAGES["cli_init_kinds"])
        for number, choice in enumerate(spec.choices, start=1):
            click.echo(f"  {number}: {choice}")
    while True:
        try:
            answer = click.prompt(MESSAGES[spec.ask], default=spec.example, show_default=True)
        except (click.Abort, UnicodeDecodeError):  # Ctrl-C, end of input, bytes that are no UTF-8
            click.echo("")
            _fail(MESSAGES["cli_init_aborted"])
        text = str(answer).strip()
        if text.isdigit() and 1 <= int(text) <= len(spec.choices):
            text = spec.choices[int(text) - 1]
        problem = _text_problem(text, spec)
        if not problem:
            return text, text == spec.example and answer == spec.example
        click.echo(problem, err=True)


def _text_problem(text: str, spec: InitValue) -> str | None:
    """Why `text` cannot be written as this value, in German, or None."""
    label = MESSAGES[spec.label]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # an argument that was not UTF-8 (kept as surrogates by Python)
        return MESSAGES["cli_init_not_utf8"].format(label=label)
    if not text.strip():
        return MESSAGES["cli_init_empty"].format(label=label)
    if any(not character.isprintable() for character in text):
        return MESSAGES["cli_init_one_line"].format(label=label)
    if spec.site_name and THEME_MARKUP.search(text):
        return MESSAGES["cli_init_name_markup"].format(label=label)
    return None


# Material prints site_name and site_description as they are in some places (the header, the
# description) and escaped in others (the title attribute): only text that needs no escaping is
# right in both. Straight double quotes become German ones; markup and character references are refused.
THEME_MARKUP: Final = re.compile(r"[<>]|&[#A-Za-z0-9]")


def _theme_text(name: str) -> str:
    """The name as the theme can print it unescaped: "…" written as „…“."""
    parts = name.split('"')
    return "".join(part + ("„" if index % 2 == 0 else "“") for index, part in enumerate(parts[:-1])) + parts[-1]


@main.command(help=MESSAGES["cli_help_init"])
@click.argument("directory", metavar="ORDNER", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", metavar="TEXT", help=MESSAGES["cli_help_init_name"])
@click.option("--kind", metavar="TEXT", help=MESSAGES["cli_help_init_kind"])
@click.option("--operator", metavar="TEXT", help=MESSAGES["cli_help_init_operator"])
def init(directory: Path, name: str | None, kind: str | None, operator: str | None) -> None:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        _fail(MESSAGES["cli_dir_not_empty"].format(dir=directory.as_posix()))
    asking = sys.stdin.isatty()  # a script or a test pipes nothing in: it gets the examples, as before
    if asking and None in (name, kind, operator):
        click.echo(MESSAGES["cli_init_intro"])
    chosen = [
        _site_value(INIT_NAME, name, asking),
        _site_value(INIT_KIND, kind, asking),
        _site_value(INIT_OPERATOR, operator, asking),
    ]
    process_name, process_kind, operator_name = (value for value, _ in chosen)
    today = _today()
    start = today + timedelta(days=CALL_LEAD_DAYS)
    values = {
        "requirement": _requirement(),
        "today": today.isoformat(),
        "call_start": f"{start.isoformat()}T18:00",
        "call_end": f"{start.isoformat()}T21:00",
        "call_deadline": (start - timedelta(days=3)).isoformat(),
        # Typed by the editor: JSON strings, so quotes, colons and # stay text in YAML.
        "process_name": _yaml_text(process_name),
        "process_kind": _yaml_text(process_kind),
        "operator_name": _yaml_text(operator_name),
        "site_name": _yaml_text(_theme_text(process_name)),
        "site_description": _yaml_text(MESSAGES["init_site_description"].format(name=_theme_text(process_name))),
    }
    _copy_tree(_scaffold().joinpath("new-site"), directory, values)
    shown = directory.as_posix()
    click.echo(MESSAGES["cli_init_done"].format(dir=shown))
    labels = [MESSAGES[spec.label] for spec, (_, example) in zip(INIT_VALUES, chosen, strict=True) if not example]
    examples = [MESSAGES[spec.label] for spec, (_, example) in zip(INIT_VALUES, chosen, strict=True) if example]
    if labels:
        click.echo(MESSAGES["cli_init_filled"].format(values=", ".join(labels)))
    if _theme_text(process_name) != process_name:
        click.echo(MESSAGES["cli_init_site_name_quotes"].format(name=_theme_text(process_name)))
    if examples:
        click.echo(MESSAGES["cli_init_still_examples"].format(values=", ".join(examples), dir=shown))
    click.echo(MESSAGES["cli_init_rest_examples"].format(dir=shown))


@main.command(help=MESSAGES["cli_help_verify"])
@click.argument("directory", metavar="[ORDNER]", default="site", type=click.Path(path_type=Path))
def verify(directory: Path) -> None:
    from .checks import verify as checks  # only this command needs it

    sys.exit(checks.run(directory, _prefix(directory), click.echo))


@main.command(help=MESSAGES["cli_help_audit"])
@click.argument("directory", metavar="[ORDNER]", default="site", type=click.Path(path_type=Path))
@click.option("--browser", metavar="PFAD", type=click.Path(path_type=Path), help=MESSAGES["cli_help_browser"])
def audit(directory: Path, browser: Path | None) -> None:
    from .checks import audit as checks  # Playwright is an optional extra: imported only here

    sys.exit(checks.run(directory, _prefix(directory), click.echo, browser=browser))


if __name__ == "__main__":
    main()
