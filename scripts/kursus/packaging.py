"""The offline packages, each with an "open me first" page:

- ``dist/kursus-konselor-<version>.zip``, for learners: the learner's edition of the site (no facilitator
  notes, answer keys or role-play briefs);
- ``dist/kursus-konselor-pelatih-<version>.zip``, for trainers: the full site and the print pack (the
  PDFs ``kursus print`` wrote into ``dist/<language>/``), so a trainer without Python gets everything.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .atomic import replacing

SITE_FOLDER = "kursus"
OPEN_ME_FIRST = "BUKA-SAYA-DULU.html"

_PAGE = """<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Buka saya dulu · Open me first — Kursus Konselor</title>
<style>
body{{font:1.05rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:46rem;margin:0 auto;
padding:1.5rem;color:#1b1b1b;background:#fff}}
h1{{font-size:1.6rem;color:#00695c}}h2{{font-size:1.25rem;margin-top:2rem;color:#00695c}}
a.go{{display:inline-block;background:#00695c;color:#fff;padding:.6rem 1rem;border-radius:.3rem;
text-decoration:none;margin:.3rem .3rem .3rem 0}}a.go:focus{{outline:3px solid #e65100;outline-offset:2px}}
code{{background:#f0f0f0;padding:0 .2rem}}section+section{{border-top:1px solid #ccc;margin-top:2rem}}
</style>
</head>
<body>
<main>
<section lang="id">
<h1>Kursus Konselor {version}</h1>
<p>Kursus untuk Pengantar Kerja dan konselor layanan ketenagakerjaan. Kursus ini berjalan tanpa internet,
langsung dari folder ini.</p>
<p><a class="go" href="{site}/index.html">Mulai kursus (Bahasa Indonesia)</a>
<a class="go" href="{site}/en/index.html" lang="en">Start the course (English)</a></p>
<h2>Di laptop atau komputer</h2>
<ol>
<li>Ekstrak dulu berkas zip (klik kanan → <em>Extract All</em> / <em>Ekstrak Semua</em>). Jangan membuka kursus
dari dalam zip: pencarian dan penyimpanan jawaban tidak akan berjalan.</li>
<li>Buka folder hasil ekstrak, lalu klik dua kali <code>{open_me}</code> (halaman ini) atau
<code>{site}/index.html</code>. Gunakan Chrome, Edge, atau Firefox versi terbaru.</li>
<li>Jawaban latihan tersimpan di peramban di laptop ini. Jika pindah laptop atau peramban, buka halaman
<em>Kemajuan saya</em> dan pilih <em>Simpan kemajuan ke berkas</em>, lalu muat berkas itu di perangkat baru.</li>
<li>Folder boleh dipindahkan atau disalin ke flashdisk; kemajuan Anda tetap tersimpan di peramban.</li>
</ol>
<h2>Di ponsel</h2>
<ol>
<li>Pasang aplikasi Kiwix (Google Play), lalu buka berkas <code>kursus-konselor-{version}.zim</code> yang
diterbitkan bersama zip ini: mintalah kepada fasilitator. Langkah lengkapnya ada di halaman
<a href="{site}/belajar-di-ponsel.html">Belajar di ponsel</a>.</li>
<li>Tanpa Kiwix: pelajari kursus di laptop, atau minta fasilitator mencetak buku peserta.</li>
</ol>
</section>
<section lang="en">
<h1>Counsellor Course {version}</h1>
<p>A course for employment officers and counsellors in Indonesia's public employment services. It runs
without internet, straight from this folder.</p>
<h2>On a laptop or computer</h2>
<ol>
<li>Extract the zip file first (right-click → <em>Extract All</em>). Do not open the course from inside the
zip: search and saved answers will not work.</li>
<li>Open the extracted folder and double-click <code>{open_me}</code> (this page) or
<code>{site}/en/index.html</code>. Use a recent Chrome, Edge or Firefox.</li>
<li>Your exercise answers are saved in the browser on this laptop. To move to another laptop or browser, open
<em>My progress</em>, choose <em>Save my progress to a file</em>, and load that file on the new device.</li>
<li>You may move or copy the folder, for example to a USB stick; your progress stays in the browser.</li>
</ol>
<h2>On a phone</h2>
<ol>
<li>Install the Kiwix app (Google Play), then open the file <code>kursus-konselor-{version}.zim</code> published
with this zip: ask your facilitator for it. The steps are on the page
<a href="{site}/en/belajar-di-ponsel.html">Studying on a phone</a>.</li>
<li>Without Kiwix: study the course on a laptop, or ask your facilitator for the printed handbook.</li>
</ol>
</section>
{trainer}</main>
</body>
</html>
"""

# Not needed offline: source maps are for developers only, and the 404 page (for web servers) links
# its assets from the server root, which does not exist on disk.
SKIPPED_SUFFIXES = (".map",)
SKIPPED_FILES = ("404.html",)


PRINT_FOLDER = "cetak"  # the print pack inside the trainer's package
PARTICIPANTS_FOLDER = "untuk-peserta"  # the learner's zip and ZIM file inside the trainer's package

_TRAINER = """<section lang="id">
<h2>Untuk pelatih</h2>
<p>Paket ini berisi seluruh kursus, termasuk catatan fasilitator dan kunci jawaban, serta bahan cetak di
folder <code>{prints}</code>. Jangan membagikan paket ini kepada peserta. Untuk peserta, salin isi folder
<code>{participants}</code>: <code>kursus-konselor-{version}.zip</code> untuk laptop dan
<code>kursus-konselor-{version}.zim</code> untuk aplikasi Kiwix di ponsel. Keduanya tidak memuat kunci
jawaban.</p>
</section>
<section lang="en">
<h2>For trainers</h2>
<p>This package holds the whole course, facilitator notes and answer keys included, and the print pack in
the <code>{prints}</code> folder. Do not hand it to participants. For participants, copy what is in the
<code>{participants}</code> folder: <code>kursus-konselor-{version}.zip</code> for laptops and
<code>kursus-konselor-{version}.zim</code> for the Kiwix app on phones. Neither holds answer keys.</p>
</section>
"""


def learner_package_name(version: str) -> str:
    return f"kursus-konselor-{version}"


def trainer_package_name(version: str) -> str:
    return f"kursus-konselor-pelatih-{version}"


def open_me_first(version: str, for_trainers: bool = False) -> str:
    trainer = _TRAINER.format(version=version, prints=PRINT_FOLDER, participants=PARTICIPANTS_FOLDER)
    trainer = trainer if for_trainers else ""
    return _PAGE.format(version=version, site=SITE_FOLDER, open_me=OPEN_ME_FIRST, trainer=trainer)


def print_pack(dist_dir: Path) -> list[tuple[Path, str]]:
    """The PDFs of ``kursus print`` in ``dist_dir`` (``id/…``, ``en/…``, ``id-en/…``), with their place
    in the trainer's package."""
    found = sorted(p for p in dist_dir.glob("*/*.pdf") if not p.parent.name.startswith("."))
    return [(p, f"{PRINT_FOLDER}/{p.relative_to(dist_dir).as_posix()}") for p in found]


def make_zip(site_dir: Path, dist_dir: Path, name: str, extra: list[tuple[Path, str]] | None = None) -> Path:
    """Write ``dist_dir/<name>.zip`` next to its final name, then rename: a failed run leaves no
    half-written package. ``extra`` files (path, place in the package) make it the trainer's package."""
    dist_dir.mkdir(parents=True, exist_ok=True)
    target = dist_dir / f"{name}.zip"
    version = name.rsplit("-", 1)[-1]
    with replacing(target) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{name}/{OPEN_ME_FIRST}", open_me_first(version, for_trainers=extra is not None))
        for path in sorted(site_dir.rglob("*")):
            relative = path.relative_to(site_dir).as_posix()
            if path.is_file() and not path.name.endswith(SKIPPED_SUFFIXES) and relative not in SKIPPED_FILES:
                archive.write(path, f"{name}/{SITE_FOLDER}/{relative}")
        for path, place in extra or []:
            archive.write(path, f"{name}/{place}")
    return target
