"""Placeholder product images drawn locally with Pillow (the demo fetches nothing from the internet)."""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw

PALETTE = ["#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e", "#1565c0", "#ad1457"]


def placeholder_png(text: str, *, size: int = 480) -> bytes:
    digest = int(hashlib.sha1(text.encode()).hexdigest(), 16)
    background = PALETTE[digest % len(PALETTE)]
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((size * 0.1, size * 0.1, size * 0.9, size * 0.9), radius=24, outline="white", width=6)
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) > 16:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    y = size * 0.3
    for chunk in lines[:5]:
        draw.text((size * 0.15, y), chunk, fill="white", font_size=int(size / 14))
        y += size / 10
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
