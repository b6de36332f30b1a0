import pytest

from xeber.text.casing import capitalize, fold, is_all_caps, lower, match_case, upper


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("İLHAM ƏLİYEV", "ilham əliyev"),
        ("QAZAXISTAN", "qazaxıstan"),
        ("İstanbul", "istanbul"),
        ("I", "ı"),
        ("TÜRKPA-NIN", "türkpa-nın"),
        ("ÇÖRƏK ŞƏKİ ĞÜ", "çörək şəki ğü"),
        ("i\u0307stiqamət", "istiqamət"),  # a stray combining dot from Python's 'İ'.lower()
    ],
)
def test_lower_follows_azerbaijani_rules(text: str, expected: str) -> None:
    assert lower(text) == expected
    assert "\u0307" not in lower(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("istiqamət", "İSTİQAMƏT"), ("qazaxıstan", "QAZAXISTAN"), ("şəki", "ŞƏKİ"), ("ıi", "Iİ")],
)
def test_upper_follows_azerbaijani_rules(text: str, expected: str) -> None:
    assert upper(text) == expected


def test_round_trip_lower_upper() -> None:
    word = "İqtisadiyyatı"
    assert upper(lower(word)) == "İQTİSADİYYATI"
    assert lower(upper("ağızlı işıq")) == "ağızlı işıq"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qazaxıstanın", "qazaxistanin"),
        ("ƏLİYEV", "eliyev"),
        ("şəhər küçəsi ağac öğrənci", "seher kucesi agac ogrenci"),
        ("Xocalı soyqırımı", "xocali soyqirimi"),
        ("café", "cafe"),
    ],
)
def test_fold_removes_azerbaijani_diacritics(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_matches_typed_without_azerbaijani_letters() -> None:
    assert fold("qazaxistan") == fold("Qazaxıstan") == fold("QAZAXISTAN")


def test_capitalize_and_match_case() -> None:
    assert capitalize("istanbul") == "İstanbul"
    assert capitalize("ILHAM") == "Ilham"
    assert match_case("TÜRKPA", "türkpa") == "TÜRKPA"
    assert match_case("Qəlebə", "qələbə") == "Qələbə"
    assert match_case("danışib", "danışıb") == "danışıb"
    assert is_all_caps("AZERTAC") and not is_all_caps("Azertac") and not is_all_caps("A")
