"""Layout repairs: words broken by hyphenation, line and paragraph breaks, spurious hyphens and spaces,
and hyphens that OCR read as ':' or '.'. Joins are made only when the lexicon says the joined word is
a word and a fragment is not, so real compounds (`sosial-iqtisadi`, `Nur-Sultan`) and suffix hyphens
(`29-da`, `TÜRKPA-nın`) stay."""

from __future__ import annotations

import re
from collections.abc import Callable

from xeber.morph.analyzer import parse_suffixes
from xeber.morph.grammar import harmony_key, high_vowel, realize
from xeber.text.alphabet import BACK_VOWELS, last_vowel
from xeber.text.casing import lower
from xeber.text.edits import Edit

Known = Callable[[str], bool]

# Inflectional endings that OCR or typing detach from their word (`bütövlüyü nü`, `ərazi-lər`). Particles
# that are written apart (da/də, ki, mı/mi/mu/mü) are not here.
SUFFIXES = frozenset(
    "nın nin nun nün ın in un ün nı ni nu nü ı i u ü na nə ya yə a ə nda ndə dan dən ndan ndən "
    "lar lər ları ləri ların lərin lara lərə larda lərdə lardan lərdən dır dir dur dür sı si su sü "
    "sın sin sun sün yla ylə la lə dakı dəki mız miz muz müz nız niz nuz nüz ıb ib ub üb mış miş muş "
    "müş acaq əcək ıq ik uq ük yı yi yu yü cı ci cu cü lı li lu lü lıq lik luq lük".split()
)
# endings in SUFFIXES that are also words of their own
SUFFIX_WORDS = frozenset("ya un nə su in".split())
# Endings that never stand alone as a word. The word counts list them (tokens were split at the hyphens
# of `29-da`, `TÜRKPA-nın`), so the lexicon takes them for words: the speller never splits a word before
# one, and the real-word stage does not keep one standing alone after a word on its count (`yə` for `və`).
BOUND_ENDINGS = frozenset(e for e in SUFFIXES - SUFFIX_WORDS if len(e) >= 2)

_L = r"[^\W\d_]"  # a letter
_LOW = r"[a-zçəğıöşü]"  # a lower-case Azerbaijani letter
# fragment, hyphen, line break (perhaps blank lines), continuation
_HYPHEN_BREAK = re.compile(rf"(?<!{_L})({_L}+)(-[ \t]*\n\s*)({_L}+)")  # (?<!…): fail fast inside words
# a paragraph break inside a sentence: the paragraph ends in a letter, the next starts lower-case
_PARAGRAPH_BREAK = re.compile(rf"(?<!{_L})({_L}+)([ \t]*\n[ \t]*\n\s*)({_LOW}{_L}*)")
# a hyphen inside a word, or a hyphen followed by a space
_INNER_HYPHEN = re.compile(rf"(?<![\w-])({_L}{{2,}})(-[ \t]?)({_LOW}+)(?![\w-])")
# a hyphen read as ':' or '.', perhaps followed by a space or a line break
_FALSE_HYPHEN = re.compile(rf"(?<![\w.])({_L}{{2,}})([:.][ \t]*\n?[ \t]*)({_LOW}{_L}+)")
# a hyphen doubled around a space inside a word (20- -dən)
_DOUBLED_HYPHEN = re.compile(r"(?<=[^\W_])-[ \t]+-(?=[^\W_])")
# two words separated by one space where the second may be a stray fragment
# particles written apart from the word before them
PARTICLES = frozenset("da də ki mı mi mu mü isə ilə idi imiş ikən".split())
_SPACE = re.compile(rf"(?<![\w])({_L}+)( )({_LOW}{{1,24}})(?![\w-])")
SHORT_FRAGMENT = 7  # a continuation this short may be a fragment even when listed
MIN_JOINED_COUNT = 100  # the joined word must be this common, or ...
MIN_JOINED_COUNT_OF_BROKEN = 20  # ... this common when a side is no word at all (göst ərilməsinin)


def layout_edits(text: str, known: Known, count: Callable[[str], int] | None = None) -> list[Edit]:
    """Edits repairing layout, judged by `known(word)` (lower-case) and optional word counts."""
    count = count or (lambda w: 0)
    edits: list[Edit] = []
    for m in _HYPHEN_BREAK.finditer(text):
        a, b = m.group(1), m.group(3)
        joined = lower(a + b)
        if b[0].isupper() or (not known(joined) and known(lower(a)) and known(lower(b))):
            # a compound hyphenated at its own hyphen: keep the hyphen, drop the break
            repl, conf = "-", 0.9
        else:
            repl, conf = "", 0.95
        edits.append(Edit(m.start(2), m.end(2), m.group(2), repl, "hyphenation", conf))
    for m in _PARAGRAPH_BREAK.finditer(text):
        a, b = m.group(1), m.group(3)
        joined = lower(a + b)
        if known(joined) and not (known(lower(a)) and known(lower(b))):
            edits.append(Edit(m.start(2), m.end(2), m.group(2), "", "split", 0.9))
        else:
            edits.append(Edit(m.start(2), m.end(2), m.group(2), " ", "paragraph", 0.9))
    for m in _INNER_HYPHEN.finditer(text):
        a, b = m.group(1), m.group(3)
        if a.isupper() or b in ("a", "ə"):  # TÜRKPA-nın; hyphen before a copula-like vowel is rare
            continue
        joined = lower(a + b)
        if not known(lower(a)) and not count(lower(a)) and known(joined):
            # a side that is no word anywhere: a word broken by a stray hyphen, however rare (elekt-ronlaşmanın)
            edits.append(Edit(m.start(2), m.end(2), m.group(2), "", "split", 0.85))
            continue
        if count(joined) >= 10 and (b in SUFFIXES or not _standalone(b, known, count)
                                    or not _standalone(lower(a), known, count) or count(joined) >= 20 * count(b)
                                    or _ending_chain(lower(a), b)):
            edits.append(Edit(m.start(2), m.end(2), m.group(2), "", "split", 0.85))
        elif (b in BOUND_ENDINGS or b in ("da", "də")) and len(a) >= 3 and a[1:].islower() \
                and text[m.start() - 1: m.start()] != "." and known(joined) and _ending_chain(lower(a), b):
            # endings after a word's hyphen, however rare the word they make: no compound ends in one, and a
            # particle is written after a space, not a hyphen (kodların-ın, dəyərləndirmək-də); not after an
            # abbreviation's (ha-dır, AzTU-nun) or a web address's (data.gov.az-dakı)
            edits.append(Edit(m.start(2), m.end(2), m.group(2), "", "split", 0.85))
    for m in _FALSE_HYPHEN.finditer(text):
        a, b = m.group(1), m.group(3)
        joined = lower(a + b)
        if known(joined) and not known(lower(a)) and not known(b):
            edits.append(Edit(m.start(2), m.end(2), m.group(2), "", "hyphenation", 0.85))
    for m in _DOUBLED_HYPHEN.finditer(text):
        # OCR reads one hyphen as two with a space between (20- -dən, e- -xidmətlər, MHM- -i)
        edits.append(Edit(m.start(), m.end(), m.group(), "-", "hyphenation", 0.9))
    edits.extend(_space_edits(text, known, count))
    return _without_overlaps(edits)


def _space_edits(text: str, known: Known, count: Callable[[str], int]) -> list[Edit]:
    out = []
    pos = 0
    while True:
        m = _SPACE.search(text, pos)
        if m is None:
            break
        pos = m.start(3)  # overlapping pairs: "a b c"
        a, b = m.group(1), m.group(3)
        if text[m.start(1) - 1: m.start(1)] == "-" and not a.islower():
            continue  # (the lower-case last part of a hyphenated word may be broken: e-hökum ət; a name's stays)
        la = lower(a)
        joined = la + b
        if b in ("da", "də") and _disharmonic(la, b) and count(joined) >= MIN_JOINED_COUNT and known(joined):
            # the particle does not agree with the word before it: a word broken before its end
            # (istifa də → istifadə); agreeing, it is the particle (bir də, Bakı da)
            out.append(Edit(m.start(2), m.end(2), " ", "", "split", 0.8))
            continue
        lv = last_vowel(la)
        if len(b) == 1 and lv is not None and b == high_vowel(lv) and text[m.end(3):m.end(3) + 1] not in (")", ".") \
                and count(joined) >= MIN_JOINED_COUNT and known(joined):
            # a lone ı/i/u/ü is no word: the ending of the word before, when it agrees (deputatlar ı);
            # before `)` or `.` it is a list label or an initial
            out.append(Edit(m.start(2), m.end(2), " ", "", "split", 0.85))
            continue
        if len(b) < 2 or b in PARTICLES:
            continue
        if not known(la) or not known(b):
            # a side that is no word: the word was broken (göst ərilməsinin, kommun al); a continuation
            # never seen anywhere, or an ending the lists hold as a fragment, is an ending cut off, whatever
            # the joined word's count (çevikli yinin, toxunul acaq)
            if (count(joined) >= MIN_JOINED_COUNT_OF_BROKEN
                    or (count(b) == 0 or b in BOUND_ENDINGS and len(b) >= 3) and len(b) <= SHORT_FRAGMENT
                    and known(la)) and known(joined):
                out.append(Edit(m.start(2), m.end(2), " ", "", "split", 0.85))
            continue
        if len(b) > SHORT_FRAGMENT:
            continue
        if b in BOUND_ENDINGS:
            # an ending on its own (heyəti nin, kabinetləri ndən): the word lists count these as words; a
            # long one joins whenever the morphology reads the joined word, however rare, a two-letter one
            # only into a common word (it may be a slip for a word: Belə li, yə for və)
            # (or one the word before asks for by its sound: proqramçı sı is proqramçısı, as kitab ın is kitabın)
            joins = known(joined) if len(b) >= 3 or b in _agreeing_endings(la) else count(joined) >= MIN_JOINED_COUNT
            if not joins:
                continue
        elif count(joined) < MIN_JOINED_COUNT or (
                _standalone(la, known, count) and _standalone(b, known, count) and count(joined) < 2 * count(b)):
            continue  # (two words: və ya, heç nə)
        out.append(Edit(m.start(2), m.end(2), " ", "", "split", 0.85))
    return out


def _agreeing_endings(word: str) -> set[str | None]:
    """The possessive, accusative and genitive endings in the form `word`'s last sounds ask for (sı, nı,
    nın after proqramçı; ı, ı, ın after kitab)."""
    last, ends_vowel = harmony_key(word)
    return {realize(key, last, ends_vowel) for key in ("P3SG", "ACC", "GEN")}


def _ending_chain(stem: str, rest: str) -> bool:
    """`rest` is a chain of endings of the noun or verb `stem` (yaradıl|an, ərazi|lər): a hyphen between
    them is no compound's (sosial-iqtisadi, get-gəl)."""
    last, ends_vowel = harmony_key(stem)
    return any(parse_suffixes(stem + rest, len(stem), state, last, ends_vowel) for state in ("N", "V"))


def _disharmonic(word: str, particle: str) -> bool:
    """The particle da/də disagrees with the word's last vowel (a word without vowels agrees with both)."""
    last = last_vowel(word)
    return last is not None and (last in BACK_VOWELS) != (particle == "da")


def _standalone(word: str, known: Known, count: Callable[[str], int]) -> bool:
    """A word that can stand on its own: frequent in the counts, or analysable by the morphology (many
    word-list entries are fragments such as `ında`, so a bare listing is not enough)."""
    c = count(word)
    return c >= 5000 or (c == 0 and known(word)) or (c >= 50 and len(word) >= 5)


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.confidence)):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out
