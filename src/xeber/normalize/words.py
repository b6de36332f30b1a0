"""Word-level stage: decide which tokens may be corrected, and turn corrections into edits."""

from __future__ import annotations

import re
from collections import Counter

from xeber.normalize.speller import Speller
from xeber.settings import Settings
from xeber.text.casing import is_all_caps, lower, match_case
from xeber.text.edits import Edit
from xeber.text.tokenize import Token, tokenize

AZ_LETTERS = re.compile("[əƏıİşŞçÇğĞöÖüÜ]")
_PLAIN_WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS_FOR_AUTO_DIACRITICS = 40


def needs_diacritics(text: str, settings: Settings) -> bool:
    """Diacritic restoration mode: forced on/off, or (auto) a text with letters but no Azerbaijani ones."""
    if settings.diacritics in ("on", "off"):
        return settings.diacritics == "on"
    letters = sum(1 for c in text if c.isalpha())
    return letters >= MIN_LETTERS_FOR_AUTO_DIACRITICS and not AZ_LETTERS.search(text) and text.isascii()


def word_edits(text: str, speller: Speller, settings: Settings) -> list[Edit]:
    tokens = tokenize(text)
    starts = _sentence_starts(text, tokens)
    counts = speller.lexicon.counts
    frequent = speller.params.known_max_count
    diacritics = needs_diacritics(text, settings)
    lowers = [lower(t.text) if t.kind == "word" else None for t in tokens]
    # a capitalised form seen mid-sentence is a name candidate, and so are all its other occurrences
    names = Counter(t.text for t in tokens if t.kind == "word" and t.text[:1].isupper() and t.start not in starts)
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or len(tok.text) < 2 or counts.get(tok.text, 0) > frequent:
            continue  # fast path: a frequent lower-case word is never changed
        prev = lowers[i - 1] if i > 0 else None
        nxt = lowers[i + 1] if i + 1 < len(tokens) else None
        sentence_start = tok.start in starts
        # parts of a hyphenated word (e-hökumət, Nur-Sultan) are judged one by one
        parts = list(_PLAIN_WORD.finditer(tok.text)) if "-" in tok.text else [None]
        for m in parts:
            word = tok.text if m is None else m.group()
            start = tok.start if m is None else tok.start + m.start()
            if m is not None:
                if len(parts) > 1 and (m.start() and tok.text[m.start() - 1] != "-" or
                                       m.end() < len(tok.text) and tok.text[m.end()] != "-"):
                    break  # digits or apostrophes inside: leave the whole token
                prev_part = prev if m.start() == 0 else None
                nxt_part = nxt if m.end() == len(tok.text) else None
            else:
                prev_part, nxt_part = prev, nxt
            edit = _word_edit(word, start, prev_part, nxt_part, sentence_start and start == tok.start, names,
                              speller, diacritics)
            if edit is not None:
                edits.append(edit)
    return edits


def _sentence_starts(text: str, tokens: list[Token]) -> set[int]:
    """Offsets of tokens that begin a sentence: the first, those after . ! ? … and after a blank line
    (cheaper than `sentences()`, and enough to tell a name from a capitalised first word)."""
    starts = set()
    prev = None
    for tok in tokens:
        if prev is None or prev.text in _ENDERS or text.count("\n", prev.end, tok.start) >= 2 or prev.text in "#*•-–—":
            starts.add(tok.start)
        prev = tok
    return starts


_ENDERS = frozenset((".", "!", "?", "…", "...", ":", "“", "«", '"'))


def _word_edit(word: str, start: int, prev: str | None, nxt: str | None, sentence_start: bool,
               names: Counter[str], speller: Speller, diacritics: bool) -> Edit | None:
    if len(word) < 2 or not _PLAIN_WORD.fullmatch(word):
        return None
    if is_all_caps(word) or any(c.isupper() for c in word[1:]):
        return None  # acronyms and mixed case (AZERTAC, McDonald) stay
    low = lower(word)
    name_like = word[0].isupper() and (not sentence_start or names[word] > 0)
    if name_like and names[word] >= 3 and not speller.lexicon.known(low):
        return None  # an unknown capitalised word repeated in the document is a name
    fix = speller.correct(low, prev, nxt, name_like=name_like, diacritics_only=diacritics)
    if fix is None:
        return None
    return Edit(start, start + len(word), word, match_case(word, fix.replacement), fix.kind, round(fix.confidence, 3))
