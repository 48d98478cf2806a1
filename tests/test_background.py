"""Checks run on another core while the build renders: the same answers, errors and clean-up as in-line.

The parallel case runs in a fresh Python process: a test session has threads of its own (the HTTP
server, the browser driver), and with threads around the worker is, rightly, not forked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kursus import background
from kursus.background import Background
from kursus.project import ProjectError

HERE = Path(__file__).resolve().parent


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def die_in_a_worker(parent: int) -> str:
    if os.getpid() != parent:
        os._exit(3)  # as if the system killed the worker
    return "done in the build's own process"


def refuse(path: str) -> None:
    raise ProjectError(f"{path}:3: mkdocs.yml is not valid YAML")


def exercise() -> dict[str, object]:
    """What the tests look at, in whichever process runs them."""
    job = Background(square_and_pid, 12)
    started_in_parallel = job.in_parallel
    value, pid = job.result()
    failing = Background(refuse, "mkdocs.yml")
    try:
        failing.result()
        error = ""
    except ProjectError as exc:
        error = str(exc)
    survived = Background(die_in_a_worker, os.getpid()).result()
    closed = Background(square_and_pid, 3)
    closed.close()
    closed.close()  # twice is harmless
    return {
        "parallel": started_in_parallel,
        "value": value,
        "other_process": pid != os.getpid(),
        "worker_left": job.in_parallel or closed.in_parallel,
        "error": error,
        "survived": survived,
    }


EXPECTED_ERROR = "mkdocs.yml:3: mkdocs.yml is not valid YAML"


def test_in_line_gives_the_answer_and_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "parallel_is_safe", lambda: False)
    assert exercise() == {
        "parallel": False,
        "value": 144,
        "other_process": False,
        "worker_left": False,
        "error": EXPECTED_ERROR,
        "survived": "done in the build's own process",
    }


def test_a_worker_process_gives_the_same_answer_and_error() -> None:
    if not background.can_fork_workers():
        pytest.skip("one core here: the checks always run in-line")
    script = "import json, test_background as t; print(json.dumps(t.exercise()))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=HERE, env=env, timeout=120, check=True
    )
    assert json.loads(done.stdout) == {
        "parallel": True,
        "value": 144,
        "other_process": True,
        "worker_left": False,
        "error": EXPECTED_ERROR,
        "survived": "done in the build's own process",
    }


def test_threads_make_it_run_in_line() -> None:
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert not background.parallel_is_safe()
        job = Background(square_and_pid, 2)
        assert not job.in_parallel
        assert job.result() == (4, os.getpid())
    finally:
        stop.set()
        helper.join()
