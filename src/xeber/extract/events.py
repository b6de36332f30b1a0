"""Events: who met, visited, said, signed or condemned what, where and when.

`find_events(text, entities, published)` reads each sentence of normalized text:
1. triggers (`xeber.extract.triggers`): verbs and noun + light-verb constructions from a lexicon;
2. participants (`xeber.extract.mentions`): entities, titles, pronouns, groups, quoted names, with case;
3. roles from case grammar: `X ilə` partner, `X tərəfindən` agent of a passive, nominative subject
   before the verb agent (after it for a subject participle `vurğulayan X`), dative destination or
   recipient, accusative object, locative place; a visit's destination is the place of what else
   the sentence reports (`Qazaxıstana səfəri çərçivəsində ... görüşüb`);
4. coreference: `O,`, `Sədr`, `Senatın sədri` resolve to the last agent or the person with that
   title; a finite verb without a subject takes the last agent (pro-drop);
5. dates from the sentence, else the publication date.
The schema is in docs/events.md.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from xeber.document import Argument, Entity, Event
from xeber.extract.aggregate import AggregatedEvent, aggregate_events, event_key, timeline
from xeber.extract.mentions import (
    ACC,
    ADJ,
    DAT,
    GEN,
    INS,
    LOC,
    NOM,
    Mention,
    documents,
    find_mentions,
    same_title,
)
from xeber.extract.triggers import Trigger, find_triggers
from xeber.text.casing import lower
from xeber.text.dates import scan_dates
from xeber.text.tokenize import Token, sentences, tokenize

CAMEO = {
    "meeting": "040", "visit": "042", "hosting": "043", "statement": "010", "agreement": "057",
    "congratulation": "051", "condolence": "018", "appointment": "X01", "award": "X02",
    "accusation": "112", "condemnation": "111", "attack": "190", "aid": "070", "protest": "140",
    "participation": "X03", "decree": "X04",
}
ACTORS = ("PER", "ORG", "TITLE", "PRON", "GROUP", "LOC")
_PLACES = ("LOC", "FAC", "ORG", "NAME")
_PLAN_WORDS = ("planlaşdırılır", "planlaşdırılıb", "nəzərdə", "gözlənilir", "gözlənilən")
_CLAUSE_BREAKS = ("ki", ":", ";")
_POSTPOSITIONS = frozenset(
    "yanında nəzdində tabeliyində üzrə haqqında barədə üçün arasında çərçivəsində ərzində sonra qədər kimi dair "
    "görə qarşı tərəfindən ilə ilə bağlı kimi tərkibində adından adına".split()
)
_VERBAL_NOUN = re.compile(r"m[əa]s[ıi]|m[əa]yi|m[əa]ğı|d[ıi][yğ][ıi]")
_FUTURE_VERB = re.compile(r"[əa]c[əa]k(?:dır|dir|lar|lər)?$|planlaşdırılır$")
_BASE_CONFIDENCE = {"verb": 0.85, "light": 0.85, "noun": 0.6}


@dataclass(slots=True)
class _Context:
    """What a document has said so far, for coreference across sentences."""
    people: list[Mention]  # persons by recency (last mentioned last)
    last_agent: Mention | None = None


def find_events(text: str, entities: list[Entity], published: str | None = None) -> list[Event]:
    """Events in normalized `text`, with arguments from `entities` (offsets into `text`)."""
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    ents = sorted(entities, key=lambda e: e.start)
    ref = _as_date(published)
    dates = _dates(text, ents, ref)
    ctx = _Context(people=[])
    narrative: str | None = None
    out: list[Event] = []
    for s_start, s_end in sentences(text):
        lo = _bisect(starts, s_start)
        hi = _bisect(starts, s_end)
        triggers = find_triggers(text, tokens[lo:hi])
        sent_ents = [e for e in ents if e.start < s_end and e.end > s_start]
        if not triggers and not sent_ents:
            continue
        mentions = find_mentions(text, tokens, lo, hi, sent_ents)
        _resolve(mentions, ctx)
        triggers = [_shift(t, lo) for t in triggers]
        sent_events = []
        for trig in triggers:
            if trig.last + 1 < hi and lower(tokens[trig.last + 1].text) == "kimi":
                continue  # `məlumat verdiyimiz kimi`: "as reported", not an event
            if trig.type == "statement" and re.fullmatch(r"qeyd (?:edilən|olunan)", lower(text[trig.start:trig.end])):
                continue  # `qeyd olunan layihələr`: "the aforementioned", not a statement
            ev = _event(text, tokens, lo, hi, trig, mentions, ctx)
            if ev is not None:
                sent_events.append(ev)
        _share_place(sent_events)
        sent_dates = [d for d in dates if d[0] >= s_start and d[1] <= s_end]
        for ev in sent_events:
            _date(ev, sent_dates)
            ev.sentence = text[s_start:s_end]
            if ev.date is None and narrative is not None and not ev.planned:
                ev.date = narrative  # the report goes on about the day it last named
                ev.attrs["date_source"] = "context"
            elif ev.date is None and ref is not None and not ev.planned:
                ev.date = ref.isoformat()
                ev.attrs["date_source"] = "published"
        days = [d[2] for d in sent_dates if len(d[2]) == 10 and d[3] is None or d[2].startswith("--")]
        if days:
            narrative = days[-1]
        out.extend(sent_events)
        _remember(mentions, sent_events, ctx)
    return out


def _bisect(starts: list[int], pos: int) -> int:
    return bisect.bisect_left(starts, pos)


def _shift(t: Trigger, lo: int) -> Trigger:
    return dataclasses.replace(t, first=t.first + lo, last=t.last + lo)


def _as_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


# ---- participants and coreference -------------------------------------------------------------


def _resolve(mentions: list[Mention], ctx: _Context) -> None:
    """Titles and pronouns to the persons they name; persons remembered with their titles."""
    for m in mentions:
        if m.type == "PER":
            known = next((p for p in reversed(ctx.people) if p.lemma == m.lemma), None)
            if known is not None and not m.title:
                m.title = known.title
            ctx.people = [p for p in ctx.people if p.lemma != m.lemma] + [m]
        elif m.type == "TITLE":
            holder = next((p for p in reversed(ctx.people) if p.title and same_title(m.text, p.title)), None)
            if holder is not None:
                m.lemma, m.resolved = holder.lemma, True
                m.attrs["refers_to"] = holder.lemma
                ctx.people = [p for p in ctx.people if p is not holder] + [holder]
        elif m.type == "PRON" and m.case == NOM and lower(m.text) == "o" and ctx.last_agent is not None:
            m.lemma, m.resolved = ctx.last_agent.lemma, True
            m.attrs["refers_to"] = ctx.last_agent.lemma


def _remember(mentions: list[Mention], events: list[Event], ctx: _Context) -> None:
    agents = [m for m in mentions if m.type in ("PER", "TITLE", "PRON") and m.resolved and m.case == NOM]
    for ev in events:
        for a in ev.arguments:
            if a.role == "agent":
                hit = next((m for m in mentions if m.start == a.start and m.resolved), None)
                if hit is not None and hit.type in ("PER", "TITLE", "PRON"):
                    agents.append(hit)
    if agents:
        ctx.last_agent = max(agents, key=lambda m: m.first) if not events else agents[-1]


# ---- one event ---------------------------------------------------------------------------------


def _event(text: str, tokens: list[Token], lo: int, hi: int, trig: Trigger, mentions: list[Mention],
           ctx: _Context) -> Event | None:
    clause_lo = _clause_start(tokens, lo, trig.first)
    before = [m for m in mentions if clause_lo <= m.first and m.last < trig.first]
    args: list[Argument] = []
    used: set[int] = set()

    def add(role: str, m: Mention) -> None:
        if id(m) in used:
            return
        used.add(id(m))
        args.append(Argument(role, m.text, m.lemma, m.start, m.end))

    word_after = {m.last: lower(tokens[m.last + 1].text) if m.last + 1 < hi else "" for m in mentions}
    for m in before:
        if trig.passive and word_after[m.last] == "tərəfindən" and trig.first - m.last <= 3:
            add("agent", m)  # `X tərəfindən imzalanıb`; not `X tərəfindən yaradılan ... məlumat verilib`
    # `X ilə` / `X və Y arasında`: the other party of a meeting or agreement
    between = [m for m in before if word_after[m.last] in ("arasında",)]
    partners = [m for m in before if (_word_after(tokens, m.last, hi) == "ilə" or m.case == INS)
                and m.type in ACTORS + ("NAME",) and _word_after(tokens, m.last + 1, hi) not in _NOT_PARTNER]
    if between:
        # `X ilə Y arasında`, `X, Y və Z arasında`: every bare name joined by ilə/və/, up to `arasında`
        last = between[-1]
        parties = [m for m in before if m is last or (
            m.case == NOM and m.type in ACTORS + ("NAME",) and m.first > clause_lo - 1 and m.last < last.first
            and _word_after(tokens, m.last, hi) in ("ilə", "və", ","))]
        for k, m in enumerate(parties):
            add("agent" if k == 0 and not _has(args, "agent") else "partner", m)
    ev_type = trig.type
    if ev_type in ("meeting", "agreement", "hosting", "protest"):
        for m in partners[-1:]:
            add("partner", m)
        if not partners and not _has(args, "partner"):
            common = _common_partner(text, tokens, clause_lo, trig, mentions)
            if common is not None:
                args.append(common)
    # agent: the nominative subject
    if not trig.passive and not _has(args, "agent"):
        agent = _subject(tokens, trig, mentions, before, used, hi)
        if agent is not None and trig.kind == "noun" and not trig.possessive and not _predicate(tokens, trig, hi):
            agent = None  # `görüşdə`, `səfər zamanı`: no owner; `səfəri` (her visit) has one
        if agent is not None:
            for m in _coordinated(tokens, mentions, agent, hi):
                add("agent", m)
        elif trig.kind == "noun":
            gen = next((m for m in reversed(before) if m.case == GEN and m.last >= trig.first - 2
                        and m.type in ACTORS), None)
            if gen is not None:
                add("agent", gen)
    objects = [m for m in before if id(m) not in used]
    dest_loc = None
    if ev_type == "visit":
        dest = _nearest(objects, (DAT,)) or (_nearest(objects, (ACC,)) if "ziyarət" in lower(trig_text(text, trig)) else None)
        if dest is not None:
            add("destination", dest)
            dest_loc = dest if dest.type == "LOC" else None
    elif ev_type in ("congratulation", "condolence", "aid"):
        rec = _nearest(objects, (DAT, ACC) if ev_type == "congratulation" else (DAT,),
                       ("PER", "ORG", "LOC", "TITLE", "GROUP", "PRON"))
        if rec is not None:
            for m in _conjuncts(tokens, mentions, rec, lo):
                add("recipient", m)
    elif ev_type in ("award", "appointment"):
        rec = _nearest(objects, (NOM,) if trig.passive else (ACC, DAT), ("PER", "TITLE", "ORG", "GROUP", "PRON"))
        if rec is not None:
            for m in _conjuncts(tokens, mentions, rec, lo):
                add("recipient", m)
    elif ev_type in ("hosting", "accusation", "condemnation", "attack") or (ev_type == "meeting" and trig.needs):
        obj = _nearest(objects, (ACC,) if ev_type != "attack" else (DAT, ACC))
        if obj is not None:
            add("partner" if ev_type in ("hosting", "meeting") else "recipient" if ev_type == "accusation" else "topic", obj)
    if ev_type == "agreement":
        topic = _document(text, tokens, clause_lo, trig)
        if topic is not None:
            args.append(topic[0])
            if topic[1] != "agreement":
                ev_type = topic[1]
    if trig.needs and not _has(args, trig.needs):
        return None
    # what a statement is about often sits in the locative (`Azərbaycanda ... haqqında məlumat verib`)
    place = _place(mentions, trig, used) if ev_type != "statement" else None
    if ev_type == "visit" and place is not None and not _has(args, "destination") and place.case == LOC:
        add("destination", place)  # `Qazaxıstanın Nur-Sultan şəhərində səfərdə olub`
        dest_loc = place
        place = None
    if place is not None:
        add("place", place)
    # pro-drop: a finite active verb with no subject has the last agent's subject
    coref = False
    if (not _has(args, "agent") and not trig.passive and trig.kind != "noun" and not trig.participle
            and ctx.last_agent is not None and ev_type not in ("award", "appointment")):
        a = ctx.last_agent
        args.append(Argument("agent", a.text, a.lemma, -1, -1))
        coref = True
    planned = trig.planned or any(lower(t.text) in _PLAN_WORDS for t in tokens[trig.last + 1:min(hi, trig.last + 4)])
    if not planned and (trig.kind == "noun" or _VERBAL_NOUN.search(lower(tokens[trig.last].text))):
        main = next((t for t in reversed(tokens[trig.last + 1:hi]) if t.is_word), None)
        planned = main is not None and bool(_FUTURE_VERB.search(lower(main.text)))  # `... mükafatlandırılması baş tutacaq`
    conf = _BASE_CONFIDENCE[trig.kind] * (0.85 if coref else 1.0) * (1.0 if args else 0.8)
    ev = Event(ev_type, text[trig.start:trig.end], trig.start, trig.end, args, confidence=round(conf, 3),
               negated=trig.negated, planned=planned)
    ev.attrs["cameo"] = CAMEO.get(ev_type, "")
    ev.attrs["form"] = trig.kind
    if trig.passive:
        ev.attrs["voice"] = "passive"
    if trig.first > lo and lower(tokens[trig.first - 1].text) in ("rəsmi", "işgüzar", "dövlət"):
        ev.attrs["kind"] = lower(tokens[trig.first - 1].text)
    if place is not None:
        ev.place = place.lemma
    elif ev_type == "visit" and dest_loc is not None:
        ev.place = dest_loc.lemma  # a visit to a country or city takes place there
    return ev


def trig_text(text: str, trig: Trigger) -> str:
    return text[trig.start:trig.end]


def _predicate(tokens: list[Token], trig: Trigger, hi: int) -> bool:
    """A noun trigger that ends its clause is its predicate (`nümayəndə heyəti ... səfərdədir`)."""
    nxt = tokens[trig.last + 1] if trig.last + 1 < hi else None
    return nxt is None or nxt.text in (".", ",", ";", "!", "?") or lower(tokens[trig.last].text).endswith(
        ("dır", "dir", "dur", "dür"))


def _has(args: list[Argument], role: str) -> bool:
    return any(a.role == role for a in args)


def _clause_start(tokens: list[Token], lo: int, first: int) -> int:
    """The clause a trigger is in begins after the last `ki`, `:` or `;` before it."""
    for k in range(first - 1, lo - 1, -1):
        if lower(tokens[k].text) in _CLAUSE_BREAKS:
            return k + 1
    return lo


def _subject(tokens: list[Token], trig: Trigger, mentions: list[Mention], before: list[Mention], used: set[int],
             hi: int) -> Mention | None:
    if _VERBAL_NOUN.search(lower(tokens[trig.last].text)):
        # `parlamentinin ... münasibət bildirməsi`: a verbal noun's subject is genitive
        return next((m for m in reversed(before) if m.case == GEN and m.type in ACTORS and id(m) not in used), None)
    if trig.participle:
        # `vurğulayan Sahibə Qafarova bildirib`: the participle's subject is the noun it modifies
        return next((m for m in mentions if m.first == trig.last + 1 and m.case == NOM and m.type in ACTORS), None)
    cands = []
    for m in before:
        if id(m) in used or m.case != NOM or m.type not in ACTORS or m.attrs.get("in_parens"):
            continue
        if _is_modifier(tokens, m, mentions, hi):
            continue
        if m.last + 1 < hi and lower(tokens[m.last + 1].text) in _POSTPOSITIONS:
            continue  # `Prezidenti yanında`, `Mərkəzi nəzdində`: not the subject
        if m.type == "LOC" and any(x.type in ("PER", "TITLE", "PRON", "ORG") and x.case == NOM and id(x) not in used
                                   for x in before if x is not m):
            continue  # a country beside a person or organisation is rarely the doer
        cands.append(m)
    # a named person (or a title or pronoun for one) is the doer before an organisation in its name
    for types in (("PER", "TITLE", "PRON"), ("GROUP",), ACTORS):
        hit = next((m for m in cands if m.type in types), None)
        if hit is not None:
            return hit
    return None


_NOT_PARTNER = ("yanaşı", "bağlı", "əlaqədar")
_ABSTRACT_INS = re.compile(r"(?:l[ıiuü][ğyq][ıiuü]|dəstəyi|məqsədi|köməyi|vasitəsi|iştirakı|əsasında)$")


def _common_partner(text: str, tokens: list[Token], clause_lo: int, trig: Trigger,
                    mentions: list[Mention]) -> Argument | None:
    """`rəhbər vəzifəli şəxsləri ilə`, `investorlarla`: a partner without a name, the noun before
    `ilə` (or with -la/-lə) nearest the trigger; abstract nouns (`dəstəyi ilə`) are manners, not parties."""
    for k in range(trig.first - 1, clause_lo - 1, -1):
        w = lower(tokens[k].text)
        if w == "ilə" and k > clause_lo and tokens[k - 1].is_word:
            head = k - 1
        elif tokens[k].is_word and re.search(r"l[əa]rl[əa]$", w):
            head = k
        else:
            continue
        hw = lower(tokens[head].text)
        if _ABSTRACT_INS.search(hw) or (k + 1 < len(tokens) and lower(tokens[k + 1].text) in _NOT_PARTNER):
            return None
        if any(m.first <= head <= m.last for m in mentions):
            return None  # a named partner was there and is taken by another role
        start = head
        while start - 1 >= clause_lo and tokens[start - 1].is_word and start > head - 3 and \
                lower(tokens[start - 1].text) not in ("və", "ki") and not tokens[start - 1].text[:1].isupper():
            start -= 1
        span = text[tokens[start].start:tokens[head].end]
        return Argument("partner", span, span, tokens[start].start, tokens[head].end)
    return None


def _word_after(tokens: list[Token], k: int, hi: int) -> str:
    """The word after token k, skipping a parenthesis: `Mərkəzi (EHİM) ilə` → `ilə`."""
    j = k + 1
    if j < hi and tokens[j].text == "(":
        while j < hi and tokens[j].text != ")":
            j += 1
        j += 1
    return lower(tokens[j].text) if j < hi else ""


def _is_modifier(tokens: list[Token], m: Mention, mentions: list[Mention], hi: int) -> bool:
    """A bare name before another noun modifies it (`Qazaxıstan Parlamenti`, `Azərbaycan nümayəndə
    heyəti`); persons, titles and pronouns head their phrase."""
    if m.type in ("PER", "TITLE", "PRON", "GROUP") or m.last + 1 >= hi:
        return False
    nxt = tokens[m.last + 1]
    if not nxt.is_word:
        return False
    following = next((x for x in mentions if x.first == m.last + 1), None)
    if following is not None:
        return following.type in ("TITLE", "GROUP") or following.case in (NOM, GEN)
    return nxt.text[:1].isupper()


def _coordinated(tokens: list[Token], mentions: list[Mention], m: Mention, hi: int) -> list[Mention]:
    """`X və Y` (also `X, Y və Z`): the mentions joined to m after it."""
    out = [m]
    cur = m
    if m.type == "PRON":
        return out
    while cur.last + 2 < hi and lower(tokens[cur.last + 1].text) in ("və", ","):
        nxt = next((x for x in mentions if x.first == cur.last + 2), None)
        if nxt is None or nxt.case != m.case or nxt.type not in ACTORS:
            break
        out.append(nxt)
        cur = nxt
    return out


def _conjuncts(tokens: list[Token], mentions: list[Mention], m: Mention, lo: int) -> list[Mention]:
    """`X və Y` ending in m (the case sits on the last conjunct or on each): X, Y in order."""
    out = [m]
    while True:
        j = out[0].first - 1
        prev = next((x for x in mentions if x.last == j - 1), None)
        if j <= lo or lower(tokens[j].text) not in ("və", ",") or prev is None or prev.type not in ACTORS:
            return out
        out.insert(0, prev)


def _nearest(cands: list[Mention], cases: tuple[str, ...], types: tuple[str, ...] | None = None) -> Mention | None:
    for m in reversed(cands):
        if m.case in cases and (types is None or m.type in types):
            return m
    return None


def _place(mentions: list[Mention], trig: Trigger, used: set[int]) -> Mention | None:
    best = None
    for m in mentions:
        if id(m) in used or m.case not in (LOC, ADJ) or m.type not in _PLACES or m.attrs.get("in_parens"):
            continue
        if (m.case == ADJ or m.type == "NAME") and trig.type not in ("visit", "hosting"):
            continue  # `Azərbaycandakı səfiri`: where a person serves, not where the event was
        if best is None or abs(m.first - trig.first) < abs(best.first - trig.first):
            best = m
    return best


_DOC_ENDING = re.compile(r"^(?:l[əa]r)?(?:[ıiuü]|s[ıiuü]|[ıiuü]n)?(?:n?[ıiuü]n|n?[ıiuü]|n?[əa]|n?d[əa])?$")


def _document(text: str, tokens: list[Token], clause_lo: int, trig: Trigger) -> tuple[Argument, str] | None:
    """What was signed: the nearest document noun before the trigger, with a quoted or capitalized
    name before it (`“Anlaşma Memorandumu”`, `Əməkdaşlıq haqqında Saziş`)."""
    docs = documents()
    order = list(range(trig.first - 1, max(clause_lo, trig.first - 40) - 1, -1))
    if trig.participle or lower(tokens[trig.last].text).endswith(("an", "ən", "acaq", "əcək")):
        order = [trig.last + 1] + order  # `imzalanacaq memorandum`
    for k in order:
        if k >= len(tokens) or not tokens[k].is_word:
            continue
        w = lower(tokens[k].text)
        for stem, type_ in docs.items():
            head = stem.split()[-1]
            if w.startswith(head) and _DOC_ENDING.match(w[len(head):]):
                start_k = k
                if k > clause_lo and tokens[k - 1].text in ("”", "»", "\""):
                    j = k - 2
                    while j > clause_lo and tokens[j].text not in ("“", "«", "\"", "„"):
                        j -= 1
                    start_k = j
                else:
                    j = k - 1
                    while j >= clause_lo and tokens[j].is_word and tokens[j].text[:1].isupper() and j >= k - 5:
                        start_k = j
                        j -= 1
                span = text[tokens[start_k].start:tokens[k].end]
                return Argument("topic", span, span, tokens[start_k].start, tokens[k].end), type_
    return None


def _share_place(events: list[Event]) -> None:
    """A visit's destination is where the sentence's other events happened: `Qazaxıstana səfəri
    çərçivəsində ... görüşüb` puts the meeting in Qazaxıstan."""
    dests = [a for ev in events if ev.type == "visit" for a in ev.arguments if a.role == "destination"]
    if not dests:
        return
    for ev in events:
        if ev.type != "visit" and ev.place is None:
            ev.place = dests[0].lemma
            ev.attrs["place_from"] = "visit"


# ---- dates -------------------------------------------------------------------------------------


def _dates(text: str, ents: list[Entity], ref: dt.date | None) -> list[tuple[int, int, str, str | None]]:
    """(start, end, iso, iso_end) of the date expressions in the text. DATE entities with an `iso`
    attribute are used as given; otherwise `xeber.text.dates` finds them. Without a reference year a
    day and month come out as `--MM-DD` (ISO 8601 without the year)."""
    given = [(e.start, e.end, str(e.attrs["iso"]), e.attrs.get("iso_end")) for e in ents
             if e.type == "DATE" and e.attrs.get("iso")]
    if given:
        return given
    out = []
    for d in scan_dates(text, ref, keep_unresolved=True):
        if d.iso:
            out.append((d.start, d.end, d.iso, d.iso_end))
            continue
        probe = scan_dates(d.text, dt.date(2001, 6, 15))  # any year: only month and day are kept
        if probe and len(probe[0].iso) == 10:
            out.append((d.start, d.end, "--" + probe[0].iso[5:], None))
    return out


def _date(ev: Event, sent_dates: list[tuple[int, int, str, str | None]]) -> None:
    if not sent_dates:
        return
    before = [d for d in sent_dates if d[1] <= ev.start]
    d = before[-1] if before else sent_dates[0]
    ev.date = d[2]
    if d[3]:
        ev.attrs["date_end"] = d[3]


__all__ = ["AggregatedEvent", "CAMEO", "aggregate_events", "event_key", "find_events", "timeline"]
