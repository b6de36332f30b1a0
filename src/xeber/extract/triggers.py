"""Event triggers: words and light-verb constructions that name an event, found over tokens.

The lexicon (`xeber/data/events/triggers.tsv`) holds stems; endings are checked by small suffix
grammars for verbs (görüş-üb, görüş-müş-dür, imzala-n-ıb, görüş-mə-yəcək) and nouns (səfər-i,
təbrik-lər-i-ni). A noun with a light verb right after it (`səfər edib`, `görüş keçirilib`,
`başsağlığı verib`) is one trigger spanning both words. Voice, negation and futurity are read off
the verb's ending, so `görüşməyəcək` is negated and planned, `imzalanıb` passive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from xeber.text.casing import lower
from xeber.text.tokenize import Token

_VOWELS = frozenset("ıiuüəaoe")
# Verbal endings after a stem: optional passive/causative (-ıl, -ın, -n, -l, -dır), negation (-mə),
# then a tense, participle, converb, infinitive or verbal noun. Only the start of the ending needs
# checking: what follows the first tense morpheme (person, copula -dır, case) is free.
_TAIL = (
    r"(?P<neg>m[əa](?=[ydzsm])|m[ıiuü](?=r))?"
    r"(?P<tam>y?[ıiuü]b|m[ıiuü]ş|d[ıiuü]|y?[əa]c[əa][kqyğ]|y?[ıiuü]r|y?[əa]r|z|y?[əa]n|y?[əa]r[əa][kq]|m[əa]k|m[əa]q"
    r"|m[əa]s|m[əa]l|m[əa]y|m[əa]|d[ıiuü][kqyğ]|s[əa]|y?[əa]$|y?[ıiuü]n)"
)
# After a vowel the passive is a bare -n/-l (imzala-n-ıb); after a consonant it takes a vowel (bildir-il-ib).
_ENDING_AFTER_VOWEL = re.compile(r"(?P<voice>(?:[ln]|d[ıiuü]r)?(?:[ıiuü][ln])?)" + _TAIL)
_ENDING_AFTER_CONSONANT = re.compile(r"(?P<voice>(?:[ıiuü][ln]|d[ıiuü]r)?(?:[ıiuü][ln])?)" + _TAIL)
# Noun endings: plural, possessive, case (and the -dakı/-dəki adjective), in that order.
_NOUN_ENDING = re.compile(
    r"(?:l[əa]r)?"
    r"(?:[ıiuü]m[ıiuü]z|[ıiuü]n[ıiuü]z|[ıiuü]m|[ıiuü]n(?=[ıiuüəa])|s[ıiuü]|[ıiuü])?"
    r"(?:n?[ıiuü]n|n?d[əa]n|n?d[əa]k[ıi]|n?d[əa]|n?[əa]|y[əa]|n?[ıiuü]|y?l[əa]|d[əa]k)?"
    r"(?:d[ıiuü]r(?:l[əa]r)?)?"  # copula: səfərdədir
)
_POSSESSIVE = re.compile(r"^(?:l[əa]r)?(?:[ıiuü]|s[ıiuü])(?![mn][ıiuü]z)")
_GENERIC_NOUN = re.compile(r"(?:[ıiuü]?[ln])?m[əa](?:l[əa]r)?(?:d[əa]|n[ıi]n|y[əa]|n[ıi])?")
_FUTURE = re.compile(r"[əa]c[əa][kqyğ]")
_PASSIVE = re.compile(r"^(?:[ıiuü]?[ln])")


@dataclass(frozen=True, slots=True)
class Entry:
    type: str
    kind: str  # verb, noun, form
    stem: str
    lights: tuple[str, ...]
    alone: bool
    needs: str | None


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    start: int  # character offsets of the whole trigger
    end: int
    first: int  # token indices (inclusive) of the trigger
    last: int
    kind: str  # verb, light (noun + light verb), noun (a noun alone)
    passive: bool
    negated: bool
    planned: bool
    participle: bool  # a subject participle (-an/-ən): `vurğulayan Sahibə Qafarova` — the agent follows
    needs: str | None
    possessive: bool = False  # a noun trigger with a possessive ending: `səfəri` (someone's visit)


@dataclass(frozen=True, slots=True)
class VerbForm:
    passive: bool
    negated: bool
    planned: bool
    participle: bool
    finite: bool


@lru_cache(maxsize=1)
def lexicon() -> tuple[Entry, ...]:
    data = resources.files("xeber.data").joinpath("events/triggers.tsv").read_text(encoding="utf-8")
    entries = []
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        type_, kind, stem, lights, alone, needs = line.split("\t")
        entries.append(Entry(
            type_, kind, stem, tuple(x for x in lights.split("|") if x != "-"), alone == "yes",
            None if needs == "-" else needs,
        ))
    return tuple(entries)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Entry, ...]]:
    """Entries by the first three letters of their stem (every stem has at least three)."""
    index: dict[str, list[Entry]] = {}
    for e in lexicon():
        stems = e.stem.split("|") if e.kind == "form" else [e.stem]
        for s in stems:
            index.setdefault(s[:3], []).append(e)
    return {k: tuple(v) for k, v in index.items()}


def verb_form(ending: str, after_vowel: bool = False) -> VerbForm | None:
    """Voice, negation and futurity of a verb from the ending after its stem; None if not verbal."""
    m = (_ENDING_AFTER_VOWEL if after_vowel else _ENDING_AFTER_CONSONANT).match(ending)
    if m is None:
        return None
    tam = m.group("tam")
    rest = ending[m.end():]
    participle = bool(re.fullmatch(r"y?[əa]n", tam)) and rest == ""
    attributive = bool(re.fullmatch(r"m[ıiuü]ş", tam)) and rest == ""
    finite = tam.endswith(("b", "ş", "d", "r", "k", "q", "z")) and not rest.startswith(("ı", "i", "u", "ü"))
    return VerbForm(
        passive=bool(_PASSIVE.match(m.group("voice") or "")),
        negated=m.group("neg") is not None,
        planned=bool(_FUTURE.match(tam.lstrip("y"))),
        participle=participle or attributive,
        finite=finite,
    )


def _noun_ending_ok(ending: str) -> bool:
    return len(ending) <= 9 and _NOUN_ENDING.fullmatch(ending) is not None


def _light_verb(word: str, lights: tuple[str, ...]) -> VerbForm | None:
    for stem in lights:
        if word.startswith(stem):
            ending = word[len(stem):]
            if stem in ("əldə", "təqdim", "təşkil"):
                return VerbForm(False, False, False, False, True)  # takes its own et-/olun- next
            form = verb_form(ending, stem[-1] in _VOWELS)
            if form is not None:
                passive = form.passive or stem in ("edil", "olun", "keçiril", "veril", "göstəril", "aparıl",
                                                   "çatdırıl", "yayıl", "bağlan", "açıl", "tutul")
                return VerbForm(passive, form.negated, form.planned, form.participle, form.finite)
    return None


_FOLLOW_LIGHT = ("et", "ed", "edil", "olun", "ol")


def find_triggers(text: str, tokens: list[Token]) -> list[Trigger]:
    """Trigger candidates over `tokens` (word tokens of `text`), in text order, not overlapping."""
    index = _index()
    out: list[Trigger] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.is_word or len(tok.text) < 3:
            i += 1
            continue
        word = lower(tok.text)
        found = None
        for e in index.get(word[:3], ()):
            found = _match(e, word, tokens, i, text)
            if found is not None:
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.last + 1
    return out


def _match(e: Entry, word: str, tokens: list[Token], i: int, text: str) -> Trigger | None:
    tok = tokens[i]
    if e.kind == "form":
        if word not in e.stem.split("|"):
            return None
        planned = "əcək" in word
        return Trigger(e.type, tok.start, tok.end, i, i, "verb", word.endswith("ilib"), False, planned,
                       word.endswith("ən"), e.needs)
    if not word.startswith(e.stem):
        return None
    ending = word[len(e.stem):]
    if e.kind == "verb":
        form = verb_form(ending, e.stem[-1] in _VOWELS) if ending else None
        if form is None or _GENERIC_NOUN.fullmatch(ending):
            return None  # `imzalanma sistemi`: the act in general, not an event
        return Trigger(e.type, tok.start, tok.end, i, i, "verb", form.passive, form.negated, form.planned,
                       form.participle, e.needs)
    if not _noun_ending_ok(ending):
        return None
    nxt = i + 1
    if nxt < len(tokens) and tokens[nxt].is_word and _adjacent(text, tok, tokens[nxt]):
        lv = _light_verb(lower(tokens[nxt].text), e.lights)
        if lv is not None:
            last = nxt
            second = lower(tokens[nxt].text)
            if second.startswith(("təqdim", "əldə", "təşkil")) and nxt + 1 < len(tokens):
                after = _light_verb(lower(tokens[nxt + 1].text), _FOLLOW_LIGHT)
                if after is not None:
                    last, lv = nxt + 1, after
                    lv = VerbForm(after.passive or lower(tokens[nxt + 1].text).startswith(("edil", "olun")),
                                  after.negated, after.planned, after.participle, after.finite)
            return Trigger(e.type, tok.start, tokens[last].end, i, last, "light", lv.passive, lv.negated,
                           lv.planned, lv.participle, e.needs)
    if e.alone:
        return Trigger(e.type, tok.start, tok.end, i, i, "noun", False, False, False, False, e.needs,
                       bool(_POSSESSIVE.match(ending)))
    return None


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Only spaces between two tokens (a light verb never follows across punctuation)."""
    return text[a.end:b.start].isspace() or a.end == b.start
