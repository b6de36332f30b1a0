"""A small store of our own example news (written for these tests), with known corrections,
entities and events, analyzed with a fixed lemmatizer so that results do not move when the
morphology's lexicon grows."""

from __future__ import annotations

from pathlib import Path

from xeber.document import Argument, Document, Entity, Event
from xeber.search.analyzer import index_fields
from xeber.store.sqlite import SQLiteStore
from xeber.text.casing import lower
from xeber.text.edits import Edit

LEMMAS = {
    "qazaxıstana": "qazaxıstan", "qazaxıstanın": "qazaxıstan", "qazaxıstan": "qazaxıstan",
    "səfərə": "səfər", "səfərindən": "səfər", "səfəri": "səfər", "səfər": "səfər", "soyqırımının": "soyqırım",
    "soyqırım": "soyqırım", "prezidenti": "prezident", "məclisin": "məclis", "bakıda": "bakı",
    "təsərrüfatı": "təsərrüfat", "subsidiyaların": "subsidiya", "iclasında": "iclas",
}


def lemmatize(word: str) -> str:
    return LEMMAS.get(lower(word), lower(word))


def _entity(text: str, surface: str, etype: str, lemma: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(start, start + len(surface), surface, etype, lemma)


def documents() -> list[Document]:
    a_text = (
        "Milli Məclisin sədri Sahibə Qafarova Qazaxıstana rəsmi səfərə yola düşüb. Səfər çərçivəsində "
        "Astanada Senatın sədri ilə görüş keçiriləcək. Qazaxıstanın paytaxtında iki ölkə arasında "
        "parlamentlərarası əlaqələr müzakirə olunacaq."
    )
    a = Document(text=a_text, title="Milli Məclisin sədri Qazaxıstana rəsmi səfərə yola düşüb",
                 published="2023-09-28", source="https://azertac.az/news/1", url="https://azertac.az/news/1", meta={"outlet": "azertac.az"}, language="az")
    a.entities = [
        _entity(a_text, "Sahibə Qafarova", "PER", "Sahibə Qafarova"),
        _entity(a_text, "Qazaxıstana", "LOC", "Qazaxıstan"),
        _entity(a_text, "Astanada", "LOC", "Astana"),
    ]
    a.events = [Event("visit", "səfərə", a_text.index("səfərə"), a_text.index("səfərə") + 6,
                      [Argument("agent", "Sahibə Qafarova", "Sahibə Qafarova")], "2023-09-28", "Qazaxıstan",
                      "Milli Məclisin sədri Sahibə Qafarova Qazaxıstana rəsmi səfərə yola düşüb.")]

    b_text = (
        "Bakıda Xocalı soyqırımının otuzuncu ildönümü ilə bağlı anım tədbiri keçirilib. Tədbirdə "
        "soyqırım qurbanlarının xatirəsi bir dəqiqəlik sükutla yad edilib."
    )
    b = Document(text=b_text, title="Xocalı soyqırımının ildönümü ilə bağlı anım tədbiri keçirilib",
                 published="2022-02-26", source="https://report.az/news/2", url="https://report.az/news/2", meta={"outlet": "report.az"}, language="az")
    b.entities = [_entity(b_text, "Bakıda", "LOC", "Bakı"), _entity(b_text, "Xocalı", "LOC", "Xocalı")]

    c_text = (
        "Prezident İlham Əliyev Qazaxıstan Prezidenti Kasım-Jomart Tokayev ilə telefonla danışıb. "
        "Söhbət zamanı Sahibə Qafarova başda olmaqla nümayəndə heyətinin səfəri də qeyd edilib."
    )
    c = Document(text=c_text, title="İlham Əliyev Qazaxıstan Prezidenti ilə telefonla danışıb",
                 published="2023-10-05", source="https://azertac.az/news/3", url="https://azertac.az/news/3", meta={"outlet": "azertac.az"}, language="az")
    c.entities = [
        _entity(c_text, "İlham Əliyev", "PER", "İlham Əliyev"),
        _entity(c_text, "Qazaxıstan", "LOC", "Qazaxıstan"),
        _entity(c_text, "Kasım-Jomart Tokayev", "PER", "Kasım-Jomart Tokayev"),
        _entity(c_text, "Sahibə Qafarova", "PER", "Sahibə Qafarova"),
    ]
    c.events = [Event("meeting", "telefonla danışıb", c_text.index("telefonla"), c_text.index("danışıb") + 7,
                      [Argument("agent", "İlham Əliyev", "İlham Əliyev")], "2023-10-05", None,
                      "Prezident İlham Əliyev Qazaxıstan Prezidenti Kasım-Jomart Tokayev ilə telefonla danışıb.")]

    # the original has OCR errors: 'l' for 'ı' and a word broken by a hyphen at a line end
    d_text = (
        "Nazirlər Kabinetinin iclasında kənd təsərrüfatl məsələləri müzakirə olunub. İclasda fermer-\n"
        "lərə subsidiyaların verilməsi qaydası təsdiqlənib."
    )
    d = Document(text=d_text, title="Nazirlər Kabinetinin iclasında kənd təsərrüfatı müzakirə olunub",
                 published="2021-05-14", source="https://report.az/news/4", url="https://report.az/news/4", meta={"outlet": "report.az"}, language="az")
    i = d_text.index("təsərrüfatl")
    j = d_text.index("-\nlərə")
    d.set_edits([
        Edit(i, i + 11, "təsərrüfatl", "təsərrüfatı", "spelling", 0.9),
        Edit(j, j + 2, "-\n", "", "hyphenation", 0.95),
    ])
    body = d.body
    d.entities = [_entity(body, "Nazirlər Kabinetinin", "ORG", "Nazirlər Kabineti")]
    return [a, b, c, d]


def build_store(path: Path | str) -> tuple[SQLiteStore, dict[str, str]]:
    """A store with the example documents; returns it and {letter: document id}."""
    store = SQLiteStore(path)
    ids = {}
    for letter, doc in zip("abcd", documents(), strict=True):
        store.put(doc, index_fields(doc.title, doc.body, lemmatize))
        ids[letter] = doc.id
    return store, ids
