"""The course as a ZIM file for Kiwix (Android, desktop, kiwix-serve): the learner's edition of the site,
every language, written with openZIM's own Python binding (python-libzim).

Kiwix needs, besides the pages: a main page, the MIME type of every entry, a title and full-text index,
and the metadata its libraries show (openZIM's "Metadata" page): Name, Title, Description,
LongDescription, Language (ISO 639-3), Creator, Publisher, Date, Tags, Flavour and a 48x48 PNG
illustration.
"""

from __future__ import annotations

import datetime
import html
import mimetypes
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .atomic import replacing
from .icons import icon_png

MAIN_PAGE = "index.html"
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# ISO 639-1 (the site's folders) -> ISO 639-3 (ZIM metadata); languages added later fall back to the code.
ISO_639_3 = {"id": "ind", "en": "eng", "jv": "jav", "su": "sun", "ms": "msa", "vi": "vie", "th": "tha", "tl": "tgl"}


@dataclass(frozen=True)
class ZimInfo:
    name: str  # e.g. kursus-konselor_mul_peserta: project, language, flavour, as Kiwix's catalogue names files
    title: str  # at most 30 characters
    description: str  # at most 80 characters
    long_description: str
    languages: list[str]  # ISO 639-1, the first is the main one
    creator: str
    publisher: str
    flavour: str
    version: str


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim's C++ side prints its stages ("Index titles", "ZIM file is ready!") straight to the
    process's standard output, whatever config_verbose says: keep the build's own progress lines readable."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def course_info(version: str, languages: list[str]) -> ZimInfo:
    """What Kiwix's library shows about the course (Title at most 30, Description at most 80 characters)."""
    return ZimInfo(
        name="kursus-konselor_mul_peserta",
        title="Kursus Konselor",
        description="Kursus untuk Pengantar Kerja dan konselor layanan ketenagakerjaan Indonesia",
        long_description=(
            "Kursus terbuka untuk Pengantar Kerja dan konselor layanan ketenagakerjaan di Indonesia: peran dan "
            "etika, wawancara konseling, profil dan rencana aksi, informasi pasar kerja, kaum muda, layanan "
            "responsif gender, disabilitas, dan keterampilan mencari kerja, dengan latihan yang tersimpan di "
            "perangkat. Edisi peserta, tanpa catatan fasilitator dan kunci jawaban. An open course for "
            "employment counsellors in Indonesia, in Bahasa Indonesia and English; the learner's edition."
        ),
        languages=languages,
        creator="Kontributor Kursus Konselor",
        publisher="Kursus Konselor",
        flavour="peserta",
        version=version,
    )


def mimetype(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    if path.suffix == ".js":
        return "application/javascript"
    return guessed or "application/octet-stream"


def page_title(data: bytes, fallback: str) -> str:
    match = _TITLE.search(data.decode("utf-8", "replace"))
    return html.unescape(match.group(1)).strip() if match else fallback


def write_zim(site_dir: Path, target: Path, info: ZimInfo) -> Path:
    """Write ``target`` from the built ``site_dir``; the file is complete or not there at all."""
    from libzim.writer import Creator, FileProvider, Hint, Item  # type: ignore[import-untyped]

    class Entry(Item):  # type: ignore[misc]
        def __init__(self, file: Path, path: str, title: str, mime: str, front: bool) -> None:
            super().__init__()
            self.file, self.path, self.title, self.mime, self.front = file, path, title, mime, front

        def get_path(self) -> str:
            return self.path

        def get_title(self) -> str:
            return self.title

        def get_mimetype(self) -> str:
            return self.mime

        def get_contentprovider(self) -> FileProvider:
            return FileProvider(str(self.file))

        def get_hints(self) -> dict[Hint, bool]:
            return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: self.mime.startswith(_COMPRESSIBLE)}

    languages = [ISO_639_3.get(code, code) for code in info.languages]
    with replacing(target) as temp, _quiet_stdout():
        temp.unlink()  # libzim creates the file itself
        creator = Creator(str(temp)).config_indexing(True, languages[0])
        with creator:
            creator.set_mainpath(MAIN_PAGE)
            for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
                path = file.relative_to(site_dir).as_posix()
                mime = mimetype(file)
                is_page = mime == "text/html"
                title = page_title(file.read_bytes(), path) if is_page else ""
                creator.add_item(Entry(file, path, title, mime, is_page and path != "404.html"))
            creator.add_illustration(48, icon_png(48))
            metadata = {
                "Name": info.name,
                "Title": info.title,
                "Description": info.description,
                "LongDescription": info.long_description,
                "Language": ",".join(languages),
                "Creator": info.creator,
                "Publisher": info.publisher,
                "Date": datetime.date.today().isoformat(),
                "Tags": "_category:other;_ftindex:yes;_pictures:no;_videos:no;_details:yes;pendidikan;ketenagakerjaan",
                "Flavour": info.flavour,
                "Scraper": f"kursus {info.version}",
            }
            for key, value in metadata.items():
                creator.add_metadata(key, value)
    return target
