"""Serve a built site on 127.0.0.1 the way GitHub Pages does.

- under the path of the site's own URL (its address, SITE_URL, as the home
  page's canonical link gives it: /path/ for the session's site; / for a
  site built without an address), so that pages whose links are absolute
  (the theme's 404.html) load their assets as they do when published;
- gzip when the browser asks for it;
- a missing page answers 404 with the site's 404.html.
"""

from __future__ import annotations

import gzip
import http.server
import io
import re
import threading
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def site_prefix(site: Path) -> str:
    """The path the built `site` is published under ("/" when it names no URL of its own)."""
    home = site / "index.html"
    found = _CANONICAL.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    path = urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if url_path == self.prefix.rstrip("/"):
            url_path = self.prefix  # answered with a redirect to the slashed URL
        if not url_path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-site")
        return super().translate_path("/" + url_path[len(self.prefix):])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the slashed URL
            path = path / "index.html"
        if path.is_file():
            return self._send(path, 200)
        missing = Path(self.directory) / "404.html"
        if missing.is_file():
            return self._send(missing, 404)
        self.send_error(404)
        return None

    def _send(self, path: Path, status: int):
        body = path.read_bytes()
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in _COMPRESSIBLE
        if gzipped:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(root: Path, prefix: str | None = None) -> Iterator[str]:
    """Serve `root` on a free port under `prefix` (default: the site's own path).

    Yields the site's base URL without the final slash
    (http://127.0.0.1:PORT/un-resolution), so `base + "/pp/7/"` is a page.
    """
    prefix = site_prefix(root) if prefix is None else prefix
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()
