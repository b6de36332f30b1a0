"""Azerbaijani suffix grammar as data: morpheme templates and the states they connect.

Template symbols (Zemberek-style):
- ``A``: a/ə by the backness of the previous vowel (two-way harmony).
- ``I``: ı/i/u/ü by backness and rounding of the previous vowel (four-way harmony).
- ``Q``: q after a back vowel, k after a front one (``-lıq/-lik``, ``-acaq/-əcək``).
- a leading ``+`` marks the next letter as optional: a buffer consonant (``+yA``, ``+nIn``, ``+sI``)
  appears only after a vowel, a linking vowel (``+Im``, ``+In``) only after a consonant.
- a ``V:``/``C:`` prefix restricts the allomorph to stems ending in a vowel/consonant.

A suffix that ends in q/k softens to ğ/y before a vowel (``-lıq`` + ``-ı`` = ``-lığı``); the analyzer
applies that between morphemes, the lexicon records it for stems (``bulaq``→``bulağı``).
Each morpheme carries a sample word; tests check that the analyzer finds the morpheme in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

VOWELS = frozenset("aıoueəiöü")
BACK = frozenset("aıou")
ROUNDED = frozenset("oöuü")


@dataclass(frozen=True)
class Morpheme:
    tag: str
    template: str
    sample: str  # a word that contains the morpheme (used by tests)
    sample_lemma: str


# (tag, template, sample word, its lemma). Tags may repeat with different allomorph templates.
MORPHEMES: dict[str, Morpheme] = {}


def _m(key: str, tag: str, template: str, sample: str, sample_lemma: str) -> str:
    MORPHEMES[key] = Morpheme(tag, template, sample, sample_lemma)
    return key


# --- nominal inflection
_m("PL", "PL", "lAr", "kitablar", "kitab")
_m("P1SG", "P1SG", "+Im", "kitabım", "kitab")
_m("P2SG", "P2SG", "+In", "evin", "ev")
_m("P3SG", "P3SG", "+sI", "otağı", "otaq")
_m("P1PL", "P1PL", "+ImIz", "ölkəmiz", "ölkə")
_m("P2PL", "P2PL", "+InIz", "kitabınız", "kitab")
_m("GEN", "GEN", "+nIn", "Azərbaycanın", "Azərbaycan")
_m("ACC", "ACC", "+nI", "layihəni", "layihə")
_m("DAT", "DAT", "+yA", "Qazaxıstana", "Qazaxıstan")
_m("LOC", "LOC", "dA", "Bakıda", "Bakı")
_m("ABL", "ABL", "dAn", "tərəfindən", "tərəf")
_m("INS", "INS", "+ylA", "maşınla", "maşın")
_m("INS_V", "INS", "V:lA", "müştərilə", "müştəri")  # ilə fused without its y after a vowel
_m("INS_VP", "INS", "V:lA", "sahəsilə", "sahə")  # the same after a possessive, where it is common
_m("DAT_N", "DAT", "nA", "ölkəsinə", "ölkə")  # pronominal n after 3rd-person possessive
_m("LOC_N", "LOC", "ndA", "çərçivəsində", "çərçivə")
_m("ABL_N", "ABL", "ndAn", "tərəfindən", "tərəf")
_m("TERM", "TERM", "dək", "sonadək", "son")  # -dək 'until' after dative
_m("REL", "REL", "kI", "evdəki", "ev")  # -ki/-kı after locative and genitive
_m("EQU", "EQU", "cA", "azərbaycanca", "azərbaycan")
_m("COP", "COP", "dIr", "vacibdir", "vacib")
_m("COP_1SG", "A1SG", "+yAm", "hazıram", "hazır")
_m("COP_2SG", "A2SG", "sAn", "hazırsan", "hazır")
_m("COP_1PL", "A1PL", "+yIQ", "hazırıq", "hazır")
_m("COP_2PL", "A2PL", "sInIz", "hazırsınız", "hazır")
_m("COP_3PL", "A3PL", "lAr", "hazırdırlar", "hazır")
_m("COP_PAST", "PAST", "+ydI", "ərəfəsindəydi", "ərəfə")
_m("COP_EVID", "EVID", "+ymIş", "hazırmış", "hazır")
_m("COP_COND", "COND", "+ysA", "hazırsa", "hazır")
_m("WHILE", "WHILE", "+ykən", "uşaqkən", "uşaq")
# --- nominal derivation
_m("LIQ", "NESS", "lIQ", "təhlükəsizlik", "təhlükəsiz")
_m("CI", "AGT", "çI", "işçi", "iş")
_m("LI", "WITH", "lI", "təhsilli", "təhsil")
_m("SIZ", "WITHOUT", "sIz", "təhlükəsiz", "təhlükə")
_m("ORD", "ORD", "+IncI", "beşinci", "beş")
_m("ORD_NUM", "ORD", "cI", "10-cu", "10")  # after digits: 10-cu, 2020-ci
_m("LA", "BECOME", "lA", "işlə", "iş")
_m("LAS", "BECOME", "lAş", "genişləş", "geniş")
# --- verbal: voice
_m("PASS_IL", "PASS", "C:Il", "yazıl", "yazmaq")
_m("PASS_IN", "PASS", "C:In", "alın", "almaq")
_m("PASS_N", "PASS", "V:n", "oxun", "oxumaq")
_m("RECP", "RECP", "C:Iş", "görüş", "görmək")
_m("CAUS_DIR", "CAUS", "dIr", "bildir", "bilmək")
_m("CAUS_T", "CAUS", "V:t", "işlət", "işləmək")
# --- verbal: negation, tense, aspect, mood
_m("NEG", "NEG", "mA", "gəlmədi", "gəlmək")
_m("NEG_PRES", "NEG+PRES", "mIr", "bilmir", "bilmək")
_m("NEG_AOR", "NEG+AOR", "mAz", "olmaz", "olmaq")
_m("NEG_AOR1", "NEG+AOR", "mAr", "bilmərəm", "bilmək")
_m("PRES", "PRES", "+yIr", "oxuyur", "oxumaq")
_m("AOR", "AOR", "C:Ar", "gələr", "gəlmək")
_m("AOR_V", "AOR", "V:yAr", "oxuyar", "oxumaq")
_m("FUT", "FUT", "+yAcAQ", "gələcək", "gəlmək")
_m("PAST", "PAST", "dI", "gəldi", "gəlmək")
_m("EVID", "EVID", "mIş", "gəlmiş", "gəlmək")
_m("NEC", "NEC", "mAlI", "gəlməli", "gəlmək")
_m("COND", "COND", "sA", "gəlsə", "gəlmək")
_m("OPT", "OPT", "+yA", "gələ", "gəlmək")
_m("IMP_2PL", "IMP2PL", "+yIn", "gəlin", "gəlmək")
_m("IMP_2PLF", "IMP2PL", "+yInIz", "gəliniz", "gəlmək")
_m("IMP_3SG", "IMP3SG", "sIn", "olsun", "olmaq")
_m("IMP_1SG", "IMP1SG", "+yIm", "deyim", "demək")
_m("IMP_1PL", "IMP1PL", "+yAQ", "gedək", "getmək")
# person endings after -ır/-ar/-acaq/-mış/-malı/-ıb (type 1) and after -dı/-sa (type 2)
_m("A1SG", "A1SG", "+yAm", "gəlirəm", "gəlmək")
_m("A2SG", "A2SG", "sAn", "gəlirsən", "gəlmək")
_m("A1PL", "A1PL", "+yIQ", "gəlirik", "gəlmək")
_m("A2PL", "A2PL", "sInIz", "gəlirsiniz", "gəlmək")
_m("A3PL", "A3PL", "lAr", "gəlirlər", "gəlmək")
_m("B1SG", "A1SG", "m", "gəldim", "gəlmək")
_m("B2SG", "A2SG", "n", "gəldin", "gəlmək")
_m("B1PL", "A1PL", "Q", "gəldik", "gəlmək")
_m("B2PL", "A2PL", "nIz", "gəldiniz", "gəlmək")
_m("VCOP", "COP", "dIr", "gəlmişdir", "gəlmək")
_m("T_PAST", "PAST", "dI", "gəlirdi", "gəlmək")
_m("T_EVID", "EVID", "mIş", "gəlirmiş", "gəlmək")
_m("T_COND", "COND", "sA", "gəlirsə", "gəlmək")
_m("QUES", "QUES", "mI", "gəlirmi", "gəlmək")  # the question particle, written together with the verb
# the evidential with the 2nd person as it is mostly written, its ş dropped (görmüsünüz for görmüşsünüz)
_m("EVID_2PL", "EVID2PL", "mIsInIz", "itirmisiniz", "itirmək")
_m("EVID_2SG", "EVID2SG", "mIsAn", "görmüsən", "görmək")
# --- verbal: converbs, participles, verbal nouns
_m("IB", "PERF", "+yIb", "gəlib", "gəlmək")
_m("ARAQ", "CV_ARAQ", "+yArAQ", "qeyd edərək", "etmək")
_m("ANDA", "CV_WHEN", "+yAndA", "gələndə", "gəlmək")
_m("MADAN", "CV_WITHOUT", "mAdAn", "gəlmədən", "gəlmək")
_m("INCA", "CV_UNTIL", "+yIncA", "gəlincə", "gəlmək")
_m("DIQCA", "CV_AS", "dIQcA", "getdikcə", "getmək")
_m("ALI", "CV_SINCE", "+yAlI", "gələli", "gəlmək")
_m("KAN", "WHILE", "kən", "olarkən", "olmaq")
_m("AN", "PART_AN", "+yAn", "gələn", "gəlmək")
_m("DIQ", "PART_DIQ", "dIQ", "olduğu", "olmaq")
_m("ASI", "PART_ASI", "+yAsI", "olası", "olmaq")
_m("MA", "VN_MA", "mA", "verilməsi", "verilmə")
_m("MAQ", "INF", "mAQ", "gəlmək", "gəlmək")
_m("IS", "VN_IS", "+yIş", "gəliş", "gəlmək")
_m("ICI", "AGT", "+yIcI", "oxuyucu", "oxumaq")


# States: N = nominal stem, V = verb stem; the others are positions inside a suffix chain.
# Each state lists (morpheme key, next state). FINAL lists the states where a word may end.
GRAPH: dict[str, tuple[tuple[str, str], ...]] = {}

_NOMINAL_CASES = (
    ("GEN", "N_GEN"), ("ACC", "END"), ("DAT", "N_DAT"), ("LOC", "N_LOC"), ("ABL", "N_ABL"), ("INS", "N_INS"),
    ("INS_V", "N_INS"),
)
_PRON_CASES = (
    ("GEN", "N_GEN"), ("ACC", "END"), ("DAT_N", "N_DAT"), ("LOC_N", "N_LOC"), ("ABL_N", "N_ABL"),
    ("INS", "N_INS"), ("INS_VP", "N_INS"),
)
_PREDICATIVE = (
    ("COP", "N_COP"), ("COP_1SG", "END"), ("COP_2SG", "END"), ("COP_1PL", "END"), ("COP_2PL", "END"),
    ("COP_PAST", "V_T2P"), ("COP_EVID", "V_T1"), ("COP_COND", "V_T2"), ("WHILE", "END"),
)
_POSSESSIVES = (
    ("P1SG", "N_POSS"), ("P2SG", "N_POSS"), ("P3SG", "N_POSS3"), ("P1PL", "N_POSS"), ("P2PL", "N_POSS"),
)
_NOMINAL_DERIVATION = (
    ("LIQ", "N"), ("CI", "N"), ("LI", "N"), ("SIZ", "N"), ("EQU", "N_EQU"), ("ORD", "N"),
    ("LA", "V"), ("LAS", "V"),
)

GRAPH["N"] = _NOMINAL_DERIVATION + (("PL", "N_PL"),) + _POSSESSIVES + _NOMINAL_CASES + _PREDICATIVE
GRAPH["NUM"] = (("ORD_NUM", "N"),) + GRAPH["N"]
GRAPH["N_INFL"] = (("PL", "N_PL"),) + _POSSESSIVES + _NOMINAL_CASES + _PREDICATIVE  # participles
GRAPH["N_PL"] = (("P3SG", "N_POSS3"),) + _POSSESSIVES + _NOMINAL_CASES + _PREDICATIVE
GRAPH["N_POSS"] = _NOMINAL_CASES + _PREDICATIVE + (("EQU", "N_EQU"),)
GRAPH["N_POSS3"] = _PRON_CASES + _PREDICATIVE + (("EQU", "N_EQU"),)
GRAPH["N_GEN"] = (("REL", "N_REL"), ("COP", "N_COP"))
GRAPH["N_LOC"] = (("REL", "N_REL"),) + _PREDICATIVE
GRAPH["N_ABL"] = _PREDICATIVE
GRAPH["N_DAT"] = (("TERM", "END"), ("COP", "N_COP"))
GRAPH["N_INS"] = ()
GRAPH["N_EQU"] = _POSSESSIVES
GRAPH["N_REL"] = (("PL", "N_PL"),) + _PRON_CASES + _PREDICATIVE
GRAPH["N_COP"] = (("COP_3PL", "END"), ("T_COND", "END"), ("QUES", "END"))  # deməkdirmi, doğrudurmu
GRAPH["END"] = ()

_VOICE = (
    ("PASS_IL", "V"), ("PASS_IN", "V"), ("PASS_N", "V"), ("RECP", "V"), ("CAUS_DIR", "V"), ("CAUS_T", "V"),
)
_VERB_NOMINALS = (
    ("AN", "N_INFL"), ("DIQ", "N_INFL"), ("ASI", "N_INFL"), ("MA", "N"), ("MAQ", "N_INFL"), ("IS", "N"),
    ("ICI", "N"), ("EVID", "V_T1"), ("FUT", "V_T1"), ("NEC", "V_T1"), ("FUT", "N_INFL"), ("EVID", "N_INFL"),
    ("NEC", "N_INFL"),
)
_VERB_AFTER_NEG = (
    ("PAST", "V_T2P"), ("COND", "V_T2"), ("EVID", "V_T1"), ("FUT", "V_T1"), ("NEC", "V_T1"), ("OPT", "V_OPT"),
    ("IMP_3SG", "V_IMP"), ("IMP_2PL", "END"), ("IMP_2PLF", "END"), ("IB", "V_T1"),
    ("AN", "N_INFL"), ("DIQ", "N_INFL"), ("MA", "N"), ("ARAQ", "END"), ("ANDA", "END"), ("FUT", "N_INFL"),
    ("EVID", "N_INFL"), ("NEC", "N_INFL"),
    ("ASI", "N_INFL"), ("ALI", "END"), ("INCA", "END"), ("DIQCA", "END"), ("EVID_2PL", "V_EVID2"),
    ("EVID_2SG", "V_EVID2"),
)
GRAPH["V"] = _VOICE + (
    ("NEG", "V_NEG"), ("NEG_PRES", "V_T1"), ("NEG_AOR", "V_AORNEG"), ("NEG_AOR1", "V_AORNEG1"),
    ("PRES", "V_T1"), ("AOR", "V_T1"), ("AOR_V", "V_T1"), ("PAST", "V_T2P"), ("COND", "V_T2"),
    ("OPT", "V_OPT"), ("IMP_2PL", "END"), ("IMP_2PLF", "END"), ("IMP_3SG", "V_IMP"), ("IMP_1SG", "END"),
    ("IMP_1PL", "END"), ("IB", "V_T1"), ("ARAQ", "END"), ("ANDA", "END"), ("MADAN", "END"),
    ("INCA", "END"), ("DIQCA", "END"), ("ALI", "END"), ("EVID_2PL", "V_EVID2"), ("EVID_2SG", "V_EVID2"),
) + _VERB_NOMINALS + (("AOR", "N_INFL"),)
GRAPH["V_EVID2"] = (("T_COND", "END"), ("QUES", "END"))  # itirmisinizsə
GRAPH["V_NEG"] = _VERB_AFTER_NEG
GRAPH["V_T1"] = (
    ("A1SG", "END"), ("A2SG", "END"), ("A1PL", "END"), ("A2PL", "END"), ("A3PL", "V_3PL"), ("VCOP", "N_COP"),
    ("T_PAST", "V_T2P"), ("T_EVID", "V_T1B"), ("T_COND", "V_T2"), ("KAN", "END"), ("QUES", "V_Q"),
)
GRAPH["V_T1B"] = (("A1SG", "END"), ("A2SG", "END"), ("A1PL", "END"), ("A2PL", "END"), ("A3PL", "END"))
GRAPH["V_3PL"] = (("T_PAST", "V_T2B"), ("T_EVID", "END"), ("T_COND", "END"), ("VCOP", "END"), ("QUES", "END"))
GRAPH["V_T2"] = (("B1SG", "END"), ("B2SG", "END"), ("B1PL", "END"), ("B2PL", "END"), ("A3PL", "END"),
                 ("QUES", "END"))
GRAPH["V_T2P"] = GRAPH["V_T2"] + (("T_COND", "END"),)  # after a past: gəldisə, bilirdisə
# after the question particle: gəlirmisən, planlaşdırılırmı
GRAPH["V_Q"] = (("A1SG", "END"), ("A2SG", "END"), ("A1PL", "END"), ("A2PL", "END"))
GRAPH["V_T2B"] = ()
GRAPH["V_AORNEG"] = (("A2SG", "END"), ("A2PL", "END"), ("A3PL", "END"), ("T_PAST", "V_T2P"), ("KAN", "END"),
                     ("VCOP", "N_COP"), ("LIQ", "N"))
GRAPH["V_AORNEG1"] = (("A1SG", "END"), ("A1PL", "END"))
GRAPH["V_OPT"] = (("B1SG", "END"), ("A2SG", "END"), ("B1PL", "END"), ("A2PL", "END"), ("A3PL", "END"))
GRAPH["V_IMP"] = (("A3PL", "END"),)

FINAL = frozenset(GRAPH) - {"V_AORNEG1"}

# Derivational morphemes stay in a lemma when the derived stem is itself in the lexicon.
DERIVATIONAL = frozenset({"LIQ", "CI", "LI", "SIZ", "LA", "LAS", "PASS_IL", "PASS_IN", "PASS_N", "RECP",
                          "CAUS_DIR", "CAUS_T", "MA", "IS", "ICI", "ORD"})
# Derivation pairs productive enough to need no attestation (geniş-ləş-dir-il, təhlükə-siz-lik).
_VOICE_KEYS = ("PASS_IL", "PASS_IN", "PASS_N", "CAUS_DIR", "CAUS_T", "RECP")
PRODUCTIVE_AFTER: dict[str, frozenset[str]] = {
    "LAS": frozenset({"CAUS_DIR", "MA"}),
    "LA": frozenset({"PASS_N", "PASS_IN", "CAUS_T", "MA", "RECP"}),
    "CAUS_DIR": frozenset({"PASS_IL", "MA"}),
    "CAUS_T": frozenset({"PASS_IL", "MA"}),
    "RECP": frozenset({"CAUS_DIR", "MA"}),
    "PASS_IL": frozenset({"MA"}), "PASS_IN": frozenset({"MA"}), "PASS_N": frozenset({"MA"}),
    "SIZ": frozenset({"LIQ"}), "LI": frozenset({"LIQ"}), "CI": frozenset({"LIQ"}), "MA": frozenset({"LI"}),
}
# Morphemes after which the word is a verb form (the lemma is the infinitive).
VERB_STATES = frozenset({"V", "V_NEG", "V_T1", "V_T1B", "V_T2", "V_T2B", "V_3PL", "V_AORNEG", "V_AORNEG1",
                         "V_OPT", "V_IMP"})


# Rarer readings lose ties against commoner ones (kitabın: GEN before P2SG).
PENALTY: dict[str, float] = {
    "P2SG": 3.0, "P2PL": 2.0, "IMP_2PL": 1.0, "IMP_2PLF": 1.0, "IMP_1SG": 1.5, "IMP_1PL": 1.0, "OPT": 1.5,
    "COP_2SG": 1.0, "COP_2PL": 1.0, "A2SG": 0.5, "B2SG": 1.5, "B2PL": 0.5, "ASI": 1.0, "ALI": 1.0, "EQU": 0.5,
    "AOR": 0.3, "TERM": 0.5, "INCA": 0.5, "COP_1SG": 0.8, "COP_1PL": 0.8, "WHILE": 0.5, "ORD": 0.5,
    "IMP_3SG": 0.3, "COP_PAST": 0.3, "INS_V": 4.0, "INS_VP": 2.0, "COP_EVID": 0.5, "COP_COND": 0.5, "RECP": 0.5, "PASS_IN": 0.2,
}


def harmony_key(word: str) -> tuple[str | None, bool]:
    """(last vowel, ends in a vowel): all a suffix needs to know about what precedes it."""
    for ch in reversed(word):
        if ch in VOWELS:
            return ch, word[-1] in VOWELS
    return None, False


def _a(v: str | None) -> str:
    return "a" if v is None or v in BACK else "ə"


def high_vowel(v: str | None) -> str:
    """The 4-way harmony vowel (ı, i, u, ü) after last vowel v."""
    if v is None:
        return "ı"
    if v in BACK:
        return "u" if v in ROUNDED else "ı"
    return "ü" if v in ROUNDED else "i"


@cache
def realize(key: str, last_vowel: str | None, ends_vowel: bool) -> str | None:
    """The surface form of a morpheme after a stem with this harmony key; None if it cannot follow."""
    template = MORPHEMES[key].template
    if template.startswith("V:"):
        if not ends_vowel:
            return None
        template = template[2:]
    elif template.startswith("C:"):
        if ends_vowel:
            return None
        template = template[2:]
    if template.startswith("+"):
        optional = template[1]
        keep = (optional not in "AIaıoueəiöü") == ends_vowel  # buffer consonant after vowels, vowel after consonants
        template = (optional if keep else "") + template[2:]
    out = []
    v = last_vowel
    for ch in template:
        if ch == "A":
            ch = _a(v)
        elif ch == "I":
            ch = high_vowel(v)
        elif ch == "Q":
            ch = "q" if v is None or v in BACK else "k"
        if ch in VOWELS:
            v = ch
        out.append(ch)
    return "".join(out)


def inflect_chain(stem: str, keys: list[str] | tuple[str, ...]) -> str:
    """Attach morphemes (keys of MORPHEMES) to a surface stem, with harmony and q/k softening."""
    out = stem
    for key in keys:
        v, ev = harmony_key(out)
        piece = realize(key, v, ev)
        if piece is None:
            raise ValueError(f"{key} cannot follow {out!r}")
        if piece and piece[0] in VOWELS and out and out[-1] in "qk" and len(out) > 1:
            out = out[:-1] + ("ğ" if out[-1] == "q" else "y")
        out += piece
    return out
