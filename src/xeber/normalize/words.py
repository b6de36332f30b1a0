"""Word-level stage: decide which tokens may be corrected, and turn corrections into edits."""

from __future__ import annotations

import re
from collections import Counter

from xeber.normalize.speller import Speller
from xeber.settings import Settings
from xeber.text.casing import is_all_caps, lower, match_case
from xeber.text.edits import Edit
from xeber.text.tokenize import sentences, tokenize

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
    starts = {s for s, _ in sentences(text)}
    diacritics = needs_diacritics(text, settings)
    lowers = [lower(t.text) if t.kind == "word" else None for t in tokens]
    # a capitalised form seen mid-sentence is a name candidate, and so are all its other occurrences
    names = Counter(t.text for t in tokens if t.kind == "word" and t.text[:1].isupper() and t.start not in starts)
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        word = tok.text
        if tok.kind != "word" or not _PLAIN_WORD.fullmatch(word) or len(word) < 2:
            continue
        if is_all_caps(word) or any(c.isupper() for c in word[1:]):
            continue  # acronyms and mixed case (AZERTAC, McDonald) stay
        low = lowers[i]
        assert low is not None
        prev = lowers[i - 1] if i > 0 and tokens[i - 1].end >= tok.start - 1 else None
        nxt = lowers[i + 1] if i + 1 < len(tokens) else None
        name_like = word[0].isupper() and (tok.start not in starts or names[word] > 0)
        if name_like and not speller.lexicon.known(low) and names[word] >= 3:
            continue  # an unknown capitalised word repeated in the document is a name
        fix = speller.correct(low, prev, nxt, name_like=name_like, diacritics_only=diacritics)
        if fix is None:
            continue
        repl = match_case(word, fix.replacement)
        edits.append(Edit(tok.start, tok.end, word, repl, fix.kind, round(fix.confidence, 3)))
    return edits
