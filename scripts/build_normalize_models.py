"""Build the committed artifacts of xeber.normalize from MIT/Apache sources only.

  words     src/xeber/data/models/normalize/words.tsv.gz   word counts (freq-localdoc-symspell-80k MIT,
            azlangnlp spell_freq.txt Apache, wordlist-aznlp-stemmer MIT, Tesseract aze word list Apache)
  ocr       src/xeber/data/models/normalize/ocr_confusions.tsv  character confusions of Tesseract,
            learned by rendering random lexicon words (our renderer, Apache/MIT words) and OCR-ing them
  typing    src/xeber/data/models/normalize/typing_confusions.tsv  letter confusions of typed text,
            mined from the word counts: rare spellings that fold to a much more frequent word

Usage: python scripts/build_normalize_models.py --shared ../shared [words] [ocr] [typing]
"""

from __future__ import annotations

import argparse
import gzip
import logging
import random
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from xeber.normalize.alignment import align_chars  # noqa: E402
from xeber.text.casing import fold, lower  # noqa: E402

OUT = ROOT / "src" / "xeber" / "data" / "models" / "normalize"
AZ_WORD = set("abcçdeəfgğhxıijkqlmnoöprsştuüvyz")
log = logging.getLogger("build_normalize_models")


def clean_word(w: str) -> str:
    w = unicodedata.normalize("NFC", w.strip()).replace("\u04d9", "ə").replace("\u04d8", "Ə")
    return lower(w)


def is_az_word(w: str) -> bool:
    return bool(w) and all(c in AZ_WORD for c in w)


def build_words(shared: Path) -> Counter[str]:
    data = shared / "data"
    counts: Counter[str] = Counter()
    for path in (data / "freq-localdoc-symspell-80k" / "frequency_dictionary_az_80k.txt",
                 data / "azlangnlp-lexicon" / "spell_freq.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                w = clean_word(parts[0])
                if is_az_word(w):
                    counts[w] += int(parts[1])
    # word lists without counts: present means at least 1
    for w in (data / "wordlist-aznlp-stemmer" / "words.txt").read_text(encoding="utf-8-sig").split():
        w = clean_word(w)
        if is_az_word(w) and w not in counts:
            counts[w] = 1
    with gzip.open(data / "wordlist-tesseract-aze" / "aze.wordlist.gz", "rt", encoding="utf-8") as f:
        for rank, line in enumerate(f):
            w = clean_word(line)
            if is_az_word(w) and w not in counts:
                counts[w] = 2 if rank < 100_000 else 1
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "words.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{w}\t{c}\n")
    log.info("words: %d", len(counts))
    return counts


def load_words() -> Counter[str]:
    counts: Counter[str] = Counter()
    with gzip.open(OUT / "words.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            w, c = line.rstrip("\n").split("\t")
            counts[w] = int(c)
    return counts


def _confusions(pairs: list[tuple[str, str]]) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """Counts of (right, wrong) character operations and of right characters (with bigram contexts)."""
    ops: Counter[tuple[str, str]] = Counter()
    chars: Counter[str] = Counter()
    for right, wrong in pairs:
        for r, w in align_chars(right, wrong):
            ops[(r, w)] += 1
        chars.update(right)
        chars[""] += len(right) + 1  # insertion slots
    return ops, chars


def write_confusions(path: Path, ops: Counter[tuple[str, str]], chars: Counter[str], source: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# {source}\n# right\twrong\tcount\tright_total (right '' = insertion, wrong '' = deletion)\n")
        for (r, w), c in sorted(ops.items(), key=lambda kv: -kv[1]):
            if r != w:
                f.write(f"{r}\t{w}\t{c}\t{chars[r[:1] if r else '']}\n")


def _has_glyphs(path: Path, letters: str) -> bool:
    from PIL import ImageFont

    font = ImageFont.truetype(str(path), 20)
    missing = bytes(font.getmask("\U0010ffff"))
    return all(bytes(font.getmask(c)) != missing for c in letters)


def build_ocr(counts: Counter[str], n_lines: int, seed: int = 7) -> None:
    """Render lines of random lexicon words in several fonts and small sizes, OCR them with Tesseract,
    align words and characters, and count confusions."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    vocab = [w for w, c in counts.most_common(60_000) if c >= 2 and len(w) >= 2]
    weights = [min(counts[w], 10_000_000) ** 0.5 for w in vocab]
    fonts = sorted(Path("/usr/share/fonts/truetype").glob("*/*.ttf"))
    fonts = [f for f in fonts if not any(s in f.name for s in ("Bold", "Italic", "Oblique", "Mono", "Light", "Math"))]
    fonts = [f for f in fonts if _has_glyphs(f, "əƏğıİşçöü")]  # a font without ə draws a box
    pairs: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n_lines):
            words = rng.choices(vocab, weights, k=8)
            words = [w.capitalize() if rng.random() < 0.1 else w for w in words]
            line = " ".join(words)
            font = ImageFont.truetype(str(rng.choice(fonts)), rng.choice([11, 12, 13, 14, 16]))
            width = int(font.getlength(line)) + 20
            img = Image.new("L", (width, 40), 255)
            ImageDraw.Draw(img).text((10, 10), line, font=font, fill=0)
            if rng.random() < 0.5:
                img = img.filter(ImageFilter.GaussianBlur(rng.choice([0.4, 0.6, 0.8])))
            png = Path(tmp) / f"l{i}.png"
            img.save(png)
            out = subprocess.run(["tesseract", str(png), "-", "-l", "aze", "--psm", "7"],
                                 capture_output=True, text=True, check=False).stdout
            got = unicodedata.normalize("NFC", out.strip()).split()
            if len(got) != len(words):
                continue  # word boundaries moved; skip rather than mis-align
            pairs.extend((lower(w), lower(g)) for w, g in zip(words, got, strict=True))
    ops, chars = _confusions(pairs)
    errors = sum(1 for r, w in pairs if r != w)
    write_confusions(OUT / "ocr_confusions.tsv", ops, chars,
                     f"Tesseract aze on {len(pairs)} rendered lexicon words ({errors} misread)")
    log.info("ocr: %d word pairs, %d misread", len(pairs), errors)


def build_typing(counts: Counter[str]) -> None:
    """Pairs (frequent, rare) that fold to the same ASCII form: the rare one is a typing variant."""
    by_fold: dict[str, list[str]] = {}
    for w, c in counts.items():
        if c >= 2:
            by_fold.setdefault(fold(w), []).append(w)
    pairs: list[tuple[str, str]] = []
    for group in by_fold.values():
        if len(group) < 2:
            continue
        best = max(group, key=lambda w: counts[w])
        for w in group:
            if w != best and counts[best] >= 50 * counts[w]:
                pairs.append((best, w))
    ops, chars = _confusions(pairs)
    write_confusions(OUT / "typing_confusions.tsv", ops, chars,
                     f"{len(pairs)} rare folded spellings of frequent words in the MIT/Apache word counts")
    log.info("typing: %d pairs", len(pairs))


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--ocr-lines", type=int, default=1500)
    ap.add_argument("what", nargs="*", default=["words", "ocr", "typing"])
    args = ap.parse_args()
    counts = build_words(args.shared) if "words" in args.what else load_words()
    if "typing" in args.what:
        build_typing(counts)
    if "ocr" in args.what:
        build_ocr(counts, args.ocr_lines)


if __name__ == "__main__":
    main()
