"""The offline package: ``dist/kursus-konselor-<version>.zip`` with an "open me first" page."""

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
<li>Cara paling mudah: pelajari kursus di laptop, atau minta fasilitator mencetak buku pegangan.</li>
<li>Di ponsel Android, ekstrak zip dengan aplikasi pengelola berkas, lalu buka Firefox dan ketik alamat
folder tersebut, misalnya <code>file:///sdcard/Download/kursus-konselor-{version}/{site}/index.html</code>.
Tidak semua ponsel dan peramban mengizinkan ini; jika halaman tidak terbuka, gunakan laptop.</li>
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
<li>Easiest: study on a laptop, or ask your facilitator for the printed handbook.</li>
<li>On an Android phone, extract the zip with a file manager app, then open Firefox and type the folder's
address, for example <code>file:///sdcard/Download/kursus-konselor-{version}/{site}/en/index.html</code>.
Not every phone and browser allows this; if the page does not open, use a laptop.</li>
</ol>
</section>
</main>
</body>
</html>
"""

# Not needed offline: source maps are for developers only, and the 404 page (for web servers) links
# its assets from the server root, which does not exist on disk.
SKIPPED_SUFFIXES = (".map",)
SKIPPED_FILES = ("404.html",)


def open_me_first(version: str) -> str:
    return _PAGE.format(version=version, site=SITE_FOLDER, open_me=OPEN_ME_FIRST)


def make_zip(site_dir: Path, dist_dir: Path, version: str) -> Path:
    """Write the zip next to its final name, then rename: a failed run leaves no half-written package."""
    name = f"kursus-konselor-{version}"
    dist_dir.mkdir(parents=True, exist_ok=True)
    target = dist_dir / f"{name}.zip"
    with replacing(target) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{name}/{OPEN_ME_FIRST}", open_me_first(version))
        for path in sorted(site_dir.rglob("*")):
            relative = path.relative_to(site_dir).as_posix()
            if path.is_file() and not path.name.endswith(SKIPPED_SUFFIXES) and relative not in SKIPPED_FILES:
                archive.write(path, f"{name}/{SITE_FOLDER}/{relative}")
    return target
