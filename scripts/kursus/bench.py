"""``make bench``: build time against plain Material builds, package sizes, first-visit bytes (three pages),
quiz checker speed on the real and on generated banks, and the size of our quiz JS+CSS.
Prints figures and ratios; it asserts nothing."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from . import __version__, firstvisit, validation
from .background import parallel_is_safe
from .commands.build import build_site
from .packaging import learner_package_name, make_zip
from .project import load_project
from .quiz.bank import load_bank, quiz_files
from .quiz.checks import check_all

ROOT = Path.cwd()
RUNS = 5  # rounds counted, after a warm-up round


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def plain_build(docs: Path, out: Path, markdown_extensions: list[object]) -> float:
    """Material alone on one language's pages, with the same Markdown extensions (no i18n, offline, hooks)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = out / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(
            {
                "site_name": "plain",
                "docs_dir": str(docs),
                "site_dir": str(out / "site"),
                "theme": {"name": "material", "font": False},
                "markdown_extensions": markdown_extensions,
                "plugins": ["search"],
            }
        )
    )
    config = load_config(str(config_file))
    started = time.perf_counter()
    build(config)
    return time.perf_counter() - started


def validate() -> None:
    """What the plugin checks before a build may go on: the bank, its markers, the translations."""
    project = load_project(ROOT)
    validation.validate(project)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def generated_bank(folder: Path, questions: int) -> list[Path]:
    per_file = 100
    for f in range(max(1, questions // per_file)):
        module = f"m{f % 100:02d}"
        items = []
        for q in range(per_file):
            items.append(
                {
                    "id": f"{module}.q{q:03d}",
                    "type": "single",
                    "text": {"id": f"Soal {f}-{q}?", "en": f"Question {f}-{q}?"},
                    "options": [
                        {
                            "text": {"id": f"Pilihan {k}", "en": f"Option {k}"},
                            "correct": k == q % 3,
                            "feedback": {"id": "Karena.", "en": "Because."},
                        }
                        for k in range(3)
                    ],
                }
            )
        (folder / f"bank-{f:03d}.yml").write_text(
            yaml.safe_dump({"module": module, "title": {"id": "T", "en": "T"}, "items": items}, allow_unicode=True)
        )
    return sorted(folder.glob("*.yml"))


def time_check(paths: list[Path], pages: list[tuple[str, str]]) -> float:
    project = load_project(ROOT)
    started = time.perf_counter()
    bank, _ = load_bank(paths, ROOT)
    check_all(bank, pages, project.settings)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as temp_name:
        temp = Path(temp_name)
        print(
            f"Building the course and plain Material by turns, {RUNS} rounds after one to warm up ...",
            flush=True,
        )
        project = load_project(ROOT)
        extensions = project.config["markdown_extensions"]
        languages = project.languages
        ours: list[float] = []
        plain: list[float] = []
        # By turns, so that a slower spell of the machine falls on both sides alike.
        for round_number in range(RUNS + 1):
            ours.append(timed(lambda: build_site(ROOT, temp / "ours")))
            total = 0.0
            for language in languages:
                out = temp / f"plain-{language}-{round_number}"
                out.mkdir()
                total += plain_build(ROOT / "docs" / language, out, extensions)
            plain.append(total)
        ours, plain = ours[1:], plain[1:]  # the warm-up round also pays for imports and template compilation
        package = make_zip(temp / "ours", temp / "dist", learner_package_name(__version__))
        print(f"build time, ours (best of {RUNS}):   {min(ours):8.2f} s")
        print(f"build time, plain Material:    {min(plain):8.2f} s  (one build per language, best of {RUNS})")
        print(f"ratio ours / plain:            {min(ours) / min(plain):8.2f}   (target <= 1.25)")
        print(f"  ratio of the medians:        {statistics.median(ours) / statistics.median(plain):8.2f}")
        checks = min(timed(validate) for _ in range(3))
        where = "on a second core while pages render" if parallel_is_safe() else "in-line: one core here"
        print(f"  course checks:               {checks:8.2f} s  ({where})")
        print(f"site/ size:                    {folder_size(temp / 'ours') / 1e6:8.2f} MB")
        print(f"zip package size:              {package.stat().st_size / 1e6:8.2f} MB")
        for line in firstvisit.report(temp / "ours"):
            print(line, flush=True)

        project = load_project(ROOT)
        pages = project.pages()
        real = time_check(quiz_files(project.quizzes_dir), pages)
        print(f"checker, real bank:            {real:8.3f} s   (target < 1 s)")
        timings = {}
        for size in (1_000, 10_000):
            folder = temp / f"bank{size}"
            folder.mkdir()
            timings[size] = time_check(generated_bank(folder, size), [])
            print(f"checker, {size:>6} questions:     {timings[size]:8.3f} s")
        print(f"growth 10,000 / 1,000:         {timings[10_000] / timings[1_000]:8.2f}   (linear = 10)")
        assets = ROOT / "overrides" / "assets" / "kursus"
        js_css = sum(p.stat().st_size for p in assets.glob("*.*"))
        print(f"quiz JS + CSS as shipped:      {js_css / 1e3:8.1f} kB  (target <= 25 kB)")
        shutil.rmtree(temp / "ours", ignore_errors=True)


if __name__ == "__main__":
    main()
