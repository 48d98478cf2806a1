"""The learner's edition of the course as a SCORM 1.2 package, one package per language.

``imsmanifest.xml`` sits at the root of the zip, the learner's site under ``kursus/``. The package has one
organization with one item (a SCO) per module: it opens the page holding the module's whole quiz, and that
page reports to the LMS through ``kursus-scorm.js`` (score, passed/failed at the mastery score, progress
in ``cmi.suspend_data``). Every file of the site is one shared asset resource each SCO depends on, so the
manifest lists each file once.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from ..atomic import replacing
from ..packaging import SITE_FOLDER, SKIPPED_FILES, SKIPPED_SUFFIXES

MANIFEST = "imsmanifest.xml"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
SCHEMA_FILES = {IMSCP: "imscp_rootv1p1p2.xsd", IMSMD: "imsmd_rootv1p2p1.xsd", ADLCP: "adlcp_rootv1p2.xsd"}
ASSETS = "site-files"


class ScormError(Exception):
    """The learner's site cannot become a SCORM package (a module without its quiz page)."""


@dataclass(frozen=True)
class Sco:
    module: str  # m01
    title: str
    launch: str  # path of the module's quiz page inside the package, e.g. kursus/en/modul-01/latihan.html


def package_name(version: str, language: str) -> str:
    return f"kursus-konselor-scorm-{language}-{version}"


def site_files(site_dir: Path) -> list[str]:
    """The site's files as the learner's zip holds them (no source maps, no 404 page), sorted."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and not path.name.endswith(SKIPPED_SUFFIXES) and relative not in SKIPPED_FILES:
            files.append(relative)
    return files


def quiz_pages(site_dir: Path, language: str, default_language: str, other_languages: list[str]) -> dict[str, str]:
    """module -> the page (relative to the site) holding that module's whole quiz, in ``language``."""
    base = site_dir if language == default_language else site_dir / language
    found: dict[str, str] = {}
    for page in sorted(base.rglob("*.html")):
        relative = page.relative_to(base)
        if language == default_language and relative.parts[0] in other_languages:
            continue
        for module in re.findall(r'class="kk-quiz kk-quiz--full" data-module="([a-z0-9]+)"', page.read_text("utf-8")):
            found.setdefault(module, page.relative_to(site_dir).as_posix())
    return found


def scos(modules: list[tuple[str, str]], pages: dict[str, str]) -> list[Sco]:
    """One SCO per module (id, title) in course order; a module without a quiz page is an error."""
    missing = [module for module, _ in modules if module not in pages]
    if missing:
        raise ScormError(
            f"no page holds the whole quiz of {', '.join(missing)} (add '<!-- kuis: {missing[0]} -->' to the "
            "module's exercise page): a SCORM item needs a page that reports its score"
        )
    return [Sco(module, title, f"{SITE_FOLDER}/{pages[module]}") for module, title in modules]


def manifest_xml(identifier: str, version: str, title: str, items: list[Sco], files: list[str], mastery: int) -> str:
    """``imsmanifest.xml`` (SCORM 1.2 content package): the schema test checks it against the XSDs."""
    locations = " ".join(f"{ns} {name}" for ns, name in SCHEMA_FILES.items())
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<manifest identifier={quoteattr(identifier)} version={quoteattr(version)} xmlns="{IMSCP}" '
        f'xmlns:adlcp="{ADLCP}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{locations}">',
        "  <metadata>",
        "    <schema>ADL SCORM</schema>",
        "    <schemaversion>1.2</schemaversion>",
        "  </metadata>",
        '  <organizations default="course">',
        '    <organization identifier="course">',
        f"      <title>{escape(title)}</title>",
    ]
    for sco in items:
        out += [
            f'      <item identifier="item-{sco.module}" identifierref="sco-{sco.module}" isvisible="true">',
            f"        <title>{escape(sco.title)}</title>",
            f"        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>",
            "      </item>",
        ]
    out += ["    </organization>", "  </organizations>", "  <resources>"]
    for sco in items:
        href = quoteattr(quote(sco.launch))
        out += [
            f'    <resource identifier="sco-{sco.module}" type="webcontent" adlcp:scormtype="sco" href={href}>',
            f"      <file href={href}/>",
            f'      <dependency identifierref="{ASSETS}"/>',
            "    </resource>",
        ]
    out.append(f'    <resource identifier="{ASSETS}" type="webcontent" adlcp:scormtype="asset">')
    out += [f"      <file href={quoteattr(quote(f'{SITE_FOLDER}/{name}'))}/>" for name in files]
    out += ["    </resource>", "  </resources>", "</manifest>", ""]
    return "\n".join(out)


def write_package(target: Path, manifest: str, site_dir: Path, files: list[str]) -> None:
    """The zip with the manifest at its root, written beside ``target`` and renamed when complete."""
    with replacing(target) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(MANIFEST, manifest)
        for name in files:
            archive.write(site_dir / name, f"{SITE_FOLDER}/{name}")
