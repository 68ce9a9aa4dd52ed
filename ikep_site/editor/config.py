"""The Decap CMS configuration (admin/config.yml) of a site, made from its specs and mkdocs.yml.

A folder collection per kind (per kind and process in a portal), each key of the kind's spec as
a form field (fields.py). The repository and branch are those the pages' edit links use
(`repo_url`, `edit_uri`), so the editor commits where an editor on GitHub would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import yaml

from .. import labels
from ..kinds import entity_specs
from ..model import Kind, Site
from .fields import form_fields
from .options import EditorOptions

DECAP_SCRIPT: Final = "decap/decap-cms.js"
YAML_SCRIPT: Final = "js-yaml/js-yaml.min.js"
SITE_SCRIPT: Final = "ikep-editor.js"  # ikep_site/editor/ikep-editor.js: the format, empty fields, ids
FORMAT: Final = "ikep-frontmatter"  # registered by ikep-editor.js
ID_KEY: Final = "ikep_kennung"  # the new entry's id, made by ikep-editor.js, never written to the file
MEDIA_FOLDER: Final = "dokumente"  # below content/: uploads go where an editor's files go
GITHUB_REPO: Final = re.compile(r"^https?://(?:www\.)?github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
EDIT_URI: Final = re.compile(r"^/?(?:edit|blob)/([^/]+)/(.*?)/?$")
DEFAULT_BRANCH: Final = "main"
# Keys every kind has that matter least when an entry is made: at the end of the form (and file).
LAST: Final = ("updated", "image", "image_alt")


@dataclass(frozen=True)
class Repository:
    """Where the site's content lives on GitHub: `owner/name`, the branch, content/ within it."""

    name: str
    branch: str
    content_dir: str  # relative to the repository's root; "" when content/ is the root


def repository(repo_url: str | None, edit_uri: str | None, docs_dir_name: str) -> Repository | None:
    """The GitHub repository of `repo_url`, with branch and content folder from `edit_uri`; None if not GitHub."""
    match = GITHUB_REPO.match(repo_url or "")
    if not match:
        return None
    edit = EDIT_URI.match(edit_uri or "")
    branch, content_dir = (edit.group(1), edit.group(2)) if edit else (DEFAULT_BRANCH, docs_dir_name)
    return Repository(f"{match.group(1)}/{match.group(2)}", branch, content_dir.strip("/"))


def editor_config(
    site: Site, folders: dict[Kind, str], repo: Repository, options: EditorOptions, site_url: str | None
) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": "github", "repo": repo.name, "branch": repo.branch}
    if options.auth_url:
        backend["base_url"] = options.auth_url.rstrip("/")
        if options.auth_endpoint:
            backend["auth_endpoint"] = options.auth_endpoint.strip("/")
    config: dict[str, Any] = {
        "backend": backend,
        # On localhost only: `npx decap-server` in the repository folder saves to the files there.
        "local_backend": True,
        # Each change is a pull request, so the checks run before anything is published.
        "publish_mode": "editorial_workflow",
        "locale": "de",
        "media_folder": _join(repo.content_dir, MEDIA_FOLDER),
        "public_folder": MEDIA_FOLDER,  # how content/ refers to the file: dokumente/plan.pdf
        # Ids are made by ikep-editor.js as `ikep new` makes them; this only keeps Decap's own step ASCII.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": _collections(site, folders, repo),
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


def _collections(site: Site, folders: dict[Kind, str], repo: Repository) -> list[dict[str, Any]]:
    specs = entity_specs()
    collections = []
    process_ids = sorted(site.processes) if site.is_portal else [""]
    for process_id in process_ids:
        if site.is_portal and not process_id:
            continue  # a portal's entities live in its processes' folders
        process = site.processes.get(process_id)
        process_name = process.profile.name if process and process.profile else process_id

        def name_of(kind: str, process_id: str = process_id) -> str:
            return f"{process_id}-{kind}" if process_id else kind

        for kind in Kind:
            plural, singular = labels.EDITOR_KIND[kind.value]
            label = (
                labels.EDITOR_TEXT["collection_in_process"].format(kind=plural, process=process_name)
                if process_id
                else plural
            )
            folder = _join(repo.content_dir, process_id, folders[kind])
            fields = _what_first(form_fields(specs[kind], name_of))
            fields.append(
                {
                    "name": "body",
                    "label": labels.EDITOR_FIELD["body"],
                    "widget": "markdown",
                    # The Markdown as written: rich text would rewrite placeholders, admonitions, tables.
                    "modes": ["raw"],
                    "required": False,
                    "hint": labels.EDITOR_TEXT["body_hint"],
                }
            )
            collections.append(
                {
                    "name": name_of(kind.value),
                    "label": label,
                    "label_singular": singular,
                    "folder": folder,
                    "create": True,
                    "extension": "md",
                    "format": FORMAT,
                    "identifier_field": "title",
                    "slug": "{{fields." + ID_KEY + "}}",
                    "summary": "{{title}}",
                    "sortable_fields": ["title"],
                    "editor": {"preview": False},
                    "fields": fields,
                }
            )
    return collections


def _what_first(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Title and summary, then what the kind is about; the date of change and the picture last."""
    return [field for field in fields if field["name"] not in LAST] + [
        field for field in fields if field["name"] in LAST
    ]


def _join(*parts: str) -> str:
    return "/".join(part.strip("/") for part in parts if part.strip("/"))


def dump(config: dict[str, Any]) -> str:
    """The configuration as YAML, the same bytes for the same site."""
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
