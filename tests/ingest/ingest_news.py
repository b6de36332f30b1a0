"""Short Azerbaijani news texts written for these tests (not taken from any outlet)."""

LATIN_1 = (
    "Gəncədə yeni kitabxana açılıb\n"
    "Gəncə şəhərində 12 mart 2024-cü il tarixində yeni kitabxananın açılış mərasimi keçirilib. "
    "AZƏRTAC xəbər verir ki, kitabxanada uşaqlar üçün ayrıca oxu zalı və kompüter otağı yaradılıb. "
    "Mərasimdə çıxış edən şəhər icra hakimiyyətinin nümayəndəsi bildirib ki, kitabxananın fondunda "
    "iyirmi mindən çox kitab var."
)
LATIN_2 = (
    "Şəkidə ipək festivalı başlayıb\n"
    "APA-nın məlumatına görə, Şəki şəhərində keçirilən ipək festivalında otuzdan çox usta öz işlərini "
    "nümayiş etdirir. Festival üç gün davam edəcək və ziyarətçilər üçün ustad dərsləri təşkil olunacaq. "
    "Təşkilatçılar bildiriblər ki, builki festivala xarici qonaqların marağı daha böyükdür."
)
LATIN_3 = (
    "Lənkəranda çay yığımı mövsümü açılıb\n"
    "Report xəbər verir ki, Lənkəran rayonunda çay yığımı mövsümü 05.05.2023 tarixində başlayıb. "
    "Fermerlər bu il məhsulun keyfiyyətinin ötən illə müqayisədə daha yüksək olacağını gözləyirlər. "
    "Rayonda çay plantasiyalarının sahəsi son beş ildə xeyli genişləndirilib."
)
# The same article as LATIN_1, lightly edited (a second feed's copy): a near duplicate.
LATIN_1_EDITED = LATIN_1.replace("iyirmi mindən çox kitab var.", "iyirmi mindən artıq kitab var.")
# Cyrillic-script Azerbaijani, as the press printed it before 1991.
CYRILLIC = (
    "Бакыда јени мәктәб ачылыб. Мәктәбдә үч јүз шаҝирд тәһсил алаҹаг. "
    "Ачылыш мәрасиминдә мүәллимләр вә валидејнләр иштирак едибләр."
)
CYRILLIC_LATIN = (
    "Bakıda yeni məktəb açılıb. Məktəbdə üç yüz şagird təhsil alacaq. "
    "Açılış mərasimində müəllimlər və valideynlər iştirak ediblər."
)
RUSSIAN = "Вчера в Баку открылась новая библиотека. В её фонде более двадцати тысяч книг для детей и взрослых."
ENGLISH = "A new library opened in Ganja yesterday. Its collection holds more than twenty thousand books."
TURKISH = "Dün Ankara'da yeni bir kütüphane açıldı. Kütüphanede yirmi binden fazla kitap bulunuyor ve çocuklar için okuma salonu var."


def html_page(title: str, body: str, *, date: str | None = None, author: str | None = None,
              site: str = "Nümunə Xəbər") -> str:
    """An article page with navigation and footer around the article, as news sites have."""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p)
    metas = f'<meta property="og:site_name" content="{site}">'
    if date:
        metas += f'<meta property="article:published_time" content="{date}">'
    if author:
        metas += f'<meta name="author" content="{author}">'
    return (
        f"<!DOCTYPE html><html lang='az'><head><meta charset='utf-8'><title>{title} | {site}</title>{metas}</head>"
        "<body><nav><a href='/'>Əsas səhifə</a> <a href='/siyaset'>Siyasət</a> <a href='/idman'>İdman</a></nav>"
        f"<main><article><h1>{title}</h1>{paras}</article></main>"
        "<footer>© Nümunə Xəbər. Bütün hüquqlar qorunur.</footer></body></html>"
    )


# Letters outside WinAnsi get codes 128+ through a /Differences encoding; pypdf maps the glyph
# names back to Unicode, so the text layer reads as the Azerbaijani we wrote.
_PDF_EXTRA = {"ə": "schwa", "ı": "dotlessi", "ş": "scedilla", "ğ": "gbreve", "Ə": "Schwa", "İ": "Idotaccent",
              "Ş": "Scedilla", "Ğ": "Gbreve"}


def text_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with `lines` in its text layer (Helvetica, custom encoding)."""
    codes = {ch: 128 + i for i, ch in enumerate(_PDF_EXTRA)}

    def enc(s: str) -> bytes:
        out = bytearray()
        for ch in s:
            b = bytes([codes[ch]]) if ch in codes else ch.encode("cp1252")
            out += b"\\" + b if b in (b"(", b")", b"\\") else b
        return bytes(out)

    content = b"BT /F1 12 Tf 14 TL 50 780 Td " + b"".join(b"(" + enc(line) + b") Tj T* " for line in lines) + b"ET"
    diffs = " ".join(f"/{name}" for name in _PDF_EXTRA.values())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
         f"/BaseEncoding /WinAnsiEncoding /Differences [128 {diffs}] >> >>").encode(),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)
