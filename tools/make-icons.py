#!/usr/bin/env python3
"""Draws the portal's icons: a white shield on the brand blue (--brand in site.css).

Writes wwwroot/favicon.svg, favicon.ico (16, 32 and 48 px PNGs inside) and apple-touch-icon.png
(180 px). Standard library only, so anyone can regenerate them: python3 tools/make-icons.py
"""
import os
import struct
import zlib

BRAND = (0x00, 0x3A, 0x70)
WHITE = (0xFF, 0xFF, 0xFF)
# The shield in a unit square: a flat top with shoulders, straight sides, a point at the bottom.
SHIELD = [(0.50, 0.14), (0.78, 0.24), (0.78, 0.50), (0.74, 0.63), (0.64, 0.75), (0.50, 0.86),
          (0.36, 0.75), (0.26, 0.63), (0.22, 0.50), (0.22, 0.24)]
# A tick inside it, as a thick polyline drawn in the brand colour.
TICK = [(0.36, 0.50), (0.46, 0.60), (0.65, 0.40)]
TICK_WIDTH = 0.07
RADIUS = 0.18  # corner radius of the background square

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "Tietosuoja.Web", "wwwroot")


def inside_polygon(x, y, polygon):
    inside = False
    j = len(polygon) - 1
    for i, (xi, yi) in enumerate(polygon):
        xj, yj = polygon[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def near_polyline(x, y, points, width):
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        if (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2:
            return True
    return False


def inside_rounded_square(x, y):
    cx = min(max(x, RADIUS), 1 - RADIUS)
    cy = min(max(y, RADIUS), 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def colour_at(x, y, rounded):
    if rounded and not inside_rounded_square(x, y):
        return None
    if inside_polygon(x, y, SHIELD) and not near_polyline(x, y, TICK, TICK_WIDTH):
        return WHITE
    return BRAND


def render(size, rounded):
    """RGBA rows, 4x4 supersampled so the edges are smooth at 16 px."""
    samples = 4
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, rounded)
                    if c is not None:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            n = samples * samples
            row += bytes((r // a, g // a, b // a, 255 * a // n)) if a else bytes(4)
        rows.append(bytes(row))
    return rows


def png(size, rounded=True):
    raw = b"".join(b"\x00" + row for row in render(size, rounded))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(sizes):
    images = [png(size) for size in sizes]
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, image in zip(sizes, images):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return directory + entries + b"".join(images)


def svg():
    def points(polygon):
        return " ".join(f"{x * 100:g},{y * 100:g}" for x, y in polygon)

    hexcolour = "#%02x%02x%02x" % BRAND
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" rx="{RADIUS * 100:g}" fill="{hexcolour}"/>'
        f'<polygon points="{points(SHIELD)}" fill="#fff"/>'
        f'<polyline points="{points(TICK)}" fill="none" stroke="{hexcolour}" stroke-width="{TICK_WIDTH * 100:g}"/>'
        "</svg>\n"
    )


def main():
    with open(os.path.join(OUT, "favicon.svg"), "w", encoding="utf-8") as f:
        f.write(svg())
    with open(os.path.join(OUT, "favicon.ico"), "wb") as f:
        f.write(ico([16, 32, 48]))
    # iOS rounds the corners itself and shows transparency as black: a full square.
    with open(os.path.join(OUT, "apple-touch-icon.png"), "wb") as f:
        f.write(png(180, rounded=False))


if __name__ == "__main__":
    main()
