"""Text helpers shared by the heuristic readers: normalisation and word-boundary term matching."""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters PDF text layers use for spaces, dashes and quotes, folded to plain ASCII forms.
_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\t": " ",
    }
)


# "T O T A L": letter-spaced headings some PDF generators emit.
_SPACED_LETTERS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_])")


def normalize(text: str) -> str:
    """NFKC (ligatures, full-width digits), unified spaces/dashes/quotes, letter-spaced words
    joined, no trailing blanks."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD)
    folded = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), folded)
    return "\n".join(line.rstrip() for line in folded.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


@functools.lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a word or phrase.

    Starts at a word boundary. Short terms ("ola", "bus", "pnr") and phrases ("check in") must also
    end at one (a plural allowed); longer single words may run on ("Hotels", "IRCTCeTicket").
    Inner spaces match any run of spaces or none, because PDF text layers run words together.
    """
    words = [re.escape(w) for w in term.lower().split()]
    body = r"[\s\-]*".join(words)
    whole = len(words) > 1 or len(term) <= 4
    tail = r"(?:s|es)?(?![^\W\d_])" if whole else ""
    return re.compile(r"(?<![^\W\d_])" + body + tail, re.IGNORECASE)


def find_term(text: str, term: str) -> re.Match[str] | None:
    return term_pattern(term).search(text)


def count_term(text: str, term: str) -> int:
    return len(term_pattern(term).findall(text))  # no capturing groups: one item per match


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


_SPACES = re.compile(r"\s+")


def clean_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
