"""Print-ready HTML to A4 PDF with headless Chromium (Debian's /usr/bin/chromium through Playwright).

Chromium can't number a table of contents by itself, so a document with one is printed twice: the
first print tells on which page each linked heading landed (the PDF's named destinations), the second
prints those numbers. The numbers take a fixed width, so filling them in moves nothing; a third print
happens only if a page did move. Every page gets a footer with the document's name and its page number.
Nothing is requested from the network: the HTML holds its styles and images.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from ..atomic import write_bytes
from .documents import Document

CHROMIUM = Path("/usr/bin/chromium")
# The flags the tests' browser uses (tests/conftest.py CHROMIUM_ARGS): headless, no sandbox as root.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
MARGIN = {"top": "15mm", "bottom": "17mm", "left": "16mm", "right": "16mm"}
MAX_PRINTS = 3
FOOTER_STYLE = (
    "font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 7.5pt; color: #000; width: 100%; "
    "margin: 0 16mm; display: flex; justify-content: space-between; gap: 8mm;"
)


class PdfError(Exception):
    """Chromium is missing or failed; the message says what to do."""


@dataclass
class Printed:
    path: Path
    pages: int
    html: str  # the print-ready HTML as printed, table of contents numbered


def footer_template(document: Document) -> str:
    label = escape(document.page_label)
    label = label.replace("{page}", '<span class="pageNumber"></span>')
    label = label.replace("{total}", '<span class="totalPages"></span>')
    return f'<div style="{FOOTER_STYLE}"><span>{escape(document.footer)}</span><span>{label}</span></div>'


def destinations(data: bytes) -> tuple[dict[str, int], int]:
    """(anchor -> page number from 1, page count) of a PDF printed by Chromium."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages: dict[str, int] = {}
    for name, dest in reader.named_destinations.items():
        index = reader.get_destination_page_number(dest)
        if index is not None and index >= 0:
            pages[str(name).removeprefix("/")] = index + 1
    return pages, len(reader.pages)


class PdfPrinter:
    """One Chromium for many documents: ``with PdfPrinter().running() as p: p.write(doc, folder)``."""

    def __init__(self, chromium: Path = CHROMIUM) -> None:
        self.chromium = chromium
        self._page: Any = None

    @contextmanager
    def running(self) -> Iterator[PdfPrinter]:
        if not self.chromium.exists():
            raise PdfError(f"{self.chromium} not found: install Debian's chromium package (apt-get install chromium)")
        from playwright.sync_api import Error, sync_playwright

        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(executable_path=str(self.chromium), args=CHROMIUM_ARGS)
            except Error as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unknown error"
                raise PdfError(f"cannot start {self.chromium}: {first}") from None
            try:
                self._page = browser.new_page()
                self._page.route("**/*", lambda route: route.abort())  # offline: the HTML holds everything
                yield self
            finally:
                self._page = None
                browser.close()

    def render(self, document: Document) -> tuple[bytes, int, str]:
        """The PDF, its page count and its HTML; the table of contents (if any) has the right page numbers."""
        if self._page is None:
            raise RuntimeError("use PdfPrinter.running() first")
        numbers: dict[str, int] = {}
        for _ in range(MAX_PRINTS):
            html = document.html(numbers)
            data = self._print(html, document)
            found, pages = destinations(data)
            if not document.toc or found == numbers:
                break
            numbers = found
        return data, pages, html

    def _print(self, html: str, document: Document) -> bytes:
        from playwright.sync_api import Error

        try:
            self._page.set_content(html, wait_until="load")
            data: bytes = self._page.pdf(
                format="A4",
                margin=MARGIN,
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer_template(document),
                outline=True,
                tagged=True,
            )
        except Error as exc:
            raise PdfError(f"Chromium could not print {document.target}: {exc}") from None
        return data

    def write(self, document: Document, folder: Path) -> Printed:
        """Print ``document`` into ``folder``: a temporary file first, renamed when complete."""
        target = folder / document.target
        target.parent.mkdir(parents=True, exist_ok=True)
        data, pages, html = self.render(document)
        write_bytes(target, data)
        return Printed(target, pages, html)
