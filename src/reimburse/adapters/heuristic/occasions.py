"""The words that name an occasion on which someone is hosted, the trip, and a negation (issue 19).

One vocabulary for the sentence rules (`policy_interpreter`) and the caption rules (`captions`).
The two lists still differ (a caption also names business and in-town meals; a sentence also names
an invited speaker); they share their common words here so they cannot drift further apart.
"""

from __future__ import annotations

import re

# Hosted occasions both lists name, word for word.
_HOSTED = r"hosted\s+(?:meals?|events?|functions?)"
_OFFICIAL = r"official\s+(?:guests?|visitors?|functions?|occasions?)"

# "Breakfast: $45" under "Entertainment Expenses", "Breakfast - $10" under "Hosting Guidelines": the
# meals of a hosted occasion, per guest, not the traveller's own (University of Miami, Portland
# State). The engine cannot tell a hosted meal from a trip's, so such a limit goes to a reviewer.
OCCASION = re.compile(
    rf"(?i)(?<![^\W\d_])(?:hosting|{_HOSTED}|hospitality|entertainment|{_OFFICIAL}|"
    # "Dinner with visiting class speaker: $50-$75 per person" (Yale Law), "Guest speakers" among
    # the official guests (Portland State), entertainment "for guest lecturers/speakers" (Delaware):
    # a university's invited speaker is a hosted guest as a candidate or a donor is. Named with its
    # qualifier, so that loudspeakers and "speaker fees" are none.
    r"(?:visiting|guest|invited|seminar|colloquium)\s+(?:class\s+|seminar\s+)?speakers?)(?![^\W\d_])"
)
# A page's title names the guests it hosts: "Meal Policy for Faculty & Candidates", "... for Faculty
# and Administrative Search Committees", "Guidelines for Recruiting Expenses" (UF Libraries, Daemen,
# Juniata), besides the hosting words above.
TITLE_OCCASION = re.compile(
    rf"{OCCASION.pattern}|(?<![^\W\d_])(?:candidates?|search\s+committees?|faculty\s+searches|"
    r"recruit(?:ing|ment)|visitors?|guests?|donors?)(?![^\W\d_])"
)

# A caption's hosted occasions: never the traveller's own meals, so a condition wherever a caption
# names one.
_CAPTION_HOSTED = (
    r"business(?:\s*(?:/|or|and|&)\s*(?:hospitality|entertainment))?\s+meals?|"
    r"hospitality(?:\s+meals?)?|entertainment(?:\s+meals?)?|hosting(?:\s+\w+)?|"
    rf"{_HOSTED}|{_OFFICIAL}|"
    r"(?:meals?|dinners?|lunch(?:es)?)\s+with\s+(?:visitors?|guests?|donors?|candidates?|interviewees?)"
)
# A meal away from the traveller's trip: in the home town.
_IN_TOWN = r"in[- ]town(?:\s+meals?)?|meals?\s+in\s+town|local\s+meals?"
# The traveller's own meals on a trip: the default of a travel policy, so a condition only beside
# a table of another occasion (see `policy_interpreter._with_trips`).
_TRAVEL = r"(?:meals?\s+)?while\s+travel(?:l?ing)|travel(?:l?ing)?\s+meals?|meals?\s*-\s*travel"
CAPTION_OCCASION = re.compile(
    rf"(?i)(?<![^\W\d_])(?:(?P<hosted>{_CAPTION_HOSTED}|{_IN_TOWN})|(?P<trip>{_TRAVEL}))(?![^\W\d_])"
)

# "Travel Meals and Entertainment", "Travel and Entertainment Expense Limits": a heading or caption
# that also names the trip is about the traveller's own meals.
TRIP_WORDS = re.compile(r"(?i)(?<![^\W\d_])(?:travel\w*|trips?|per\s+diem|m&ie)(?![^\W\d_])")
# "Non-entertainment meals", "Meals (excluding entertainment)", "no hospitality": the occasion negated.
NEGATED = re.compile(r"(?i)(?:\bnon-?|\bno|\bnot|\bexcluding|\bexcept|\bother\s+than|\bwithout)\W*$")
