"""Question and function words that say little about what a document is about.

They are left out of "any"-mode ranking (questions such as `Alimlərin fikrincə, palıd ağacının
neçə yaşı var?`), never out of the index or of the user's "all" queries. Kept folded, so the
diacritic-free spellings (`ne`, `hansi`, `nece`) are stop words too.
"""

from __future__ import annotations

from xeber.text.casing import fold

_WORDS = """
nə nəyi nəyə nədə nədən nəyin nədir nələr nələri nəçi nəyə niyə nəyə görə
kim kimi kimə kimin kimdən kimdir kimlər kimlərə kimləri
necə necədir necəyə hansı hansını hansına hansında hansından hansının hansılar hansıdır
neçə neçənci neçəyə neçədə neçədir nə qədər
hara harada haraya haradan haranı haranın haradır haralı
vaxt zaman
və ilə da də ki ya yaxud həm amma lakin ancaq çünki əgər isə
bu o bir həmin şu bunu onu bunun onun buna ona bunlar onlar onların bunların
üçün kimi qədər görə sonra əvvəl artıq daha çox ən
mi mı mu mü idi imiş dır dir dur dür
var yox olan olub olur olunur olmuşdur olmuş edir edib etmişdir edilir
"""

STOP_WORDS: frozenset[str] = frozenset(fold(w) for w in _WORDS.split())


def is_stop_word(folded: str) -> bool:
    return folded in STOP_WORDS
