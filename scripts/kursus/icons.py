"""The course's icon, drawn as a PNG without an image library: a white "K" on the course's teal.
Used for Kiwix's 48x48 illustration and the installable web app's 192 and 512 pixel icons."""

from __future__ import annotations

import struct
import zlib

TEAL = (0, 105, 92)  # --md-primary-fg-color in kursus.css
WHITE = (255, 255, 255)


def icon_png(size: int) -> bytes:
    unit = size / 12
    rows = []
    for y in range(size):
        row = bytearray([0])  # PNG filter type 0 for each row
        v = y / unit
        for x in range(size):
            u = x / unit
            stem = 3 <= u < 5 and 2 <= v < 10
            arm = 2 <= v < 10 and u >= 5 and abs((u - 5) - abs(v - 6)) < 1.2
            row += bytes(WHITE if stem or arm else TEAL)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )
