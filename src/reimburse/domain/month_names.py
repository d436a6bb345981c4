"""Month names and their abbreviations in the languages the readers meet, in one table: the
invoice readers and the chat's question understanding both read it."""

from __future__ import annotations

_BY_MONTH = [
    "january jan januar janvier janv januari enero ene gennaio genn gen jänner",
    "february feb febr februar février fév fev févr februari febrero febbraio",
    "march mar märz maerz mrz mars maart marzo",
    "april apr avril avr abril aprile",
    "may mai mei mayo maggio mag",
    "june jun juni juin junio giugno giu",
    "july jul juli juillet juil julio luglio lug",
    "august aug augustus août aout agosto ago",
    "september sep sept septembre septiembre settembre set",
    "october oct oktober okt octobre octubre ottobre ott",
    "november nov novembre noviembre",
    "december dec dezember dez décembre déc diciembre dic dicembre",
]
# name -> month number (1-12)
MONTHS: dict[str, int] = {name: num for num, names in enumerate(_BY_MONTH, start=1) for name in names.split()}

__all__ = ["MONTHS"]
