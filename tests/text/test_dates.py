"""Azerbaijani date expressions resolved to ISO values.

CASES is our own test set (written for this project); bench/entities_bench.py reports its accuracy.
Each row: expression in a sentence, reference (publication) date, expected (span, iso, iso_end, precision).
"""

from __future__ import annotations

import datetime as dt

import pytest

from xeber.text.dates import find_dates, parse_date, scan_dates

REF = "2022-03-18"  # a Friday

CASES: list[tuple[str, str, tuple[str, str, str | None, str]]] = [
    # day month year
    ("Görüş 29 sentyabr 2021-ci il tarixində keçirilib.", REF, ("29 sentyabr 2021-ci il", "2021-09-29", None, "day")),
    ("Qanun 1 fevral 2013-cü ildə qəbul edilib.", REF, ("1 fevral 2013-cü ildə", "2013-02-01", None, "day")),
    ("Sənəd 24 iyul 1997-ci ildə imzalanıb.", REF, ("24 iyul 1997-ci ildə", "1997-07-24", None, "day")),
    ("19 Dekabr 2005-ci ildə açılıb.", REF, ("19 Dekabr 2005-ci ildə", "2005-12-19", None, "day")),
    ("Müqavilə 5 dekabr 2020-ci ildən qüvvədədir.", REF, ("5 dekabr 2020-ci ildən", "2020-12-05", None, "day")),
    ("Tədbir 10 aprel 2017 il tarixində olub.", REF, ("10 aprel 2017 il", "2017-04-10", None, "day")),
    ("Tədbir 8 May 2019 tarixində olub.", REF, ("8 May 2019", "2019-05-08", None, "day")),
    ("Sərəncam 16 yanvar 2017-ci il tarixlidir.", REF, ("16 yanvar 2017-ci il", "2017-01-16", None, "day")),
    ("1 fevral 2013 - cü ildə yaradılmışdır.", REF, ("1 fevral 2013 - cü ildə", "2013-02-01", None, "day")),
    ("Forum 31 avqust 2021-ci ilədək davam edəcək.", REF, ("31 avqust 2021-ci ilədək", "2021-08-31", None, "day")),
    # day month, year from the reference
    ("17 mart tarixində Şamaxıda hakaton olub.", REF, ("17 mart", "2022-03-17", None, "day")),
    ("Sərgi 25 fevralda açılıb.", REF, ("25 fevralda", "2022-02-25", None, "day")),
    ("Nazir 28 dekabrda çıxış edib.", "2022-01-05", ("28 dekabrda", "2021-12-28", None, "day")),
    ("Konfrans 14 aprel tarixində keçiriləcək.", REF, ("14 aprel", "2022-04-14", None, "day")),
    ("6 İyun günü seçki olacaq.", REF, ("6 İyun", "2022-06-06", None, "day")),
    # genitive month, day with a case ending
    ("Qafarova sentyabrın 29-da görüşüb.", "2021-09-30", ("sentyabrın 29-da", "2021-09-29", None, "day")),
    ("Ötən il martın 3-də fərman imzalanıb.", "2015-07-10", ("Ötən il martın 3-də", "2014-03-03", None, "day")),
    ("Martın 3-də fərman imzalanıb.", "2015-07-10", ("Martın 3-də", "2015-03-03", None, "day")),
    ("Yanvarın 20-də anım günüdür.", REF, ("Yanvarın 20-də", "2022-01-20", None, "day")),
    ("Mayın 28-i Müstəqillik Günüdür.", REF, ("Mayın 28-i", "2022-05-28", None, "day")),
    ("İyunun 15-dən etibarən tətbiq olunur.", REF, ("İyunun 15-dən", "2022-06-15", None, "day")),
    ("İyulun 1-nə qədər müraciət etmək olar.", REF, ("İyulun 1-nə", "2022-07-01", None, "day")),
    ("Avqustun 12-də qərar verilib.", "2021-12-01", ("Avqustun 12-də", "2021-08-12", None, "day")),
    ("Noyabrın 8-i Zəfər Günüdür.", "2021-11-08", ("Noyabrın 8-i", "2021-11-08", None, "day")),
    ("Oktyabrın 2-də səfər başlayıb.", "2021-10-04", ("Oktyabrın 2-də", "2021-10-02", None, "day")),
    ("Dekabrın 31-də bayram olur.", "2022-01-02", ("Dekabrın 31-də", "2021-12-31", None, "day")),
    ("Tədbir sentyabr ayının 29-da olub.", "2021-10-01", ("sentyabr ayının 29-da", "2021-09-29", None, "day")),
    # year with month and day
    ("2012-ci il dekabrın 8-də qəbul edilib.", REF, ("2012-ci il dekabrın 8-də", "2012-12-08", None, "day")),
    ("2021-ci ilin sentyabrın 29-da görüş olub.", REF, ("2021-ci ilin sentyabrın 29-da", "2021-09-29", None, "day")),
    ("2019-cu ilin 5 dekabr tarixində təyin edilib.", REF, ("2019-cu ilin 5 dekabr", "2019-12-05", None, "day")),
    ("2011-ci ilin oktyabrın 24-də açılıb.", REF, ("2011-ci ilin oktyabrın 24-də", "2011-10-24", None, "day")),
    # numeric
    ("Sənəd 05.03.2026 tarixində qüvvəyə minir.", REF, ("05.03.2026", "2026-03-05", None, "day")),
    ("Ərizə 1.9.2021 tarixində verilib.", REF, ("1.9.2021", "2021-09-01", None, "day")),
    # a two-digit year: this century up to the reference year, else the last
    ("Qərar 23.09.88 tarixində qəbul edilib.", REF, ("23.09.88", "1988-09-23", None, "day")),
    ("Qərar 05.03.21 tarixində qəbul edilib.", REF, ("05.03.21", "2021-03-05", None, "day")),
    ("Son tarix 31/12/2023-dür.", REF, ("31/12/2023-dür", "2023-12-31", None, "day")),
    ("Yenilənib: 2023-11-07.", REF, ("2023-11-07", "2023-11-07", None, "day")),
    ("Qərar 15.06.2020-ci il tarixlidir.", REF, ("15.06.2020-ci il", "2020-06-15", None, "day")),
    # months
    ("2016-cı ilin iyulunda tikinti başlayıb.", REF, ("2016-cı ilin iyulunda", "2016-07", None, "month")),
    ("2015-ci ilin oktyabrında açılıb.", REF, ("2015-ci ilin oktyabrında", "2015-10", None, "month")),
    ("2011-ci il fevral ayında seçilib.", REF, ("2011-ci il fevral ayında", "2011-02", None, "month")),
    ("Mart 1992-ci ildə müstəqillik tanınıb.", REF, ("Mart 1992-ci ildə", "1992-03", None, "month")),
    ("Sentyabr ayında dərslər başlayır.", "2022-08-20", ("Sentyabr ayında", "2022-09", None, "month")),
    ("Bu ilin fevralında hesabat açıqlanıb.", REF, ("Bu ilin fevralında", "2022-02", None, "month")),
    ("Ötən ilin dekabrında müqavilə bağlanıb.", REF, ("Ötən ilin dekabrında", "2021-12", None, "month")),
    ("Qiymətlər ötən ay artıb.", REF, ("ötən ay", "2022-02", None, "month")),
    ("Layihə yanvarda başlayıb.", REF, ("yanvarda", "2022-01", None, "month")),
    # years, decades, centuries, parts of a year
    ("Universitet 2006-cı ildən fəaliyyət göstərir.", REF, ("2006-cı ildən", "2006", None, "year")),
    ("2021-ci ildə 5 min turist gəlib.", REF, ("2021-ci ildə", "2021", None, "year")),
    ("Bu 2003 - cü ildə baş verib.", REF, ("2003 - cü ildə", "2003", None, "year")),
    ("Qala 1772-ci ilin yazında tikilib.", REF, ("1772-ci ilin", "1772", None, "year")),
    ("2021-ci ilin sonunda layihə bitəcək.", REF, ("2021-ci ilin sonunda", "2021-12", None, "month")),
    ("2020-ci ilin əvvəlində pandemiya başladı.", REF, ("2020-ci ilin əvvəlində", "2020-01", None, "month")),
    ("2019-cu ilin birinci yarısında ixrac artıb.", REF, ("2019-cu ilin birinci yarısında", "2019-01", "2019-06", "range")),
    ("2022-ci ilin II rübündə gəlir artıb.", REF, ("2022-ci ilin II rübündə", "2022-04", "2022-06", "range")),
    ("1990-cı illərdə şəhər böyüyüb.", REF, ("1990-cı illərdə", "1990", "1999", "range")),
    ("2020-2021-ci illərdə tikilib.", REF, ("2020-2021-ci illərdə", "2020", "2021", "range")),
    ("XX əsrin əvvəllərində neft çıxarılırdı.", REF, ("XX əsrin", "1901", "2000", "range")),
    ("XIX əsrdə tikilib.", REF, ("XIX əsrdə", "1801", "1900", "range")),
    # seasons, short second years, years alone in brackets
    ("Klub 2015-16 mövsümündə çempion olub.", REF, ("2015-16 mövsümündə", "2015", "2016", "range")),
    ("2022/23 mövsümünün yekunları açıqlanıb.", REF, ("2022/23 mövsümünün", "2022", "2023", "range")),
    ("O, 1989-90-cı illərdə ABŞ-da olub.", REF, ("1989-90-cı illərdə", "1989", "1990", "range")),
    ("Proqram (2011-2020) qəbul olunub.", REF, ("2011-2020", "2011", "2020", "range")),
    ("Əlaqələr Yuqoslaviya (1948) ilə kəsilib.", REF, ("1948", "1948", None, "year")),
    # two centuries at once
    ("Qala XVI–XVII əsrlərdə tikilib.", REF, ("XVI–XVII əsrlərdə", "1501", "1700", "range")),
    ("XX-XXI əsrlərin ədəbiyyatı öyrənilir.", REF, ("XX-XXI əsrlərin", "1901", "2100", "range")),
    ("Kəndlər 16-17-ci əsrlərdə yaranıb.", REF, ("16-17-ci əsrlərdə", "1501", "1700", "range")),
    ("Keçən il ixrac artıb.", REF, ("Keçən il", "2021", None, "year")),
    ("Bu il seçki keçiriləcək.", REF, ("Bu il", "2022", None, "year")),
    ("Gələn il sammit Bakıda olacaq.", REF, ("Gələn il", "2023", None, "year")),
    ("Ötən ilin sonunda qərar verildi.", REF, ("Ötən ilin sonunda", "2021-12", None, "month")),
    ("Layihə 3 il əvvəl başlayıb.", REF, ("3 il əvvəl", "2019", None, "year")),
    ("Cari ilin 1 iyul tarixinədək 90 min sertifikat verilib.", "2016-07-12", ("Cari ilin 1 iyul", "2016-07-01", None, "day")),
    ("Cari ilin sentyabr ayı ərzində artım olub.", "2015-10-12", ("Cari ilin sentyabr ayı", "2015-09", None, "month")),
    ("Bu gündən etibarən qüvvədədir.", REF, ("Bu gündən", "2022-03-18", None, "day")),
    # relative days and weeks
    ("Nazir dünən Bakıya gəlib.", REF, ("dünən", "2022-03-17", None, "day")),
    ("Bu gün parlamentdə iclas olub.", REF, ("Bu gün", "2022-03-18", None, "day")),
    ("Bugün nəticələr açıqlanıb.", REF, ("Bugün", "2022-03-18", None, "day")),
    ("Srağagün yağış yağıb.", REF, ("Srağagün", "2022-03-16", None, "day")),
    ("Sabah səfər başlayacaq.", REF, ("Sabah", "2022-03-19", None, "day")),
    ("Ötən həftə danışıqlar aparılıb.", REF, ("Ötən həftə", "2022-03-07", "2022-03-13", "range")),
    ("Keçən həftə qərar verildi.", "2022-03-14", ("Keçən həftə", "2022-03-07", "2022-03-13", "range")),
    ("Gələn həftə sammit olacaq.", REF, ("Gələn həftə", "2022-03-21", "2022-03-27", "range")),
    ("Bu həftə iclas keçiriləcək.", REF, ("Bu həftə", "2022-03-14", "2022-03-20", "range")),
    ("Hadisə 2 gün əvvəl baş verib.", REF, ("2 gün əvvəl", "2022-03-16", None, "day")),
    # ranges of days
    ("Forum 12-13 oktyabr tarixlərində keçiriləcək.", "2022-09-20", ("12-13 oktyabr", "2022-10-12", "2022-10-13", "range")),
    ("Sərgi 7–8 dekabr 2012-ci ildə olub.", REF, ("7–8 dekabr 2012-ci ildə", "2012-12-07", "2012-12-08", "range")),
    ("2017-ci il 26–27 aprel tarixlərində.", REF, ("2017-ci il 26–27 aprel", "2017-04-26", "2017-04-27", "range")),
    ("Festival 30 iyun - 2 iyul tarixlərində olacaq.", REF, ("30 iyun - 2 iyul", "2022-06-30", "2022-07-02", "range")),
    ("Sentyabrın 29-dan oktyabrın 2-dək davam edib.", "2021-10-05",
     ("Sentyabrın 29-dan oktyabrın 2-dək", "2021-09-29", "2021-10-02", "range")),
]

# Phrases that look like dates and are not: a time of day, a number of months, "these days".
NOT_DATES = [
    "Səhər saat 10-da iclas başlayıb.",
    "Bu günlərdə ölkəmizdə səfərdə olan heyət.",
    "Sabah saatlarında yağış yağacaq.",
    "Layihəyə 2021 manat ayrılıb.",
    "O, may ki, bilir.",
    "Bu gün ərzində üç görüş olub.",
    "TÜRKPA-nın 10-cu plenar iclası.",
    "Server 10.10.10.10 ünvanında, proqram isə 12.03.45.1 versiyasındadır.",  # an address, a version
    "Universitetin 100-cü ili qeyd olunur.",  # an anniversary, not the year 100
    "Tələbə 5-ci ildə oxuyur.",  # a year of study
    "Son 20-30 ildə çox şey dəyişib.",  # a number of years
    "Bu barədə Martin Lüter yazıb.",  # a given name, not March: the ending breaks the month's harmony
    "Qoşunlar Oktavian Avqustun əmri ilə yola düşüb.",  # a capitalised month inside a sentence is a name
    "Məlumat xüsusi telefon xidməti (1541) ilə verilir.",  # a short phone number in brackets
]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Qala 325-ci ildə tikilib.", [("325-ci ildə", "0325", None)]),
    ("Şəhər 1054-cü ildə salınıb.", [("1054-cü ildə", "1054", None)]),
    ("Bu 13-cü əsrdə olub.", [("13-cü əsrdə", "1201", "1300")]),
    ("Şəhər XV, XVI və XVII əsrlərdə böyüyüb.", [("XV", "1401", "1500"), ("XVI", "1501", "1600"),
                                                  ("XVII əsrlərdə", "1601", "1700")]),
    ("1948, 1961 və 1978-ci illərdə tikilib.", [("1948", "1948", None), ("1961", "1961", None),
                                                ("1978-ci illərdə", "1978", None)]),
    ("Bu 1995 və ya 1996-cı ildə olub.", [("1995", "1995", None), ("1996-cı ildə", "1996", None)]),
    # decades: by two digits, and their early, middle or late years
    ("Zavod 90-cı illərdə bağlanıb.", [("90-cı illərdə", "1990", "1999")]),
    # `həmin ilin`: the year the text last named
    ("Bu, 80-ci illərin sonunda olub.", [("80-ci illərin sonunda", "1987", "1989")]),
    ("Bu, 1990-cı illərin əvvəllərində olub.", [("1990-cı illərin əvvəllərində", "1990", "1993")]),
])
def test_early_years_numbered_centuries_and_listed_years(sentence: str,
                                                          expected: list[tuple[str, str, str | None]]) -> None:
    assert [(d.text, d.iso, d.iso_end) for d in find_dates(sentence)] == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), CASES, ids=[c[2][0] for c in CASES])
def test_date_expression(sentence: str, reference: str, expected: tuple[str, str, str | None, str]) -> None:
    found = find_dates(sentence, dt.date.fromisoformat(reference))
    assert [(d.text, d.iso, d.iso_end, d.precision) for d in found] == [expected]
    d = found[0]
    assert sentence[d.start : d.end] == d.text


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_a_date(sentence: str) -> None:
    assert find_dates(sentence, dt.date(2022, 3, 18)) == []


def test_enough_cases() -> None:
    assert len(CASES) >= 60


def test_relative_needs_reference() -> None:
    assert find_dates("Nazir dünən sentyabrın 29-da gəlib.") == []
    spans = scan_dates("Nazir dünən sentyabrın 29-da gəlib.", keep_unresolved=True)
    assert [(d.text, d.iso) for d in spans] == [("dünən", ""), ("sentyabrın 29-da", "")]


def test_parse_date() -> None:
    assert parse_date("29 sentyabr 2021-ci il") == "2021-09-29"
    assert parse_date("sentyabrın 29-da", dt.date(2021, 10, 1)) == "2021-09-29"
    assert parse_date("heç bir tarix yoxdur") is None
    assert parse_date("30 fevral 2021") == "2021-02"  # no such day: the month is all that is sure


def test_several_dates_in_text() -> None:
    text = "Sənəd 05.03.2026 tarixində qəbul edilib və 2027-ci ilin sonunadək qüvvədədir."
    assert [d.iso for d in find_dates(text)] == ["2026-03-05", "2027-12"]


def test_that_years_month_is_the_year_last_named() -> None:
    text = "Layihə 2009-cu ildə başladı. Belə ki, həmin ilin avqustunda proqram təsdiq edildi."
    assert [d.iso for d in find_dates(text, dt.date(2016, 5, 27))] == ["2009", "2009-08"]


def test_a_range_of_days_across_the_new_year() -> None:
    found = find_dates("Dekabrın 15-dən yanvarın 5-dək qış tətili olacaq.", dt.date(2023, 12, 4))
    assert [(d.iso, d.iso_end) for d in found] == [("2023-12-15", "2024-01-05")]


@pytest.mark.parametrize(("sentence", "iso"), [
    # the clause's verb tells which side of the article's date a day without a year lies
    ("Noyabrın 20-də görüş olub.", "2021-11-20"),  # past: last November, not the nearer next one
    ("Martın 12-də sammit keçiriləcək.", "2023-03-12"),  # future: next March, not the nearer last one
    ("Astana, 12 mart (AZƏRTAC). Sammit başa çatıb.", "2022-03-12"),  # a dateline is the news's own date
    ("Sentyabrın 29-da görüş keçiriləcək.", "2022-09-29"),  # the nearest already agrees
    ("Noyabrın 20-dək əldə etmiş vətəndaşlar, qeydiyyatdan keçir.", "2022-11-20"),  # no verb ends the clause
    ("Oktyabrın 20-də tədbir keçirilib.", "2022-10-20"),  # under two weeks off: the same year
    # the verb of the date's own clause, not of the clause `və` joins after it
    ("Peyvəndləmə noyabrın 1-dən başlanıb və hələ davam edəcək.", "2021-11-01"),
])
def test_a_guessed_year_follows_the_verb(sentence: str, iso: str) -> None:
    assert [d.iso for d in find_dates(sentence, dt.date(2022, 10, 10))] == [iso]
