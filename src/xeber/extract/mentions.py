"""Participants of events in one sentence: named entities, titles, pronouns, groups, quoted names.

Each mention carries its grammatical case, read off the ending that its text has beyond its lemma
(`Qazaxıstana` over `Qazaxıstan` → dative, `Nur-Sultandakı` → locative adjective). Case decides
roles: `X ilə` partner, dative destination or recipient, locative place, nominative agent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from xeber.data import read_list
from xeber.document import Entity
from xeber.text.casing import fold, lower
from xeber.text.tokenize import Token

NOM, GEN, DAT, ACC, LOC, ABL, INS, ADJ = "nom", "gen", "dat", "acc", "loc", "abl", "ins", "adj"

_CASE_ENDINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p + "$"), c) for p, c in (
        (r"n?d[əa]k[ıi]", ADJ),
        (r"n?d[əa]n", ABL),
        (r"n?d[əa]", LOC),
        (r"n?[ıiuü]n", GEN),
        (r"[yn]?[əa]", DAT),
        (r"[yn]?[ıiuü]", ACC),
        (r"y?l[əa]", INS),
    )
)
_HYPHENS = "-'’ʼ`"
_OPEN_QUOTES = "“«„\""
_CLOSE_QUOTES = "”»\""


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    lemma: str  # the canonical name (for titles and pronouns: whom they refer to, once resolved)
    type: str  # PER, ORG, LOC, FAC, TITLE, PRON, GROUP, NAME (a quoted name)
    case: str
    first: int  # token indices, inclusive
    last: int
    title: str = ""  # for persons: the title phrase before the name; for TITLE: its own text
    resolved: bool = True
    attrs: dict[str, str] = field(default_factory=dict)


def case_of_suffix(suffix: str) -> str:
    """The case an ending marks (possessive endings before it are tolerated: -ı-na, -sı-nın)."""
    s = lower(suffix.lstrip(_HYPHENS))
    if not s:
        return NOM
    for pattern, case in _CASE_ENDINGS:
        m = pattern.search(s)
        if m is not None and _possessive_or_empty(s[: m.start()]):
            return case
    return NOM


def _possessive_or_empty(prefix: str) -> bool:
    return prefix in ("", "ı", "i", "u", "ü", "sı", "si", "su", "sü", "lər", "lar", "ləri", "ları")


def case_of_entity(text: str, lemma: str, type_: str) -> str:
    """Case of an entity from the ending its text has beyond its lemma; guessed when they agree."""
    lt, ll = lower(text), lower(lemma)
    if lt != ll:
        if lt.startswith(ll):
            return case_of_suffix(lt[len(ll):])
        n = 0
        while n < min(len(lt), len(ll)) and lt[n] == ll[n]:
            n += 1
        if n >= len(ll) - 1:  # k→y, q→ğ at the end of the lemma: Agentlik/Agentliyin
            return case_of_suffix(lt[len(ll):])
    last = text.split()[-1] if text.split() else text
    for h in _HYPHENS:
        if h in last[1:]:
            return case_of_suffix(last[last.rindex(h) + 1:])
    if type_ == "PER":
        return NOM  # names end in -a/-ə/-i (Qafarova, Əliyev-i?): never guess a case from letters
    word = lower(last)
    for pattern, case in _CASE_ENDINGS:
        m = pattern.search(word)
        if m is not None and m.start() >= 4 and m.group() not in ("a", "ə", "ı", "i", "u", "ü"):
            return case
    return NOM


@lru_cache(maxsize=1)
def title_stems() -> tuple[str, ...]:
    return _read_list("titles.txt")


@lru_cache(maxsize=1)
def group_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in _read_list("groups.txt"))


@lru_cache(maxsize=1)
def documents() -> dict[str, str]:
    out = {}
    for line in read_list("events/documents.txt"):
        stem, type_ = line.split("\t")
        out[stem] = type_
    return out


def _read_list(name: str) -> tuple[str, ...]:
    return tuple(read_list(f"events/{name}"))


_POSS_CASE = re.compile(r"^(?:s?[ıiuü]|[ıiuü]m[ıiuü]z|[ıiuü]m)?(?:n[ıiuü]n|n[ıiuü]|n[əa]|nd[əa]n|nd[əa]|nd[əa]k[ıi]|l[əa]|yl[əa])?$")
_BARE_CASE = re.compile(r"^(?:l[əa]r)?(?:[ıiuü]n|[ıiuü]|[əa]|d[əa]|d[əa]n|d[əa]k[ıi]|l[əa])?$")


def compound_case(word: str, stem: str) -> str | None:
    """Case of a head noun after `stem` (`sədri`, `Sədrini`, `heyətinin`, `abidəsini`); None if the
    ending is not a noun ending."""
    w = lower(word)
    if not w.startswith(stem):
        return None
    ending = w[len(stem):]
    if _POSS_CASE.match(ending):
        core = re.sub(r"^(?:[ıiuü]m[ıiuü]z|[ıiuü]m|s?[ıiuü])", "", ending)
        return case_of_suffix(core) if core else NOM
    if _BARE_CASE.match(ending):
        return case_of_suffix(ending)
    return None


@lru_cache(maxsize=1)
def _titles_by_prefix() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for stem in title_stems():
        out.setdefault(stem[:3], []).append(stem)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _groups_by_prefix() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in group_phrases():
        out.setdefault(phrase[0][:3], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def _title_at(words: list[str], j: int) -> tuple[int, str] | None:
    """(index of the last word, case) when a title starts at word j (`baş nazirin` spans two)."""
    w = words[j]
    for stem in _titles_by_prefix().get(w[:3], ()):
        parts = stem.split()
        if len(parts) > 1:
            if w != parts[0] or j + len(parts) - 1 >= len(words):
                continue
            if any(words[j + k] != parts[k] for k in range(1, len(parts) - 1)):
                continue
            case = compound_case(words[j + len(parts) - 1], parts[-1])
            if case is not None:
                return j + len(parts) - 1, case
        else:
            case = compound_case(w, stem)
            if case is not None and len(w) - len(stem) <= 5:
                return j, case
    return None


def find_mentions(text: str, tokens: list[Token], lo: int, hi: int, entities: list[Entity]) -> list[Mention]:
    """Mentions in tokens[lo:hi] (one sentence). `entities` are those overlapping the sentence."""
    words = [lower(t.text) for t in tokens[lo:hi]]
    by_start = {tokens[k].start: k for k in range(lo, hi)}
    by_end = {tokens[k].end: k for k in range(lo, hi)}
    out: list[Mention] = []
    taken = [False] * (hi - lo)
    for e in entities:
        if e.type in ("DATE", "EVENT"):
            continue
        first = _token_at_or_after(tokens, by_start, e.start, lo, hi)
        last = _token_at_or_before(tokens, by_end, e.end, lo, hi)
        if first is None or last is None or last < first:
            continue
        case = case_of_entity(e.text, e.lemma, e.type)
        end = e.end
        if e.type == "LOC" and case == NOM and last + 1 < hi:
            head = lower(tokens[last + 1].text)
            for noun in _PLACE_HEADS:  # `Nur-Sultan şəhərində`: the case sits on the common noun
                head_case = compound_case(head, noun)
                if head_case is not None:
                    last, end, case = last + 1, tokens[last + 1].end, head_case
                    break
        out.append(Mention(e.start, end, text[e.start:end], e.lemma or e.text, e.type, case,
                           first, last, str(e.attrs.get("title", ""))))
        for k in range(first, last + 1):
            taken[k - lo] = True
    # Titles: `Milli Məclisin Sədri` before a name attaches to it; alone it is a mention to resolve.
    k = lo
    while k < hi:
        if taken[k - lo] or not tokens[k].is_word:
            k += 1
            continue
        found = _title_at(words, k - lo)
        if found is None:
            k += 1
            continue
        end_k = found[0] + lo
        while end_k + 1 < hi and not taken[end_k + 1 - lo] and tokens[end_k + 1].is_word:
            more = _title_at(words, end_k + 1 - lo)  # `Nazir müavini`, `sədr müavini`, `şöbə müdiri`
            if more is None:
                break
            end_k, found = more[0] + lo, more
        start_k = _extend_modifiers(tokens, words, lo, k, out)
        title_text = text[tokens[start_k].start:tokens[end_k].end]
        person = next((m for m in out if m.type == "PER" and m.first == end_k + 1), None)
        if person is not None:
            if not person.title:
                person.title = title_text
        else:
            out = [m for m in out if not (m.first >= start_k and m.last <= end_k)]
            out.append(Mention(tokens[start_k].start, tokens[end_k].end, title_text, title_text, "TITLE", found[1],
                               start_k, end_k, title_text, resolved=False))
        for j in range(start_k, end_k + 1):
            taken[j - lo] = True
        k = end_k + 1
    for k in range(lo, hi):
        if taken[k - lo]:
            continue
        tok = tokens[k]
        w = words[k - lo]
        if w in _PRONOUNS and tok.text[0] in "Oo":
            nxt = tokens[k + 1].text if k + 1 < hi else ""
            if w == "o" and nxt not in (",",) and k != lo:
                continue  # `o` as a determiner: `o cümlədən`, `o zaman`
            case = _PRONOUNS[w]
            out.append(Mention(tok.start, tok.end, tok.text, tok.text, "PRON", case, k, k, resolved=False))
            taken[k - lo] = True
            continue
        for phrase in _groups_by_prefix().get(w[:3], ()):
            n = len(phrase)
            if k + n > hi or any(taken[j - lo] for j in range(k, k + n)):
                continue
            if any(words[k - lo + j] != phrase[j] for j in range(n - 1)):
                continue
            gcase = compound_case(words[k - lo + n - 1], phrase[-1]) if n > 1 else compound_case(w, phrase[0])
            if gcase is None and n > 1:
                gcase = compound_case(words[k - lo + n - 1], phrase[-1][:-1])  # heyət-i → heyət-ini
            if gcase is None:
                continue
            owner = next((m for m in out if m.last == k - 1 and m.case == GEN and m.type in ("ORG", "LOC")), None)
            first = k
            last_word = words[k - lo + n - 1]
            if gcase == NOM and owner is None and re.search(r"l[əa]r[ıi]$", last_word) and not (
                    k > lo and re.search(r"n?[ıiuü]n$", words[k - lo - 1])):
                gcase = ACC  # `iştirakçıları təbrik edib`: a bare plural in -ları is an object
            if owner is not None:  # `MHM-in əməkdaşları`, `Azərbaycan nümayəndə heyəti`
                out.remove(owner)
                first = owner.first
            out.append(Mention(tokens[first].start, tokens[k + n - 1].end, text[tokens[first].start:tokens[k + n - 1].end],
                               " ".join(phrase), "GROUP", gcase, first, k + n - 1))
            for j in range(k, k + n):
                taken[j - lo] = True
            break
    out.extend(_quoted_names(text, tokens, words, lo, hi, taken, out))
    for k in range(lo, hi):
        w = words[k - lo]
        if not taken[k - lo] and w.startswith(_HOME) and (home_case := compound_case(w, _HOME[:-1])) is not None:
            # `ölkəmizə`: Azerbaijani news say "our country" for Azerbaijan
            out.append(Mention(tokens[k].start, tokens[k].end, tokens[k].text, HOME_COUNTRY, "LOC", home_case, k, k))
    depth, inside = 0, set()
    for k in range(lo, hi):
        if tokens[k].text == "(":
            depth += 1
        elif tokens[k].text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(k)
    for m in out:
        if m.first in inside:
            m.attrs["in_parens"] = "1"
    out.sort(key=lambda m: m.first)
    return out


_PLACE_HEADS = ("şəhər", "rayon", "kənd", "qəsəbə", "vilayət", "paytaxt", "əyalət")
_PRONOUNS = {"o": NOM, "onlar": NOM, "onun": GEN, "ona": DAT, "onu": ACC, "onları": ACC, "onlara": DAT,
             "onların": GEN}
_HOME = "ölkəmiz"
HOME_COUNTRY = "Azərbaycan"


def _extend_modifiers(tokens: list[Token], words: list[str], lo: int, k: int, mentions: list[Mention]) -> int:
    """Start of a title phrase: genitive names before the title noun (`Qazaxıstan Parlamenti Senatının`)."""
    start = k
    org = next((m for m in mentions if m.last == k - 1 and m.case == GEN), None)
    if org is not None:
        mentions.remove(org)
        return org.first
    if k == lo or case_of_suffix(_ending_guess(words[k - 1 - lo])) != GEN:
        return k
    inside = {j for m in mentions for j in range(m.first, m.last + 1)}
    j = k - 1
    while j >= lo and tokens[j].is_word and tokens[j].text[:1].isupper() and j >= k - 4 and j not in inside:
        start = j
        j -= 1
    return start


def _ending_guess(word: str) -> str:
    m = re.search(r"n?[ıiuü]n$", word)
    return m.group() if m else ""


def _quoted_names(text: str, tokens: list[Token], words: list[str], lo: int, hi: int, taken: list[bool],
                  mentions: list[Mention]) -> list[Mention]:
    """`“Astana-Bayterek” abidəsini`: a quoted name with the common noun after it that takes the case."""
    out = []
    k = lo
    while k < hi:
        if tokens[k].text not in _OPEN_QUOTES:
            k += 1
            continue
        close = next((j for j in range(k + 1, min(hi, k + 12)) if tokens[j].text in _CLOSE_QUOTES), None)
        if close is None or close == k + 1:
            k += 1
            continue
        head = close + 1
        if head < hi and tokens[head].is_word and tokens[head].text[:1].islower() and not taken[head - lo]:
            word = words[head - lo]
            m = re.search(r"(s?[ıiuü])?(n[ıiuü]n|n[ıiuü]|n[əa]|nd[əa]n|nd[əa]|nd[əa]k[ıi])?$", word)
            case = case_of_suffix(m.group(2) or "") if m and m.group(1) else NOM
            base = word[: m.start(2)] if m and m.group(2) else word
            name = text[tokens[k + 1].start:tokens[close - 1].end]
            out.append(Mention(tokens[k].start, tokens[head].end, text[tokens[k].start:tokens[head].end],
                               f"{name} {base}", "NAME", case, k, head))
            for j in range(k, head + 1):
                taken[j - lo] = True
            mentions[:] = [x for x in mentions if not (x.first >= k and x.last <= head)]
        k = close + 1
    return out


def _token_at_or_after(tokens: list[Token], by_start: dict[int, int], pos: int, lo: int, hi: int) -> int | None:
    if pos in by_start:
        return by_start[pos]
    for k in range(lo, hi):
        if tokens[k].end > pos:
            return k
    return None


def _token_at_or_before(tokens: list[Token], by_end: dict[int, int], pos: int, lo: int, hi: int) -> int | None:
    if pos in by_end:
        return by_end[pos]
    for k in range(hi - 1, lo - 1, -1):
        if tokens[k].start < pos:
            return k
    return None


def same_title(mention_title: str, person_title: str) -> bool:
    """Does a bare title (`Senatın sədri`, `Sədr`) name the holder of `person_title`?"""
    m_words = [fold(lower(w))[:4] for w in re.findall(r"\w+", mention_title)]
    p_words = [fold(lower(w))[:4] for w in re.findall(r"\w+", person_title)]
    if not m_words or not p_words:
        return False
    if m_words[-1] != p_words[-1]:
        return False
    return all(w in p_words for w in m_words[:-1])
