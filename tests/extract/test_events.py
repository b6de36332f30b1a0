"""Event extraction on sentences written for these tests, and on the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from xeber.document import Argument, Event
from xeber.extract.events import aggregate_events, event_key, find_events, timeline
from xeber.extract.triggers import find_triggers
from xeber.normalize import normalize
from xeber.text.casing import fold
from xeber.text.tokenize import tokenize

from .event_helpers import entities_for

# (text, expected [(type, trigger, negated, planned, passive)])
TRIGGERS = [
    ("Nazir görüşüb.", [("meeting", "görüşüb", False, False, False)]),
    ("Nazir görüşmüşdür.", [("meeting", "görüşmüşdür", False, False, False)]),
    ("Görüş keçirilib.", [("meeting", "Görüş keçirilib", False, False, True)]),
    ("Prezident səfər edib.", [("visit", "səfər edib", False, False, False)]),
    ("Onlar abidəni ziyarət ediblər.", [("visit", "ziyarət ediblər", False, False, False)]),
    ("Saziş imzalanıb.", [("agreement", "imzalanıb", False, False, True)]),
    ("Sədr təbrik edib.", [("congratulation", "təbrik edib", False, False, False)]),
    ("O, təbriklərini çatdırıb.", [("congratulation", "təbriklərini çatdırıb", False, False, False)]),
    ("Nazir başsağlığı verib.", [("condolence", "başsağlığı verib", False, False, False)]),
    ("O, direktor təyin edilib.", [("appointment", "təyin edilib", False, False, True)]),
    ("Nazir sabah görüşməyəcək.", [("meeting", "görüşməyəcək", True, True, False)]),
    ("Prezident Türkiyəyə səfər edəcək.", [("visit", "səfər edəcək", False, True, False)]),
    ("Müəllim mükafatlandırılıb.", [("award", "mükafatlandırılıb", False, False, True)]),
    ("Tələbələr etiraz aksiyası keçirib.", [("protest", "aksiyası keçirib", False, False, False)]),
    ("Kənd atəşə tutulub.", [("attack", "atəşə tutulub", False, False, True)]),
    ("Sənəd imzalanmayıb.", [("agreement", "imzalanmayıb", True, False, True)]),
    # speaking on the telephone is a meeting, speaking alone a statement
    ("Prezidentlər telefonla danışıblar.", [("meeting", "telefonla danışıblar", False, False, False)]),
    ("Nazir layihədən danışıb.", [("statement", "danışıb", False, False, False)]),
    # not triggers: mobilisation, mutual, notifications, "is not"
    ("Səfərbərlik elan olunub, qarşılıqlı bildirişlər göndərilib, bu deyil.", []),
]


@pytest.mark.parametrize(("text", "expected"), TRIGGERS)
def test_triggers(text: str, expected: list[tuple[str, str, bool, bool, bool]]) -> None:
    got = [(t.type, text[t.start:t.end], t.negated, t.planned, t.passive) for t in find_triggers(text, tokenize(text))]
    assert got == expected


def _roles(ev: Event) -> set[tuple[str, str]]:
    return {(a.role, a.lemma) for a in ev.arguments}


SENTENCES = [
    (
        "Xarici işlər naziri Ceyhun Bayramov Bakıda Fransanın səfiri Anna Dübua ilə görüşüb.",
        [("PER", "Ceyhun Bayramov"), ("PER", "Anna Dübua"), ("LOC", "Bakıda", "Bakı"), ("LOC", "Fransanın", "Fransa")],
        "meeting", {("agent", "Ceyhun Bayramov"), ("partner", "Anna Dübua"), ("place", "Bakı")}, "Bakı",
    ),
    (
        "Prezident İlham Əliyev Türkiyəyə rəsmi səfər edəcək.",
        [("PER", "İlham Əliyev"), ("LOC", "Türkiyəyə", "Türkiyə")],
        "visit", {("agent", "İlham Əliyev"), ("destination", "Türkiyə")}, "Türkiyə",
    ),
    (
        "Nazir Rəşad Nəbiyev Gürcüstana başsağlığı verib.",
        [("PER", "Rəşad Nəbiyev"), ("LOC", "Gürcüstana", "Gürcüstan")],
        "condolence", {("agent", "Rəşad Nəbiyev"), ("recipient", "Gürcüstan")}, None,
    ),
    (
        "Agentlik ilə Universitet arasında Anlaşma Memorandumu imzalanıb.",
        [("ORG", "Agentlik"), ("ORG", "Universitet")],
        "agreement", {("agent", "Agentlik"), ("partner", "Universitet"), ("topic", "Anlaşma Memorandumu")}, None,
    ),
    (
        "Tədbirdə Fərid Osmanov Agentliyin sədri tərəfindən mükafatlandırılıb.",
        [("PER", "Fərid Osmanov"), ("ORG", "Agentliyin", "Agentlik")],
        "award", {("recipient", "Fərid Osmanov"), ("agent", "Agentliyin sədri")}, None,
    ),
]


@pytest.mark.parametrize(("text", "spec", "type_", "roles", "place"), SENTENCES)
def test_roles_from_case_grammar(text: str, spec: list[tuple[str, ...]], type_: str, roles: set[tuple[str, str]],
                                 place: str | None) -> None:
    ents = entities_for(text, [(s[1], s[0], s[2] if len(s) > 2 else s[1]) for s in spec])
    events = [e for e in find_events(text, ents) if e.type == type_]
    assert len(events) == 1
    assert _roles(events[0]) == roles
    assert events[0].place == place


def test_planned_and_negated_flags() -> None:
    text = "Nazir Səməd Qasımov sabah səfir ilə görüşməyəcək."
    (ev,) = find_events(text, entities_for(text, [("Səməd Qasımov", "PER", "Səməd Qasımov")]))
    assert (ev.type, ev.negated, ev.planned) == ("meeting", True, True)


def test_coreference_of_pronoun_and_title() -> None:
    text = ("Milli Məclisin sədri Əli Həsənov Bakıda Gürcüstan parlamentinin sədri Nino Beridze ilə görüşüb. "
            "O, əlaqələrin inkişafını qeyd edib. Parlamentin sədri Azərbaycana təbriklərini çatdırıb.")
    ents = entities_for(text, [("Milli Məclisin", "ORG", "Milli Məclis"), ("Əli Həsənov", "PER", "Əli Həsənov"),
                               ("Bakıda", "LOC", "Bakı"), ("Nino Beridze", "PER", "Nino Beridze"),
                               ("Gürcüstan parlamentinin", "ORG", "Gürcüstan parlamenti"),
                               ("Azərbaycana", "LOC", "Azərbaycan")])
    events = find_events(text, ents, "2023-05-04")
    assert [(e.type, e.date) for e in events] == [
        ("meeting", "2023-05-04"), ("statement", "2023-05-04"), ("congratulation", "2023-05-04")]
    assert ("agent", "Əli Həsənov") in _roles(events[1])  # O, → the last agent
    assert _roles(events[2]) == {("agent", "Nino Beridze"), ("recipient", "Azərbaycan")}  # the holder of the title


def test_date_from_sentence_resolved_against_publication() -> None:
    text = "Nazir Səməd Qasımov dekabrın 28-də Paris şəhərinə səfər edib."
    ents = entities_for(text, [("Səməd Qasımov", "PER", "Səməd Qasımov")])
    assert find_events(text, ents, "2024-01-03")[0].date == "2023-12-28"
    assert find_events(text, ents)[0].date == "--12-28"  # no year known: ISO 8601 month-day


def _ev(type_: str, date: str, **roles: str) -> Event:
    return Event(type_, "t", 0, 1, [Argument(r, v, v) for r, v in roles.items()], date=date)


def test_aggregation_and_timeline() -> None:
    pairs = [
        ("a", _ev("meeting", "2021-09-29", agent="Sahibə Qafarova", partner="Maulen Aşimbayev")),
        ("b", _ev("meeting", "2021-09-29", agent="Maulen Aşimbayev", partner="Sahibe Qafarova")),
        ("b", _ev("visit", "2021-09-28", agent="Sahibə Qafarova", destination="Qazaxıstan")),
        ("c", _ev("meeting", "2021-10-02", agent="Ceyhun Bayramov", partner="Anna Dübua")),
    ]
    assert event_key(pairs[0][1]) == event_key(pairs[1][1])
    aggs = aggregate_events(pairs)
    assert [(g.type, g.date, g.doc_ids) for g in aggs] == [
        ("visit", "2021-09-28", ["b"]), ("meeting", "2021-09-29", ["a", "b"]), ("meeting", "2021-10-02", ["c"])]
    assert aggs[1].confidence == 1.0
    assert [(g.type, g.date) for g in timeline("Sahibə Qafarova", pairs)] == [
        ("visit", "2021-09-28"), ("meeting", "2021-09-29")]
    assert timeline("Qazaxıstan", aggs)[0].type == "visit"


# Entities a recogniser finds in the seed article (surface, type, lemma): input for event extraction.
SEED_ENTITIES = [
    ("Sahibə Qafarova", "PER", "Sahibə Qafarova"), ("Maulen Aşimbayev", "PER", "Maulen Aşimbayev"),
    ("Aygul Kuspan", "PER", "Aygul Kuspan"), ("Milli Məclisin", "ORG", "Milli Məclis"),
    ("Qazaxıstan Parlamenti Senatının", "ORG", "Qazaxıstan Parlamenti Senatı"), ("Senatın", "ORG", "Senat"),
    ("AZERTAC", "ORG", "AZERTAC"), ("TÜRKPA", "ORG", "TÜRKPA"), ("TÜRKPA-nın", "ORG", "TÜRKPA"),
    ("Qazaxıstana", "LOC", "Qazaxıstan"), ("Azərbaycana", "LOC", "Azərbaycan"), ("Azərbaycanı", "LOC", "Azərbaycan"),
    ("Qazaxıstanı", "LOC", "Qazaxıstan"), ("Azərbaycanın", "LOC", "Azərbaycan"), ("Nur-Sultandakı", "LOC", "Nur-Sultan"),
    ("Qazaxıstan Parlamenti Məclisinin", "ORG", "Qazaxıstan Parlamenti Məclisi"),
    ("Vətən müharibəsində", "EVENT", "Vətən müharibəsi"),
]


def _seed_events(seed_text: str, published: str | None) -> list[Event]:
    text = normalize(seed_text).text
    return find_events(text, entities_for(text, SEED_ENTITIES), published)


def _has(ev: Event, role: str, lemma: str) -> bool:
    return any(a.role == role and fold(a.lemma) == fold(lemma) for a in ev.arguments)


def test_seed_article(seed_text: str) -> None:
    events = _seed_events(seed_text, None)
    meeting = next(e for e in events if e.type == "meeting" and _has(e, "partner", "Maulen Aşimbayev"))
    assert _has(meeting, "agent", "Sahibə Qafarova")
    assert meeting.date == "--09-29"
    assert fold(meeting.place or "") == fold("Qazaxıstan")
    visit = next(e for e in events if e.type == "visit" and _has(e, "destination", "Qazaxıstan"))
    assert _has(visit, "agent", "Sahibə Qafarova")
    assert visit.attrs.get("kind") == "rəsmi"  # rəsmi səfər: an official visit
    congrats = [e for e in events if e.type == "congratulation"]
    assert len(congrats) == 1
    assert _has(congrats[0], "agent", "Maulen Aşimbayev") and _has(congrats[0], "recipient", "Azərbaycan")
    monument = next(e for e in events if e.type == "visit" and e.place == "Nur-Sultan")
    assert _has(monument, "agent", "Sahibə Qafarova")
    assert any(a.role == "destination" and "Astana-Bayterek" in a.lemma for a in monument.arguments)
    (escort,) = [e for e in events if e.type == "hosting"]
    assert _has(escort, "agent", "Aygul Kuspan") and _has(escort, "partner", "nümayəndə heyəti")
    assert not any(e.negated or e.planned for e in events)


def test_seed_article_dates_with_publication(seed_text: str) -> None:
    events = _seed_events(seed_text, "2021-09-30")
    meeting = next(e for e in events if e.type == "meeting" and _has(e, "partner", "Maulen Aşimbayev"))
    assert meeting.date == "2021-09-29"


def test_shared_dir_layout(seed_path: Path) -> None:
    assert seed_path.name.endswith(".txt")
