"""The `editor` option: on (the default) or off, and where editors sign in with GitHub."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node

from ..content.schema import INVALID, Boolean, Context, Field, Record, Spec, Text, Url


@dataclass(frozen=True)
class EditorOptions:
    enabled: bool = True
    # The OAuth authenticator for signing in with GitHub (Decap: backend.base_url) and its path.
    auth_url: str | None = None
    auth_endpoint: str | None = None

    @property
    def auth_host(self) -> str | None:
        """The authenticator's host name, as the privacy statement names it."""
        return urlsplit(self.auth_url).hostname if self.auth_url else None


# Where Decap's GitHub backend signs in when the site names no authenticator of its own.
DECAP_DEFAULT_AUTH_HOST = "api.netlify.com"


@dataclass(frozen=True)
class EditorFacts:
    """What the privacy statement says of the editor: whether the site has one, and where it signs in."""

    enabled: bool
    auth_host: str | None


def editor_facts(options: EditorOptions, has_repository: bool) -> EditorFacts:
    enabled = options.enabled and has_repository
    return EditorFacts(enabled, (options.auth_host or DECAP_DEFAULT_AUTH_HOST) if enabled else None)


EDITOR_RECORD = Record(
    {
        "enabled": Field(Boolean(), help="false: kein Web-Editor unter admin/"),
        "auth_url": Field(Url(), help="Adresse des Anmeldedienstes für GitHub (OAuth)"),
        "auth_endpoint": Field(Text(), help="Pfad der Anmeldung beim Anmeldedienst, Voreinstellung auth"),
    }
)


class EditorOption(Spec):
    """`editor: false`, or a mapping with `enabled`, `auth_url` and `auth_endpoint`."""

    description = "true, false oder Angaben in der Form schlüssel: wert"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        if not isinstance(node, MappingNode):
            enabled = Boolean().convert(node, ctx, name)
            return INVALID if enabled is INVALID else EditorOptions(enabled=enabled)
        values = EDITOR_RECORD.convert(node, ctx, name)
        if values is INVALID:
            return INVALID
        return EditorOptions(
            enabled=values.get("enabled", True),
            auth_url=values.get("auth_url"),
            auth_endpoint=values.get("auth_endpoint"),
        )

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [Boolean().json_schema(), EDITOR_RECORD.json_schema()]}
