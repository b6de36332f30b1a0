"""Layout repairs: words hyphenated across line and paragraph breaks."""

from __future__ import annotations

import re

from xeber.text.edits import Edit

# a word fragment, a hyphen, a line break (maybe a blank line), and a lower-case continuation
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])(-[ \t]*\n\s*)(?=[^\W\d_A-ZÇƏĞİÖŞÜ])")


def layout_edits(text: str) -> list[Edit]:
    edits = []
    for m in _HYPHEN_BREAK.finditer(text):
        edits.append(Edit(m.start(1), m.end(1), m.group(1), "", "hyphenation", 0.95))
    return edits
