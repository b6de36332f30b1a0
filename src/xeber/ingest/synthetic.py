"""Synthetic scans for tests and benchmarks: text rendered to a page image, then degraded the way
old newsprint and cheap scanners degrade it (blur, noise, rotation, JPEG artefacts)."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")


def find_font(name: str = "DejaVuSerif.ttf") -> Path | None:
    for d in FONT_DIRS:
        p = Path(d) / name
        if p.exists():
            return p
    return None


@dataclass(frozen=True, slots=True)
class Degradation:
    blur: float = 0.0  # Gaussian blur radius in pixels
    noise: float = 0.0  # standard deviation of added Gaussian noise (0–255 scale)
    rotate: float = 0.0  # degrees
    jpeg_quality: int = 0  # 0: no JPEG round trip
    speckles: int = 0  # dark specks per page


LEVELS: dict[str, Degradation] = {
    "clean": Degradation(),
    "mild": Degradation(blur=0.6, noise=12, rotate=0.6, jpeg_quality=60, speckles=200),
    "heavy": Degradation(blur=1.1, noise=28, rotate=1.5, jpeg_quality=25, speckles=1500),
}


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            candidate = f"{line} {word}" if line else word
            if line and font.getlength(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def render_page(
    text: str, *, width: int = 1240, font_size: int = 30, columns: int = 1, font: Path | None = None,
    margin: int = 70, gutter: int = 60,
) -> Image.Image:
    """A white page with `text` in black, in `columns` columns filled one after another."""
    font_path = font or find_font()
    if font_path is None:
        raise FileNotFoundError("DejaVu fonts not found (Debian: apt-get install fonts-dejavu-core)")
    face = ImageFont.truetype(str(font_path), font_size)
    col_width = (width - 2 * margin - (columns - 1) * gutter) // columns
    lines = _wrap(text, face, col_width)
    line_height = int(font_size * 1.45)
    per_column = -(-len(lines) // columns)
    height = 2 * margin + per_column * line_height
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        col, row = divmod(i, per_column)
        draw.text((margin + col * (col_width + gutter), margin + row * line_height), line, font=face, fill=0)
    return page


def degrade(page: Image.Image, level: Degradation | str, seed: int = 0) -> Image.Image:
    """`page` blurred, speckled, noised, rotated and JPEG-compressed as `level` says (reproducible)."""
    d = LEVELS[level] if isinstance(level, str) else level
    rng = random.Random(seed)
    img = page.convert("L")
    if d.speckles:
        draw = ImageDraw.Draw(img)
        for _ in range(d.speckles):
            x, y = rng.randrange(img.width), rng.randrange(img.height)
            r = rng.choice((1, 1, 1, 2))
            draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(0, 120))
    if d.blur:
        img = img.filter(ImageFilter.GaussianBlur(d.blur))
    if d.noise:
        noise = Image.effect_noise(img.size, d.noise)
        # effect_noise is centred on 128: adding (noise - 128) perturbs each pixel around its value.
        img = Image.eval(Image.blend(img, noise, 0.5), lambda v: max(0, min(255, 2 * v - 128)))
    if d.rotate:
        img = img.rotate(d.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if d.jpeg_quality:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=d.jpeg_quality)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img
