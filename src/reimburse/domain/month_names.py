"""Month names and their abbreviations in the languages the readers meet, in one table: the
invoice readers and the chat's question understanding both read it.

Slavic languages write a date's month in the genitive ("12 marca 2019", "12. března 2019"), so both
forms are listed, with the spelling OCR or ASCII keyboards leave without diacritics. "listopad" is
left out: it is November in Polish and Czech but October in Croatian.
"""

from __future__ import annotations

import unicodedata

# English, German, French, Dutch, Spanish, Italian, Portuguese, Swedish; Austrian German (Jänner,
# Jän, Feber), the French names as ASCII keyboards type them, and the Spanish and Portuguese
# abbreviations (abr, set, out, dez). "out" is also an English word: dates.py reads it only
# before a four-digit year.
_ENGLISH = [
    "january jan",
    "february feb",
    "march mar",
    "april apr",
    "may",
    "june jun",
    "july jul",
    "august aug",
    "september sep sept",
    "october oct",
    "november nov",
    "december dec",
]
_BY_MONTH = [
    "januar janvier janv januari enero ene gennaio genn gen jänner jän janeiro",
    "februar feber février fevrier fév fev févr fevr februari febrero febbraio fevereiro febr",
    "märz mär maerz mrz mars maart marzo mrt março",
    "avril avr abril abr aprile",
    "mai mei mayo maggio mag maj maio",
    "juni juin junio giugno giu junho",
    "juli juillet juil julio luglio lug julho",
    "augustus août aout agosto ago augusti",
    "septembre septiembre setiembre settembre set setembro",
    "oktober okt octobre octubre ottobre ott outubro out",
    "novembre noviembre novembro",
    "dezember dez décembre decembre déc diciembre dic dicembre dezembro",
]
# Danish/Norwegian, Polish, Czech, Croatian, Hungarian, Romanian, Malay/Indonesian, Turkish
_MORE = [
    "styczeń stycznia styczen leden ledna siječanj siječnja sijecnja január ianuarie ocak",
    "luty lutego únor února unora veljača veljače veljace február februarie şubat subat",
    "marts marzec marca březen března brezna ožujak ožujka ozujka március martie mac maret mart",
    "kwiecień kwietnia kwiecien duben dubna travanj travnja április aprilie nisan",
    "maja květen května kvetna svibanj svibnja május mayıs mayis",
    "czerwiec czerwca červen června cervna lipanj lipnja június iunie haziran",
    "lipiec lipca červenec července cervence srpanj srpnja július iulie julai temmuz",
    "sierpień sierpnia sierpien srpen srpna kolovoz kolovoza augusztus ogos agustus ağustos agustos",
    "wrzesień września wrzesien wrzesnia září zari rujan rujna szeptember septembrie eylül eylul",
    "październik października pazdziernik pazdziernika říjen října rijna október octombrie ekim",
    "listopadu studeni studenoga studenog noiembrie kasım kasim",
    "desember grudzień grudnia grudzien prosinec prosince prosinac prosinca decembrie disember aralık aralik",
]
# Finnish: the name, the partitive a date prints ("27. marraskuuta 2026") and the abbreviation.
_FINNISH = [
    f"{stem}kuu {stem}kuuta {stem}k"
    for stem in (
        "tammi",
        "helmi",
        "maalis",
        "huhti",
        "touko",
        "kesä",
        "heinä",
        "elo",
        "syys",
        "loka",
        "marras",
        "joulu",
    )
]
# Russian (name and the genitive a date prints: "27 ноября 2026 г."), Ukrainian (the same) and
# Bulgarian. Ukrainian "листопад" is November, as in Polish; in Cyrillic no Croatian reads it.
_CYRILLIC = [
    "январь января січень січня януари",
    "февраль февраля лютий лютого февруари",
    "март марта березень березня",
    "апрель апреля квітень квітня април",
    "май мая травень травня",
    "июнь июня червень червня юни",
    "июль июля липень липня юли",
    "август августа серпень серпня",
    "сентябрь сентября вересень вересня септември",
    "октябрь октября жовтень жовтня октомври",
    "ноябрь ноября листопад листопада ноември",
    "декабрь декабря грудень грудня декември",
]
# Greek: the name, the genitive a date prints ("27 Νοεμβρίου 2026") and the abbreviation.
_GREEK = [
    "ιανουάριος ιανουαρίου ιαν",
    "φεβρουάριος φεβρουαρίου φεβ",
    "μάρτιος μαρτίου μαρ",
    "απρίλιος απριλίου απρ",
    "μάιος μαΐου μαϊου μαΐ μαϊ μαι",  # capitals keep the dialytika, drop the accent: ΜΑΪΟΥ
    "ιούνιος ιουνίου ιουν",
    "ιούλιος ιουλίου ιουλ",
    "αύγουστος αυγούστου αυγ",
    "σεπτέμβριος σεπτεμβρίου σεπ",
    "οκτώβριος οκτωβρίου οκτ",
    "νοέμβριος νοεμβρίου νοε",
    "δεκέμβριος δεκεμβρίου δεκ",
]
# name -> month number (1-12)
_PRINTED: dict[str, int] = {
    name: num
    for num, names in enumerate(
        zip(_ENGLISH, _BY_MONTH, _MORE, _FINNISH, _CYRILLIC, _GREEK, strict=True), start=1
    )
    for name in " ".join(names).split()
}
# English names alone: an English document writes its months so.
ENGLISH_MONTHS: dict[str, int] = {
    name: num for num, names in enumerate(_ENGLISH, start=1) for name in names.split()
}
# OCR models without these glyphs (and ASCII keyboards) drop the diacritics: "25. Marz 2024",
# "12. unora 2019". A bare spelling that is also a first name is left out ("Marco", "Julius").
_NOT_FOLDED = frozenset({"marco", "julius"})


def _fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


def _latin(name: str) -> bool:
    """A name in Latin letters (accented or not); Cyrillic names have no ASCII letter at all."""
    return any(c.isascii() for c in name)


MONTHS: dict[str, int] = {
    **{
        _fold(name): num
        for name, num in _PRINTED.items()
        # Latin names fold to ASCII; a Cyrillic or Greek one keeps its script ("лютий" as "лютии",
        # "νοεμβρίου" as "νοεμβριου", as Greek capitals print it)
        if _fold(name) not in _NOT_FOLDED and (_fold(name).isascii() or not _latin(name))
    },
    **_PRINTED,
}
# The accented Latin names ("août", "março"): OCR without those glyphs misses them at their accents.
ACCENTED_LATIN = frozenset(name for name in MONTHS if not name.isascii() and _latin(name))

# Abbreviations that are words of other languages too ("sie", "des", "kas", "ara"): dates.py reads
# them only between a day and a four-digit year. Polish (sty lut kwi cze lip sie wrz paź lis gru),
# Turkish (oca şub nis haz tem ağu eyl eki kas ara) and Norwegian (des); each with its fold.
_SHORT_AMBIGUOUS = [
    "sty oca",
    "lut şub",
    "",
    "kwi nis",
    "",
    "cze haz",
    "lip tem",
    "sie ağu",
    "wrz eyl",
    "paź eki",
    "lis kas",
    "gru ara des",
]
FULL_YEAR_ONLY: dict[str, int] = {
    spelling: num
    for num, names in enumerate(_SHORT_AMBIGUOUS, start=1)
    for name in names.split()
    for spelling in (name, _fold(name))
}
# "listopad(a)" is November in Polish and Czech but October in Croatian: the invoice reader reads
# it as November and asks the document's alphabet before it trusts that; MONTHS leaves it out.
LISTOPAD = frozenset({"listopad", "listopada"})

__all__ = ["ACCENTED_LATIN", "ENGLISH_MONTHS", "FULL_YEAR_ONLY", "LISTOPAD", "MONTHS"]
