#!/usr/bin/env python3
"""Generate the example corpus: a travel policy, ~30 invoices, a ZIP of them, and the ground truth.

    python docs/examples/generate.py            # write into docs/examples/
    python docs/examples/generate.py --out DIR  # write somewhere else
    python docs/examples/generate.py --check    # regenerate in a temp dir, fail if committed files differ

Uses only reportlab and the standard library. Output is byte-for-byte reproducible
(reportlab's invariant mode, fixed ZIP timestamps, stored entries).

The ground truth in expected.json is computed here, from this file's own invoice table and the
rules exactly as policy.pdf states them (never by running the service). It follows the semantics
of the service's verdict engine: excluded items are removed together with their share of tax
(excluded x total / subtotal); a cap is amount x units (nights for a per-night cap); a claim
later than the deadline (against SUBMITTED_ON) or outside the covered categories is declined;
a cap in INR is not applied to an invoice in another currency (it is flagged instead).

The rupee sign needs a TTF font that has it. DejaVu (Debian's fonts-dejavu-core) is used when
present; otherwise those invoices print "Rs." instead. --check only compares files whose bytes do
not depend on that system font unless the exact pinned font files are installed.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import io
import json
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
EMPLOYEE = "Rani Sharma"
SUBMITTED_ON = date(2024, 12, 31)
POLICY_CURRENCY = "INR"
DEADLINE_DAYS = 30
ZIP_TIME = (2024, 12, 31, 9, 0, 0)
CENT = Decimal("0.01")
ZERO = Decimal(0)

# category -> (cap amount in INR, unit, policy section). Mirrors section 4 of the policy text below.
CAPS: dict[str, tuple[Decimal, str, str]] = {
    "meals": (Decimal(1500), "meal", "4.1"),
    "bus_train": (Decimal(2000), "trip", "4.2"),
    "flights": (Decimal(12000), "trip", "4.3"),
    "hotel": (Decimal(4000), "night", "4.4"),
    "local_conveyance": (Decimal(600), "ride", "4.5"),
}

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Pinned so --check knows whether this machine renders the rupee invoices byte-identically.
PINNED_FONTS = {
    "DejaVuSans": "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322",
    "DejaVuSans-Bold": "0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96",
    "DejaVuSansMono": "0f5db4f1749979d961019838b160bec74abdf7f9eca69553fe1aa856bbff49a4",
    "DejaVuSansMono-Bold": "2964f6dac8e6e9d71613928340f17bf868e9ea51692cca333c79e74962f02233",
}


def q(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def d(text: str) -> Decimal:
    return Decimal(text)


# ---------------------------------------------------------------------------------------------
# Fonts


@dataclass(frozen=True)
class Fonts:
    sans: str
    bold: str
    mono: str
    mono_bold: str
    rupee: bool  # the sans/mono fonts have the rupee sign
    pinned: bool  # they are exactly the pinned files (bytes reproducible)


STANDARD_FONTS = Fonts("Helvetica", "Helvetica-Bold", "Courier", "Courier-Bold", rupee=False, pinned=True)
FONT_MARKER = b"DejaVu"  # a PDF whose bytes contain this embeds (depends on) the system font


def load_fonts() -> Fonts:
    paths = {name: FONT_DIR / f"{name}.ttf" for name in PINNED_FONTS}
    if not all(p.is_file() for p in paths.values()):
        return replace(STANDARD_FONTS, pinned=False)
    for name, path in paths.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pinned = all(hashlib.sha256(p.read_bytes()).hexdigest() == PINNED_FONTS[n] for n, p in paths.items())
    return Fonts("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono", "DejaVuSansMono-Bold", True, pinned)


# ---------------------------------------------------------------------------------------------
# The invoice table


@dataclass(frozen=True)
class Line:
    description: str
    amount: Decimal
    qty: int = 1
    alcohol: bool = False

    @property
    def rate(self) -> Decimal:
        return q(self.amount / self.qty)


@dataclass(frozen=True)
class Tax:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class Spec:
    filename: str
    layout: str
    category: str
    vendor: str
    number: str
    invoice_date: date
    date_text: str
    lines: tuple[Line, ...]
    taxes: tuple[Tax, ...] = ()
    currency: str = "INR"
    total_style: str = "plain"  # symbol | code | rs | plain | eur_after | eur_before
    printed_total: Decimal | None = None  # only when the print contradicts subtotal + taxes
    names: tuple[str, ...] = ()
    nights: int | None = None
    check_in: date | None = None
    check_out: date | None = None
    details: tuple[tuple[str, str], ...] = ()
    flags: tuple[str, ...] = ()
    note: str = ""
    error: str | None = None  # the processing error the file must produce
    duplicate_of: str | None = None

    @property
    def subtotal(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), ZERO)

    @property
    def tax_total(self) -> Decimal:
        return sum((t.amount for t in self.taxes), ZERO)

    @property
    def total(self) -> Decimal:
        return self.printed_total if self.printed_total is not None else self.subtotal + self.tax_total

    @property
    def covered(self) -> bool:
        return self.category in CAPS

    @property
    def service_dates(self) -> tuple[date, ...]:
        """Other dates printed on the invoice (journey, departure, stay): not the invoice date."""
        found = [x for x in (self.check_in, self.check_out) if x and x != self.invoice_date]
        for key in ("journey", "departure"):
            text = self.detail(key)
            for fmt in ("%d-%b-%Y", "%d %b %Y"):
                try:
                    found.append(datetime.strptime(text[:11].strip(", "), fmt).date())
                    break
                except ValueError:
                    continue
        return tuple(x for x in dict.fromkeys(found) if x != self.invoice_date)

    def detail(self, key: str, default: str = "") -> str:
        return dict(self.details).get(key, default)


def gst(subtotal: Decimal, rate: str) -> tuple[Tax, Tax]:
    """Intra-state GST: half as CGST, half as SGST, each rounded to paise."""
    half = Decimal(rate) / 2
    part = q(subtotal * half / 100)
    return Tax(f"CGST @ {half.normalize()}%", part), Tax(f"SGST @ {half.normalize()}%", part)


def lines(*rows: tuple[str, str] | tuple[str, str, int] | tuple[str, str, int, bool]) -> tuple[Line, ...]:
    out = []
    for row in rows:
        desc, amount, *rest = row
        qty = int(rest[0]) if rest else 1
        alcohol = bool(rest[1]) if len(rest) > 1 else False
        out.append(Line(str(desc), d(str(amount)), qty, alcohol))
    return tuple(out)


def _with_gst(spec: Spec, rate: str) -> Spec:
    return replace(spec, taxes=gst(spec.subtotal, rate))


EUR_NOTE = (
    "In EUR: policy section 7 converts at the RBI rate, which the service cannot do, so the INR cap is "
    "not applied and currency_mismatch sends the claim to a reviewer."
)


def invoice_table() -> list[Spec]:
    specs: list[Spec] = []
    add = specs.append

    # --- Meals (cap INR 1,500 per meal) -------------------------------------------------------
    meal01 = Spec(
        "meal-01-spice-route.pdf",
        "thermal",
        "meals",
        "Spice Route Kitchen",
        "SRK/24-25/08817",
        date(2024, 12, 3),
        "Dec 3, 2024",
        lines(
            ("Veg Thali", "350"),
            ("Paneer Butter Masala", "320"),
            ("Jeera Rice", "180"),
            ("Butter Naan", "120", 2),
            ("Sweet Lassi", "70"),
        ),
        total_style="symbol",
        details=(
            ("address", "12 Residency Road, Bengaluru 560025"),
            ("gstin", "29AAKFS4411M1ZQ"),
            ("table", "T-7"),
            ("time", "13:42"),
        ),
        note="Lunch under the meal cap.",
    )
    add(_with_gst(meal01, "5"))
    add(
        _with_gst(
            Spec(
                "meal-02-the-brew-house.pdf",
                "gst_invoice",
                "meals",
                "The Brew House",
                "TBH-2024-11873",
                date(2024, 12, 6),
                "06 Dec 2024",
                lines(
                    ("Paneer Tikka", "420"),
                    ("Dal Makhani", "380"),
                    ("Butter Naan", "180", 3),
                    ("Kingfisher Premium Beer 650ml", "600", 2, True),
                ),
                total_style="code",
                names=(EMPLOYEE,),
                details=(
                    ("address", "Indiranagar 100 Ft Road, Bengaluru 560038"),
                    ("gstin", "29AAGCT9123L1Z5"),
                ),
                note="Beer is excluded with its share of GST; the rest is under the cap.",
            ),
            "5",
        )
    )
    add(
        _with_gst(
            Spec(
                "meal-03-cafe-mocha.pdf",
                "cafe",
                "meals",
                "Cafe Mocha",
                "CM-55120",
                date(2024, 12, 26),
                "2024-12-26",
                lines(("Cappuccino", "330", 2), ("Veg Club Sandwich", "210")),
                total_style="plain",
                details=(("address", "Linking Road, Bandra West, Mumbai 400050"), ("time", "10:05")),
            ),
            "5",
        )
    )
    add(
        _with_gst(
            Spec(
                "meal-04-team-dinner.pdf",
                "gst_invoice",
                "meals",
                "Punjab Grill",
                "PG/BLR/2412/0457",
                date(2024, 12, 14),
                "14-Dec-2024",
                lines(
                    ("Veg Platter", "640"),
                    ("Chicken Biryani", "840", 2),
                    ("Mutton Rogan Josh", "560"),
                    ("Garlic Naan", "300", 4),
                    ("Gulab Jamun", "220", 2),
                ),
                total_style="symbol",
                details=(
                    ("address", "UB City, Vittal Mallya Road, Bengaluru 560001"),
                    ("gstin", "29AADCP7712K1ZX"),
                    ("covers", "4"),
                ),
                note="Dinner above the per-meal cap: capped at 1,500.",
            ),
            "5",
        )
    )
    add(
        _with_gst(
            Spec(
                "meal-05-skybar-lounge.pdf",
                "gst_invoice",
                "meals",
                "Skybar Lounge",
                "SKY-7781",
                date(2024, 12, 26),
                "26/12/2024",
                lines(
                    ("Sula Sauvignon Blanc Wine (glass)", "550", 1, True),
                    ("Black Dog Whisky 60ml", "480", 1, True),
                    ("Classic Mojito Cocktail", "450", 1, True),
                    ("Virgin Mojito Mocktail", "260"),
                    ("Chicken Wings", "410"),
                    ("Veg Nachos", "340"),
                ),
                total_style="rs",
                details=(("address", "Level 18, Worli, Mumbai 400018"), ("gstin", "27AAICS5521R1ZB")),
                note="Wine, whisky and the cocktail are excluded (the mocktail is not); remainder under cap.",
            ),
            "5",
        )
    )
    add(
        Spec(
            "meal-06-cafe-de-kroon-amsterdam.pdf",
            "eu_receipt_nl",
            "meals",
            "Café de Kroon",
            "2024-004417",
            date(2024, 12, 12),
            "12-12-2024",
            lines(
                ("Soep van de dag", "6.88"),
                ("Broodje kroket", "8.72"),
                ("Pasta pesto", "15.14"),
                ("Spa rood", "3.21"),
                ("Koffie", "2.75"),
            ),
            taxes=(Tax("BTW 9%", d("3.30")),),
            currency="EUR",
            total_style="eur_before",
            details=(("address", "Rembrandtplein 17, 1017 CT Amsterdam"), ("time", "12:48")),
            flags=("currency_mismatch",),
            note=EUR_NOTE,
        )
    )
    add(
        _with_gst(
            Spec(
                "meal-07-toit-brewpub.pdf",
                "thermal",
                "meals",
                "Toit Brewpub",
                "TOIT/2412/22871",
                date(2024, 12, 20),
                "20/12/2024",
                lines(
                    ("Toit Weiss Beer 500ml", "700", 2, True),
                    ("Peri Peri Chicken", "520"),
                    ("Mushroom Risotto", "480"),
                    ("Loaded Fries", "340"),
                    ("Fresh Lime Soda", "280", 2),
                    ("Brownie Sundae", "280"),
                ),
                total_style="symbol",
                details=(
                    ("address", "298 100 Feet Road, Indiranagar, Bengaluru 560038"),
                    ("gstin", "29AAFCT2231Q1ZK"),
                    ("table", "B-12"),
                    ("time", "22:40"),
                ),
                note="Beer excluded with its tax share; the rest is still above the meal cap.",
            ),
            "5",
        )
    )
    add(
        replace(
            specs[0],
            filename="spice-route-bill-resubmitted.pdf",
            flags=("duplicate",),
            duplicate_of=meal01.filename,
            note="Byte-identical copy of meal-01 under another name.",
        )
    )
    add(
        Spec(
            "meal-08-highway-dhaba.pdf",
            "thermal",
            "meals",
            "Sher-e-Punjab Highway Dhaba",
            "4471",
            date(2024, 12, 3),
            "03.12.2024",
            lines(
                ("Dal Tadka", "220"),
                ("Shahi Paneer", "300"),
                ("Tandoori Roti", "120", 6),
                ("Chaas", "160", 4),
            ),
            taxes=(Tax("CGST @ 2.5%", d("20.00")), Tax("SGST @ 2.5%", d("20.00"))),
            printed_total=d("890.00"),
            total_style="rs",
            details=(("address", "NH 48, Km 62, Tumakuru Road"), ("time", "21:10")),
            flags=("total_mismatch",),
            note="Printed total 890.00 contradicts 800.00 + 40.00 = 840.00.",
        )
    )

    # --- Local conveyance (cap INR 600 per ride) -------------------------------------------------
    add(
        Spec(
            "cab-01-uber.pdf",
            "ride_modern",
            "local_conveyance",
            "Uber",
            "UBR-7f3a91c2",
            date(2024, 12, 9),
            "Dec 9, 2024",
            lines(
                ("Base fare", "50.00"),
                ("Distance (8.2 km)", "131.20"),
                ("Time (22 min)", "29.70"),
                ("Booking fee", "11.10"),
            ),
            taxes=(Tax("GST (5%)", d("11.10")),),
            total_style="symbol",
            names=(EMPLOYEE,),
            details=(
                ("pickup", "Koramangala 4th Block, Bengaluru"),
                ("drop", "Embassy Tech Village, Bellandur"),
                ("start", "09:12"),
                ("end", "09:34"),
                ("vehicle", "UberGo · KA 03 MX 4471"),
                ("driver", "Suresh"),
            ),
        )
    )
    add(
        Spec(
            "cab-02-ola.pdf",
            "ride_value_first",
            "local_conveyance",
            "Ola",
            "CRN 4093318822",
            date(2024, 12, 11),
            "2024-12-11",
            lines(
                ("Base fare", "300.00"), ("Distance fare (29.1 km)", "375.00"), ("Ride time fare", "31.67")
            ),
            taxes=(Tax("Taxes", d("35.33")),),
            total_style="symbol",
            names=(EMPLOYEE,),
            details=(
                ("pickup", "Kempegowda International Airport T1"),
                ("drop", "HSR Layout Sector 2"),
                ("vehicle", "Prime Sedan · KA 51 AD 2208"),
                ("label", "Total Bill"),
            ),
            note="Total printed before its label; above the ride cap.",
        )
    )
    add(
        Spec(
            "cab-03-quickride.pdf",
            "char_by_char",
            "local_conveyance",
            "QuickRide",
            "QR-88120431",
            date(2024, 12, 13),
            "13Dec2024",
            lines(("Base Fare", "60.00"), ("Distance Fare 11.4 km", "237.62")),
            taxes=(Tax("GST 5%", d("14.88")),),
            total_style="rs",
            names=(EMPLOYEE,),
            details=(("pickup", "Koramangala 5th Block"), ("drop", "Bellandur Outer Ring Road")),
            note="Every glyph drawn separately with tight spacing: naive extraction runs words together.",
        )
    )
    add(
        Spec(
            "cab-04-rapido-auto.pdf",
            "ride_compact",
            "local_conveyance",
            "Rapido",
            "RD1734301927",
            date(2024, 12, 16),
            "16 Dec 2024",
            lines(
                ("Auto ride fare (4.1 km)", "91.43"),
            ),
            taxes=(Tax("GST", d("4.57")),),
            total_style="code",
            names=(EMPLOYEE,),
            details=(("pickup", "Jayanagar 4th Block"), ("drop", "South End Circle Metro"), ("mode", "Auto")),
        )
    )
    add(
        Spec(
            "cab-05-meru-other-rider.pdf",
            "ride_modern",
            "local_conveyance",
            "Meru Cabs",
            "MERU-552190",
            date(2024, 12, 18),
            "18/12/2024",
            lines(("Base fare", "120.00"), ("Distance (14.6 km)", "292.00"), ("Waiting charges", "21.33")),
            taxes=(Tax("GST (5%)", d("21.67")),),
            total_style="symbol",
            names=("Arjun Mehta",),
            details=(
                ("pickup", "Andheri East Metro"),
                ("drop", "BKC G Block"),
                ("start", "18:05"),
                ("end", "18:49"),
                ("vehicle", "Sedan · MH 02 EZ 9031"),
                ("driver", "Prakash"),
            ),
            flags=("name_mismatch",),
            note="The rider named on the receipt is not the employee.",
        )
    )
    add(
        Spec(
            "cab-06-namma-yatri-late.pdf",
            "ride_value_first",
            "local_conveyance",
            "Namma Yatri",
            "NY-20240517-3321",
            date(2024, 5, 17),
            "17May2024",
            lines(
                ("Ride fare (9.8 km)", "380.00"),
            ),
            total_style="code",
            names=(EMPLOYEE,),
            details=(
                ("pickup", "Malleshwaram 18th Cross"),
                ("drop", "Majestic Bus Stand"),
                ("vehicle", "Auto"),
                ("label", "Amount paid"),
            ),
            note="Invoice date is far beyond the 30-day submission deadline.",
        )
    )
    add(
        Spec(
            "cab-07-airport-taxi.pdf",
            "taxi_slip",
            "local_conveyance",
            "KSTDC Airport Taxi",
            "AT/2024/118342",
            date(2024, 12, 20),
            "20.12.2024",
            lines(("Fare KIA to Whitefield (41 km)", "1050.00"), ("Toll", "130.00")),
            total_style="rs",
            names=(EMPLOYEE,),
            details=(("vehicle", "KA 01 C 7712"),),
            note="Airport taxi above the ride cap.",
        )
    )
    add(
        Spec(
            "cab-08-taxi-paris.pdf",
            "eu_receipt_fr",
            "local_conveyance",
            "Taxi G7",
            "G7-0992713",
            date(2024, 12, 14),
            "14/12/2024",
            lines(
                ("Course Gare du Nord - Opéra", "34.91"),
            ),
            taxes=(Tax("TVA 10 %", d("3.49")),),
            currency="EUR",
            total_style="eur_after",
            details=(("address", "G7 Taxi, 75017 Paris"), ("vehicle", "Taxi parisien n° 4471")),
            flags=("currency_mismatch",),
            note=f"French total label (Total TTC). {EUR_NOTE}",
        )
    )

    # --- Bus and train (cap INR 2,000 per trip) ---------------------------------------------------
    add(
        Spec(
            "train-01-irctc.pdf",
            "train_ers",
            "bus_train",
            "IRCTC",
            "PNR 4521873390",
            date(2024, 12, 26),
            "26/12/2024",
            lines(("Ticket Fare", "1435.00"), ("IRCTC Convenience Fee (Incl. of GST)", "17.70")),
            total_style="symbol",
            names=(EMPLOYEE,),
            details=(
                ("train", "12658 / CHENNAI MAIL"),
                ("from", "KSR BENGALURU (SBC)"),
                ("to", "MGR CHENNAI CTL (MAS)"),
                ("journey", "28-Dec-2024"),
                ("class", "THIRD AC (3A)"),
                ("transaction", "100004823311907"),
                ("age", "34"),
                ("gender", "F"),
                ("status", "CNF/B4/33/LB"),
            ),
        )
    )
    add(
        Spec(
            "train-02-other-passenger.pdf",
            "train_ers",
            "bus_train",
            "IRCTC",
            "PNR 8830127765",
            date(2024, 12, 19),
            "2024-12-19",
            lines(("Ticket Fare", "865.00"), ("IRCTC Convenience Fee (Incl. of GST)", "11.80")),
            total_style="plain",
            names=("Vikram Rao",),
            details=(
                ("train", "12027 / SHATABDI EXP"),
                ("from", "MGR CHENNAI CTL (MAS)"),
                ("to", "KSR BENGALURU (SBC)"),
                ("journey", "22-Dec-2024"),
                ("class", "AC CHAIR CAR (CC)"),
                ("transaction", "100004790022315"),
                ("age", "41"),
                ("gender", "M"),
                ("status", "CNF/C3/57"),
            ),
            flags=("name_mismatch",),
            note="Ticket for another passenger.",
        )
    )
    add(
        Spec(
            "bus-01-redbus.pdf",
            "bus_ticket",
            "bus_train",
            "redBus",
            "TS8Q2291044",
            date(2024, 12, 21),
            "2024-12-21",
            lines(
                ("Base fare", "856.19"),
            ),
            taxes=(Tax("GST", d("42.81")),),
            total_style="symbol",
            names=(EMPLOYEE,),
            details=(
                ("operator", "VRL Travels"),
                ("from", "Bengaluru"),
                ("to", "Hubballi"),
                ("seat", "L7"),
                ("journey", "21 Dec 2024, 22:30"),
                ("boarding", "Anand Rao Circle"),
            ),
        )
    )
    add(
        Spec(
            "bus-02-volvo-sleeper.pdf",
            "bus_ticket",
            "bus_train",
            "SRS Travels",
            "SRS-BLR-GOA-90127",
            date(2024, 12, 22),
            "Dec 22, 2024",
            lines(
                ("Base fare", "2333.33"),
            ),
            taxes=(Tax("GST", d("116.67")),),
            total_style="code",
            names=(EMPLOYEE,),
            details=(
                ("operator", "SRS Travels (Volvo Multi-Axle Sleeper)"),
                ("from", "Bengaluru"),
                ("to", "Panaji (Goa)"),
                ("seat", "U12"),
                ("journey", "22 Dec 2024, 20:45"),
                ("boarding", "Kalasipalya"),
            ),
            note="Sleeper bus above the per-trip cap.",
        )
    )

    # --- Flights (cap INR 12,000 per trip) --------------------------------------------------------
    add(
        Spec(
            "flight-01-indigo.pdf",
            "flight_eticket",
            "flights",
            "IndiGo",
            "PNR K7XQ2M",
            date(2024, 12, 10),
            "10 Dec 2024",
            lines(
                ("Base Fare", "4899.00"),
            ),
            taxes=(
                Tax("User Development Fee", d("612.00")),
                Tax("Aviation Security Fee", d("236.00")),
                Tax("GST", d("288.00")),
            ),
            total_style="symbol",
            names=("MS RANI SHARMA",),
            details=(
                ("flight", "6E 6172"),
                ("from", "Bengaluru (BLR) T1"),
                ("to", "Delhi (DEL) T1"),
                ("departure", "12 Dec 2024 06:10"),
                ("arrival", "12 Dec 2024 09:00"),
            ),
        )
    )
    add(
        Spec(
            "flight-02-air-india.pdf",
            "flight_eticket",
            "flights",
            "Air India",
            "PNR 9QHT4L",
            date(2024, 12, 5),
            "05 DEC 2024",
            lines(
                ("Base Fare", "13560.00"),
            ),
            taxes=(
                Tax("User Development Fee", d("827.00")),
                Tax("Aviation Security Fee", d("236.00")),
                Tax("GST", d("1139.00")),
            ),
            total_style="code",
            names=("Ms Rani Sharma",),
            details=(
                ("flight", "AI 2806"),
                ("from", "Mumbai (BOM) T2"),
                ("to", "Bengaluru (BLR) T2"),
                ("departure", "07 Dec 2024 19:15"),
                ("arrival", "07 Dec 2024 21:05"),
            ),
            note="Short-notice fare above the per-trip cap.",
        )
    )

    # --- Hotel (cap INR 4,000 per night) ----------------------------------------------------------
    add(
        _with_gst(
            Spec(
                "hotel-01-lemon-tree.pdf",
                "hotel_folio",
                "hotel",
                "Lemon Tree Hotel, Whitefield",
                "LTW/F/2412/3318",
                date(2024, 12, 12),
                "12-Dec-2024",
                lines(*[(f"Room Tariff - {date(2024, 12, 9 + i):%d-%b-%Y}", "3200") for i in range(3)]),
                total_style="symbol",
                names=(EMPLOYEE,),
                nights=3,
                check_in=date(2024, 12, 9),
                check_out=date(2024, 12, 12),
                details=(
                    ("room", "507 (Superior)"),
                    ("address", "ITPL Main Road, Whitefield, Bengaluru 560066"),
                    ("gstin", "29AABCL4420J1ZD"),
                ),
                note="Three nights within 3 x 4,000.",
            ),
            "12",
        )
    )
    add(
        _with_gst(
            Spec(
                "hotel-02-taj-folio.pdf",
                "hotel_folio_2p",
                "hotel",
                "Taj Mahal Tower, Mumbai",
                "TMT-INV-88213",
                date(2024, 12, 17),
                "17/12/2024",
                lines(*[(f"Room Charges - {date(2024, 12, 15 + i):%d/%m/%Y}", "4800") for i in range(2)]),
                total_style="code",
                names=(EMPLOYEE,),
                nights=2,
                check_in=date(2024, 12, 15),
                check_out=date(2024, 12, 17),
                details=(
                    ("room", "1114 (Superior City View)"),
                    ("address", "Apollo Bunder, Colaba, Mumbai 400001"),
                    ("gstin", "27AAACT3957G1ZV"),
                    ("card", "VISA XXXX 4471"),
                ),
                note="Two nights above 2 x 4,000; folio on two pages with a zero balance line.",
            ),
            "18",
        )
    )
    add(
        _with_gst(
            Spec(
                "hotel-03-budget-inn.pdf",
                "hotel_simple",
                "hotel",
                "Hotel Sai Residency",
                "SR-1908",
                date(2024, 12, 28),
                "2024-12-28",
                lines(
                    ("Room rent (1 night, Deluxe AC)", "2500"),
                ),
                total_style="rs",
                names=(EMPLOYEE,),
                nights=1,
                check_in=date(2024, 12, 27),
                check_out=date(2024, 12, 28),
                details=(("address", "Station Road, Hubballi 580020"), ("room", "204")),
            ),
            "12",
        )
    )
    add(
        Spec(
            "hotel-04-berlin.pdf",
            "hotel_de",
            "hotel",
            "Hotel Am Spreebogen",
            "RE-2024-12-0388",
            date(2024, 12, 10),
            "10.12.2024",
            lines(
                ("Übernachtung Einzelzimmer 08.12.2024", "120.00"),
                ("Übernachtung Einzelzimmer 09.12.2024", "120.00"),
            ),
            taxes=(Tax("MwSt. 7 %", d("16.80")),),
            currency="EUR",
            total_style="eur_after",
            names=(EMPLOYEE,),
            nights=2,
            check_in=date(2024, 12, 8),
            check_out=date(2024, 12, 10),
            details=(("address", "Alt-Moabit 99, 10559 Berlin"), ("room", "312")),
            flags=("currency_mismatch",),
            note=f"German total label (Gesamtbetrag). {EUR_NOTE}",
        )
    )

    # --- Not covered by the policy ----------------------------------------------------------------
    add(
        Spec(
            "electronics-croma-laptop.pdf",
            "gst_invoice",
            "electronics",
            "Croma (Infiniti Retail Ltd.)",
            "CRM/KA/24/0091732",
            date(2024, 12, 7),
            "2024-12-07",
            lines(
                ("Dell Inspiron 15 3520 Laptop (i5, 16GB, 512GB SSD)", "49990"),
            ),
            taxes=(Tax("CGST @ 9%", d("4499.10")), Tax("SGST @ 9%", d("4499.10"))),
            total_style="symbol",
            names=(EMPLOYEE,),
            details=(
                ("address", "Forum Mall, Koramangala, Bengaluru 560095"),
                ("gstin", "29AACCV1726H1ZF"),
                ("hsn", "8471"),
            ),
            note="Electronics purchases are not a covered category.",
        )
    )
    add(
        Spec(
            "gym-cultfit-membership.pdf",
            "membership",
            "fitness",
            "cult.fit (Curefit Healthcare Pvt Ltd)",
            "CF-INV-2024-771204",
            date(2024, 12, 1),
            "Dec 1, 2024",
            lines(
                ("cultpass ELITE - 1 month", "2117.80"),
            ),
            taxes=(Tax("IGST @ 18%", d("381.20")),),
            total_style="code",
            names=(EMPLOYEE,),
            details=(("period", "01 Dec 2024 - 31 Dec 2024"), ("gstin", "29AAHCC6741P1Z2")),
            note="Gym membership is not a covered category.",
        )
    )

    # --- Files the service cannot read --------------------------------------------------------------
    add(
        Spec(
            "scan-fuel-receipt.pdf",
            "image_only",
            "unknown",
            "",
            "",
            date(2024, 12, 15),
            "",
            (),
            error="NoTextLayer",
            note="A photo/scan with no text layer.",
        )
    )
    add(
        Spec(
            "corrupt-invoice.pdf",
            "truncated",
            "unknown",
            "",
            "",
            date(2024, 12, 15),
            "",
            (),
            error="CorruptDocument",
            note="An interrupted download: the first 60% of a PDF.",
        )
    )
    add(
        Spec(
            "locked-invoice.pdf",
            "encrypted",
            "unknown",
            "",
            "",
            date(2024, 12, 15),
            "",
            (),
            error="EncryptedDocument",
            note="Password protected (user password 'rani2024').",
        )
    )
    return specs


# ---------------------------------------------------------------------------------------------
# Ground truth (the policy's rules applied by hand, engine semantics)


def expected_verdict(spec: Spec) -> dict[str, object]:
    if spec.error:
        return {"filename": spec.filename, "error": spec.error, "note": spec.note}
    total = q(spec.total)
    excluded_items = [ln for ln in spec.lines if ln.alcohol]
    excluded = sum((ln.amount for ln in excluded_items), ZERO)
    subtotal = spec.subtotal
    if excluded > ZERO and subtotal > ZERO and total > subtotal:
        excluded = excluded * total / subtotal
    excluded = min(q(excluded), total)
    age = (SUBMITTED_ON - spec.invoice_date).days
    cap_applied: str | None = None
    decided_by: list[str] = []
    if not spec.covered:
        reimbursable, decided_by = ZERO, ["category_not_covered"]
    elif age > DEADLINE_DAYS:
        reimbursable, decided_by = ZERO, ["deadline"]
    else:
        reimbursable = total - excluded
        if excluded:
            decided_by.append("exclusion")
        amount, unit, _ = CAPS[spec.category]
        if spec.currency == POLICY_CURRENCY:
            units = spec.nights if unit == "night" and spec.nights else 1
            limit = q(amount * units)
            if reimbursable > limit:
                reimbursable = limit
                decided_by.append("cap")
                cap_applied = f"{amount} {POLICY_CURRENCY} x {units} {unit}"
        reimbursable = min(max(q(reimbursable), ZERO), total)
        decided_by = decided_by or ["within_policy"]
    status = (
        "declined"
        if reimbursable <= ZERO
        else "fully_reimbursed"
        if reimbursable >= total
        else "partially_reimbursed"
    )
    out: dict[str, object] = {
        "filename": spec.filename,
        "status": status,
        "decided_by": decided_by,
        "total_amount": str(total),
        "reimbursement_amount": str(q(reimbursable)),
        "currency": spec.currency,
        "invoice_date": spec.invoice_date.isoformat(),
        "date_text": spec.date_text,
        "category": spec.category,
        "category_covered": spec.covered,
        "policy_section": CAPS[spec.category][2] if spec.covered else None,
        "flags": sorted(spec.flags),
        "review_required": bool(spec.flags),
        "vendor": spec.vendor,
        "invoice_number": spec.number,
        "names": list(spec.names),
        "subtotal": str(q(spec.subtotal)),
        "taxes": str(q(spec.tax_total)),
        "line_items": [{"description": ln.description, "amount": str(q(ln.amount))} for ln in spec.lines],
        "excluded_items": [ln.description for ln in excluded_items],
        "excluded_amount": str(excluded),
        "nights": spec.nights,
        "check_in": spec.check_in.isoformat() if spec.check_in else None,
        "check_out": spec.check_out.isoformat() if spec.check_out else None,
        "service_dates": [x.isoformat() for x in spec.service_dates],
        "cap_applied": cap_applied,
        "total_text": "",  # filled in by the renderer: the total exactly as printed
        "note": spec.note,
    }
    if spec.duplicate_of:
        out["duplicate_of"] = spec.duplicate_of
    return out


# ---------------------------------------------------------------------------------------------
# Drawing helpers


def inr(amount: Decimal) -> str:
    return f"{q(amount):,.2f}"


def eur(amount: Decimal) -> str:
    return f"{q(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def money(spec: Spec, amount: Decimal, fonts: Fonts, style: str | None = None) -> str:
    style = style or spec.total_style
    if spec.currency == "EUR":
        return f"€ {eur(amount)}" if style == "eur_before" else f"{eur(amount)} €"
    if style == "symbol":
        return f"₹ {inr(amount)}" if fonts.rupee else f"Rs. {inr(amount)}"
    if style == "code":
        return f"INR {inr(amount)}"
    if style == "rs":
        return f"Rs. {inr(amount)}"
    return inr(amount)


_ONES = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
_TENS = ["_", "_", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]


def _words_below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} Hundred")
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + (f" {_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


def rupees_in_words(amount: Decimal) -> str:
    """Indian numbering (lakh, crore), as GST invoices print the amount in words."""
    rupees = int(amount)
    paise = int((q(amount) - rupees) * 100)
    parts = []
    for size, name in ((10_000_000, "Crore"), (100_000, "Lakh"), (1000, "Thousand")):
        if rupees >= size:
            parts.append(f"{_words_below_1000(rupees // size)} {name}")
            rupees %= size
    if rupees:
        parts.append(_words_below_1000(rupees))
    text = "Rupees " + (" ".join(parts) or "Zero")
    if paise:
        text += f" and {_words_below_1000(paise)} Paise"
    return text + " Only"


class Sheet:
    """A reportlab canvas with a few layout helpers. Invariant mode: reproducible bytes."""

    def __init__(
        self, spec: Spec, pagesize: tuple[float, float] = A4, encrypt: StandardEncryption | None = None
    ):
        self.buf = io.BytesIO()
        self.c = Canvas(self.buf, pagesize=pagesize, invariant=True, encrypt=encrypt, pageCompression=1)
        self.width, self.height = pagesize
        self.c.setTitle(f"{spec.vendor} {spec.number}".strip() or spec.filename)
        self.c.setAuthor(spec.vendor or "Unknown")
        self.c.setCreator("docs/examples/generate.py")

    def text(
        self,
        x: float,
        y: float,
        s: str,
        font: str,
        size: float,
        align: str = "left",
        color: colors.Color = colors.black,
    ) -> None:
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        if align == "right":
            self.c.drawRightString(x, y, s)
        elif align == "center":
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)
        self.c.setFillColor(colors.black)

    def hline(
        self,
        x0: float,
        x1: float,
        y: float,
        width: float = 0.5,
        gray: float = 0.0,
        dash: Sequence[float] | None = None,
    ) -> None:
        self.c.setLineWidth(width)
        self.c.setStrokeGray(gray)
        if dash:
            self.c.setDash(*dash)
        self.c.line(x0, y, x1, y)
        self.c.setDash()
        self.c.setStrokeGray(0)

    def box(
        self, x: float, y: float, w: float, h: float, fill: float | None = None, stroke: bool = True
    ) -> None:
        if fill is not None:
            self.c.setFillGray(fill)
        self.c.rect(x, y, w, h, fill=1 if fill is not None else 0, stroke=1 if stroke else 0)
        self.c.setFillGray(0)

    def pairs(
        self,
        x: float,
        y: float,
        rows: Sequence[tuple[str, str]],
        font: str,
        bold: str,
        size: float,
        label_w: float,
        leading: float | None = None,
    ) -> float:
        for label, value in rows:
            self.text(x, y, label, bold, size)
            self.text(x + label_w, y, value, font, size)
            y -= leading or size * 1.5
        return y

    def new_page(self) -> None:
        self.c.showPage()

    def finish(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


Rendered = tuple[bytes, str]  # (pdf bytes, the total exactly as printed)


# ---------------------------------------------------------------------------------------------
# Layouts


def render_thermal(spec: Spec, fonts: Fonts) -> Rendered:
    """Narrow 80 mm POS receipt in a monospace font."""
    width = 80 * mm
    rows = 22 + len(spec.lines) + len(spec.taxes)
    size, lead = 7.6, 10.5
    s = Sheet(spec, (width, rows * lead + 40))
    mono, mono_b = fonts.mono, fonts.mono_bold
    y = s.height - 24
    cx = width / 2
    s.text(cx, y, spec.vendor.upper(), mono_b, 9, "center")
    y -= lead * 1.3
    for part in spec.detail("address").split(", ", 1):
        s.text(cx, y, part, mono, size, "center")
        y -= lead
    if spec.detail("gstin"):
        s.text(cx, y, f"GSTIN: {spec.detail('gstin')}", mono, size, "center")
        y -= lead
    y -= 2
    s.text(cx, y, "TAX INVOICE", mono_b, 8, "center")
    y -= lead
    left, right = 10.0, width - 10
    s.text(left, y, f"Bill No: {spec.number}", mono, size)
    y -= lead
    s.text(left, y, f"Date: {spec.date_text}", mono, size)
    s.text(right, y, f"Time: {spec.detail('time', '20:15')}", mono, size, "right")
    y -= lead
    if spec.detail("table"):
        s.text(left, y, f"Table: {spec.detail('table')}   Steward: 04", mono, size)
        y -= lead
    s.hline(left, right, y + 4, dash=(2, 2))
    y -= lead * 0.6
    s.text(left, y, "Item", mono_b, size)
    s.text(right - 62, y, "Qty", mono_b, size, "right")
    s.text(right, y, "Amount", mono_b, size, "right")
    y -= lead
    for ln in spec.lines:
        s.text(left, y, ln.description[:24], mono, size)
        s.text(right - 62, y, str(ln.qty), mono, size, "right")
        s.text(right, y, inr(ln.amount), mono, size, "right")
        y -= lead
    s.hline(left, right, y + 4, dash=(2, 2))
    y -= lead * 0.6
    s.text(left, y, "Sub Total", mono, size)
    s.text(right, y, inr(spec.subtotal), mono, size, "right")
    y -= lead
    for tax in spec.taxes:
        s.text(left, y, tax.label, mono, size)
        s.text(right, y, inr(tax.amount), mono, size, "right")
        y -= lead
    s.hline(left, right, y + 4, dash=(2, 2))
    y -= lead * 0.8
    total_text = money(spec, spec.total, fonts)
    s.text(left, y, "GRAND TOTAL", mono_b, 8.5)
    s.text(right, y, total_text, mono_b, 8.5, "right")
    y -= lead * 1.6
    s.text(left, y, "Paid via UPI   Ref 4471 0923 8812", mono, size)
    y -= lead * 1.5
    s.text(cx, y, "Thank you! Visit again.", mono, size, "center")
    y -= lead
    s.text(cx, y, "** Computer generated bill **", mono, 6.5, "center")
    return s.finish(), total_text


def render_gst_invoice(spec: Spec, fonts: Fonts, encrypt: StandardEncryption | None = None) -> Rendered:
    """A4 GST tax invoice with a ruled item table and the amount in words."""
    s = Sheet(spec, A4, encrypt)
    sans, bold = fonts.sans, fonts.bold
    left, right = 48.0, s.width - 48
    y = s.height - 60
    s.text(left, y, spec.vendor, bold, 18)
    y -= 16
    s.text(left, y, spec.detail("address"), sans, 9, color=colors.HexColor("#444444"))
    y -= 12
    if spec.detail("gstin"):
        s.text(left, y, f"GSTIN: {spec.detail('gstin')}    FSSAI Lic. No. 11224333000417", sans, 9)
    s.text(right, s.height - 60, "TAX INVOICE", bold, 14, "right")
    s.text(right, s.height - 78, f"Invoice No.: {spec.number}", sans, 9.5, "right")
    s.text(right, s.height - 92, f"Invoice Date: {spec.date_text}", sans, 9.5, "right")
    y -= 26
    if spec.names:
        s.text(left, y, "Billed to:", bold, 9.5)
        s.text(left + 56, y, spec.names[0], sans, 9.5)
        y -= 14
    state = {"27": "Maharashtra (27)"}.get(spec.detail("gstin")[:2], "Karnataka (29)")
    s.text(left, y, f"Place of supply: {state}", sans, 9)
    y -= 22
    s.box(left, y - 14, right - left, 18, fill=0.9)
    qty_x, rate_x, amount_x = right - 176, right - 96, right - 6
    s.text(left + 6, y - 9, "#", bold, 9)
    s.text(left + 36, y - 9, "Description", bold, 9)
    s.text(qty_x, y - 9, "Qty", bold, 9, "right")
    s.text(rate_x, y - 9, "Rate", bold, 9, "right")
    s.text(amount_x, y - 9, "Amount (INR)", bold, 9, "right")
    y -= 30
    for n, ln in enumerate(spec.lines, 1):
        s.text(left + 6, y, str(n), sans, 9.5)
        s.text(left + 36, y, ln.description, sans, 9.5)
        s.text(qty_x, y, str(ln.qty), sans, 9.5, "right")
        s.text(rate_x, y, inr(ln.rate), sans, 9.5, "right")
        s.text(amount_x, y, inr(ln.amount), sans, 9.5, "right")
        y -= 16
    s.hline(left, right, y + 8)
    y -= 8
    label_x = right - 200
    s.text(label_x, y, "Sub Total", sans, 10)
    s.text(right - 6, y, inr(spec.subtotal), sans, 10, "right")
    y -= 15
    for tax in spec.taxes:
        s.text(label_x, y, tax.label, sans, 10)
        s.text(right - 6, y, inr(tax.amount), sans, 10, "right")
        y -= 15
    s.hline(label_x, right, y + 9, width=1)
    y -= 8
    total_text = money(spec, spec.total, fonts)
    s.text(label_x, y, "Grand Total", bold, 12)
    s.text(right - 6, y, total_text, bold, 12, "right")
    y -= 26
    s.text(left, y, f"Amount in words: {rupees_in_words(spec.total)}", sans, 9)
    y -= 40
    s.text(
        left,
        y,
        "Terms: Prices are inclusive of applicable charges. E. & O. E.",
        sans,
        8,
        color=colors.HexColor("#666666"),
    )
    s.text(right, 70, f"For {spec.vendor}", bold, 9, "right")
    s.text(right, 50, "Authorised Signatory", sans, 8, "right")
    return s.finish(), total_text


def render_cafe(spec: Spec, fonts: Fonts) -> Rendered:
    """Small A6-ish cafe receipt, centred header, no currency on the total."""
    s = Sheet(spec, (105 * mm, 150 * mm))
    sans, bold = fonts.sans, fonts.bold
    cx, left, right = s.width / 2, 16.0, s.width - 16
    y = s.height - 34
    s.text(cx, y, spec.vendor, bold, 15, "center")
    y -= 14
    s.text(cx, y, spec.detail("address"), sans, 7, "center")
    y -= 20
    s.text(left, y, f"Order #{spec.number}", sans, 8)
    s.text(right, y, f"{spec.date_text} {spec.detail('time')}", sans, 8, "right")
    y -= 16
    for ln in spec.lines:
        label = f"{ln.qty} x {ln.description}" if ln.qty > 1 else ln.description
        s.text(left, y, label, sans, 8.5)
        s.text(right, y, inr(ln.amount), sans, 8.5, "right")
        y -= 12
    y -= 4
    s.hline(left, right, y + 8, gray=0.5)
    for tax in spec.taxes:
        s.text(left, y, tax.label, sans, 8)
        s.text(right, y, inr(tax.amount), sans, 8, "right")
        y -= 12
    y -= 6
    total_text = money(spec, spec.total, fonts)
    s.text(left, y, "TOTAL", bold, 11)
    s.text(right, y, total_text, bold, 11, "right")
    y -= 24
    s.text(cx, y, "Wifi: mocha_guest / coffee123", sans, 7, "center")
    return s.finish(), total_text


def render_ride_modern(spec: Spec, fonts: Fonts) -> Rendered:
    """Uber-like e-mail receipt: the total at the top, then the fare breakdown and the route."""
    s = Sheet(spec, A4)
    sans, bold = fonts.sans, fonts.bold
    left, right = 60.0, s.width - 60
    y = s.height - 70
    s.text(left, y, spec.vendor, bold, 22)
    s.text(right, y, spec.date_text, sans, 10, "right")
    y -= 40
    first = spec.names[0].split()[0] if spec.names else "there"
    s.text(left, y, f"Thanks for riding, {first}", bold, 16)
    y -= 18
    s.text(left, y, "We hope you enjoyed your ride this morning.", sans, 10, color=colors.HexColor("#555555"))
    y -= 40
    total_text = money(spec, spec.total, fonts)
    s.text(left, y, "Total", bold, 20)
    s.text(right, y, total_text, bold, 20, "right")
    y -= 14
    s.hline(left, right, y, width=1)
    y -= 22
    for ln in spec.lines:
        s.text(left, y, ln.description, sans, 10.5)
        s.text(right, y, money(spec, ln.amount, fonts), sans, 10.5, "right")
        y -= 17
    s.hline(left, right, y + 8, gray=0.7)
    y -= 6
    s.text(left, y, "Subtotal", bold, 10.5)
    s.text(right, y, money(spec, spec.subtotal, fonts), bold, 10.5, "right")
    y -= 17
    for tax in spec.taxes:
        s.text(left, y, tax.label, sans, 10.5)
        s.text(right, y, money(spec, tax.amount, fonts), sans, 10.5, "right")
        y -= 17
    y -= 20
    s.text(left, y, "Payments", bold, 12)
    y -= 17
    s.text(left, y, "Paytm UPI", sans, 10.5)
    s.text(right, y, money(spec, spec.total, fonts), sans, 10.5, "right")
    y -= 40
    s.text(left, y, f"You rode with {spec.detail('driver')}", bold, 12)
    y -= 17
    s.text(left, y, spec.detail("vehicle"), sans, 10)
    y -= 26
    s.text(left, y, f"{spec.detail('start')}  {spec.detail('pickup')}", sans, 10)
    y -= 16
    s.text(left, y, f"{spec.detail('end')}  {spec.detail('drop')}", sans, 10)
    y -= 30
    if spec.names:
        s.text(left, y, f"Rider: {spec.names[0]}", sans, 9.5)
        y -= 14
    s.text(left, y, f"Trip ID: {spec.number}", sans, 9.5, color=colors.HexColor("#777777"))
    return s.finish(), total_text


def render_ride_value_first(spec: Spec, fonts: Fonts) -> Rendered:
    """Ola-like invoice card: the big amount is printed above its small label."""
    s = Sheet(spec, A5)
    sans, bold = fonts.sans, fonts.bold
    left, right = 36.0, s.width - 36
    y = s.height - 50
    s.text(left, y, spec.vendor, bold, 18)
    s.text(right, y, spec.number, sans, 8, "right")
    y -= 16
    s.text(left, y, f"Ride on {spec.date_text}", sans, 9, color=colors.HexColor("#555555"))
    y -= 46
    total_text = money(spec, spec.total, fonts)
    s.text(s.width / 2, y, total_text, bold, 30, "center")
    y -= 18
    s.text(s.width / 2, y, spec.detail("label", "Total"), sans, 9, "center", colors.HexColor("#666666"))
    y -= 30
    s.box(left, y - 48, right - left, 56, fill=0.95, stroke=False)
    s.text(left + 10, y - 8, "From", bold, 8)
    s.text(left + 50, y - 8, spec.detail("pickup"), sans, 9)
    s.text(left + 10, y - 28, "To", bold, 8)
    s.text(left + 50, y - 28, spec.detail("drop"), sans, 9)
    y -= 74
    s.text(left, y, "Bill details", bold, 11)
    y -= 18
    for ln in (*spec.lines, *(Line(t.label, t.amount) for t in spec.taxes)):
        s.text(left, y, ln.description, sans, 9.5)
        s.text(right, y, inr(ln.amount), sans, 9.5, "right")
        y -= 15
    y -= 16
    if spec.names:
        s.text(left, y, f"Customer: {spec.names[0]}", sans, 9)
        y -= 14
    s.text(left, y, f"Vehicle: {spec.detail('vehicle')}", sans, 9)
    y -= 30
    s.text(
        left,
        y,
        "This is a computer generated invoice and does not need a signature.",
        sans,
        7,
        color=colors.HexColor("#888888"),
    )
    return s.finish(), total_text


def _draw_spaced(
    c: Canvas, x: float, y: float, text: str, font: str, size: float, char_gap: float, space_factor: float
) -> float:
    """Draw glyph by glyph with no space glyphs (as some receipt printers' PDF drivers do)."""
    space = pdfmetrics.stringWidth(" ", font, size)
    c.setFont(font, size)
    for ch in text:
        if ch == " ":
            x += space * space_factor
            continue
        c.drawString(x, y, ch)
        x += pdfmetrics.stringWidth(ch, font, size) + char_gap
    return x


def _spaced_width(text: str, font: str, size: float, char_gap: float, space_factor: float) -> float:
    space = float(pdfmetrics.stringWidth(" ", font, size))
    return sum(
        space * space_factor if ch == " " else pdfmetrics.stringWidth(ch, font, size) + char_gap
        for ch in text
    )


def render_char_by_char(spec: Spec, fonts: Fonts) -> Rendered:
    """Every glyph placed individually with tight spacing: naive extraction runs words together."""
    s = Sheet(spec, (90 * mm, 160 * mm))
    font, size, gap, sf = "Helvetica", 8.5, 0.15, 0.55
    left, right = 18.0, s.width - 18
    y = s.height - 36

    def row(label: str, value: str = "", f: str = font, sz: float = size) -> None:
        nonlocal y
        _draw_spaced(s.c, left, y, label, f, sz, gap, sf)
        if value:
            _draw_spaced(s.c, right - _spaced_width(value, f, sz, gap, sf), y, value, f, sz, gap, sf)
        y -= sz * 1.75

    row(f"{spec.vendor} Ride Receipt", f="Helvetica-Bold", sz=12)
    y -= 4
    row("Customer Name", spec.names[0] if spec.names else "")
    row("Ride Date", spec.date_text)
    row("Trip ID", spec.number)
    row("Pickup", spec.detail("pickup"))
    row("Drop", spec.detail("drop"))
    y -= 6
    s.hline(left, right, y + 8, gray=0.6)
    for ln in spec.lines:
        row(ln.description, money(spec, ln.amount, fonts))
    for tax in spec.taxes:
        row(tax.label, money(spec, tax.amount, fonts))
    s.hline(left, right, y + 8, gray=0.6)
    total_text = money(spec, spec.total, fonts)
    row("Total Amount Paid", total_text, f="Helvetica-Bold", sz=10)
    y -= 8
    row("Payment Mode Cash")
    row("Thank you for riding with us", sz=7)
    return s.finish(), total_text


def render_ride_compact(spec: Spec, fonts: Fonts) -> Rendered:
    """Bike/auto taxi receipt: two-column key facts, total labelled after a colon."""
    s = Sheet(spec, (100 * mm, 120 * mm))
    sans, bold = fonts.sans, fonts.bold
    left, right = 16.0, s.width - 16
    y = s.height - 30
    s.text(left, y, spec.vendor.lower(), bold, 18, color=colors.HexColor("#1a1a1a"))
    s.text(right, y, "Customer Invoice", sans, 8, "right")
    y -= 26
    facts = [
        ("Invoice ID", spec.number),
        ("Date", spec.date_text),
        ("Customer", spec.names[0]),
        ("Service", spec.detail("mode")),
        ("From", spec.detail("pickup")),
        ("To", spec.detail("drop")),
    ]
    y = s.pairs(left, y, facts, sans, bold, 8, 62, 12)
    y -= 8
    for ln in (*spec.lines, *(Line(t.label, t.amount) for t in spec.taxes)):
        s.text(left, y, ln.description, sans, 8)
        s.text(right, y, inr(ln.amount), sans, 8, "right")
        y -= 12
    s.hline(left, right, y + 8)
    y -= 6
    total_text = money(spec, spec.total, fonts)
    s.text(left, y, "Total Amount:", bold, 10)
    s.text(right, y, total_text, bold, 10, "right")
    return s.finish(), total_text


def render_taxi_slip(spec: Spec, fonts: Fonts) -> Rendered:
    """Pre-printed boxed taxi slip with hand-filled-looking values in a different font."""
    s = Sheet(spec, (148 * mm, 105 * mm))
    left, right = 14.0, s.width - 14
    top = s.height - 14
    s.box(left, 14, right - left, top - 14)
    s.text(s.width / 2, top - 20, spec.vendor.upper(), "Helvetica-Bold", 13, "center")
    s.text(
        s.width / 2,
        top - 33,
        "Kempegowda International Airport, Bengaluru  ·  Prepaid Counter No. 3",
        "Helvetica",
        7,
        "center",
    )
    s.hline(left, right, top - 40)
    y = top - 58
    fields = [
        ("Receipt No.", spec.number),
        ("Date", spec.date_text),
        ("Vehicle No.", spec.detail("vehicle")),
        ("Passenger", spec.names[0]),
    ]
    for i, (label, value) in enumerate(fields):
        x = left + 8 + (i % 2) * 200
        s.text(x, y, f"{label}:", "Helvetica", 8)
        s.text(x + 60, y, value, "Courier-Bold", 9.5)
        if i % 2:
            y -= 16
    y -= 6
    s.hline(left, right, y + 8, gray=0.5)
    for ln in spec.lines:
        s.text(left + 8, y - 6, ln.description, "Helvetica", 9)
        s.text(right - 10, y - 6, inr(ln.amount), "Courier-Bold", 10, "right")
        y -= 16
    total_text = money(spec, spec.total, fonts)
    s.box(right - 150, 24, 140, 26)
    s.text(right - 144, 40, "Total payable", "Helvetica-Bold", 8)
    s.text(right - 12, 30, total_text, "Courier-Bold", 12, "right")
    s.text(left + 8, 58, "Signature of driver ____________", "Helvetica", 7)
    return s.finish(), total_text


def render_train_ers(spec: Spec, fonts: Fonts) -> Rendered:
    """IRCTC-style Electronic Reservation Slip: boxed grid of facts, passenger table, fare details."""
    s = Sheet(spec, A4)
    sans, bold = fonts.sans, fonts.bold
    left, right = 40.0, s.width - 40
    y = s.height - 50
    s.text(s.width / 2, y, "Electronic Reservation Slip (ERS)", bold, 14, "center")
    y -= 14
    s.text(s.width / 2, y, "Indian Railway Catering and Tourism Corporation (IRCTC)", sans, 8.5, "center")
    y -= 26
    grid = [
        ("PNR", spec.number.replace("PNR ", "")),
        ("Train No./Name", spec.detail("train")),
        ("Class", spec.detail("class")),
        ("Quota", "GENERAL (GN)"),
        ("From", spec.detail("from")),
        ("To", spec.detail("to")),
        ("Date of Journey", spec.detail("journey")),
        ("Date of Booking", spec.date_text),
        ("Transaction ID", spec.detail("transaction")),
        ("Distance", "362 KM"),
    ]
    cell_w = (right - left) / 2
    for i, (label, value) in enumerate(grid):
        x = left + (i % 2) * cell_w
        s.box(x, y - 22, cell_w, 26)
        s.text(x + 5, y - 5, label, bold, 7)
        s.text(x + 5, y - 17, value, sans, 9)
        if i % 2:
            y -= 26
    y -= 24
    s.text(left, y, "Passenger Details", bold, 10)
    y -= 16
    heads = ("#", "Name", "Age", "Gender", "Booking Status", "Current Status")
    xs = (left, left + 20, left + 200, left + 240, left + 300, left + 410)
    for x, head in zip(xs, heads, strict=True):
        s.text(x + 4, y, head, bold, 8)
    y -= 14
    for n, name in enumerate(spec.names, 1):
        values = (
            str(n),
            name,
            spec.detail("age"),
            spec.detail("gender"),
            spec.detail("status"),
            spec.detail("status"),
        )
        for x, value in zip(xs, values, strict=True):
            s.text(x + 4, y, value, sans, 9)
        y -= 14
    y -= 20
    s.text(left, y, "Payment Details", bold, 10)
    y -= 16
    for ln in spec.lines:
        s.text(left + 4, y, ln.description, sans, 9)
        s.text(left + 330, y, money(spec, ln.amount, fonts), sans, 9, "right")
        y -= 14
    total_text = money(spec, spec.total, fonts)
    s.text(left + 4, y, "Total Fare (all inclusive)", bold, 9.5)
    s.text(left + 330, y, total_text, bold, 9.5, "right")
    y -= 30
    notes = [
        "* Passengers travelling on an e-ticket must carry an original photo identity card.",
        "* The fare above excludes the payment gateway charge, if any.",
        "* Please check the current status on the Indian Railways website before the journey.",
    ]
    for note in notes:
        s.text(left, y, note, sans, 7.5, color=colors.HexColor("#555555"))
        y -= 11
    return s.finish(), total_text


def render_bus_ticket(spec: Spec, fonts: Fonts) -> Rendered:
    """Bus e-ticket: operator banner, journey block, passenger, fare box at the right."""
    s = Sheet(spec, A4)
    sans, bold = fonts.sans, fonts.bold
    left, right = 44.0, s.width - 44
    top = s.height - 44
    s.box(left, top - 46, right - left, 46, fill=0.15, stroke=False)
    s.text(left + 12, top - 30, spec.vendor, bold, 18, color=colors.white)
    s.text(right - 12, top - 22, "eTICKET", bold, 10, "right", colors.white)
    s.text(right - 12, top - 36, f"Ticket No: {spec.number}", sans, 8.5, "right", colors.white)
    y = top - 76
    s.text(left, y, f"{spec.detail('from')}  →  {spec.detail('to')}", bold, 15)
    y -= 18
    s.text(left, y, spec.detail("operator"), sans, 10)
    y -= 28
    y = s.pairs(
        left,
        y,
        [
            ("Journey", spec.detail("journey")),
            ("Boarding point", spec.detail("boarding")),
            ("Seat", spec.detail("seat")),
            ("Passenger", spec.names[0]),
            ("Booked on", spec.date_text),
        ],
        sans,
        bold,
        10,
        100,
        17,
    )
    bx, by = right - 190, top - 210
    s.box(bx, by, 190, 110)
    s.text(bx + 10, by + 92, "Fare details", bold, 10)
    fy = by + 72
    for ln in (*spec.lines, *(Line(t.label, t.amount) for t in spec.taxes)):
        s.text(bx + 10, fy, ln.description, sans, 9)
        s.text(bx + 180, fy, inr(ln.amount), sans, 9, "right")
        fy -= 15
    total_text = money(spec, spec.total, fonts)
    s.hline(bx + 10, bx + 180, fy + 9)
    s.text(bx + 10, fy - 4, "Total fare", bold, 10)
    s.text(bx + 180, fy - 4, total_text, bold, 10, "right")
    y -= 30
    for note in (
        "Carry a valid photo ID. Report 15 minutes before departure.",
        "Cancellation charges apply as per the operator's policy.",
    ):
        s.text(left, y, note, sans, 8, color=colors.HexColor("#555555"))
        y -= 12
    return s.finish(), total_text


def render_flight_eticket(spec: Spec, fonts: Fonts) -> Rendered:
    """Airline itinerary receipt: booking block, flight table, fare summary."""
    s = Sheet(spec, A4)
    sans, bold = fonts.sans, fonts.bold
    left, right = 46.0, s.width - 46
    y = s.height - 56
    s.text(left, y, spec.vendor, bold, 24, color=colors.HexColor("#1f2a6b"))
    s.text(right, y + 4, "Itinerary / e-Ticket Receipt", bold, 11, "right")
    y -= 34
    y = s.pairs(
        left,
        y,
        [
            ("Booking reference", spec.number.replace("PNR ", "")),
            ("Date of issue", spec.date_text),
            ("Status", "Confirmed"),
        ],
        sans,
        bold,
        10,
        120,
        16,
    )
    y -= 12
    s.box(left, y - 4, right - left, 18, fill=0.9, stroke=False)
    heads = (
        ("Flight", left + 6),
        ("From", left + 70),
        ("To", left + 210),
        ("Departure", left + 330),
        ("Arrival", left + 430),
    )
    for head, x in heads:
        s.text(x, y + 1, head, bold, 9)
    y -= 18
    cells = (
        spec.detail("flight"),
        spec.detail("from"),
        spec.detail("to"),
        spec.detail("departure"),
        spec.detail("arrival"),
    )
    for (_, x), value in zip(heads, cells, strict=True):
        s.text(x, y, value, sans, 8.5)
    y -= 34
    s.text(left, y, "Passenger", bold, 10)
    s.text(left + 120, y, spec.names[0], sans, 10)
    y -= 14
    s.text(left + 120, y, "Adult · Economy (Saver) · 15 kg check-in baggage", sans, 8.5)
    y -= 34
    s.text(left, y, "Fare summary", bold, 12)
    y -= 18
    for ln in (*spec.lines, *(Line(t.label, t.amount) for t in spec.taxes)):
        s.text(left + 10, y, ln.description, sans, 9.5)
        s.text(left + 330, y, inr(ln.amount), sans, 9.5, "right")
        y -= 15
    total_text = money(spec, spec.total, fonts)
    s.hline(left + 10, left + 330, y + 9)
    s.text(left + 10, y - 4, "Total amount", bold, 11)
    s.text(left + 330, y - 4, total_text, bold, 11, "right")
    y -= 40
    s.text(
        left,
        y,
        "Check-in closes 45 minutes before departure. Web check-in is free for all seats.",
        sans,
        8,
        color=colors.HexColor("#555555"),
    )
    return s.finish(), total_text


def _folio_header(s: Sheet, spec: Spec, fonts: Fonts, left: float, right: float) -> float:
    sans, bold = fonts.sans, fonts.bold
    y = s.height - 56
    s.text(s.width / 2, y, spec.vendor, bold, 17, "center")
    y -= 14
    s.text(s.width / 2, y, spec.detail("address"), sans, 8.5, "center")
    y -= 12
    s.text(s.width / 2, y, f"GSTIN {spec.detail('gstin')}", sans, 8, "center")
    y -= 28
    s.text(left, y, "GUEST FOLIO / TAX INVOICE", bold, 12)
    y -= 22
    assert spec.check_in and spec.check_out and spec.nights
    left_col = [
        ("Guest Name", spec.names[0]),
        ("Room No.", spec.detail("room")),
        ("No. of Nights", str(spec.nights)),
    ]
    right_col = [
        ("Folio No.", spec.number),
        ("Arrival", f"{spec.check_in:%d-%b-%Y}"),
        ("Departure", f"{spec.check_out:%d-%b-%Y}"),
    ]
    s.pairs(left, y, left_col, sans, bold, 9.5, 82, 15)
    s.pairs(left + 270, y, right_col, sans, bold, 9.5, 70, 15)
    return y - 15 * 3 - 14


def _folio_charges(s: Sheet, spec: Spec, fonts: Fonts, left: float, right: float, y: float) -> float:
    sans, bold = fonts.sans, fonts.bold
    s.box(left, y - 5, right - left, 18, fill=0.88, stroke=False)
    s.text(left + 6, y, "Description", bold, 9)
    s.text(right - 6, y, "Amount (INR)", bold, 9, "right")
    y -= 20
    for ln in spec.lines:
        s.text(left + 6, y, ln.description, sans, 9.5)
        s.text(right - 6, y, inr(ln.amount), sans, 9.5, "right")
        y -= 15
    for tax in spec.taxes:
        s.text(left + 6, y, f"{tax.label} on Room", sans, 9.5)
        s.text(right - 6, y, inr(tax.amount), sans, 9.5, "right")
        y -= 15
    return y


def render_hotel_folio(spec: Spec, fonts: Fonts) -> Rendered:
    s = Sheet(spec, A4)
    left, right = 50.0, s.width - 50
    y = _folio_header(s, spec, fonts, left, right)
    y = _folio_charges(s, spec, fonts, left, right, y)
    total_text = money(spec, spec.total, fonts)
    s.hline(left, right, y + 9, width=1)
    s.text(right - 200, y - 6, "Total", fonts.bold, 11)
    s.text(right - 6, y - 6, total_text, fonts.bold, 11, "right")
    y -= 50
    s.text(left, y, f"Invoice date: {spec.date_text}", fonts.sans, 9)
    y -= 14
    s.text(left, y, "Guest signature ______________________      Cashier: MNK", fonts.sans, 9)
    return s.finish(), total_text


def render_hotel_folio_2p(spec: Spec, fonts: Fonts) -> Rendered:
    """Two-page folio: charges on page 1, settlement on page 2 (with a zero balance line)."""
    s = Sheet(spec, A4)
    left, right = 50.0, s.width - 50
    y = _folio_header(s, spec, fonts, left, right)
    _folio_charges(s, spec, fonts, left, right, y)
    s.text(s.width / 2, 40, "Page 1 of 2 - continued overleaf", fonts.sans, 8, "center")
    s.new_page()
    y = s.height - 70
    s.text(left, y, f"{spec.vendor} - Folio {spec.number} (continued)", fonts.bold, 11)
    y -= 30
    total_text = money(spec, spec.total, fonts)
    summary = [("Room charges", inr(spec.subtotal)), ("Taxes", inr(spec.tax_total))]
    for label, value in summary:
        s.text(left + 6, y, label, fonts.sans, 10)
        s.text(right - 6, y, value, fonts.sans, 10, "right")
        y -= 16
    s.hline(left, right, y + 10, width=1)
    s.text(left + 6, y - 4, "Total Amount", fonts.bold, 11)
    s.text(right - 6, y - 4, total_text, fonts.bold, 11, "right")
    y -= 26
    s.text(left + 6, y, f"Settled by {spec.detail('card')} on {spec.date_text}", fonts.sans, 10)
    s.text(right - 6, y, f"({inr(spec.total)})", fonts.sans, 10, "right")
    y -= 16
    s.text(left + 6, y, "Balance", fonts.sans, 10)
    s.text(right - 6, y, "0.00", fonts.sans, 10, "right")
    y -= 40
    s.text(left, y, "I agree that my liability for this bill is not waived.", fonts.sans, 8)
    s.text(s.width / 2, 40, "Page 2 of 2", fonts.sans, 8, "center")
    return s.finish(), total_text


def render_hotel_simple(spec: Spec, fonts: Fonts) -> Rendered:
    """Small-town lodge bill: Times, a single line, totals in a ruled box."""
    s = Sheet(spec, A5)
    left, right = 34.0, s.width - 34
    y = s.height - 48
    s.text(s.width / 2, y, spec.vendor.upper(), "Times-Bold", 16, "center")
    y -= 14
    s.text(s.width / 2, y, spec.detail("address"), "Times-Roman", 9, "center")
    y -= 26
    assert spec.check_in and spec.check_out
    y = s.pairs(
        left,
        y,
        [
            ("Bill No:", spec.number),
            ("Date:", spec.date_text),
            ("Guest:", spec.names[0]),
            ("Room No:", spec.detail("room")),
            ("Check-in:", f"{spec.check_in:%d/%m/%Y} 14:00"),
            ("Check-out:", f"{spec.check_out:%d/%m/%Y} 11:00"),
        ],
        "Times-Roman",
        "Times-Bold",
        10,
        70,
        15,
    )
    y -= 10
    rows = [(ln.description, inr(ln.amount)) for ln in spec.lines] + [
        (t.label, inr(t.amount)) for t in spec.taxes
    ]
    for label, value in rows:
        s.text(left, y, label, "Times-Roman", 10)
        s.text(right, y, value, "Times-Roman", 10, "right")
        y -= 15
    total_text = money(spec, spec.total, fonts)
    s.box(left - 4, y - 8, right - left + 8, 20)
    s.text(left, y - 2, "Net Payable", "Times-Bold", 11)
    s.text(right, y - 2, total_text, "Times-Bold", 11, "right")
    return s.finish(), total_text


EU_LABELS = {
    "nl": {
        "title": "KASSABON",
        "number": "Bonnummer",
        "date": "Datum",
        "subtotal": "Subtotaal excl. BTW",
        "total": "Totaal",
        "thanks": "Bedankt en tot ziens!",
        "paid": "Betaald met PIN",
    },
    "fr": {
        "title": "REÇU DE TAXI",
        "number": "N° de reçu",
        "date": "Date",
        "subtotal": "Montant HT",
        "total": "Total TTC",
        "thanks": "Merci et bonne journée",
        "paid": "Payé par carte bancaire",
    },
}


def render_eu_receipt(spec: Spec, fonts: Fonts, lang: str) -> Rendered:
    labels = EU_LABELS[lang]
    s = Sheet(spec, (100 * mm, 140 * mm))
    left, right = 16.0, s.width - 16
    y = s.height - 34
    s.text(s.width / 2, y, spec.vendor, "Helvetica-Bold", 14, "center")
    y -= 13
    s.text(s.width / 2, y, spec.detail("address"), "Helvetica", 7.5, "center")
    y -= 22
    s.text(left, y, labels["title"], "Helvetica-Bold", 9)
    y -= 14
    s.text(left, y, f"{labels['number']}: {spec.number}", "Helvetica", 8)
    y -= 12
    s.text(left, y, f"{labels['date']}: {spec.date_text} {spec.detail('time')}".rstrip(), "Helvetica", 8)
    y -= 18
    for ln in spec.lines:
        s.text(left, y, ln.description, "Helvetica", 8.5)
        s.text(right, y, eur(ln.amount), "Helvetica", 8.5, "right")
        y -= 12
    s.hline(left, right, y + 7, gray=0.4)
    y -= 4
    s.text(left, y, labels["subtotal"], "Helvetica", 8.5)
    s.text(right, y, eur(spec.subtotal), "Helvetica", 8.5, "right")
    y -= 12
    for tax in spec.taxes:
        s.text(left, y, tax.label, "Helvetica", 8.5)
        s.text(right, y, eur(tax.amount), "Helvetica", 8.5, "right")
        y -= 12
    y -= 6
    total_text = money(spec, spec.total, fonts)
    s.text(left, y, labels["total"], "Helvetica-Bold", 11)
    s.text(right, y, total_text, "Helvetica-Bold", 11, "right")
    y -= 22
    s.text(left, y, labels["paid"], "Helvetica", 8)
    y -= 20
    s.text(s.width / 2, y, labels["thanks"], "Helvetica-Oblique", 8, "center")
    return s.finish(), total_text


def render_hotel_de(spec: Spec, fonts: Fonts) -> Rendered:
    """German hotel invoice (Rechnung) in EUR."""
    s = Sheet(spec, A4)
    left, right = 60.0, s.width - 60
    y = s.height - 60
    s.text(right, y, spec.vendor, "Helvetica-Bold", 16, "right")
    s.text(right, y - 14, spec.detail("address"), "Helvetica", 8.5, "right")
    y -= 70
    assert spec.check_in and spec.check_out
    s.text(left, y, "Frau", "Helvetica", 10)
    s.text(left, y - 13, spec.names[0], "Helvetica", 10)
    s.text(left, y - 26, "Bengaluru, Indien", "Helvetica", 10)
    y -= 60
    s.text(left, y, f"Rechnung Nr. {spec.number}", "Helvetica-Bold", 13)
    y -= 20
    y = s.pairs(
        left,
        y,
        [
            ("Rechnungsdatum:", spec.date_text),
            ("Zimmer:", spec.detail("room")),
            ("Anreise:", f"{spec.check_in:%d.%m.%Y}"),
            ("Abreise:", f"{spec.check_out:%d.%m.%Y}"),
            ("Nächte:", str(spec.nights)),
        ],
        "Helvetica",
        "Helvetica-Bold",
        9.5,
        100,
        14,
    )
    y -= 16
    s.text(left, y, "Leistung", "Helvetica-Bold", 9.5)
    s.text(right, y, "Betrag (EUR)", "Helvetica-Bold", 9.5, "right")
    y -= 6
    s.hline(left, right, y)
    y -= 14
    for ln in spec.lines:
        s.text(left, y, ln.description, "Helvetica", 9.5)
        s.text(right, y, eur(ln.amount), "Helvetica", 9.5, "right")
        y -= 14
    s.hline(left, right, y + 6)
    y -= 8
    s.text(right - 180, y, "Nettobetrag", "Helvetica", 9.5)
    s.text(right, y, eur(spec.subtotal), "Helvetica", 9.5, "right")
    y -= 14
    for tax in spec.taxes:
        s.text(right - 180, y, tax.label, "Helvetica", 9.5)
        s.text(right, y, eur(tax.amount), "Helvetica", 9.5, "right")
        y -= 14
    total_text = money(spec, spec.total, fonts)
    s.text(right - 180, y - 4, "Gesamtbetrag", "Helvetica-Bold", 11)
    s.text(right, y - 4, total_text, "Helvetica-Bold", 11, "right")
    y -= 40
    s.text(
        left,
        y,
        "Der Betrag wurde per Kreditkarte beglichen. Vielen Dank für Ihren Aufenthalt!",
        "Helvetica",
        9,
    )
    s.text(
        s.width / 2,
        40,
        "Hotel Am Spreebogen GmbH · Amtsgericht Charlottenburg HRB 4471 · USt-IdNr. DE811234567",
        "Helvetica",
        7,
        "center",
    )
    return s.finish(), total_text


def render_membership(spec: Spec, fonts: Fonts) -> Rendered:
    """Subscription invoice: a single service line with its billing period."""
    s = Sheet(spec, A4)
    sans, bold = fonts.sans, fonts.bold
    left, right = 56.0, s.width - 56
    y = s.height - 64
    s.text(left, y, "cult.fit", bold, 26, color=colors.HexColor("#e6235a"))
    s.text(right, y + 6, "INVOICE", bold, 16, "right")
    s.text(right, y - 10, spec.vendor, sans, 8.5, "right")
    s.text(right, y - 22, f"GSTIN {spec.detail('gstin')}", sans, 8.5, "right")
    y -= 60
    y = s.pairs(
        left,
        y,
        [
            ("Invoice number", spec.number),
            ("Invoice date", spec.date_text),
            ("Member", spec.names[0]),
            ("Billing period", spec.detail("period")),
        ],
        sans,
        bold,
        10,
        110,
        16,
    )
    y -= 20
    s.hline(left, right, y + 12)
    for ln in spec.lines:
        s.text(left, y, ln.description, sans, 10)
        s.text(right, y, inr(ln.amount), sans, 10, "right")
        y -= 16
    for tax in spec.taxes:
        s.text(left, y, tax.label, sans, 10)
        s.text(right, y, inr(tax.amount), sans, 10, "right")
        y -= 16
    s.hline(left, right, y + 10)
    total_text = money(spec, spec.total, fonts)
    s.text(left, y - 6, "Amount paid", bold, 12)
    s.text(right, y - 6, total_text, bold, 12, "right")
    y -= 40
    s.text(left, y, "Your membership renews automatically on 01 Jan 2025 unless cancelled.", sans, 8.5)
    return s.finish(), total_text


def render_image_only(spec: Spec, fonts: Fonts) -> Rendered:
    """What a phone scan looks like to a text reader: shapes only, no text operators."""
    s = Sheet(spec, (90 * mm, 150 * mm))
    c = s.c
    c.setFillGray(0.35)
    c.rect(0, 0, s.width, s.height, fill=1, stroke=0)
    c.saveState()
    c.translate(s.width / 2, s.height / 2)
    c.rotate(2.5)
    c.setFillGray(0.97)
    c.rect(-110, -180, 220, 360, fill=1, stroke=0)
    c.setFillGray(0.25)
    widths = (150, 120, 90, 170, 60, 170, 140, 165, 100, 170, 80, 130, 175, 95)
    for i, w in enumerate(widths):
        c.rect(-95, 150 - i * 22, w, 7, fill=1, stroke=0)
    c.restoreState()
    return s.finish(), ""


def _layout(name: str) -> Callable[[Spec, Fonts], Rendered]:
    table: dict[str, Callable[[Spec, Fonts], Rendered]] = {
        "thermal": render_thermal,
        "gst_invoice": render_gst_invoice,
        "cafe": render_cafe,
        "ride_modern": render_ride_modern,
        "ride_value_first": render_ride_value_first,
        "char_by_char": render_char_by_char,
        "ride_compact": render_ride_compact,
        "taxi_slip": render_taxi_slip,
        "train_ers": render_train_ers,
        "bus_ticket": render_bus_ticket,
        "flight_eticket": render_flight_eticket,
        "hotel_folio": render_hotel_folio,
        "hotel_folio_2p": render_hotel_folio_2p,
        "hotel_simple": render_hotel_simple,
        "hotel_de": render_hotel_de,
        "eu_receipt_nl": lambda spec, fonts: render_eu_receipt(spec, fonts, "nl"),
        "eu_receipt_fr": lambda spec, fonts: render_eu_receipt(spec, fonts, "fr"),
        "membership": render_membership,
        "image_only": render_image_only,
    }
    return table[name]


def render(spec: Spec, fonts: Fonts) -> Rendered:
    if spec.layout == "truncated":
        # A real fuel bill, cut off at 60% as an interrupted download leaves it.
        source = replace(
            spec,
            layout="thermal",
            vendor="Indian Oil - COCO Outlet",
            number="IOC-771",
            date_text="15/12/2024",
            lines=lines(("Petrol 22.5 L", "2373.30")),
        )
        data, _ = render_thermal(source, STANDARD_FONTS)  # no system font: a cut file stays reproducible
        return data[: len(data) * 6 // 10], ""
    if spec.layout == "encrypted":
        source = replace(
            spec,
            vendor="Lenskart Solutions Pvt Ltd",
            number="LK-99120",
            date_text="15 Dec 2024",
            lines=lines(("Spectacle frame and lenses", "3999")),
            details=(("address", "Koramangala, Bengaluru"), ("gstin", "29AACCL5512F1ZQ")),
        )
        return render_gst_invoice(
            source, fonts, StandardEncryption("rani2024", "finance-owner", strength=128)
        )
    if spec.duplicate_of:
        raise ValueError("duplicates are copied, not rendered")
    return _layout(spec.layout)(spec, fonts)


# ---------------------------------------------------------------------------------------------
# The policy


POLICY_SECTIONS: list[tuple[str, list[str]]] = [
    (
        "1. Purpose",
        [
            "This policy explains how Northwind Analytics Private Limited (\u201cthe Company\u201d) reimburses "
            "employees for reasonable business expenses incurred while travelling or working away from their "
            "base location. It aims to treat employees fairly, to keep spending prudent and transparent, and to "
            "meet the Company's obligations under Indian tax law, including the correct recording of GST.",
        ],
    ),
    (
        "2. Scope",
        [
            "The policy applies to all permanent and fixed-term employees of the Company in India. Consultants "
            "and interns are covered only where their contract expressly says so. Expenses of a kind that is not "
            "listed in Section 4 are outside the scope of this policy and are not reimbursed.",
        ],
    ),
    (
        "3. General principles",
        [
            "3.1 Employees are expected to spend the Company's money as carefully as they would spend their own, "
            "and to choose the most economical option that meets the business need.",
            "3.2 Every claim must be supported by an itemised invoice or receipt that shows the vendor, the "
            "date, the amounts charged and the taxes. Card slips and payment screenshots without itemisation are "
            "not sufficient on their own.",
            "3.3 The reporting manager reviews each claim before it reaches Finance. Claims that exceed "
            "INR 25,000 in total additionally need the written approval of the department head.",
        ],
    ),
    (
        "4. Reimbursable expenses and limits",
        [
            "All limits below are stated in Indian Rupees (INR) and include taxes and service charges. Where an "
            "invoice exceeds a limit, the employee is reimbursed up to the limit and bears the difference.",
            "4.1 Meals. Meals taken while travelling on Company business, including working lunches and dinners "
            "with clients, are reimbursed up to INR 1,500 per meal.",
            "4.2 Travel by bus or train. Intercity travel by bus or train is reimbursed up to INR 2,000 per trip. "
            "Employees should book sleeper or AC three-tier class for overnight train journeys.",
            "4.3 Flights. Domestic air travel in economy class is reimbursed up to INR 12,000 per trip. Tickets "
            "should be booked at least seven days before departure wherever the business need allows.",
            "4.4 Hotel accommodation. Hotel stays are reimbursed up to INR 4,000 per night. The number of nights "
            "is taken from the check-in and check-out dates on the hotel folio.",
            "4.5 Local conveyance. Local travel by cab, taxi or auto-rickshaw, including app-based rides such as "
            "Uber, Ola and Rapido, is reimbursed up to INR 600 per ride.",
        ],
    ),
    (
        "5. Exclusions",
        [
            "5.1 Alcoholic beverages of any kind, including beer, wine, whisky and other spirits, and cocktails, "
            "will not be reimbursed. Where a bill includes alcohol, the alcoholic items and their share of the "
            "taxes are deducted, and the rest of the bill is assessed against the meal limit.",
            "5.2 Traffic fines, parking penalties and personal entertainment such as films, spa treatments or "
            "in-room movies are not reimbursable.",
        ],
    ),
    (
        "6. Submission of claims",
        [
            "Claims must be submitted within 30 days of the invoice date. Claims received after this period are "
            "not eligible for reimbursement. Employees should submit all invoices for a trip together, as a "
            "single claim, once the trip is over.",
        ],
    ),
    (
        "7. Expenses in foreign currency",
        [
            "Expenses incurred abroad are converted into INR by Finance at the reference rate published by the "
            "Reserve Bank of India on the invoice date, and the limits in Section 4 are then applied to the "
            "converted amount.",
        ],
    ),
    (
        "8. Payment, records and review",
        [
            "Approved claims are paid with the next monthly payroll. Finance keeps invoices and claim records for "
            "eight years, as required by law. Questions about this policy should be addressed to the Finance "
            "Operations team at expenses@northwind.example. The Chief Financial Officer reviews this policy every "
            "year and may amend it at any time; the version in force on the invoice date applies.",
        ],
    ),
]


def render_policy() -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        invariant=True,
        leftMargin=62,
        rightMargin=62,
        topMargin=70,
        bottomMargin=60,
        title="Travel and Expense Reimbursement Policy",
        author="Northwind Analytics Pvt. Ltd.",
        creator="docs/examples/generate.py",
    )
    title = ParagraphStyle("title", fontName="Times-Bold", fontSize=17, leading=21, alignment=TA_CENTER)
    sub = ParagraphStyle(
        "sub",
        fontName="Times-Roman",
        fontSize=10,
        leading=13,
        alignment=TA_CENTER,
        textColor=colors.HexColor("#444444"),
    )
    head = ParagraphStyle(
        "head", fontName="Times-Bold", fontSize=12.5, leading=16, spaceBefore=12, spaceAfter=4, keepWithNext=1
    )
    body = ParagraphStyle(
        "body", fontName="Times-Roman", fontSize=11.5, leading=15.5, alignment=TA_JUSTIFY, spaceAfter=6
    )
    story = [
        Paragraph("Northwind Analytics Pvt. Ltd.", title),
        Paragraph("Travel and Expense Reimbursement Policy", title),
        Spacer(1, 4),
        Paragraph(
            "Document HR-FIN-07 &middot; Version 3.2 &middot; Effective 1 April 2024 &middot; "
            "Owner: Finance Operations",
            sub,
        ),
        Spacer(1, 14),
    ]
    for heading, paragraphs in POLICY_SECTIONS:
        story.append(Paragraph(heading, head))
        story.extend(Paragraph(p, body) for p in paragraphs)

    def footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Times-Italic", 8.5)
        canvas.drawString(62, 32, "Northwind Analytics - Internal - HR-FIN-07 v3.2")
        canvas.drawRightString(A4[0] - 62, 32, f"Page {document.page} of 2")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    data = buf.getvalue()
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    if pages != 2:
        raise SystemExit(f"policy should be 2 pages, got {pages}")
    return data


def policy_truth() -> dict[str, object]:
    return {
        "file": "policy.pdf",
        "currency": POLICY_CURRENCY,
        "caps": [
            {"category": c, "amount": str(a), "currency": POLICY_CURRENCY, "unit": u, "section": sec}
            for c, (a, u, sec) in CAPS.items()
        ],
        "exclusions": [
            {
                "name": "alcohol",
                "section": "5.1",
                "keywords": ["alcohol", "beer", "wine", "whisky", "spirits", "cocktail"],
            }
        ],
        "deadline_days": DEADLINE_DAYS,
        "noise": [
            "INR 25,000 approval threshold (3.3) is not a cap",
            "seven days before departure (4.3) is not a deadline",
            "eight years (8) is record keeping",
        ],
    }


# ---------------------------------------------------------------------------------------------
# Output


def build(out: Path, fonts: Fonts) -> list[str]:
    """Write everything into `out`; return the names of files whose bytes depend on system fonts."""
    inv_dir = out / "invoices"
    inv_dir.mkdir(parents=True, exist_ok=True)
    (out / "policy.pdf").write_bytes(render_policy())
    specs = invoice_table()
    by_name: dict[str, bytes] = {}
    truths: list[dict[str, object]] = []
    font_dependent: list[str] = []
    for spec in specs:
        truth = expected_verdict(spec)
        if spec.duplicate_of:
            data = by_name[spec.duplicate_of]
            truth["total_text"] = next(t for t in truths if t["filename"] == spec.duplicate_of)["total_text"]
        else:
            data, total_text = render(spec, fonts)
            if not spec.error:
                truth["total_text"] = total_text
        if FONT_MARKER in data:
            font_dependent.append(f"invoices/{spec.filename}")
        by_name[spec.filename] = data
        (inv_dir / spec.filename).write_bytes(data)
        truths.append(truth)

    zip_entries = [(spec.filename, by_name[spec.filename]) for spec in specs]
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(14)
    extras = [
        (f"__MACOSX/._{specs[0].filename}", apple_double),
        (
            "notes.txt",
            b"December claims for Rani Sharma. Hotel folios attached; the fuel bill is a phone scan.\n",
        ),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in [*zip_entries, *extras]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    (out / "invoices.zip").write_bytes(buf.getvalue())

    expected = {
        "about": "Ground truth written by docs/examples/generate.py from its own invoice table and the policy "
        "text; never produced by running the service. Amounts are decimal strings. 'flags' lists "
        "the review flags the verdict must raise; 'error' marks files that must become "
        "processing_errors.",
        "employee_name": EMPLOYEE,
        "submitted_on": SUBMITTED_ON.isoformat(),
        "policy": policy_truth(),
        "archive": {
            "file": "invoices.zip",
            "invoices": [name for name, _ in zip_entries],
            "skipped": [name for name, _ in extras],
        },
        "invoices": truths,
    }
    text = json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    (out / "expected.json").write_text(text, encoding="utf-8")
    return font_dependent


def committed_files(root: Path) -> list[str]:
    names = ["policy.pdf", "invoices.zip", "expected.json"]
    names += [f"invoices/{p.name}" for p in sorted((root / "invoices").glob("*.pdf"))]
    return names


def check(fonts: Fonts) -> int:
    """Regenerate into a temp dir and compare byte for byte with the committed files."""
    skip: set[str] = set()
    if not fonts.pinned:
        # Files embedding DejaVu can only be reproduced with the very same font files.
        skip = {
            n for n in committed_files(HERE) if n.endswith(".pdf") and FONT_MARKER in (HERE / n).read_bytes()
        }
        if skip:
            skip |= {"invoices.zip", "expected.json"}
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        build(fresh, fonts)
        names = sorted(set(committed_files(HERE)) | set(committed_files(fresh)))
        for name in names:
            if name in skip:
                continue
            ours, theirs = HERE / name, fresh / name
            if not ours.exists():
                problems.append(f"{name}: missing from docs/examples")
            elif not theirs.exists():
                problems.append(f"{name}: no longer generated")
            elif not filecmp.cmp(ours, theirs, shallow=False):
                problems.append(f"{name}: differs from a fresh build")
    if skip:
        print(f"note: {len(skip)} files not compared: this machine lacks the pinned DejaVu fonts")
    if problems:
        print("docs/examples is out of date; run: python docs/examples/generate.py", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"docs/examples is up to date ({len(names) - len(skip)} files compared)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output directory (default: docs/examples)")
    parser.add_argument("--check", action="store_true", help="fail if the committed files are out of date")
    args = parser.parse_args(argv)
    fonts = load_fonts()
    if args.check:
        return check(fonts)
    build(args.out, fonts)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
