"""Named entities (PER, ORG, LOC, FAC, EVENT, DATE) in Azerbaijani news, with canonical lemmas.

Rules and our own word lists do the work that the news register makes regular: dates
(`xeber.text.dates`), titles before names (`Milli Məclisin Sədri Sahibə Qafarova`), organisation
names ending in a head word (`... Parlamenti Senatının`), acronyms (`TÜRKPA-nın`), places from the
lists, named events (`Vətən müharibəsində`), quoted names with a head (`“Astana-Bayterek” abidəsi`).
A CRF model (`xeber.extract.ner`), when one has been trained locally, labels the capitalised spans
the rules leave open. Later short mentions link to the full name (`Qafarova` → `Sahibə Qafarova`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from xeber.document import Entity
from xeber.extract import ner
from xeber.extract.canonical import lemma_of_word, splits
from xeber.extract.gazetteer import Gazetteer, default, key
from xeber.morph import Morphology
from xeber.morph.analyzer import CLOSED_CLASS
from xeber.normalize.words import FOREIGN_FUNCTION_WORDS, LEGAL_FORMS
from xeber.text.alphabet import AZ_SPECIAL
from xeber.text.casing import fold, lower
from xeber.text.dates import scan_dates
from xeber.text.tokenize import Token, tokenize

_ENDERS = frozenset([".", "!", "?", "…", "...", ":", ";", "•", "·", "-", "–", "—"])
_OPEN_QUOTES = "“«„\""
_CLOSE_QUOTES = "”»\"“"
QUOTE_PAIR_TOKENS = 40  # how far a closing quote is looked for (longer quotations are no names anyway)
MAX_QUOTED_NAME_TOKENS = 7  # a quoted name is at most this long (with its quotes' inner punctuation)
_CONNECTORS = frozenset(["və", "üzrə"])  # inside long organisation names: Xidmət və Sosial İnnovasiyalar üzrə
_PATRONYMIC = frozenset(["oğlu", "qızı"])  # son of, daughter of: between a given name and a surname
_HONORIFICS = frozenset(["xan", "bəy", "ağa", "paşa", "xanım", "bəyim", "şah", "sultan"])  # İsmayıl xan Naxçıvanski
_PLACE_CASES = frozenset(["da", "də", "ta", "tə", "dan", "dən", "tan", "tən"])  # locative and ablative
# words after a quoted title of a topic, a slogan or a document, which names no organisation
_WORK_TITLE_WORDS = frozenset(["mövzusu", "mövzusunda", "mövzulu", "başlıqlı", "şüarı", "şüarlı"])
# particles inside foreign names (not da/de: Orxan da Bakıya gəlib)
_NAME_PARTICLES = frozenset(["fon", "fan", "van", "der", "den", "di", "dos", "la", "le", "bin", "ibn"])
# kinds of place after a place's name, bare and in the possessive (Ağdam rayonu, Bakı şəhərində); of them,
# the settlements and regions that name the word before them a place (Sarıqamış kəndi), and the ones
# written in lower case inside local bodies' names (Gəncə şəhər İcra Hakimiyyəti)
_PLACE_KINDS = frozenset(["rayon", "rayonu", "şəhər", "şəhəri", "kənd", "kəndi", "qəsəbə", "qəsəbəsi", "bölgə",
                          "bölgəsi", "vilayət", "vilayəti", "ölkə", "ölkəsi", "paytaxt", "paytaxtı", "region",
                          "regionu", "əyalət", "əyaləti", "ştat", "ştatı"])
# kinds of natural place (Kür çayı, Tufan dağı, Pirallahı adası): a capitalised common word before one
# inside a sentence is still its name
_NATURAL_KINDS = frozenset(["çayı", "gölü", "dənizi", "dağı", "dağları", "körfəzi", "boğazı", "adası",
                            "yarımadası", "okeanı", "vadisi", "səhrası", "düzü"])
_SETTLEMENT_KINDS = frozenset(["şəhəri", "rayonu", "kəndi", "qəsəbəsi", "vilayəti", "əyaləti", "ştatı"]) | _NATURAL_KINDS
_UNIT_KINDS = frozenset(["şəhər", "rayon", "kənd", "qəsəbə"])
_ORG_WORDS_AFTER_QUOTE = frozenset(
    ["şirkəti", "şirkətinin", "şirkətində", "şirkətinə", "mmc", "asc", "qsc", "holdinqi", "qəzeti", "qəzetinin",
     "jurnalı", "klubu", "klubunun", "komandası", "bankı", "təşkilatı", "partiyası", "assosiasiyası",
     "birliyi", "ictimai", "fondu", "mərkəzi", "agentliyi", "televiziyası", "kanalı", "nəşriyyatı", "teatrı",
     "bank", "portalı", "kredit", "sığorta", "lizinq", "zavodu", "fabriki", "kombinatı", "institutu",
     "universiteti", "akademiyası", "holdinq", "korporasiyası", "səhmdar", "mərkəzləri", "mərkəzlər"])
# legal forms written after a quoted company name: the normalizer's list, as tokens' keys
_LEGAL_FORMS = frozenset(key(f) for f in LEGAL_FORMS)
# a name labelled this surely is the same entity where it comes again (the CRF's unsure spans are not)
REPEAT_MIN_CONFIDENCE = 0.85
# a CRF span this sure (0.5 + 0.4 x its least sure tag's marginal) skips the checks of how its words look
MODEL_SURE = 0.88
_DIRECTIONS = frozenset(["şərqi", "qərbi", "şimali", "cənubi", "mərkəzi", "şimal-şərqi", "şimal-qərbi",
                         "cənub-şərqi", "cənub-qərbi"])
# the words a legal form is written out with (Səhmdar Cəmiyyəti, Məhdud Məsuliyyətli Cəmiyyəti), which
# a company's lemma leaves out as it leaves out ASC or MMC
_LEGAL_FORM_WORDS = frozenset(["açıq", "qapalı", "səhmdar", "məhdud", "məsuliyyətli", "cəmiyyəti", "cəmiyyət"])
MAX_ORG_KIND_WORDS = 3  # Məhdud Məsuliyyətli Cəmiyyəti
MAX_NAME_GIVER_WORDS = 3  # Məmməd Əmin Rəsulzadə adına ...
MAX_NAMED_WORDS = 6  # ... adına Bakı Dövlət Universiteti
# surnames in -lı (Cəfərli, Qasımlı): an ending adjectives share (Milli), so read as one only after a given name
_LI_SURNAME = ("lı", "li", "lu", "lü")
_EVENT_NOUNS = frozenset(["hakaton", "konfrans", "forum", "festival", "müsabiqə", "sərgi", "sammit", "olimpiada",
                          "çempionat", "turnir", "yarış", "marafon", "kampaniya", "aksiya"])
_NOT_ACRONYMS = frozenset(key(w) for w in [
    "ƏDV", "ÜDM", "İKT", "KİV", "IT", "PDF", "SMS", "GPS", "TV", "VIP", "II", "III", "IV", "VI", "VII", "VIII", "IX",
    "XI", "XII", "MMC", "ASC", "QSC", "COVID", "USD", "AZN", "EUR", "OK", "FAQ", "DNA", "RNA", "HIV", "HD", "CEO",
    "XX", "XIX", "XXI", "XVIII", "PIN", "SIM", "QR", "URL", "HTML", "XML", "JSON", "RDF", "API", "CSV", "ID",
    # identity and tax numbers, documents and measures of Azerbaijani administration
    "FİN", "VÖEN", "ŞV", "SSN", "İBAN", "IBAN", "SWIFT", "KB", "MB", "GB", "TB", "ADSL", "LTE", "USB",
    # examinations and surveys of students, which news of education names as it names organisations
    "TOEFL", "IELTS", "SAT", "SSAT", "GRE", "GMAT", "LSAT", "ESL", "PISA", "TIMSS"])
_REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")  # I ... XXIX, as monarchs and popes number
# Last words that make a capitalised run a thing, not a person: Vahid Giriş Sistemi
_THING_TAILS = frozenset(["sistemi", "portalı", "proqramı", "layihəsi", "xidməti", "tətbiqi", "platforması",
                          "kartı", "sertifikatı", "imzası", "kitabı", "qanunu", "fərmanı", "sərəncamı"])
# Case endings a word inside a name never carries (only a name's last word inflects): Təlimdə | Milli Şura
_NON_FINAL_CASES = frozenset(["da", "də", "ta", "tə", "dan", "dən", "tan", "tən", "la", "lə", "yla", "ylə",
                              "ya", "yə", "nda", "ndə", "ndan", "ndən"])


_STRONG_SURNAME = ("ov", "ova", "yev", "yeva", "ev", "eva", "zadə", "oğlu")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    key: str
    kind: str
    cap: bool
    acronym: bool
    sent_start: bool


@dataclass(slots=True)
class _Span:
    i: int  # token indices [i, j)
    j: int
    type: str
    confidence: float
    attrs: dict[str, object] = field(default_factory=dict)


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev: Token | None = None
    for t in tokenize(text):
        starts = prev is None or (prev.kind == "punct" and prev.text in _ENDERS) or "\n\n" in text[
            prev.end : t.start] or (prev.kind == "punct" and prev.text in _OPEN_QUOTES and (
                not out or out[-1].sent_start))
        cap = t.text[0].isupper()
        out.append(_Tok(t.start, t.end, t.text, key(t.text), t.kind, cap, cap and _is_acronym(t.text), starts))
        prev = t
    return out


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    letters = [c for c in word.split("-")[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _name_like(word: str, gaz: Gazetteer) -> bool:
    f = ner.word_features(word, gaz)
    return "gaz_first" in f or "surname" in f


def _stem_keys(tok: _Tok) -> tuple[str, ...]:
    """The keys of the token's possible stems (case endings off), the token's own key last."""
    return _stem_keys_of(tok.text)


@lru_cache(maxsize=65536)
def _stem_keys_of(word: str) -> tuple[str, ...]:
    return tuple(key(s.stem) for s in splits(word))


@lru_cache(maxsize=16)
def _first_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases)


def _possessive_head(word_key: str, gaz: Gazetteer) -> bool:
    """Nazirliyi, Mərkəzi, Şurası: a head in its possessive form, which ends a full name."""
    return word_key in gaz.org_heads and word_key.endswith(("ı", "i", "u", "ü"))


# Words that begin names of places and states (Şimali Kipr, Böyük Britaniya, Dağlıq Qarabağ)
NAME_MODIFIERS = frozenset(
    "şimali cənubi qərbi şərqi böyük kiçik yeni köhnə dağlıq yuxarı aşağı orta mərkəzi milli ali birləşmiş "
    "müstəqil sovet federal demokratik xalq".split())
COMMON_NOUN_MIN_COUNT = 1000
# words that open international organisations' names, never part of a person's (İlham Əliyev | Birləşmiş
# Millətlər Təşkilatının)
_INTERNATIONAL_OPENERS = frozenset(["birləşmiş", "şimali", "cənubi", "qərbi", "şərqi", "ümumdünya", "avropa"])
# words that open the names of organisations of many countries, which no country's name opens
_MANY_COUNTRIES_OPENERS = frozenset(["birləşmiş", "ümumdünya", "dünya", "avropa"])
# common words that open many organisations' names (Dövlət Gömrük Komitəsi, Milli Elmlər Akademiyası)
_ORG_OPENERS = NAME_MODIFIERS | frozenset(["dövlət", "beynəlxalq", "respublika", "xarici", "daxili", "hərbi", "elmi",
                                           "ictimai", "iqtisadi", "sosial", "regional", "yerli", "kənd"])


@lru_cache(maxsize=65536)
def _common_noun(word: str) -> bool:
    """A frequent lower-case word that the morphology reads as no proper name (an acronym never is)."""
    low = lower(word)
    if low in NAME_MODIFIERS or _is_acronym(word):
        return False
    morph = Morphology.default()
    if morph.count(low) < COMMON_NOUN_MIN_COUNT:
        return False
    return not any(a.pos == "PROPN" for a in morph.analyze(low))


_LETTER_PREFIX = re.compile(r"[^\W\d_]-")  # e-gov, m-imza


def _surname_shaped(word: str, gaz: Gazetteer) -> bool:
    """Shaped like a surname with or without a case ending (Əliyevin, Paşinyanın), unless the shape comes
    from an ending on a common word (Strategiya|nın is no Strategiyan|ın) or a one-letter prefix (E-gov)."""
    keys = _stem_keys_of(word)
    if not any(gaz.looks_like_surname(k) for k in keys) or _LETTER_PREFIX.match(word):
        return False
    return not any(not gaz.looks_like_surname(k) and _common_noun(k) for k in keys)


@lru_cache(maxsize=65536)
def _possessed_common_noun(word: str) -> bool:
    """A common noun in the 3rd-person possessive (Qəbulu, Qulluğu): the head of a compound whose first
    word comes before it, as in `Tələbə Qəbulu`, never a name that a title introduces."""
    found = Morphology.default().analyze(lower(word))
    return bool(found) and found[0].pos == "NOUN" and found[0].suffixes[-1:] == ("P3SG",) \
        and _common_noun(found[0].stem)


@lru_cache(maxsize=65536)
def _read_as_name(word: str) -> bool:
    """The morphology reads the word first as a proper name."""
    found = Morphology.default().analyze(word)
    return bool(found) and found[0].pos == "PROPN"


@lru_cache(maxsize=65536)
def _inflected_common(word: str) -> bool:
    """A frequent common word with an ending (Nömrəsi, Bazarın), read first as no name."""
    morph = Morphology.default()
    found = morph.analyze(lower(word))
    return bool(found) and found[0].pos not in ("PROPN", "ABBR") and bool(found[0].suffixes) \
        and morph.count(found[0].stem) >= COMMON_NOUN_MIN_COUNT


_CASES = frozenset(["GEN", "ACC", "DAT", "LOC", "ABL", "INS"])
# kinds of company after its bare name (Turkcell şirkəti): the possessive forms, case endings stripped
_COMPANY_KINDS = frozenset(["şirkəti", "holdinqi", "korporasiyası", "konserni", "kompaniyası"])
# kinds of organisation in the plural, after a list of quoted names (“Microsoft” və “Cisco” kimi şirkətlər)
_ORG_KINDS_PLURAL = frozenset(["şirkətlər", "banklar", "təşkilatlar", "kompaniyalar", "klublar", "holdinqlər",
                               "korporasiyalar", "operatorlar", "universitetlər", "fondlar", "agentliklər",
                               "şirkətləri", "bankları", "təşkilatları", "kompaniyaları", "klubları",
                               "operatorları", "universitetləri"])
# kinds of place in the plural, after a list of names (Urumçi və Sian şəhərlərində); the first letters of
# every plural kind, to pass over other words cheaply
_PLACE_KINDS_PLURAL = frozenset(["şəhərlər", "şəhərləri", "rayonlar", "rayonları", "kəndlər", "kəndləri",
                                 "qəsəbələr", "qəsəbələri", "vilayətlər", "vilayətləri", "ştatlar", "ştatları"])
_KIND_STARTS = tuple(sorted({k[:4] for k in _ORG_KINDS_PLURAL | _PLACE_KINDS_PLURAL}))
# the form of a state after its name (Makedoniya Respublikası, Almaniya Federativ Respublikası)
_STATE_FORMS = frozenset(["respublikası", "federasiyası", "krallığı", "imperiyası", "sultanlığı", "əmirliyi",
                          "knyazlığı", "xanlığı", "xilafəti", "konfederasiyası", "cümhuriyyəti"])
# ... of which these are of states gone (Rusiya İmperiyası keeps its whole name as an entity)
_MODERN_STATE_FORMS = _STATE_FORMS - {"imperiyası", "xanlığı", "xilafəti", "konfederasiyası", "cümhuriyyəti"}
_STATE_MODIFIERS = frozenset(["federativ", "demokratik", "xalq", "muxtar", "sosialist", "sovet", "islam"])


@lru_cache(maxsize=65536)
def _case_marked_common(word: str, readings: int = 1) -> bool:
    """A common word, read first as no name, with a case ending in one of its first `readings` readings
    (Layihəni, Tədbirdə; with 2, Kitabı: `his book` or, in the accusative, `the book`)."""
    found = Morphology.default().analyze(lower(word))
    return bool(found) and found[0].pos not in ("PROPN", "ABBR") and any(
        _CASES & set(a.suffixes) for a in found[:readings] if a.pos not in ("PROPN", "ABBR"))


def _is_initial(tok: _Tok) -> bool:
    """A given name's initial: one capital and its period (R., M.)."""
    return tok.kind == "abbrev" and len(tok.text) == 2 and tok.text[0].isupper()


# industries whose trusts and studios were named `X + industry` (Azneft, Azərbaycanfilm, Azdövlətkino)
_INDUSTRY_NOUNS = ("neft", "film", "kino", "sənaye", "energo", "enerji", "telekom")


@lru_cache(maxsize=65536)
def _company_compound(word_key: str) -> bool:
    """One word that names a company or a club by how it is made: a bank (AccessBank, Unibank), a Turkish
    sports club (Kayserispor), `Azər`/`Azəri` before a common noun (Azərsu, Azərişıq, Azəriqaz; not
    Azərbaycan), or a name before its industry (Azneft, Azərbaycanfilm), none of them a common word."""
    if len(word_key) > 6 and word_key.endswith("bank"):
        return True
    if len(word_key) > 6 and word_key.endswith("spor"):
        found = Morphology.default().analyze(word_key)
        return not found or found[0].pos == "PROPN"  # a diaspor is no club
    for prefix in ("azəri", "azər"):
        rest = word_key[len(prefix):]
        if word_key.startswith(prefix) and len(rest) >= 2 and _common_noun(rest):
            return True
    # a trust or studio named by its industry: Azneft, Stalinneft, Azərbaycanfilm, Azdövlətkino
    stem = next((word_key[: -len(noun)] for noun in _INDUSTRY_NOUNS if word_key.endswith(noun)), "")
    if (len(stem) >= 3 or stem == "az") and not _common_word(word_key):
        return True
    return False


# endings of place names the lists may lack (Britaniya, Tacikistan, Gəncəbad, Saatlı, Kürdəmir)
_PLACE_ENDINGS = ("iya", "stan", "abad", "lı", "li", "lu", "lü", "mir", "kənd", "burq", "qrad", "çay")


@lru_cache(maxsize=65536)
def _common_word(word: str) -> bool:
    """The word or one of its stems (case endings off) is a frequent word read first as no name: Limanı,
    Nazirliyi (liman also reads as Lima + n, which `_common_noun` refuses)."""
    morph = Morphology.default()
    for form in {lower(word), *(lower(s.stem) for s in splits(word))}:
        found = morph.analyze(form)
        if found and found[0].pos not in ("PROPN", "ABBR") and morph.count(form) >= COMMON_NOUN_MIN_COUNT:
            return True
    return False


def _place_like(word: str) -> bool:
    """Whether one word that only the model calls a place may be one. In the news it is mostly a brand or
    company: Latin-only (Microsoft, Android, Windows), `Azər-`/`Az-` (Azərsu, Azərişıq, AzTU), or a common
    word capitalised (Rəqəmsal, Portala), unless it ends as place names do."""
    stems = [s.stem for s in splits(word)]
    if len(word.split("-")[0]) < 3 or any(c.isdigit() for c in word) or key(word).startswith("az") \
            or any(_common_noun(stem) for stem in stems):
        return False
    if any(key(stem).endswith(_PLACE_ENDINGS) for stem in stems):
        return True
    return bool(AZ_SPECIAL.search(word))


def _is_head(tok: _Tok, heads: frozenset[str]) -> bool:
    return any(k in heads for k in _stem_keys(tok))


class _Recogniser:
    def __init__(self, text: str, toks: list[_Tok], gaz: Gazetteer, published: str | None,
                 use_model: bool = True, redraws: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.toks = toks
        self.gaz = gaz
        self.published = published
        self.use_model = use_model
        self.redraws = redraws
        self.taken = [False] * len(toks)
        self.spans: list[_Span] = []
        self.title_at: dict[int, tuple[int, int]] = {}  # token index after a title -> title token span
        self.work_titles: list[tuple[int, int]] = []  # quoted titles of topics and documents (token spans)
        self.lower_words = {t.key for t in toks if not t.cap and t.kind == "word"}
        self._lower_stems: set[str] | None = None

    # ---- helpers ----
    def adjacent(self, a: int, b: int) -> bool:
        """Tokens a and b (a < b) are separated by spaces only, within one paragraph."""
        gap = self.text[self.toks[a].end : self.toks[b].start]
        return gap.strip() == "" and gap.count("\n") < 2

    def add(self, i: int, j: int, type_: str, conf: float, **attrs: object) -> None:
        if i >= j or any(self.taken[i:j]):
            return
        self.spans.append(_Span(i, j, type_, conf, dict(attrs)))
        for k in range(i, j):
            self.taken[k] = True

    def phrase_at(self, i: int, phrases: frozenset[tuple[str, ...]], last_inflects: bool = True) -> int:
        """Length of the longest phrase from `phrases` starting at token i (last word may carry a case)."""
        best = 0
        n = len(self.toks)
        first = self.toks[i]
        firsts = _first_words(phrases)
        if first.key not in firsts and not (last_inflects and any(k in firsts for k in _stem_keys(first)[:-1])):
            return 0
        for length in range(min(self.gaz.max_phrase, n - i), 0, -1):
            toks = self.toks[i : i + length]
            if any(t.kind not in ("word", "abbrev", "number") for t in toks):
                continue
            head = tuple(t.key for t in toks[:-1])
            if head + (toks[-1].key,) in phrases:
                return length
            if last_inflects and any(head + (k,) in phrases for k in _stem_keys(toks[-1])[:-1]):
                return length
        return best

    # ---- passes ----
    def dates(self) -> None:
        starts = {t.start: i for i, t in enumerate(self.toks)}
        ends = {t.end: i for i, t in enumerate(self.toks)}
        for d in scan_dates(self.text, self.published, keep_unresolved=True):
            i, j = starts.get(d.start), ends.get(d.end)
            if i is None or j is None:
                continue
            attrs: dict[str, object] = {"precision": d.precision}
            if d.iso:
                attrs["iso"] = d.iso
            if d.iso_end:
                attrs["iso_end"] = d.iso_end
            self.add(i, j + 1, "DATE", 0.95, **attrs)

    def gazetteer_phrases(self) -> None:
        for i, tok in enumerate(self.toks):
            if self.taken[i] or not (tok.cap or tok.kind == "number"):
                continue
            n = self.phrase_at(i, self.gaz.events)
            if n:
                self.add(i, i + n, "EVENT", 0.9)

    def titles(self) -> None:
        """Mark title phrases (`Prezident`, `Senatının sədri`, `Ali Baş Komandan`) and remember which
        token they stand before."""
        i = 0
        n = len(self.toks)
        while i < n:
            tok = self.toks[i]
            if self.taken[i] or tok.kind not in ("word", "abbrev"):
                i += 1
                continue
            length = self.phrase_at(i, self.gaz.titles, last_inflects=False)
            if not length or self._honorific_inside(i):
                i += 1  # (Həsən bəy Zərdabi: bəy inside a name titles no one)
                continue
            j = i + length
            # a list of titles: Prezident, Ali Baş Komandan İlham Əliyev
            while j + 1 < n and self.toks[j].text == "," and self.phrase_at(j + 1, self.gaz.titles, False) \
                    and not self._opens_org(j + 1, self.phrase_at(j + 1, self.gaz.titles, False)):
                j = j + 1 + self.phrase_at(j + 1, self.gaz.titles, False)
            if length == 1 and tok.cap and tok.key in self.gaz.first_names and j < n \
                    and _surname_shaped(self.toks[j].text, self.gaz):
                i = j  # Xalq artisti Alim Qasımov: a title word that is also a given name, before a surname
                continue
            if j < n and self.toks[j].cap and self.adjacent(j - 1, j) and self.toks[j].kind in ("word", "abbrev"):
                if length == 1 and j == i + 1 and self._opens_org(i, length):
                    # Tələbə Qəbulu üzrə ..., Prezident Administrasiyası: the word is the first of a compound
                    # name, no title (a given name is no possessed noun: Nazir Əli Əhmədov, not əl-i)
                    i = j
                    continue
                self.title_at[j] = (i, j)
            elif j + 3 < n and self.toks[j].text == "(" and self.toks[j + 2].text == ")" and self.toks[j + 1].acronym \
                    and self.toks[j + 3].cap and self.toks[j + 3].kind == "word":
                self.title_at[j + 3] = (i, j)  # Mərkəzinin direktoru (EHİM) Fariz Cəfərov: the unit's acronym between
            i = j

    def _opens_org(self, i: int, length: int) -> bool:
        """The one-word title at i is the first word of a compound name after it (Tələbə Qəbulu üzrə ...,
        Prezident Administrasiyası; a given name is no possessed noun: Nazir Əli Əhmədov, not əl-i)."""
        j = i + length
        return length == 1 and j < len(self.toks) and self.toks[j].cap and self.toks[j].key not in self.gaz.first_names \
            and (_possessed_common_noun(self.toks[j].text) or _is_head(self.toks[j], self.gaz.org_heads))

    def chunks(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words (with initials and connectors inside names)."""
        out = []
        n = len(self.toks)
        i = 0
        title_tokens: set[int] = set()
        for a, b in self.title_at.values():
            title_tokens.update(range(a, b))
        while i < n:
            tok = self.toks[i]
            if self.taken[i] or i in title_tokens or not (tok.cap and tok.kind in ("word", "abbrev")):
                i += 1
                continue
            j = i + 1
            while j < n and not self.taken[j] and (j not in title_tokens or self._honorific_inside(j)) \
                    and self.adjacent(j - 1, j):
                t = self.toks[j]
                if t.cap and t.kind in ("word", "abbrev") and j not in self.title_at:
                    j += 1
                elif t.key in _CONNECTORS and j + 1 < n and self.toks[j + 1].cap \
                        and (i not in self.title_at or _common_noun(self.toks[i].text)) \
                        and not self.taken[j + 1] and self._org_ahead(j + 1) and self._conjoined_name(j):
                    # (after a title only when a common noun follows it: `Nazir Elm və Təhsil Nazirliyində`
                    # holds no person, `... Tobias Baumann və İKT İşçi Qrupu` does)
                    j += 1
                elif t.key in _NAME_PARTICLES and j + 1 < n and not self.taken[j + 1] and (self.toks[j + 1].cap or (
                        self.toks[j + 1].key in _NAME_PARTICLES and j + 2 < n and self.toks[j + 2].cap)) \
                        and (self.toks[j - 1].cap or self.toks[j - 1].key in _NAME_PARTICLES):
                    j += 1  # Ursula fon der Lyayen, Vinsent van Qoq: a particle inside a foreign name
                elif t.key in FOREIGN_FUNCTION_WORDS and j + 1 < n and self.toks[j + 1].cap \
                        and not self.taken[j + 1] and self.toks[j - 1].text.isascii() \
                        and self.toks[j + 1].text.isascii():
                    j += 1  # Bank of Baku, Societe Generale de Surveillance: a foreign name's function word
                elif t.key in _PATRONYMIC and j >= i + 2 and j + 1 < n and self.toks[j + 1].cap \
                        and not self.taken[j + 1] and self.toks[j + 1].kind == "word":
                    j += 1  # Heydər Əlirza oğlu Əliyev, Zərifə Əziz qızı Əliyeva: one person's full name
                elif t.key in _PATRONYMIC and j >= i + 3 and self.gaz.looks_like_surname(self.toks[i].key) \
                        and self.toks[i + 1].key in self.gaz.first_names:
                    j += 1  # Bayramov Akif Bayram oğlu: surname, given name, father's name (lists, decrees)
                    break
                elif t.key in _PATRONYMIC and j == i + 2 and self.toks[i].key in self.gaz.first_names:
                    j += 1  # Elşad Mirbəşir oğlu: a given name and the father's, as a person signs
                    break
                elif self._honorific_inside(j):
                    j += 1  # İsmayıl xan Naxçıvanski, Həsən bəy Zərdabi: an honorific inside one person's name
                elif t.key in _UNIT_KINDS and j + 1 < n and self.toks[j + 1].cap and not self.taken[j + 1] \
                        and self._names_a_place(j - 1) and self._org_ahead(j + 1):
                    j += 1  # Gəncə şəhər İcra Hakimiyyəti, Şəki rayon Mərkəzi Xəstəxanası: a local body's name
                elif t.text == "," and (j == i + 1 or j == i + 2 and self._inflected_inside(self.toks[i])) \
                        and self._comma_in_name(j):
                    # (a run may open with an inflected word that is no part of the name: Tədbirdə Nəqliyyat, ...)
                    j += 1
                else:
                    break
            out.append((i, j))
            i = j
        return out

    def _initial_and_surname(self, i: int) -> bool:
        toks = self.toks
        return i + 1 < len(toks) and _is_initial(toks[i]) \
            and _surname_shaped(toks[i + 1].text, self.gaz)

    @property
    def lower_stems(self) -> set[str]:
        """The stems of the words the text writes in lower case (festivalın: a sentence's `Festival` is the
        same common word); built when first asked for."""
        if self._lower_stems is None:
            self._lower_stems = {k for t in self.toks if not t.cap and t.kind == "word" for k in _stem_keys(t)}
        return self._lower_stems

    def _lower_elsewhere(self, i: int) -> bool:
        """The sentence's bare first word is a common word the text also writes in lower case with an
        ending (Festival ... festivalın), unless it heads a bank's name or a comma list of a name follows
        (Bank BTB; Nəqliyyat, Rabitə və ...)."""
        tok = self.toks[i]
        return tok.key != "bank" and not (i + 1 < len(self.toks) and self.toks[i + 1].text == ",") \
            and _stem_keys(tok) == (tok.key,) and tok.key in self.lower_stems

    def _object_before_person(self, i: int, j: int) -> bool:
        """The sentence's first word is an inflected common word before a person's name (Kitabı | Y. H.
        Məmmədəliyev yazıb; Sənədi | Anar Məmmədov imzalayıb), no part of the name."""
        toks = self.toks
        if i + 2 >= j or toks[i].key in self.gaz.first_names or not _case_marked_common(toks[i].text, 2):
            return False
        return self._given_and_surname(i + 1) or _is_initial(toks[i + 1])

    def _inflected_before_company(self, i: int, j: int) -> bool:
        """The sentence's first word is an inflected common word before a one-word company (Mədənlər |
        Stalinneft trestinə, Filmi | Azərfilm çəkib), no part of its name."""
        return i + 2 == j and _company_compound(self.toks[i + 1].key) and _inflected_common(self.toks[i].text)

    def _honorific_inside(self, j: int) -> bool:
        """`xan`, `bəy` ... at j between a given name and another capitalised word of the same name."""
        toks = self.toks
        return 0 < j < len(toks) - 1 and toks[j].key in _HONORIFICS and toks[j - 1].key in self.gaz.first_names \
            and toks[j + 1].cap and toks[j + 1].kind == "word" and not self.taken[j + 1]

    def _inflected_inside(self, tok: _Tok) -> bool:
        if tok.acronym:
            # an acronym with a case ending after its hyphen ends its name (APA-ya | Ekologiya ... Nazirliyi)
            ending = tok.text.rpartition("-")[2]
            return "-" in tok.text and lower(ending) in _NON_FINAL_CASES
        if self.gaz.is_known_name(tok.key):
            return False
        cands = splits(tok.text)
        return len(cands) > 1 and any(c.suffix in _NON_FINAL_CASES for c in cands) and not any(
            self.gaz.is_known_name(key(c.stem)) and c.suffix not in _NON_FINAL_CASES for c in cands)

    def _comma_in_name(self, j: int) -> bool:
        """`Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi`: a comma between single words that a `və`
        and an organisation head follow."""
        toks = self.toks
        if j + 2 >= len(toks) or not toks[j + 1].cap or toks[j + 2].key != "və":
            return False
        before = toks[j - 1]
        if before.acronym or self.gaz.is_known_name(before.key) or before.key.endswith("bank"):
            return False
        return self._org_ahead(j + 3)

    def _person_before_placed_org(self, i: int, head: int) -> int:
        """The length of a person's name (a surname, after a given name or not) that opens a run whose
        organisation names a place before its head (İlham Əliyev | Yeni Azərbaycan Partiyası; Əliyev |
        Bakı Beynəlxalq Multikulturalizm Mərkəzi); 0 otherwise. A name-giver's organisation names no
        place (Heydər Əliyev Fondu, Heydər Əliyev Mərkəzi) and stays whole."""
        toks, gaz = self.toks, self.gaz
        for length in (2, 1):
            end = i + length
            if end >= head or toks[end - 1].acronym or not gaz.looks_like_surname(toks[end - 1].key):
                continue
            if length == 2 and toks[i].key not in gaz.first_names:
                continue
            if any(self._names_a_place(k) for k in range(end, head)):
                return length
        return 0

    def _given_and_surname(self, i: int) -> bool:
        toks, gaz = self.toks, self.gaz
        return i + 1 < len(toks) and toks[i].key in gaz.first_names and any(
            gaz.looks_like_surname(k) for k in _stem_keys(toks[i + 1]))

    def _person_before_name(self, i: int) -> bool:
        """A first name and a surname open the run and an acronym, a known place or another person's name
        follows them: a person before an organisation (`Günay Hüseynova ADA Universitetinin`), where a name-giving
        person (`Heydər Əliyev Fondu`, `Heydər Əliyev Beynəlxalq Hava Limanı`) is followed by neither."""
        toks, gaz = self.toks, self.gaz
        if i + 2 >= len(toks) or toks[i].kind != "word" or toks[i].acronym or not gaz.looks_like_surname(toks[i + 1].key):
            return False
        if toks[i].key not in gaz.first_names and (
                gaz.is_known_name(toks[i].key) or toks[i].key in gaz.not_names or _is_head(toks[i], gaz.org_heads)):
            return False
        after = i + 2
        # ... or another person, whom the organisation is named after (Mehriban Əliyeva | Heydər Əliyev Mərkəzi)
        giver = toks[after].key in gaz.first_names and after + 1 < len(toks) and any(
            gaz.looks_like_surname(k) for k in _stem_keys(toks[after + 1]))
        return toks[after].acronym or giver or toks[after].key in _INTERNATIONAL_OPENERS or bool(
            self.phrase_at(after, gaz.countries) or self.phrase_at(after, gaz.places))

    def _conjoined_name(self, j: int) -> bool:
        """The connector at j joins parts of one name, not two names: the part before it does not end in
        a possessive head (`... Mərkəzi və Gənclər Şurası` are two; `Xidmət və Sosial ... Agentliyi` one)."""
        before = self.toks[max(0, j - 2) : j]
        if any(t.key in self.gaz.first_names or self.gaz.looks_like_surname(t.key) for t in before):
            return False  # Tobias Baumann və İKT İşçi Qrupu: a person, then an organisation
        if self.toks[j - 1].key in self.gaz.title_words:
            return False  # YAP Sədri və İdarə Heyətinin üzvü: a title, then an organisation
        if self.toks[j].key == "və" and (self.toks[j - 1].acronym or _company_compound(self.toks[j - 1].key)):
            # İSESCO və Avropa Şurası, MuğanBank və Bank Respublika: an acronym or a one-word company is a
            # whole name (YUNESKO üzrə ... is not)
            return False
        # the head may carry a case ending: `... Universitetinin və ... Akademiyasının` are two names too
        return not any(_possessive_head(k, self.gaz) for k in {self.toks[j - 1].key, *_stem_keys(self.toks[j - 1])})

    def _modifies_org_name(self, i: int, j: int) -> bool:
        """The sentence's first word, a bare common noun, is the first word of the organisation name after
        it when the next word is the possessed head it modifies (`İnformasiya Texnologiyaları Universiteti`,
        `Dövlət İmtahan Mərkəzi`); a subject before a name (`Tədbir Gənclər və İdman Nazirliyində`) is not."""
        toks = self.toks
        if i + 1 >= j or toks[i].key in self.gaz.not_names or _case_marked_common(toks[i].text) \
                or toks[i].key in self.gaz.title_words or not self._org_ahead(i + 1):
            return False
        return toks[i].key in _ORG_OPENERS or _possessed_common_noun(toks[i + 1].text)

    def _org_ahead(self, i: int) -> bool:
        """A run of capitalised words from i ends in an organisation head (so `və` belongs to the name)."""
        n = len(self.toks)
        start = i
        # a state's name holds no head (Sovet İttifaqı, Rusiya Federasiyası), though one may follow it
        state = self.phrase_at(start, self.gaz.countries)
        state_end = start + state + self._state_form_after(start + state, n) if state else start
        while i < n and i - start < 12 and (self.toks[i].cap or self.toks[i].key in _CONNECTORS
                                             or self.toks[i].text == ","):
            if i >= state_end and self.toks[i].cap and _is_head(self.toks[i], self.gaz.org_heads):
                return True
            i += 1
        return False

    def classify(self, i: int, j: int) -> None:
        toks = self.toks
        gaz = self.gaz
        for k in range(i, j - 1):
            if self._inflected_inside(toks[k]):
                self.classify(i, k + 1)
                self.classify(k + 1, j)
                return
        # a sentence's first word that is not a name: Sonra, Bu, Lakin, or one the text also writes in
        # lower case (Sənəd ... sənəd), unless `və` joins it to an organisation's name (Əmək və Əhalinin
        # Sosial Müdafiəsi Nazirliyi)
        while i < j and toks[i].sent_start and (toks[i].key in gaz.not_names or toks[i].key in self.lower_words
                                                 or self._lower_elsewhere(i)
                                                 or self._object_before_person(i, j)
                                                 or self._inflected_before_company(i, j)) \
                and not gaz.is_known_name(toks[i].key) and not (
                    i + 2 < j and toks[i + 1].key == "və" and toks[i].key not in gaz.not_names
                    and self._org_ahead(i + 2)) and not self._modifies_org_name(i, j):
            i += 1
        # a sentence's first word that is a common noun before a known place (Layihə Bakı Dövlət
        # Universitetinin ...; Qərar Azərbaycan SSR ...): the name begins with the place
        if i + 1 < j and toks[i].sent_start and (gaz.is_known_name(toks[i + 1].key) or self.phrase_at(
                i + 1, gaz.countries)) and not gaz.is_known_name(toks[i].key) and _common_noun(toks[i].text):
            i += 1
        # ... or before a numeral, which opens the name it numbers (Konfrans | II Dünya müharibəsinə)
        if i + 1 < j and toks[i].sent_start and _REGNAL.fullmatch(toks[i + 1].text) and _common_word(toks[i].text):
            i += 1
        # connectors and commas at the edges never belong to a name (`, Rabitə və ... Nazirliyinin` once
        # the sentence's first word was left out)
        while i < j and (toks[i].key in _CONNECTORS or toks[i].text == ","):
            i += 1
        if i >= j:
            return
        while j > i and (toks[j - 1].key in _CONNECTORS or toks[j - 1].text == ","):
            j -= 1
        titled = i in self.title_at
        # a company: the capitalised words before a legal form, with it (Azərsu ASC, Azərbaycan Xəzər Dəniz
        # Gəmiçiliyi QSC-nin); without them, the legal form is no name
        legal = next((k for k in range(i + 1, j) if any(s in _LEGAL_FORMS for s in _stem_keys(toks[k]))), None)
        if legal is not None and not titled and not self._given_and_surname(i):
            if toks[i].sent_start and i + 1 < legal and _case_marked_common(toks[i].text):
                i += 1  # Layihəni | Azərkinovideo İB: the sentence's first word is an inflected common word
            self.add(i, legal + 1, "ORG", 0.85)
            if legal + 1 < j:
                self.classify(legal + 1, j)
            return
        # organisations: the last head word closes the name
        heads = [k for k in range(i, j) if _is_head(toks[k], gaz.org_heads) and not toks[k].acronym]
        closed = next((k for k in heads if i < k < j - 1 and _case_marked_common(toks[k].text)
                       and not _genitive(key(toks[k].text)) and self._name_starts(k + 1)), None)
        if closed is not None:
            # a head in the dative, accusative, locative ... before a place or an acronym ends its name:
            # Naxçıvan Özəl Universitetinə | Azərbaycan Respublikası Təhsil Nazirliyinin (a genitive head may
            # be followed, Universitetinin Rektorluğu, and a dative inside a name, Hərbi Xidmətə Çağırış)
            self.classify(i, closed + 1)
            self.classify(closed + 1, j)
            return
        if heads == [i] and toks[i].key == "bank" and j - i >= 2:
            self.add(i, j, "ORG", 0.8)  # Bank Respublika: the head first, as in bank names
            return
        if heads and heads[-1] > i + 2 and self._initial_and_surname(i):
            self.add(i, i + 2, "PER", 0.85)  # A. Hüseynov | Moskva Energetika İnstitutuna daxil olub
            self.classify(i + 2, j)
            return
        if heads and heads[-1] > i + 2 and (self._person_before_name(i) or titled and self._given_and_surname(i)):
            # (after a title, a given name and a surname are the person's: nümayəndəsi Tofiq Musayev |
            # Təhlükəsizlik Şurasının)
            self.add(i, i + 2, "PER", 0.85)  # Günay Hüseynova | ADA Universitetinin tələbələri
            self.classify(i + 2, j)
            return
        if heads and titled and toks[i].key in gaz.first_names:
            # prezidenti Rövşən Nəcəf | Azərbaycan Beynəlxalq Bankı: after a title, a person's name ends where
            # an organisation that opens with a place begins
            place = next((k for k in range(i + 1, min(heads[-1], i + 4)) if self.phrase_at(k, gaz.countries)
                          or self.phrase_at(k, gaz.places)), None)
            if place is not None:
                self.add(i, place, "PER", 0.85)
                self.classify(place, j)
                return
        country = self.phrase_at(i, gaz.countries) if heads else 0
        if country and i + country + self._state_form_after(i + country, j) == heads[-1] + 1:
            heads = []  # Sovet İttifaqı, Rusiya Federasiyası: a state whose name ends in a word heads also end
        if country and heads and i + country < heads[-1] and toks[i + country].key in _MANY_COUNTRIES_OPENERS \
                and tuple(t.key for t in toks[i : i + country]) in gaz.countries \
                and not any(k in _STATE_FORMS or k.startswith("ştat") for k in _stem_keys(toks[i + country + 1])):
            # a country before an organisation of many countries is the sentence's subject, no part of the
            # name (Qazaxıstan | Dünya Ticarət Təşkilatının üzvüdür, Gürcüstan | Avropa İttifaqına; but
            # Meksika Birləşmiş Ştatları is the country's own name)
            self.classify(i, i + country)
            self.classify(i + country, j)
            return
        if heads and titled and heads[-1] > i + 1 and _surname_shaped(toks[i].text, gaz) \
                and (toks[i + 1].acronym or toks[i + 1].key in _INTERNATIONAL_OPENERS
                     or self.phrase_at(i + 1, gaz.countries) or self.phrase_at(i + 1, gaz.places)):
            # Prezident Əliyev | Şimali Atlantika Əməkdaşlıq Şurasının iclasında: after a title, a surname
            # alone is the person, the organisation after it opens with a place or a word such names open with
            self.add(i, i + 1, "PER", 0.8)
            self.classify(i + 1, j)
            return
        person = self._person_before_placed_org(i, heads[-1]) if heads else 0
        if person:
            self.add(i, i + person, "PER", 0.8)  # İlham Əliyev | Yeni Azərbaycan Partiyasının sədri
            self.classify(i + person, j)
            return
        if heads and heads[-1] > i:
            k = heads[-1]
            self.add(i, k + 1, "ORG", 0.9)
            if k + 1 < j:
                self.classify(k + 1, j)
            return
        if not heads and j - i >= 2 and toks[j - 1].acronym and not toks[j - 2].acronym:
            # an acronym after other capitalised words is a name of its own (Elvin Cəfərli | İKT-nin)
            self.classify(i, j - 1)
            self.classify(j - 1, j)
            return
        # named events and facilities: capitalised words + a head (Zəfər Günü, Qız qalası)
        nxt = j
        if nxt < len(toks) and not toks[nxt].cap and self.adjacent(nxt - 1, nxt) and not self.taken[nxt] \
                and any(k in _COMPANY_KINDS for k in _stem_keys(toks[nxt])) and not titled:
            # Türkiyənin | Turkcell şirkəti, Microsoft şirkətinin: a company before its kind (after the
            # country it is of, and the sentence's first common words)
            a = i
            for k in range(i, j):
                n = self.phrase_at(k, gaz.countries) or self.phrase_at(k, gaz.places)
                if n and _genitive(toks[k + n - 1].key):
                    a = k + n
                if toks[k].acronym and k < j - 1:
                    a = max(a, k + 1)  # RYTN MHM | Microsoft şirkətinin: acronyms are names of their own
            while a < j - 1 and toks[a].sent_start and _common_word(toks[a].text):
                a += 1
            if a < j and not self.phrase_at(a, gaz.countries) and not self.phrase_at(a, gaz.places) \
                    and not self._given_and_surname(a) and not all(_common_word(t.text) for t in toks[a:j]):
                if a > i:
                    self.classify(i, a)
                self.add(a, j, "ORG", 0.8)
                return
        # (a person in the genitive before the head is whom the monument or the event is of: Heydər
        # Əliyevin abidəsi names him, as a person, and no facility named so)
        person_of = j - i >= 2 and self._given_and_surname(j - 2) and _genitive(toks[j - 1].key)
        if nxt < len(toks) and not toks[nxt].cap and self.adjacent(nxt - 1, nxt) and not self.taken[nxt] \
                and not person_of:
            if _is_head(toks[nxt], gaz.event_heads):
                self.add(i, nxt + 1, "EVENT", 0.8)
                return
            if _is_head(toks[nxt], gaz.fac_heads):
                self.add(i, nxt + 1, "FAC", 0.8)
                return
        kind = next((k for k in (lower(a.stem) for a in splits(toks[nxt].text)) if k in _SETTLEMENT_KINDS), None) \
            if nxt < len(toks) else None
        if kind is not None and not toks[nxt].cap and self.adjacent(nxt - 1, nxt) and not titled \
                and (not _common_noun(toks[j - 1].text) or (kind in _NATURAL_KINDS and not toks[j - 1].sent_start)) \
                and not toks[j - 1].acronym \
                and not any(len(c.suffix) >= 2 for c in splits(toks[j - 1].text)):
            # Tbilisi şəhərində, Yeni Yaşma qəsəbəsində: the last word (with its modifiers, bare: a place
            # before its kind takes no ending) is a place by its kind
            a = j - 1
            while a > i and lower(toks[a - 1].text) in NAME_MODIFIERS:
                a -= 1
            if a > i:
                self.classify(i, a)
            self.add(a, j, "LOC", 0.75)
            return
        if j - i >= 2 and _is_head(toks[j - 1], gaz.event_heads) and not titled:
            self.add(i, j, "EVENT", 0.8)
            return
        if j - i >= 2 and _is_head(toks[j - 1], gaz.fac_heads) and not titled:
            self.add(i, j, "FAC", 0.8)  # Heydər Əliyev Beynəlxalq Hava Limanı, Azadlıq Meydanı
            return
        # places from the lists, longest first, left to right
        k = i
        rest_start = i
        while k < j:
            n = self.phrase_at(k, gaz.countries) or self.phrase_at(k, gaz.places)
            n = min(n, j - k)
            if n:
                n += self._state_form_after(k + n, j)  # Makedoniya | Respublikası, Almaniya | Federativ Respublikası
            if n and k > i and toks[k - 1].key in gaz.first_names \
                    and (_surname_shaped(toks[k].text, gaz) or n == 1 and k + 1 == j):
                # a place named after a person, after a given name, is the surname (Nəriman Nərimanov,
                # Məhəmməd Füzuli)
                n = 0
            if n == 1 and k == i and j - i == 2 and toks[k].key in gaz.first_names and not self.phrase_at(
                    k + 1, gaz.places) and not self.phrase_at(k + 1, gaz.countries) and toks[k + 1].kind == "word" \
                    and not toks[k + 1].acronym and not _common_word(toks[k + 1].text) \
                    and not _is_head(toks[k + 1], gaz.org_heads):
                n = 0  # Nizami Gəncəvi: a given name that also names a place, before the rest of the person's name
            if n and k > i and _is_initial(toks[k - 1]):
                n = 0  # ... and after an initial (M. Füzuli adına küçə)
            if n and (not titled or self._place_after_title(k, n, j)):
                if k > rest_start:
                    self._name_or_other(rest_start, k, titled)
                self.add(k, k + n, "LOC", 0.95)
                k += n
                rest_start = k
            else:
                k += 1
        if rest_start < j:
            self._name_or_other(rest_start, j, titled and rest_start == i)

    def _name_starts(self, k: int) -> bool:
        """A place or an acronym at k, as another organisation's name begins."""
        return self.toks[k].acronym or bool(self.phrase_at(k, self.gaz.countries) or self.phrase_at(k, self.gaz.places))

    def _regnal_name(self, i: int, j: int) -> int:
        """The length of a regnal numeral and the one or two names after it (`III Çarlz`, `IV Fridrix
        Vilhelm`), 0 when the words at i are none: a common word or a place after the numeral names a
        war, a congress or games (`II Dünya müharibəsi`, `I Avropa Oyunları`)."""
        toks = self.toks
        if j - i < 2 or not _REGNAL.fullmatch(toks[i].text):
            return 0
        if not (toks[i + 1].key in self.gaz.first_names or _read_as_name(toks[i + 1].text)):
            return 0  # III Tier: a numbered thing
        length = 1
        while length < 3 and i + length < j and self._personal_name_word(i + length):
            length += 1
        return length if length > 1 else 0

    def _personal_name_word(self, k: int) -> bool:
        tok = self.toks[k]
        return tok.kind == "word" and not tok.acronym and (tok.key in self.gaz.first_names or not (
            _common_word(tok.text) or self.phrase_at(k, self.gaz.countries) or self.phrase_at(k, self.gaz.places)
            or _is_head(tok, self.gaz.org_heads) or _is_head(tok, self.gaz.event_heads)))

    def _state_form_after(self, k: int, j: int) -> int:
        """How many words from k (before j) name the form of the state whose name ends before k: `Respublikası`,
        `Federativ Respublikası`, `Krallığı`, `Muxtar Respublikası` (0 when none)."""
        end = k
        while end < j and self.toks[end].key in _STATE_MODIFIERS:
            end += 1
        if end < j and any(s in _STATE_FORMS for s in (self.toks[end].key, *_stem_keys(self.toks[end]))):
            return end + 1 - k
        return 0

    def _place_after_title(self, k: int, n: int, j: int) -> bool:
        """A known place ending the words after a title is a place, not the person's name, when it carries a
        case ending (sədri Numan Kurtulmuş Bakıya) or a kind of place follows (başçısı Ağdam rayonunda);
        a place-named person keeps the name otherwise (Səfir Xəzər İbrahim)."""
        if k + n != j:
            return False
        words = tuple(t.key for t in self.toks[k:j])
        if words not in self.gaz.places and words not in self.gaz.countries:
            return True  # matched through a stem: the last word is inflected
        nxt = self.toks[j] if j < len(self.toks) else None
        if nxt is not None and (nxt.text == "," or nxt.key == "və") and j + 1 < len(self.toks) and (
                self.phrase_at(j + 1, self.gaz.countries) or self.phrase_at(j + 1, self.gaz.places)):
            return True  # sədri Şarl Mişel | Azərbaycan, Ermənistan və Gürcüstan liderləri: a list of places
        return nxt is not None and not nxt.cap and any(
            lower(s) in _PLACE_KINDS for s in (a.stem for a in splits(nxt.text)))

    def _name_or_other(self, i: int, j: int, titled: bool) -> None:
        toks = self.toks
        gaz = self.gaz
        # a title word inflected (Sədrini) is never a name, unless it is a given name before a surname
        while i < j and any(k in gaz.title_words for k in _stem_keys(toks[i])) and not self._given_and_surname(i):
            i += 1
            titled = False
        if i >= j:
            return
        regnal = self._regnal_name(i, j)
        if regnal:
            self.add(i, i + regnal, "PER", 0.8)  # III Çarlz, IV Fridrix Vilhelm: a monarch's numeral and name
            if i + regnal < j:
                self.classify(i + regnal, j)
            return
        # acronyms stand alone: Sahibə Qafarova TÜRKPA-ya
        for k in range(i, j):
            if toks[k].acronym and j - i > 1:
                if k > i:
                    self._name_or_other(i, k, titled)
                self._name_or_other(k, k + 1, False)
                if k + 1 < j:
                    self._name_or_other(k + 1, j, False)
                return
        if j - i == 1 and toks[i].acronym:
            base = toks[i].key.split("-")[0]
            shouting = (i > 0 and toks[i - 1].acronym and self.adjacent(i - 1, i)) or (
                i + 1 < len(toks) and toks[i + 1].acronym and self.adjacent(i, i + 1))
            if base not in _NOT_ACRONYMS and not base.isdigit() and not shouting and len(base) <= 7:
                self.add(i, j, "ORG", 0.85)
            return
        person_at = next((k for k in range(i + 1, j - 1) if self._given_and_surname(k)
                          and toks[k + 1].key not in _PATRONYMIC), None)  # (Nadir | Firudin oğlu: the father's)
        if person_at is not None and toks[i].key not in gaz.first_names \
                and all(_common_word(t.text) and not _name_like(t.text, gaz) for t in toks[i:person_at]):
            # İnkişaf Konsepsiyası | İlham Əliyevin: capitalised common words before a person are no part of him
            self._name_or_other(person_at, j, False)
            return
        words = toks[i:j]
        first_name = words[0].key in gaz.first_names
        surname = _surname_shaped(words[-1].text, gaz)
        initials = _is_initial(words[0]) and j - i >= 2
        if j - i == 1 and first_name and words[0].sent_start and not titled:
            return
        if any(k in _THING_TAILS for k in _stem_keys(words[-1])):
            return
        # a particle between capitalised words marks a foreign person's name (Vinsent van Qoq, Abdullah bin Zayed)
        particle = j - i >= 3 and any(t.key in _NAME_PARTICLES for t in toks[i + 1 : j - 1])
        if first_name or initials or particle or (titled and j - i >= 2) or (surname and j - i >= 2):
            # a name ends at its surname: Sahibə Qafarova | Qazaxistana
            end = next((k + 1 for k in range(i + 1, j) if _surname_shaped(toks[k].text, gaz)
                        and not (toks[k].key in _PATRONYMIC and k + 1 < j)),  # Əlirza oğlu | Əliyev
                       min(j, i + 3 + sum(t.key in _NAME_PARTICLES or t.key in FOREIGN_FUNCTION_WORDS
                                          for t in toks[i:j])))  # (fon der Lyayen, Yaap de Hoop Sxeffer)
            if end < j and toks[end - 1].key in _PATRONYMIC:
                end += 1
            if first_name and j - i >= 2 and end > i + 2 and any(
                    s.endswith(_LI_SURNAME) and len(s) > 4 for s in _stem_keys(toks[i + 1])):
                end = i + 2  # Elvin Cəfərli, Aysel Məmmədli: after a given name, -lı ends a surname too
            if end - i == 1 and j - i > 1 and not first_name:
                end = min(j, i + 2)
            if end - i >= 3 and not _surname_shaped(toks[end - 1].text, gaz) and any(
                    c.suffix in _PLACE_CASES for c in splits(toks[end - 1].text)):
                end -= 1  # a person is seldom where something is: Vladimir Putin | Kremldə
            self.add(i, end, "PER", 0.9 if (first_name or titled) else 0.8)
            if end < j:
                self.classify(end, j)
            return
        if j - i == 1 and titled and (surname or not words[0].sent_start) and words[0].key not in gaz.not_names \
                and (surname or first_name):
            self.add(i, j, "PER", 0.7)
            return
        strong_surname = any(k.endswith(_STRONG_SURNAME) for k in _stem_keys(words[0]))
        place_shaped = any(k.endswith(("iya", "stan")) for k in _stem_keys(words[0]))  # Britaniya-nın, no -yan
        if j - i == 1 and surname and (not words[0].sent_start or strong_surname) and not place_shaped:
            self.add(i, j, "PER", 0.6)
            return
        if j - i == 1 and any(_company_compound(k) for k in _stem_keys(words[0])):
            self.add(i, j, "ORG", 0.75)  # AccessBank, Kayserispor, Azərsu: one word naming a company or club
            return
        if j - i == 1 and any(k.endswith("stan") for k in _stem_keys(words[0])):
            self.add(i, j, "LOC", 0.7)

    def quoted(self) -> None:
        """“Astana-Bayterek” abidəsi, “Azərsu” ASC: a quoted name typed by the word after it."""
        toks = self.toks
        n = len(toks)
        closed = -1  # the closing quote of the last pair: a straight " there opens nothing
        placed: list[tuple[int, int]] = []  # quoted places with no kind after them
        for i, tok in enumerate(toks):
            if i <= closed or tok.kind != "punct" or tok.text not in _OPEN_QUOTES:
                continue
            j = i + 1
            while j < n and j - i <= QUOTE_PAIR_TOKENS and not (toks[j].kind == "punct" and toks[j].text in _CLOSE_QUOTES):
                j += 1
            if j < n and j - i <= QUOTE_PAIR_TOKENS:
                closed = j
            if j < n and j + 1 < n and j - i <= QUOTE_PAIR_TOKENS and toks[i + 1].cap \
                    and any(k in _WORK_TITLE_WORDS for k in _stem_keys(toks[j + 1])):
                # “... Qiymətləndirilməsi” mövzusunda: a topic's or a work's title, no organisation or person
                # (a place in it is still a place)
                self.work_titles.append((i + 1, j))
                continue
            if j >= n or j - i > MAX_QUOTED_NAME_TOKENS or j == i + 1 or not toks[i + 1].cap \
                    or toks[j - 1].kind == "punct" or j + 1 >= n:
                continue
            head_end = self._org_phrase_after(j + 1)
            if head_end:
                # a place inside the quoted words is no place here
                self._free(i + 1, j)
                # “ADA” Universiteti, “İnflot” Dəniz Agentliyi, “Azərsu” ASC: a capitalised kind or a legal
                # form after the quotes is part of the mention (“Naxçıvan” alone would be the city), quotes
                # and all; the lemma leaves a legal form out (_lemma)
                self.add(i, head_end, "ORG", 0.85)
                continue
            if self._kind_after_quoted_list(j + 1) and not any(self.taken[i + 1 : j]):
                self.add(i + 1, j, "ORG", 0.8)  # “Microsoft” və “Cisco” kimi şirkətlər
                continue
            after = toks[j + 1]
            after_keys = _stem_keys(after)
            if not after.cap and j + 2 < n and not any(k in _ORG_WORDS_AFTER_QUOTE for k in after_keys) \
                    and any(k in _ORG_WORDS_AFTER_QUOTE for k in _stem_keys(toks[j + 2])):
                after_keys = _stem_keys(toks[j + 2])  # “Qarabağ” futbol klubu, “Azərsu” səhmdar cəmiyyəti
            if any(k in _ORG_WORDS_AFTER_QUOTE for k in after_keys) and all(
                    s.type == "LOC" for s in self.spans if i < s.i < j and s.j <= j):
                self._free(i + 1, j)  # a place the company or club is named after: “Qarabağ”, “Bakı” bankı
            if any(self.taken[i + 1 : j]):
                continue
            if _is_head(after, self.gaz.fac_heads):
                self.add(i + 1, j, "FAC", 0.85)
            elif any(k in _ORG_WORDS_AFTER_QUOTE for k in after_keys) or (after.cap and _is_head(after, self.gaz.org_heads)):
                self.add(i + 1, j, "ORG", 0.85)
            elif _is_head(after, self.gaz.event_heads):
                self.add(i + 1, j, "EVENT", 0.8)
            elif after.key == "adlı" and j + 2 < n and any(k in _EVENT_NOUNS for k in _stem_keys(toks[j + 2])):
                self.add(i + 1, j, "EVENT", 0.8)
            elif j - i > 2 and any(k in _ORG_WORDS_AFTER_QUOTE for k in _stem_keys(toks[j - 1])):
                self.add(i + 1, j, "ORG", 0.8)  # "AFB bank": the head inside the quotes
            elif j == i + 2 and any(_company_compound(k) for k in _stem_keys(toks[i + 1])):
                self.add(i + 1, j, "ORG", 0.8)  # “Azərkino”, “Stalinneft”: one word made as companies are
            elif all(t.acronym for t in toks[i + 1 : j]) and not (
                    j == i + 2 and toks[i + 1].key.split("-")[0] in _NOT_ACRONYMS):
                self.add(i + 1, j, "ORG", 0.75)  # “ANSAR LEASİNG”: a company name in capitals (“OK” is none)
            elif j - i <= 5 and not self.phrase_at(i + 1, self.gaz.countries) and not self.phrase_at(
                    i + 1, self.gaz.places):
                # “ASAN Finans” layihəsi, “Rəqəmsal Hökumət” proqramı: a product or project, not a name we type
                for k in range(i + 1, j):
                    self.taken[k] = True
            else:
                placed.append((i + 1, j))
        # a quoted place the document also calls a club or company (“Qarabağ” klubu ... “Qarabağ” dekabrda)
        companies = {tuple(t.key for t in toks[s.i:s.j]) for s in self.spans if s.type == "ORG"
                     and s.i > 0 and toks[s.i - 1].text in _OPEN_QUOTES}
        for a, b in placed:
            if tuple(t.key for t in toks[a:b]) in companies and not any(self.taken[a:b]):
                self.add(a, b, "ORG", 0.8)

    def listed_before_kind(self) -> None:
        """`Huawei, ZTE və Alibaba şirkətlərinin`, `Urumçi və Sian şəhərlərində`: single capitalised words
        listed with commas and `və` before a kind in the plural are names of that kind."""
        toks = self.toks
        for at, tok in enumerate(toks):
            if tok.cap or tok.kind != "word" or at == 0 or not toks[at - 1].cap or not tok.key.startswith(_KIND_STARTS):
                continue
            keys = (tok.key, *_stem_keys(tok))
            type_ = "ORG" if any(k in _ORG_KINDS_PLURAL for k in keys) else \
                "LOC" if any(k in _PLACE_KINDS_PLURAL for k in keys) else None
            if type_ is None:
                continue
            items: list[int] = []
            k = at - 1
            while k >= 0 and toks[k].cap and toks[k].kind == "word" and not self.taken[k] \
                    and not _common_word(toks[k].text):
                items.append(k)
                if k >= 2 and (toks[k - 1].text == "," or toks[k - 1].key == "və"):
                    k -= 2
                else:
                    break
            first = items[-1] if items else 0
            if len(items) >= 2 and not (first > 0 and toks[first - 1].cap and toks[first - 1].kind == "word"
                                        and not toks[first - 1].sent_start):
                # (a capitalised word before the first item, not the sentence's first, makes it a longer name)
                for k in items:
                    self.add(k, k + 1, type_, 0.75)

    def _kind_after_quoted_list(self, k: int) -> bool:
        """Whether more quoted names joined by commas and `və` may follow from k, then `kimi` and a kind
        of organisation in the plural (`... və “Cisco” kimi şirkətlərin`)."""
        toks, n = self.toks, len(self.toks)
        while k + 1 < n and (toks[k].text == "," or toks[k].key == "və") and toks[k + 1].text in _OPEN_QUOTES:
            close = next((m for m in range(k + 2, min(n, k + 2 + MAX_QUOTED_NAME_TOKENS))
                          if toks[m].kind == "punct" and toks[m].text in _CLOSE_QUOTES), None)
            if close is None:
                return False
            k = close + 1
        if k < n and toks[k].key == "kimi":
            k += 1
        return k < n and any(s in _ORG_KINDS_PLURAL for s in (toks[k].key, *_stem_keys(toks[k])))

    def named_after(self) -> None:
        """`Üzeyir Hacıbəyov adına Azərbaycan Dövlət Orkestri`, `Heydər Əliyev adına Beynəlxalq Aeroport`:
        a name, `adına` ("named after") and capitalised words ending in an organisation's or a
        facility's head are one name, the name-giver inside it (no person, no place of its own)."""
        toks, n, gaz = self.toks, len(self.toks), self.gaz
        for a, tok in enumerate(toks):
            if tok.key != "adına" or a == 0 or a + 1 >= n or not toks[a + 1].cap:
                continue
            start = a
            while start > 0 and a - start < MAX_NAME_GIVER_WORDS and toks[start - 1].cap \
                    and toks[start - 1].kind in ("word", "abbrev") and self.adjacent(start - 1, start) \
                    and not toks[start - 1].sent_start:
                start -= 1
            if start == a:
                continue
            if toks[start - 1].sent_start and toks[start - 1].cap and not _common_noun(toks[start - 1].text):
                start -= 1  # the name opens the sentence (but not Konsert Üzeyir Hacıbəyov adına ...)
            end = a + 1
            while end < n and end - a <= MAX_NAMED_WORDS and toks[end].cap and toks[end].kind == "word":
                end += 1
                if _is_head(toks[end - 1], gaz.org_heads) or _is_head(toks[end - 1], gaz.fac_heads):
                    kind = "ORG" if _is_head(toks[end - 1], gaz.org_heads) else "FAC"
                    if not any(self.taken[start:end]):
                        self.add(start, end, kind, 0.85)
                    break

    def _org_phrase_after(self, k: int) -> int:
        """The end of a legal form or an organisation's kind starting at token k (Səhmdar Cəmiyyəti,
        Məhdud Məsuliyyətli Cəmiyyəti, Dəniz Agentliyi, İB): up to three capitalised words ending in an
        organisation head, or an acronym of a legal form; 0 when there is none."""
        toks, n = self.toks, len(self.toks)
        if k < n and any(key in _LEGAL_FORMS for key in _stem_keys(toks[k])):
            return k + 1
        for end in range(k, min(k + MAX_ORG_KIND_WORDS, n)):
            tok = toks[end]
            if tok.kind != "word" or not tok.cap or self.taken[end] or tok.acronym or self._names_a_place(end):
                return 0  # another name follows (“AIFORDIGIGOV” PAŞA Holdinq, ... Azərbaycan-İtaliya Palatası)
            if _is_head(tok, self.gaz.org_heads):
                if any(_possessive_head(key, self.gaz) for key in _stem_keys(tok)):
                    return end + 1  # Cəmiyyəti, Bankı, Mərkəzində: a head that ends a name
                # a bare head may go on (“ASAN Bridge” Elektron Hökumət İnformasiya Sistemi is no kind)
                nxt = toks[end + 1] if end + 1 < n else None
                if nxt is not None and nxt.kind == "word" and nxt.cap \
                        and not any(key in _LEGAL_FORMS for key in _stem_keys(nxt)):
                    return 0
                return end + 1
        return 0

    def _names_a_place(self, k: int) -> bool:
        """Token k begins a known place or country, or is a hyphenated pair holding one (Azərbaycan-İtaliya)."""
        gaz = self.gaz
        if self.phrase_at(k, gaz.places) or self.phrase_at(k, gaz.countries):
            return True
        parts = self.toks[k].text.split("-")
        return len(parts) > 1 and any((key(p),) in gaz.countries or (key(p),) in gaz.places for p in parts)

    def _free(self, i: int, j: int) -> None:
        """Drop the spans lying inside tokens [i, j)."""
        for span in [s for s in self.spans if i <= s.i and s.j <= j]:
            self.spans.remove(span)
            for k in range(span.i, span.j):
                self.taken[k] = False

    def model(self) -> None:
        """Spans the CRF labels around capitalised words (not a sentence's first) that no rule took."""
        tagger = ner.default_tagger() if self.use_model else None
        if tagger is None:
            return
        redraw = self.redraws if tagger.stacked else frozenset()
        open_ = [t.cap and t.kind == "word" and ((not t.sent_start and not self.taken[k]) or bool(redraw))
                 for k, t in enumerate(self.toks)]
        for (i, j, type_, conf) in tagger.spans(self.toks, self.gaz, open_.__getitem__, self.tags()):
            if any(t.kind == "punct" for t in self.toks[i:j]):
                continue
            if type_ in redraw and any(self.taken[i:j]):
                self._redraw(i, j, redraw)
            if any(k in _THING_TAILS for k in _stem_keys(self.toks[j - 1])) or (
                    j - i == 1 and self.toks[i].acronym and (self.toks[i].key.split("-")[0] in _NOT_ACRONYMS)):
                continue
            while i < j and self.toks[i].sent_start and (
                    self.toks[i].key in self.gaz.not_names or self.toks[i].key in self.lower_words):
                i += 1  # Artıq Bank ...: the sentence's first word is not part of the name
            if i >= j:
                continue
            if j - i == 1 and (self.toks[i].key.split("-")[0] in _NOT_ACRONYMS or self.toks[i].key in self.gaz.not_names):
                continue
            # a sure span skips the look checks below; no person's name is spelled in capitals (RYTN MHM)
            sure = conf >= MODEL_SURE and not (type_ == "PER" and any(t.acronym for t in self.toks[i:j]))
            if type_ == "PER" and not sure and not any(_name_like(t.text, self.gaz) for t in self.toks[i:j]):
                continue  # Dubai Startup Hub: a person has a word that lists or the lexicon know as a name
            if type_ == "PER" and any(k in _LEGAL_FORMS for t in self.toks[i:j] for k in _stem_keys(t)):
                type_ = "ORG"  # Azərsu ASC: a legal form makes a company
            if type_ == "PER":
                # a person's name ends at its surname, as the rules read it (Qaçay Mirzəyev | Microsoft)
                j = next((k + 1 for k in range(i + 1, j - 1)
                          if _surname_shaped(self.toks[k].text, self.gaz)), j)
            if type_ == "LOC" and not sure and not any(_place_like(t.text) for t in self.toks[i:j] if t.kind == "word"):
                continue  # Google Play, Visa Classic: no word of it looks like a place's
            if type_ == "LOC" and all(_common_word(t.text) or _inflected_common(t.text) for t in self.toks[i:j]) \
                    and not any(k in _STATE_FORMS for k in (self.toks[j - 1].key, *_stem_keys(self.toks[j - 1]))):
                continue  # Federasiyamızın, Dövlət Reyestrləri: common nouns name no place (Birləşmiş Krallıq may)
            if type_ == "PER" and _inflected_common(self.toks[j - 1].text):
                continue  # Fərdi İdentifikasiya Nömrəsi: a person's name ends in no inflected common noun
            if type_ == "ORG" and j - i > 1 and _inflected_common(self.toks[j - 1].text) and not any(
                    _is_head(t, self.gaz.org_heads) or t.acronym or _company_compound(t.key) for t in self.toks[i:j]):
                continue  # Fərdi İdentifikasiya Nömrəsi: a thing, no organisation has no head word
            if type_ == "PER" and j < len(self.toks) and self.toks[j].key in _ORG_WORDS_AFTER_QUOTE:
                type_ = "ORG"  # Ansar Lizing şirkəti: a company's name before its kind
            if j - i == 1 and self.toks[i].key in self.lower_words:
                continue  # Rəqəmsal İnkişaf ...: a word the text also writes in lower case names nothing alone
            if type_ in ("PER", "ORG") and any(a <= i and j <= b for a, b in self.work_titles):
                continue
            if type_ in ("PER", "LOC", "ORG") and not any(self.taken[i:j]):
                self.add(i, j, type_, conf)

    def repeats(self) -> None:
        """A name the document has already labelled is the same entity where it comes again in words no
        pass took (label consistency): `Azon` alone after `“Azon” Zavodu`, `Azərsu ASC` after `“Azərsu”
        ASC`, a surname alone after the full name. The longest known name wins; its last word may inflect."""
        names, acronyms = self._known_names()
        if not names:
            return
        longest = max(len(p) for p in names)
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if not tok.cap or tok.kind != "word" or (
                    tok.sent_start and (tok.key in self.lower_words or tok.key in self.gaz.not_names)):
                i += 1
                continue
            for length in range(min(longest, n - i), 0, -1):
                if self._repeat_at(i, length, names, acronyms):
                    i += length
                    break
            else:
                i += 1

    def _repeat_at(self, i: int, length: int, names: dict[tuple[str, ...], str], acronyms: set[str]) -> bool:
        """Label tokens [i, i+length) as the known name they spell, if they do; shorter spans inside them
        give way (`Azərbaycan` LOC inside `Azərbaycan Xəzər Dəniz Gəmiçiliyi`), and a legal form right
        after a company's name joins it (`Azərkinovideo İB`)."""
        toks = self.toks
        run = toks[i : i + length]
        if any(t.kind != "word" or not t.cap for t in run) or not all(
                self.adjacent(k, k + 1) for k in range(i, i + length - 1)):
            return False
        head = tuple(t.key for t in run[:-1])
        types = {names[head + (k,)] for k in _stem_keys(run[-1]) if head + (k,) in names}
        if len(types) != 1:
            return False
        if length == 1 and run[0].acronym != any(k in acronyms for k in _stem_keys(run[0])):
            return False  # an acronym repeats in capitals: PİN is no `Pin` opening a sentence
        inside = [s for s in self.spans if s.i < i + length and i < s.j]
        if any(s.i < i or s.j > i + length or s.type == "DATE" or (s.i, s.j) == (i, i + length) for s in inside):
            return False
        covered = {k for s in inside for k in range(s.i, s.j)}
        if any(self.taken[k] and k not in covered for k in range(i, i + length)):
            return False  # a quoted product's words or a company's kind: taken without a span of their own
        type_ = types.pop()
        j = i + length
        if type_ == "ORG" and j < len(toks) and self.adjacent(j - 1, j) and any(
                k in _LEGAL_FORMS for k in _stem_keys(toks[j])):
            legal = [s for s in self.spans if s.i == j and s.j == j + 1]
            if legal or not self.taken[j]:
                inside += legal
                j += 1
        for s in inside:
            self._free(s.i, s.j)
        self.add(i, j, type_, 0.6)
        return True

    def _known_names(self) -> tuple[dict[tuple[str, ...], str], set[str]]:
        """Word keys of the names the spans so far hold (a name's last word by its stems), with their type;
        also a quoted company's name before its kind and a person's surname. Names given two types, and
        single words that are common lower-case words, are left out. Second, the one-word names written
        in capitals."""
        found: dict[tuple[str, ...], set[str]] = {}
        acronyms: set[str] = set()

        def note(words: list[_Tok], type_: str) -> None:
            if not words or any(t.kind != "word" or not t.cap for t in words):
                return
            if len(words) == 1 and (len(words[0].text) < 3 or _common_word(words[0].text)):
                return
            head = tuple(t.key for t in words[:-1])
            for k in _stem_keys(words[-1]):
                found.setdefault(head + (k,), set()).add(type_)
                if len(words) == 1 and words[0].acronym:
                    acronyms.add(k)

        for s in self.spans:
            if s.type not in ("PER", "ORG", "LOC") or s.confidence < REPEAT_MIN_CONFIDENCE:
                continue
            at = [k for k in range(s.i, s.j) if self.toks[k].kind != "punct"]
            words = [self.toks[k] for k in at]
            note(words, s.type)
            if s.type == "PER" and len(words) > 1:
                note(words[-1:], "PER")
            if s.type == "ORG":
                # the name before an organisation's kind or legal form: Azon (Zavodu), Azərsu (ASC)
                kind_at = next((k for k, t in enumerate(words) if k > 0 and (
                    _is_head(t, self.gaz.org_heads) or any(x in _LEGAL_FORMS for x in _stem_keys(t)))), None)
                if kind_at is not None and not any(_common_word(t.text) for t in words[:kind_at]) \
                        and not self._names_a_place(at[0]):
                    note(words[:kind_at], "ORG")
        return {name: types.pop() for name, types in found.items() if len(types) == 1}, acronyms

    def _redraw(self, i: int, j: int, types: frozenset[str]) -> None:
        """Free the rule spans the model's span [i, j) overlaps, when all are of `types`."""
        hit = [s for s in self.spans if s.i < j and i < s.j]
        if not hit or any(s.type not in types for s in hit):
            return
        for s in hit:
            self.spans.remove(s)
            for k in range(s.i, s.j):
                self.taken[k] = False

    def tags(self) -> list[str]:
        """The rules' decisions as IOB2 tags per token (titles as TTL), for the CRF to stack on."""
        tags = ["O"] * len(self.toks)
        for a, b in self.title_at.values():
            for k in range(a, b):
                tags[k] = "B-TTL" if k == a else "I-TTL"
        for s in self.spans:
            for k in range(s.i, s.j):
                tags[k] = ("B-" if k == s.i else "I-") + s.type
        return tags

    def rules(self) -> None:
        self.dates()
        self.named_after()
        self.gazetteer_phrases()
        self.titles()
        self.quoted()
        self.listed_before_kind()
        for i, j in self.chunks():
            self.classify(i, j)
        self.directions()

    def directions(self) -> None:
        """A capitalised point of the compass before a place is part of its name (`Şərqi Almaniya`,
        `Cənub-Şərqi Asiya`), as it is of the listed `Cənubi Qafqaz`."""
        for s in [s for s in self.spans if s.type == "LOC" and s.i > 0]:
            before = self.toks[s.i - 1]
            if before.cap and before.key in _DIRECTIONS and not self.taken[s.i - 1] and self.adjacent(s.i - 1, s.i):
                self._free(s.i, s.j)
                self.add(s.i - 1, s.j, "LOC", s.confidence, **s.attrs)

    def listed_people(self) -> None:
        """`Pyotr Budi, Marin Barleti, Pyotr Boqdani`: two or three capitalised words no pass took, listed
        with commas or `və` beside a person, are a person too (a foreign name no list knows)."""
        toks = self.toks
        grew = True
        while grew:
            before = len(self.spans)
            for s in [s for s in self.spans if s.type == "PER"]:
                for a, b in (self._listed_run(s.j, 1), self._listed_run(s.i - 1, -1)):
                    # (a given name may be a common word, Marin; the surname is none)
                    if b - a in (2, 3) and not _common_word(toks[b - 1].text) and all(
                            not t.acronym and not self._names_a_place(k) and not _is_head(t, self.gaz.org_heads)
                            for k, t in zip(range(a, b), toks[a:b], strict=True)):
                        self.add(a, b, "PER", 0.6)
            grew = len(self.spans) > before

    def _listed_run(self, k: int, step: int) -> tuple[int, int]:
        """The run of capitalised words after (step 1) or before (step -1) a list separator at token k, as
        token bounds (a, b); (0, 0) when there is none."""
        toks, n = self.toks, len(self.toks)
        if not 0 <= k < n or not (toks[k].text == "," or toks[k].key == "və"):
            return 0, 0
        a = b = k + step
        while 0 <= b < n and toks[b].cap and toks[b].kind == "word" and not self.taken[b] and abs(b - k) <= 4:
            b += step
        return (a, b) if step > 0 else (b + 1, a + 1)

    def run(self) -> list[_Span]:
        self.rules()
        self.repeats()  # (before the model, so that it sees the repeated names as the rules' own)
        self.model()
        self.repeats()  # (and after it, for the names only it found)
        self.directions()
        self.listed_people()
        return sorted(self.spans, key=lambda s: s.i)


def rule_tags(words: list[str]) -> list[str]:
    """IOB2 tags the rules alone give a pre-tokenised sentence (joined by spaces): CRF stacking features
    for training on CoNLL data, as `find_entities` gives them at run time."""
    text = " ".join(words)
    toks = _tokens(text)
    rec = _Recogniser(text, toks, default(), None)
    rec.rules()
    rec.repeats()
    tok_tags = rec.tags()
    out = ["O"] * len(words)
    pos = 0
    starts = []
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    k = 0
    for idx, w0 in enumerate(starts):
        w1 = w0 + len(words[idx])
        while k < len(toks) and toks[k].end <= w0:
            k += 1
        if k < len(toks) and toks[k].start < w1:
            tag = tok_tags[k]
            # a word that starts inside a token continues its span
            out[idx] = tag if toks[k].start >= w0 or tag == "O" else "I-" + tag[2:]
    return out


def _title_text(rec: _Recogniser, span: _Span, by_end: dict[int, _Span]) -> str | None:
    if span.i not in rec.title_at:
        return None
    a, b = rec.title_at[span.i]
    # extend over the organisation or place the title belongs to: Qazaxıstan Parlamenti Senatının sədri,
    # also across its bracketed acronym: ... Mərkəzinin (EHİM) direktoru
    toks = rec.toks
    # capitalised words of an office no rule made a name, before a lower-case title word: Xarici İşlər naziri
    lower_title = not toks[a].cap
    while a > 0 and lower_title and toks[a - 1].cap and toks[a - 1].kind == "word" and not rec.taken[a - 1] \
            and rec.adjacent(a - 1, a) and not (toks[a - 1].sent_start and (
                toks[a - 1].key in rec.gaz.not_names or toks[a - 1].key in rec.lower_words
                or _case_marked_common(toks[a - 1].text, 2) and not _genitive(toks[a - 1].key))):
        # (the sentence's first word when it is an object, Sənədi | nazir Rəşad Nəbiyev imzalayıb, is no part
        # of the office; a genitive is, Nazirliyin sözçüsü)
        a -= 1
    # lower-case words of the office before `naziri`: Gürcüstanın müdafiə naziri, rabitə və yüksək
    # texnologiyalar naziri (and `və` between them)
    if b - a == 1 and toks[a].key.startswith("nazir"):
        k = a
        while k > 0 and a - k < 6 and not toks[k - 1].cap and toks[k - 1].kind == "word" and (
                _office_word(toks[k - 1].text) or toks[k - 1].key == "və" and k - 1 > 0
                and (_office_word(toks[k - 2].text) or toks[k - 2].cap) and k < a):
            k -= 1
        if toks[k].key == "və":
            # Rabitə və yüksək texnologiyalar naziri: the field before `və` is capitalised (no name took it)
            k = k - 1 if toks[k - 1].cap and not rec.taken[k - 1] and toks[k - 1].kind == "word" else k + 1
        a = k
    if a >= 3 and toks[a - 1].text == ")" and toks[a - 3].text == "(" and toks[a - 2].acronym:
        prev = by_end.get(a - 3)
        if prev is not None and prev.type == "ORG":
            a = prev.i
    prev = by_end.get(a)
    if prev is not None and prev.type in ("ORG", "LOC") and rec.adjacent(prev.j - 1, a):
        a = prev.i
    elif a > 0 and not rec.toks[a - 1].cap and (_genitive(rec.toks[a - 1].key) or _relative(rec.toks[a - 1].key)):
        # komitəsinin sədri, ölkəmizdəki səfirinin müavini: walk back over the lower-case words of a unit or
        # a place-relative to the organisation or country it belongs to (in the genitive)
        k = a - 1
        while k > 0 and a - k < 10 and k not in by_end and (
                rec.toks[k - 1].kind == "word" or rec.toks[k - 1].text == ","):
            k -= 1
        prev = by_end.get(k)
        quoted = by_end.get(k - 1) if k > 0 and rec.toks[k - 1].text in _CLOSE_QUOTES else None
        if prev is not None and prev.type in ("ORG", "LOC") and _genitive(rec.toks[prev.j - 1].key):
            a = prev.i
        elif quoted is not None and quoted.type == "ORG" and _genitive(rec.toks[k].key):
            # “Neftçi” klubunun baş məşqçisi: a quoted name before the unit word, quotes and all
            a = quoted.i - 1 if quoted.i > 0 and rec.toks[quoted.i - 1].text in _OPEN_QUOTES else quoted.i
        elif _genitive(rec.toks[a - 1].key):
            a = a - 1
    # the genitive chain goes on over names directly before: Dövlət Agentliyinin | Elektron Hökumətin İnkişafı
    # Mərkəzinin direktoru; AHK | Azərbaycanın icraçı direktoru (a bare name before a name compounds with it)
    while (prev := by_end.get(a)) is not None and prev.type in ("ORG", "LOC") and rec.adjacent(prev.j - 1, a) and (
            _genitive(rec.toks[prev.j - 1].key) or len(splits(rec.toks[prev.j - 1].text)) == 1):
        a = prev.i
    return rec.text[rec.toks[a].start : rec.toks[b - 1].end]


@lru_cache(maxsize=65536)
def _office_word(word: str) -> bool:
    """A noun bare or possessed (müdafiə, işlər, təsərrüfatı) that may name a ministry's field."""
    found = Morphology.default().analyze(lower(word))
    return bool(found) and found[0].pos == "NOUN" and set(found[0].suffixes) <= {"PL", "P3SG"} \
        and lower(word) not in CLOSED_CLASS


def _relative(word_key: str) -> bool:
    return word_key.endswith(("dakı", "dəki", "takı", "təki")) and len(word_key) > 6


def _genitive(word_key: str) -> bool:
    return word_key.endswith(("ın", "in", "un", "ün")) and len(word_key) > 4


def _lemma(rec: _Recogniser, span: _Span, known: set[str]) -> str:
    toks = rec.toks[span.i : span.j]
    if span.type == "DATE":
        return str(span.attrs.get("iso") or rec.text[toks[0].start : toks[-1].end])
    gaz = rec.gaz
    if span.type == "ORG":
        name = _before_legal_form(toks)
        if name:
            # “Azərsu” ASC-nin, Azərsu ASC-dən, “Qafqaz və Merkuri” Səhmdar Cəmiyyətinin: the company is
            # Azərsu, Qafqaz və Merkuri; the ending is on the form, so the name is as written
            return _unquoted(rec.text[name[0].start : name[-1].end])

    last = toks[-1]
    org_last = span.type == "ORG" and len(toks) > 1 and _is_head(last, gaz.org_heads)
    if len(toks) > 1 and span.type in ("LOC", "EVENT", "FAC"):
        org_last = True  # Azərbaycan Respublikasının → Respublikası; Vətən müharibəsində → müharibəsi

    def is_known(stem: str) -> bool:
        k = key(stem)
        if gaz.is_known_name(k):
            return True
        if org_last and k.endswith(("ı", "i", "u", "ü")) and (
                k in gaz.org_heads or k in gaz.event_heads or k in gaz.fac_heads):
            return True  # a listed head in the possessive form that ends a name: Marafonu (not Marafo + nu)
        # the document shows the stem on its own elsewhere (not for heads, whose bare forms differ)
        return not org_last and stem != last.text and k in known
    stem = lemma_of_word(last.text, span.type, is_known, org_last)
    # “ADA” Universiteti is the entity ADA Universiteti: quotes mark the name, they are no part of it
    return _unquoted(rec.text[toks[0].start : last.start]) + stem


def _unquoted(text: str) -> str:
    return "".join(ch for ch in text if ch not in _OPEN_QUOTES and ch not in _CLOSE_QUOTES)


def _before_legal_form(toks: list[_Tok]) -> list[_Tok]:
    """The words of a company's mention before the legal form that ends it (`ASC`, `MMC-nin`, `Səhmdar
    Cəmiyyəti`, `Məhdud Məsuliyyətli Cəmiyyətinin`), quotes kept; [] when no legal form ends it."""
    end = len(toks)
    if end > 1 and any(k in _LEGAL_FORMS for k in _stem_keys(toks[-1])):
        end -= 1
    else:
        while end > 1 and toks[end - 1].kind == "word" and any(
                k in _LEGAL_FORM_WORDS for k in (toks[end - 1].key, *_stem_keys(toks[end - 1]))):
            end -= 1
        # (a society's own kind is no legal form: Gənclər Cəmiyyəti; a written-out form holds səhmdar or
        # məsuliyyətli)
        if not any(t.key in ("səhmdar", "məsuliyyətli") for t in toks[end:]):
            return []
    if all(t.kind == "punct" for t in toks[:end]):
        return []
    return toks[:end]


def find_entities(text: str, published: str | None = None, *, use_model: bool = True,
                  redraws: frozenset[str] = frozenset()) -> list[Entity]:
    """Entities in `text` (normally the normalized text), offsets into it, lemmas and links.

    `use_model=False`: the rules alone, without the CRF. `redraws`: types a stacked CRF (one trained with
    the rules' tags as features) may re-draw over the rules' spans; none by default, since re-drawing
    ORG/LOC/PER gains 0.02 F1 on ner-wikiaz but loses 0.09 on our news gold (bench/results/entities.md),
    whose span conventions the rules follow."""
    gaz = default()
    toks = _tokens(text)
    rec = _Recogniser(text, toks, gaz, published, use_model, redraws)
    spans = rec.run()
    # words the document itself shows bare: evidence for the right stem of an inflected mention
    known = {t.key for k, t in enumerate(toks) if t.cap and rec.taken[k]}
    by_end = {s.j: s for s in spans}
    entities: list[Entity] = []
    for s in spans:
        start, end = toks[s.i].start, toks[s.j - 1].end
        attrs = dict(s.attrs)
        if s.type == "PER":
            title = _title_text(rec, s, by_end)
            if title:
                attrs["title"] = title
        entities.append(Entity(start, end, text[start:end], s.type, _lemma(rec, s, known), s.confidence, attrs))
    entities.extend(_place_chains(rec))
    link_mentions(entities)
    entities.extend(_nominal_mentions(rec, entities))
    entities.sort(key=lambda e: e.start)
    return entities


PLACE_CHAIN_CONFIDENCE = 0.85


def _place_chains(rec: _Recogniser) -> list[Entity]:
    """`Bakı-Tbilisi-Qars dəmir yolu`, `Bakı-Sumqayıt yolunda`: places joined by hyphens into a route or a
    pair, each a known place or country (the last may carry a case ending), are each a place mention,
    in a word no pass took. A hyphenated name whose parts are no places (Nur-Sultan) stays whole."""
    gaz = rec.gaz
    out: list[Entity] = []
    for k, tok in enumerate(rec.toks):
        if rec.taken[k] or tok.kind != "word" or not tok.cap or "-" not in tok.text:
            continue
        parts = tok.text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue
        stems = [_place_stem(p, gaz, last=n == len(parts) - 1) for n, p in enumerate(parts)]
        if any(stem is None for stem in stems):
            continue
        start = tok.start
        for part, stem in zip(parts, stems, strict=True):
            assert stem is not None
            out.append(Entity(start, start + len(part), part, "LOC", stem, PLACE_CHAIN_CONFIDENCE, {}))
            start += len(part) + 1
    return out


def _place_stem(word: str, gaz: Gazetteer, *, last: bool) -> str | None:
    """The place `word` names, as listed (the last word of a chain may carry a case: Qarsa → Qars)."""
    k = key(word)
    if (k,) in gaz.places or (k,) in gaz.countries:
        return word
    if last:
        for sp in splits(word):
            if sp.stem != word and ((key(sp.stem),) in gaz.places or (key(sp.stem),) in gaz.countries):
                return sp.stem
    return None


def _nominal_mentions(rec: _Recogniser, entities: list[Entity]) -> list[Entity]:
    """`Senatın sədri`, `Milli Məclisin Sədrini` with no name after them: a later mention of the one person
    whose title names that organisation and ends in that title word. Marked attrs['nominal'] (not a name)."""
    titled = [e for e in entities if e.type == "PER" and "title" in e.attrs]
    if not titled:
        return []
    toks = rec.toks
    in_title = {k for a, b in rec.title_at.values() for k in range(a, b)}
    per_starts = {e.start for e in entities if e.type == "PER"}
    out: list[Entity] = []
    for k, tok in enumerate(toks):
        if tok.kind != "word" or k in in_title or rec.taken[k] or not any(
                s in rec.gaz.title_words for s in _stem_keys(tok)) or k == 0:
            continue
        if k + 1 < len(toks) and toks[k + 1].start in per_starts and rec.adjacent(k, k + 1):
            continue
        # the organisation words before the title word: capitalised, adjacent, the last in the genitive
        a = k
        while a > 0 and toks[a - 1].cap and toks[a - 1].kind == "word" and rec.adjacent(a - 1, a) and k - a < 6:
            a -= 1
        if a == k or not _genitive(toks[k - 1].key):
            continue
        heads = {fold(s) for s in _stem_keys(tok)}
        found: dict[str, Entity] = {}
        while a < k and not found:  # a sentence's first word (Qonaq Milli Məclisin Sədrini) is not the name's
            org_stems = [{fold(s) for s in _stem_keys(t)} for t in toks[a:k]]
            found = {str(e.attrs["canonical"]): e for e in titled if e.start < tok.start
                     and _title_matches(str(e.attrs["title"]), org_stems, heads)}
            a += 0 if found else 1
        if len(found) == 1:
            (canonical, person), = found.items()
            start, end = toks[a].start, tok.end
            out.append(Entity(start, end, rec.text[start:end], "PER", rec.text[start:end], 0.7,
                              {"canonical": canonical, "title": person.attrs["title"], "nominal": True}))
    return out


def _title_matches(title: str, org_stems: list[set[str]], heads: set[str]) -> bool:
    """Does a person's title end in one of `heads` and contain a word starting with a stem of each org word?"""
    words = [fold(w) for w in title.replace(",", " ").split()]
    if not words or words[-1] not in heads:
        return False
    return all(any(w.startswith(s) for w in words[:-1] for s in stems if len(s) >= 3) for stems in org_stems)


_QUOTED_THEN_KIND = re.compile(f"^[{_OPEN_QUOTES}]([^{_CLOSE_QUOTES}]+)[{_CLOSE_QUOTES}]\\s+\\S")
_INITIAL = re.compile(r"^(\w)\.\s?(\w[\w-]*)$")  # a given name's initial and a surname: R. Cabbarov


def link_mentions(entities: list[Entity]) -> None:
    """Short mentions to the full name in the same document, titles shared across a person's mentions,
    acronyms in brackets to the name before them."""
    full_by_part: dict[tuple[str, str], str] = {}
    for e in entities:
        if e.type == "PER" and " " in e.lemma:
            for part in (e.lemma.split()[-1], e.lemma.split()[0]):
                full_by_part.setdefault(("PER", fold(part)), e.lemma)
    full_names = {e.lemma for e in entities if e.type == "PER" and " " in e.lemma and not _INITIAL.match(e.lemma)}
    titles: dict[str, str] = {}
    for e in entities:
        if e.type != "PER":
            continue
        canonical = e.lemma
        initial = _INITIAL.match(e.lemma)
        if initial:
            # R. Cabbarov, Ə.Abdullayev: the one full name of the document with that surname and initial
            found = [f for f in full_names if fold(f.split()[-1]) == fold(initial[2])
                     and fold(f[0]) == fold(initial[1])]
            canonical = found[0] if len(found) == 1 else e.lemma
        elif " " not in e.lemma:
            canonical = full_by_part.get(("PER", fold(e.lemma)), e.lemma)
        e.attrs["canonical"] = canonical
        if "title" in e.attrs:
            titles.setdefault(canonical, str(e.attrs["title"]))
    for e in entities:
        if e.type == "PER" and "title" not in e.attrs and e.attrs.get("canonical") in titles:
            e.attrs["title"] = titles[str(e.attrs["canonical"])]
    # “ADA” Universiteti, then ADA-nın: the quoted name alone is the same organisation
    by_quoted = {fold(m[1]): e.lemma for e in entities if e.type == "ORG"
                 and (m := _QUOTED_THEN_KIND.match(e.text)) is not None}
    for e in entities:
        if e.type == "ORG" and fold(e.lemma) in by_quoted:
            e.attrs["canonical"] = by_quoted[fold(e.lemma)]
    for a, b in zip(entities, entities[1:], strict=False):
        if a.type == "ORG" and b.type == "ORG" and " " not in b.lemma and b.lemma.isupper() and 0 < b.start - a.end <= 2:
            b.attrs["canonical"] = a.lemma
    for e in entities:
        e.attrs.setdefault("canonical", _state_name(e.lemma) if e.type == "LOC" else e.lemma)
        words = str(e.attrs["canonical"]).split()
        if e.type == "PER" and len(words) >= 3 and any(lower(w) in _HONORIFICS for w in words[1:-1]):
            # Mehriban xanım Əliyeva is Mehriban Əliyeva wherever else she is named
            e.attrs["canonical"] = " ".join([words[0], *(w for w in words[1:-1] if lower(w) not in _HONORIFICS),
                                             words[-1]])


def _state_name(lemma: str) -> str:
    """A state by its short name: `Qazaxıstan Respublikası` and `Almaniya Federativ Respublikası` are
    Qazaxıstan and Almaniya, as most mentions call them; historic states keep their whole name
    (`Azərbaycan Xalq Cümhuriyyəti`, `Rusiya İmperiyası`)."""
    words = lemma.split()
    if len(words) < 2 or key(words[-1]) not in _MODERN_STATE_FORMS:
        return lemma
    end = len(words) - 1
    while end > 1 and key(words[end - 1]) in _STATE_MODIFIERS:
        end -= 1
    return " ".join(words[:end])


def canonical_key(entity: Entity) -> str:
    """A key that gathers one entity's mentions across documents: type and folded canonical name."""
    if entity.type == "DATE":
        return "DATE:" + str(entity.attrs.get("iso") or fold(entity.lemma))
    name = str(entity.attrs.get("canonical") or entity.lemma)
    return f"{entity.type}:{fold(name)}"
