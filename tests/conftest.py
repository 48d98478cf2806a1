"""Shared fixtures: tiny course sites built in a temporary folder, the real course, a local HTTP
server and headless Chromium (Debian's /usr/bin/chromium; never a downloaded browser)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kursus.commands.build import build_site

ROOT = Path(__file__).resolve().parent.parent
CHECKER = Path(__file__).resolve().parent / "checker"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]

MINI_QUIZ = """\
module: m01
title: {id: Modul uji, en: Test module}
items:
  - id: m01.q01
    type: single
    text: {id: "Siapa yang memutuskan?", en: "Who decides?"}
    options:
      - text: {id: Konselor, en: The counsellor}
        feedback: {id: Bukan., en: No.}
      - text: {id: Pencari kerja, en: The job seeker}
        correct: true
        feedback: {id: Ya., en: Yes.}
      - text: {id: Pemberi kerja, en: The employer}
        feedback: {id: Bukan., en: No.}
"""


# Pages of tiny sites, combined as a test needs them: {**HOME, **practice(1), **PROGRESS}.
HOME = {"id/index.md": "# Beranda\n", "en/index.md": "# Home\n"}
PROGRESS = {
    "id/kemajuan.md": "# Kemajuan saya\n\n<!-- kemajuan -->\n",
    "en/kemajuan.md": "# My progress\n\n<!-- kemajuan -->\n",
}
# A home page and module 1's reading page with its first question (for the demo quiz, tests/demo_quiz.yml).
DEMO_READING = {
    "id/index.md": "# Beranda\n\nKursus.\n",
    "en/index.md": "# Home\n\nCourse.\n",
    "id/modul-01/index.md": "# Modul 1\n\nBacaan.\n\n<!-- kuis: m01.q01 -->\n",
    "en/modul-01/index.md": "# Module 1\n\nReading.\n\n<!-- kuis: m01.q01 -->\n",
}


def practice(*modules: int) -> dict[str, str]:
    """Each module's practice page, holding its whole quiz."""
    pages = {}
    for number in modules:
        pages[f"id/modul-{number:02d}/latihan.md"] = f"# Latihan\n\n<!-- kuis: m{number:02d} -->\n"
        pages[f"en/modul-{number:02d}/latihan.md"] = f"# Exercises\n\n<!-- kuis: m{number:02d} -->\n"
    return pages


def clean_course(folder: Path) -> Path:
    """The clean checker case (tests/checker/clean) copied to ``folder`` and made buildable: the real
    interface strings and each language's name, which the checker cases leave out."""
    shutil.copytree(CHECKER / "clean", folder)
    (folder / "overrides").mkdir()
    shutil.copy(ROOT / "overrides" / "ui-strings.yml", folder / "overrides" / "ui-strings.yml")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("- locale: id\n", "- locale: id\n          name: Bahasa Indonesia\n")
    config.write_text(text.replace("- locale: en\n", "- locale: en\n          name: English\n"), encoding="utf-8")
    return folder


def site_config(nav: bool = False) -> str:
    """The real mkdocs.yml, without its nav (tiny sites have their own pages)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not nav:
        text = re.sub(r"\nnav:\n(?:[ \-].*\n)+", "\n", text)
    return text


def make_project(folder: Path, pages: dict[str, str], quizzes: dict[str, str] | None = None) -> Path:
    """A course project in ``folder`` with the real theme overrides and the given pages and quizzes."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(site_config(), encoding="utf-8")
    for name in ("overrides", "includes"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    for path, text in pages.items():
        target = folder / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (folder / "quizzes").mkdir(exist_ok=True)
    for name, text in (quizzes or {}).items():
        (folder / "quizzes" / name).write_text(text, encoding="utf-8")
    return folder


def build(folder: Path) -> Path:
    build_site(folder, folder / "site")
    return folder / "site"


@pytest.fixture(scope="session")
def course_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course, built once per test session."""
    site = tmp_path_factory.mktemp("course") / "site"
    build_site(ROOT, site)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    """A page that moves on before a response is sent closes its connection; that is no test failure."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def http_root(course_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The course served over HTTP on 127.0.0.1 under a sub-path: returns the site's base URL."""
    top = tmp_path_factory.mktemp("www")
    (top / "pelatihan").mkdir()
    (top / "pelatihan" / "kursus").symlink_to(course_site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(top))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/pelatihan/kursus/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def assert_snapshot(request: pytest.FixtureRequest, path: Path, text: str) -> None:
    """``text`` is byte for byte the snapshot at ``path``; ``pytest --update-snapshots`` rewrites it."""
    if request.config.getoption("--update-snapshots"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"{path} missing: run pytest --update-snapshots"
    assert text == path.read_bytes().decode("utf-8"), f"{path.name} changed; if intended, run pytest --update-snapshots"


def open_page(browser: Any, **options: Any) -> Iterator[Any]:
    """A fresh browser profile (empty storage); page.errors collects uncaught errors and console errors."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A tab of its own; the page's uncaught errors and console errors are collected in ``page.errors``."""
    yield from open_page(browser)


LONGEST = "tests/test_every_page_on_a_phone.py"  # minutes per language: run first


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Parallel runs (make test: --dist loadscope) keep a test file, or a test class, on one worker. The
    longest file goes first, so that the two workers end together (sorted() keeps the order otherwise)."""
    items[:] = sorted(items, key=lambda item: not item.nodeid.startswith(LONGEST))


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A tab on a touch phone 412 px wide; the test fails if the page throws an uncaught error."""
    context = browser.new_context(
        viewport={"width": 412, "height": 915}, has_touch=True, is_mobile=True, device_scale_factor=2
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    assert not page.errors, page.errors
    context.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="rewrite tests/checker/*/expected.txt from the checker's current output",
    )


@pytest.fixture(scope="session")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """serve(folder) -> base URL of ``folder`` over HTTP on 127.0.0.1, under a sub-path."""
    top = tmp_path_factory.mktemp("served")
    handler = functools.partial(_QuietHandler, directory=str(top))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def publish(folder: Path) -> str:
        name = f"kursus-{len(list(top.iterdir()))}"
        (top / name).symlink_to(folder, target_is_directory=True)
        return f"http://127.0.0.1:{server.server_address[1]}/{name}/"

    try:
        yield publish
    finally:
        server.shutdown()
        server.server_close()
