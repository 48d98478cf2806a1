"""The kursus plugin's settings in mkdocs.yml: their types and defaults, stated once.

MkDocs validates them for ``mkdocs build``; ``kursus`` commands validate them the same way through
``project.load_project``, so a wrong value names the setting everywhere instead of raising later.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .audience import LEARNER, TRAINER


class Percent(c.Type[int]):
    """A whole percent, 0 to 100 (``true`` is not a number here, though Python counts it as 1)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or not 0 <= number <= 100:
            raise ValidationError(f"expected a whole percent from 0 to 100, got {value!r}")
        return number


class KursusConfig(Config):
    quizzes_dir = c.Type(str, default="quizzes")
    ui_strings = c.Type(str, default="overrides/ui-strings.yml")
    abbreviations = c.Type(str, default="includes/singkatan.{language}.md")
    complete_languages = c.ListOfItems(c.Type(str), default=[])
    # language -> languages its missing texts come from; any shape here, because read_fallbacks
    # (translations/fallback.py) says what a wrong one should look like, with its line
    fallbacks = c.Type(object, default={})
    min_options = c.Type(int, default=3)
    # "learner" leaves out the trainer-only pages (the offline zip and packages made from it).
    audience = c.Choice((TRAINER, LEARNER), default=TRAINER)
    trainer_only = c.ListOfItems(c.Type(str), default=["fasilitator/"])
    # The hosted site as an installable web app that works offline (never under 'mkdocs serve').
    web_app = c.Type(bool, default=True)
    # The share of a module quiz's points (percent, whole number) that passes it: the LMS's mastery score
    # (SCORM), and the progress page offers the completion statement once every module is passed with the
    # learner's first answers.
    pass_mark = Percent(default=70)


def validated(options: dict[str, object], config_file: str) -> tuple[KursusConfig, list[tuple[str, str]]]:
    """The settings with defaults filled in, and (setting, what is wrong) for each bad or unknown one."""
    config = KursusConfig(config_file_path=config_file)
    config.load_dict(dict(options))
    failed, warnings = config.validate()
    wrong = [(str(key), str(exc)) for key, exc in failed]
    # MkDocs only warns about a name it does not know; here it is almost always a misspelt setting.
    wrong += [(str(key), str(exc)) for key, exc in warnings]
    return config, wrong
