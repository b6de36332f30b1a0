"""The Azerbaijani Latin alphabet and the letter classes that phonology rules use."""

from __future__ import annotations

import re

LOWER_LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
UPPER_LETTERS = "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"

VOWELS = frozenset("aıoueəiöü")
BACK_VOWELS = frozenset("aıou")
FRONT_VOWELS = frozenset("eəiöü")
ROUNDED_VOWELS = frozenset("oöuü")
CONSONANTS = frozenset(set(LOWER_LETTERS) - VOWELS)
VOICELESS_CONSONANTS = frozenset("çfhxkpsştq")

# Letters that exist in Azerbaijani but not in ASCII; folding maps them to ASCII.
AZ_SPECIAL_LOWER = "əıçşğöü"
# Any of them, either case: a word or a text that has one was typed with the Azerbaijani alphabet
AZ_SPECIAL = re.compile("[əƏıİçÇşŞğĞöÖüÜ]")


def is_vowel(ch: str) -> bool:
    return ch.lower() in VOWELS or ch in "IƏİÖÜ"


def last_vowel(word: str) -> str | None:
    """The last vowel of a (lower-case) word, which decides the harmony of its next suffix."""
    for ch in reversed(word):
        if ch in VOWELS:
            return ch
    return None
