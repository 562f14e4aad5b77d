"""Placeholder product images drawn locally with Pillow (the demo fetches nothing from the internet)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from marketplace.core.text import fold

# Fonts with Vietnamese glyphs, if the machine has one; otherwise the text is drawn without diacritics.
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def _font(size: int) -> tuple[ImageFont.ImageFont, bool]:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size), True
    return ImageFont.load_default(size), False

PALETTE = ["#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e", "#1565c0", "#ad1457"]


def placeholder_png(text: str, *, size: int = 480) -> bytes:
    digest = int(hashlib.sha1(text.encode()).hexdigest(), 16)
    background = PALETTE[digest % len(PALETTE)]
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((size * 0.1, size * 0.1, size * 0.9, size * 0.9), radius=24, outline="white", width=6)
    font, has_vietnamese = _font(int(size / 14))
    if not has_vietnamese:
        text = fold(text).title()
    max_width = size * 0.68  # inside the frame, with a margin
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    y = size * 0.3
    for chunk in lines[:5]:
        draw.text((size * 0.15, y), chunk, fill="white", font=font)
        y += size / 10
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
