"""The built site served on 127.0.0.1, below the path of its address, as GitHub Pages serves it.

With the site's own prefix ("/kreisentwicklung/"), absolute paths in the pages work as published;
a missing file gets 404.html with status 404.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .builtsite import HOME, BuiltSite

NOT_FOUND_PAGE = "404.html"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.split("?", 1)[0].startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__" / HOME)
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: findings are reported by the audit, not as a request log."""


@contextmanager
def serve(site: BuiltSite) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port; yield the URL of its home page."""
    with serve_folder(site.root, site.prefix) as url:
        yield url


@contextmanager
def serve_folder(directory: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port below `prefix`; yield the URL of its home page."""
    handler = type("Handler", (_SiteHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
