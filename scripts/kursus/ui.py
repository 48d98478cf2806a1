"""Interface strings: ``overrides/ui-strings.yml``, key first, every language side by side."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from .rawtext import RawTextError
from .translations.fallback import fallback_chain
from .yamlio import YamlSyntaxError, read_limited


class UiStringsError(Exception):
    """The interface strings cannot be used; the message is ``path:line: what is wrong``."""

    def __init__(self, path: Path, line: int, message: str, hint: str = "") -> None:
        super().__init__(f"{path}:{line}: {message}" + (f" ({hint})" if hint else ""))
        self.path, self.line, self.message, self.hint = path, line, message, hint


def load_strings(path: Path) -> dict[str, dict[str, str]]:
    try:
        _, data = read_limited(path)
    except FileNotFoundError:
        raise UiStringsError(path, 1, "interface strings file is missing") from None
    except OSError as exc:
        raise UiStringsError(path, 1, f"cannot read the interface strings: {exc.strerror or exc}") from None
    except RawTextError as exc:  # a bad byte (at its line), too large, or no ordinary file
        raise UiStringsError(path, exc.line, f"cannot read the interface strings: {exc.message}", exc.hint) from None
    except YamlSyntaxError as exc:  # bad YAML, or over the depth and alias limits
        raise UiStringsError(path, exc.line, f"not valid YAML: {exc.message}", exc.hint) from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise UiStringsError(path, 1, "write one line per key, e.g. check: {id: Periksa, en: Check}")
    odd = [k for k in data if not isinstance(k, str)]
    if odd:
        # YAML reads bare true/false/yes/no/numbers as other types: the key would never be found.
        raise UiStringsError(path, 1, f'key {odd[0]!r} must be quoted, e.g. "{str(odd[0]).lower()}":')
    return {str(k): {str(lang): str(text) for lang, text in v.items()} for k, v in data.items()}


def missing_keys(strings: dict[str, dict[str, str]], languages: list[str]) -> list[tuple[str, str]]:
    """(key, language) pairs with no text."""
    return [(key, lang) for key, texts in strings.items() for lang in languages if not texts.get(lang, "").strip()]


def translator(
    strings: dict[str, dict[str, str]], language: str, fallback: str, via: Sequence[str] = ()
) -> Callable[[str], str]:
    """A key's text in ``language``, else in the ``via`` languages in turn, else in ``fallback``."""
    order = list(dict.fromkeys([language, *via, fallback]))

    def t(key: str) -> str:
        texts = strings.get(key, {})
        return next((texts[lang] for lang in order if texts.get(lang)), key)

    return t


def interface_fallbacks(
    language: str, source: str, complete: Sequence[str], configured: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """Where a partial language's missing interface texts come from before the source language: its
    fallback chain (``fallbacks`` in mkdocs.yml, else Bahasa Indonesia for the regional languages of
    Indonesia and the complete translations, English here, for the others)."""
    return tuple(c for c in fallback_chain(language, source, complete, configured) if c != source)


# Strings for printed documents, scoring reports, server-rendered banners and the progress page's statement
# (written into that page) never reach the browser.
NOT_FOR_BROWSER = ("print_", "score_", "tr_", "export_", "statement_")


def for_browser(
    strings: dict[str, dict[str, str]], language: str, fallback: str, via: Sequence[str] = ()
) -> dict[str, str]:
    """One language's strings that kursus.js uses (every page carries them)."""
    t = translator(strings, language, fallback, via)
    return {key: t(key) for key in strings if not key.startswith(NOT_FOR_BROWSER)}
