"""Word lists for the entity recogniser, read once from `xeber/data/gazetteer/*.txt` (our own lists).

Lookups use `key()`: Azerbaijani lower-case with typographic apostrophes unified, so `Nur-Sultan`,
`NUR-SULTAN` and `nur-sultan` meet. Multi-word names are kept as tuples of keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from xeber.data import read_list
from xeber.text.casing import lower


@lru_cache(maxsize=131072)
def key(word: str) -> str:
    return lower(word).replace("’", "'").replace("ʼ", "'")


def _read(name: str) -> list[str]:
    return read_list(f"gazetteer/{name}")


def _phrases(lines: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(key(w) for w in line.split()) for line in lines)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    countries: frozenset[tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    events: frozenset[tuple[str, ...]]
    titles: frozenset[tuple[str, ...]]
    org_heads: frozenset[str]
    event_heads: frozenset[str]
    fac_heads: frozenset[str]
    first_names: frozenset[str]
    surname_suffixes: tuple[str, ...]
    not_names: frozenset[str]
    title_words: frozenset[str]  # one-word titles: sədr, sədri, prezident, səfiri ...
    max_phrase: int

    def is_location(self, keys: tuple[str, ...]) -> bool:
        return keys in self.countries or keys in self.places

    def is_known_name(self, word_key: str) -> bool:
        """A single word any list knows as a proper name."""
        k = (word_key,)
        return k in self.countries or k in self.places or word_key in self.first_names

    def looks_like_surname(self, word_key: str) -> bool:
        return len(word_key) > 3 and word_key.endswith(self.surname_suffixes)


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    countries = _phrases(_read("countries.txt"))
    places = _phrases(_read("places.txt"))
    events = _phrases(_read("events.txt"))
    titles = _phrases(_read("titles.txt"))
    longest = max(len(p) for p in countries | places | events | titles)
    return Gazetteer(
        countries=countries,
        places=places,
        events=events,
        titles=titles,
        org_heads=frozenset(key(w) for w in _read("org_heads.txt") if " " not in w),
        event_heads=frozenset(key(w) for w in _read("event_heads.txt") if " " not in w),
        fac_heads=frozenset(key(w) for w in _read("fac_heads.txt") if " " not in w),
        first_names=frozenset(key(w) for w in _read("first_names.txt")),
        surname_suffixes=tuple(sorted({key(w) for w in _read("surname_suffixes.txt")}, key=len, reverse=True)),
        not_names=frozenset(key(w) for w in _read("not_names.txt")),
        title_words=frozenset(p[0] for p in titles if len(p) == 1),
        max_phrase=longest,
    )
