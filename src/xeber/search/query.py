"""Parsing of user queries into FTS5 expressions over analyzed terms.

Syntax: words (all must match, in any inflection, with or without Azerbaijani letters),
"exact phrases", `OR` between words, `-word` to exclude, `word*` for a prefix, and filters:
`person:`, `org:`, `place:`, `entity:` (an entity by its lemma), `event:` (an event type),
`source:`, `lang:`, `from:`/`date>=`, `to:`/`date<=`, `date:` (one day, month or year) and
`sort:date` (newest first instead of best first). A filter value with spaces is quoted:
`person:"İlham Əliyev"`.

`ParsedQuery.match(mode)` gives the FTS5 expression: mode "all" requires every word (the user's
syntax), mode "any" ranks documents by any of the content words (question words dropped), which
suits questions and long queries and is the fallback when "all" finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from xeber.errors import QueryError
from xeber.search.analyzer import Lemmatizer, default_lemmatizer
from xeber.search.stopwords import is_stop_word
from xeber.text.casing import fold
from xeber.text.tokenize import tokenize

MAX_QUERY_LENGTH = 1000
HYPHEN = re.compile(r"[-'’]")  # what joins an ending or a second part to a word (TÜRKPA-nın, Bakı'da)
MIN_PREFIX_LENGTH = 3  # shorter bare words match exactly: "o"* would match half the vocabulary
# In "any" ranking a longer word also matches words sharing its first letters: suffixes change the
# end of Azerbaijani words (ağacının ~ ağacın), and BM25 weighs such broad matches down by their IDF.
STEM_LENGTH = 5
_TOKEN = re.compile(r'-?(?:[a-z_]+(?::|>=|<=))?"[^"]*"|\S+')
_FILTER = re.compile(r'^(?P<key>[a-z_]+)(?P<op>:|>=|<=)(?P<value>.+)$')
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
ENTITY_FILTERS: dict[str, tuple[str, ...]] = {
    "person": ("PER",),
    "org": ("ORG",),
    "place": ("LOC", "GPE", "FAC"),
    "entity": ("PER", "ORG", "LOC", "GPE", "FAC", "EVENT"),
}
FILTER_KEYS = sorted(["source", "lang", "language", "from", "to", "date", "event", "sort", *ENTITY_FILTERS])
SORTS = ("rank", "date")


@dataclass(slots=True)
class Clause:
    """One searched word or phrase, analyzed like the indexed text."""

    words: list[str]  # folded surface forms (one for a word, several for a phrase)
    lemma: str = ""  # folded lemma of a word ("" for phrases)
    phrase: bool = False
    prefix: bool = False  # the user wrote word*
    negate: bool = False
    stop: bool = False  # a question or function word: left out of "any" ranking
    alternatives: list[str] = field(default_factory=list)  # vocabulary terms a typo may stand for
    # Match the forms that start with the typed word. Off for a common word whose lemma the index
    # knows (xeber.search.vocabulary): its forms are reached through the lemma, and expanding a
    # common prefix would cost most of the query's time in a large index.
    expand: bool = True
    surface_lemma: bool = True  # also match the typed form in the lemmas column (off where no lemma is spelled so)

    def expr(self, broad: bool = False) -> str:
        """This clause as an FTS5 expression; `broad` adds the STEM_LENGTH-letter stem (for ranking)."""
        if self.phrase:
            return "{title body} : " + _quote(" ".join(self.words))
        surf = self.words[0]
        alts = []
        # the prefix applies to the last token the index holds: `egovpay-e`* would expand `e`*
        if self.prefix or (self.expand and len(HYPHEN.split(surf)[-1]) >= MIN_PREFIX_LENGTH):
            alts.append(f"{{title body}} : {_quote(surf)}*")  # inflected forms of the typed stem
        else:
            alts.append(f"{{title body}} : {_quote(surf)}")
        if not self.prefix:
            if self.surface_lemma:
                alts.append(f"lemmas : {_quote(surf)}")  # the word typed as a lemma
            if self.lemma and self.lemma != surf:
                alts.append(f"lemmas : {_quote(self.lemma)}")  # the typed form's lemma
        alts.extend(f"{{title body lemmas}} : {_quote(a)}" for a in self.alternatives)
        if broad and not self.prefix and len(surf) > STEM_LENGTH and surf.isalpha():
            alts.append(f"{{title body}} : {_quote(surf[:STEM_LENGTH])}*")
        return "(" + " OR ".join(alts) + ")"


@dataclass(slots=True)
class ParsedQuery:
    groups: list[list[Clause]]  # clauses OR-ed within a group, groups AND-ed
    negated: list[Clause] = field(default_factory=list)
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = "rank"

    @property
    def clauses(self) -> list[Clause]:
        return [c for g in self.groups for c in g]

    @property
    def terms(self) -> list[str]:
        """Folded surface terms (and typo alternatives) to highlight."""
        out: list[str] = []
        for c in self.clauses:
            out.extend(c.words)
            out.extend(c.alternatives)
        return list(dict.fromkeys(out))

    @property
    def lemmas(self) -> list[str]:
        return list(dict.fromkeys(c.lemma for c in self.clauses if c.lemma))

    def match(self, mode: str = "all") -> str:
        """The FTS5 expression: every group must match ("all") or any content word may ("any")."""
        if mode == "any":
            content = [c for c in self.clauses if not c.stop] or self.clauses
            expr = " OR ".join(c.expr(broad=True) for c in content)
        else:
            expr = " AND ".join(
                g[0].expr() if len(g) == 1 else "(" + " OR ".join(c.expr() for c in g) + ")" for g in self.groups
            )
        for c in self.negated:
            expr = f"({expr}) NOT {c.expr()}"
        return expr


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text) if t.kind in ("word", "abbrev", "number")]


def _surface(word: str) -> str:
    return fold(word).replace("'", "").replace("’", "")


def _add_filter(filters: dict[str, Any], key: str, op: str, value: str) -> str | None:
    """Record a filter; returns the sort order for `sort:`."""
    value = value.strip('"').strip()
    if not value:
        raise QueryError(f"filter {key}{op} needs a value")
    if key == "date" and op in (">=", "<="):
        key = "from" if op == ">=" else "to"
    if key not in FILTER_KEYS:
        raise QueryError(f"unknown filter {key!r}; known filters: {', '.join(FILTER_KEYS)}")
    if key in ("from", "to", "date"):
        if not _DATE.match(value):
            raise QueryError(f"filter {key}: wants a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        if key in ("from", "date"):
            filters["date_from"] = value
        if key in ("to", "date"):
            filters["date_to"] = value
    elif key == "sort":
        if value not in SORTS:
            raise QueryError(f"sort:{value} is unknown; use sort:date (newest first) or sort:rank")
        return value
    elif key in ENTITY_FILTERS:
        filters.setdefault("entities", []).append({"types": list(ENTITY_FILTERS[key]), "lemma": value})
    elif key == "event":
        filters.setdefault("event_types", []).append(value.lower())
    else:
        filters["language" if key == "lang" else key] = value
    return None


def parse_query(
    query: str, lemmatizer: Lemmatizer | None = None, *, allow_empty: bool = False, syntax: bool = True
) -> ParsedQuery:
    """Parse a user query; raises QueryError with a message a user can act on.

    With `allow_empty`, a query of filters only is accepted (its groups are empty). With
    `syntax=False` the query is plain text (a question, a pasted sentence): its words only.
    """
    query = query.strip()
    if not query and not allow_empty:
        raise QueryError("empty query")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"query too long ({len(query)} characters; at most {MAX_QUERY_LENGTH})")
    if not syntax:
        lem = lemmatizer or default_lemmatizer()
        plain = ParsedQuery(groups=[])
        for w in _words(query):
            surf = _surface(w)
            plain.groups.append([Clause([surf], fold(lem(w)), stop=is_stop_word(surf))])
        if not plain.groups:
            raise QueryError("query has no words to search for")
        return plain
    if query.count('"') % 2:
        raise QueryError('unbalanced quote in query: close the phrase with a second "')
    lem = lemmatizer or default_lemmatizer()
    parsed = ParsedQuery(groups=[])
    pending_or = False
    for raw in _TOKEN.findall(query):
        negate = raw.startswith("-") and len(raw) > 1
        body = raw[1:] if negate else raw
        m = _FILTER.match(body) if not body.startswith('"') else None
        if m and not negate and not m.group("value").startswith("//"):
            sort = _add_filter(parsed.filters, m.group("key"), m.group("op"), m.group("value"))
            if sort:
                parsed.sort = sort
            continue
        if body == "OR":
            pending_or = bool(parsed.groups)
            continue
        new: list[Clause] = []
        if body.startswith('"'):
            words = [_surface(w) for w in _words(body.strip('"'))]
            if words:
                new.append(Clause(words, phrase=True, negate=negate))
        else:
            prefix = body.endswith("*")
            for w in _words(body.rstrip("*")):
                surf = _surface(w)
                lemma = "" if prefix else fold(lem(w))
                new.append(Clause([surf], lemma, prefix=prefix, negate=negate, stop=is_stop_word(surf)))
        if not new:
            continue
        if negate:
            parsed.negated.extend(new)
        elif pending_or and parsed.groups:
            parsed.groups[-1].append(new[0])
            parsed.groups.extend([c] for c in new[1:])
        else:
            parsed.groups.extend([c] for c in new)
        pending_or = False
    if not parsed.groups:
        if parsed.negated:
            raise QueryError("a query cannot only exclude (-word): add a word to search for")
        if not allow_empty or not parsed.filters:
            raise QueryError("query has no words to search for")
    return parsed
