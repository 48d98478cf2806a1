"""First-visit bytes: everything headless Chromium loads to show a page of the built site, with an
empty cache, measured three ways: from disk (file://, the learner's zip), over HTTP as sent (no
compression), and over HTTP compressed with gzip as common web servers send text.

The page's own loads are counted; the hosted course's service worker, which copies the whole site for
use offline, is blocked here and its download reported on its own (``service_worker_bytes``).
Part of ``make bench``; run alone with ``python -m kursus.firstvisit SITE_DIR``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
# The Indonesian home page, a module's reading page (with its quizzes) and a module's quiz page.
PAGES = ("index.html", "modul-01/index.html", "modul-01/latihan.html")
_COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".txt")


@dataclass(frozen=True)
class Visit:
    page: str
    from_disk: int  # bytes of every file read, file://
    over_http: int  # response bodies as sent, no compression
    over_http_gzip: int  # response bodies gzip-compressed where a web server would
    files: tuple[str, ...]  # what was loaded, for reading the figures


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that ask, as nginx or GitHub Pages do for text."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in _COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # a page that moves on closes its connection early: not worth a traceback in the report
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def _served(site: Path) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _load(browser: Any, url: str, gzip_ok: bool) -> dict[str, int]:
    """URL -> body bytes received, for everything a fresh browser profile loads to show ``url``."""
    headers = {} if gzip_ok else {"Accept-Encoding": "identity"}
    context = browser.new_context(service_workers="block", extra_http_headers=headers)
    try:
        requests: list[Any] = []
        context.on("requestfinished", lambda request: requests.append(request))
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)  # late loads (the search worker) start after the network went quiet
        return {r.url: _body_size(r) for r in requests}
    finally:
        context.close()


def _body_size(request: Any) -> int:
    # Chromium reports no body size for a worker's own script: the server's Content-Length says it.
    response = request.response()
    sent = int(response.headers.get("content-length", 0)) if response else 0
    return max(int(request.sizes()["responseBodySize"]), sent)


def _disk_bytes(urls: dict[str, int]) -> int:
    # file:// responses carry no sizes: the files' own sizes are what was read.
    paths = {Path(unquote(u.removeprefix("file://").split("?")[0].split("#")[0])) for u in urls}
    return sum(p.stat().st_size for p in paths if p.is_file())


def measure(site: Path, pages: tuple[str, ...] = PAGES) -> list[Visit] | None:
    """First-visit bytes of each page, or None without Debian's Chromium."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            return measure_with(browser, site, pages)
        finally:
            browser.close()


def measure_with(browser: Any, site: Path, pages: tuple[str, ...] = PAGES) -> list[Visit]:
    """First-visit bytes of each page, in a running Playwright Chromium (a fresh profile per load)."""
    visits = []
    with _served(site) as base:
        for name in pages:
            disk = _disk_bytes(_load(browser, (site / name).as_uri(), False))
            plain = _load(browser, base + name, False)
            packed = _load(browser, base + name, True)
            files = tuple(sorted(u.removeprefix(base) for u in plain))
            visits.append(Visit(name, disk, sum(plain.values()), sum(packed.values()), files))
    return visits


def service_worker_bytes(site: Path) -> int:
    """What the hosted course's service worker downloads after the first page: every file it lists."""
    worker = site / "sw.js"
    if not worker.is_file():
        return 0
    found = re.search(r"^var FILES = (\[.*\]);$", worker.read_text(encoding="utf-8"), re.M)
    names = json.loads(found.group(1)) if found else []
    return sum((site / unquote(n)).stat().st_size for n in names if (site / unquote(n)).is_file())


def report(site: Path, visits: list[Visit] | None = None) -> list[str]:
    """The lines ``make bench`` prints; ``visits`` as measured, else measured here."""
    visits = measure(site) if visits is None else visits
    if visits is None:
        return ["first visit:                        n/a (no /usr/bin/chromium)"]
    lines = ["first visit, all bytes loaded      file://   HTTP plain  HTTP gzip  (target <= 350 kB)"]
    for v in visits:
        lines.append(
            f"  {v.page:<32} {v.from_disk / 1e3:7.1f} kB {v.over_http / 1e3:7.1f} kB {v.over_http_gzip / 1e3:7.1f} kB"
        )
    sw = service_worker_bytes(site)
    if sw:
        lines.append(f"  then the service worker's offline copy (HTTP, once): {sw / 1e6:.2f} MB as sent")
    return lines


def main(argv: list[str]) -> int:
    """``python -m kursus.firstvisit [SITE_DIR] [-v]``: the figures, with ``-v`` the files loaded too."""
    names = [a for a in argv if a != "-v"]
    folder = Path(names[0] if names else "site").resolve()  # file:// addresses need an absolute path
    missing = [name for name in PAGES if not (folder / name).is_file()]
    if missing:
        print(
            f"{folder}: no built course here, {missing[0]} is missing (run 'kursus build' first, "
            "or name the built site's folder: python -m kursus.firstvisit SITE_DIR)",
            file=sys.stderr,
        )
        return 2
    visits = measure(folder)
    for line in report(folder, visits):
        print(line)
    if "-v" in argv:
        for visit in visits or []:
            print(visit.page, *visit.files, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
