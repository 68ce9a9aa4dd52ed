"""The ikep plugin's options in mkdocs.yml, checked like content: one parser for the build and `ikep check`.

The options are read from the YAML nodes of the configuration file, so every problem names the
file and line (`mkdocs.yml:42: plugins → ikep → build_date: …`) and a value stays as written:
`build_date: 2026-11-18` is a date to us, while MkDocs' own reading would make it a Python date and
reject it. `process` and `operator` are only located here; the loader checks them with their specs
(PROCESS, OPERATOR), because it also resolves the process's references to areas.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Report
from ..editor.options import EditorOption, EditorOptions
from ..jsonschema import SCHEMA_DIR
from ..messages import MESSAGES
from ..model import Kind
from ..pages import SPECIAL_PAGES
from .loader import DEFAULT_FOLDERS
from .options import OptionSource, compose_config, dumped_node, is_null, plugin_entry
from .schema import INVALID, Boolean, Choice, Context, DateSpec, Field, Record, Text, Url, did_you_mean
from .specs import OPERATOR, PROCESS

PATH: Final = "plugins → ikep"
DEFAULT_HOSTING: Final = "GitHub Pages (GitHub Inc., 88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, USA)"
DEFAULT_LICENCE: Final = "CC BY 4.0"
DEFAULT_LICENCE_URL: Final = "https://creativecommons.org/licenses/by/4.0/deed.de"
# Folders the site gets from ikep-site itself: a kind's folder of the same name would share its URLs.
# "assets" holds the plugin's scripts and maps (ASSET_PREFIX in plugin.py), "search" the search index;
# the last five are the pages of the second round of the content model.
GENERATED_FOLDERS: Final = frozenset(
    {uri.split("/")[0].removesuffix(".md") for uri in SPECIAL_PAGES.values()}
    | {SCHEMA_DIR, "assets", "search", "bericht", "einbetten", "vergleich", "admin", "gebaerdensprache"}
)
FOLDER_PATTERN: Final = r"^[\w-]+$"  # one path segment: letters (also umlauts), digits, - and _
# HTML's referrer policies: the tiles' server sees at most what the chosen one sends.
REFERRER_POLICIES: Final = (
    "no-referrer",
    "no-referrer-when-downgrade",
    "origin",
    "origin-when-cross-origin",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
)


@dataclass
class FolderName(Text):
    """A kind's folder below content/: one path segment, so URLs and the loader agree on it."""

    example: str = "ziele"
    description = "ein Ordnername"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = super().convert(node, ctx, name)
        if not isinstance(value, str):
            return value
        folder = value.strip("/")  # `ziele/` means the folder ziele
        if not re.match(FOLDER_PATTERN, folder):
            return ctx.error(node, MESSAGES["option_folder_bad"].format(name=name, value=value, default=self.example))
        return folder


# DCAT-AP.de catalogue (render/dcat.py): GovData's ID of the data provider, as in
# http://dcat-ap.de/def/contributors/<ID>; the full address is accepted too.
CONTRIBUTOR_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
CONTRIBUTOR_PREFIXES: Final = ("http://dcat-ap.de/def/contributors/", "https://dcat-ap.de/def/contributors/")


@dataclass
class ContributorId(Text):
    """`dcat_contributor`: the ID GovData gave the site's operator; only given IDs are published."""

    description = "eine Kennung von GovData"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = super().convert(node, ctx, name)
        if not isinstance(value, str):
            return value
        contributor = value
        for prefix in CONTRIBUTOR_PREFIXES:
            contributor = contributor.removeprefix(prefix)
        if not re.match(CONTRIBUTOR_PATTERN, contributor):
            return ctx.error(node, MESSAGES["option_contributor_bad"].format(name=name, value=value))
        return contributor


FOLDERS: Final = Record(
    {
        kind.value: Field(FolderName(example=DEFAULT_FOLDERS[kind]), help=f"Ordner, Voreinstellung {folder}")
        for kind, folder in DEFAULT_FOLDERS.items()
    }
)
TILES: Final = Record(
    {
        "url": Field(Url(), help="Adresse der Kacheln mit {z}, {x} und {y}"),
        "name": Field(Text(), help="Name des Kartendienstes"),
        "attribution": Field(Text(), help="Quellenvermerk der Karte"),
        "attribution_url": Field(Url(), help="Link zum Quellenvermerk"),
        "referrer_policy": Field(Choice(REFERRER_POLICIES), help="Was der Kartendienst über die Seite erfährt"),
    }
)
OPTIONS: Final = Record(
    {
        "process": Field(PROCESS, help="Der Prozess (siehe das Inhaltsmodell)"),
        "operator": Field(OPERATOR, help="Der Betreiber, für Impressum, Datenschutz und Barrierefreiheit"),
        "folders": Field(FOLDERS, help="Ordnernamen der Arten"),
        "hosting": Field(Text(), help="Wer die Website bereitstellt (in der Datenschutzerklärung)"),
        "build_date": Field(DateSpec(), help="Datum, nach dem Phasen und Beteiligung gelten (sonst heute)"),
        "tiles": Field(TILES, help="Hintergrundkarte, auf Wunsch der Lesenden geladen"),
        "data_licence": Field(Text(), help="Lizenz der offenen Daten"),
        "data_licence_url": Field(Url(), help="Link zur Lizenz"),
        # DCAT-AP.de catalogue
        "dcat_contributor": Field(ContributorId(), help="Kennung des Datenbereitstellers bei GovData"),
        "editor": Field(EditorOption(), help="Der Web-Editor unter admin/: false schaltet ihn aus"),
        "report_pdf": Field(Boolean(), help="Der Sachstandsbericht (bericht/) auch als PDF; false schaltet es aus"),
        "report_pdf_processes": Field(
            Boolean(), help="In einem Portal auch für jeden Prozess ein PDF seines Berichts (kostet Bauzeit)"
        ),
        "parallel": Field(Boolean(), help="ohne Wirkung; bleibt erlaubt, damit ältere Einstellungen gelten"),
        # MkDocs' own switch for every plugin; MkDocs reads it before the plugin sees its options.
        "enabled": Field(Boolean(), help="false: das Plugin ist ausgeschaltet"),
    }
)
# Checked by the loader, which also resolves the process's references: here only located.
LOADED_ELSEWHERE: Final = frozenset({"process", "operator"})


@dataclass(frozen=True)
class RequestedFolder:
    folder: str
    line: int | None


@dataclass(frozen=True)
class PluginOptions:
    """The checked options; a wrong or missing one has its default (and a diagnostic in `report`)."""

    display: str = "mkdocs.yml"  # the configuration file as editors know it
    configured: bool = False  # the plugin is in the configuration
    process: OptionSource | None = None
    operator: OptionSource | None = None
    requested_folders: Mapping[Kind, RequestedFolder] = field(default_factory=dict)
    hosting: str = DEFAULT_HOSTING
    build_date: date | None = None
    tiles: Mapping[str, str] = field(default_factory=dict)  # only what is given; the rest is OpenStreetMap's
    data_licence: str = DEFAULT_LICENCE
    data_licence_url: str = DEFAULT_LICENCE_URL
    dcat_contributor: str | None = None  # DCAT-AP.de catalogue: GovData's contributor ID
    report_pdf: bool = True  # the progress report as a PDF (render/reportpdf.py)
    report_pdf_processes: bool = False  # in a portal, also each process's report
    parallel: bool = True
    editor: EditorOptions = field(default_factory=EditorOptions)
    report: Report = field(default_factory=Report)

    def checked_values(self) -> dict[str, Any]:
        """Every option but process and operator, as MkDocs may keep them (`IkepConfig`)."""
        return {
            "folders": {kind.value: requested.folder for kind, requested in self.requested_folders.items()},
            "hosting": self.hosting,
            "build_date": self.build_date,
            "tiles": dict(self.tiles),
            "data_licence": self.data_licence,
            "data_licence_url": self.data_licence_url,
            "dcat_contributor": self.dcat_contributor,
            "report_pdf": self.report_pdf,
            "report_pdf_processes": self.report_pdf_processes,
            "parallel": self.parallel,
            "editor": self.editor,
        }

    def folders_for(self, processes: Collection[str] = ()) -> tuple[dict[Kind, str], Report]:
        """Each kind's folder beside the portal's process folders; a folder that cannot be is its default.

        Of two kinds with the same folder the one written later gets its default, until every kind
        has a folder of its own (the defaults differ from each other and from generated folders).
        """
        report = Report()
        chosen: dict[Kind, RequestedFolder] = {}
        for kind, requested in self.requested_folders.items():
            name = f"{PATH} → folders → {kind.value}"
            if requested.folder in GENERATED_FOLDERS:
                generated = ", ".join(sorted(GENERATED_FOLDERS))
                message = MESSAGES["option_folder_generated"].format(
                    name=name, value=requested.folder, generated=generated
                )
            elif requested.folder in processes:
                message = MESSAGES["option_folder_process"].format(name=name, value=requested.folder)
            else:
                chosen[kind] = requested
                continue
            report.add(self.display, requested.line, message + _fallback(kind))
        while clash := _clash(chosen):
            kind, other = clash
            requested = chosen.pop(kind)
            where = (
                MESSAGES["option_folder_line"].format(line=chosen[other].line)
                if other in chosen and chosen[other].line
                else MESSAGES["option_folder_default"]
            )
            name = f"{PATH} → folders → {kind.value}"
            message = MESSAGES["option_folder_taken"].format(
                name=name, value=requested.folder, other=other.value, where=where
            )
            report.add(self.display, requested.line, message + _fallback(kind))
        return {**DEFAULT_FOLDERS, **{kind: requested.folder for kind, requested in chosen.items()}}, report


def _clash(chosen: Mapping[Kind, RequestedFolder]) -> tuple[Kind, Kind] | None:
    """A configured kind (the last written first) whose folder another kind has too."""
    effective = {**DEFAULT_FOLDERS, **{kind: requested.folder for kind, requested in chosen.items()}}
    for kind in reversed(list(chosen)):
        for other in Kind:
            if other is not kind and effective[other] == effective[kind]:
                return kind, other
    return None


def _fallback(kind: Kind) -> str:
    return MESSAGES["option_folder_fallback"].format(default=DEFAULT_FOLDERS[kind])


def read_options(config_file: Path | None, display: str, given: Mapping[str, Any] | None = None) -> PluginOptions:
    """The plugin's options from the configuration file; `given` (MkDocs' reading) where the file lacks them."""
    tree = compose_config(config_file, display, Report()) if config_file else None
    return options_from_tree(tree, display, given)


def options_from_tree(tree: Node | None, display: str, given: Mapping[str, Any] | None = None) -> PluginOptions:
    """The options of the ikep entry in a configuration's node tree.

    `given` stands in when the tree has no ikep entry although MkDocs found one (a configuration
    made in code, or inherited with INHERIT): checked all the same, without line numbers.
    """
    report = Report()
    entry = plugin_entry(tree)
    if entry is not None:
        node, first_line = entry.options, 1
    elif given is not None:
        node, first_line = (dumped_node(dict(given)) if given else None), None
    else:
        return PluginOptions(display=display, report=report)
    ctx = Context(path=display, first_line=first_line, report=report)
    if entry is not None and node is not None:
        ctx.key_lines[node] = ctx.line(entry.key)
    values: dict[str, Any] = {}
    if node is not None:
        values = _mapping(node, OPTIONS, ctx, PATH) or {}
    if "operator" not in values:
        report.add(display, None, MESSAGES["operator_missing"].format(missing="operator"))
    requested = _value(values, "folders", {})
    folders = {Kind(key): RequestedFolder(folder, line) for key, (folder, line) in requested.items()}
    tiles = {key: value for key, (value, _) in _value(values, "tiles", {}).items()}
    return PluginOptions(
        display=display,
        configured=True,
        process=_source(values.get("process"), display, first_line),
        operator=_source(values.get("operator"), display, first_line),
        requested_folders=folders,
        hosting=_value(values, "hosting", DEFAULT_HOSTING),
        build_date=_value(values, "build_date", None),
        tiles=tiles,
        data_licence=_value(values, "data_licence", DEFAULT_LICENCE),
        data_licence_url=_value(values, "data_licence_url", DEFAULT_LICENCE_URL),
        dcat_contributor=_value(values, "dcat_contributor", None),
        report_pdf=_value(values, "report_pdf", True),
        report_pdf_processes=_value(values, "report_pdf_processes", False),
        parallel=_value(values, "parallel", True),
        editor=_value(values, "editor", EditorOptions()),
        report=report,
    )


def _value(values: Mapping[str, tuple[Any, int | None]], key: str, default: Any) -> Any:
    return values[key][0] if key in values else default


def _source(value: tuple[Any, int | None] | None, display: str, first_line: int | None) -> OptionSource | None:
    return OptionSource(value[0], display, first_line) if value is not None else None


def _mapping(node: Node, record: Record, ctx: Context, name: str) -> dict[str, tuple[Any, int | None]] | None:
    """The checked values of a mapping option, each with the line of its key; None if it is none.

    Like `Record.convert_values`, but naming each key by its path in mkdocs.yml
    (`plugins → ikep → tiles → url`), as editors find it there.
    """
    if not isinstance(node, MappingNode):
        ctx.error(node, _not_a_mapping(node, record, name))
        return None
    lines: dict[str, int] = {}
    values: dict[str, tuple[Any, int | None]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            ctx.error(key_node, MESSAGES["bad_key"])
            continue
        key, line = str(key_node.value), ctx.line(key_node)
        qualified = f"{name} → {key}"
        if key in lines:
            ctx.error(key_node, MESSAGES["duplicate_key"].format(name=qualified, line=lines[key]))
            continue
        lines[key] = line
        if key not in record.fields:
            known = list(record.fields)
            message = MESSAGES["unknown_key"].format(name=qualified, known=", ".join(known)) + did_you_mean(key, known)
            ctx.error(key_node, message)
            continue
        if is_null(value_node):
            continue  # an empty value counts as absent
        ctx.key_lines.setdefault(value_node, line)
        spec = record.fields[key].spec
        shown_line = line if ctx.first_line is not None else None
        if key in LOADED_ELSEWHERE and record is OPTIONS:
            if not isinstance(value_node, MappingNode):
                assert isinstance(spec, Record)
                ctx.error(value_node, _not_a_mapping(value_node, spec, qualified))
                continue
            values[key] = (value_node, shown_line)
        elif isinstance(spec, Record):
            checked = _mapping(value_node, spec, ctx, qualified)
            if checked is not None:
                values[key] = (checked, shown_line)
        else:
            value = spec.convert(value_node, ctx, qualified)
            if value is not INVALID:
                values[key] = (value, shown_line)
    return values


def _not_a_mapping(node: Node, record: Record, name: str) -> str:
    keys = ", ".join(f"{key}:" for key in list(record.fields)[:3])
    if isinstance(node, SequenceNode):
        got = MESSAGES["a_list"]
    else:
        got = MESSAGES["option_got_value"].format(value=str(node.value))
    return MESSAGES["option_not_mapping"].format(name=name, keys=keys, got=got)
