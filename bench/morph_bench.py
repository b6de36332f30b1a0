"""Benchmark xeber.morph: coverage on dev news, rejection of misspellings, lemma accuracy, speed, load.

Run: .venv/bin/python bench/morph_bench.py   (needs ../shared; evaluation data is never bundled)
"""

from __future__ import annotations

import csv
import gzip
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, dev_news, machine  # noqa: E402

from xeber.morph import Morphology  # noqa: E402
from xeber.morph.analyzer import clear_caches  # noqa: E402
from xeber.morph.lexicon import DEFAULT_PATH, load  # noqa: E402
from xeber.text.casing import lower  # noqa: E402
from xeber.text.tokenize import tokenize  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "morph" / "data" / "lemma_gold.tsv"
SEED_MISSPELLINGS = (
    "Qəlebə mühəribəsində danışib formalasdırılıb önemini münasibətiyle ifade icası rollunu təşkükünü "
    "məmənnuluğunu vurgulayan Qazaxistənən təqdirəlatıq Şurasındaki fealiyyəti işğalindan münaqışə məsəlesi "
    "diqqetine tanıırlar Qazaxistani"
).split()


def one_edit_neighbours(word: str, alphabet: str = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz") -> set[str]:
    out = set()
    for i in range(len(word) + 1):
        for ch in alphabet:
            out.add(word[:i] + ch + word[i:])
            if i < len(word):
                out.add(word[:i] + ch + word[i + 1:])
        if i < len(word):
            out.add(word[:i] + word[i + 1:])
        if i < len(word) - 1:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    out.discard(word)
    return out


def coverage(m: Morphology) -> list[str]:
    tokens: list[tuple[str, bool]] = []
    for art in dev_news():
        text = (art.get("title") or "") + "\n" + (art.get("body") or "")
        toks = tokenize(text)
        for i, t in enumerate(toks):
            if t.kind == "word" and t.text == lower(t.text) and any(c.isalpha() for c in t.text):
                # a suffix glued to a closing quote or bracket (“ASAN xidmət”-in) is checked as a suffix chain
                glued = t.start > 0 and text[t.start - 1] in "”\"»)'’-" and i > 0 and toks[i - 1].end == t.start
                tokens.append((t.text, glued))
    rejected = Counter(w for w, glued in tokens if not (m.is_valid(w) or glued and m.is_suffix_chain(w)))
    # A rejected token counts as a misspelling when the lexicon demotes it (trust 0: a variant is far commoner)
    # or when a one-edit neighbour is a valid word at least 100 times commoner; the rest count as correct.
    errors = {}
    for w in rejected:
        if m.trust(w) == 0:
            errors[w] = "demoted"
            continue
        best = max((n for n in one_edit_neighbours(w) if m.is_known_form(n)), key=m.count, default=None)
        if best and m.count(best) >= 100 * max(m.count(w), 1):
            errors[w] = best
    n_err = sum(rejected[w] for w in errors)
    correct_total = len(tokens) - n_err
    correct_rejected = sum(c for w, c in rejected.items() if w not in errors)
    rest = [f"{w} ({c})" for w, c in rejected.most_common() if w not in errors]
    errs = [f"{w}→{errors[w]} ({rejected[w]})" for w in sorted(errors, key=lambda w: -rejected[w])]
    return [
        "## Coverage (dev news, lower-case word tokens)",
        f"- tokens: {len(tokens)}; rejected: {sum(rejected.values())} ({len(rejected)} types)",
        f"- rejected tokens identified as misspellings: {n_err} (lexicon-demoted, or a valid one-edit neighbour "
        "≥100× commoner)",
        f"- **coverage of the rest: {1 - correct_rejected / correct_total:.4%}** "
        f"({correct_rejected} of {correct_total} rejected); all tokens: {1 - sum(rejected.values()) / len(tokens):.4%}",
        f"- rejected, counted as correct (top 60): {', '.join(rest[:60])}",
        f"- rejected, identified as misspellings (top 40): {', '.join(errs[:40])}",
        "",
    ]


JUDGED = Path(__file__).resolve().parent / "data" / "kamal578_accepted_judged.tsv"


def rejection(m: Morphology) -> list[str]:
    path = SHARED / "data" / "spell-synthetic-kamal578" / "spell_test.csv"
    with path.open(encoding="utf-8") as f:
        numbered = [(i, r["misspelled"], r["correct"]) for i, r in enumerate(csv.DictReader(f), 1)
                    if r["misspelled"] != r["correct"]]
    pairs = [(a, b) for _, a, b in numbered]
    accepted = [(a, b) for a, b in pairs if m.is_valid(a)]
    # our verdicts on accepted misspellings (bench/data/kamal578_accepted_judged.tsv): real word forms
    # in their own right, which no validity check may reject; rows not judged count as junk
    judged = {int(r): v for r, v in (line.split("\t") for line in JUDGED.read_text(encoding="utf-8").splitlines()
                                     if line and not line.startswith(("#", "row")))}
    valid_rows = {i for i, a, _ in numbered if judged.get(i) == "valid"}
    accepted_rows = {i for i, a, _ in numbered if m.is_valid(a)}
    junk_accepted = len(accepted_rows - valid_rows)
    real_words = [(a, b) for a, b in accepted if m.is_known_form(a) and m.count(a) >= 1000]
    non_words = len(pairs) - len(real_words)
    seed_rejected = [w for w in SEED_MISSPELLINGS if not m.is_valid(w)]
    return [
        "## Rejection of misspellings",
        f"- kamal578 synthetic pairs (sides differ): {len(pairs)}; **rejected {1 - len(accepted) / len(pairs):.2%}**",
        f"- of the accepted, {len(real_words)} are themselves frequent real words (count ≥ 1000, e.g. "
        f"{', '.join(a for a, _ in real_words[:15])}); rejection over the non-word misspellings: "
        f"{(len(pairs) - len(accepted)) / non_words:.2%}",
        f"- by our judgment (bench/data/kamal578_accepted_judged.tsv) {len(valid_rows)} misspellings are correctly "
        f"spelled word forms (ceiling of a validity check {1 - len(valid_rows) / len(pairs):.2%}); **rejection over "
        f"the other {len(pairs) - len(valid_rows)}: {1 - junk_accepted / (len(pairs) - len(valid_rows)):.2%}** "
        f"({junk_accepted} accepted; {len(accepted_rows - judged.keys())} accepted rows not judged yet)",
        f"- accepted misspellings (sample): {', '.join(f'{a}→{b}' for a, b in accepted[:50])}",
        f"- correct sides accepted: {sum(m.is_valid(b) for _, b in pairs) / len(pairs):.2%}",
        f"- seed-article misspellings: {len(seed_rejected)}/{len(SEED_MISSPELLINGS)} rejected; accepted: "
        f"{', '.join(w for w in SEED_MISSPELLINGS if w not in seed_rejected) or '-'}",
        "",
    ]


def lemmas(m: Morphology) -> list[str]:
    rows = [line.split("\t") for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    wrong = [(f, g, m.lemma(f)) for f, g, _ in rows if lower(m.lemma(f)) != lower(g)]
    return [
        "## Lemmas (tests/morph/data/lemma_gold.tsv)",
        f"- pairs: {len(rows)}; **accuracy {1 - len(wrong) / len(rows):.2%}** (case-insensitive)",
        f"- errors: {', '.join(f'{f}: {p} (gold {g})' for f, g, p in wrong)}",
        "",
    ]


def speed() -> list[str]:
    words = []
    for art in dev_news():
        words += [t.text for t in tokenize(art.get("body") or "") if t.kind == "word"]
    words = words[:200_000]
    vocabulary = set(words[::2])
    t = time.perf_counter()
    hits = sum(1 for w in words if w in vocabulary)
    set_rate = len(words) / (time.perf_counter() - t)
    clear_caches()
    m = Morphology(load(DEFAULT_PATH))
    out = ["## Speed (one core; dev news word tokens in text order)",
           f"- baseline plain `set` lookup: {set_rate:,.0f} words/s ({hits} hits)"]
    for name in ("is_valid", "analyze"):
        for phase in ("cold", "warm"):
            fn = getattr(m, name)
            t = time.perf_counter()
            for w in words:
                fn(w)
            rate = len(words) / (time.perf_counter() - t)
            out.append(f"- {name} {phase} ({'first pass, caches filling' if phase == 'cold' else 'second pass'}): "
                       f"{rate:,.0f} words/s")
    distinct = list(dict.fromkeys(words))[:20000]
    clear_caches()
    m2 = Morphology(load(DEFAULT_PATH))
    t = time.perf_counter()
    for w in distinct:
        m2.analyze(w)
    out.append(f"- analyze on {len(distinct)} distinct words, empty cache: {len(distinct) / (time.perf_counter() - t):,.0f}"
               " words/s")
    out.append("")
    return out


def loading() -> list[str]:
    times = []
    for _ in range(3):
        t = time.perf_counter()
        load(DEFAULT_PATH)
        times.append(time.perf_counter() - t)
    tracemalloc.start()
    lex = load(DEFAULT_PATH)
    mem = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    with gzip.open(DEFAULT_PATH, "rt", encoding="utf-8") as f:
        rows = sum(1 for _ in f)
    return ["## Lexicon artifact",
            f"- {DEFAULT_PATH.relative_to(ROOT)}: {DEFAULT_PATH.stat().st_size / 1e6:.2f} MB, {rows} rows, "
            f"{len(lex.stem_pos)} stems",
            f"- load: best {min(times):.2f} s of 3; memory after load {mem / 1e6:.0f} MB (tracemalloc)", ""]


def main() -> None:
    m = Morphology.default()
    out = ["# xeber.morph benchmark", "",
           "Command: `.venv/bin/python bench/morph_bench.py`; machine: 2-core dev VM, shared with parallel jobs "
           f"({machine()}).", ""]
    out += loading() + coverage(m) + rejection(m) + lemmas(m) + speed()
    print("\n".join(out))


if __name__ == "__main__":
    main()
