"""Build src/xeber/data/lexicon/lexicon.tsv.gz from MIT/Apache word lists (run by `make lexicon`).

Sources (all MIT or Apache-2.0; see bench/results/morph-notice.md):
- S: ../shared/data/freq-localdoc-symspell-80k (MIT), counts ≥ 410
- F: ../shared/data/azlangnlp-lexicon/spell_freq.txt (Apache-2.0), counts
- T: Tesseract `aze` word list: Debian tesseract-ocr-aze's traineddata (dawg2wordlist) when installed,
     plus ../shared/data/wordlist-tesseract-aze (Apache-2.0, frequency-ranked)
- W: ../shared/data/wordlist-aznlp-stemmer/words.txt (MIT), stems and derived words
- Z: PyPI azstemmer's azwords.txt, root list
Trust: several sources agree → 3; one count source or a stem list → 2; only the web-crawl OCR list → 1;
demoted to 0 when a diacritic-restored variant is far more frequent (ifade/ifadə, bele/belə) or when
letters are not Azerbaijani. Stems: the stem lists plus every trusted form that the grammar cannot
derive from a shorter stem, shortest first. Alternation flags are learned from attested forms.
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from xeber.morph import grammar  # noqa: E402
from xeber.morph.analyzer import CLOSED_CLASS, Morphology  # noqa: E402
from xeber.morph.lexicon import parse_lines  # noqa: E402
from xeber.morph.orthography import HARD_FLAGS  # noqa: E402
from xeber.morph.orthography import flags as ortho_flags  # noqa: E402
from xeber.normalize.morphcands import one_edit  # noqa: E402
from xeber.text.casing import fold, lower  # noqa: E402

SHARED = Path(os.environ.get("XEBER_SHARED", ROOT.parent / "shared")) / "data"
OUT = ROOT / "src" / "xeber" / "data" / "lexicon" / "lexicon.tsv.gz"
TESSDATA = Path("/usr/share/tesseract-ocr/5/tessdata/aze.traineddata")
SYMSPELL_MIN = 410  # the 80k list's smallest count: forms missing from it are rarer than this

_CYR_LOOKALIKE = str.maketrans("аеорсухіјһӘәАЕОРСУХІЈҺ", "aeopcyxijhƏəAEOPCYXIJH")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_EDGE_PUNCT = "\"'“”„«»‘’.,;:!?()[]{}…-–—/*"
_TRANS = str.maketrans({"ә": "ə", "Ә": "Ə", "\u0307": None, "’": "'", "ʼ": "'"})


def normalize_token(token: str) -> str | None:
    """NFKC (ligatures), Cyrillic ә and look-alikes in Latin words, stray U+0307, edge punctuation."""
    t = unicodedata.normalize("NFKC", token).translate(_TRANS).strip(_EDGE_PUNCT)
    if not t:
        return None
    if _CYRILLIC.search(t):
        t = t.translate(_CYR_LOOKALIKE)
        if _CYRILLIC.search(t):
            return None  # Cyrillic script word
    if not _WORD.fullmatch(t):
        return None
    return t


@dataclass
class Entry:
    sources: set[str] = field(default_factory=set)
    sym: int = 0
    sf: int = 0
    rank: int = 0  # best rank in the ranked OCR list
    capitalised: int = 0
    lowercase: int = 0


def read_lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig") as f:  # type: ignore[operator]
        return [line.rstrip("\r\n") for line in f]


def debian_wordlist() -> list[str]:
    if not (TESSDATA.exists() and shutil.which("combine_tessdata") and shutil.which("dawg2wordlist")):
        return []
    with tempfile.TemporaryDirectory() as tmp:
        prefix = f"{tmp}/aze."
        subprocess.run(["combine_tessdata", "-u", str(TESSDATA), prefix], check=True, capture_output=True)
        out = f"{tmp}/words.txt"
        subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", out],
                       check=True, capture_output=True)
        return read_lines(Path(out))


def azstemmer_words() -> list[str]:
    import azstemmer

    path = Path(azstemmer.__file__).with_name("azwords.txt")
    return read_lines(path)


def collect() -> dict[str, Entry]:
    entries: dict[str, Entry] = defaultdict(Entry)

    def add(raw: str, source: str) -> Entry | None:
        t = normalize_token(raw)
        if t is None:
            return None
        low = lower(t)
        e = entries[low]
        e.sources.add(source)
        if source == "T":  # only the OCR list keeps the case of running text
            if t != low:
                e.capitalised += 1
            else:
                e.lowercase += 1
        return e

    for line in read_lines(SHARED / "freq-localdoc-symspell-80k" / "frequency_dictionary_az_80k.txt"):
        word, _, count = line.rpartition(" ")
        e = add(word, "S")
        if e:
            e.sym += int(count)
    for line in read_lines(SHARED / "azlangnlp-lexicon" / "spell_freq.txt"):
        word, _, count = line.rpartition(" ")
        e = add(word, "F")
        if e:
            e.sf += int(count)
    for rank, line in enumerate(read_lines(SHARED / "wordlist-tesseract-aze" / "aze.wordlist.gz"), 1):
        e = add(line, "T")
        if e and not e.rank:
            e.rank = rank
    for line in debian_wordlist():
        add(line, "T")
    for line in read_lines(SHARED / "wordlist-aznlp-stemmer" / "words.txt"):
        add(line, "W")
    for line in azstemmer_words():
        add(line, "Z")
    entries.pop("", None)
    return entries


def estimate_counts(entries: dict[str, Entry]) -> dict[str, int]:
    """One count scale (the 80k list's): spell_freq scaled by the median ratio, OCR ranks by a Zipf fit."""
    shared = sorted(e.sym / e.sf for e in entries.values() if e.sym and e.sf)
    scale = shared[len(shared) // 2] if shared else 1.0
    pairs = [(math.log(e.rank), math.log(e.sym)) for e in entries.values() if e.sym and e.rank]
    mx = sum(x for x, _ in pairs) / len(pairs)
    my = sum(y for _, y in pairs) / len(pairs)
    slope = sum((x - mx) * (y - my) for x, y in pairs) / sum((x - mx) ** 2 for x, _ in pairs)
    counts = {}
    for w, e in entries.items():
        if e.sym:
            c = e.sym
        elif e.sf:
            c = min(SYMSPELL_MIN - 1, max(1, round(e.sf * scale)))
        elif e.rank:
            c = min(SYMSPELL_MIN - 1, max(1, round(math.exp(my + slope * (math.log(e.rank) - mx)))))
        else:
            c = 0
        counts[w] = c
    return counts


def less_diacritic(w: str, b: str) -> bool:
    """Is w the word b with some Azerbaijani letters written without their diacritics (belə → bele)?"""
    if len(w) != len(b) or w == b:
        return False
    return all(x == y or x == fold(y) for x, y in zip(w, b, strict=False))


def trust_levels(entries: dict[str, Entry], counts: dict[str, int]) -> tuple[dict[str, int], dict[str, str]]:
    trust: dict[str, int] = {}
    why: dict[str, str] = {}
    for w, e in entries.items():
        src = e.sources
        lemma_list = bool(src & {"W", "Z"})
        n_sources = len(src & {"S", "F", "T"}) + (1 if lemma_list else 0)
        if n_sources >= 2 and (src & {"S", "F"} or lemma_list):
            t = 3
        elif src & {"S", "F"} or lemma_list:
            t = 2
        else:
            t = 1
        hard = [f for f in ortho_flags(w) if f in HARD_FLAGS]
        if hard:
            t, why[w] = 0, hard[0]
        trust[w] = t
    groups: dict[str, list[str]] = defaultdict(list)
    for w in entries:
        groups[fold(w)].append(w)
    for members in groups.values():
        if len(members) < 2:
            continue
        best = max(members, key=lambda m: (counts[m], trust[m]))
        for w in members:
            if w == best or not less_diacritic(w, best):
                continue
            ratio = counts[best] / max(counts[w], 1)
            protected = bool(entries[w].sources & {"W", "Z"}) and entries[w].sym >= SYMSPELL_MIN
            if ratio >= 20 and not (protected and ratio < 1000):
                trust[w], why[w] = 0, f"variant of {best}"
    demote_near_frequent(entries, counts, trust, why)
    for w in CLOSED_CLASS:  # function words are never typos of a commoner neighbour (dək, not dən)
        if w in trust and trust[w] < 3:
            trust[w] = 3
            why.pop(w, None)
    return trust, why


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1:] for i in range(len(w))}


NEAR_RATIO = 100  # a form this many times rarer than a one-edit neighbour is a typo of it (azərbyacan)


def demote_near_frequent(entries: dict[str, Entry], counts: dict[str, int], trust: dict[str, int],
                         why: dict[str, str]) -> None:
    strong = {w for w, c in counts.items() if c >= 1000 and trust[w] > 0}
    by_delete: dict[str, list[str]] = defaultdict(list)
    for b in strong:
        for d in _deletes(b):
            by_delete[d].append(b)
    for w, e in entries.items():
        if trust[w] == 0 or e.sources & {"W", "Z"} or counts[w] * NEAR_RATIO > 10**8:
            continue
        near: set[str] = set(by_delete.get(w, ()))  # w is b with a letter missing
        for d in _deletes(w):
            if d in strong:
                near.add(d)  # w is b with a letter added
            near.update(by_delete.get(d, ()))
        best = max((b for b in near if b != w and one_edit(w, b)), key=lambda b: counts[b], default=None)
        ratio = NEAR_RATIO if len(w) > 3 else NEAR_RATIO * 10  # short words have many real neighbours
        if best is not None and counts[best] >= ratio * max(counts[w], 1):
            trust[w], why[w] = 0, f"typo of {best}"


def verb_stems(entries: dict[str, Entry], trust: dict[str, int]) -> set[str]:
    """Stems X with an infinitive Xmaq/Xmək, or with at least two attested verb-only endings."""
    verbs = set()
    for w in entries:
        if trust[w] >= 2 and w.endswith(("maq", "mək")) and len(w) > 4:
            verbs.add(w[:-3])
    probes = ("PRES", "IB", "FUT", "NEG_PRES", "ARAQ", "MAQ")
    for w, _e in entries.items():
        if trust[w] < 2 or w in verbs or len(w) < 2:
            continue
        lv, ev = grammar.harmony_key(w)
        hits = 0
        for key in probes:
            form = grammar.inflect_chain(w, [key])
            if trust.get(form, 0) >= 2:
                hits += 1
        if hits >= 2:
            verbs.add(w)
    # qalma- of qalmamaq is a negated verb, not a stem of its own
    verbs = {v for v in verbs if not (v.endswith(("ma", "mə")) and v[:-2] in verbs)}
    # daşıy- of daşıyır is daşı- with its buffer y
    verbs = {v for v in verbs if not (len(v) > 2 and v[-1] == "y" and v[-2] in grammar.VOWELS
                                      and (v[:-1] in verbs or trust.get(_infinitive(v[:-1]), 0) >= 2))}
    return {v for v in verbs if trust.get(v, 2) >= 1 and len(v) >= 2}


def _infinitive(stem: str) -> str:
    return grammar.inflect_chain(stem, ["MAQ"])


def alternation_flags(stems: dict[str, str], trust: dict[str, int], counts: dict[str, int]) -> dict[str, str]:
    """Learn k/q softening, vowel drop and t→d from which forms of each stem are attested."""

    def attested(form: str) -> int:
        return counts.get(form, 0) if trust.get(form, 0) >= 2 else 0

    flags: dict[str, str] = {}
    for w, pos in stems.items():
        f = ""
        lv, _ = grammar.harmony_key(w)
        if lv is None:
            continue
        i = grammar.realize("P3SG", lv, False) or ""
        a = grammar.realize("DAT", lv, False) or ""
        if w[-1] in "kq" and "N" in pos or "P" in pos and w[-1] in "kq":
            soft = w[:-1] + ("y" if w[-1] == "k" else "ğ")
            s = attested(soft + i) + attested(soft + a) + attested(soft + i + "n") + attested(soft + "ım")
            h = attested(w + i) + attested(w + a) + attested(w + i + "n")
            syllables = sum(ch in grammar.VOWELS for ch in w)
            if s > h or (s == h == 0 and syllables > 1):
                f += "K"
        if "V" in pos and w.endswith("t"):
            d = w[:-1] + "d"
            if attested(d + (grammar.realize("PRES", lv, False) or "")) > attested(
                    w + (grammar.realize("PRES", lv, False) or "")):
                f += "T"
        if "N" in pos and w[-1] in grammar.VOWELS and len(w) <= 3:
            iy = w + "y" + (grammar.realize("P3SG", lv, False) or "")
            isn = w + (grammar.realize("P3SG", lv, True) or "")
            if attested(iy) + attested(iy + "n") > 2 * (attested(isn) + attested(isn + "n")) + 100:
                f += "Y"  # su → suyu, suyun (a y, not the s/n buffers)
        if len(w) >= 4 and w[-2] in "ıiuü" and w[-1] not in grammar.VOWELS and w[-3] not in grammar.VOWELS:
            dropped = w[:-2] + w[-1]
            dv, _ = grammar.harmony_key(dropped)
            di = grammar.realize("P3SG", dv, False) or ""
            if attested(dropped + di) > 2 * attested(w + i) and attested(dropped + di) > 0:
                f += "D"
        if f:
            flags[w] = f
    return flags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default: ../shared)")
    args = ap.parse_args()
    global SHARED
    if args.shared is not None:
        SHARED = args.shared / "data"
    entries = collect()
    counts = estimate_counts(entries)
    trust, _why = trust_levels(entries, counts)
    verbs = verb_stems(entries, trust)
    # Stem candidates: the stem lists first, then trusted forms the grammar cannot derive, shortest first.
    stems: dict[str, str] = {}
    for w, e in entries.items():
        if trust[w] >= 2 and e.sources & {"W", "Z"} and any(ch in grammar.VOWELS for ch in w) and len(w) >= 2:
            stems[w] = "N"
    for v in verbs:
        stems[v] = "NV" if v in stems else "V"
        if v not in entries:
            entries[v].sources.add("I")  # a stem known from its infinitive
            counts[v] = 0
            trust[v] = 2
    proper = {w for w, e in entries.items()
              if trust[w] >= 1 and e.capitalised > e.lowercase and not e.sources & {"W", "Z"}}
    flags = alternation_flags(stems, trust, counts)
    drop_inflected_stems(stems, counts, trust, flags)

    def snapshot() -> Morphology:
        lines = []
        for w, pos in stems.items():
            lines.append(f"{w}\t{counts.get(w, 0)}\t{max(trust.get(w, 2), 2)}\t{pos}\t{flags.get(w, '')}")
        return Morphology(parse_lines(lines), cache_size=10**7)

    morph = snapshot()
    # Forms attested by one list only, very short or vowel-less are often fragments (rt, iy): not stems.
    candidates = sorted((w for w in entries if w not in stems and (trust[w] >= 3 or w in proper)
                         and len(w) >= 3 and any(ch in grammar.VOWELS for ch in w)
                         and "-" not in w and "'" not in w and not _fragment(w, counts, trust)),
                        key=lambda w: (len(w), w))
    added = 0
    batch: list[str] = []
    current_len = 0
    for w in candidates:
        if len(w) != current_len and batch:
            for b in batch:
                stems[b] = "P" if b in proper else "N"
            morph = _extend(morph, batch, stems, counts, trust, flags)
            added += len(batch)
            batch = []
        current_len = len(w)
        if not morph._analyze_lower(w):
            batch.append(w)
    for b in batch:
        stems[b] = "P" if b in proper else "N"
    added += len(batch)
    morph = _extend(morph, batch, stems, counts, trust, flags)
    by_paradigm = paradigm_stems(entries, stems, trust, morph)
    for w in by_paradigm:
        stems[w] = "P" if w in proper else "N"
    added += len(by_paradigm)
    flags = alternation_flags(stems, trust, counts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    for w in sorted(entries):
        t = trust[w]
        if t == 1 and w not in stems and w not in proper and not w.endswith(("maq", "mək")):
            continue  # unsupported OCR-list entries: the grammar decides about them, no need to ship
        rows.append(f"{w}\t{counts[w]}\t{t}\t{stems.get(w, '')}\t{flags.get(w, '')}\n")
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.writelines(rows)
    n_trust: defaultdict[int, int] = defaultdict(int)
    for w in entries:
        n_trust[trust[w]] += 1
    print(f"{len(entries)} forms read; trust levels {dict(sorted(n_trust.items()))}; {len(verbs)} verb stems; "
          f"{len(stems)} stems ({added} from unanalysable forms); {len(rows)} rows → {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")


def drop_inflected_stems(stems: dict[str, str], counts: dict[str, int], trust: dict[str, int],
                         flags: dict[str, str]) -> None:
    """Stem-list entries that are a commoner stem plus inflection only (malları = mal+lar+ı) are not stems."""
    lines = [f"{w}\t{counts.get(w, 0)}\t{max(trust.get(w, 2), 2)}\t{p}\t{flags.get(w, '')}" for w, p in stems.items()]
    morph = Morphology(parse_lines(lines), cache_size=10**7)
    drop = []
    for w in stems:
        for a in morph._analyze_lower(w):
            keys_inflectional = a.suffixes and a.stem != w and a.pos != "VERB" and len(a.stem) >= 3 and all(
                t in ("PL", "P3SG", "GEN", "ACC", "DAT", "LOC", "ABL", "INS", "REL") for t in a.suffixes)
            if keys_inflectional and counts.get(a.stem, 0) >= 2 * counts.get(w, 0):
                drop.append(w)
                break
    for w in drop:
        if "V" in stems[w]:
            stems[w] = "V"  # yaşa- is a verb even though yaşa is also yaş+DAT
        elif len(own_paradigm(w, trust)) < 2:
            del stems[w]


_PARADIGM = ("PL", "GEN", "LOC", "ABL", "P3SG")


def own_paradigm(w: str, trust: dict[str, int]) -> list[str]:
    """Attested forms of w inflected as a noun (hissələr, hissənin): evidence that w is a stem."""
    out = []
    for key in _PARADIGM:
        form = grammar.inflect_chain(w, [key])
        if trust.get(form, 0) >= 2:
            out.append(form)
    return out


def paradigm_stems(entries: dict[str, Entry], stems: dict[str, str], trust: dict[str, int],
                   morph: Morphology) -> list[str]:
    """Trusted forms whose own inflected forms are attested but unexplained by the stems so far
    (hissə: hissələr, hissənin cannot come from hiss+ə): they are stems too."""
    found = []
    for w in entries:
        if w in stems or trust[w] < 3 or len(w) < 3 or "-" in w or "'" in w or not any(
                ch in grammar.VOWELS for ch in w):
            continue
        # explained = read through a shorter stem; a reading through a longer listed form (fransanı+n)
        # is no explanation, it only shows that the list holds inflected forms
        unexplained = [f for f in own_paradigm(w, trust)
                       if not any(len(a.stem) < len(w) for a in morph._analyze_lower(f))]
        if len(unexplained) >= 2:
            found.append(w)
    return found


def _fragment(w: str, counts: dict[str, int], trust: dict[str, int]) -> bool:
    """A word cut before a vowel-initial suffix (etdiy- of etdiyi): its unsoftened form is far commoner."""
    if len(w) < 4 or w[-1] not in "yğ" or w[-2] not in grammar.VOWELS:
        return False
    hard = w[:-1] + ("k" if w[-1] == "y" else "q")
    return trust.get(hard, 0) >= 2 and counts.get(hard, 0) >= 5 * counts.get(w, 0)


def _extend(morph: Morphology, batch: list[str], stems: dict[str, str], counts: dict[str, int],
            trust: dict[str, int], flags: dict[str, str]) -> Morphology:
    morph.lexicon.add([f"{w}\t{counts[w]}\t{max(trust[w], 2)}\t{stems[w]}\t{flags.get(w, '')}" for w in batch])
    return morph


if __name__ == "__main__":
    main()
