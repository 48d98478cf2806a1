"""Every page is valid HTML: the Nu Html Checker (vnu, from the npm package vnu-jar that `make test`
installs from package-lock.json) reports no error on the built course, both languages, nor on the
packages' open-me-first pages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from kursus import __version__
from kursus.packaging import OPEN_ME_FIRST, open_me_first

from conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command() -> list[str]:
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR.relative_to(ROOT)} (run: npm ci)")
    if missing:
        message = "the Nu Html Checker needs " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert java is not None
    return [java, "-jar", str(VNU_JAR)]


def html_errors(folder: Path) -> list[str]:
    """Every error vnu finds in the HTML files under ``folder``, as ``file:line: message``."""
    done = subprocess.run(
        [*vnu_command(), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(done.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no report (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    found = []
    for message in messages:
        url = message.get("url", "")
        where = Path(unquote(urlparse(url).path)) if url.startswith("file:") else Path(url)
        name = where.relative_to(folder).as_posix() if where.is_relative_to(folder) else url
        found.append(f"{name}:{message.get('lastLine', '?')}: {message.get('type')}: {message['message']}")
    assert found or done.returncode == 0, f"vnu failed (exit {done.returncode}):\n{done.stdout}{done.stderr}"
    return found


def test_the_checker_reports_each_error_with_file_and_line(tmp_path: Path) -> None:
    """The check below can fail: an empty tabindex (Material's own mistake, fixed in our overrides) is caught."""
    page = '<!doctype html>\n<html lang=en>\n<title>t</title>\n<label tabindex="">x</label>\n'
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "fine.html").write_text("<!doctype html>\n<html lang=en>\n<title>t</title>\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("<label tabindex=''>", encoding="utf-8")
    found = html_errors(tmp_path)
    assert len(found) == 1
    assert found[0].startswith("sub/page.html:4: error: Bad value “” for attribute “tabindex”"), found


@pytest.mark.browser  # needs the real course built (the session's course_site), like the browser tests
def test_every_page_of_the_course_is_valid_html(course_site: Path, tmp_path: Path) -> None:
    pages = sorted(course_site.rglob("*.html"))
    assert (course_site / "index.html") in pages and (course_site / "en" / "index.html") in pages
    assert len(pages) > 100, "the real course has well over a hundred pages in its two languages"
    errors = html_errors(course_site)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_the_open_me_first_pages_of_both_packages_are_valid_html(tmp_path: Path) -> None:
    for edition, for_trainers in (("learner", False), ("trainer", True)):
        (tmp_path / edition).mkdir()
        (tmp_path / edition / OPEN_ME_FIRST).write_text(open_me_first(__version__, for_trainers), encoding="utf-8")
    errors = html_errors(tmp_path)
    assert not errors, "\n".join(errors)
