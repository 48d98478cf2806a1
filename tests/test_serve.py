"""``make serve``: a live preview that rebuilds when an author saves a quiz, not only a page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import MINI_QUIZ, make_project

PAGES = {
    "id/index.md": "# Beranda\n\n<!-- kuis: m01.q01 -->\n",
    "en/index.md": "# Home\n\n<!-- kuis: m01.q01 -->\n",
    "id/modul-01/latihan.md": "# Latihan\n\n<!-- kuis: m01 -->\n",
    "en/modul-01/latihan.md": "# Exercises\n\n<!-- kuis: m01 -->\n",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.3)
    return page


def test_saving_a_quiz_file_rebuilds_the_preview(tmp_path: Path) -> None:
    project = make_project(tmp_path / "course", PAGES, {"modul-01.yml": MINI_QUIZ})
    port = free_port()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen(
        [str(mkdocs), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert "Siapa yang memutuskan?" in wait_for(url, "Siapa yang memutuskan?", 60)
        quiz = project / "quizzes" / "modul-01.yml"
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("Siapa yang memutuskan?", "Siapa yang memilih?"))
        assert "Siapa yang memilih?" in wait_for(url, "Siapa yang memilih?", 60), "the quiz change never showed"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors
