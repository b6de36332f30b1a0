import pytest

from xeber.document import Document, content_id
from xeber.text.edits import Edit, OffsetMap, apply_edits, compose

TEXT = "Qaza-\n\nxistana səfər edib"


def test_apply_edits() -> None:
    edits = [Edit(4, 7, "-\n\n", "", "hyphenation", 0.9), Edit(15, 20, "səfər", "SƏFƏR", "test", 1.0)]
    assert apply_edits(TEXT, edits) == "Qazaxistana SƏFƏR edib"


def test_apply_edits_refuses_mismatch_and_overlap() -> None:
    with pytest.raises(ValueError):
        apply_edits(TEXT, [Edit(0, 4, "Qazx", "", "x")])
    with pytest.raises(ValueError):
        apply_edits(TEXT, [Edit(0, 5, "Qaza-", "", "x"), Edit(4, 6, "-\n", "", "x")])


def test_offset_map_both_ways() -> None:
    edits = [Edit(4, 7, "-\n\n", "", "hyphenation")]
    out = apply_edits(TEXT, edits)
    m = OffsetMap(TEXT, edits)
    # "Qazaxistana" spans 0..11 in the output and 0..14 in the original
    assert out[0:11] == "Qazaxistana"
    assert (m.to_original_start(0), m.to_original_end(11)) == (0, 14)
    s = out.index("səfər")
    assert TEXT[m.to_original_start(s) : m.to_original_end(s + 5)] == "səfər"
    o = TEXT.index("edib")
    assert out[m.to_edited(o) : m.to_edited_end(o + 4)] == "edib"


def test_compose_equals_sequential_application() -> None:
    first = [Edit(4, 7, "-\n\n", "", "hyphenation")]
    mid = apply_edits(TEXT, first)  # "Qazaxistana səfər edib"
    second = [Edit(0, 11, "Qazaxistana", "Qazaxıstana", "spelling"), Edit(12, 17, "səfər", "səfərə", "x")]
    combined = compose(first, second, TEXT)
    assert apply_edits(TEXT, combined) == apply_edits(mid, second)
    assert all(TEXT[e.start : e.end] == e.original for e in combined)


def test_document_id_is_stable_and_content_based() -> None:
    a, b = Document(text="Mətn bir."), Document(text="Mətn bir.\n")
    assert a.id == b.id == content_id("Mətn bir.")
    assert Document(text="Mətn iki.").id != a.id


def test_document_round_trips_through_dict() -> None:
    doc = Document(text=TEXT, title="T", published="2021-09-29")
    doc.set_edits([Edit(4, 7, "-\n\n", "", "hyphenation", 0.9)])
    again = Document.from_dict(doc.to_dict())
    assert again == doc
    assert again.normalized == "Qazaxistana səfər edib"
    assert doc.original_span(0, 11) == (0, 14)
