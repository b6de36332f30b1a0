"""Slips inside web and mail addresses (`www.e-goy.az`, `youlube.eom`, `wwww.`): the words of an address
are no Azerbaijani words, so the speller leaves them alone; this stage repairs the few parts whose
spelling is fixed by convention, and parts the same document writes correctly elsewhere.

An address is a URL or mail token of the tokenizer, or a bare host (`data.gov.az`): dot-joined labels of
ASCII letters, digits and hyphens that end in a top-level domain or a near miss of a common one. Only
host labels are repaired, by position (`www` first, `gov`/`com`/`org`... before the last, a common
top-level domain last, a well-known site's name anywhere in the host), or to a label another address of
the document has; a path keeps its words, bar a dotless ı (no address has one: `?ıd=` is `?id=`). A
two-letter last label stays: most are some country's domain (`.za`, `.tt`).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import product

from xeber.normalize.morphcands import one_edit
from xeber.text.edits import Edit
from xeber.text.tokenize import ADDRESS

ADDRESS_CONFIDENCE = 0.9
TOP_LEVEL = frozenset("az com org net ru tr uk info gov edu int eu".split())
# the second-level labels some countries use (a near miss of gov that is a country's own stays: govt.nz)
SECOND_LEVEL = frozenset("gov com org edu net".split())
OTHER_SECOND_LEVEL = frozenset("govt gouv gob gub go gv gc ac co or ne mil nic".split())
# sites whose names news addresses carry (video, app stores, social networks, mail)
WELL_KNOWN_HOSTS = frozenset(
    "youtube google apple facebook instagram twitter linkedin telegram whatsapp wikipedia microsoft yandex "
    "gmail outlook mail play apps".split())
_BARE_HOST = re.compile(r"(?<![\w@./-])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,4}(?![\w-])")
_LABEL_PART = re.compile(r"[a-zəıöüşçğ]+")
_PLAIN = {"ə": "ae", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"}  # what OCR or a typist made ours


def address_edits(text: str) -> list[Edit]:
    """Edits of the host labels (and a path's dotless ı) of the addresses in `text`."""
    spans = _address_spans(text)
    if not spans:
        return []
    seen = Counter(part for start, end in spans for part in _host_parts(text, start, end) if part.isascii())
    edits: list[Edit] = []
    for start, end in spans:
        host_start, host_end = _host(text, start, end)
        labels = [(m.start() + host_start, m.group()) for m in re.finditer(r"[^.]+", text[host_start:host_end])]
        for k, (at, label) in enumerate(labels):
            position = "first" if k == 0 else "last" if k == len(labels) - 1 else \
                "second" if k == len(labels) - 2 else "inner"
            for m in _LABEL_PART.finditer(label):
                fixed = _repair(m.group(), position, seen)
                if fixed is not None:
                    edits.append(Edit(at + m.start(), at + m.end(), m.group(), fixed, "spelling", ADDRESS_CONFIDENCE))
        for m in re.finditer("ı", text[host_end:end]):  # (a path, query or fragment)
            at = host_end + m.start()
            edits.append(Edit(at, at + 1, "ı", "i", "spelling", ADDRESS_CONFIDENCE))
    return sorted(edits, key=lambda e: e.start)


def _address_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in ADDRESS.finditer(text)] if "@" in text or "www." in text or "://" in text else []
    for m in _BARE_HOST.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            last = m.group().rsplit(".", 1)[1]
            if last in TOP_LEVEL or len(last) >= 3 and any(one_edit(last, t) for t in TOP_LEVEL if len(t) >= 2):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def _host(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the host of the address at [start, end) begins (after a scheme or a mailbox) and ends
    (before a port, path or query)."""
    body = text[start:end]
    after_scheme = body.find("://")
    begin = after_scheme + 3 if after_scheme >= 0 else 0
    at = body.find("@", begin)
    if at >= 0:
        begin = at + 1
    cut = min((i for i in (body.find(c, begin) for c in "/?:#") if i >= 0), default=len(body))
    return start + begin, start + cut


def _host_parts(text: str, start: int, end: int) -> list[str]:
    host_start, host_end = _host(text, start, end)
    return _LABEL_PART.findall(text[host_start:host_end])


def _repair(part: str, position: str, seen: Counter[str]) -> str | None:
    """The conventional or document-attested spelling of a host label's letters, or None."""
    if not part.isascii():
        # Azerbaijani letters in a host (əpps): their plain letters, if that makes a label we know
        known = TOP_LEVEL | SECOND_LEVEL | OTHER_SECOND_LEVEL | WELL_KNOWN_HOSTS | {w for w in seen if seen[w] >= 2} | {"www"}
        plain = {v for v in _plain_spellings(part) if v in known}
        return plain.pop() if len(plain) == 1 else None
    if part in WELL_KNOWN_HOSTS or part == "www" and position == "first":
        return None
    if position == "first" and len(part) == 4 and part.count("w") >= 3 and "www" in part + "w":
        return "www"  # (wwww, wvww)
    if position == "last":
        if part in TOP_LEVEL or len(part) < 3:
            return None  # (a two-letter label is some country's domain)
        return _only(part, TOP_LEVEL)
    if position == "second" and part not in SECOND_LEVEL | OTHER_SECOND_LEVEL and len(part) >= 3:
        second = _only(part, SECOND_LEVEL)
        if second is not None:
            return second
    if len(part) >= 4:
        # a well-known site, or a label the document's other addresses write more often (twice at least)
        attested = {w for w in seen if len(w) >= 4 and seen[w] >= 2 and seen[w] > seen[part]}
        return _only(part, attested | {w for w in WELL_KNOWN_HOSTS if len(w) >= 4})
    return None


def _plain_spellings(part: str) -> set[str]:
    options = [_PLAIN.get(c, c) for c in part]
    return {"".join(p) for p in product(*options)} if len(part) <= 12 else set()


def _only(part: str, vocabulary: set[str] | frozenset[str]) -> str | None:
    """The one word of `vocabulary` a single edit from `part`, or None (none, or several)."""
    found = [w for w in vocabulary if w != part and one_edit(part, w)]
    return found[0] if len(found) == 1 else None
