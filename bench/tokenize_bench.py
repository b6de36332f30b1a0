"""Tokenization throughput on the dev news corpus, one core, beside str.split and re.findall.

    .venv/bin/python bench/tokenize_bench.py
"""

from __future__ import annotations

import re
import time

from common import dev_news, machine

from xeber.text.tokenize import sentences, tokenize


def rate(fn, texts: list[str], repeat: int = 3) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    best, count = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = sum(len(fn(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return best, count


def main() -> None:
    texts = [a["body"] for a in dev_news() if a.get("body")]
    n_chars = sum(map(len, texts))
    word_re = re.compile(r"\w+")
    _, n_tokens = rate(tokenize, texts, 1)
    rows = [
        ("str.split", str.split),
        ('re.findall(r"\\w+")', word_re.findall),
        ("xeber tokenize", tokenize),
        ("xeber sentences", sentences),
    ]
    print(f"dev news: {len(texts)} articles, {n_chars:,} chars, {n_tokens:,} xeber tokens; {machine()}")
    print("| method | seconds | tokens/s (xeber tokens) | time ÷ str.split time |")
    print("|---|---|---|---|")
    base = None
    for name, fn in rows:
        secs, _ = rate(fn, texts)
        base = base or secs
        print(f"| {name} | {secs:.3f} | {n_tokens / secs:,.0f} | {secs / base:.1f} |")


if __name__ == "__main__":
    main()
