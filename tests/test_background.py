"""Checks run on another core while the build renders: the same answers, errors and clean-up as in-line."""

from __future__ import annotations

import os
import threading

import pytest

from kursus import background
from kursus.background import Background
from kursus.project import ProjectError


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def refuse(path: str) -> None:
    raise ProjectError(f"{path}:3: mkdocs.yml is not valid YAML")


@pytest.fixture(params=["parallel", "in-line"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "in-line":
        monkeypatch.setattr(background, "parallel_is_safe", lambda: False)
    elif not background.parallel_is_safe():
        pytest.skip("this machine cannot fork a worker here (one core, or threads running)")
    return str(request.param)


def test_result_is_the_same_either_way(mode: str) -> None:
    job = Background(square_and_pid, 12)
    assert job.in_parallel == (mode == "parallel")
    value, pid = job.result()
    assert value == 144
    assert (pid != os.getpid()) == (mode == "parallel")
    assert not job.in_parallel  # the worker is gone once the result is in


def test_errors_reach_the_caller_as_themselves(mode: str) -> None:
    job = Background(refuse, "mkdocs.yml")
    with pytest.raises(ProjectError, match=r"^mkdocs.yml:3: mkdocs.yml is not valid YAML$"):
        job.result()


def test_close_without_result_leaves_no_worker(mode: str) -> None:
    job = Background(square_and_pid, 3)
    job.close()
    job.close()  # twice is harmless
    assert not job.in_parallel


def test_threads_make_it_run_in_line() -> None:
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert not background.parallel_is_safe()
        assert not Background(square_and_pid, 2).in_parallel
    finally:
        stop.set()
        helper.join()
