"""What readers see of the translation state in the built site: a banner on untranslated and
out-of-date pages, and the status table that fills ``<!-- status-terjemahan -->``.

Banners and the table sit in ``<aside data-search-exclude>`` so search results never show them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from mkdocs.utils import get_relative_url

from .layout import Layout
from .status import STATES, LanguageStatus, State

Strings = Callable[[str], str]
STATUS_MARKER = re.compile(r"<!--\s*status-terjemahan\s*-->")
GUIDE_PAGE = "panduan/penerjemah.md"
_FIRST_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.DOTALL)

STATE_KEYS = {
    State.UP_TO_DATE: "tr_up_to_date",
    State.OUT_OF_DATE: "tr_out_of_date",
    State.NOT_RECORDED: "tr_not_recorded",
    State.MISSING: "tr_missing",
}


def page_url(rel: str, language: str, source: str, directory_urls: bool = False) -> str:
    """The site URL of page ``rel`` (inside a language folder) in ``language``'s build."""
    stem = rel[: -len(".md")] if rel.endswith(".md") else rel
    if directory_urls:
        url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    else:
        url = stem + ".html"
    return url if language == source else f"{language}/{url}"


class TranslationSite:
    """The translation state of one build, computed once and used for every page of every language."""

    def __init__(self, layout: Layout, statuses: list[LanguageStatus], directory_urls: bool = False) -> None:
        self.layout = layout
        self.statuses = statuses
        self.directory_urls = directory_urls
        self.states = {(s.language, e.key): e.state for s in statuses for e in s.pages}
        self.has_guide = layout.page(layout.source, GUIDE_PAGE).is_file()

    @staticmethod
    def needed(html: str, language: str, layout: Layout) -> bool:
        """Whether a page gets anything from the translation state: every page of a translation may
        get a banner, and a source page only the status table where it has the marker."""
        return language != layout.source or STATUS_MARKER.search(html) is not None

    def decorate(self, html: str, *, language: str, file_language: str, rel: str, url: str, t: Strings) -> str:
        """A page's HTML with its banner and, where it has the marker, the status table.

        ``file_language`` is the language of the Markdown file the page was built from: the source
        language on a page that falls back to the source because it is not translated."""
        if STATUS_MARKER.search(html):
            html = STATUS_MARKER.sub(lambda _: self.table(t), html)
        source = self.layout.source
        if language == source:
            return html
        if file_language != language:
            banner = self._banner("info", "tr_missing_title", "tr_missing_text", language, url, t, None)
        elif self.states.get((language, rel)) is State.OUT_OF_DATE:
            original = get_relative_url(page_url(rel, source, source, self.directory_urls), url)
            banner = self._banner("warning", "tr_outdated_title", "tr_outdated_text", language, url, t, original)
        else:
            return html
        # Below the page title, where a reader looks first.
        match = _FIRST_H1.match(html)
        return html[: match.end()] + banner + html[match.end() :] if match else banner + html

    def _banner(
        self, kind: str, title: str, text: str, language: str, url: str, t: Strings, original: str | None
    ) -> str:
        links = []
        if original is not None:
            source = escape(self.layout.source)
            links.append(f'<a href="{escape(original)}" hreflang="{source}">{escape(t("tr_read_original"))}</a>')
        if self.has_guide:
            guide = get_relative_url(page_url(GUIDE_PAGE, language, self.layout.source, self.directory_urls), url)
            links.append(f'<a href="{escape(guide)}">{escape(t("tr_help"))}</a>')
        more = f" {' · '.join(links)}" if links else ""
        return (
            f'<aside class="admonition {kind} kk-translation" data-search-exclude lang="{escape(language)}">'
            f'<p class="admonition-title">{escape(t(title))}</p><p>{escape(t(text))}{more}</p></aside>'
        )

    def table(self, t: Strings) -> str:
        columns = ("tr_language", "tr_pages", "tr_quiz_texts", "tr_interface")
        head = "".join(f'<th scope="col">{escape(t(key))}</th>' for key in columns)
        rows, details = [], []
        for s in self.statuses:
            kind = t("tr_complete") if s.complete else t("tr_partial")
            interface = f"{s.interface_total - len(s.interface_missing)}/{s.interface_total}"
            rows.append(
                f'<tr data-language="{escape(s.language)}"><th scope="row">{escape(s.name)} ({escape(s.language)})'
                f"<br><small>{escape(kind)}</small></th><td>{self._counts(s, 'pages', t)}</td>"
                f"<td>{self._counts(s, 'quiz', t)}</td><td>{escape(interface)}</td></tr>"
            )
            details.append(self._details(s, t))
        note = escape(t("tr_status_note"))
        return (
            f'<aside class="kk-tr-status" data-search-exclude><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table><p><small>{note}</small></p>{''.join(details)}</aside>"
        )

    @staticmethod
    def _counts(s: LanguageStatus, kind: str, t: Strings) -> str:
        counts = s.count(kind)
        parts = [
            f'<span class="kk-tr-{state.value}">{counts[state]} {escape(t(STATE_KEYS[state]))}</span>'
            for state in STATES
            if counts[state] or state is State.UP_TO_DATE
        ]
        return "<br>".join(parts)

    @staticmethod
    def _details(s: LanguageStatus, t: Strings) -> str:
        groups = []
        for state in (State.OUT_OF_DATE, State.MISSING, State.NOT_RECORDED):
            pages = [e.key for e in s.pages if e.state is state]
            if pages:
                items = "".join(f"<li><code>{escape(p)}</code></li>" for p in pages)
                title = f"{t('tr_pages')}: {t(STATE_KEYS[state])} ({len(pages)})"
                groups.append(f"<p>{escape(title)}</p><ul>{items}</ul>")
            texts = group_labels([e.key for e in s.quiz if e.state is state])
            if texts:
                title = f"{t('tr_quiz_texts')}: {t(STATE_KEYS[state])} ({sum(texts.values())})"
                items = "".join(f"<li><code>{escape(q)}</code> ({n})</li>" for q, n in texts.items())
                groups.append(f"<p>{escape(title)}</p><ul>{items}</ul>")
        if s.interface_missing:
            items = "".join(f"<li><code>{escape(x)}</code></li>" for x in s.interface_missing)
            title = f"{t('tr_interface')}: {t('tr_missing')} ({len(s.interface_missing)})"
            groups.append(f"<p>{escape(title)}</p><ul>{items}</ul>")
        if not groups:
            return ""
        return (
            f'<details class="note" data-language="{escape(s.language)}"><summary>{escape(s.name)} '
            f"({escape(s.language)})</summary>{''.join(groups)}</details>"
        )


def group_labels(labels: list[str]) -> dict[str, int]:
    """Quiz text labels counted per question or group: {'m01.q03': 4, ...}, in order."""
    counts: dict[str, int] = {}
    for label in labels:
        owner = label.split(" ", 1)[0]
        counts[owner] = counts.get(owner, 0) + 1
    return counts
