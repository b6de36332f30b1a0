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
