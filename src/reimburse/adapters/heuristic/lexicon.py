"""The shared multilingual lexicon: expense kinds and excluded-item kinds, with the words that name them.

`aliases` are the words a policy uses to name a kind ("accommodation", "local conveyance"); they are
unique across kinds so a policy category can be linked back to the kinds it covers. `keywords` are
the words that identify the kind on an invoice, with a weight for how telling each one is
("IRCTC" is proof of a train ticket, "seat" is a hint). Keywords are matched at the start of a word,
so every one here must be safe as a prefix ("gin" would hit "ginger", "rum" "rumali roti").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.domain.verdict.policy import CapUnit


@dataclass(frozen=True)
class ExpenseKind:
    name: str
    aliases: tuple[str, ...]
    keywords: tuple[tuple[str, float], ...]
    unit: CapUnit = CapUnit.INVOICE
    parent: str | None = None

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([self.name, *self.aliases, *(k for k, _ in self.keywords)]))


@dataclass(frozen=True)
class ExcludedKind:
    name: str
    triggers: tuple[str, ...]  # how a policy names it
    keywords: tuple[str, ...]  # how an invoice line names it


def _w(spec: str) -> tuple[str, ...]:
    """'cab, taxi, local conveyance' -> ("cab", "taxi", "local conveyance")."""
    return tuple(dict.fromkeys(w.strip() for w in spec.split(",") if w.strip()))


def _kw(spec: str) -> tuple[tuple[str, float], ...]:
    """'restaurant:3, food:2' -> (("restaurant", 3.0), ("food", 2.0))."""
    pairs = (w.rpartition(":") for w in _w(spec))
    return tuple((word.strip(), float(weight)) for word, _, weight in pairs)


TRAVEL = "travel"

KINDS: tuple[ExpenseKind, ...] = (
    ExpenseKind(
        "meals",
        _w(
            "meal, meals, food, dining, restaurant, restaurants, food and beverage, f&b, refreshment, "
            "refreshments, m&ie, lunch, dinner, breakfast, per diem, subsistence, business meals, repas, "
            "maaltijden, maaltijd, mahlzeit, mahlzeiten, verpflegung, comidas, pasto, pasti, vitto, manutención, restauration, "
            # A daily meal allowance and the meal names, as the other languages print them.
            "tagegeld, tagegelder, dieta, dietas, diária, diárias, ajuda de custo, ajudas de custo, "
            "diaria, diarie, ontbijt, avondmaaltijd, avondeten, desayuno, almuerzo, refeição, refeições, "
            # German compounds for the meal allowance by hours away (one word, so named whole).
            "verpflegungskosten, verpflegungspauschale, verpflegungspauschalen, verpflegungsmehraufwand, "
            # The daily allowance's own word in Austria and Switzerland, Scandinavia, and Spanish's
            # "alimentación" (board) beside "hospedaje" (lodging).
            "tagesgebühr, tagesgebühren, taggeld, tagesspesen, traktamente, diett, døgndiett, "
            # India's and Pakistan's TA/DA rules: D.A. is the daily allowance (travel's TA beside it).
            "daily allowance, daily allowances, d.a, "
            "kostgodtgjørelse, alimentación, forplejning, måltid, måltider, "
            # Irish and UK public-sector subsistence schedules name the per diem by its period
            # ("Overnight Rate", "Day Time Rate - Over 10 Hours"; the civil service and MTU tables).
            "overnight rate, overnight rates, day rate, day rates, day time rate, day time rates, "
            # The meals of the day: a limit on one of them is a meals limit in any of these languages.
            "petit-déjeuner, petit déjeuner, déjeuner, dîner, comida, cena, colazione, prima colazione, "
            "pranzo, frühstück, mittagessen, abendessen, middageten, pequeno-almoço, pequeno almoço, "
            "almoço, jantar, diner, "
            # Québec, Belgian and Swiss French: the evening meal ("déjeuner, dîner, souper").
            "souper"
        ),
        _kw(
            "restaurant:3, restaurante:3, ristorante:3, restaurang:3, food:2, dinner:2, lunch:2, "
            "breakfast:1, café:2, cafe:2, bistro:3, brasserie:3, trattoria:3, pizzeria:3, eetcafé:3, "
            "gaststätte:3, dining:2, dine:2, meal:2, cuisine:2, eatery:3, dhaba:3, canteen:2, bakery:2, "
            "kitchen:1, swiggy:3, zomato:3, table no:2, table:1.5, covers:2, pax:1, steward:1.5, "
            "waiter:1.5, kot:2, take away:2, dine-in:2, menu:1, starter:1.5, dessert:1.5, "
            "soup:1, salad:1, biryani:2, thali:2, dosa:2, idli:2, vada:1.5, naan:2, roti:1.5, paneer:2, "
            "curry:1.5, masala:1, tandoor:2, kebab:2, tikka:2, chicken:1, mutton:1.5, noodles:1.5, fried "
            "rice:1.5, pizza:2, pasta:2, burger:2, sandwich:1.5, fries:1, coffee:1, cappuccino:1.5, "
            "latte:1.5, tea:0.5, juice:1, lassi:1.5, mocktail:1.5, speisen:2, getränke:1, hauptgericht:2, "
            "vorspeise:2, plat:1, entrée:1, boisson:1, koffie:1, hoofdgerecht:2, voorgerecht:2, bebida:1, "
            "comida:2, cena:1.5, pranzo:2, beer:1, wine:1, bar:2, pub:2, lounge:1.5, brewpub:3, "
            "brewery:2, grill:2, tavern:3, diner:3, steakhouse:3, sushi:2, taqueria:3, food court:3, "
            "nachos:1.5, wings:1, snacks:1.5, beverages:1, service charge:1, muffin:1, croissant:1.5, "
            "bagel:1.5, espresso:1.5, americano:1.5, mocha:1, donut:1.5, pastry:1.5, cake:1, cookie:1, "
            "starbucks:3, dunkin:3, mcdonald:3, kfc:3, domino:3, pizza hut:3, burger king:3, subway:1, "
            "chips:1, fish:1, steak:1.5, lemonade:1, soda:0.5, pint:1, lager:1, server:1.5, guests:1, "
            "party of:2, chk:1, sweet:0.5, veg:0.5, non-veg:1, starters:1.5, mains:1.5, buffet:2"
        ),
        CapUnit.MEAL,
    ),
    ExpenseKind(
        "hotel",
        _w(
            "hotel, hotels, accommodation, accommodations, accomodation, accomodations, lodging, lodge, stay, "
            "stays, hotel stay, hotel "
            "stays, guest house, boarding and lodging, bed and breakfast, bed & breakfast, b&b, hébergement, hôtel, nuitée, "
            "nuitées, logement, "
            "unterkunft, übernachtung, übernachtungen, übernachtungskosten, accommodatie, overnachting, "
            "hotelovernatning, hotelovernatninger, overnatning, "
            "alojamiento, alloggio, albergo, alberghi, hoteles, logies, pernottamento, pernottamenti, "
            "hospedaje, hospedagem, alojamento, "
            # French administrative wording for a hotel ("Coucher dans un établissement hôtelier").
            "établissement hôtelier"
        ),
        _kw(
            "hotel:2, hôtel:2, check in:2, check out:3, "
            "arrival:0.5, departure:0.5, folio:3, room no:3, room number:3, room:2, room charges:3, room "
            "tariff:3, room rent:3, nights:2, night:1, guest:1, lodging:3, lodge:2, accommodation:3, "
            "resort:3, suites:2, housekeeping:2, stay:1, inn:1.5, oyo:3, airbnb:3, marriott:3, hyatt:3, "
            "hilton:3, radisson:3, ibis:3, novotel:3, holiday inn:3, taj:2, zimmer:3, übernachtung:3, "
            "anreise:2, abreise:2, chambre:3, nuitée:3, nuit:1.5, séjour:2, arrivée:1.5, kamer:2, "
            "overnachting:3, aankomst:1.5, vertrek:1, habitación:3, alojamiento:3, albergo:3, camera:0.5, "
            "pernottamento:3"
        ),
        CapUnit.NIGHT,
    ),
    ExpenseKind(
        "cab",
        _w(
            "cab, cabs, taxi, taxis, local conveyance, conveyance, local travel, ride-hailing, ride "
            "hailing, rideshare, ride, rides, uber, ola, auto rickshaw, auto-rickshaw, rickshaw, "
            "rickshaws, chauffeur, vtc, taxis, taxi's"
        ),
        _kw(
            "cab:3, taxi:3, uber:4, ola:3, lyft:4, rapido:4, bolt:2, blusmart:4, meru:3, careem:4, "
            "grab:2, auto:1, rickshaw:3, autorickshaw:3, ride:2, ride id:3, trip id:2, trip fare:3, ride "
            "fare:3, driver:1.5, pick up:2, drop:1, drop-off:2, pickup location:2, "
            "base fare:1, distance:1, km:1, per km:2, waiting charges:2, chauffeur:2, fahrt:2, "
            "fahrer:1.5, course:0.5, chauffeur vtc:3, rit:1, taxirit:3"
        ),
        CapUnit.RIDE,
        TRAVEL,
    ),
    ExpenseKind(
        "bus",
        _w("bus, buses, coach, coaches, bus ticket, bus tickets, bus travel"),
        _kw(
            "bus:3, redbus:4, bus operator:3, boarding point:2, dropping point:2, volvo:2, coach:1.5, "
            "sleeper:0.5, ksrtc:4, msrtc:4, apsrtc:4, tsrtc:4, gsrtc:4, upsrtc:4, rsrtc:4, hrtc:4, "
            "flixbus:4, travels:1.5, seat no:0.5, fernbus:4, autocar:2, autobús:3"
        ),
        CapUnit.TRIP,
        TRAVEL,
    ),
    ExpenseKind(
        "train",
        _w(
            "train, trains, rail, railway, railways, rail travel, train ticket, train tickets, zug, bahn, "
            "trein, treno, tren"
        ),
        _kw(
            "train:3, rail:2.5, railway:3, irctc:5, pnr:1.5, berth:2, quota:1, tatkal:3, train no:4, "
            "train number:4, sleeper class:3, chair car:3, 3ac:3, 2ac:3, station:1, platform:1.5, bahn:4, "
            "deutsche bahn:5, sncf:5, eurostar:5, amtrak:5, trenitalia:5, renfe:5, thalys:5, ns "
            "international:5, zug:3, gare:1.5, trein:3, treno:3, tren:3, coach:0.5"
        ),
        CapUnit.TRIP,
        TRAVEL,
    ),
    ExpenseKind(
        "flight",
        _w(
            "flight, flights, air travel, airfare, airfares, air fare, air ticket, air tickets, airline, "
            "airlines, flug, flüge, vlucht, vluchten, vol, vols, vuelo, vuelos, volo"
        ),
        _kw(
            "flight:3, airline:3, itinerary:2, aviation:3, user development fee:4, web check in:3, departure terminal:3, boarding pass:4, airport:2, pnr:1.5, indigo:4, air india:4, vistara:4, "
            "spicejet:4, akasa:4, go first:3, air asia:4, emirates:4, lufthansa:4, klm:4, air "
            "france:4, ryanair:4, easyjet:4, british airways:4, qatar airways:4, etihad:4, singapore "
            "airlines:4, united airlines:4, delta air:4, baggage:2, cabin:1, terminal:1.5, gate:1, "
            "aircraft:2, sector:1, iata:2, flug:3, flughafen:2, vlucht:3, luchthaven:2, aéroport:2, "
            "vuelo:3, aeropuerto:2, volo:3"
        ),
        CapUnit.TRIP,
        TRAVEL,
    ),
    ExpenseKind(
        TRAVEL,
        _w(
            "travel, transport, transportation, travel tickets, tickets, ticket, fares, travel expenses, "
            "reise, reisekosten, reizen, reiskosten, déplacement, déplacements, transporte, viaggio"
        ),
        _kw(
            "ticket:1, e-ticket:1, journey:1.5, date of journey:2, passenger:1, fare:1, travel:1, "
            "boarding:1, departure:0.5, arrival:0.5, seat:0.5"
        ),
        CapUnit.TRIP,
    ),
    ExpenseKind(
        "car rental",
        _w(
            "car rental, car rentals, rental car, rental cars, car hire, vehicle rental, mietwagen, "
            "location de voiture, alquiler de coche, autonoleggio, huurauto"
        ),
        _kw(
            "car rental:4, rental agreement:3, hertz:4, avis:4, sixt:4, europcar:4, enterprise rent:4, "
            "zoomcar:4, rental:1.5, mietwagen:4, location de voiture:4, autohuur:4"
        ),
        CapUnit.DAY,
        TRAVEL,
    ),
    ExpenseKind(
        "fuel",
        _w("fuel, petrol, diesel, gasoline, cng, kraftstoff, brandstof, carburant"),
        _kw(
            "fuel:3, petrol:3, diesel:3, gasoline:3, petroleum:2, filling station:3, petrol pump:4, fuel "
            "station:3, gas station:3, litre:2, liter:2, ltr:2, hpcl:4, bpcl:4, indian oil:4, iocl:4, "
            "bharat petroleum:4, hindustan petroleum:4, shell:2, nozzle:3, pump:1, cng:2, tankstelle:4, "
            "benzine:3, benzin:3, essence:1.5, gasolina:3, carburant:3, kraftstoff:3, unleaded:3, "
            "octane:2, density:1.5, vehicle no:1"
        ),
        CapUnit.MONTH,
    ),
    ExpenseKind(
        "internet",
        _w("internet, broadband, wifi, wi-fi, data card, internet connection"),
        _kw(
            "internet:3, broadband:4, wi fi:2, fiber:2, fibre:2, jiofiber:4, airtel xstream:4, "
            "act fibernet:4, hathway:4, bandwidth:2, mbps:3, data usage:2"
        ),
        CapUnit.MONTH,
    ),
    ExpenseKind(
        "phone",
        _w("phone, mobile, telephone, mobile phone, cell phone, telecom, phone bill, mobile bill"),
        _kw(
            "mobile:2, phone:1.5, telephone:2, postpaid:3, prepaid:2, recharge:2, airtel:2, jio:2, "
            "vodafone:3, bsnl:3, talktime:3, roaming:2, call charges:3, sms:1.5, verizon:3, t-mobile:3"
        ),
        CapUnit.MONTH,
    ),
    ExpenseKind(
        "parking",
        _w("parking, car park, parken, parkeren, stationnement, aparcamiento"),
        _kw(
            "parking:3, car park:3, parkhaus:4, parkeren:3, parkeergarage:4, stationnement:3, "
            "aparcamiento:3, valet:2"
        ),
        CapUnit.INVOICE,
        TRAVEL,
    ),
    ExpenseKind(
        "toll",
        _w("toll, tolls, toll charges, fastag, maut, péage, peaje"),
        _kw("toll:3, fastag:4, toll plaza:4, maut:3, péage:3, peaje:3"),
        CapUnit.TRIP,
        TRAVEL,
    ),
    ExpenseKind(
        "office supplies",
        _w("office supplies, stationery, office equipment, büromaterial, fournitures de bureau"),
        _kw(
            "stationery:3, stationary:2, notebook:1.5, printer:2, paper:1, toner:3, cartridge:3, office "
            "supplies:4, büromaterial:4, kantoorartikelen:4"
        ),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "training",
        _w(
            "training, conference, conferences, seminar, seminars, workshop, workshops, certification, "
            "certifications, courses, professional development"
        ),
        _kw(
            "registration:2, conference:3, seminar:3, workshop:3, training:3, certification:3, course:2, "
            "tuition:2, exam fee:3, delegate:2, schulung:3, formation:2, cursus:2"
        ),
        CapUnit.INVOICE,
    ),
    # Kinds policies often leave out: recognised so they are declined as "not covered", not "unknown".
    ExpenseKind(
        "electronics",
        _w("electronics, electronic devices, computer equipment, gadgets, hardware"),
        _kw(
            "laptop:4, notebook computer:4, macbook:4, smartphone:3, tablet:2, ipad:4, headphones:3, "
            "earphones:3, monitor:2, keyboard:2, mouse:1, charger:2, ssd:3, hard disk:3, croma:4, "
            "reliance digital:4, vijay sales:4, best buy:4, mediamarkt:4, saturn:2, fnac:3, imei:4, "
            "serial no:2, warranty:2, extended warranty:3"
        ),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "fitness",
        _w("gym, fitness, gym membership, health club, wellness"),
        _kw(
            "gym:4, fitness:3, membership:2, cult.fit:4, cultfit:4, workout:3, yoga:2, "
            "personal trainer:4, health club:4, fitnessstudio:4, salle de sport:4, sportschool:4"
        ),
        CapUnit.MONTH,
    ),
    ExpenseKind(
        "medical",
        _w("medical, medicines, pharmacy, health, doctor"),
        _kw(
            "pharmacy:4, chemist:3, medicines:3, tablets:1.5, prescription:3, consultation fee:3, "
            "clinic:3, hospital:3, apotheke:4, pharmacie:4, apotheek:4, diagnostic:3, pathology:3"
        ),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "entertainment",
        _w("entertainment, business entertaining, entertaining, movies, leisure, recreation"),
        _kw(
            "movie:3, cinema:3, pvr:3, inox:3, bookmyshow:4, concert:3, amusement:3, theme park:4, "
            "netflix:4, spotify:4, streaming:2, kino:3"
        ),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "groceries",
        _w("groceries, grocery, supermarket, household"),
        _kw(
            "supermarket:4, grocery:4, groceries:4, bigbasket:4, dmart:4, blinkit:4, zepto:3, "
            "vegetables:2, detergent:3, supermarkt:4, albert heijn:4, carrefour:3, lidl:3, aldi:3"
        ),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "clothing",
        _w("clothing, apparel, garments"),
        _kw(
            "apparel:4, garments:3, shirt:2, trousers:2, jeans:3, shoes:2, footwear:3, myntra:4, "
            "zara:3, h&m:3, lifestyle stores:3, kleidung:4, vêtements:4"
        ),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "courier",
        _w("courier, postage, shipping"),
        _kw("courier:3, postage:3, shipping:2, dhl:3, fedex:4, blue dart:4, speed post:4, ups:1"),
        CapUnit.INVOICE,
    ),
    # Travel policies cap these on their own ("incidental expenses up to $5 per day", "tips of $2
    # per bag", "laundry on trips over five nights"). No invoice keywords: a bill is seldom one of
    # them alone, so they name policy limits without drawing invoices away from meals or hotels.
    ExpenseKind(
        "incidentals",
        # "a $5 incidental per diem": the per diem's incidentals share, no meal allowance.
        _w(
            "incidentals, incidental expenses, incidental expense, incidental costs, incidental per diem, "
            "incidentals per diem, incidental allowance, nebenkosten, faux frais"
        ),
        (),
        CapUnit.DAY,
    ),
    ExpenseKind(
        "tips",
        _w("tips, gratuities, gratuity, tipping, trinkgeld, pourboire, pourboires, fooi, propina"),
        (),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "laundry",
        _w("laundry, dry cleaning, dry-cleaning, wäscherei, blanchisserie, wasserij"),
        (),
        CapUnit.INVOICE,
    ),
    ExpenseKind(
        "baggage",
        _w("baggage fees, baggage fee, checked baggage, checked bags, luggage fees, bag fees, gepäck"),
        (),
        CapUnit.TRIP,
    ),
)

EXCLUDED: tuple[ExcludedKind, ...] = (
    ExcludedKind(
        "alcohol",
        _w(
            "alcohol, alcoholic, liquor, liquors, spirits, beer, beers, wine, wines, bar bills, bar bill, "
            "bar tab, bar charges, booze, hard drinks, alcool, alkohol, alcohol, bebidas alcohólicas, "
            "alcolici"
        ),
        _w(
            "alcohol, alcoholic, liquor, liqueur, spirits, beer, wine, whisky, whiskey, vodka, tequila, "
            "brandy, cognac, scotch, cocktail, champagne, prosecco, lager, pilsner, stout, sangria, "
            "martini, cider, sake, soju, breezer, gin and tonic, gin & tonic, gin tonic, rum and coke, "
            "rum & coke, dark rum, white rum, bar tab, bar bill, bar charges, pint of, merlot, cabernet, "
            "chardonnay, sauvignon, shiraz, pinot, riesling, malbec, rioja, chianti, kingfisher, "
            "heineken, budweiser, carlsberg, tuborg, corona beer, bira, old monk, jack daniel, johnnie "
            "walker, smirnoff, bacardi, absolut, jameson, glenfiddich, chivas, black label, red label, "
            "royal stag, blenders pride, bier, wein, wijn, bière, vino, cerveza, birra, alkohol, alcool, "
            "schnaps, spirituosen, "
            "hauswein, rotwein, weißwein, weisswein, weizenbier, fassbier, pils, huiswijn, witbier, "
            "vin rouge, vin blanc, vin rosé, vin de, verre de vin, pichet de vin, bouteille de vin, "
            "copa de vino, rosé wine, red wine, white wine, house wine, booze, hard drinks, bebidas alcohólicas, "
            "alcolici"
        ),
    ),
    ExcludedKind(
        "tobacco",
        _w("tobacco, cigarette, cigarettes, cigar, cigars, smoking, tabak, tabac"),
        _w(
            "tobacco, cigarette, cigar, hookah, shisha, e-cigarette, vape, gutka, pan masala, zigarette, "
            "tabak, tabac, sigaret, cigarrillo"
        ),
    ),
    ExcludedKind(
        "minibar",
        # "Honor bar" is the US hotels' name for it (two public non-reimbursable lists).
        _w("minibar, mini bar, mini-bar, honor bar, honour bar"),
        _w("minibar, mini bar, mini-bar, honesty bar, honor bar, honour bar"),
    ),
    ExcludedKind(
        "laundry",
        _w("laundry, dry cleaning, dry-cleaning, ironing, wäsche, blanchisserie, wasserij"),
        _w(
            "laundry, dry clean, dry-clean, ironing, pressing, wäsche, wäscherei, blanchisserie, "
            "wasserij, lavandería, lavanderia"
        ),
    ),
    ExcludedKind(
        "entertainment",
        _w(
            "entertainment, movie, movies, cinema, pay-per-view, pay per view, pay tv, in-room movies, "
            "theater tickets, theatre tickets, concert tickets, entretenimento, entretenimiento, divertissement, "
            "intrattenimento"
        ),
        _w(
            "movie, cinema, pay-per-view, pay per view, pay tv, entertainment, netflix, concert, video on "
            "demand, in-room movie, theater ticket, theatre ticket, entretenimento, entretenimiento, "
            "divertissement, intrattenimento"
        ),
    ),
    ExcludedKind(
        "spa",
        _w("spa, massage, massages, massagen, wellness, sauna, salon, beauty treatments"),
        _w(
            "massage, sauna, wellness, spa treatment, spa service, spa charges, spa package, salon, "
            "beauty treatment"
        ),
    ),
    ExcludedKind(
        "tips",
        _w(
            "tip, tips, tipping, gratuity, gratuities, trinkgeld, pourboire, pourboires, fooi, fooien, propina, propinas, mancia, mance"
        ),
        _w("tip, gratuity, gratuities, trinkgeld, pourboire, fooi, propina, mancia, mance"),
    ),
    ExcludedKind(
        "fines",
        _w(
            "fines, penalty, penalties, challan, traffic violation, traffic violations, speeding, "
            "parking ticket, parking tickets, moving violation, moving violations, parking citation, "
            "parking citations, traffic citation, traffic citations, parking violation, parking violations, "
            "traffic ticket, traffic tickets, bußgeld, bußgelder, strafzettel, "
            "verwarnungsgeld, amende, amendes, contravention, contraventions, boete, boetes, multa, multas, multe, "
            "böter, bøder, bøter"
        ),
        _w(
            "fines, penalty, penalties, traffic fine, parking fine, challan, late fee, late payment, speeding, bußgeld, "
            "amende, boete, multa, böter, bøder, bøter, parking ticket, traffic violation, moving violation, citation, "
            "parking violation, traffic ticket, "
            "strafzettel, verwarnungsgeld, contravention, multe"
        ),
    ),
    ExcludedKind(
        "personal items",
        _w("personal items, personal care, toiletries, cosmetics, grooming"),
        _w(
            "toiletries, cosmetic, shampoo, toothpaste, personal care, grooming, razor, perfume, personal item"
        ),
    ),
    ExcludedKind(
        "gifts",
        _w("gift, gifts, souvenir, souvenirs, geschenk, geschenke, cadeau, cadeaux, regalo, regalos, regali"),
        _w("gift, souvenir, geschenk, cadeau, regalo, regali"),
    ),
    ExcludedKind(
        "room service",
        _w("room service, in-room dining"),
        _w("room service, in-room dining, in room dining"),
    ),
    ExcludedKind(
        "upgrades",
        _w("upgrade, upgrades, business class, first class, premium economy"),
        _w("upgrade, business class, first class, premium economy"),
    ),
    ExcludedKind(
        "seat selection",
        _w("seat selection, preferred seat, preferred seats, seat fee, seat fees"),
        _w("seat selection, seat fee, preferred seat, seat charge, extra legroom"),
    ),
    ExcludedKind(
        "cancellation fees",
        _w("cancellation, cancellations, no-show, no show, rescheduling"),
        _w("cancellation, no-show, no show, rescheduling, change fee"),
    ),
    ExcludedKind(
        "excess baggage",
        _w("excess baggage, extra baggage, additional baggage, excess luggage, extra luggage"),
        _w(
            "excess baggage, extra baggage, additional baggage, overweight baggage, excess luggage, "
            "extra luggage"
        ),
    ),
    ExcludedKind(
        "insurance",
        _w("travel insurance, insurance"),
        _w("insurance, travel protection, trip secure"),
    ),
    ExcludedKind(
        "convenience fees",
        _w("convenience fee, convenience fees, convenience charges, booking fee, booking fees"),
        _w("convenience fee, convenience charge, booking fee"),
    ),
    # Personal items that published non-reimbursable lists name again and again (issue 19): each
    # appears in the lists of at least two issuers; triggers name them in a policy, keywords on a bill.
    ExcludedKind(
        "child care",
        _w(
            "babysitting, baby-sitting, child care, childcare, daycare, day care, kinderbetreuung, "
            "garde d'enfants, kinderopvang"
        ),
        _w(
            "babysit, baby-sit, baby sit, child care, childcare, daycare, day care, nanny, "
            "kinderbetreuung, garde d'enfants, kinderopvang"
        ),
    ),
    ExcludedKind(
        "pet care",
        _w("pet care, pet-care, pet boarding, pet sitting, kennel, kennels, tierbetreuung, tierpension"),
        _w(
            "pet care, pet-care, pet boarding, pet sitting, dog sitting, kennel, tierbetreuung, tierpension, hundepension"
        ),
    ),
    ExcludedKind(
        "grooming services",
        _w(
            "barber, barbers, hairdresser, hairdressers, haircut, haircuts, shoe shine, shoe shines, "
            "shoeshine, shoeshines, friseur, coiffeur, kapper, manicure, manicures, manicurist, manicurists, "
            "beautician, beauticians, hair salon, hair salons"
        ),
        _w(
            "barber, hairdress, haircut, shoe shine, shoeshine, manicure, manicurist, beautician, hair salon, "
            "friseur, coiffeur, kapper"
        ),
    ),
    ExcludedKind(
        "reading material",
        _w(
            "newspaper, newspapers, magazine, magazines, reading material, reading materials, "
            "zeitung, zeitungen, tageszeitung, tageszeitungen, zeitschrift, zeitschriften, journaux, kranten, "
            "tijdschriften, periódicos"
        ),
        _w(
            "newspaper, magazine, reading material, zeitung, zeitschrift, journaux, krant, tijdschrift, "
            "periódico, tageszeitung"
        ),
    ),
    ExcludedKind(
        "vehicle repairs",
        _w(
            "car repairs, vehicle repairs, auto repairs, repairs, towing, tow truck, car wash, car washes, "
            "collision damage, vehicle damage, damage to personal vehicles, "
            "oil change, oil changes, locksmith, reparaturen, abschleppen, réparations, dépannage"
        ),
        _w(
            "repair, towing, tow truck, car wash, oil change, locksmith, collision damage, vehicle damage, "
            "damage to personal vehicle, "
            "reparatur, abschlepp, "
            "réparation, dépannage"
        ),
    ),
    ExcludedKind(
        "memberships",
        _w(
            "membership, memberships, membership dues, membership fees, club dues, club membership, "
            "club memberships, airline club, airline clubs, airport club, airport clubs, vip club, "
            "lounge access, mitgliedschaft, mitgliedsbeitrag, cotisation, cotisations, lidmaatschap"
        ),
        _w(
            "membership, club dues, airline club, airport club, vip club, lounge access, mitgliedschaft, "
            "mitgliedsbeitrag, cotisation, lidmaatschap"
        ),
    ),
    ExcludedKind(
        "card fees",
        _w(
            "finance charge, finance charges, annual fee, annual fees, interest charges, delinquency fees, "
            "credit card fees, late payment fees, jahresgebühr, jahresgebühren, kreditkartengebühren"
        ),
        _w(
            "finance charge, annual fee, interest charge, delinquen, card fee, late payment, jahresgebühr, "
            "kreditkartengebühr"
        ),
    ),
    ExcludedKind(
        "lost property",
        _w(
            "lost baggage, lost luggage, lost or stolen, loss or theft, theft, stolen, lost articles, "
            "lost property, diebstahl, gestohlen, gestohlenes, gestohlene, extraviado, extraviados, extraviadas, "
            "pérdida, pérdidas"
        ),
        _w(
            "lost baggage, lost luggage, lost article, theft, stolen, lost property, diebstahl, gestohlen, extraviad, "
            "pérdida"
        ),
    ),
    ExcludedKind(
        "medical",
        _w(
            "medical expenses, medical costs, prescription, prescriptions, medication, medications, "
            "over-the-counter, dental, medikamente, médicaments, medicijnen"
        ),
        _w(
            "medical, prescription, medication, medicine, over-the-counter, over the counter, pharmacy, dental, "
            "apotheke, medikament, pharmacie, médicament, medicijn"
        ),
    ),
    ExcludedKind(
        "recreation",
        _w(
            "recreation, recreational, sightseeing, golf, greens fee, greens fees, green fee, green fees, "
            "ski pass, ski passes, lift ticket, lift tickets, freizeit, loisirs"
        ),
        _w(
            "recreation, sightseeing, golf, green fee, greens fee, ski pass, lift ticket, theme park, freizeit, "
            "loisirs"
        ),
    ),
    ExcludedKind(
        "frequent flyer miles",
        _w("frequent flyer, frequent-flyer, frequent flier, airline miles, award ticket, award tickets"),
        _w("frequent flyer, frequent-flyer, frequent flier, award ticket, miles redemption, airline miles"),
    ),
    ExcludedKind(
        "house sitting",
        _w("house sitting, house-sitting, house sitter, lawn care, home care, home maintenance"),
        _w(
            "house sitting, house-sitting, house sitter, lawn care, lawn, home care, home maintenance, pool cleaning"
        ),
    ),
    # More items of the published non-reimbursable lists, each named by at least two issuers
    # (tests/unit/test_heuristic_exclusion_guard.py paraphrases them in synthetic probes).
    ExcludedKind(
        "clothing",
        _w("clothing, clothes, apparel, garments, kleidung, vêtements, kleding"),
        _w("clothing, clothes, apparel, garment, kleidung, vêtement, kleding"),
    ),
    ExcludedKind(
        # Buying bags, not carrying them: "excess luggage" is excess baggage, "lost luggage" lost property.
        "luggage purchases",
        _w(
            "briefcase, briefcases, suitcase, suitcases, luggage and briefcases, luggage or briefcases, "
            "reisetasche, reisetaschen, valise, valises, maleta, maletas, valigia, valigie"
        ),
        _w("briefcase, suitcase, luggage set, reisetasche, valise, maleta, valigia, valigie"),
    ),
    ExcludedKind(
        "fitness",
        _w(
            "health club, health clubs, gym, gyms, fitness center, fitness centers, fitness centre, "
            "fitness club, fitness clubs, fitnessstudio, salle de sport"
        ),
        _w("health club, gym, fitness, fitnessstudio, salle de sport"),
    ),
    ExcludedKind("helicopter services", _w("helicopter, helicopters"), _w("helicopter")),
    ExcludedKind(
        "donations",
        _w(
            "donation, donations, charitable contribution, charitable contributions, political "
            "contribution, political contributions, spenden"
        ),
        # Not "contributions" alone: a pension or a co-payment is one too.
        _w("donation, charitable contribution, political contribution, spende"),
    ),
    # Items of several published non-reimbursable lists (university and firm pages; issue 19).
    ExcludedKind(
        "navigation devices",
        _w(
            "gps, gps devices, gps navigation, navigation system, navigation systems, satellite radio, satnav"
        ),
        _w("gps, navigation system, satnav, sat nav, satellite radio"),
    ),
    ExcludedKind("snacks", _w("snacks, snack, snack food, snack foods"), _w("snack")),
    ExcludedKind("valet", _w("valet, valet parking, valet service, valet services"), _w("valet")),
)

KIND_BY_NAME: dict[str, ExpenseKind] = {k.name: k for k in KINDS}

# Words a policy uses for a cap's unit ("per night", "/meal", "pro Nacht").
UNIT_WORDS: dict[CapUnit, tuple[str, ...]] = {
    CapUnit.NIGHT: _w(
        "night, nights, room night, room-night, nacht, nuit, nuitée, noche, notte, overnight, nat, "
        # Québec's administrative "par coucher": per night's lodging.
        "coucher"
    ),
    CapUnit.MEAL: _w("meal, meals, repas, maaltijd, mahlzeit, comida, pasto, person, head, cover, måltid"),
    CapUnit.TRIP: _w(
        "trip, journey, ticket, one-way, way, sector, leg, round trip, reis, reise, voyage, viaje, "
        "viaggio, flight, booking, déplacement, desplazamiento, trasferta, dienstreise, dienstreis, "
        "deslocação"
    ),
    CapUnit.RIDE: _w("ride, cab ride, taxi ride, rit, fahrt, course"),
    # The Polish and Nordic 24-hour day ("za każdą dobę", "per døgn", "per dygn").
    CapUnit.DAY: _w(
        "day, diem, tag, jour, dag, día, dia, giorno, calendar day, working day, dobę, doba, døgn, dygn"
    ),
    CapUnit.MONTH: _w("month, mois, maand, monat, mes, mese"),
    CapUnit.KM: _w("kilómetro, kilómetros, quilómetro, quilômetro, chilometro, chilometri"),
    CapUnit.INVOICE: _w(
        "invoice, bill, receipt, claim, transaction, purchase, occasion, event, rechnung, facture, "
        "factuur, expense"
    ),
}
# Adjectives that stand for "per <unit>".
UNIT_ADVERBS: dict[str, CapUnit] = {
    "nightly": CapUnit.NIGHT,
    "daily": CapUnit.DAY,
    "per diem": CapUnit.DAY,
    "monthly": CapUnit.MONTH,
    "annually": CapUnit.YEAR,
    "yearly": CapUnit.YEAR,
    "jährlich": CapUnit.YEAR,
    "täglich": CapUnit.DAY,
    "monatlich": CapUnit.MONTH,
    "dagelijks": CapUnit.DAY,
    "maandelijks": CapUnit.MONTH,
    "journalier": CapUnit.DAY,
    "mensuel": CapUnit.MONTH,
}
# The meals of the day as policies name them, each to the meal it is: "supper" and "evening meal"
# are the British and Canadian dinner. The English names come first: some patterns read only them.
ENGLISH_MEALS: dict[str, str] = {
    "breakfast": "breakfast",
    "brunch": "brunch",
    "lunch": "lunch",
    "dinner": "dinner",
    "supper": "dinner",
    "evening meal": "dinner",
}
MEALS_OF_THE_DAY: dict[str, str] = {
    **ENGLISH_MEALS,
    **dict.fromkeys(
        (
            "frühstück",
            "petit déjeuner",
            "ontbijt",
            "desayuno",
            "colazione",
            "pequeno almoço",
            "café da manhã",
            "prima colazione",
        ),
        "breakfast",
    ),
    # Not "comida" (a meal, and Spain's lunch) nor the Dutch "diner" (an English diner is a place).
    **dict.fromkeys(("mittagessen", "déjeuner", "almuerzo", "pranzo", "almoço", "middageten"), "lunch"),
    **dict.fromkeys(
        ("abendessen", "dîner", "cena", "avondmaaltijd", "avondeten", "jantar", "souper"), "dinner"
    ),
}
# Québec (and Belgian and Swiss) French names the day's meals "déjeuner, dîner, souper": where
# "souper" is printed beside them, the déjeuner is breakfast and the dîner lunch.
_SOUPER = re.compile(r"(?i)(?<![^\W\d_])souper(?![^\W\d_])")
_SOUPER_DAY = {"déjeuner": "breakfast", "dîner": "lunch"}


def meals_pattern(names: dict[str, str]) -> str:
    """The names as a regex alternation; a space in a name is any run of spaces or a hyphen
    ("petit-déjeuner", "evening  meal")."""
    return "|".join(re.escape(n).replace(r"\ ", r"[-\s]+") for n in names)


def meal_of(name: str, text: str = "") -> str:
    """The meal a printed name is ("Supper" -> "dinner"); an unknown name stays as printed. `text`
    is the sentence it is printed in, for the Québec names of the day's meals."""
    key = re.sub(r"[-\s]+", " ", name.lower())
    if key in _SOUPER_DAY and _SOUPER.search(text):
        return _SOUPER_DAY[key]
    return MEALS_OF_THE_DAY.get(key, key)
