"""The printed documents, composed as print-ready HTML (no navigation, no scripts, no form controls):

- the learner handbook: every module's reading page and worksheet, quizzes on paper, no answers;
- the facilitator guide: the facilitator notes (session plans, role-play cards to cut out, answer keys)
  and the worksheets' self-check notes that the handbook leaves out;
- per module: the question paper, the answer sheet and the trainer's answer key;
- per module: the question paper in two languages side by side;
- the desk kit: the course-wide desk kit (``kit-meja/``) and every module's handout for job seekers and
  counsellor desk card (``modul-NN/kit-meja.md``), each piece starting a new sheet;
- the workshop evaluation form (``fasilitator/evaluasi-lokakarya.md``), a sheet to copy for every
  participant, when the course has one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

from ..progress import module_dir
from ..quiz.model import Quiz
from ..quiz.modules import base_name, form, label, order
from .course import Course, Source
from .pages import PrintPage, page_anchor
from .paper import bilingual, blank

CSS = Path(__file__).with_name("print.css")
TOC_SLOT = "<!-- pp-toc -->"
TOC_DEPTH = 2
DESK_KIT_DIR = "kit-meja"  # the course-wide desk kit
DESK_KIT_PAGE = "kit-meja.md"  # each module's handout and desk card
EVALUATION_PAGE = "fasilitator/evaluasi-lokakarya.md"  # the workshop evaluation form


@cache
def stylesheet() -> str:
    return CSS.read_text(encoding="utf-8")


@dataclass
class TocEntry:
    level: int
    anchor: str
    text: str


@dataclass
class Document:
    target: str  # where the PDF goes, relative to the output folder
    language: str
    title: str
    footer: str  # the left part of every page's footer
    page_label: str  # e.g. "Halaman {page} dari {total}"
    body: str
    toc: list[TocEntry] = field(default_factory=list)
    toc_title: str = ""
    notes: list[str] = field(default_factory=list)  # what the progress output should mention

    def html(self, page_numbers: Mapping[str, int] | None = None) -> str:
        """The whole document; ``page_numbers`` (anchor -> page) fills in the table of contents."""
        body = self.body.replace(TOC_SLOT, self._toc(page_numbers or {}) if self.toc else "")
        return (
            f'<!DOCTYPE html><html lang="{escape(self.language)}"><head><meta charset="utf-8">'
            f"<title>{escape(self.title)}</title><style>{stylesheet()}</style></head>"
            f"<body>{body}</body></html>"
        )

    def _toc(self, page_numbers: Mapping[str, int]) -> str:
        entries = "".join(
            f'<li class="pp-toc__l{e.level}"><a href="#{escape(e.anchor)}"><span class="pp-toc__text">'
            f'{escape(e.text)}</span><span class="pp-toc__page">{page_numbers.get(e.anchor, "")}</span></a></li>'
            for e in self.toc
        )
        return f'<nav class="pp-toc"><h2 class="pp-toc__title">{escape(self.toc_title)}</h2><ol>{entries}</ol></nav>'


class Composer:
    """Composes the documents of one language."""

    def __init__(self, course: Course, language: str) -> None:
        self.course = course
        self.lang = language
        self.t = course.t(language)
        self.paper = course.paper(language)
        self.renderer = self.paper.r
        self._handbook: tuple[list[tuple[PrintPage, Source]], list[str]] | None = None

    # -- pieces ------------------------------------------------------------------------------------

    def _document(
        self,
        target: str,
        title: str,
        body: str,
        toc: list[TocEntry] | None = None,
        notes: list[str] | None = None,
    ) -> Document:
        footer = f"{self.course.site_name(self.lang)} · {title}"
        contents = self.t("print_contents") if toc else ""
        return Document(target, self.lang, title, footer, self.t("print_page"), body, toc or [], contents, notes or [])

    def _cover(self, title: str) -> str:
        names = self.course.project.language_names
        meta = f"{names.get(self.lang, self.lang)} · {self.t('print_version').format(version=self.course.version)}"
        return (
            f'<header class="pp-cover"><p class="pp-cover__course">{escape(self.course.site_name(self.lang))}</p>'
            f'<h1 class="pp-cover__title">{escape(title)}</h1><p class="pp-cover__meta">{escape(meta)}</p>'
            f'<p class="pp-cover__licence">{escape(self.course.copyright)}</p></header>{TOC_SLOT}'
        )

    def _header(self, title: str, subtitle: str, fields: list[str]) -> str:
        boxes = "".join(f'<span class="pp-field">{escape(self.t(name))} {blank("field")}</span>' for name in fields)
        return (
            f'<header class="pp-head"><p class="pp-head__course">{escape(self.course.site_name(self.lang))}</p>'
            f'<h1 class="pp-head__title">{escape(title)}</h1><p class="pp-head__sub">{escape(subtitle)}</p>'
            f"{f'<p class=pp-fields>{boxes}</p>' if fields else ''}</header>"
        )

    def _pages(
        self, paths: list[str], *, learner: bool, write_by_hand: bool = True
    ) -> tuple[list[tuple[PrintPage, Source]], list[str]]:
        """Render the pages that exist; notes say which are missing or not translated yet."""
        sources = {path: self.course.source(self.lang, path) for path in paths}
        anchors = {path: page_anchor(path) for path, source in sources.items() if source}
        notes: list[str] = []
        pages: list[tuple[PrintPage, Source]] = []

        def markers(kind: str, ref: str) -> str | None:
            if kind == "kuis":
                return self.paper.placed(ref)
            quiz = self.course.bank.module(ref)
            return self.renderer.answer_key(quiz) if quiz and not learner else None

        for path, source in sources.items():
            if source is None:
                notes.append(f"{self.lang}/{path} does not exist yet: left out")
                continue
            if source.language != self.lang:
                notes.append(f"{self.lang}/{path} is not translated yet: printed from {source.language}/{path}")
            text = self.course.markdown(source)
            page = self.course.pages.render(
                path,
                text,
                source_dir=source.path.parent,
                anchors=anchors,
                markers=markers,
                hide_collapsed=learner,
                glossary=self.course.glossary(source.language),
                write_by_hand=write_by_hand,
            )
            pages.append((page, source))
        return pages, notes

    def _chapter(self, page: PrintPage, source: Source, extra_class: str = "") -> str:
        note = ""
        if source.language != self.lang:
            note = f'<p class="pp-untranslated">{escape(self.t("print_untranslated"))}</p>'
        return (
            f'<section class="pp-chapter{extra_class}" id="{page.anchor}" lang="{source.language}">'
            f"{note}{page.html}</section>"
        )

    @staticmethod
    def _toc(pages: list[tuple[PrintPage, Source]]) -> list[TocEntry]:
        return [TocEntry(h.level, h.anchor, h.text) for page, _ in pages for h in page.headings if h.level <= TOC_DEPTH]

    def _abbreviations(self, pages: list[tuple[PrintPage, Source]]) -> tuple[str, list[TocEntry]]:
        found: dict[str, str] = {}
        for page, _ in pages:
            found.update(page.abbreviations)
        if not found:
            return "", []
        rows = "".join(
            f"<dt>{escape(short)}</dt><dd>{escape(found[short])}</dd>" for short in sorted(found, key=str.casefold)
        )
        title = self.t("print_abbreviations")
        return (
            f'<section class="pp-chapter" id="pp-abbreviations"><h1>{escape(title)}</h1>'
            f'<dl class="pp-abbr">{rows}</dl></section>',
            [TocEntry(1, "pp-abbreviations", title)],
        )

    # -- documents ---------------------------------------------------------------------------------

    def handbook_pages(self) -> tuple[list[tuple[PrintPage, Source]], list[str]]:
        if self._handbook is None:
            paths = [
                f"{module_dir(m)}/{name}" for m in self.course.modules() for name in ("index.md", "lembar-kerja.md")
            ]
            self._handbook = self._pages(paths, learner=True)
        return self._handbook

    def handbook(self) -> Document:
        pages, notes = self.handbook_pages()
        title = self.t("print_handbook")
        appendix, appendix_toc = self._abbreviations(pages)
        body = self._cover(title) + "".join(self._chapter(page, source) for page, source in pages) + appendix
        return self._document(
            f"{self.lang}/buku-peserta.pdf",
            title,
            body,
            toc=self._toc(pages) + appendix_toc,
            notes=notes,
        )

    def guide(self) -> Document:
        paths = ["fasilitator/index.md"] + [f"fasilitator/{module_dir(m)}.md" for m in self.course.modules()]
        pages, notes = self._pages(paths, learner=False)
        title = self.t("print_guide")
        body = self._cover(title) + "".join(self._chapter(page, source) for page, source in pages)
        toc = self._toc(pages)
        hidden = [(page, source) for page, source in self.handbook_pages()[0] if page.collapsed]
        if hidden:
            heading = self.t("print_self_check")
            parts = "".join(
                f'<section lang="{source.language}"><h2>{escape(page.title)}</h2>{page.collapsed}</section>'
                for page, source in hidden
            )
            body += (
                f'<section class="pp-chapter" id="pp-self-check"><h1>{escape(heading)}</h1>'
                f"<p>{escape(self.t('print_self_check_intro'))}</p>{parts}</section>"
            )
            toc.append(TocEntry(1, "pp-self-check", heading))
        appendix, appendix_toc = self._abbreviations(pages)
        return self._document(
            f"{self.lang}/panduan-fasilitator.pdf",
            title,
            body + appendix,
            toc=toc + appendix_toc,
            notes=notes,
        )

    def desk_kit(self) -> Document:
        folder = self.course.project.docs_dir / self.course.default_language / DESK_KIT_DIR
        shared = sorted(p.name for p in folder.glob("*.md")) if folder.is_dir() else []
        shared.sort(key=lambda name: name != "index.md")
        paths = [f"{DESK_KIT_DIR}/{name}" for name in shared]
        paths += [f"{module_dir(m)}/{DESK_KIT_PAGE}" for m in self.course.modules()]
        # Desk kit tables are filled in once and kept compact on their sheet, not worksheets.
        pages, notes = self._pages(paths, learner=True, write_by_hand=False)
        title = self.t("print_desk_kit")
        body = self._cover(title) + "".join(self._chapter(page, source, " pp-kit") for page, source in pages)
        return self._document(f"{self.lang}/kit-meja.pdf", title, body, toc=self._toc(pages), notes=notes)

    def evaluation(self) -> Document | None:
        """The evaluation form on its own, no cover: the trainer copies it for every participant."""
        if self.course.source(self.lang, EVALUATION_PAGE) is None:
            return None
        pages, notes = self._pages([EVALUATION_PAGE], learner=True)  # the trainer's collapsed note stays off the form
        page, source = pages[0]
        note = ""
        if source.language != self.lang:
            note = f'<p class="pp-untranslated">{escape(self.t("print_untranslated"))}</p>'
        body = f'<section class="pp-form" id="{page.anchor}" lang="{source.language}">{note}{page.html}</section>'
        return self._document(f"{self.lang}/{Path(EVALUATION_PAGE).stem}.pdf", page.title, body, notes=notes)

    def _module(self, quiz: Quiz, kind: str, composer: Composer | None = None) -> tuple[str, str, str]:
        """(file name stem, title, subtitle) of a quiz paper of ``kind`` (quiz, sheet, key): "Kuis Modul 1"
        under the module's title; a pre/post course check is named by its own title ("Tes Awal")."""
        c = composer or self
        if form(quiz.module):
            return base_name(quiz.module), c.t(f"print_form_{kind}").format(title=c.renderer.text(quiz.title)), ""
        title = c.t(f"print_{kind}").format(number=label(quiz.module))
        return base_name(quiz.module), title, c.renderer.text(quiz.title)

    def quiz(self, quiz: Quiz) -> Document:
        stem, title, subtitle = self._module(quiz, "quiz")
        body = (
            self._header(title, subtitle, ["print_name", "print_date"])
            + f'<p class="pp-intro">{escape(self.t("print_quiz_intro"))}</p>'
            + f'<div class="pp-quiz">{self.paper.quiz(quiz)}</div>'
        )
        return self._document(f"{self.lang}/{stem}-kuis.pdf", title, body)

    def answer_sheet(self, quiz: Quiz) -> Document:
        stem, title, subtitle = self._module(quiz, "sheet")
        body = (
            self._header(title, subtitle, ["print_name", "print_date"])
            + f'<p class="pp-intro">{escape(self.t("print_sheet_intro"))}</p>'
            + self.paper.answer_sheet(quiz)
        )
        return self._document(f"{self.lang}/{stem}-lembar-jawaban.pdf", title, body)

    def answer_key(self, quiz: Quiz) -> Document:
        stem, title, subtitle = self._module(quiz, "key")
        body = (
            self._header(title, subtitle, [])
            + f'<p class="pp-trainer">{escape(self.t("print_trainer_only"))}</p>'
            + f"<h2>{escape(self.t('print_key_glance'))}</h2>{self.paper.quick_key(quiz)}"
            + f'<h2 class="pp-break">{escape(self.t("print_key_details"))}</h2>{self.renderer.answer_key(quiz)}'
        )
        return self._document(f"{self.lang}/{stem}-kunci-jawaban.pdf", title, body)

    def bilingual_quiz(self, quiz: Quiz, other: Composer) -> Document:
        stem, title, subtitle = self._module(quiz, "quiz")
        _, other_title, other_subtitle = self._module(quiz, "quiz", other)
        title = f"{title} · {other_title}"
        subtitle = f"{subtitle} · {other_subtitle}" if subtitle else ""
        intro = "".join(
            f'<p class="pp-intro" lang="{c.lang}">{escape(c.t("print_bilingual_intro"))}</p>' for c in (self, other)
        )
        body = (
            self._header(title, subtitle, ["print_name", "print_date"])
            + intro
            + f'<div class="pp-quiz pp-quiz--bilingual">{bilingual(quiz, self.paper, other.paper)}</div>'
        )
        return self._document(f"{self.lang}-{other.lang}/{stem}-kuis.pdf", title, body)


def compose(course: Course, languages: list[str], with_bilingual: bool = True) -> list[Document]:
    """Every document for ``languages``, in print order; bilingual papers pair the first language
    (the course's source language when it is asked for) with each other one."""
    ordered = sorted(languages, key=lambda lang: lang != course.default_language)
    composers = {lang: Composer(course, lang) for lang in ordered}
    quizzes = sorted(course.bank.quizzes, key=lambda q: order(q.module))
    documents: list[Document] = []
    for composer in composers.values():
        documents += [composer.handbook(), composer.guide(), composer.desk_kit()]
        evaluation = composer.evaluation()
        if evaluation is not None:
            documents.append(evaluation)
        for quiz in quizzes:
            documents += [composer.quiz(quiz), composer.answer_sheet(quiz), composer.answer_key(quiz)]
    if with_bilingual and len(ordered) > 1:
        first = composers[ordered[0]]
        documents += [first.bilingual_quiz(quiz, composers[lang]) for lang in ordered[1:] for quiz in quizzes]
    return documents
