"""xeber.normalize.address: slips inside web and mail addresses."""

from __future__ import annotations

import pytest

from xeber.normalize import Normalizer
from xeber.normalize.address import address_edits
from xeber.text.edits import apply_edits


def repaired(text: str) -> str:
    return apply_edits(text, address_edits(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Portala (www.e-goy.az) daxil olun.", "Portala (www.e-gov.az) daxil olun."),  # gov before the last
        ("Sorğu: sorgu@nazirlik.gov.arz ünvanına.", "Sorğu: sorgu@nazirlik.gov.az ünvanına."),  # the last label
        ("Sayt wwww.misal.az açılıb.", "Sayt www.misal.az açılıb."),
        ("Video: https://www.youlube.com/watch?v=Ab1", "Video: https://www.youtube.com/watch?v=Ab1"),
        ("Tətbiq: https://əpps.apple.com/az/app/misal", "Tətbiq: https://apps.apple.com/az/app/misal"),
        ("Keçid: https://misal.az/details?ıd=12", "Keçid: https://misal.az/details?id=12"),  # no address has ı
        # a label the document's other addresses write, twice at least
        ("bilgi.misal.az, bilgi.misal.az və bilqi.misal.az", "bilgi.misal.az, bilgi.misal.az və bilgi.misal.az"),
    ],
)
def test_address_slips_are_repaired(text: str, expected: str) -> None:
    assert repaired(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Portal www.govt.nz və www.gov.za, www.gob.mx ünvanlarıdır.",  # other countries' conventions
        "Sayt turkiye.gov.tt deyil, amma .tt da bir ölkənin domenidir.",  # a two-letter last label
        "Bu il.az sonra, e.ə. 3-cü əsrdə, s.a. və b. yazılıb.",  # no address
        "Keçid: https://misal.az/plan/store?v=txYbVe0Dlx",  # a path keeps its words
        "azertag.az və azertac.az",  # two labels one edit apart, each written once
    ],
)
def test_what_is_no_slip_stays(text: str) -> None:
    assert repaired(text) == text


def test_the_normalizer_repairs_addresses_with_offsets_into_the_original() -> None:
    text = "Müraciət icaze.e-goiv.az portalı ilə, sual üçün info@misal.gov.laz ünvanı."
    result = Normalizer.build(use_local_lm=False).normalize(text)
    assert result.text == "Müraciət icaze.e-gov.az portalı ilə, sual üçün info@misal.gov.az ünvanı."
    assert [(text[e.start:e.end], e.replacement) for e in result.edits] == [("goiv", "gov"), ("laz", "az")]


def test_a_mailbox_name_is_no_host() -> None:
    # the part before @ is the owner's to spell: only the host after it is repaired
    assert repaired("Yazın: yutube@misal.gov.arz") == "Yazın: yutube@misal.gov.az"
