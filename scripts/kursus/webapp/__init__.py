"""The installable web app of the hosted course: a manifest per language (names in that language), the
icons, and a service worker that caches every file of the site on the first visit.

Written into the built site after every other plugin has written its files, so the service worker's
list is the site as served. The version is a hash of every file: a rebuild that changes anything is a
new release, for which the page offers an update (kursus.js); an identical rebuild is not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..icons import TEAL, icon_png

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = {192: "assets/kursus/icon-192.png", 512: "assets/kursus/icon-512.png"}
_TEMPLATE = Path(__file__).with_name("sw.js")
_SKIPPED = (".map",)


@dataclass(frozen=True)
class AppLanguage:
    code: str
    name: str  # the site's name in that language
    folder: str  # "" for the default language, else "en/" …


def write_web_app(site_dir: Path, languages: list[AppLanguage]) -> str:
    """Write the icons, one manifest per language and the service worker; return the version."""
    for size, path in ICONS.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icon_png(size))
    for language in languages:
        _write_manifest(site_dir, language)
    files = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*")
        if p.is_file() and p.name != SERVICE_WORKER and not p.name.endswith(_SKIPPED)
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (site_dir / name).read_bytes() + b"\0")
    version = digest.hexdigest()[:16]
    worker = (
        _TEMPLATE.read_text(encoding="utf-8")
        .replace("__KK_VERSION__", version)
        .replace("__KK_FILES__", json.dumps(["./"] + [quote(name) for name in files]))
    )
    (site_dir / SERVICE_WORKER).write_text(worker, encoding="utf-8")
    return version


def _write_manifest(site_dir: Path, language: AppLanguage) -> None:
    up = "../" * language.folder.count("/")  # from the language's folder back to the site's root
    colour = "#{:02x}{:02x}{:02x}".format(*TEAL)
    manifest = {
        "name": language.name,
        "short_name": language.name,
        "lang": language.code,
        "id": f"./{language.folder}index.html",
        "start_url": "./index.html",
        "scope": f"./{up}",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": [
            {"src": f"{up}{path}", "sizes": f"{size}x{size}", "type": "image/png"} for size, path in ICONS.items()
        ],
    }
    target = site_dir / language.folder / MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
