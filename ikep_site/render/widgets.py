"""Widgets (einbetten/): header-less pages for an <iframe> on the municipality's own website.

Each is a file of its own, not a MkDocs page: no theme, no navigation, no script, no request to
another host; one small stylesheet shared by all (assets/widgets/widget.css). Links open in the
top window, so a reader leaves the frame for the full page. In a portal each process has its own
widgets in its folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Final

from .. import labels
from ..model import Goal, Indicator, Kind, Process, Project
from ..pages import SPECIAL_PAGES, overview_uri
from .searchable import for_readers

if TYPE_CHECKING:
    from .html import HtmlRenderer

FOLDER: Final = "einbetten"
STYLESHEET: Final = "assets/ikep/widgets/widget.css"
# Heights for the <iframe> snippet, in CSS pixels: enough for the content at 375 px width.
HEIGHTS: Final = {"process": 440, "calls": 420, "chart": 640, "project": 340}


@dataclass(frozen=True)
class Widget:
    uri: str  # where it is published, e.g. "einbetten/termine.html"
    kind: str  # key of HEIGHTS and of the template in templates/ikep/widgets/
    title: str  # the document's <title> and the <iframe>'s title attribute
    full_page: str  # src_uri of the page it stands for
    goal: Goal | None = None
    indicator: Indicator | None = None
    project: Project | None = None


def snippet(widget: Widget, src: str) -> str:
    """The <iframe> element to copy, as text: every value escaped for the attribute it sits in."""
    return (
        f'<iframe src="{escape(src)}" title="{escape(widget.title)}" height="{HEIGHTS[widget.kind]}"'
        ' style="width: 100%; border: 0" loading="lazy"></iframe>'
    )


def folder_of(process: Process, is_portal: bool) -> str:
    return f"{process.id}/{FOLDER}/" if is_portal and process.id else f"{FOLDER}/"


def widgets_of(process: Process, *, is_portal: bool, process_page: str | None, calls_overview: str) -> Iterator[Widget]:
    """The widgets of one process: at a glance, the next calls, each indicator's chart, each project."""
    base = folder_of(process, is_portal)
    name = process.profile.name if process.profile else labels.PAGE_TITLE["process"]
    if process_page is not None:
        yield Widget(f"{base}prozess.html", "process", labels.t("widget_title_process", name=name), process_page)
    if process.calls:
        yield Widget(f"{base}termine.html", "calls", labels.t("widget_title_calls", name=name), calls_overview)
    for goal in sorted(process.goals.values(), key=lambda goal: goal.id):
        for indicator in goal.indicators:
            title = labels.t("widget_title_chart", indicator=indicator.name, goal=goal.title)
            uri = f"{base}ziel-{goal.id}-{indicator.id}.html"
            yield Widget(uri, "chart", title, goal.src_uri, goal=goal, indicator=indicator)
    for project in sorted(process.projects.values(), key=lambda project: project.id):
        title = labels.t("widget_title_project", title=project.title)
        yield Widget(f"{base}projekt-{project.id}.html", "project", title, project.src_uri, project=project)


def all_widgets(renderer: HtmlRenderer, only: Process | None = None) -> list[Widget]:
    """The widgets of every process, or of `only` one."""
    site = renderer.site
    processes = [p for p in site.processes.values() if p.id] if site.is_portal else [site.main]
    if only is not None:
        processes = [process for process in processes if process.id == only.id]
    found: list[Widget] = []
    for process in processes:
        found.extend(
            widgets_of(
                process,
                is_portal=site.is_portal,
                process_page=_process_page(renderer, process),
                calls_overview=_calls_overview(renderer, process),
            )
        )
    return found


def widget_files(renderer: HtmlRenderer) -> dict[str, str]:
    """Every widget as HTML, by its path in the site."""
    site = renderer.site
    files: dict[str, str] = {}
    for widget in all_widgets(renderer):
        scope = site.processes.get(widget.uri.split("/", 1)[0]) if site.is_portal else None
        link_to = renderer.linker(widget.uri)
        # A widget is read as written, never indexed: the search markers go.
        files[widget.uri] = for_readers(
            renderer.render_file(
                f"ikep/widgets/{widget.kind}.html",
                widget.uri,
                scope or site.main,
                widget_title=widget.title,
                full_url=link_to(widget.full_page),
                css_url=link_to(STYLESHEET),
                more_text=labels.LABELS[f"widget_more_{widget.kind}"],
                goal=widget.goal,
                indicator=widget.indicator,
                project=widget.project,
            )
        )
    return files


def _process_page(renderer: HtmlRenderer, process: Process) -> str | None:
    if renderer.site.is_portal:
        return renderer.process_pages.get(process.id)
    return SPECIAL_PAGES["process"] if process.profile is not None else None


def _calls_overview(renderer: HtmlRenderer, process: Process) -> str:
    prefix = f"{process.id}/" if renderer.site.is_portal and process.id else ""
    return prefix + overview_uri(renderer.folders, Kind.CALL)
