"""The progress report as a tagged PDF (PDF/UA-1), made by WeasyPrint from the report's own HTML.

WeasyPrint writes tagged PDF with the document language, title and bookmarks from the headings,
and draws the inline SVG charts as vectors. It needs Pango from the operating system; where it or
WeasyPrint is missing, the build says so and goes on without the PDF.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import posixpath
from html import escape
from importlib.resources import files
from typing import Any, Final

from ..urls import page_url

PDF_NAME: Final = "sachstandsbericht.pdf"
STYLESHEET: Final = files("ikep_site").joinpath("templates/ikep/report-pdf.css")


def pdf_path(src_uri: str, *, use_directory_urls: bool) -> str:
    """Where the report's PDF is published: in the folder of the report's page."""
    url = page_url(src_uri, use_directory_urls=use_directory_urls)
    folder = url if url.endswith("/") or not url else posixpath.dirname(url)
    return posixpath.join(folder, PDF_NAME) if folder else PDF_NAME


def missing_tool() -> str | None:
    """Why no PDF can be made here (WeasyPrint or Pango missing), or None; cheap, imports nothing."""
    if importlib.util.find_spec("weasyprint") is None:
        return "WeasyPrint ist nicht installiert"
    if ctypes.util.find_library("pango-1.0") is None:
        return "die Bibliothek Pango fehlt"
    return None


def standalone(article: str, title: str) -> str:
    """The report's article as a document of its own, with the stylesheet for paper."""
    css = STYLESHEET.read_text(encoding="utf-8")
    return (
        '<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n{article}\n</body>\n</html>\n"
    )


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Nothing is loaded from anywhere: the charts are inline, the fonts the system's.
    raise ValueError(f"not fetched: {url}")


def pdf_bytes(document: str, base_url: str | None) -> bytes:
    """The PDF; `base_url` turns the report's relative links into addresses of the published site."""
    from weasyprint import HTML  # imported here: it costs 0.7 s and is needed only in this work

    pdf = HTML(string=document, base_url=base_url, url_fetcher=_no_fetch).write_pdf(pdf_variant="pdf/ua-1")
    return bytes(pdf)
