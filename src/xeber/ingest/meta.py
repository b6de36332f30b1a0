"""Metadata an analyst filters by: published date, agency credit, outlet, language.

Each function is pure and reads only the text (and URL) it is given, so loaders of every kind
share them through `enrich`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from xeber.document import Document, content_id
from xeber.text.casing import lower
from xeber.text.dates import MONTHS, find_dates
from xeber.text.translit import cyrillic_to_latin, is_cyrillic_azerbaijani

# --- dates -------------------------------------------------------------------------------------

# Month names from xeber.text.dates (nominative stems; `sentyabrın` starts with one).
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_RE = "|".join(MONTHS)
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH_RE})\w*\s+(\d{{4}})", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?!\d)")


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _fallback_date(text: str) -> str | None:
    """The first full date in `text` (DD.MM.YYYY, YYYY-MM-DD or `29 sentyabr 2021`)."""
    found: list[tuple[int, str]] = []
    for m in _NUMERIC_DATE.finditer(text):
        iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    for m in _ISO_DATE.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    for m in _DAY_MONTH_YEAR.finditer(text):
        iso = _iso(int(m.group(3)), _MONTH_NUMBER[lower(m.group(2))], int(m.group(1)))  # İYUN → iyun
        if iso:
            found.append((m.start(), iso))
    return min(found)[1] if found else None


def date_from_text(text: str) -> str | None:
    """The first full day written in the head of an article, as ISO, or None."""
    head = text[:1500]
    for d in find_dates(head):
        # Only single full days: a month, a year or a range is not a publication date.
        if d.precision == "day" and _ISO_DAY.fullmatch(d.iso):
            return d.iso
    return _fallback_date(head)


def date_from_url(url: str | None) -> str | None:
    """A date in a URL path such as /2021/09/29/ or /2021-09-29-slug."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def normalize_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value (ISO timestamp, DD.MM.YYYY, month name)."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return _fallback_date(value)


# --- agency credit and outlet ------------------------------------------------------------------

# Canonical agency name → spellings seen in bylines. Matched as whole words, case-sensitively where
# the name is a common word in lower case (Report, Trend).
AGENCIES: dict[str, tuple[str, ...]] = {
    "AZERTAC": ("AZƏRTAC", "AZERTAC", "Azərtac", "AzərTAc", "AZƏRTAc"),
    "APA": ("APA",),
    "Report": ("Report", "Report.az"),
    "Trend": ("Trend", "Trend.az"),
    "Turan": ("Turan", "TURAN"),
    "Oxu.az": ("Oxu.az",),
    "Qafqazinfo": ("Qafqazinfo", "Qafqazinfo.az"),
    "Sputnik Azərbaycan": ("Sputnik Azərbaycan",),
    "Day.Az": ("Day.Az", "Day.az"),
    "Xalq qəzeti": ("Xalq qəzeti",),
    "Interfax": ("Interfax", "İnterfaks"),
    "Reuters": ("Reuters",),
    "Anadolu": ("Anadolu Agentliyi", "Anadolu"),
}
_SPELLING_TO_AGENCY = {s: name for name, spellings in AGENCIES.items() for s in spellings}
_AGENCY_NAMES = "|".join(sorted(map(re.escape, _SPELLING_TO_AGENCY), key=len, reverse=True))
# `AZƏRTAC xəbər verir`, `APA-nın məlumatına görə`, `Report-a bildirib`, `Trend-in xəbərinə görə`,
# `AZƏRTAC-ın müxbiri xəbər verir`, `... Report-a açıqlamasında bildirib`.
_CREDIT = re.compile(
    rf"(?<![\w.])(?P<name>{_AGENCY_NAMES})(?![\w])(?:[-‑’'`](?:\w+))?"
    r"(?:\s+(?:müxbiri|əməkdaşı|müxbirinə|açıqlamasında|informasiya\s+agentliyi))?"
    r"\s+(?:xəbər\s+verir|məlumat\s+verir|bildirib|deyib|məlumatına\s+görə|xəbərinə\s+görə|"
    r"istinadən|istinadla|verdiyi\s+məlumata\s+görə|açıqlamasında|müxbiri)",
)


def agency_credit(text: str) -> str | None:
    """The news agency the article credits (canonical name), searched in its head and tail."""
    for part in (text[:2000], text[-600:]):
        m = _CREDIT.search(part)
        if m:
            return _SPELLING_TO_AGENCY[m.group("name")]
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The host a URL belongs to, without `www.`."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


# --- language ----------------------------------------------------------------------------------

LANGUAGES = ("az", "ru", "en", "tr")
_AZ_ONLY_LETTERS = re.compile(r"[əƏ]")


@lru_cache(maxsize=1)
def _lingua_detector() -> Any:
    """A lingua detector restricted to the languages we expect (smaller and faster); None when
    lingua is not installed."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    langs = [Language.AZERBAIJANI, Language.RUSSIAN, Language.ENGLISH, Language.TURKISH]
    return LanguageDetectorBuilder.from_languages(*langs).with_minimum_relative_distance(0.05).build()


_LINGUA_CODES = {"AZERBAIJANI": "az", "RUSSIAN": "ru", "ENGLISH": "en", "TURKISH": "tr"}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (az, ru, en, tr), or None when unsure."""
    sample = text[:3000]
    if not sample.strip():
        return None
    # Cyrillic Azerbaijani reads as Russian to a general detector; its own letters settle it.
    if is_cyrillic_azerbaijani(sample):
        return "az"
    detector = _lingua_detector()
    if detector is None:
        return "az" if _AZ_ONLY_LETTERS.search(sample) else None
    lang = detector.detect_language_of(sample)
    if lang is None:
        return None
    code = _LINGUA_CODES.get(lang.name)
    if code == "tr" and _looks_azerbaijani_without_diacritics(sample):
        return "az"
    return code


def _looks_azerbaijani_without_diacritics(sample: str) -> bool:
    """Azerbaijani typed without ə reads as Turkish to lingua, but Turkish hardly uses q and x,
    which Azerbaijani spells with constantly (qərar, xəbər, Qazaxıstan)."""
    letters = sum(c.isalpha() for c in sample)
    qx = sum(c in "qxQX" for c in sample)
    return letters > 0 and qx / letters > 0.008


# --- all together ------------------------------------------------------------------------------


def latinize(doc: Document) -> Document:
    """Cyrillic-script Azerbaijani text (and title) in the Latin alphabet; the original is kept in
    meta["original_script_text"]. A content-derived id follows the new text."""
    if "original_script_text" in doc.meta or not is_cyrillic_azerbaijani(doc.text):
        return doc
    derived_id = doc.id == content_id(doc.text)
    doc.meta["original_script_text"] = doc.text
    doc.meta["original_script"] = "Cyrl"
    doc.text = cyrillic_to_latin(doc.text)
    if doc.title:
        doc.meta["original_script_title"] = doc.title
        doc.title = cyrillic_to_latin(doc.title)
    if derived_id:
        doc.id = content_id(doc.text)
    return doc


def enrich(doc: Document) -> Document:
    """Fill what the loader could not: Latin script, language, published date (URL, then text),
    agency, outlet. Values the loader set are kept."""
    latinize(doc)
    if doc.language is None:
        doc.language = detect_language(doc.text)
    if doc.published is None:
        doc.published = date_from_url(doc.url) or date_from_text(doc.text)
    if "agency" not in doc.meta:
        agency = agency_credit(doc.text)
        if agency:
            doc.meta["agency"] = agency
    if "outlet" not in doc.meta:
        outlet = outlet_from_url(doc.url)
        if outlet:
            doc.meta["outlet"] = outlet
    return doc
