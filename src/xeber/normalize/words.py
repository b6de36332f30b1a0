"""Word-level stage: decide which tokens may be corrected, and turn corrections into edits."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from xeber.data import read_list
from xeber.morph.analyzer import CLOSED_CLASS
from xeber.normalize.channel import keyboard_neighbours
from xeber.normalize.layout import BOUND_ENDINGS, PARTICLES, SUFFIXES
from xeber.normalize.lexicon import Validator
from xeber.normalize.morphcands import one_edit
from xeber.normalize.numbers import (
    any_harmony_ending,
    endings_after,
    repair_acronym_ending,
    repair_ending,
    restore_ending,
    split_ending,
)
from xeber.normalize.realword import HARMONIC_PARTICLES, MULTI_OCR
from xeber.normalize.speller import CASES, COMBINING_FORMS, MAX_COST, Speller
from xeber.settings import Settings
from xeber.text.alphabet import AZ_SPECIAL
from xeber.text.casing import capitalize, fold, is_all_caps, lower, match_case, upper
from xeber.text.edits import Edit
from xeber.text.tokenize import Token, tokenize

_PLAIN_WORD = re.compile(r"[^\W\d_]+")
# one capital read as two letters (D as CL, M as RN) or typed twice: CLövlət, RNərkəzinin, MMərkəzinin
_SPLIT_CAPITAL = re.compile(r"[A-ZÇƏĞİÖŞÜ]{2}[a-zçəğıiöşü]{3,}")
# a capitalised word with an Azerbaijani (or Russian-style) surname ending: Əliyev, Məmmədova, Rəsulzadə, Hacılı
_SURNAME = re.compile(r"^[A-ZÇƏĞİÖŞÜ][a-zçəğıöşü]{2,}(?:ye?va?|ova?|zadə|bəyli|l[ıiuü])$")
_ADJECTIVE_LIKE_SURNAME = re.compile(r"l[ıiuü]$")  # (Hacılı, but also an institution's Heyəli for Heyəti)
# ... and the same with a case ending (Saidovu, Əliyevin, Qafarovaya, Məmmədovdan)
_SURNAME_INFLECTED = re.compile(r"^[A-ZÇƏĞİÖŞÜ][a-zçəğıöşü]{2,}(?:ye?v|ov)(?:a(?:nın|ya|nı|da|dan|yla)?|[ıiuü]n?|[aə]|"
                                r"d[aə]n?|l[aə]|[ıiuü]n[ıiuü]n)$")
# function words of the languages whose names appear in the news (Societe Generale de Surveillance,
# Bank of Baku): a capitalised word beside one is part of a foreign name
FOREIGN_FUNCTION_WORDS = frozenset("de du des la le of the and for von van der et".split())
# ... two of which Azerbaijani writes too (et, and de typed for də: “Davam et”), foreign only between
# capitalised words (Moët et Chandon, Rio de Janeiro)
AZ_SPELLED_FUNCTION_WORDS = frozenset({"de", "et"})
MIN_LETTERS_FOR_AUTO_DIACRITICS = 40
MAX_AZ_LETTER_SHARE_FOR_AUTO_DIACRITICS = 0.03
MAX_SPAN = 200  # longest doubted span looked back for
STABLE_MAX = 500_000  # lower-case words known to have no candidate, kept across calls
CAMEL_SPLIT_CONFIDENCE = 0.9
RULE_CONFIDENCE = 0.9  # an edit a rule makes (a number's ending, an ending's letters), not the speller's scoring
_OPENING_QUOTES = "\"“«„"
_SIZE_ONLY_CAPITALS = frozenset("ƏÇŞÖÜOSCVXZ")  # capitals OCR tells from their small letter by size alone
# first-person pronouns: a text that holds one may mean its first-person forms (Speller.first_person_misreading)
FIRST_PERSON_WORDS = frozenset("mən mənim məni mənə məndə məndən özüm özümü özümə".split())
INNER_CAPITAL_MIN_COUNT = 10_000  # the word a capital inside spells must be this common
MIXED_ACRONYM_MAX_HEAD = 3  # letters of the lower-case head of a mixed-case acronym (AzPİ, AzTV)
COMMON_WORD_MIN_COUNT = 10_000  # (see _common_word)
AFTER_NAME_MARGIN = 2.0  # extra log-score of keeping a capitalised word after a name's word (see word_edits)


def needs_diacritics(text: str, settings: Settings) -> bool:
    """Diacritic restoration mode: forced on/off, or (auto) a text with letters but no Azerbaijani ones."""
    if settings.diacritics in ("on", "off"):
        return settings.diacritics == "on"
    letters = sum(1 for c in text if c.isalpha())
    if letters < MIN_LETTERS_FOR_AUTO_DIACRITICS:
        return False
    # Azerbaijani letters are ~15% of the letters of ordinary text; a dateline (`Bakı`) or a name an
    # editor fixed must not hide that the rest was typed without them
    return len(AZ_SPECIAL.findall(text)) < MAX_AZ_LETTER_SHARE_FOR_AUTO_DIACRITICS * letters


@dataclass(slots=True)
class DocContext:
    """What the word stage learns from the whole document: its name candidates and its mode."""

    names: Counter[str]
    diacritics: bool
    # the document's lower-case words as written (a hyphenated word's parts counted apart): a cache model
    words: Counter[str] = field(default_factory=Counter)


def word_edits(text: str, speller: Speller, settings: Settings, focus: list[tuple[int, int]] | None = None,
               doc: DocContext | None = None, *, opens_sentence: bool = True,
               doc_out: list[DocContext] | None = None,
               low_confidence: list[tuple[int, int, float]] | None = None) -> list[Edit]:
    """Corrections of the word tokens of `text`; with `focus`, only of tokens inside those ranges (the
    neighbourhoods of earlier repairs, when the normalizer checks its own output). `text` may be a window
    of a document: `doc` then comes from the whole document, and `opens_sentence` says whether the
    window's first token begins a sentence. `doc_out` receives the context built here.
    `low_confidence`: sorted (start, end, confidence 0-100) of words an OCR engine doubted, in `text`
    offsets."""
    tokens = tokenize(text)
    starts = _sentence_starts(text, tokens, opens_sentence)
    counts = speller.lexicon.counts
    frequent = speller.params.known_max_count
    if doc is None:
        # a capitalised form seen mid-sentence is a name candidate, and so are all its other occurrences;
        # a mixed-case form (AzərEnerji) counts wherever it stands
        # (a hyphenated one names its first part too: BMT-nin names BMT)
        named = [t.text for t in tokens if t.kind == "word" and (
            t.text[:1].isupper() and t.start not in starts or any(c.isupper() for c in t.text[1:]))]
        doc = DocContext(Counter(named + [w.split("-")[0] for w in named if "-" in w[1:]]),
                         needs_diacritics(text, settings),
                         Counter(_PLAIN_WORD.findall(lower(text))))  # (words and hyphenated parts)
    if doc_out is not None:
        doc_out.append(doc)
    names, diacritics = doc.names, doc.diacritics
    repeated = [name for name, k in names.items() if k >= DOC_NAME_MIN_REPEATS and len(name) >= 3]
    # the repeated names with Azerbaijani letters, by their folded spelling (_ascii_variant_edit)
    with_our_letters = {fold(name): name for name in repeated if AZ_SPECIAL.search(name)}
    company = _company_name_tokens(tokens)
    edits: list[Edit] = []
    fixed: dict[int, str] = {}  # token index -> its corrected lower-case word
    stable = speller.stable
    n = len(tokens)
    fi = 0
    taken_to = 0  # the end of the last edit that spans more than its token (0 | lan)
    first_person_text: bool | None = None  # the text holds a first-person pronoun (found on first need)
    for i, tok in enumerate(tokens):
        if tok.start < taken_to:
            continue
        # (most tokens are all letters or a longer number: they skip the look for digits read for letters)
        maybe_digits = tok.text in ("0", "1") if tok.kind == "number" else tok.kind == "word" and not tok.text.isalpha()
        digit_edit = _digits_read_for_letters(text, tokens, i, speller) if maybe_digits and not diacritics else None
        if digit_edit is not None and (focus is None or any(a < digit_edit.end and digit_edit.start < b
                                                            for a, b in focus)):
            edits.append(digit_edit)
            taken_to = digit_edit.end
            for j in range(i, n):  # (the real-word stage then leaves the tokens it covers alone)
                if tokens[j].start >= taken_to:
                    break
                fixed[j] = lower(digit_edit.replacement)
            continue
        join_edit = _context_join(text, tokens, i, speller) if not diacritics and i + 1 < n else None
        if join_edit is not None and (focus is None or any(a < join_edit.end and join_edit.start < b
                                                           for a, b in focus)):
            edits.append(join_edit)
            taken_to = tokens[i + 1].end
            fixed[i] = fixed[i + 1] = lower(tok.text + tokens[i + 1].text)
            continue
        if tok.kind == "number":
            number_edit = _number_ending_edit(text, tok, focus, speller, diacritics)
            if number_edit is not None and number_edit.confidence >= settings.min_confidence:
                edits.append(number_edit)
            continue
        attached = tok.kind == "word" and _attached_suffix(text, tok.start)
        if repeated and tok.kind == "word" and tok.text[0].isupper() and not attached and not diacritics:
            name_edit = _ascii_variant_edit(tok, names, with_our_letters, speller) \
                or _document_name_edit(tok, names, repeated, speller)
            if name_edit is not None and not _in_address(text, tok.start, tok.end) and (
                    focus is None or any(a < name_edit.end and name_edit.start < b for a, b in focus)):
                edits.append(name_edit)
                continue
        if tok.kind != "word" or len(tok.text) < 2 or not diacritics and not attached and (
                counts.get(tok.text, 0) > frequent or tok.text in stable):
            # fast path: a frequent word, or one with no candidate, is never changed; not in restoration
            # mode, where a frequent ASCII spelling (de, adi, Sahibe) is mostly a word typed without its letters
            continue
        if i in company or lower(tok.text) in COMBINING_FORMS:
            continue  # (nano, bio və digər: a combining form standing alone is a word, no slip for bir)
        if focus is not None:
            while fi < len(focus) and focus[fi][1] <= tok.start:
                fi += 1
            if fi == len(focus) or focus[fi][0] >= tok.end:
                continue
        if not diacritics and not attached and _never_changes(tok.text, speller):
            if len(stable) < STABLE_MAX:
                stable.add(tok.text)
            continue
        if _in_address(text, tok.start, tok.end):
            continue
        if attached:
            # “Proqramı”nin → nın: the ending in the harmony of the word it belongs to; "Hökumət"ib → in
            ending_edit = _attached_ending_in_harmony(tokens, i, speller) if diacritics \
                else _attached_ending_repaired(tokens, i, speller)
            if ending_edit is not None and ending_edit.confidence >= settings.min_confidence:
                edits.append(ending_edit)
            continue
        prev = lower(tokens[i - 1].text) if i > 0 and tokens[i - 1].kind == "word" else None
        nxt = lower(tokens[i + 1].text) if i + 1 < n and tokens[i + 1].kind == "word" else None
        sentence_start = tok.start in starts
        if tok.text[:1].isupper() and (prev in FOREIGN_FUNCTION_WORDS or nxt in FOREIGN_FUNCTION_WORDS) and (
                _foreign_function_word(tokens, i - 1, -1) or _foreign_function_word(tokens, i + 1, 1)):
            continue  # Societe Generale de Surveillance: a foreign name
        # a capitalised word opening a sentence before a capitalised word no list knows is a given name
        # (Elvina Toffler), judged as any name is
        before_name = sentence_start and i + 1 < n and tokens[i + 1].kind == "word" \
            and tokens[i + 1].text[:1].isupper() and not speller.lexicon.known(lower(tokens[i + 1].text))
        keep_shift = 0.0
        if low_confidence is not None:
            conf = _span_confidence(low_confidence, tok.start, tok.end)
            p = speller.params
            keep_shift = p.high_confidence_margin if conf is None \
                else -p.low_confidence_bonus * (1.0 - conf / 100.0)
        # a capitalised word before a surname or another name's word is a given name: it may only become
        # another name
        # (a common word ending in -lI is no surname: Azərbayean Milli, Mərkezinin Daxili)
        given_name = tok.text[:1].isupper() and i + 1 < n and bool(
            _SURNAME.search(tokens[i + 1].text) and not (_ADJECTIVE_LIKE_SURNAME.search(tokens[i + 1].text)
                                                         and _common_word(tokens[i + 1].text, speller))
            or _SURNAME_INFLECTED.search(tokens[i + 1].text)
            or tok.start not in starts and _name_after(tokens[i + 1], speller))
        # a surname after a capitalised word is part of a person's name (Anna Yusipova is no Yusifova):
        # it changes only where OCR doubted it; one ending in -lI after a common word's capital is an
        # institution's word (İdarə Heyəli, Dövlət Xidməli), while -ov stays a surname (Nizami Mansirov)
        if i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].text[:1].isupper() \
                and _SURNAME.search(tok.text) and keep_shift >= 0 and not diacritics and tok.start not in starts \
                and not (_ADJECTIVE_LIKE_SURNAME.search(tok.text) and _common_word(tokens[i - 1].text, speller)):
            continue
        # a capitalised word after a name's word (Nic Vasiliu, Eva Melisin, White Paper) is mostly a name's
        # part too: keeping it scores higher, so only a cheap slip (Xəritəçəkmə Komitesi) is put right
        if i > 0 and tok.text[:1].isupper() and tok.start not in starts and not diacritics \
                and _after_name(tokens[i - 1], speller):
            keep_shift += AFTER_NAME_MARGIN
        reduplicated = _reduplication_edit(tok, speller) if "-" in tok.text and not diacritics else None
        if reduplicated is not None:
            edits.append(reduplicated)  # ayrı-aytı: one half is the other's slip
            continue
        if "-" in tok.text and _rhyming_pair(tok.text, speller):
            continue
        # parts of a hyphenated word (e-hökumət, Nur-Sultan) are judged one by one
        parts = list(_PLAIN_WORD.finditer(tok.text)) if "-" in tok.text else [None]
        for m in parts:
            word = tok.text if m is None else m.group()
            start = tok.start if m is None else tok.start + m.start()
            # the word of an e- compound (E-Hökumət, E-İmza) is capitalised as the compound is, not as a name:
            # it is judged as a sentence's first word is
            e_word = m is not None and m.start() == 2 and lower(tok.text[0]) == "e" and word[1:].islower()
            if m is not None:
                if len(parts) > 1 and (m.start() and tok.text[m.start() - 1] != "-" or
                                       m.end() < len(tok.text) and tok.text[m.end()] != "-"):
                    break  # digits or apostrophes inside: leave the whole token
                if word[0].isupper() and len(parts) > 1 and (m.start() > 0 or not sentence_start) and not e_word:
                    # a capitalised piece of a hyphenated word is a name (Gran-pri, e-GovPay, Nur-Sultan),
                    # unless only the sentence capitalised it (Siğorta-pensiya ...)
                    continue
                if len(parts) > 1 and m.start() > 0 and m.end() == len(tok.text) and word.islower():
                    before = parts[-2]
                    acronym = before.group() if before is not None else ""
                    if len(acronym) >= 2 and is_all_caps(acronym):  # RYTN-ib: the ending the acronym takes
                        ending_edit = _acronym_ending_edit(acronym, word, start, speller)
                        if ending_edit is not None:
                            if ending_edit.confidence >= settings.min_confidence:
                                edits.append(ending_edit)
                            continue
                if len(parts) > 1 and m.start() > 0 and m.end() == len(tok.text) and not e_word \
                        and _compound_ending(word, speller):
                    continue  # get-gəldən, Z-yədək: the ending belongs to the whole compound
                if lower(word) in COMBINING_FORMS:
                    continue  # Meteo-məlumatlar, foto-sərgi
                prev_part = prev if m.start() == 0 else None
                nxt_part = nxt if m.end() == len(tok.text) else None
            else:
                prev_part, nxt_part = prev, nxt
            edit = _word_edit(word, start, prev_part, nxt_part,
                              sentence_start and start == tok.start and not before_name or e_word, names, speller,
                              diacritics,
                              keep_shift, after_quote=start > 0 and text[start - 1] in _OPENING_QUOTES,
                              seen=doc.words)
            if edit is not None and given_name and edit.kind != "diacritics" and (
                    not _is_name(edit.replacement, speller)
                    or keep_shift >= 0 and fold(edit.replacement) != fold(edit.original)
                    and not _typed_name_slip(edit.original, edit.replacement, speller)):
                # İnarə Vəliyeva is not İdarə Vəliyeva, Baxtiyor Saidov no Bəxtiyar: a given name only gets its
                # own letters back (Sahibe is Sahibə), unless OCR doubted it or a key slipped in a common one
                edit = None
            if edit is not None and speller.first_person_misreading(lower(word), lower(edit.replacement)):
                # "Mənim məktəbim" is no misread məktəbin, nor a quoted title's “... mallarım”
                if first_person_text is None:
                    first_person_text = any(t.kind == "word" and lower(t.text) in FIRST_PERSON_WORDS for t in tokens)
                after = text[start + len(word): start + len(word) + 1]
                if first_person_text or after and after in _CLOSING:
                    edit = None
            # an edit too doubtful to keep must not stop the real-word stage from judging the word
            if edit is not None and edit.confidence >= settings.min_confidence:
                edits.append(edit)
                if m is None:
                    fixed[i] = lower(edit.replacement)
    if settings.real_words and not diacritics and speller.real_words is not None:
        edits = _real_word_edits(text, tokens, fixed, edits, speller, starts, names, focus, company)
    return edits


def _number_ending_edit(text: str, tok: Token, focus: list[tuple[int, int]] | None,
                        speller: Speller, diacritics: bool = False) -> Edit | None:
    """`2021-rci` → `2021-ci`: a number's ending misread or mistyped, `2021-ciilin` → `2021-ci ilin`: a
    space lost after it (`xeber.normalize.numbers`)."""
    if focus is not None and not any(a < tok.end and tok.start < b for a, b in focus):
        return None
    if _in_address(text, tok.start, tok.end):
        return None
    if diacritics:
        restored = restore_ending(tok.text)
        if restored is not None:
            at, ending = restored  # 2016-ci → 2016-cı in a text typed without our letters
            return Edit(tok.start + at, tok.end, tok.text[at:], ending, "diacritics", RULE_CONFIDENCE)
    lost_space = split_ending(tok.text, speller.lexicon.known)
    if lost_space is not None:
        at = tok.start + lost_space
        return Edit(at, at, "", " ", "merge", RULE_CONFIDENCE)
    after = text[tok.end:tok.end + 30].split(maxsplit=1)
    repaired = repair_ending(tok.text, lower(after[0].strip(".,;:!?)")) if after else None,
                             lambda right, written: speller.errors.cost(right, written, MAX_COST))
    if repaired is None:
        return None
    at, ending, confidence = repaired  # the edit covers the ending alone: the digits were read right
    return Edit(tok.start + at, tok.end, tok.text[at:], ending, "spelling", confidence)


def _real_word_edits(source: str, tokens: list[Token], fixed: dict[int, str], edits: list[Edit], speller: Speller,
                     starts: set[int], names: Counter[str], focus: list[tuple[int, int]] | None,
                     company: set[int]) -> list[Edit]:
    """Valid words that the context says are another word (`real-word` edits), judged between the
    neighbours as the spelling stage left them; words that stage changed are not judged again, nor the
    words of a company's quoted name (`company`, token indices)."""
    real = speller.real_words
    assert real is not None
    edited = {e.start for e in edits}
    out = list(edits)
    n = len(tokens)
    fi = 0

    def word_at(j: int) -> str | None:
        if j < 0 or j >= n or tokens[j].kind != "word":
            return None
        return fixed.get(j) or lower(tokens[j].text)

    for i, tok in enumerate(tokens):
        if tok.kind != "word" or i in fixed or tok.start in edited or not _PLAIN_WORD.fullmatch(tok.text):
            continue
        if _attached_suffix(source, tok.start):
            continue
        if i in company or lower(tok.text) in COMBINING_FORMS:
            continue
        if i > 0 and tokens[i - 1].text in _DASHES and lower(tok.text) in BOUND_ENDINGS:
            continue  # an ending set apart after a hyphen (1 000 000 - cu): the number's, not a word
        if focus is not None:
            while fi < len(focus) and focus[fi][1] <= tok.start:
                fi += 1
            if fi == len(focus) or focus[fi][0] >= tok.end:
                continue
        text = tok.text
        if any(c.isupper() for c in text[1:]) or text[0].isupper() and (tok.start not in starts or names[text] > 0):
            continue  # names and acronyms are left alone
        if lower(text) in HARMONIC_PARTICLES and i > 0 and (is_all_caps(tokens[i - 1].text)
                                                            or any(c.isupper() for c in tokens[i - 1].text[1:])):
            continue  # the harmony of an acronym (ASC də) follows how it is spelled out
        fix = real.correct(lower(text), word_at(i - 1), word_at(i + 1))
        if fix is not None:
            out.append(Edit(tok.start, tok.end, text, match_case(text, fix[0]), "real-word", round(fix[1], 3)))
    out.sort(key=lambda e: e.start)
    return out


# legal forms that follow a company's quoted name (“İrşad Elektroniks” MMC, "Azərsu" ASC-nin)
LEGAL_FORMS = frozenset("MMC ASC QSC ATSC AASC MTK İB LLC Ltd".split())
_QUOTES = "\"“”«»„"
_DASHES = frozenset("-–—")
MAX_NAME_TOKENS = 8


def _foreign_function_word(tokens: list[Token], j: int, step: int) -> bool:
    """tokens[j] is a foreign function word beside a capitalised word (the one at j - step)."""
    if not 0 <= j < len(tokens) or tokens[j].kind != "word":
        return False
    low = lower(tokens[j].text)
    if low not in FOREIGN_FUNCTION_WORDS:
        return False
    if low not in AZ_SPELLED_FUNCTION_WORDS:
        return True
    k = j + step
    return 0 <= k < len(tokens) and tokens[k].kind == "word" and tokens[k].text[:1].isupper()


def _company_name_tokens(tokens: list[Token]) -> set[int]:
    """Indices of the capitalised words of quoted names that a legal form follows: a company's name is
    spelled as the company spells it."""
    out: set[int] = set()
    for j, tok in enumerate(tokens):
        if tok.text.split("-")[0] not in LEGAL_FORMS or j < 2 or tokens[j - 1].text not in _QUOTES:
            continue
        k = j - 2
        while k >= 0 and j - k <= MAX_NAME_TOKENS and tokens[k].text not in _QUOTES:
            k -= 1
        if k >= 0 and tokens[k].text in _QUOTES:
            out.update(m for m in range(k + 1, j - 1) if tokens[m].text[:1].isupper())
    return out


def _span_confidence(spans: list[tuple[int, int, float]], start: int, end: int) -> float | None:
    """The lowest confidence of the doubted spans overlapping [start, end), or None."""
    best = None
    for a, b, c in spans[bisect_left(spans, (start - MAX_SPAN,)):]:
        if a >= end:
            break
        if b > start and (best is None or c < best):
            best = c
    return best


def _never_changes(word: str, speller: Speller) -> bool:
    """No context changes this token: an acronym or mixed-case word, or a plain word without candidates
    (as a name too, when capitalised)."""
    if not _PLAIN_WORD.fullmatch(word):
        return False
    if word[0].islower():
        return not any(c.isupper() for c in word) and not speller.can_change(word)
    if _SPLIT_CAPITAL.fullmatch(word):
        return not speller.can_change(lower(word))
    if is_all_caps(word) or any(c.isupper() for c in word[1:]):
        return _camel_parts(word, speller) is None and _lead_slip(word, speller) is None
    low = lower(word)
    return not speller.can_change(low) and not speller.can_change(low, name_like=True)


_CLOSING = "\"”»’'"
_ATTACHING = _CLOSING + "-"


def _attached_suffix(text: str, start: int) -> bool:
    """An ending written right after a closing quote (“Şagird-məzun sistemi”ndə, "Azercell"in,
    “PASHABank”-ın): no word of its own."""
    return start >= 2 and text[start - 1] in _ATTACHING and not text[start - 2].isspace() and (
        text[start - 1] in _CLOSING or text[start - 2] in _CLOSING)


_TYPED_WITHOUT = {"e": "eə", "i": "iı", "u": "uü", "o": "oö", "s": "sş", "c": "cç", "g": "gğ"}


def _quoted_word(tokens: list[Token], i: int) -> str | None:
    """The last word before token i: the quoted word an ending after a closing quote belongs to."""
    return next((tokens[k].text for k in range(i - 1, -1, -1) if tokens[k].kind == "word"), None)


def _attached_ending_in_harmony(tokens: list[Token], i: int, speller: Speller) -> Edit | None:
    """In a text typed without Azerbaijani letters, the ending after a closing quote with the letters
    that make it a valid ending of the quoted word (“Proqramı”nin → nın), if the typed one makes none."""
    morph = speller.lexicon.morph
    word, ending = _quoted_word(tokens, i), tokens[i].text
    if morph is None or word is None or not ending.isalpha() or not ending.islower() or len(ending) > 6:
        return None
    stem = lower(word)
    if morph.is_valid(stem + ending):
        return None
    options = [""]
    for ch in ending:
        options = [o + c for o in options for c in _TYPED_WITHOUT.get(ch, ch)]
    valid = [o for o in options if o != ending and morph.is_valid(stem + o)]
    if not valid:
        return None
    tok = tokens[i]
    return Edit(tok.start, tok.end, ending, valid[0], "diacritics", RULE_CONFIDENCE)


def _attached_ending_repaired(tokens: list[Token], i: int, speller: Speller) -> Edit | None:
    """The ending after a closing quote, when it makes no word with the quoted word, put back to the
    ending one edit away that does ("Elektron Hökumət"ib → in); only after a word the morphology reads, no
    name (a foreign name's harmony is its pronunciation's: "Play Store"-da, "Microsoft"un). An ending in
    some harmony stays, as after numbers and acronyms (the writer's reading: "Google Maps"-də), and so does
    a function word that lost its space (“Şəxsi kabinetim”və)."""
    morph = speller.lexicon.morph
    word, ending = _quoted_word(tokens, i), tokens[i].text
    if morph is None or word is None or not word.isalpha() or not ending.isalpha() or not ending.islower():
        return None
    stem = lower(word)
    reading = speller.first_reading(stem)
    if ending in any_harmony_ending() or ending in CLOSED_CLASS or reading is None or reading.pos == "PROPN" \
            or morph.is_valid(stem + ending):
        return None
    near = [e for e in endings_after(stem) if one_edit(ending, e) and morph.is_valid(stem + e)]
    if not near:
        return None
    tok = tokens[i]
    return Edit(tok.start, tok.end, ending, near[0], "spelling", RULE_CONFIDENCE if len(near) == 1 else 0.75)


# a word broken by a space into two words (sahə də, kommun al, təşkil atlarının): the joined word must be
# this many times (log) more probable between the neighbours than the two, by the bigram model
JOIN_GAIN = 10.0
JOIN_MIN_COUNT = 100  # ... and this frequent
# ... and one piece rarer than this: two common words are the writer's two words, even where the spelling
# rules write their compound as one (iri həcmli, əmək haqqı); a particle stays apart (təlimlər də)
JOIN_MAX_PIECE_COUNT = 5000


def _context_join(text: str, tokens: list[Token], i: int, speller: Speller) -> Edit | None:
    """The space inside a word broken in two, where both pieces are words (the layout stage joins only
    where a piece is none): the bigram model of the neighbours decides. Needs the bigram model."""
    a, b = tokens[i], tokens[i + 1]
    if a.kind != "word" or b.kind != "word" or text[a.end:b.start] != " " or not b.text.islower() \
            or not a.text.isalpha() or not b.text.isalpha() or speller.context.lm is None:
        return None
    left = lower(a.text)
    joined = left + b.text
    lex = speller.lexicon
    if b.text in PARTICLES or min(lex.count(left), lex.count(b.text)) >= JOIN_MAX_PIECE_COUNT \
            or lex.count(joined) < JOIN_MIN_COUNT or not lex.known(joined) or speller.compound(left, b.text) \
            or _verbal_noun_or_participle(b.text, speller):
        return None  # (a compound written apart, işə götürən, iri qabaritli, is the writer's choice)
    prev = lower(tokens[i - 1].text) if i > 0 and tokens[i - 1].kind == "word" else None
    nxt = lower(tokens[i + 2].text) if i + 2 < len(tokens) and tokens[i + 2].kind == "word" else None
    if speller.context.join_gain(prev, left, b.text, nxt) < JOIN_GAIN:
        return None
    return Edit(a.end, b.start, " ", "", "split", RULE_CONFIDENCE)


def _verbal_noun_or_participle(word: str, speller: Speller) -> bool:
    """One of the morphology's first two readings of `word` is a verbal noun or participle (qaldırma,
    götürənlər): the second word of compounds the writer may write apart."""
    morph = speller.lexicon.morph
    readings = morph.analyze(word)[:2] if morph is not None else []
    return any(r.pos == "VERB" and any(t.startswith(("PART", "VN")) for t in r.suffixes) for r in readings)


_REDUPLICATED = re.compile(r"([^\W\d_]{2,})-([^\W\d_]{2,})")
RHYME_MAX_LEN = 6  # rhyming pairs are of short words (alqı-satqı); informasiya-kommunikasiya only ends alike


def _reduplication_edit(tok: Token, speller: Speller) -> Edit | None:
    """A word said twice (ayrı-ayrı, tez-tez) whose one half is a slip of the other, one edit away
    (ayrı-aytı, ayri-ayrı): the slipped half, no word of its own, becomes the other. Pairs of two words
    stay (bir-biri, get-gəl)."""
    m = _REDUPLICATED.fullmatch(tok.text)
    if m is None or not m.group(2).islower() or not m.group(1)[1:].islower():
        return None  # (Wi-Fi, Hi-Tech: names and brands stay)
    a, b = m.group(1), m.group(2)
    la, lb = lower(a), lower(b)
    if la == lb or not one_edit(la, lb):
        return None
    valid_a, valid_b = _valid_word(la, speller), _valid_word(lb, speller)
    if valid_a == valid_b:
        return None
    if valid_a:
        return Edit(tok.start + m.start(2), tok.start + m.end(2), b, match_case(b, la), "spelling", RULE_CONFIDENCE)
    return Edit(tok.start, tok.start + len(a), a, match_case(a, lb), "spelling", RULE_CONFIDENCE)


def _rhyming_pair(word: str, speller: Speller) -> bool:
    """A pair of rhyming words (alqı-satqı, çoluq-çocuq): a fixed compound whose half no list counts alone
    is no slip of a word that does (alqı is no xalqı)."""
    m = _REDUPLICATED.fullmatch(word)
    if m is None:
        return False
    a, b = lower(m.group(1)), lower(m.group(2))
    # (the second half may carry the pair's ending: alqı-satqısı)
    rhymes = any(b[:k].endswith(a[-2:]) for k in range(3, min(len(b), RHYME_MAX_LEN) + 1))
    return a != b and 3 <= len(a) <= RHYME_MAX_LEN and rhymes and (_valid_word(a, speller) or _valid_word(b, speller))


def _valid_word(word: str, speller: Speller) -> bool:
    """A common listed word, or one the morphology reads."""
    morph = speller.lexicon.morph
    return speller.lexicon.count(word) >= 100 or (morph is not None and morph.is_valid(word))


def _inner_capital(word: str, speller: Speller) -> str | None:
    """`vƏ`, `xidmƏt`: OCR reads a small ə as the capital it only differs from in size; a lower-case
    word with that one capital inside is the frequent word it spells in lower case."""
    if not word[0].islower() or sum(c.isupper() for c in word) != 1:
        return None
    capital = next(c for c in word if c.isupper())
    low = lower(word)
    if capital not in _SIZE_ONLY_CAPITALS or speller.lexicon.count(low) < INNER_CAPITAL_MIN_COUNT:
        return None
    return low


def _acronym_ending_edit(acronym: str, ending: str, start: int, speller: Speller) -> Edit | None:
    """The ending after an acronym's hyphen put right (numbers.repair_acronym_ending), preferring the
    endings the bigram model's corpus wrote after this acronym."""
    if ending in CLOSED_CLASS:
        return None  # a postposition or conjunction written with a hyphen (İKT-ilə) is no ending
    lm = speller.context.lm
    seen = lm.unigrams if lm is not None else speller.lexicon.counts
    prefix = lower(acronym) + "-"
    found = repair_acronym_ending(acronym, ending, lambda e: seen.get(prefix + e, 0))
    if found is None:
        return None
    return Edit(start, start + len(ending), ending, found[0], "spelling", found[1])


def _in_address(text: str, start: int, end: int) -> bool:
    """A piece of a web or mail address the tokenizer did not catch (icaze.e-gov.az, www.e-imza.az):
    joined by '.', '/' or '@' to lower-case letters or digits without a space."""
    if end + 1 < len(text) and text[end] in "./@" and (text[end + 1].islower() or text[end + 1].isdigit()):
        return True
    if start >= 1 and text[start - 1] == "." and (start == 1 or text[start - 2] in " \t\n(,;"):
        return True  # a file extension written on its own (.pdf, .avi)
    return start >= 2 and text[start - 1] in "./@" and (text[start - 2].islower() or text[start - 2].isdigit())


def _sentence_starts(text: str, tokens: list[Token], opens_sentence: bool = True) -> set[int]:
    """Offsets of tokens that begin a sentence: the first, those after . ! ? … and after a blank line
    (cheaper than `sentences()`, and enough to tell a name from a capitalised first word)."""
    starts = set()
    prev = None
    for tok in tokens:
        if prev is None and opens_sentence or prev is not None and ( prev.text in _ENDERS or text.count("\n", prev.end, tok.start) >= 2 or prev.text in "#*•-–—"):
            starts.add(tok.start)
        prev = tok
    return starts


# (an opening quote is no sentence start: a capitalised word after one is mostly a name, “Mugan Bank”)
_ENDERS = frozenset((".", "!", "?", "…", "...", ":"))


def _word_edit(word: str, start: int, prev: str | None, nxt: str | None, sentence_start: bool,
               names: Counter[str], speller: Speller, diacritics: bool, keep_shift: float = 0.0,
               after_quote: bool = False, seen: Counter[str] | None = None) -> Edit | None:
    if len(word) < 2 or not _PLAIN_WORD.fullmatch(word):
        return None
    if _SPLIT_CAPITAL.fullmatch(word):
        edit = _split_capital(word, start, prev, nxt, names, speller, keep_shift)
        if edit is not None:
            return edit
    if is_all_caps(word) or any(c.isupper() for c in word[1:]):
        inner = _inner_capital(word, speller)
        if inner is not None:
            return Edit(start, start + len(word), word, inner, "spelling", RULE_CONFIDENCE)
        slip = _lead_slip(word, speller, names)
        if slip is not None:
            return Edit(start, start + len(word), word, slip, "spelling", LEAD_SLIP_CONFIDENCE)
        # acronyms and mixed case (AZERTAC, McDonald, AzərEnerji) stay, unless two words ran together
        return _camel_split(word, start, names, speller)
    low = lower(word)
    name_like = word[0].isupper() and (not sentence_start or names[word] > 0)
    if name_like and names[word] >= 3 and not diacritics and not speller.lexicon.known(low):
        # an unknown capitalised word repeated in the document is a name (not in a text typed without our
        # letters, where Respublikasinin repeats as often as the text names the republic)
        return None
    fix = speller.correct(low, prev, nxt, name_like=name_like, diacritics_only=diacritics, keep_shift=keep_shift,
                          seen=seen)
    if fix is None:
        return None
    replacement = match_case(word, fix.replacement)
    if word == low and fix.replacement[1:] == low and (
            sentence_start or after_quote or speller.first_reading_is_name(fix.replacement)):
        # the dropped letter was a capital: a sentence's or a quoted name's first (lektron), or a name's
        # (Heydər liyev Fondu)
        replacement = capitalize(fix.replacement)
    return Edit(start, start + len(word), word, replacement, fix.kind, round(fix.confidence, 3))


# a capitalised word or acronym the document names this often is the one its lone variants mean, unless the
# word lists count the variant more than DOC_NAME_VARIANT_MAX_COUNT times (ADU beside ADA)
DOC_NAME_MIN_REPEATS = 2
DOC_NAME_VARIANT_MAX_COUNT = 20
DOC_NAME_CONFIDENCE = 0.8


_CAPITALS_MISREAD = tuple((upper(wrong), upper(right)) for wrong, right in MULTI_OCR)  # (RN for M ...)


def _variant_key(word: str) -> str:
    """A name's spelling with what writers vary left out: case, diacritics, c/k and w/v."""
    return fold(lower(word)).replace("c", "k").replace("w", "v")


def _document_name_edit(tok: Token, names: Counter[str], repeated: list[str], speller: Speller) -> Edit | None:
    """`Cəfrov`, `BTM`, `MBT-nin` in a document that names `Cəfərov`, `BMT` again and again: a capitalised
    word or acronym seen once, one slip from a name the document repeats, is that name. Never where the two
    differ only in the last letter (Əliyeva beside Əliyev, İraq beside İran, EHİS beside EHİM; an acronym
    has no gender: MHMM, AME are MHM, AMEA), in case, diacritics or a transliteration (TASIM, AzDataCom
    beside TASİM, AzDataKom: the writer's variants), or the variant is a word the lists know."""
    word = tok.text.split("-")[0]
    if len(word) < 3 or not word.isalpha() or names[word] > 1 \
            or speller.lexicon.count(lower(word)) > DOC_NAME_VARIANT_MAX_COUNT:
        return None
    caps = is_all_caps(word)
    if caps:
        # OCR's two capitals for one (MHRN, RNHM, BRNT for MHM, BMT), which no single edit reaches
        misread = [m for wrong, right in _CAPITALS_MISREAD if wrong in word and (m := word.replace(wrong, right)) in repeated]
        if len(misread) == 1:
            return Edit(tok.start, tok.start + len(word), word, misread[0], "spelling", DOC_NAME_CONFIDENCE)
    # (cheap tests first: this runs for every capitalised word of a document that repeats a name)
    found = [name for name in repeated if abs(len(name) - len(word)) <= 1 and one_edit(name, word)
             and name.isalpha() and is_all_caps(name) == caps and _variant_key(name) != _variant_key(word)
             and name[:-1] != word[:-1] and (caps or name[:-1] != word and word[:-1] != name)]
    if not found and not caps and speller.lexicon.morph is not None \
            and any(len(name) < len(word) and name[:2] == word[:2] for name in repeated) \
            and not speller.lexicon.known(lower(word)):
        found = _inflected_name_variants(word, repeated, speller.lexicon.morph)
    if len(found) != 1:
        return None
    return Edit(tok.start, tok.start + len(word), word, found[0], "spelling", DOC_NAME_CONFIDENCE)


_fold_word = lru_cache(maxsize=65_536)(fold)  # (a word's folded spelling, asked for every capitalised word)


def _ascii_variant_edit(tok: Token, names: Counter[str], with_our_letters: dict[str, str],
                        speller: Speller) -> Edit | None:
    """`Azerbaycan`, `Estoniyanin` in a document that writes `Azərbaycan`, `Estoniyanın` again and again
    (`with_our_letters`: such repeated names by their folded spelling): a capitalised word typed with some
    of its Azerbaijani letters lost, into a spelling the lists do not know or demote as such a loss. An
    acronym (ISO beside İSO) and a listed word (Yeni beside Yəni) stay."""
    word = tok.text
    name = with_our_letters.get(_fold_word(word)) if with_our_letters else None
    if name is None or name == word or len(name) != len(word) or len(word) < 4 or not word.isalpha() \
            or is_all_caps(word) or names[word] > 1:
        return None
    # (each letter the name's or, lost to a plain keyboard, its plain letter: Azerbaycan, not Azorbaycan)
    if not all(a == b or lower(a) == _fold_word(b) != lower(b) for a, b in zip(word, name, strict=True)):
        return None
    low = lower(word)
    if speller.lexicon.known(low) and not speller.demoted(low):
        return None
    return Edit(tok.start, tok.end, word, name, "spelling", DOC_NAME_CONFIDENCE)


def _inflected_name_variants(word: str, repeated: list[str], morph: Validator) -> list[str]:
    """`Tayvsndan`, `Cəfrovun` beside a repeated `Tayvan`, `Cəfərov`: the name's slip with an ending on it,
    the slip inside the name (not at its end, where Əliyevanın is another person's genitive)."""
    out = []
    for name in repeated:
        if len(name) < 4 or len(name) >= len(word) or name[:2] != word[:2] or not name.isalpha() \
                or is_all_caps(name):
            continue
        for k in (len(name) - 1, len(name), len(name) + 1):
            stem, rest = word[:k], word[k:]
            if len(rest) >= 1 and one_edit(name, stem) and name[:-1] != stem[:-1] and name[:-1] != stem \
                    and stem[:-1] != name and _variant_key(name) != _variant_key(stem) and morph.is_suffix_chain(rest):
                out.append(name + rest)
                break
    return out


def _compound_ending(word: str, speller: Speller) -> bool:
    """The last part of a hyphenated compound is endings only (`yədək` of `Z-yədək`) or a word the lexicon
    knows plus an ending of two or more letters (`gəldən` of `get-gəldən`), which a compound may carry
    though the part alone may not."""
    low = lower(word)
    if low in CLOSED_CLASS:
        return True  # a postposition written with a hyphen after a number or an acronym: 50 AZN-dək
    morph = speller.lexicon.morph
    if len(low) >= 3 and morph is not None and morph.is_suffix_chain(low):
        return True  # the part is endings only: A-dan Z-yədək
    return any(len(e) >= 2 and low.endswith(e) and len(low) - len(e) >= 2 and speller.lexicon.known(low[: -len(e)])
               for e in SUFFIXES)


def _split_capital(word: str, start: int, prev: str | None, nxt: str | None, names: Counter[str], speller: Speller,
                   keep_shift: float) -> Edit | None:
    """`CLövlət` → `Dövlət`: a word opening with two capitals whose correction turns exactly those two
    letters into one, the rest unchanged. A word the document repeats is a brand and stays."""
    if names[word] >= 2:
        return None
    low = lower(word)
    fix = speller.correct(low, prev, nxt, keep_shift=keep_shift)
    if fix is None or len(fix.replacement) != len(low) - 1 or fix.replacement[1:] != low[2:]:
        return None
    return Edit(start, start + len(word), word, capitalize(fix.replacement), fix.kind, round(fix.confidence, 3))


# digits OCR reads for the letters they look like (ə1avə, qəbu1, Respub1ikası, 0lan)
DIGIT_LETTERS = {"0": "oO", "1": "lıiI", "5": "sS", "6": "b", "8": "B"}
DIGIT_CONFIDENCE = 0.9
_LETTERS_WITH_DIGITS = re.compile(r"[^\W\d_]*(?:[01568][^\W\d_]+|[^\W\d_]+[01568])[^\W\d_]*(?:[01568][^\W\d_]*)?")
# the word that digits read for letters, or a capitalised word behind a stray letter, become must be this frequent
MIN_RESTORED_WORD_COUNT = 1000
MIN_SWAPPED_SHORT_WORD_COUNT = 1_000_000
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)  # 1st Workshop: an English ordinal


def _digits_read_for_letters(text: str, tokens: list[Token], i: int, speller: Speller) -> Edit | None:
    """A word with one or two digits among its letters (or a lone 0/1 glued before a word) where OCR read
    a letter as the digit it looks like, when putting the letter back gives a frequent word: `ə1avə` →
    `əlavə`, `0lan` → `olan`. Codes stay: `5G`, `G20`, `COVID-19`, `İSO27001` become no word."""
    tok = tokens[i]
    start, end = tok.start, tok.end
    if tok.kind == "number" and tok.text in ("0", "1") and i + 1 < len(tokens) \
            and tokens[i + 1].kind == "word" and tokens[i + 1].start == end and tokens[i + 1].text.isalpha():
        end = tokens[i + 1].end  # 0 | lan: the tokenizer split the digit off
    elif tok.kind != "word":
        return None
    word = text[start:end]
    if len(word) < 3 or not _LETTERS_WITH_DIGITS.fullmatch(word) or sum(c.isdigit() for c in word) > 2 \
            or _ORDINAL.fullmatch(word):
        return None
    options = [""]
    for ch in word:
        options = [o + alt for o in options for alt in (DIGIT_LETTERS.get(ch, ch) if ch.isdigit() else ch)]
    lex = speller.lexicon
    found = [(lex.count(lower(o)), o) for o in options if lex.known(lower(o)) and not any(c.isdigit() for c in o)]
    best = max(found, default=None)
    if best is None or best[0] < MIN_RESTORED_WORD_COUNT:
        return None
    replacement = best[1]
    if word[0].isdigit() and not word[1:2].isupper():
        replacement = lower(replacement[0]) + replacement[1:]  # 0lan: the letter takes the word's case
    return Edit(start, end, word, replacement, "spelling", DIGIT_CONFIDENCE)


def _name_after(tok: Token, speller: Speller) -> bool:
    """A capitalised word the morphology cannot read (a foreign name's part: Zubir, Baymenov): the
    capitalised word before it is a given name too (Abdellah Zubir is no Abdullah)."""
    if tok.kind != "word" or not tok.text[:1].isupper() or not tok.text[1:].islower():
        return False
    return speller.first_reading(lower(tok.text)) is None


def _common_word(word: str, speller: Speller) -> bool:
    """The morphology reads `word` first as no proper name, and the lists count it as a common word."""
    low = lower(word)
    found = speller.first_reading(low)
    return found is not None and found.pos != "PROPN" and speller.lexicon.count(low) >= COMMON_WORD_MIN_COUNT


def _after_name(prev: Token, speller: Speller) -> bool:
    """`prev` is a capitalised word no list knows and the morphology cannot read, or one it reads as a
    bare proper name (Eva, Nic): the capitalised word after it is part of a name."""
    if prev.kind != "word" or not prev.text[:1].isupper() or not prev.text[1:].islower():
        return False
    low = lower(prev.text)
    found = speller.first_reading(low)
    return found is None and not speller.lexicon.known(low) or found is not None and found.pos == "PROPN" \
        and not found.suffixes


# a given name a slipped key reached (İlhqm, Fsriz) must be this common to be put back
TYPED_NAME_MIN_COUNT = 5_000
_KEY_NEIGHBOURS = keyboard_neighbours()


def _typed_name_slip(original: str, replacement: str, speller: Speller) -> bool:
    """`İlhqm`, `İlhma`, `Fsriz` → İlham, Fariz: a common given name with one key struck for its neighbour
    or two keys swapped, into a spelling no list or reading knows (Atif, Nadia are names of their own)."""
    low, fixed = lower(original), lower(replacement)
    if len(low) != len(fixed) or speller.lexicon.count(fixed) < TYPED_NAME_MIN_COUNT or speller.lexicon.known(low):
        return False
    diff = [i for i, (a, b) in enumerate(zip(low, fixed, strict=True)) if a != b]
    if len(diff) == 1:
        return (low[diff[0]], fixed[diff[0]]) in _KEY_NEIGHBOURS
    return len(diff) == 2 and diff[1] == diff[0] + 1 and low[diff[0]] == fixed[diff[1]] and low[diff[1]] == fixed[diff[0]]


def _is_name(word: str, speller: Speller) -> bool:
    """Whether `word` is a common given name (our list: Əli, Ramin, which the morphology reads as əl|i,
    ram|in first) or the morphology reads it as a proper name."""
    if lower(word) in _given_names():
        return True
    morph = speller.lexicon.morph
    return morph is not None and any(a.pos == "PROPN" for a in morph.analyze(word))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(lower(w) for w in read_list("gazetteer/first_names.txt"))


# letters OCR reads from a speck before a word (iKoreya, lƏks); e-, my- and the like open brands (eManat)
_STRAY_LEAD = frozenset("ilıjrt")
_LEAD_SLIP = re.compile(r"[^\W\d_][A-ZÇƏĞİÖŞÜ][^\W\d_]*")
LEAD_SLIP_CONFIDENCE = 0.85


def _lead_slip(word: str, speller: Speller, names: Counter[str] | None = None) -> str | None:
    """A capitalised word behind one lower-case letter: a speck OCR read as a letter (`iKoreya`, `lƏks`)
    or the first two letters typed in turn (`üYksək`, `gAentliyi`). The word it becomes must be a frequent
    one or the document's own; a form the document repeats is a brand (`iPhone`, `eGov`)."""
    names = names or Counter()
    if not _LEAD_SLIP.fullmatch(word) or not word[0].islower() or word[2:] and not word[2:].islower() \
            or names[word] >= 2:
        return None  # (iOS: an acronym after the letter is a brand's)
    counts = speller.lexicon.counts
    candidates = [word[1] + word[0] + word[2:]]  # (uB is Bu too)
    if word[0] in _STRAY_LEAD and len(word) >= 3:
        candidates.append(word[1:])
    # (two letters swapped into a two-letter word must make a very common one: uB is Bu, eM no Me)
    min_count = MIN_RESTORED_WORD_COUNT if len(word) >= 3 else MIN_SWAPPED_SHORT_WORD_COUNT
    for cand in candidates:
        if names[cand] > 0 or counts.get(lower(cand), 0) >= min_count:
            return cand
    return None


def _camel_split(word: str, start: int, names: Counter[str], speller: Speller) -> Edit | None:
    """`DövlətAgentliyinə`, `bütünEATS`: a space lost before a capital. The document must not repeat the
    word: a repeated CamelCase word is a brand (`AzərEnerji`, `myGov`), unless its second word carries a
    case or possessive ending, which no brand's name does inside it (`AzərbaycanRespublikasının` twice is
    a space lost twice)."""
    parts = _camel_parts(word, speller)
    if parts is None or names[word] >= 2 and not _az_inflection(lower(parts[1]), speller):
        return None
    return Edit(start, start + len(word), word, " ".join(parts), "merge", CAMEL_SPLIT_CONFIDENCE)


# an acronym run into a lower-case word: İKTsektoru, AZNvə (the acronym at least two capitals)
_ACRONYM_THEN_WORD = re.compile(r"([A-ZÇƏĞİÖŞÜ]{2,})([a-zçəğıöşü]{2,})")
_AZ_INFLECTIONS = frozenset(("PL", "P3SG", "P3PL")) | CASES


def _acronym_then_word(acronym: str, rest: str, speller: Speller) -> tuple[str, str] | None:
    """(acronym, word) when `rest` is a frequent word of its own, no ending of the acronym (PDFlər,
    AZERTACın stay) and the whole is no listed word."""
    lex = speller.lexicon
    if rest in BOUND_ENDINGS or lex.count(rest) < speller.params.min_split_count or not lex.known(rest) \
            or lex.counts.get(lower(acronym + rest), 0):
        return None
    return acronym, rest


def _az_inflection(word: str, speller: Speller) -> bool:
    """The morphology reads the word first with a plural, a third-person possessive or a case ending, on
    a stem of the word lists (Nazirliyi, Toplusu, Texnologiyalar): an Azerbaijani word, no English one."""
    found = speller.first_reading(word)
    return found is not None and found.pos != "PROPN" and bool(_AZ_INFLECTIONS & set(found.suffixes))


def _case_ending(word: str, speller: Speller) -> bool:
    """The morphology reads the word first with a case ending (genitive, dative, locative, ...)."""
    found = speller.first_reading(word)
    return found is not None and bool(CASES & set(found.suffixes))


def _camel_parts(word: str, speller: Speller) -> tuple[str, str] | None:
    """The two words of a mixed-case word when both sides are words the splitter accepts (the right one
    may be an acronym) and the whole is no known word; else None. An acronym run into a lower-case
    word (İKTsektoru, AZNvə) splits too."""
    acronym_first = _ACRONYM_THEN_WORD.fullmatch(word)
    if acronym_first is not None:
        return _acronym_then_word(acronym_first.group(1), acronym_first.group(2), speller)
    bounds = [i for i in range(2, len(word) - 1) if word[i - 1].islower() and word[i].isupper()]
    if len(bounds) != 1:
        return None
    left, right = word[: bounds[0]], word[bounds[0]:]
    low = lower(word)
    if not AZ_SPECIAL.search(word) and not _case_ending(lower(left), speller) \
            and not _az_inflection(lower(left), speller) and not _az_inflection(lower(right), speller):
        # English compounds are brands (AppStore, productNumber), not two of our words; a part with an
        # Azerbaijani ending is ours (UniversitetininKaryera, TexnologiyalarNazirliyi, QanunvericilikToplusu)
        return None
    if speller.lexicon.counts.get(low, 0) or speller.lexicon.known(low) or not speller.split_part(lower(left)):
        return None
    if is_all_caps(right):
        # (a short word before capitals is a mixed-case acronym's: AzPİ, AzTV)
        return (left, right) if len(left) > MIXED_ACRONYM_MAX_HEAD else None
    if not any(c.isupper() for c in right[1:]) and speller.split_part(lower(right)):
        return left, right
    return None
