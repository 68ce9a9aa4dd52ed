"""admin/index.html: the page that starts Decap CMS, or says what is missing to start it.

Not a page of the site: no theme, no navigation, not in the sitemap or the search, `noindex`; no
citizen page links to it.
"""

from __future__ import annotations

from html import escape

from .. import labels
from .config import DECAP_SCRIPT, SITE_SCRIPT, YAML_SCRIPT

HEAD = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<link rel="icon" href="data:,">
"""


def editor_page(site_name: str) -> str:
    title = labels.EDITOR_TEXT["page_title"].format(site=site_name)
    return (
        HEAD.format(title=escape(title))
        + '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n</head>\n<body>\n'
        + f"<noscript><p>{escape(labels.EDITOR_TEXT['noscript'])}</p></noscript>\n"
        # Decap waits for ikep-editor.js, which registers the site's format and starts it.
        + "<script>window.CMS_MANUAL_INIT = true;</script>\n"
        + "".join(f'<script src="{src}"></script>\n' for src in (DECAP_SCRIPT, YAML_SCRIPT, SITE_SCRIPT))
        + "</body>\n</html>\n"
    )


def notice_page(site_name: str) -> str:
    """Shown instead of the editor when the site does not say which GitHub repository it is in."""
    title = labels.EDITOR_TEXT["no_repository_title"]
    return (
        HEAD.format(title=escape(labels.EDITOR_TEXT["page_title"].format(site=site_name)))
        + "</head>\n<body>\n<main>\n"
        + f"<h1>{escape(title)}</h1>\n<p>{escape(labels.EDITOR_TEXT['no_repository'])}</p>\n"
        + "</main>\n</body>\n</html>\n"
    )
