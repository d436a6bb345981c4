"""Month names and their abbreviations in the languages the readers meet (English, German, French,
Dutch, Spanish, Italian, Portuguese, Swedish), in one table: the invoice readers and the chat's
question understanding both read it."""

from __future__ import annotations

_BY_MONTH = [
    "january jan januar janvier janv januari enero ene gennaio genn gen jänner janeiro",
    "february feb febr februar février fév fev févr februari febrero febbraio fevereiro",
    "march mar märz maerz mrz mars maart marzo mrt março",
    "april apr avril avr abril aprile",
    "may mai mei mayo maggio mag maj maio",
    "june jun juni juin junio giugno giu junho",
    "july jul juli juillet juil julio luglio lug julho",
    "august aug augustus août aout agosto ago augusti",
    "september sep sept septembre septiembre settembre set setembro",
    "october oct oktober okt octobre octubre ottobre ott outubro",
    "november nov novembre noviembre",
    "december dec dezember dez décembre déc diciembre dic dicembre dezembro",
]
# name -> month number (1-12)
MONTHS: dict[str, int] = {name: num for num, names in enumerate(_BY_MONTH, start=1) for name in names.split()}

__all__ = ["MONTHS"]
