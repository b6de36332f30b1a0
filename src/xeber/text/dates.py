"""Azerbaijani date expressions: find them in text and resolve them to ISO values.

Handles day-month-year phrases (`29 sentyabr 2021-ci il`), genitive month forms (`sentyabrın 29-da`),
numeric dates (`05.03.2026`, `23.09.88`, `2026-03-05`), years and decades (`2021-ci ildə`, `1990-cı illərdə`),
parts of a year (`2021-ci ilin sonunda`), day ranges (`12-13 oktyabr tarixlərində`), centuries
(`XX əsrin`) and relative expressions (`dünən`, `bu gün`, `ötən həftə`, `keçən il`).

Values use ISO 8601 at the precision the text gives: `2021-09-29` (day), `2021-09` (month),
`2021` (year); a range carries `iso` and `iso_end`. Expressions that need a year or a "today"
(`sentyabrın 29-da`, `dünən`) resolve against `reference`, normally the publication date; without
one they are skipped by `find_dates` (and `scan_dates(..., keep_unresolved=True)` still reports
their spans, with `iso == ""`, for the entity recogniser).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from xeber.text.alphabet import BACK_VOWELS, VOWELS, last_vowel
from xeber.text.casing import lower

MONTHS = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
          "noyabr", "dekabr")
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
# Case and possessive endings a month name takes: sentyabrın, sentyabrda, sentyabrında, martadək ...
_MONTH_SUFFIXES = frozenset(
    ["", "ın", "in", "un", "ün", "a", "ə", "ya", "da", "də", "dan", "dən", "ı", "i", "u", "ü",
     "ında", "ində", "unda", "ündə", "ından", "indən", "undan", "ündən", "ınadək", "inədək", "unadək",
     "ünədək", "adək", "ədək", "dək", "yadək", "ına", "inə", "una", "ünə", "ınacan", "inəcən", "dakı",
     "dəki", "ındakı", "indəki", "undakı", "ündəki", "ayında"]
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _ci(word: str) -> str:
    """A case-insensitive pattern for one word that knows İ/i and I/ı."""
    out = []
    for ch in word:
        if ch == "i":
            out.append("[iİ]")
        elif ch == "ı":
            out.append("[ıI]")
        elif ch.isalpha():
            out.append(f"[{ch}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_L = r"[^\W\d_]"  # a letter
_MON = r"(?P<{g}>" + "|".join(_ci(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")(?P<{g}s>" + _L + r"{0,6})"
_NUMSUF = r"(?:\s?[-–'’]\s?" + _L + r"{1,6})"  # 29-da, 2021-ci, 3'də, OCR/conll "2021 - ci"
_DASH = r"\s?[-–—]\s?"
_YEAR = r"(?P<{g}>1[5-9]\d\d|20\d\d)(?:" + _DASH + r"(?P<{g}2>1[5-9]\d\d|20\d\d))?" + _NUMSUF + "?"
_IL = (r"(?:\s+(?P<{g}>" + _ci("il") + r"(?:in|də|dən|ə|i|lər|lərdə|lərin|lərə|lərdən|ədək|dək|ində|indən|inə|"
       r"lərində|lərindən|lərinə|ləri)?))(?!" + _L + ")")
_DAY = r"(?P<{g}>[0-3]?\d)(?:" + _DASH + r"(?P<{g}2>[0-3]?\d))?"
_PART = (r"(?P<part>" + "|".join(
    ["sonunda", "sonlarında", "sonunadək", "əvvəlinədək", "sonuna", "sonlarına", r"sonuna\s+qədər", "əvvəlində", "əvvəllərində", "əvvəlindən",
     "əvvəlinə", "ortalarında", "ortasında", r"birinci\s+yarısında", r"ikinci\s+yarısında", r"birinci\s+yarısı",
     r"ikinci\s+yarısı", r"(?:I|II|III|IV|birinci|ikinci|üçüncü|dördüncü)\s+rübündə",
     r"(?:I|II|III|IV|birinci|ikinci|üçüncü|dördüncü)\s+rübü"]) + r")(?!" + _L + ")")
_END = r"(?!" + _L + r"|\d)"


def _f(pattern: str, g: str) -> str:
    """`pattern` with its group-name placeholder `{g}` filled in (patterns repeat, names cannot)."""
    return pattern.replace("{g}", g)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    iso: str  # ISO 8601 at the given precision; "" only from scan_dates(keep_unresolved=True)
    iso_end: str | None  # the last day/month/year of a range
    precision: str  # day, month, year, range


@dataclass(frozen=True, slots=True)
class _Value:
    iso: str
    iso_end: str | None
    precision: str


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _month(name: str | None, suffix: str | None) -> int | None:
    if not name:
        return None
    suffix = lower(suffix or "")
    if suffix not in _MONTH_SUFFIXES:
        return None
    month = lower(name)
    # the ending keeps the month's vowel harmony: martın, aprelin; `Martin` is a name
    back = last_vowel(month) in BACK_VOWELS
    harmonic = suffix[:-3] if suffix.endswith("dək") else suffix  # (-dək keeps its vowel: dekabradək)
    if any((c in BACK_VOWELS) != back for c in harmonic if c in VOWELS):
        return None
    return _MONTH_NUMBER.get(month)


def _guess_year(m: int, d: int | None, ref: dt.date | None) -> int | None:
    """The year of a day or month given without one: the one that puts it nearest the reference
    (`dekabrın 28-də` in a January article is last December; news reports mostly look back, so the
    year before wins a tie)."""
    if ref is None:
        return None
    return min((ref.year - 1, ref.year, ref.year + 1),
               key=lambda y: abs((dt.date(y, m, min(d or 15, 28)) - ref).days))


def _day_value(y: int | None, m: int, d: int, d2: int | None) -> _Value | None:
    if y is None:
        return _Value("", None, "day" if d2 is None else "range")
    if not _valid_day(y, m, d):
        return None
    if d2 is not None:
        if not _valid_day(y, m, d2) or d2 <= d:
            return None
        return _Value(_iso(y, m, d), _iso(y, m, d2), "range")
    return _Value(_iso(y, m, d), None, "day")


def _year_part(y: int, part: str) -> _Value:
    part = " ".join(part.split())
    if part.startswith("son"):
        return _Value(_iso(y, 12), None, "month")
    if part.startswith("əvvəl"):
        return _Value(_iso(y, 1), None, "month")
    if part.startswith("orta"):
        return _Value(_iso(y, 6), None, "month")
    if "yarı" in part:
        first = part.startswith("birinci")
        return _Value(_iso(y, 1 if first else 7), _iso(y, 6 if first else 12), "range")
    quarter = {"I": 1, "II": 2, "III": 3, "IV": 4, "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4}
    q = quarter[part.split()[0]]
    return _Value(_iso(y, 3 * q - 2), _iso(y, 3 * q), "range")


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _years_value(y: int, y2: int | None, il: str | None) -> _Value | None:
    plural = bool(il) and "lər" in lower(il or "")
    if y2 is not None:
        return _Value(_iso(y), _iso(y2), "range") if y2 > y else None
    if plural and y % 10 == 0:
        return _Value(_iso(y), _iso(y + 9), "range")  # 1990-cı illərdə: the nineties
    return _Value(_iso(y), None, "year")


# ---- the patterns, each with the function that turns its match into a value ----

_Handler = Callable[[re.Match[str], dt.date | None], _Value | None]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str) -> Callable[[_Handler], _Handler]:
    def register(fn: _Handler) -> _Handler:
        _RULES.append((re.compile(r"(?<![\w-])" + pattern), fn))
        return fn
    return register


@_rule(_f(_DAY, g="d") + r"\s+" + _f(_MON, g="m") + r"(?:\s+(?:" + _f(_YEAR, g="y") + r")(?:" + _f(_IL, g="il")
       + r")?)?" + _END)
def _day_month_year(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    month = _month(m["m"], m["ms"])
    if month is None:
        return None
    d, d2 = int(m["d"]), _int(m["d2"])
    y = _int(m["y"]) or _guess_year(month, d, ref)
    return _day_value(y, month, d, d2)


@_rule(_f(_DAY, g="d") + r"\s+" + _f(_MON, g="m") + _DASH + _f(_DAY, g="e") + r"\s+" + _f(_MON, g="n")
       + r"(?:\s+(?:" + _f(_YEAR, g="y") + r")(?:" + _f(_IL, g="il") + r")?)?" + _END)
def _day_month_range(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    m1, m2 = _month(m["m"], m["ms"]), _month(m["n"], m["ns"])
    if m1 is None or m2 is None or m["d2"] or m["e2"]:
        return None
    y = _int(m["y"]) or _guess_year(m1, int(m["d"]), ref)
    if y is None:
        return _Value("", None, "range")
    d1, d2 = int(m["d"]), int(m["e"])
    if not (_valid_day(y, m1, d1) and _valid_day(y, m2, d2)) or (m2, d2) <= (m1, d1):
        return None
    return _Value(_iso(y, m1, d1), _iso(y, m2, d2), "range")


@_rule(_f(_MON, g="m") + r"\s+" + _f(_DAY, g="d") + _NUMSUF
       + r"(?:(?:" + _DASH + r"|(?<=d[aə]n)\s+)(?:" + _f(_MON, g="n") + r"\s+)?" + r"(?P<e>[0-3]?\d)" + _NUMSUF + r")?" + _END)
def _genitive_month_day(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """sentyabrın 29-da, martın 3-də, sentyabrın 29-dan oktyabrın 2-dək (range)."""
    month = _month(m["m"], m["ms"])
    if month is None or lower(m["ms"]) not in ("ın", "in", "un", "ün"):
        return None
    d, d2 = int(m["d"]), _int(m["d2"])
    y = _guess_year(month, d, ref)
    if m["e"]:
        m2 = _month(m["n"], m["ns"]) if m["n"] else month
        if m2 is None or d2 is not None:
            return None
        if y is None:
            return _Value("", None, "range")
        e = int(m["e"])
        y2 = y + 1 if m2 < month else y  # dekabrın 15-dən yanvarın 5-dək: the new year's January
        if not (_valid_day(y, month, d) and _valid_day(y2, m2, e)) or (y2, m2, e) <= (y, month, d):
            return None
        return _Value(_iso(y, month, d), _iso(y2, m2, e), "range")
    return _day_value(y, month, d, d2)


@_rule(_f(_MON, g="m") + r"\s+" + _ci("ayı") + r"(?:nın|nda|na|ndan)?(?:\s+" + _f(_DAY, g="d") + _NUMSUF + r")?" + _END)
def _month_ayi(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """sentyabr ayında, sentyabr ayının 29-da."""
    month = _month(m["m"], m["ms"])
    if month is None or m["ms"]:
        return None
    if m["d"]:
        d = int(m["d"])
        return _day_value(_guess_year(month, d, ref), month, d, _int(m["d2"]))
    y = _guess_year(month, None, ref)
    return _Value(_iso(y, month) if y else "", None, "month")


@_rule(_f(_YEAR, g="y") + r"(?:" + _f(_IL, g="il") + r")?\s+(?:" + _f(_DAY, g="d") + r"\s+" + _f(_MON, g="m") + r"|"
       + _f(_MON, g="n") + r"(?:\s+" + _ci("ayı") + r"(?:nın|nda|na|ndan)?)?(?:\s+" + _f(_DAY, g="e") + _NUMSUF + r")?)"
       + _END)
def _year_then_month(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """2012-ci il dekabrın 8-də, 2021-ci ilin sentyabrın 29-da, 2016-cı ilin iyulunda, 2017-ci il 26-27 aprel."""
    if m["y2"]:
        return None
    y = int(m["y"])
    if m["m"]:
        month = _month(m["m"], m["ms"])
        if month is None:
            return None
        return _day_value(y, month, int(m["d"]), _int(m["d2"]))
    month = _month(m["n"], m["ns"])
    if month is None:
        return None
    if m["e"]:
        return _day_value(y, month, int(m["e"]), _int(m["e2"]))
    return _Value(_iso(y, month), None, "month")


@_rule(_f(_YEAR, g="y") + _f(_IL, g="il") + r"\s+" + _PART)
def _year_part_rule(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    if m["y2"]:
        return None
    y = int(m["y"])
    if "lər" in lower(m["il"]) and y % 10 == 0:
        return _decade_part(y, m["part"])  # 1990-cı illərin əvvəllərində: the early nineties
    return _year_part(y, m["part"])


def _decade_part(y: int, part: str | None) -> _Value:
    """A decade (1990 for the nineties), or its early, middle or late years, or a half of it."""
    part = " ".join((part or "").split())
    first, last = y, y + 9
    if part.startswith("əvvəl"):
        last = y + 3
    elif part.startswith("orta"):
        first, last = y + 3, y + 6
    elif part.startswith("son"):
        first = y + 7
    elif "yarı" in part:
        first, last = (y, y + 4) if part.startswith("birinci") else (y + 5, y + 9)
    return _Value(_iso(first), _iso(last), "range")


@_rule(r"(?P<y>[1-9]0)" + _NUMSUF + r"\s+(?P<il>" + _ci("illər") + _L + r"{0,5})(?:\s+" + _PART + ")?" + _END)
def _short_decade(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`90-cı illərdə`, `80-ci illərin sonunda`: a decade of the 1900s by its two digits."""
    return _decade_part(1900 + int(m["y"]), m["part"])


@_rule(_f(_MON, g="m") + r"\s+" + _f(_YEAR, g="y") + r"(?:" + _f(_IL, g="il") + r")?" + _END)
def _month_year(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    month = _month(m["m"], m["ms"])
    if month is None or m["ms"] or m["y2"]:
        return None
    return _Value(_iso(int(m["y"]), month), None, "month")


@_rule(r"(?P<d>[0-3]?\d)[./](?P<mo>[01]?\d)[./](?P<y>1[5-9]\d\d|20\d\d)" + _NUMSUF + "?" + "(?:" + _f(_IL, g="il")
       + ")?" + _END)
def _numeric_dmy(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    return _Value(_iso(y, mo, d), None, "day") if _valid_day(y, mo, d) else None


@_rule(r"(?<![.\d])(?P<d>[0-3]\d)\.(?P<mo>[01]\d)\.(?P<y>\d\d)(?![.,]?\d)" + _END)
def _numeric_dmy_short(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`23.09.88`: a two-digit year is in this century up to the reference year, else in the last."""
    yy, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    now = (ref or dt.date.today()).year
    y = 2000 + yy if 2000 + yy <= now else 1900 + yy
    return _Value(_iso(y, mo, d), None, "day") if _valid_day(y, mo, d) else None


@_rule(r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)" + _END)
def _numeric_ymd(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    return _Value(_iso(y, mo, d), None, "day") if _valid_day(y, mo, d) else None


@_rule(_f(_YEAR, g="y") + _f(_IL, g="il"))
def _year(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    return _years_value(int(m["y"]), _int(m["y2"]), m["il"])


def _second_year(y: int, short: str) -> int:
    """`1989-90`, `2015-16`, `1999-00`: the second year of a range by its last two digits."""
    if len(short) == 4:
        return int(short)
    y2 = y // 100 * 100 + int(short)
    return y2 if y2 > y else y2 + 100


@_rule(r"(?P<y>1[5-9]\d\d|20\d\d)" + _DASH + r"(?P<y2>\d\d)(?!\d)" + _NUMSUF + _f(_IL, g="il"))
def _short_range(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`1989-90-cı illərdə`: the second year by its last two digits."""
    return _years_value(int(m["y"]), _second_year(int(m["y"]), m["y2"]), m["il"])


@_rule(r"(?P<y>1[5-9]\d\d|20\d\d)\s?[-–—/]\s?(?P<y2>1[5-9]\d\d|20\d\d|\d\d(?!\d))\s+" + _ci("mövsüm")
       + _L + r"{0,8}" + _END)
def _season(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`2015-16 mövsümündə`, `2022/2023 mövsümü`: a season runs over two years."""
    y = int(m["y"])
    return _years_value(y, _second_year(y, m["y2"]), None)


@_rule(r"(?<=\()(?P<y>1[89]\d\d|20\d\d)(?:[-–—](?P<y2>1[5-9]\d\d|20\d\d|\d\d))?(?=\))")
def _year_in_brackets(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`Yuqoslaviya (1948)`, `dövründə (1939–44)`: a year, or two, alone in brackets (from 1800: a short
    phone number, `(1541)`, is written so too)."""
    y = int(m["y"])
    return _years_value(y, _second_year(y, m["y2"]) if m["y2"] else None, None)


@_rule(r"(?P<y>1[5-9]\d\d|20\d\d)" + r"\s?[-–'’]\s?(?:c[ıiuü])" + _END)
def _year_ordinal(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`2021-ci` with the noun left out (`2021-ci və 2022-ci illərdə`)."""
    return _Value(_iso(int(m["y"])), None, "year")


@_rule(r"(?P<y>[1-9]\d{2}|1[0-4]\d\d)" + _NUMSUF + r"\s+(?P<il>" + _ci("il") + r"(?:də|dən|ində|indən|in|lərdə|ədək))" + _END)
def _early_year(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`325-ci ildə`, `1054-cü ilin`: a year before 1500 only with its ordinal ending and a case of `il`
    (a bare 325, or `100-cü ili` of an anniversary, is no date)."""
    return _years_value(int(m["y"]), None, m["il"])


@_rule(r"(?P<y>1[5-9]\d\d|20\d\d)(?=(?:\s*,\s*(?:1[5-9]\d\d|20\d\d))*(?:\s*,\s*|\s+(?:və\s+ya|və|ya|yaxud)\s+)"
       r"(?:1[5-9]\d\d|20\d\d)" + _NUMSUF + r"\s+" + _ci("il") + ")")
def _listed_year(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`1948, 1961 və 1978-ci illərdə`: the years listed before the one that carries `il`."""
    return _Value(_iso(int(m["y"])), None, "year")


@_rule(r"(?P<c>[1-9]|1\d|2[01])(?:" + _DASH + r"(?P<c2>[1-9]|1\d|2[01]))?" + _NUMSUF + r"\s+" + _ci("əsr")
       + r"(?P<s>" + _L + r"{0,8})" + _END)
def _numbered_century(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`13-cü əsrdə`: a century by its Arabic numeral, as `XIII əsrdə`; `16-17-ci əsrlərdə` two of them."""
    return _centuries(int(m["c"]), int(m["c2"]) if m["c2"] else None)


@_rule(_f(_MON, g="m") + _END)
def _month_alone(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """sentyabrda, martın sonunda: a month with a case ending (a bare `mart`/`may` is too ambiguous)."""
    suffix = lower(m["ms"])
    if suffix in ("", "ı", "i", "u", "ü", "a", "ə") or _month(m["m"], suffix) is None:
        return None
    if m["m"][:1].isupper() and _char_before(m.string, m.start()) not in ("", ".", "!", "?", ":", "—", "-", "\n"):
        return None  # Oktavian Avqustun: a month is written in lower case inside a sentence, a name is not
    month = _MONTH_NUMBER[lower(m["m"])]
    y = _guess_year(month, None, ref)
    return _Value(_iso(y, month) if y else "", None, "month")


@_rule(r"(?P<r>[IVXL]{1,6})(?:" + _DASH + r"(?P<r2>[IVXL]{1,6}))?\s+" + _ci("əsr") + r"(?P<s>" + _L + r"{0,8})" + _END)
def _century(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`XIX əsrdə`, and two centuries at once: `XVI–XVII əsrlərdə`."""
    n = _roman(m["r"])
    return _centuries(n, _roman(m["r2"]) if m["r2"] else None) if n else None


@_rule(r"(?P<r>[IVXL]{1,6})(?=(?:\s*,\s*[IVXL]{1,6})*(?:\s*,\s*|\s+(?:və|ya|yaxud)\s+)[IVXL]{1,6}\s+"
       + _ci("əsr") + ")")
def _listed_century(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    """`XV və XVI əsrlərdə`: the centuries listed before the one that carries `əsr`."""
    n = _roman(m["r"])
    return _centuries(n, None) if n else None


def _char_before(text: str, pos: int) -> str:
    """The last character before `pos` that is no space or tab ("" at the text's start; a line break
    counts, as a heading without a full stop ends before one)."""
    k = pos - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    return text[k] if k >= 0 else ""


def _centuries(first: int, last: int | None) -> _Value | None:
    """The years of a century, or of the centuries from `first` to `last`."""
    last = last or first
    if not 1 <= first <= last <= 21:
        return None
    return _Value(_iso(100 * (first - 1) + 1), _iso(100 * last), "range")


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN[ch]
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


# Relative expressions: the word, then what it means against the reference date.
_REL_WORDS = r"(?P<rel>" + "|".join(_ci(w) for w in ("ötən", "keçən", "bu", "gələn", "cari", "növbəti")) + ")"
_UNIT = r"(?P<unit>il|ay|həftə)(?P<us>in|ində|də|dən|ki|dəki)?"


@_rule(_ci("dünən") + r"(?:ki)?" + _END + r"|" + _ci("srağagün") + _END + r"|" + _ci("sırağagün") + _END
       + r"|" + _ci("bu") + r"\s?" + _ci("gün") + r"(?:kü|ün|dən)?" + r"(?!\s+" + _ci("ərzində") + r")" + _END
       + r"|" + _ci("sabah") + r"(?!\s+" + _ci("saat") + r")" + _END + r"|" + _ci("birigün") + _END)
def _relative_day(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    word = lower(m.group()).replace(" ", "")
    shift = -1 if word.startswith("dünən") else -2 if word.startswith(("srağa", "sırağa")) else (
        1 if word == "sabah" else 2 if word == "birigün" else 0)
    if ref is None:
        return _Value("", None, "day")
    return _Value((ref + dt.timedelta(days=shift)).isoformat(), None, "day")


@_rule(_REL_WORDS + r"\s+" + _UNIT + r"(?:\s+(?:" + _f(_MON, g="m") + r"(?:\s+" + _ci("ayı") + r"(?:nın|nda|na|ndan)?)?"
       + r"(?:\s+(?P<d>[0-3]?\d)" + _NUMSUF + r")?|(?P<e>[0-3]?\d)\s+" + _f(_MON, g="n") + r"|" + _PART + r"))?" + _END)
def _relative_unit(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    rel, unit = lower(m["rel"]), m["unit"]
    shift = -1 if rel in ("ötən", "keçən") else 1 if rel in ("gələn", "növbəti") else 0
    if (m["m"] or m["n"] or m["part"]) and unit != "il":
        return None
    if ref is None:
        return _Value("", None, "range" if unit == "həftə" else "year" if unit == "il" else "month")
    if unit == "həftə":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
        return _Value(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "range")
    if unit == "ay":
        if m["m"] or m["part"]:
            return None
        total = ref.year * 12 + ref.month - 1 + shift
        return _Value(_iso(total // 12, total % 12 + 1), None, "month")
    y = ref.year + shift
    if m["part"]:
        return _year_part(y, m["part"])
    if m["n"]:
        month = _month(m["n"], m["ns"])
        return None if month is None else _day_value(y, month, int(m["e"]), None)
    if m["m"]:
        month = _month(m["m"], m["ms"])
        if month is None:
            return None
        if m["d"]:
            return _day_value(y, month, int(m["d"]), None)
        return _Value(_iso(y, month), None, "month")
    return _Value(_iso(y), None, "year")


@_rule(r"(?P<n>\d{1,3})\s+(?P<unit>gün|həftə|ay|il)\s+" + _ci("əvvəl") + _END)
def _ago(m: re.Match[str], ref: dt.date | None) -> _Value | None:
    if ref is None:
        return _Value("", None, "day")
    n = int(m["n"])
    if m["unit"] == "gün":
        return _Value((ref - dt.timedelta(days=n)).isoformat(), None, "day")
    if m["unit"] == "həftə":
        return _Value((ref - dt.timedelta(weeks=n)).isoformat(), None, "day")
    if m["unit"] == "ay":
        total = ref.year * 12 + ref.month - 1 - n
        return _Value(_iso(total // 12, total % 12 + 1), None, "month")
    return _Value(_iso(ref.year - n), None, "year")


def _as_date(reference: dt.date | str | None) -> dt.date | None:
    if reference is None or isinstance(reference, dt.date):
        return reference
    try:
        return dt.date.fromisoformat(reference[:10])
    except ValueError:
        return None


TENSE_MIN_DAYS = 14  # a guessed date this far on the wrong side of the reference moves a year
_PAST_VERB = re.compile(r"(?:[ıiuü]b|[dt][ıiuü]|m[ıiuü]ş)(?:lar|lər|dır|dir|dur|dür)?$")
_FUTURE_VERB = re.compile(r"(?:acaq|əcək)(?:lar|lər|dır|dir)?$")
# (a clause joined by `və` has its own verb: `noyabrın 1-dən başlanıb və martadək davam edəcək`)
_CLAUSE_END = re.compile(r"[.!?]\s|[,;:]|\n\n|\svə\s|$")
_DATELINE = re.compile(r"\s*[A-ZÇƏĞİÖŞÜ][^\W\d_]+(?:[ -][A-ZÇƏĞİÖŞÜ][^\W\d_]+)?,\s*")
_NAMED_YEAR = re.compile(r"\d{4}|(?<!\w)[iİ]l", re.IGNORECASE)
_THAT_YEAR = re.compile(r"(?<!\w)(?:həmin|o)\s+ilin\s+$", re.IGNORECASE)  # həmin ilin avqustunda
_LAST_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _year_guessed(expr: str) -> bool:
    """A day or month with no year in it (`martın 12-də`; not `2023-cü il 15 may`, `bu ilin iyulunda`)."""
    return any(m in lower(expr) for m in MONTHS) and not _NAMED_YEAR.search(expr)


def _tense_after(text: str, pos: int) -> str | None:
    """`past` or `future` by the last finite verb of the clause that goes on after `pos` (the verb ends
    an Azerbaijani clause: `12 martda sammit başa çatıb`), None when none shows a tense."""
    end = _CLAUSE_END.search(text, pos)
    words = re.findall(r"[^\W\d_]+", text[pos : end.start() if end else len(text)])
    if not words:
        return None
    last = lower(words[-1])  # (a participle inside the clause, əldə etmiş vətəndaşlar, is no main verb)
    if _FUTURE_VERB.search(last):
        return "future"
    if len(last) > 3 and _PAST_VERB.search(last):
        return "past"
    return None


def _by_tense(value: _Value, ref: dt.date, tense: str | None) -> _Value:
    """A guessed year moved by one when the verb says the event lies the other side of the reference:
    `12 martda ... başa çatıb` in an October article is this March, not next."""
    start = dt.date.fromisoformat((value.iso + "-01-01")[:10])
    # (a few days off is no other year: 9 Noyabr - Bayraq Günü ... keçirilib, in a 6 November article)
    shift = -1 if tense == "past" and (start - ref).days > TENSE_MIN_DAYS else 1 if tense == "future" and (
        ref - start).days > TENSE_MIN_DAYS else 0
    if not shift:
        return value

    def moved(iso: str | None) -> str | None:
        return None if iso is None else f"{int(iso[:4]) + shift:04d}{iso[4:]}"

    iso = moved(value.iso)
    try:
        dt.date.fromisoformat((str(iso) + "-01-01")[:10])
    except ValueError:
        return value  # 29 February
    return _Value(str(iso), moved(value.iso_end), value.precision)


def scan_dates(text: str, reference: dt.date | str | None = None, keep_unresolved: bool = False) -> list[DateMatch]:
    """All date expressions, longest first where they overlap, in text order."""
    ref = _as_date(reference)
    found: list[DateMatch] = []
    for pattern, handler in _RULES:
        for m in pattern.finditer(text):
            value = handler(m, ref)
            if value is None or (not value.iso and not keep_unresolved):
                continue
            start, end = m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            that_year = _THAT_YEAR.search(text, max(0, start - 20), start) if value.iso else None
            if that_year and _year_guessed(text[start:end]):
                # həmin ilin avqustunda: the August of the year the text last named, whatever the reference
                named = _LAST_YEAR.findall(text, 0, that_year.start())
                if not named:
                    continue
                value = _Value(named[-1] + value.iso[4:], value.iso_end and named[-1] + value.iso_end[4:],
                               value.precision)
            elif ref is not None and value.iso and _year_guessed(text[start:end]):
                # a dateline's date (Astana, 12 mart (AZƏRTAC).) is the news's own: never after it
                tense = "past" if _DATELINE.fullmatch(text[:start]) else _tense_after(text, end)
                value = _by_tense(value, ref, tense)
            found.append(DateMatch(start, end, text[start:end], value.iso, value.iso_end, value.precision))
    found.sort(key=lambda d: (-(d.end - d.start), d.start))
    taken: list[DateMatch] = []
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda d: d.start)


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMatch]:
    """Date expressions in `text` resolved to ISO values; relative ones need `reference`."""
    return scan_dates(text, reference)


def parse_date(expr: str, reference: dt.date | None = None) -> str | None:
    """The ISO value of the first date expression in `expr` (its start for a range), or None."""
    found = find_dates(expr, reference)
    return found[0].iso if found else None
