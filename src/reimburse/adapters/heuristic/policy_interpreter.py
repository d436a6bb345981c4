"""HeuristicPolicyInterpreter: policy text -> Policy by rules over common policy phrasing."""

from __future__ import annotations

import dataclasses
import itertools
import re
from concurrent.futures import Executor
from decimal import Decimal

from reimburse.adapters.heuristic.amounts import CURRENCY_RE, detect_currency, find_amounts
from reimburse.adapters.heuristic.caps import (
    ALLOWANCE_NAMED,
    CapFinding,
    find_caps,
    goes_on,
    is_deduction_lead,
    labels_meal,
    names_a_day,
    opens_example,
    unit_in,
)
from reimburse.adapters.heuristic.clauses import Clause, split_clauses
from reimburse.adapters.heuristic.columns import rewrite_columns
from reimburse.adapters.heuristic.conditions import (
    classes_in,
    condition_in,
    condition_spans,
    governing_in,
    has_fallback,
    merge,
    scopes_in,
    travel_hours_in,
)
from reimburse.adapters.heuristic.currency_columns import currency_columns
from reimburse.adapters.heuristic.deadlines import find_deadline_rule
from reimburse.adapters.heuristic.durations import labelled_by_hours
from reimburse.adapters.heuristic.exclusions import (
    ExclusionFinding,
    column_exclusions,
    examples_of_previous,
    examples_pointed_back,
    excluded_part,
    find_exclusions,
    is_negative,
    known_kinds,
    list_item,
    short_item,
    split_condition,
    table_exclusions,
)
from reimburse.adapters.heuristic.graded_lines import graded_lines
from reimburse.adapters.heuristic.headed_tables import headed_tables
from reimburse.adapters.heuristic.lexicon import (
    ENGLISH_MEALS,
    MEALS_OF_THE_DAY,
    TRAVEL,
    meal_of,
    meals_pattern,
)
from reimburse.adapters.heuristic.listed_rows import listed_rows
from reimburse.adapters.heuristic.mentions import Mention, find_mentions, group_from, specific
from reimburse.adapters.heuristic.occasions import NEGATED, OCCASION, TITLE_OCCASION, TRIP_WORDS
from reimburse.adapters.heuristic.pairing import kind_named_after, respective_kind, same_sentence
from reimburse.adapters.heuristic.pipe_tables import pipe_tables
from reimburse.adapters.heuristic.places import cities_in
from reimburse.adapters.heuristic.policy_builder import PolicyBuilder
from reimburse.adapters.heuristic.policy_currency import CODES, policy_currency
from reimburse.adapters.heuristic.process_rules import process_rules_in
from reimburse.adapters.heuristic.row_scopes import (
    captioned_rows,
    daily_travelling_allowance,
    next_block,
    place_rows,
    short_row,
)
from reimburse.adapters.heuristic.spanned_headers import spanned_headers
from reimburse.adapters.heuristic.tables import (
    TableLimit,
    context_above,
    lead_above,
    read_table,
    spaced_tables,
    stacked_tables,
    text_tables,
)
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.tier_headers import is_tier_header
from reimburse.adapters.off_loop import off_loop
from reimburse.domain.errors import PolicyError, TooSlow
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import ELSEWHERE, CapUnit, Condition, Policy, RuleType

_COVER = re.compile(
    r"(?i)(reimburs|\bcovered\b|\bcovers?\b|eligible|\ballowed\b|permitted|claimable|can\s+(?:be\s+)?claim|pays?\s+for|"
    r"may\s+(?:be\s+)?claim|will\s+be\s+paid|\binclude|categor|at\s+actuals?|actual\s+cost|vergoed|"
    r"erstatt|rembours|reembols|rimbors|allowance)"
)
_EXCEPT = re.compile(
    r"(?i)\b(?:excluding|except(?:\s+for)?|excl\.|exclusive\s+of|other\s+than|but\s+not)\b(.*)"
)
# A cap for every category must say so: "any single claim", "per invoice", "all expenses".
_GENERAL_CAP = re.compile(
    r"(?i)\b(any|each|every|all|single|total)\b.*\b(claim|invoice|bill|expense|receipt)s?\b"
)
_UNIT_KIND = {CapUnit.NIGHT: "hotel", CapUnit.MEAL: "meals", CapUnit.RIDE: "cab"}
# Raise it whenever the reading changes: a policy stored by an older reader is read again.
# Versions: 10 period caps (issue 13); 11-14 meals, exclusion nouns, scopes, row labels (19);
# 15 scopes named with an expense; 16 funding/trip conditions, spaced tables; 17 exclusion
# keywords from objects and table cells, mandatory deadlines over advised ones; 18 fallback grade
# rows, city rows (Paris/province, named cities), per stay, units from headings, "$ .54" rates;
# one exclusion keyword guard on every path, new excluded kinds; 19 the part above an amount
# refused is a cap, lone international scopes and cities stay conditions, shares of a per diem;
# 20 status labels over ';' lists, 'X we do not pay include', foreign weeks/quarters, city lists,
# negotiated rates and matched gifts are no limits, a maximum for one's own car caps mileage;
# 22 world cities as places, ';' clauses and sentence lead-ins keep their conditions, text tables
# by column (named places, effective dates), dollars named by their country; 25 a bare "$" settled
# by clear evidence of one dollar country, "time limit ... is N days"; 26 "reduced as follows:" rows
# are deductions, a labelled "Example:" runs to its paragraph's end; 27 "Franken"/"franchi" after
# an amount, Ksh/USh/TSh, an ISO code beside "$", both sides joined are no side, spilled row labels;
# 28 one grade per line ("Job groups A to E: Ksh. 4,200"), the naira's "N" in a Nigerian text;
# 29 markdown pipe tables by grade and class of place, D.A. (daily allowance), "G-2" as a grade;
# 30 a grade line's bare number (no sign, cents or unit) is no money; 31 nor with a full stop after
# it, a pipe table with an empty corner cell read, a caption naming receipts no longer drops one,
# "U.S. travel or non-U.S. travel" both sides joined (no side); 32 set I's bare lists, ranges and
# amount-first rows, and (set J) account codes and total rows of tables, allowances an approver
# grants, "Breakfast=$10", passive refusals "Reimbursement is not made for X", "per mile" before a
# joined row's "round trip", "In-state/Out-of-State" joined; 33 (set K) a status line of its own
# ("Not reimbursable") leads the bare list below it, every line of a bare list is an item, and a
# refusing lead-in wrapped over two lines leads as one; 34 review mends: a line over a full sentence
# heads a section inside a bare list, "$250 per night" wrapped is no row, "Breakfast $10 - Lunch $15"
# keeps its meals, only long or code-column numbers are codes, a status under an item is that
# item's, "or a maximum of $X" with words after it is no day total, "Dinner total" is a limit;
# 35 (set L) a heading that refuses a kind of expense leads the bare lists under it; cents
# in cells ("65.5 cents/mile", "56 cents" under "Rate per Mile") are rates; 36 (set P) a short
# heading naming one travel scope scopes the ruled table below it, tables under the same header each
# find their own heading, a spanned header cell names the columns below it, "Per Diem" over a meal
# row is no per-day unit, "$10.000" among "$15.00" is no amount; 37 (set M) an own contribution is
# no limit, deadlines in number words and Spanish "plazo", Nordic refusals, Québec meals; 38 (set P)
# "authorized travel" is no approval, "<kind> shall be $X" sets the kind's limit (meals only with a
# printed unit), students joined with employees are no traveller condition.
# 39 (set M, polM2) rows labelled by hours of absence are daily meal allowances, a meal row's hour
# note, place rows run on after a unit and a comma keep their own place label.
# 40 amounts carry every current ISO code and CLDR's one-currency signs ("₦ 5,000"), as invoices do.
# 41 (review mends) "will be $X" only for the clause's own kind and no fee; cents skip the not-money
# guards only per distance; a refused list ends at a granted status; Spanish lead times and payouts
# are no deadline; an hour note printing an amount is none; a range's currency code is upper case.
# 42 a run-on row label that names no place ("Senior Executives: $90") is a condition for review.
# 43 (set Q) a per diem breakdown's header row of tier amounts is no limit; "non-high cost areas"
# keeps its negation; a policy printing no money takes a single piece of US evidence as USD;
# "the approved rates" are limits; meal rows under a hosting heading hold for that occasion; "No X
# are reimbursable" names X, and "with state funds" is the refusal's condition.
# 44 (set O) a tax note after a table's amount leaves the cell an amount; bed & breakfast is a
# night's lodging; grade-pay tables head rows by grade; wrapped table cells are not re-read as
# sentences; a policy printing only pence rates is in GBP; a meal's bracketed hours are its condition.
# 45 (set N) a meal's rate by how it is claimed (with / without itemized receipt) is a condition;
# a worked case goes on after "Conversely,"; "to cover X" and "including X" after an amount; a
# bare count opening a wrapped line; a template's "Policy" heading; fronted negations.
# 46 (review mends) a city or a country's name alone places no moneyless policy in a dollar land;
# "No more than N X are reimbursed" is no refusal; "excl. VAT" is no tax note; "claims for payment
# shall be made within" is a deadline; omit/substitute needs both words.
# 47 (set R) "$5 per day for incidentals" names what it pays; "approximately $N" is no limit; a
# bracketed "(i.e. ... if ...)" case is an example; "If your ...," opens a lead-in; "/pp" is per
# person; "when receipts are not available" is a way of claiming; a gift to the host one lodges with
# ("gift in lieu of lodging") is no lodging limit; "are allowed $12 for breakfast, $16 for lunch"
# keeps each amount.
# 48 (set V) a page's title naming the guests it hosts (candidates, search committees, recruiting,
# visitors, guests, donors, hosting words) conditions its heading-less meal caps unless it names a
# trip; a row whose own label names the hosted occasion ("Business/entertainment meals $100 per
# person") holds for it; a count doubled in words and figures ("four (4)") is no money.
# 49 (set S) "may approve ... up to $N" and the petty-cash route are thresholds; a payment card's
# spending limit is no limit; "greater than N miles" is a distance condition; "for up to N days" is
# how long an allowance runs, no deadline; "X, which are paid at $N" caps X.
# 51 (set X) "who delivers a paper or is a discussant" is the trip's purpose, as "to present a
# paper"; "over the fiscal year" is per year; a visiting or seminar speaker is a hosted guest; the
# conference one travels to ("at conferences", "to attend a workshop") names the trip, not a fee.
# 52 (set W) a table's caption or row-header column naming an occasion (business or hosted meals,
# in-town meals) conditions its rows, a travel caption only beside another occasion's table;
# amounts "are allowed for" hosted guests (donors, recruits...) all carry that condition.
# 53 (pairing) "$77/day for lodging and $46/day for meals" pairs each amount with the kind after it;
# a list of amounts and a list of as many kinds pair in order; no kind across a sentence end;
# "Previously, ..." / "was formerly" amounts are former limits; "are repaid $12 for breakfast, ...".
# 54 (s15 review mends) fees "to attend" a conference stay fees; "fiscal year-end" is no per-year unit;
# a caption naming travel beside entertainment conditions no row; a money line is no caption; a bare
# kind under an Activity column is no occasion; a hosted-occasion line keeps its own kind.
# 55 (sets L, K, polA) a hosting title conditions a table's meal rows; a header of kinds over rows of
# amounts only is read; "non-travel" in a caption names no trip; a caption's closing bracket.
# 56 (sets M, O, Q) a "travelling allowance" section paid by the day is the per diem, and the
# table's next block stays in it; a town among rows by place is its row's place; a caption line
# naming places (or one of several captions naming classes) conditions the meal rows under it.
# 57 (set Y) the part played at a meeting ("read a paper", "chairing a session", "not actively
# participating", "without presenting") conditions travel funds; leaving or returning home is the
# first and last day; "conference travel" is travel; an "annual maximum" is per year; the US and
# Canada joined are a region, no evidence of the policy's country.
# 58 (review mends) a caption excluding a place gives its rows none; a header of kinds over amounts
# needs a limit word in its caption or lead; only rows by place in a travelling allowance section
# are meals per day; a caption's closing bracket naming an occasion or a trip is kept; a caption
# for "all other locations" heads its rows as the fallback place.
# 59 (s16 review mends of 57) only the US named first with Canada is a region (Canada first still
# counts for Canada; "us" the pronoun is no US); a clause break or "not" after "annual limit" ends
# its per-year unit; a meeting role keeps its negation ("without active participation").
# 60 the mends of 58 and 59, written apart, together.
READER_VERSION = 60
_TITLE_WORDS = re.compile(
    r"(?i)(policy|policies|guidelines|richtlijn|richtlinie|regelung|politique|política|politica)"
)


class HeuristicPolicyInterpreter:
    """Rule-based reading of policy phrasing. Caps without a currency take the policy's currency:
    the one most caps state, else the one the text mentions most, else `default_currency`."""

    name = f"heuristic/{READER_VERSION}"

    def __init__(self, default_currency: str = "INR", executor: Executor | None = None) -> None:
        self._default_currency = default_currency
        if default_currency != "INR":  # a policy stored under another default is read again
            self.name = f"heuristic/{READER_VERSION}/{default_currency}"
        self._executor = executor  # reading is CPU-bound pure Python: never on the event loop

    async def interpret(self, document: Document) -> Policy:
        try:
            return await off_loop(self._executor, _read, document, self._default_currency)
        except TimeoutError:  # the pool stopped an overrun and replaced the worker
            raise TooSlow(f"{document.filename} took longer than its time budget to read.") from None

    def read(self, document: Document) -> Policy:
        text = _leading_zero(normalize(document.text))
        builder = PolicyBuilder()
        previous: list[str] = []
        source = text
        title = _hosting_title(source)
        text = _read_tables(document, text, builder, title)
        # "Standard  Inner London" over "Dinner up to £15 up to £18": one line per column.
        text = rewrite_columns(text)
        builder.scopes = _scopes_named_with_expenses(text)
        # A policy that prints its money with a currency: bare numbers are counts or references.
        money_text = sum(1 for a in find_amounts(text) if a.currency) >= 3
        scoped = _under_scope_headings(split_clauses(text))
        if title:
            scoped = [(dataclasses.replace(c, title=title), inherited) for c, inherited in scoped]
        places = place_rows([c for c, _ in scoped], _place_label)
        captions = captioned_rows([c for c, _ in scoped])
        blocks: dict[tuple[str, str], str] = {}  # (heading, parent) -> the section above both blocks
        prior: Clause | None = None
        deducting = ""
        worked = False  # the previous clause was a worked case
        for k, (clause, inherited) in enumerate(scoped):
            if worked and goes_on(clause.text):
                # "For example, ... $12 ... Conversely, if the employer allows up to $20 ...": the
                # worked case goes on; its amounts are no limits either.
                clause = dataclasses.replace(clause, example=True)
            worked = clause.example or opens_example(clause.text)
            if clause.parent and _TEMPLATE_HEADING.fullmatch(clause.heading):
                # "Long-term International Faculty Research Travel" over "Policy": a policy template's
                # section word says nothing of the rule; the heading above it says what it is for.
                clause = dataclasses.replace(clause, heading=clause.parent)
            if deducting and not clause.lead and short_row(clause.text):
                # "... shall be reduced as follows:" then "Breakfast $6.00" lines: its deductions.
                clause = dataclasses.replace(clause, lead=deducting)
            else:
                ends_lead = clause.text.endswith(":") and is_deduction_lead(clause.text)
                deducting = clause.text if ends_lead else ""
            # "... in New York City may not exceed $350; elsewhere $250": the next clause's opening
            # says the place before this amount is a row of a table in words.
            following = scoped[k + 1][0].text[:40] if k + 1 < len(scoped) else ""
            before = scoped[k - 1][0].text if k else ""
            pointed = examples_pointed_back(clause.text, before)
            for finding in examples_of_previous(clause.text, before) + pointed:
                builder.add_exclusion(finding, f"{before} {clause.text}")
            block = (clause.heading, clause.parent)
            if prior is not None and block not in blocks and next_block(clause, scoped[k - 1][0]):
                # "High cost country centres  Per day" after the "Capital cities  Per day" rows: the
                # table's next block, under the same section, not under the block above it.
                blocks[block] = prior.parent
            if block in blocks:
                clause = dataclasses.replace(clause, parent=blocks[block])
            prior = clause
            if k and _other_place_row(clause.text, before):
                inherited = (ELSEWHERE,)  # "UK - Other £90" under "UK - London £160": every other place
            caption = captions.get(k, "")
            if caption and not inherited:
                # "Georgia Meal Per Diem Rates" over "Breakfast $13" rows: the caption's places; a
                # class of places as the caption prints it, every part ("Tier 2 and other country
                # centres", not "Tier 2" alone).
                found = condition_in(caption)
                classes = classes_in(caption)
                if classes == [ELSEWHERE]:
                    # "Meals in all other locations" after the "Meals in New York City" rows: every
                    # other place; the caption heads these rows, not the heading above it.
                    inherited = (ELSEWHERE,)
                    clause = dataclasses.replace(clause, heading=caption)
                else:
                    inherited = (caption,) if classes else found.locations if found else ()
                caption = "" if inherited else caption
            previous = self._clause(
                clause, builder, previous, money_text, inherited, following, places.get(k, ""), caption
            )
        # A schedule read as a table leaves the text: its amounts still say the currency.
        currency = (
            policy_currency(text)
            or policy_currency(source)
            or builder.currency(detect_currency(text) or self._default_currency)
        )
        policy = Policy(
            policy_id=f"pol_{document.sha256[:16]}",
            currency=currency,
            categories=builder.build_categories(),
            caps=builder.build_caps(currency),
            exclusions=tuple(builder.exclusions.values()),
            deadline=builder.deadline,
            amounts=builder.build_amounts(currency),
            process_rules=tuple(builder.process.values()),
            title=_title(text),
            source_sha256=document.sha256,
            interpreter=self.name,
        )
        if policy.rule_count == 0:
            raise PolicyError(
                f"{document.filename}: no reimbursement rule was recognised (no expense category, cap, "
                "exclusion or submission deadline)."
            )
        return policy

    def _clause(
        self,
        clause: Clause,
        builder: PolicyBuilder,
        previous: list[str],
        money_text: bool = False,
        inherited: tuple[str, ...] = (),
        following: str = "",
        place: str = "",
        caption: str = "",
    ) -> list[str]:
        """Read one clause; returns the kinds it was about (context for the next clause). `place`:
        the row's label, when the clause is a row of a table by place; `caption`: a class of places
        the caption line above the row names, one the engine cannot check."""
        sentence = clause.text
        cited = f"{clause.lead} {sentence}" if clause.lead else sentence
        for name, checked in process_rules_in(sentence):
            builder.add_process_rule(name, cited, checked=checked)
        found = find_deadline_rule(sentence) or (find_deadline_rule(cited) if clause.lead else None)
        if found:
            builder.set_deadline(found, cited)
            return previous
        # "Meals ... for domestic travel", "Domestic travel: $65 per day" under a "Meals" heading:
        # the trip's scope, not a category (the heading or the other kind named says what is capped).
        mentions = [
            m
            for m in _venues_as_trips(sentence, find_mentions(sentence))
            if not m.as_unit and not _scope_of_travel(sentence, m)
        ]
        # "For travel funded by federal grants: lodging ...": the lead-in names the condition, the
        # rest what is capped.
        lead_end = _governing_lead_in(sentence)
        if any(m.start >= lead_end for m in mentions):
            mentions = [m for m in mentions if m.start >= lead_end]
        general = not mentions and _GENERAL_CAP.search(sentence) is not None
        context = [] if general else _context_kinds(clause, previous, place)
        from_previous = not general and not _context_kinds(clause, [], place)
        if (
            not mentions
            and context
            and (
                (_own_subject(sentence) and (context == [TRAVEL] or from_previous))
                or (from_previous and _occasion_label(sentence))
            )
        ):
            # "A one-time relocation allowance of $2,000" after a sentence on internet, or "Tips for
            # porters ..." under "Travel expenses": the sentence names its own thing, one the
            # lexicon does not know; neither the previous sentence's kind nor generic travel.
            context = []
        # "Adelaide $270.10" under "Capital cities  Per day" under "Travelling allowances": the
        # section names the allowance the rows' bare amounts are.
        above = f"{clause.heading} {clause.lead}"
        above = f"{above} {clause.parent}" if daily_travelling_allowance(clause) else above
        caps = find_caps(sentence, money_text=money_text, context=above, following=following)
        if caps:
            cited_with_heading = f"{clause.heading} {cited}"
            kinds_seen: list[str] = []
            for i, cap in enumerate(caps):
                kinds, label = _cap_kinds(sentence, caps, i, mentions, clause, context)
                symbol = "%" if cap.percent else _symbol(sentence, cap)
                if cap.kind is RuleType.LIMIT and not cap.strong and _deduction_list(clause):
                    # "... ist das Tagegeld wie folgt zu kürzen:" over "Frühstück: 4,00 €": deductions.
                    cap = dataclasses.replace(cap, kind=RuleType.REFERENCE)
                if cap.kind is RuleType.LIMIT and clause.example:
                    cap = dataclasses.replace(cap, kind=RuleType.EXAMPLE)  # "Example: ..." goes on
                if cap.kind is RuleType.LIMIT and not mentions and _CARD_LIMIT.search(cited_with_heading):
                    # "Maximum limit of $500" under "Declining balance pcards": what the card can
                    # spend, no limit on a kind of expense.
                    cap = dataclasses.replace(cap, kind=RuleType.REFERENCE)
                if cap.kind is RuleType.LIMIT and is_tier_header(sentence, following):
                    # "Per Diem Rate: $40 $51 $54" over "Breakfast 7 12 13": the tiers' names.
                    cap = dataclasses.replace(cap, kind=RuleType.REFERENCE)
                if cap.kind is not RuleType.LIMIT:
                    builder.add_amount(cap, kinds, cited, symbol=symbol, category=_rate_category(cap, kinds))
                    continue
                if (
                    (not kinds or not mentions)
                    and cap.strong
                    and cap.unit not in _DISTANCE
                    and _OWN_CAR.search(sentence)
                ):
                    # "Use of a personal vehicle ... maximum of $300 per trip": a limit on the
                    # mileage paid, not on any invoice kind (the rate itself stays a rate); also
                    # under a transport heading or after a sentence on train fares, when the
                    # sentence itself names no other kind.
                    condition, _ = _cap_condition(sentence, caps, i, clause, inherited, following)
                    section = " - ".join(p for p in (clause.heading, clause.lead) if p)
                    builder.add_mileage_cap(cap, cited, condition=condition, section=section, symbol=symbol)
                    continue
                if kinds or (cap.strong and _GENERAL_CAP.search(sentence)):
                    condition, meal = _cap_condition(
                        sentence, caps, i, clause, inherited, following, place, caption
                    )
                    if meal and cap.unit is None and _meals_together(sentence, caps, i):
                        # "For part of a day including lunch and dinner £35": the two meals' day,
                        # no cap on lunch alone (it would replace the lunch row's £10).
                        meal, cap = "", dataclasses.replace(cap, unit=CapUnit.DAY)
                    if _day_total_of_meals(sentence, caps, i):
                        meal, cap = "", dataclasses.replace(cap, unit=CapUnit.DAY)
                    cap = _unit_from_above(cap, kinds, meal, clause)
                    # "Mittagessen ab 5 Stunden: 25 CHF": a named meal keeps its own unit, hours or not.
                    cap = cap if meal else _unit_by_hours(cap, kinds, condition, sentence)
                    cap = _unit_of_a_day(cap, sentence)
                    cap = _lodging_by_night(cap, kinds, sentence)
                    section = " - ".join(p for p in (clause.heading, clause.lead) if p)
                    builder.add_cap(
                        cap,
                        kinds,
                        cited,
                        label,
                        condition=condition,
                        section=section,
                        symbol=symbol,
                        confidence=_confidence(cap, sentence, mentions, kinds),
                        meal=meal,
                    )
                kinds_seen += kinds
            excepted = _EXCEPT.search(sentence)
            if excepted and known_kinds(excepted.group(1)):
                for finding in find_exclusions(excepted.group(1)):
                    builder.add_exclusion(finding, cited)
            return kinds_seen or previous
        # "Laundry (if the trip is under five days)": the item is read without its condition, and
        # the rule keeps it, so that a matching invoice goes to a reviewer instead of being cut.
        bare, proviso = split_condition(sentence)
        negative = is_negative(sentence)
        if negative and not is_negative(bare):
            bare, proviso = sentence, ""  # the refusal itself sat in the condition's words
        if negative:
            part, qualified = excluded_part(bare)
            if not proviso and _OTHER_THAN_ALLOWED.match(part):
                # "Any other tipping shall not be reimbursed" after tips on meals were allowed:
                # the refusal is of what the policy did not allow, which the engine cannot tell
                # apart, so a matching item goes to a reviewer instead of being cut.
                proviso = "other than the policy allows"
            # A qualified item ('laundry purchased with vouchers') is excluded only under words no
            # condition carries: no keyword, lexicon kind or not, may decline every such line.
            for finding in [] if qualified else find_exclusions(part):
                # Words a sentence's subject or object gave (not a lexicon kind): a reviewer checks them.
                sure = finding.confidence >= 0.9
                paying = _PAY_NEGATIVE.search(sentence) or find_mentions(finding.name)
                if not sure and (len(finding.name.split()) < 2 or not paying):
                    # A bare noun subject ("Exceptions will not be allowed") is more often a
                    # process word than a bought item: one word needs the lexicon or a list.
                    continue
                finding = dataclasses.replace(finding, confidence=finding.confidence if sure else 0.5)
                builder.add_exclusion(dataclasses.replace(finding, condition=proviso), cited)
            return previous
        if (is_negative(clause.lead) or is_negative(clause.heading)) and not _COVER.search(sentence):
            # Under "Exclusions" / "The following are not reimbursable:": list items name what is
            # excluded; longer sentences count only for the kinds the lexicon knows.
            item, qualified = list_item(bare)
            short = short_item(item) and not qualified
            if not clause.lead:
                cited = f"{clause.heading}: {sentence}"
            for finding in find_exclusions(item) if short else _known_only(bare):
                builder.add_exclusion(dataclasses.replace(finding, condition=proviso), cited)
            return previous
        covered = _covered_kinds(sentence, mentions)
        if covered and (_COVER.search(sentence) or clause.label):
            for kind in covered:
                builder.add_category([kind], cited)
            # A list of several categories is no context for the next sentence's cap.
            return covered[:1] if len(set(covered)) == 1 else []
        if context and _COVER.search(sentence) and not mentions:
            builder.add_category(context, cited, clause.label or clause.heading)
            return context
        if context and _section_heading(clause.heading):
            # A section about a kind ("Air Travel: economy class only.") means the kind is covered.
            builder.add_category(context, cited, clause.heading)
        return previous


# A payment card's own spending limit: purchasing, procurement or declining-balance cards.
_CARD_LIMIT = re.compile(
    r"(?i)\b(?:p-?cards?|(?:purchas(?:e|ing)|procurement|declining[- ]balance|prepaid)\s+(?:credit\s+)?cards?|"
    r"credit\s+limit|card\s+limit)\b"
)


# "$ .54 per mile", "$.655/mile", ".58 per mile": US policies print cents rates without the zero.
_NO_ZERO = re.compile(
    r"(?P<sign>[$€£])\s?\.(?P<cents>\d{1,3})(?![\d.,])|(?<![\w.,$€£])\.(?P<bare>\d{2,3})(?=\s*(?:per|/)\s*(?:mile|km))"
)


def _leading_zero(text: str) -> str:
    return _NO_ZERO.sub(
        lambda m: f"{m.group('sign')}0.{m.group('cents')}" if m.group("sign") else f"0.{m.group('bare')}",
        text,
    )


def _rest(lines: list[str], drop: set[int]) -> str:
    """The text without the lines a table already read (blank, so line numbers stay)."""
    return "\n".join("" if k in drop else line for k, line in enumerate(lines))


def _read_tables(document: Document, text: str, builder: PolicyBuilder, title: str = "") -> str:
    """Limits from tables (ruled ones the PDF reader found, and text set in columns); the text
    without the rows that gave limits, so that sentences do not read them a second time."""
    lines = text.split("\n")
    drop: set[int] = set()
    found: list[TableLimit] = []
    # "Reimbursable   Not reimbursable" set in spaced columns: the right column's items are excluded.
    for finding, cited in column_exclusions(text):
        builder.add_exclusion(finding, cited)
    for rows, used in text_tables(text):
        limits = read_table(rows, context_above(lines, used[0]), lead=_sentence_above(lines, used[0]))
        if limits:
            found += limits
            drop.update(used)
    for rows, used in spaced_tables(_rest(lines, drop)):
        limits = read_table(rows, context_above(lines, used[0]), lead=_sentence_above(lines, used[0]))
        if limits:
            found += limits
            drop.update(used[1:])  # the header line stays: it may head the section below
    # "Band", "Tier 1 cities", ..., then "C3, D2", "< 750 Rs", ...: one cell a line.
    for rows, used in stacked_tables(_rest(lines, drop)):
        limits = read_table(rows, context_above(lines, used[0]), lead=_sentence_above(lines, used[0]))
        if limits:
            found += limits
            drop.update(used)
    # "Canadian $" over "Yukon & Alaska Northwest Territories Nunavut" over "Breakfast 20.35 22.75 …";
    # "Cape Town" over "RANDS" over "Overnight Rate ... 2,507.50": one column of bare amounts;
    # "OVERNIGHT RATES | DAY RATES" over "Normal Rate | ... | 10 hours or more" over "€133.73 | ...".
    for scan in (headed_tables, currency_columns, spanned_headers, listed_rows, graded_lines, pipe_tables):
        for rows, used, context, columns in scan(_rest(lines, drop)):
            limits = read_table(rows, context, columns)
            if limits:
                found += limits
                drop.update(used)
    placed: set[int] = set()
    for page in document.layout:
        for table in page.tables:
            # A "Not reimbursable" column, a "Reimbursable?" column that says no: items to exclude.
            for finding, cited in table_exclusions(tuple(tuple(normalize(c) for c in row) for row in table)):
                builder.add_exclusion(finding, cited)
            head = [c for c in table[0] if c.strip()][:2] if table else []
            # Two tables under the same header ("Meals | Rate"): each is at its own header line.
            where = next(
                (
                    k
                    for k, line in enumerate(lines)
                    if head and k not in placed and all(h in line for h in head)
                ),
                None,
            )
            context = (
                context_above(lines, where) if where is not None else _wrapped_table_context(lines, table)
            )
            if where is not None:
                placed.add(where)
            lead = _sentence_above(lines, where) if where is not None else ""
            limits = read_table(
                [tuple(normalize(c) for c in row) for row in table], context, headerless=True, lead=lead
            )
            if not limits:
                continue
            found += limits
            drop.update(_table_lines(lines, table, {lim.finding.amount.value for lim in limits}))
            # A table without a header row: its first row is a row of limits too.
            for row in table if any(find_amounts(c) for c in table[0]) else table[1:]:
                label = row[0].strip() if row else ""
                # A label wrapped in its cell ("Bed &" / "£200.00 £140.00" / "breakfast*") leaves the
                # row's amounts on a line of their own: `_table_lines` drops those.
                for k, line in enumerate(lines):
                    if label and line.strip().startswith(label) and find_amounts(line):
                        drop.add(k)
    _add_table_limits(builder, _under_hosting_title(_with_trips(found), title))
    return _rest(lines, drop)


def _sentence_above(lines: list[str], index: int, most: int = 4) -> str:
    """The sentence that ends right above a table's header line, wrapped over up to `most` lines:
    from the line above back to the line after the previous sentence's end (or a blank line)."""
    out: list[str] = []
    for k in range(index - 1, max(-1, index - 1 - most), -1):
        line = lines[k].strip()
        if not line and not out:
            continue  # the gap between the sentence and the table
        if not line or (out and line.endswith((".", ":", "!", "?"))):
            break
        out.insert(0, line)
    return " ".join(out)


def _table_lines(lines: list[str], table: tuple[tuple[str, ...], ...], read: set[Decimal]) -> set[int]:
    """The lines that a ruled table's cells fill, wrapped over several lines ("7600 <=GP<= Non-AC
    taxi charges", "Rs.4500 Rs.450", "8900 per diem for travel within city"): runs of two or more
    lines holding only the table's own words, whose every number the table `read` as a limit or
    prints in a row's label. Sentences must not read them again; a cell the table could not read
    stays for them."""
    words = {w for row in table for cell in row for w in normalize(cell).split()}
    labelled = {a.value for row in table if row for a in find_amounts(normalize(row[0]))}
    out: set[int] = set()
    run: list[int] = []
    for k, line in enumerate([*lines, ""]):
        own = line.split()
        if own and set(own) <= words:
            run.append(k)
            continue
        if len(run) >= 2:
            for j in run:
                found = {a.value for a in find_amounts(lines[j])}
                if found and found <= read | labelled:
                    out.add(j)
        run = []
    return out


def _wrapped_table_context(lines: list[str], table: tuple[tuple[str, ...], ...]) -> str:
    """The heading above a ruled table whose first row the text layer wrapped over several lines
    ("In-State Meal Rates" over "Leaving before" / "5:31 am and" / "$5.00"): the nearest line above
    its first cell that is no piece of the table's own cells."""
    first = next((c.strip() for c in table[0] if c.strip()), "") if table else ""
    start = next((k for k, line in enumerate(lines) if first and line.strip() == first), None)
    if start is None:
        return ""
    cells = " ".join(" ".join(c.split()) for row in table for c in row)
    return " ".join(lead_above(lines, start, look_back=6, skip=lambda k: lines[k].strip() in cells).split())


def _with_trips(limits: list[TableLimit]) -> list[TableLimit]:
    """A table captioned with the traveller's trip ("Meals While Traveling") beside one captioned
    with another occasion ("In Town Meals"): the trip is its rows' condition. Alone it only says
    what a travel policy is about."""
    if not any(lim.hosted for lim in limits):
        return limits
    return [
        dataclasses.replace(lim, condition=merge(lim.condition, Condition(other=lim.trip)))
        if lim.trip
        else lim
        for lim in limits
    ]


def _under_hosting_title(limits: list[TableLimit], title: str) -> list[TableLimit]:
    """Meal rows of a table on a page whose title names the guests it hosts ("Maximum Per-Person
    Rates for Hospitality Meals", Fullerton): they hold for that occasion, as the heading-less meal
    sentences under such a title do (`_hosted_occasion`). A caption naming its own occasion or a
    trip, or a row naming a trip, says otherwise."""
    found = TITLE_OCCASION.search(title)
    if found is None:
        return limits
    occasion = Condition(other=found.group(0))
    return [
        dataclasses.replace(lim, condition=merge(lim.condition, occasion))
        if lim.meal and not lim.hosted and not lim.trip and not TRIP_WORDS.search(lim.clause)
        else lim
        for lim in limits
    ]


def _add_table_limits(builder: PolicyBuilder, limits: list[TableLimit]) -> None:
    for limit in limits:
        builder.add_cap(
            limit.finding,
            limit.kinds,
            limit.clause,
            condition=limit.condition,
            symbol=limit.symbol,
            confidence=0.8,  # read from a table's headers
            meal=limit.meal,
        )


# "any other X", "all other X", "autres X", "otros X", "sonstige X": what a sentence before allowed.
_OTHER_THAN_ALLOWED = re.compile(
    r"(?i)^\W*(?:(?:any|all|the|les|tous\s+les|toutes\s+les|los|las|todos\s+los|todas\s+las|gli|le|alle|die)\s+)?"
    r"(?:other|autres?|otros?|otras?|altri|altre|sonstigen?|anderen?|overige)\s+\w"
)
_PAY_NEGATIVE = re.compile(r"(?i)(?:not|non-?)\s*(?:be\s+)?(?:reimburs|pa(?:id|y)|covered|allowable|claim)")
_MEAL_TIME = re.compile(rf"(?i)\b({meals_pattern(MEALS_OF_THE_DAY)})\b")
# "$25 for breakfast", "eight dollars ($8.00) for breakfast", a row "$11 - Breakfast": the meal
# named right after the amount.
_FOR_MEAL = re.compile(
    rf"(?i)^\s*\)?\s*(?:per\s+person\s+)?(?:(?:for|at)\s+|[-–—:]\s*)({meals_pattern(ENGLISH_MEALS)})\b"
)
# Without the dash form: in "Breakfast $10 - Lunch $15" the meal after a dash is the next amount's,
# so the dash names an amount's meal only in rows that open with their amount.
_FOR_MEAL_WORD = re.compile(
    rf"(?i)^\s*\)?\s*(?:per\s+person\s+)?(?:for|at)\s+({meals_pattern(ENGLISH_MEALS)})\b"
)
_BED_AND_BREAKFAST = re.compile(r"(?i)\bbed\s+(?:and|&)\s+breakfast\b")
_ALTERNATIVE_OF = re.compile(r"\s*(?:/|\bor\b)\s*")


_SCOPE_WORD = re.compile(
    r"(?i)(?:domestic|international|foreign|overseas|in-state|out-of-state|business|local|(?:non-)?U\.?S\.?)\s*$"
)


def _scopes_named_with_expenses(text: str) -> frozenset[str]:
    """Travel scopes the policy names for some expense ("international per diems follow ..."). A
    scope in a sentence about no expense ("expenses incurred abroad are converted ...") says nothing
    about which limits hold where."""
    named: set[str] = set()
    for sentence in re.split(r"(?<=[.;:])\s+|\n", text):
        scopes = scopes_in(sentence)
        if scopes and find_mentions(sentence):
            named.update(s.casefold() for s in scopes)
    return frozenset(named)


def _scope_of_travel(sentence: str, mention: Mention) -> bool:
    """'domestic travel', 'business travel': a scope of the trip, not an expense category."""
    if mention.kind != TRAVEL:
        return False
    return (
        _SCOPE_WORD.search(sentence[: mention.start]) is not None
        or _SCOPE_AFTER.match(sentence[mention.end :]) is not None
        or bool(scopes_in(sentence[mention.end : mention.end + 40].split(",")[0]))
    )


# "an invited role at conference", "talks at conferences", "travel to a national conference": the
# meeting is where the trip goes (Lehigh, WashU Art History); what is paid is the trip. A fee for it
# says so ("conference registration", "conference fees") and stays a training expense.
_VENUE_WORD = re.compile(r"(?i)conferences?|workshops?|symposi(?:um|a)")
_VENUE_BEFORE = re.compile(
    r"(?i)\b(?:at|to|attend(?:s|ing)?)\s+(?:(?:an?|the|one|or|and|regional|national|international|academic|"
    r"professional|scholarly|scientific|annual|research),?\s+){0,6}$"
)


# "conference travel grant", "College Conference Travel": the word right before "travel" says
# which trips; the travel is what is paid (Lynchburg, Washington and Lee).
_VENUE_AFTER = re.compile(r"(?i)\s+(?:travel|trips?)(?![^\W\d_])")


_FEE_WORDS = re.compile(r"(?i)(?<![^\W\d_])(?:fees?|registrations?|tuition|dues)(?![^\W\d_])")


def _venues_as_trips(text: str, mentions: list[Mention], sentence: str = "") -> list[Mention]:
    """The conference one travels to names the trip, not a fee: travel, not training. `sentence`
    is the capping sentence when `text` is the heading above it."""
    if _FEE_WORDS.search(text) or _FEE_WORDS.search(sentence):
        # "Registration fees to attend a conference", "Fees ... up to $300" under "Attending
        # Conferences": the fee is what is paid
        return mentions
    return [
        Mention(TRAVEL, m.start, m.end, m.as_unit)
        if m.kind == "training"
        and _VENUE_WORD.fullmatch(text, m.start, m.end)
        and (_VENUE_BEFORE.search(text[max(0, m.start - 80) : m.start]) or _VENUE_AFTER.match(text, m.end))
        else m
        for m in mentions
    ]


# "travel outside the state", "travel abroad": the scope said after the word.
_SCOPE_AFTER = re.compile(
    r"(?i)\s+(?:within|inside|outside|out\s+of|abroad|overseas|domestically|internationally|in-state|"
    r"out-of-state)\b"
)


def _confidence(cap: CapFinding, sentence: str, mentions: list[Mention], kinds: list[str]) -> float:
    """How sure the reading is: a cap phrase and a named kind are sure; a kind taken from the
    heading or the unit, a bare "is"/":" or a missing unit are less so (below 0.6: needs review)."""
    score = 0.9 if cap.strong else 0.7
    if not any(m.kind in kinds for m in mentions):
        score -= 0.2  # the kind came from the heading, the previous sentence or the unit alone
    if cap.unit is None:
        score -= 0.1
    return round(max(score, 0.3), 2)


def _unit_from_above(cap: CapFinding, kinds: list[str], meal: str, clause: Clause) -> CapFinding:
    """ "Meal allowance per day" above "Directors: $90": a row without a unit takes the one its
    lead-in or heading names. A meal of the day is per meal whatever the heading; lodging stays per
    night under a "per diem" heading."""
    if cap.unit is not None or meal:
        return cap
    unit = unit_in(clause.lead) or unit_in(clause.intro) or unit_in(clause.heading)
    if unit is None or (unit is CapUnit.DAY and kinds == ["hotel"]):
        return cap
    return dataclasses.replace(cap, unit=unit)


# "supera le otto ore", "8 – 14 Stunden": a duration condition as durations.py words it.
_HOURS_AWAY = re.compile(r"\b\d+(?:\.\d+)? hours\b|\barrival or departure day\b")
# One meal named before the amount ("il rimborso di un pasto nel limite di"): the limit is that meal's.
_ONE_MEAL = re.compile(
    r"(?i)\b(?:un|uno|1)\s+pasto\b|\bun\s+repas\b|\buna\s+comida\b|\buma\s+refei[çc][ãa]o\b|"
    r"\beine?\s+mahlzeit\b|\b(?:één|een)\s+maaltijd\b|\b(?:one|a|1)\s+meal\b"
)


def _unit_by_hours(
    cap: CapFinding, kinds: list[str], condition: Condition | None, sentence: str
) -> CapFinding:
    """A meal allowance set by the hours away from home, with no unit printed, is a day's: the hours
    are counted per day of the trip (the German Verpflegungsmehraufwand, the Italian meal limits by
    mission length), unless the amount is said to pay one meal."""
    if cap.unit is not None or kinds != ["meals"] or not (condition and _HOURS_AWAY.search(condition.other)):
        return cap
    if _ONE_MEAL.search(sentence[: cap.amount.start][-80:]):
        return cap
    return dataclasses.replace(cap, unit=CapUnit.DAY)


def _meals_together(sentence: str, caps: list[CapFinding], i: int) -> bool:
    """Two different meals of the day joined by "and" right before the amount ("lunch and dinner"):
    the amount pays both, so it is no one meal's."""
    lo = caps[i - 1].amount.end if i else 0
    before = sentence[lo : caps[i].amount.start][-50:]
    if re.match(
        r"(?i)\s*(?:each|apiece|per\s+meal|je|chacun|cada|ciascuno)\b", sentence[caps[i].amount.end :]
    ):
        return False  # "Breakfast and lunch: $10 each": one meal's amount after all
    if respective_kind(sentence, [c.amount for c in caps], i, find_mentions(sentence)) is not None:
        return False  # "Breakfast, lunch and dinner ... $12, $18 and $30 respectively": one each
    meals = list(_MEAL_TIME.finditer(before))
    return any(
        re.fullmatch(r"\s*(?:and|&|\+|und|et|e|y|en)\s*", before[a.end() : b.start()])
        and a.group(1).lower() != b.group(1).lower()
        for a, b in itertools.pairwise(meals)
    )


_DAY_TOTAL = re.compile(
    r"(?i)\s*[,;]?\s*(?:or\s+)?(?:an?\s+|the\s+)?(?:daily\s+)?(?:maximum|max\.?|total)\s+(?:of\s+)?"
)


def _day_total_of_meals(sentence: str, caps: list[CapFinding], i: int) -> bool:
    """ "Breakfast $5, Lunch $9, Dinner $12 or a maximum of $26": after the meals of the day, a
    maximum with no unit of its own is the day's."""
    if not i or caps[i].unit is not None:
        return False
    gap = sentence[caps[i - 1].amount.end : caps[i].amount.start]
    # The maximum closes the meal rows: "Lunch $15 or a maximum of $20 in high-cost cities" or
    # "..., or a maximum of $45 when a guest is hosted" is a case of its own for that one meal.
    closes = re.search(r"[^\W\d_]", sentence[caps[i].amount.end :]) is None
    return (
        closes
        and _DAY_TOTAL.fullmatch(gap) is not None
        and _MEAL_TIME.search(sentence, 0, caps[i - 1].amount.start) is not None
    )


def _unit_of_a_day(cap: CapFinding, sentence: str) -> CapFinding:
    if cap.unit is not None or not names_a_day(sentence[: cap.amount.start]):
        return cap
    return dataclasses.replace(cap, unit=CapUnit.DAY)


def _deduction_list(clause: Clause) -> bool:
    """Whether the list the clause is an item of is announced as amounts to take off."""
    if clause.lead:
        return is_deduction_lead(clause.lead)
    last = re.split(r"(?<=[.!?])\s+", clause.intro.strip())[-1] if clause.intro else ""
    return last.endswith(":") and is_deduction_lead(last)


# A lodging limit said to be daily in the other languages ("entro il limite giornaliero di 220 €",
# "Tageshöchstsatz"): a hotel bills by the night, so the day is a night.
_LODGING_DAILY = re.compile(
    r"(?i)\bgiornalier[oaie]\b|\btages(?:höchst)?satz\w*|\btäglich\w*|\bjournali[eè]re?s?\b|"
    r"\bquotidien(?:ne)?s?\b|\bdiari[oa]s?\b|\bdi[áa]ri[oa]s?\b|\bdagelijks\b|"
    r"\b(?:pro|je)\s+tag\b|\bpar\s+jour\b|\bpor\s+d[íi]a\b|\bal\s+giorno\b|\bper\s+dag\b"
)


def _lodging_by_night(cap: CapFinding, kinds: list[str], sentence: str) -> CapFinding:
    if kinds != ["hotel"] or cap.unit is not CapUnit.DAY or not _LODGING_DAILY.search(sentence):
        return cap
    return dataclasses.replace(cap, unit=CapUnit.NIGHT)


def _symbol(sentence: str, cap: CapFinding) -> str:
    signs = [m.group(0).strip() for m in CURRENCY_RE.finditer(sentence[cap.amount.start : cap.amount.end])]
    # "$400 USD", "$15.00 CAD": the ISO code printed beside the sign says which dollar it is.
    codes = [s for s in signs if len(s) == 3 and s.isupper() and s in CODES]
    return codes[0] if codes else (signs[0] if signs else "")


_DISTANCE = (CapUnit.MILE, CapUnit.KM)
# Driving one's own car, as policies name it in the languages the reader knows.
_OWN_CAR = re.compile(
    r"(?i)\b(?:personal|private|privately[- ]owned|own)\s+(?:motor\s+)?(?:vehicles?|cars?|automobiles?)\b|"
    r"\bmileage\b|kilometerpauschale|\bprivat(?:wagen|fahrzeug|-?pkw)|v[ée]hicule\s+personnel|"
    r"indemnit[ée]s?\s+kilom[ée]triques?|veh[íi]culo\s+(?:propio|particular)|(?:auto|mezzo)\s+propri[oa]|"
    r"eigen\s+auto|priv[ée]-?auto|kilometervergoeding"
)


def _rate_category(cap: CapFinding, kinds: list[str]) -> str | None:
    if cap.kind is RuleType.RATE and cap.unit in (CapUnit.MILE, CapUnit.KM):
        return "mileage"  # a distance rate pays for driving one's own car, whatever the sentence names
    if cap.percent:
        return "tips"
    return None


def _cap_condition(
    sentence: str,
    caps: list[CapFinding],
    i: int,
    clause: Clause,
    inherited: tuple[str, ...] = (),
    following: str = "",
    row_place: str = "",
    caption: str = "",
) -> tuple[Condition | None, str]:
    """The grade/location printed right before the amount ("Europe: EUR 65 per day"), the travel
    scope right after it ("$50 for domestic travel") or in its section heading; and apart, the meal
    it is for when the amount is one of several meal times."""
    a = caps[i].amount
    lo = caps[i - 1].amount.end if i else 0
    hi = caps[i + 1].amount.start if i + 1 < len(caps) else len(sentence)
    before = sentence[lo : a.start]
    if i:
        # The previous amount's own words end at a comma or bracket ("$100 per day in major cities
        # ($75 elsewhere)"); past its unit comes this one's label ("per day United States: ").
        before = re.split(r"[,;(]", before)[-1].rsplit(")", 1)[-1]  # past the previous one's bracket
        before = re.sub(
            r"(?i)^\s*(?:/\s*-|(?:/|(?:per|a|an|each|par|pro|por|je)(?![^\W\d_]))\s*[^\W\d_]+)\s*",
            " ",
            before,
            count=1,
        )
        label_like = before.strip().endswith((":", "-")) or before.strip()[:1].isupper()
        if not label_like:
            # "... for domestic travel and", "$250 per night domestic and": the previous amount's
            # words, no label; past the conjunction ("and for travel outside the state is") the
            # words are this amount's own.
            before = _CONJUNCTION.split(before)[-1]
            before = before if len(before.split()) <= 8 else ""
    # "$8 (in-state) / $10 (out-of-state)": the bracket right after an amount is its own.
    bracket = re.match(r"\s*\(([^)]{1,40})\)", sentence[a.end : hi])
    after = bracket.group(1) if bracket else re.split(r"[,;:.(]", sentence[a.end : hi], maxsplit=1)[0]
    noted = re.match(r"([^,;:.(]*)\(([^)]{1,40})\)([^,;:.(]*)", sentence[a.end : hi])
    if noted and not (scopes_in(after) or classes_in(after)):
        # "$150 per night (single occupancy) for in-state travel": the note says no scope, the words
        # past it may.
        after = " ".join(noted.groups())
    run_on = re.match(r"(?:\s*(?:per|/|a|an|each)\s*[^\W\d_]+)?\s+(?=[A-Z])", after)
    if not bracket and i + 1 < len(caps) and run_on and len(after) == hi - a.end:
        # "$50 per day High cost metropolitan area $70 per day": a capital after the unit starts the
        # next amount's label (a table row the text layer ran together), not this amount's scope.
        after = after[: run_on.end()]
    elif not bracket and i + 1 < len(caps) and re.fullmatch(r"[^,;:.(]*:\s*", sentence[a.end : hi]):
        # "8 – 14 Stunden: 6 Euro 14 – 24 Stunden: 12 Euro": the words before a colon that opens the
        # next amount are that amount's label; only this amount's unit stays its own.
        unit_words = re.match(r"(?i)\s*(?:(?:per|/|a|an|each|pro|je|par|por)\s*[^\W\d_]+)?", after)
        after = unit_words.group(0) if unit_words else ""
    # "Directors: up to $300", "All other employees: up to $200": a role printed as the line's label.
    # A row's label alone before its amount ("All others $200", "Other grades: $150") may be a role.
    row_label = i == 0 and len(before.split()) <= 4 and not _CAP_OPENING.search(before)
    label = condition_in(before[-80:], roles=(bool(clause.label) and clause.label in before) or row_label)
    if label and label.locations and not label.grades and all(cities_in(p) for p in label.locations):
        # A city the label names: the place as the row prints it ("UK - Manchester") or the list
        # it ends ("in München und Frankfurt", cut at "und" above) says more than the city alone.
        listed = _CITY_ROW.search(re.split(r"[,;(]", sentence[lo : a.start])[-1])
        if listed and all(p in listed.group(1) for p in label.locations):
            label = Condition(locations=(listed.group(1),))
        elif row_label and _OTHER_ROW_NEXT.match(following) and _place_label(before):
            label = None  # the row above a bare "Other" row: the whole label, below
    if row_place and not i and not (label and label.locations):
        # "Hobart $241.50" among "Perth $290.00" rows: a town the gazetteer does not know is still
        # its row's place, as its neighbours' labels are.
        label = merge(label, Condition(locations=(row_place,)))
    # Rows of places, one a line, closed by the row for every other place ("UK - London £160 per
    # night" then "UK - Other £90 per night"; "Major cities: £150" then "Other: £100"): the bare
    # "Other" row is the fallback, the row above it is for the place its label names.
    if (
        row_label
        and not (label and (label.locations or label.grades))  # "Directors £200" then "Other £150"
        and i == len(caps) - 1
        and _OTHER_ROW_NEXT.match(following)
        and _place_label(before)
    ):
        label = merge(label, Condition(locations=(before.strip(" :-–"),)))
    if i and not (label and label.grades) and find_mentions(before) and not _CLAUSE_VERB.search(before):
        # "Grade A: hotel $250, meals $80 Grade B: hotel $180, meals $60": the grade or role that
        # opens a row of categories is each amount's, up to the next row's.
        label = merge(label, _row_grade(sentence, caps, i))
    if not (label and label.grades):
        # "Senior managers may claim up to $100 per day; other employees up to $70": the role that
        # is the subject of the amount's own clause.
        part = re.split(r"[;:]", sentence[lo : a.start])[-1] if i else sentence[: a.start]
        subject = _WHO.match(part)
        who = condition_in(subject.group(1), roles=True) if subject else None
        label = merge(label, Condition(grades=who.grades)) if who and who.grades else label
    # "When traveling to a Tier II premium location (...), ... up to $61 per day": the sentence's
    # opening clause names the place class its amounts are for.
    lead_end = _governing_lead_in(sentence)
    # It governs its own main clause, not the next one ("...; for domestic travel the limit is $70").
    opening = (
        sentence[:lead_end] if 0 < lead_end <= a.start and ";" not in sentence[lead_end : a.start] else ""
    )
    scope = (
        scopes_in(after)
        or classes_in(after)
        or classes_in(opening)
        or scopes_in(opening)
        or scopes_in(clause.heading)
        or scopes_in(clause.lead)
        or (_side_heading(clause.heading) if not (label and label.locations) else [])
        or list(inherited)
    )
    if not scope:
        scope = _meal_list_scope(sentence, caps, i)
    if not scope and not (label and label.locations):
        # "$250 per night in New York, Boston and San Francisco": each city listed right after the
        # amount is its place (a condition with alternatives), not only the first.
        scope = _listed_places(sentence[a.end : hi])
    if not scope and (has_fallback(sentence) or (i == len(caps) - 1 and _OPENS_FALLBACK.match(following))):
        # "£140 a night in London and £95 elsewhere": beside an "elsewhere" row, the place named
        # after an amount is its row's location.
        place = _PLACE.search(after) or _PLACE.search(before[-60:])
        scope = [place.group(1)] if place else []
    unplaced = ""
    if not scope and not (label and label.locations) and len(caps) > 1:
        # "bis zu 80 Euro pro Nacht, in München und Frankfurt bis zu 120 Euro": amounts of one
        # sentence, each with its own city, are rows of a table written out.
        own = re.split(r"[,;(]", sentence[lo : a.start])[-1]
        # "..., except in New York City and Boston, where the limit is $325": the exception's place.
        excepted = _EXCEPT_IN.search(sentence[lo : a.start])
        place = (
            _CITY_ROW.search(own)
            or (_CITY_ROW.search(sentence, lo + excepted.end(), a.start) if excepted else None)
            or _CITY_ROW.search(after)
        )
        scope = [place.group(1)] if place else []
        row = _PLACE_ROW.match(sentence, lo, a.start) if not scope and i else None
        if row and len(re.findall(r"(?<![^\W\d_])[A-ZÀ-Ý]", row.group("place"))) >= 2:
            # "126 $ à 138 $ par coucher, Villes de Laval, de Gatineau, de Longueuil: 102 $ à 110 $":
            # after the previous row's unit, a label of names is the next row's place,
            # commas and all (a place the gazetteer does not know, so no city is found in it).
            label_text = row.group("place")
            if find_mentions(label_text):
                scope = []
            elif _PLACE_WORD.search(label_text):
                scope = [label_text]
            else:
                # "..., Senior Executives: $90 per day": a run-on label that names no place may be a
                # group of people or a kind of day; the engine cannot check it, so a reviewer does.
                unplaced = label_text
    if not scope and not (label and label.locations) and len(caps) == 1:
        # "Hotel rates may not exceed $250 per night in New York": the only amount of the sentence,
        # for the place named right after it, not for every place.
        lone = _LONE_PLACE.fullmatch(after)
        named = lone.group(1) if lone else ""
        # "$70 per day in Meals, Lodging and Incidentals": expense kinds are no place.
        scope = [named] if named and not _NO_PLACE.search(named) and not find_mentions(named) else []
    # "$30 for lunch and $50 for dinner": "for lunch" after the previous amount is that one's meal.
    amount_first = not sentence[: caps[0].amount.start].strip(" -•*")
    for_meal = _FOR_MEAL if amount_first else _FOR_MEAL_WORD
    own_before = for_meal.sub("", before, count=1) if i else before
    own_before = _BED_AND_BREAKFAST.sub(" ", own_before)  # a night's lodging, no meal of the day
    # "Breakfast $20.50 per day": a meal's row with a day's unit is still that meal's, not the day's.
    per_meal = caps[i].unit in (None, CapUnit.MEAL) or (caps[i].unit is CapUnit.DAY and labels_meal(before))
    meal = _MEAL_TIME.search(own_before[-40:]) if per_meal else None
    if meal is None and caps[i].unit in (None, CapUnit.MEAL):
        # "$25 for breakfast, $30 for lunch": the meal named right after the amount.
        meal = for_meal.match(sentence[a.end : hi])
    mentions = find_mentions(sentence)
    in_list = respective_kind(sentence, [c.amount for c in caps], i, mentions)
    if in_list is not None:
        # "$12, $18 and $30 for breakfast, lunch and dinner": the meal in the same place of its list.
        meal = _MEAL_TIME.fullmatch(sentence, mentions[in_list].start, mentions[in_list].end)
    if meal is None and i and caps[i].unit in (None, CapUnit.MEAL) and _ALTERNATIVE_OF.fullmatch(before):
        # "Breakfast $8 (in-state) / $10 (out-of-state)": the alternative is for the same meal.
        meals = list(_MEAL_TIME.finditer(re.split(r"[;.]", sentence[: a.start])[-1]))
        meal = meals[-1] if meals else None
    # Funding, claiming method, kind of trip: said beside the amount, else by the lead-in lines or
    # the heading the sentence sits under (the nearest that says any).
    governing = [w for _, _, w in governing_in(f"{before} {after}")]
    # "£6.00 (Requiring travel before 10:00 am and continuing after 2:00 pm)", "£14, only if leaving
    # home before 7.00 am": the hours are the amount's own, however far it says them.
    hours = travel_hours_in(sentence[a.end : hi])
    governing = [w for w in governing if not any(h.startswith(w) for h in hours)] + hours
    if i and not governing:
        # "On day trips of more than 35 miles, $5 for breakfast and $12 for dinner": a condition
        # that opens the sentence holds for every amount in it.
        governing = _opening_conditions(sentence[: caps[0].amount.start])
    own = {w.lower() for w in governing}
    for above in (clause.lead, clause.intro, clause.heading):
        words = [w for _, _, w in governing_in(above)] if above else []
        if own & {w.lower() for w in words}:
            # A header of columns ("Without Itemized Receipt  With Itemized Receipt") whose cell the
            # row already carries: the other columns' conditions are not this amount's.
            continue
        governing += words
    if unplaced:
        governing.append(unplaced)
    if caption:
        governing.append(caption)  # a class of places the engine cannot check: a reviewer does
    occasion = _hosted_occasion(clause, sentence) if meal else ""
    if not occasion and not i:
        # "Business/entertainment meals $100 per person": a meal row whose own label names the hosted
        # occasion holds for it, whatever the page's title says (USF's limits table; one issuer, so
        # only meal rows, and not "non-entertainment" or "(excluding entertainment)").
        hosted_row = sentence[: caps[0].amount.start]
        found = OCCASION.search(hosted_row) if len(hosted_row.split()) <= 6 else None
        occasion = (
            found.group(0)
            if found
            and any(m.kind == "meals" for m in find_mentions(hosted_row))
            and not NEGATED.search(hosted_row, 0, found.start())
            and not TRIP_WORDS.search(hosted_row)
            else ""
        )
    if occasion and occasion.casefold() not in "; ".join(governing).casefold():
        governing.append(occasion)
    if purpose := _allowed_for_guests(sentence[caps[-1].amount.end :]):
        governing.append(purpose)
    condition = merge(
        label,
        Condition(locations=tuple(dict.fromkeys(scope)))
        if scope and not (label and label.locations)
        else None,
        Condition(other="; ".join(_unique_words(governing))) if governing else None,
    )
    return condition, meal_of(meal.group(1), sentence) if meal else ""


_COLUMN_GAP = re.compile(r"\S {3,}\S")


def _hosting_title(text: str) -> str:
    """The document's title lines, when they name a hosted occasion and no trip; else ""."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        # The title stands before the first sentence and is written in Title Case: a line that ends
        # a sentence, prints money or is written as prose (a wrapped first sentence) is text; a line
        # set in columns is a table's header row ("Item   Amount Per Guest").
        if (
            line.endswith((".", ";", "?", "!"))
            or _COLUMN_GAP.search(line)
            or len(line.split()) > 14
            or find_amounts(line)
            or len(lines) >= 4
            or not _title_case(line)
        ):
            break
        lines.append(line)
    title = " ".join(lines)
    return title if TITLE_OCCASION.search(title) and not TRIP_WORDS.search(title) else ""


# "A dinner charge of up to $150 and a lunch charge of up to $50 are allowed for meetings involving
# donors, senior recruitments or dignitaries" (Rice): the predicate after the last amount says for
# whom its whole subject, every amount of the sentence, is allowed.
_ALLOWED_FOR = re.compile(
    r"(?i)^[^.;$]*?\b(?:are|is)\s+(?:only\s+)?(?:allowed|permitted|authori[sz]ed|reimbursable|available)\s+"
    r"(?:only\s+)?(?:for|when|if)\s+([^.;]+)"
)


def _allowed_for_guests(tail: str) -> str:
    """The occasion the words after a sentence's last amount allow its amounts for, when it names
    hosted guests; else "" (a trip or a purchase is said by other rules)."""
    found = _ALLOWED_FOR.match(tail)
    if not found or not TITLE_OCCASION.search(found.group(1)) or NEGATED.search(tail, 0, found.start(1)):
        return ""
    return " ".join(found.group(1).split())


def _title_case(line: str) -> bool:
    """Most words longer than three letters capitalised ("Meal Policy for Faculty & Candidates")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'&-]*", line) if len(w) > 3]
    return not words or sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _hosted_occasion(clause: Clause, sentence: str) -> str:
    above = f"{clause.heading} {clause.lead}"
    found = OCCASION.search(above)
    if TRIP_WORDS.search(above):
        return ""
    if found:
        return found.group(0)
    # A heading-less sentence on a page whose title names the guests: the title's occasion.
    # A sentence that names the trip itself is about the traveller's own meals, whatever the title.
    titled = TITLE_OCCASION.search(clause.title)
    return titled.group(0) if titled and not TRIP_WORDS.search(sentence) else ""


# "Within Canada:", "Per diem rate (outside of Canada)": a heading that says on which side of a
# country the rows under it hold, as the same words do in a row's own label.
_SIDE = re.compile(r"(?i)(?<![^\W\d_])(?:within|inside|in|outside(?:\s+of)?)\s+(?:the\s+)?[A-Z]")


def _side_heading(heading: str) -> list[str]:
    if len(heading.split()) > 8 or not _SIDE.search(heading):
        return []
    found = condition_in(heading)
    return list(found.locations) if found and not found.grades else []


_OPENS = re.compile(
    r"(?i)^\W*(?:(?:on|for|during|when|while|if|in|with|within|under)\s+)?(?:(?:the|a|an|all|any|your|their|our)\s+)?$"
)


def _opening_conditions(opening: str) -> list[str]:
    found = governing_in(opening)
    if not found or not _OPENS.match(opening[: found[0][0]]):
        return []
    # The whole lead-in ("On day trips of more than 35 miles,"), up to its comma.
    comma = opening.find(",", found[0][1])
    return [w for start, _, w in found if comma < 0 or start < comma]


# A sentence of its own after the row ("Internet access is reimbursed up to $35"), not a row item.
_CLAUSE_VERB = re.compile(r"(?i)\b(?:is|are|may|will|shall|must|can|reimburs\w*)\b")


_WHO = re.compile(
    r"(?i)^\W*((?:[^\W\d_]+[\s-]+){0,5}?[^\W\d_]+)\s+(?:may|can|are|is|will|shall|receive|get|up\s+to)\b"
)


def _row_grade(sentence: str, caps: list[CapFinding], i: int) -> Condition | None:
    for j in range(i, -1, -1):
        gap = sentence[caps[j - 1].amount.end if j else 0 : caps[j].amount.start]
        found = condition_in(gap[-80:], roles=True)
        if found and found.grades:
            return Condition(grades=found.grades)
    return None


# Portuguese and Italian "e" / "ed" join two amounts' phrases as "and" does ("... em território
# nacional e 90 € no estrangeiro"); "e." is an abbreviation's letter.
_CONJUNCTION = re.compile(
    r"(?i)\b(?:and|or|while|whereas|but|et|ou|mais|und|oder|sowie|y|o|e(?!\.)|ed|mentre)\b"
)
_STAY_WHEN = re.compile(r"(?i)stays?\s+(?:in|outside|within|abroad|overseas|away|of\s+(?:one|two|\d+))\b")
# "$77 maximum for lodging and $46 maximum for meals": the noun of the limit may stand between.
_FOR_PREVIOUS = re.compile(
    r"(?i)\s*(?:(?:per|a|each)\s+[^\W\d_]+\s+|(?:maximum|limit|cap|ceiling)\s+)?(?:for|on)\s+(?:the\s+)?"
)
_CAP_OPENING = re.compile(r"(?i)\b(?:may|can|will|shall|must|should|are|is|up\s+to|claim|reimburs)")
_MEALS = f"(?:{meals_pattern(ENGLISH_MEALS)})"
# Between two amounts of a list of meals: "$15, lunch $20" or "$20 for breakfast, $25 for lunch".
_MEAL_GAP = re.compile(
    rf"(?i)\s*(?:per\s+\w+)?\s*(?:(?:for|at)\s+{_MEALS}\s*[,/]?\s*(?:and\s+)?|"
    rf"[,/]?\s*(?:and\s+)?{_MEALS}\s*[:-]?)\s*"
)


def _meal_list_scope(sentence: str, caps: list[CapFinding], i: int) -> list[str]:
    """ "Breakfast $15, lunch $20, dinner $35 for domestic travel; ...": the scope after a list of
    meal amounts is each one's."""
    j = i
    while j + 1 < len(caps) and _MEAL_GAP.fullmatch(sentence[caps[j].amount.end : caps[j + 1].amount.start]):
        j += 1
    if j == i and not (i and _MEAL_GAP.fullmatch(sentence[caps[i - 1].amount.end : caps[i].amount.start])):
        return []  # not in a list of meals
    end = caps[j + 1].amount.start if j + 1 < len(caps) else len(sentence)
    tail = re.split(r"[;.]\s|[;]", sentence[caps[j].amount.end : end])[0]
    return scopes_in(tail) or classes_in(tail)


_BARE_OTHER = re.compile(r"(?i)\W*(?:[A-Z]{2,3}\s*[-–]\s*)?(?:all\s+)?(?:others?|elsewhere)\s*[:\-–]?\s*")


def _place_label(label: str) -> bool:
    """A row label that names a place: capitalised words, no expense kind ("Breakfast £10" then
    "Other £25" is a kind), no grade or role."""
    found = condition_in(label, roles=True)
    if found and found.locations:
        return True
    return (
        _PLACE_LABEL.fullmatch(label) is not None
        and not find_mentions(label)
        and not _MEAL_TIME.search(label)
        and not (found and found.grades)
    )


def _other_place_row(text: str, previous: str) -> bool:
    """The clause is the bare "Other" row under a row for a place."""
    amounts = [a for a in find_amounts(text) if a.currency]
    above = [a for a in find_amounts(previous) if a.currency]
    if not amounts or not above or not _BARE_OTHER.fullmatch(text[: amounts[0].start]):
        return False
    return _place_label(previous[: above[0].start])


_OTHER_ROW_NEXT = re.compile(
    r"(?i)\W*(?:[A-Z]{2,3}\s*[-–]\s*)?(?:all\s+)?(?:others?|elsewhere)\s*[:\-–]?\s*(?:[A-Z]{3}\s?)?[$€£¥₹\d]"
)
# A place as a row's label: capitalised words, maybe after a country code ("UK - London").
_PLACE_LABEL = re.compile(r"\W*(?:[A-Z]{2,3}\s*[-–]\s*)?[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2}\s*[:\-–]?\s*")
_OPENS_FALLBACK = re.compile(
    r"(?i)\W*(?:elsewhere|(?:in\s+)?(?:all\s+)?other\s+(?:cities|towns|locations|places|areas|countries))\b"
)
_EXCEPT_IN = re.compile(r"(?i)\b(?:except|but|save|sauf|außer|ausgenommen)\b")
_CITY_ROW = re.compile(
    r"(?<![^\W\d_])(?:in|à|au|en|im|nach)\s+(?!(?:Section|Appendix|Exhibit|Table|Chapter|Part|Article|Addition|"
    r"Accordance|U\.?S\.?\s+[Dd]ollars?|Euros?|Dollars?|Cash|Advance)\b)"
    r"((?:[A-Z][\w.'-]+)(?:\s+[A-Z][\w.'-]+){0,2}(?:\s+(?:and|und|et|y|e|or)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?)?)"
)
# A row run on after the previous one: its unit, a comma, "Label:" (or a name of two capitals and no
# colon: "Communauté métropolitaine de Québec 106 $") and maybe a range's lower end.
_PLACE_ROW = re.compile(
    r"\s*(?:(?:per|par|pro|por|je|a|an|each)\s+[^\W\d_]+|/\s*[^\W\d_]+)?\s*[,;]\s*"
    r"(?P<place>[A-ZÀ-Ý][^:;.\d]{2,60}?)\s*:?\s*(?:[$€£]?\s*\d[\d.,]*\s*[$€£]?\s*(?:à|to|-|–|bis)\s*)?$"
)
# Words that make a run-on row label a place ("Villes de Laval, de Gatineau", "Communauté
# métropolitaine de Québec", "Greater London area").
_PLACE_WORD = re.compile(
    r"(?i)(?<![^\W\d_])(?:villes?|cit(?:y|ies)|communauté|métropol\w*|metropol\w*|regions?|régions?|"
    r"regione|región|zones?|areas?|count(?:y|ies)|comté|provinces?|provincia|states?|stadt|städte|città|"
    r"ciudad(?:es)?|municipalit\w*|gemeente)(?![^\W\d_])"
)
_PLACE = re.compile(r"\b(?:in|for|at|within)\s+((?:the\s+)?[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2})")
_LONE_PLACE = re.compile(
    r"(?:\s*(?:per|/|a|an|each|par|pro|por|je)\s*[^\W\d_]+)?\s+(?:in|à|im)\s+"
    r"((?:[A-Z][a-zà-ÿ.'-]+)(?:\s+[A-Z][a-zà-ÿ.'-]+){0,2}(?:\s+(?:and|und|et|or)\s+[A-Z][a-zà-ÿ.'-]+"
    r"(?:\s+[A-Z][a-zà-ÿ.'-]+)?)?)\s*"
)
_CITY = r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2}"
_PLACE_LIST = re.compile(
    r"(?:\s*(?:per|/|a|an|each|par|pro|por|je)\s*[^\W\d_]+)?\s+(?:in|à|im)\s+"
    rf"({_CITY}(?:\s*,\s*{_CITY})+,?\s+(?:and|und|et|or|y|e)\s+{_CITY})\s*(?=[.;:(,]|$)"
)


def _listed_places(after: str) -> list[str]:
    """The cities of "in New York, Boston and San Francisco"; "Washington, D.C." stays one. Fare
    classes and expense kinds ("in Meals, Lodging and Incidentals") are no places."""
    listed = _PLACE_LIST.match(after)
    if listed is None or _NO_PLACE.search(listed.group(1)) or find_mentions(listed.group(1)):
        return []
    out: list[str] = []
    for item in re.split(
        r"\s*,\s*(?:(?:and|und|et|or|y|e)\s+)?|\s+(?:and|und|et|or|y|e)\s+", listed.group(1)
    ):
        if out and re.fullmatch(r"[A-Z]\.?[A-Z]\.?", item):
            out[-1] = f"{out[-1]}, {item}"
        elif item:
            out.append(item.rstrip("."))
    return out


# Capitalised words after "in" that name a fare class, a currency or a document, not a place.
_NO_PLACE = re.compile(
    r"(?i)\b(?:class|economy|business|coach|premium|first|advance|accordance|addition|total|cash|dollars?|"
    r"euros?|section|appendix|exhibit|table|chapter|part|article|policy|general|full|each|any|all|the)\b"
)


def _unique_words(phrases: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for p in phrases:
        seen.setdefault(p.casefold().rstrip("s"), p)
    return list(seen.values())


_LEAD_IN = re.compile(
    # "(4) When traveling to ...,": a numbered item's opening clause is a lead-in too.
    r"(?i)^\s*(?:\(?(?:\d{1,2}|[a-z])\)\s*)?(?:for|if|when|where|under|on|during|while|in\s+the\s+case\s+of)\b"
    r"[^,:;.]{3,90}[,:]"
)


def _governing_lead_in(sentence: str) -> int:
    """Where a lead-in that states a condition ends ("If an overnight stay is required,"), or 0."""
    m = _LEAD_IN.match(sentence)
    return m.end() if m and (governing_in(m.group(0)) or condition_in(m.group(0))) else 0


def _under_scope_headings(clauses: list[Clause]) -> list[tuple[Clause, tuple[str, ...]]]:
    """Each clause with the travel scope of the section it sits in: "International Travel" then
    "Meals", "Lodging" sub-headings keep the scope; a heading about anything else ends it."""
    out: list[tuple[Clause, tuple[str, ...]]] = []
    scope: tuple[str, ...] = ()
    heading: tuple[str, str] | None = None
    for clause in clauses:
        if (clause.heading, clause.parent) != heading:
            heading = (clause.heading, clause.parent)
            named = tuple(scopes_in(clause.heading))
            kinds = [m for m in find_mentions(clause.heading) if not _scope_of_travel(clause.heading, m)]
            # "International Travel" right above "Meals" (no text between them) is its section.
            above = tuple(scopes_in(clause.parent)) if kinds else ()
            scope = named or above or (scope if kinds else ())
        out.append((clause, () if scopes_in(clause.heading) else scope))
    return out


def _covered_kinds(sentence: str, mentions: list[Mention]) -> list[str]:
    """Kinds a coverage sentence names, each on its own; generic words beside a specific kind
    ("taxi fares", "train tickets") do not add generic travel."""
    kinds: list[str] = []
    i = 0
    while i < len(mentions):
        group = group_from(sentence, mentions, i)
        kinds += specific([m.kind for m in group])
        i += len(group)
    return list(dict.fromkeys(kinds))


def _known_only(sentence: str) -> list[ExclusionFinding]:
    names = {k.name for k in known_kinds(sentence)}
    return [f for f in find_exclusions(sentence) if f.name in names]


def _section_heading(heading: str) -> bool:
    """A short heading naming an expense kind ("Air travel"), not the policy's title."""
    return (
        bool(heading)
        and len(heading.split()) <= 5
        and not is_negative(heading)
        and not _TITLE_WORDS.search(heading)
        and not re.search(r"(?i)expense|reimburs|general|scope|purpose", heading)
    )


# Words that open a sentence about the limit itself ("The maximum is", "This allowance", "Up to").
_GENERIC_OPENING = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "such",
        "its",
        "their",
        "it",
        "they",
        "each",
        "every",
        "any",
        "all",
        "per",
        "up",
        "not",
        "no",
        "only",
        "maximum",
        "max",
        "limit",
        "limits",
        "cap",
        "caps",
        "ceiling",
        "amount",
        "amounts",
        "allowance",
        "allowances",
        "rate",
        "rates",
        "daily",
        "nightly",
        "reimbursement",
        "reimbursements",
        "total",
        "cost",
        "costs",
        "expense",
        "expenses",
        "charge",
        "charges",
        "fee",
        "fees",
        "employee",
        "employees",
        "traveler",
        "travelers",
        "traveller",
        "travellers",
        "staff",
        "you",
        "we",
        "claims",
        "claim",
        "actual",
        "reasonable",
        "receipts",
    ]
)
_SUBJECT = re.compile(
    r"^\W*((?:[^\W\d_]+[\s,&/-]+){1,5}?)(?:is|are|may|should|will|shall|must|can(?:not)?|allowances?|"
    r"fees?|costs?|expenses?|charges?|payments?)\b"
)
_LINKS = frozenset(
    ["and", "or", "for", "of", "to", "in", "on", "at", "with", "by", "from", "business", "one-time"]
)


def _own_subject(sentence: str) -> bool:
    """The sentence opens with a thing of its own ("Tips for porters are", "A one-time relocation
    allowance"), not with the limit ("The maximum is", "This allowance", "Up to")."""
    # "for domestic travel the limit is $70": the trip's scope opens it, no thing of its own.
    for lo, hi in sorted(condition_spans(sentence), reverse=True):
        sentence = f"{sentence[:lo]} {sentence[hi:]}"
    sentence = re.sub(r"(?i)^\W*(?:for|on|in)\s+(?:travel|trips?)\b", " ", sentence)
    m = _SUBJECT.match(sentence)
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", m.group(1).lower()) if m else []
    return any(w not in _GENERIC_OPENING and w not in _LINKS for w in words)


# "Hospitality $50 per person" after "Hotel $180 per night": a row labelled with a hosted occasion
# caps that occasion, never the kind of the row above it.
_LABEL_BEFORE_AMOUNT = re.compile(r"^\W*([^\W\d][^$€£\d:]{0,40}?)\s*[:–-]?\s*(?=[$€£]|\d)")


def _occasion_label(sentence: str) -> bool:
    label = _LABEL_BEFORE_AMOUNT.match(sentence)
    return bool(label and OCCASION.fullmatch(label.group(1).strip()))


def _context_kinds(clause: Clause, previous: list[str], place: str = "") -> list[str]:
    """The kinds a clause's label, heading or lead name; `place`: the row's place, when the clause is
    a row of a table by place."""
    for text in (clause.label, clause.heading, clause.lead):
        # "Domestic travel:" labels the trip's scope, not what is capped.
        found = _venues_as_trips(text, find_mentions(text), clause.text) if text else []
        named = [m.kind for m in found if not _scope_of_travel(text, m)]
        kinds = specific(named)
        if kinds == [TRAVEL] and previous and previous != [TRAVEL]:
            return previous  # under a "Travel expenses" heading, the kind the last sentence capped
        if kinds:
            return kinds
    if daily_travelling_allowance(clause):
        # "Hobart $241.50": a place's daily rate; "Camping allowance $20.15" in the same section is
        # another allowance, neither meals nor what the row above capped.
        return ["meals"] if place else []
    return previous


def _cap_kinds(
    sentence: str,
    caps: list[CapFinding],
    i: int,
    mentions: list[Mention],
    clause: Clause,
    context: list[str],
) -> tuple[list[str], str]:
    """The kinds a cap covers: those named in its part of the sentence, else the sentence's subject,
    else the clause's label/heading/previous clause, else the kind its unit implies."""
    lo = caps[i - 1].amount.end if i else 0
    hi = caps[i + 1].amount.start if i + 1 < len(caps) else len(sentence)
    mentions = same_sentence(sentence, caps[i].amount.start, mentions)
    # Its own part: what precedes it since the previous amount, and a few words after it ("$50 per
    # day for meals"); a kind named further on belongs to the next phrase of a run-on line.
    near = min(hi, caps[i].amount.end + 40)
    own = [j for j, m in enumerate(mentions) if lo <= m.start < near]
    if i and own and _FOR_PREVIOUS.fullmatch(sentence[lo : mentions[own[0]].start]):
        own = own[1:]  # "$55 for meals and $7 incidentals": "for meals" is the previous amount's
    if context:
        # "£5 per night for stays in the UK" under "Incidental expenses": the stay says when the
        # amount is paid, not what it pays for; the heading says that.
        end = caps[i].amount.end
        own = [
            j for j in own if not (mentions[j].start > end and _STAY_WHEN.match(sentence, mentions[j].start))
        ]
    included = _INCLUDING.match(sentence, caps[i].amount.end)
    if included:
        # "$40, including gratuities, is the maximum ... for any single meal": the kinds the amount
        # includes are not what it caps.
        own = [j for j in own if not caps[i].amount.end <= mentions[j].start < included.end()]
    subject = 0 if mentions and mentions[0].start < caps[i].amount.start else None
    pick = own[0] if own else subject
    # "travel expenses with the exception of meal expenses, which are paid at a per diem of $51/day":
    # the relative clause holding the amount speaks of the noun right before its comma.
    which = next(
        (
            j
            for j in own
            if mentions[j].end <= caps[i].amount.start
            and _WHICH_CLAUSE.fullmatch(sentence, mentions[j].end, caps[i].amount.start)
        ),
        None,
    )
    while (
        which is not None
        and which > 0
        and _JOINED.fullmatch(sentence, mentions[which - 1].end, mentions[which].start)
    ):
        which -= 1  # "lodging and meals, which ...": the whole coordinated noun phrase
    pick = pick if which is None else which
    named = ALLOWANCE_NAMED.match(sentence, caps[i].amount.end)
    if named:
        # "may authorize a $15 day trip meal allowance" after "If your day travel ...": the kind in
        # the allowance's own name is what it pays.
        pick = next((j for j in own if caps[i].amount.end <= mentions[j].start < named.end()), pick)
    covers = _TO_COVER.match(sentence, caps[i].amount.end)
    closing = False
    if covers is None:
        # "per diem rates include $5 per day for incidentals.": incidentals closing the phrase after
        # "for" are the purpose; "for conference attendees" names who, not what, and "for the stay",
        # "for conferences" name when or where the sentence's own subject is paid (Cornell, VCOM).
        covers, closing = _FOR_KIND.match(sentence, caps[i].amount.end), True
    if covers:
        # "the per diem includes a residual $5 to cover incidental expenses": the purpose after the
        # amount names what it pays, not the meals or per diem named before it.
        pick = next(
            (
                j
                for j in own
                if mentions[j].start == covers.end()
                and mentions[j].kind != TRAVEL
                and not (
                    closing
                    and (mentions[j].kind != "incidentals" or not _CLOSES.match(sentence, mentions[j].end))
                )
            ),
            pick,
        )
    # "$77/day for lodging and $46/day for meals", "$12, $18 and $30 for breakfast, lunch and dinner":
    # the sentence's shape pairs each amount with its own kind, over any kind named before it.
    spans = [c.amount for c in caps]
    paired = kind_named_after(sentence, spans, i, mentions)
    paired = respective_kind(sentence, spans, i, mentions) if paired is None else paired
    pick = pick if paired is None else paired
    if pick is None and not context and mentions:
        inside = (caps[i].amount.end, included.end()) if included else (0, 0)
        pick = next((j for j, m in enumerate(mentions) if not inside[0] <= m.start < inside[1]), None)
    if (
        pick is None
        and labelled_by_hours(sentence[lo : caps[i].amount.start])
        and _context_kinds(clause, []) in ([], [TRAVEL], ["meals"])
    ):
        # "ab 8 bis 24h Reisetätigkeit: 12 Euro": the hours away name the daily meal allowance, over
        # what the previous clause capped (a heading naming another kind still wins).
        return ["meals"], ""
    if pick is not None:
        group = [mentions[pick]] if pick == paired else group_from(sentence, mentions, pick)
        # "the conference hotel rate", "airport parking": a kind word right before another one
        # modifies it; the last word names what is capped ("flight tickets" stay flights).
        group = [
            m
            for k, m in enumerate(group)
            if k + 1 == len(group)
            or sentence[m.end : group[k + 1].start].strip()
            or group[k + 1].kind == TRAVEL
        ]
        kinds = specific([m.kind for m in group])
        hosted = [
            m.kind for m in find_mentions(f"{clause.heading} {clause.lead}") if m.kind == "entertainment"
        ][:1]
        if kinds == ["meals"] and hosted and _MEAL_TIME.fullmatch(sentence[group[0].start : group[-1].end]):
            # "Breakfast: $45" under "Entertainment Expenses": a hosted meal, capped as entertainment.
            return hosted, clause.heading
        in_label = clause.label and group[0].start < len(clause.label)
        return kinds, clause.label if in_label else ""
    if context:
        return context, clause.label or clause.heading
    unit = caps[i].unit
    if unit in _UNIT_KIND:
        return [_UNIT_KIND[unit]], ""
    return [], ""


_JOINED = re.compile(r"(?i)\s*(?:,\s*(?:and|or)?|and|or|&)\s*")
_WHICH_CLAUSE = re.compile(r"(?i)\s*(?:[^\W\d_]+\s*)?,\s*which\s[^,;.:$€£]*[$€£]?\s*")
_TEMPLATE_HEADING = re.compile(
    r"(?i)\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:policy(?:\s+statement)?|procedures?|purpose|scope|details)\s*"
)
# ", including gratuities,", " (including tax and tip)": what the amount includes, up to the phrase's end.
_INCLUDING = re.compile(r"(?i)\)?\s*[,(]\s*(?:including|inclusive\s+of|incl\.)\s[^,;:.()]*[,)]")
_TO_COVER = re.compile(r"(?i)\s*(?:(?:per|a|an|each)\s+[^\W\d_]+\s+)?to\s+cover\s+(?:the\s+|all\s+|any\s+)?")
_CLOSES = re.compile(r"(?i)\s*(?:[.,;:)]|$|(?:and|or)\b)")
_FOR_KIND = re.compile(r"(?i)\s*(?:(?:per|a|an|each)\s+[^\W\d_]+\s+)?for\s+(?:the\s+|all\s+|any\s+)?")


def _title(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    titled = next((line for line in lines[:5] if _TITLE_WORDS.search(line) and len(line) <= 120), None)
    return titled or (lines[0][:120] if lines else "")


def _read(document: Document, default_currency: str) -> Policy:
    """Module level, so a worker process can run it (the interpreter holds the executor)."""
    return HeuristicPolicyInterpreter(default_currency).read(document)
