import pytest

from xeber.text.tokenize import sentences, tokenize

CASES = {
    "suffixed numbers": ("sentyabrın 29-da, 10-cu plenar, 2023-cü il", ["sentyabrın", "29-da", ",", "10-cu", "plenar", ",", "2023-cü", "il"]),
    "hyphenated names": ("TÜRKPA-nın Nur-Sultan AZƏRTAC-ın", ["TÜRKPA-nın", "Nur-Sultan", "AZƏRTAC-ın"]),
    "quoted names": ("“Astana-Bayterek” abidəsi", ["“", "Astana-Bayterek", "”", "abidəsi"]),
    "decimals and dates": ("5,7 milyon manat 05.03.2026", ["5,7", "milyon", "manat", "05.03.2026"]),
    "abbreviations": ("kitablar, jurnallar və s. oxuyur", ["kitablar", ",", "jurnallar", "və", "s.", "oxuyur"]),
    "initials": ("N. Məmmədov gəldi", ["N.", "Məmmədov", "gəldi"]),
    "dotted abbreviation": ("e.ə. IV əsr", ["e.ə.", "IV", "əsr"]),
    "apostrophe": ("Bakı'da qaldı", ["Bakı'da", "qaldı"]),
    "url and email": ("bax https://azertac.az/xeber/1. yaz info@xeber.az", ["bax", "https://azertac.az/xeber/1", ".", "yaz", "info@xeber.az"]),
    "line-end hyphen stays apart": ("Qaza-\n\nxistana", ["Qaza", "-", "xistana"]),
    "alphanumeric": ("COVID-19 pandemiyası", ["COVID-19", "pandemiyası"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_tokens(name: str) -> None:
    text, expected = CASES[name]
    assert [t.text for t in tokenize(text)] == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_offsets_round_trip(name: str) -> None:
    text, _ = CASES[name]
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


def test_kinds() -> None:
    kinds = {t.text: t.kind for t in tokenize("29-da N. https://x.az söz , 5,7")}
    assert kinds == {"29-da": "number", "N.": "abbrev", "https://x.az": "url", "söz": "word", ",": "punct", "5,7": "number"}


def test_offsets_round_trip_on_seed(seed_text: str) -> None:
    toks = tokenize(seed_text)
    assert len(toks) > 400
    assert all(seed_text[t.start : t.end] == t.text for t in toks)
    # nothing but white space falls between tokens
    last = 0
    for t in toks:
        assert seed_text[last : t.start].strip() == ""
        last = t.end


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_sentences_split_on_marks_and_blank_lines() -> None:
    text = "Birinci cümlə. İkinci cümlə! Üçüncü?\n\nBaşlıqsız abzas\n\nSon."
    assert _sents(text) == ["Birinci cümlə.", "İkinci cümlə!", "Üçüncü?", "Başlıqsız abzas", "Son."]


def test_sentences_keep_abbreviations_initials_and_quotes() -> None:
    text = "Dr. N. Məmmədov çıxış etdi. O dedi: “Hər şey yaxşıdır.” Sonra e.ə. IV əsrdən danışdı."
    assert _sents(text) == [
        "Dr. N. Məmmədov çıxış etdi.",
        "O dedi: “Hər şey yaxşıdır.”",
        "Sonra e.ə. IV əsrdən danışdı.",
    ]


def test_sentences_end_after_ve_s() -> None:
    assert _sents("Kitab, jurnal və s. Sonra getdi.") == ["Kitab, jurnal və s.", "Sonra getdi."]


def test_sentence_does_not_end_inside_a_number() -> None:
    assert _sents("Qiymət 5.7 faiz artıb. Bu 05.03.2026 tarixində olub.") == [
        "Qiymət 5.7 faiz artıb.",
        "Bu 05.03.2026 tarixində olub.",
    ]
