"""The progress report's PDF in the build: started once the pages are planned, written with the site.

The PDF is made from the report's HTML as the renderer makes it, in the background where a second
core is free (background.py); `mkdocs serve` reuses the last PDF while that HTML is the same.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .. import background, labels
from ..cache import digest
from ..content.plugin_options import PluginOptions
from ..messages import MESSAGES
from ..pages import PagePlan
from ..render.html import HtmlRenderer
from ..render.reportpdf import missing_tool, pdf_bytes, pdf_path, standalone
from ..urls import page_url
from .reporting import log


@dataclass
class ReportPdfs:
    """The PDFs of this build by their path in the site; the last bytes by document, for serve."""

    jobs: dict[str, tuple[str, background.Job]] = field(default_factory=dict)  # path -> (digest, job)
    made: dict[str, bytes] = field(default_factory=dict)  # document digest -> PDF

    def start(
        self,
        renderer: HtmlRenderer,
        plans: dict[str, PagePlan],
        options: PluginOptions,
        site_url: str | None,
        use_directory_urls: bool,
    ) -> None:
        """Start the PDF of each report that gets one; tell the renderer which pages link theirs."""
        self.jobs = {}
        renderer.report_pdfs = set()
        reports = [plan for plan in plans.values() if plan.role == "report" and _wanted(plan, options)]
        if not reports or not options.report_pdf:
            return
        reason = missing_tool()
        if reason is not None:
            log.warning("%s: %s", options.display, MESSAGES["report_pdf_missing"].format(reason=reason))
            return
        for plan in reports:
            url = page_url(plan.src_uri, use_directory_urls=use_directory_urls)
            path = pdf_path(plan.src_uri, use_directory_urls=use_directory_urls)
            document = standalone(renderer.report_for_pdf(plan), _title(renderer, plan))
            key = digest(document, site_url, url)
            base_url = (site_url + url) if site_url else None
            if key in self.made:
                job: background.Job = _Done(self.made[key])
            elif threading.active_count() > 1:  # mkdocs serve: no fork beside the server's threads
                job = background.SerialJob(partial(pdf_bytes, document, base_url))
            else:
                job = background.start(partial(pdf_bytes, document, base_url))
            self.jobs[path] = (key, job)
            renderer.report_pdfs.add(plan.src_uri)

    def write(self, site_dir: str) -> None:
        made: dict[str, bytes] = {}
        for path, (key, job) in sorted(self.jobs.items()):
            try:
                pdf = job.result()
            except background.JobFailed as error:
                log.warning(MESSAGES["report_pdf_failed"].format(path=path, reason=error))
                continue
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pdf)
            made[key] = pdf
        self.made = made


@dataclass
class _Done:
    pdf: bytes

    def result(self) -> bytes:
        return self.pdf


def _wanted(plan: PagePlan, options: PluginOptions) -> bool:
    """The site's own report always; in a portal each process's only when asked for."""
    return not plan.process or options.report_pdf_processes


def _title(renderer: HtmlRenderer, plan: PagePlan) -> str:
    scope = renderer.site.processes.get(plan.process or "")
    if scope is None or scope.profile is None or (renderer.site.is_portal and not plan.process):
        return labels.t("report_title", name=labels.PAGE_TITLE["portal"])
    return labels.t("report_title", name=scope.profile.name)
