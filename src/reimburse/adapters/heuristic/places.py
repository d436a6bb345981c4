"""Cities a travel policy names as a limit's place: the capital of every sovereign country and the
cities of roughly a million people or more that travel tables list by name, written from general
knowledge (UN member states' capitals; the usual lists of the world's largest cities), with the
English and the local spelling where policies print both ("Munich" / "München").

Names that are also common English words or first names are left out on purpose ("Male", "Nice",
"Reading", "Bath", "Mobile", "Victoria", "Charlotte", "Phoenix"), and the names are matched with
their capital letter only, so that a sentence about a "nice hotel" or "muscat wine" names no place.
"""

from __future__ import annotations

import re

_CAPITALS = """
Kabul, Tirana, Algiers, Andorra la Vella, Luanda, Saint John's, Buenos Aires, Yerevan, Canberra, Vienna,
Wien, Baku, Nassau, Manama, Dhaka, Bridgetown, Minsk, Brussels, Bruxelles, Brussel, Belmopan, Porto-Novo,
Thimphu, La Paz, Sucre, Sarajevo, Gaborone, Brasília, Brasilia, Bandar Seri Begawan, Sofia, Ouagadougou,
Gitega, Bujumbura, Praia, Phnom Penh, Yaoundé, Yaounde, Ottawa, Bangui, N'Djamena, Santiago, Beijing,
Bogotá, Bogota, Moroni, Kinshasa, Brazzaville, San José, Zagreb, Havana, Nicosia, Prague, Praha,
Copenhagen, København, Djibouti, Roseau, Santo Domingo, Dili, Quito, Cairo, San Salvador, Malabo,
Asmara, Tallinn, Mbabane, Addis Ababa, Suva, Helsinki, Paris, Libreville, Banjul, Tbilisi, Berlin,
Accra, Athens, Saint George's, Guatemala City, Conakry, Bissau, Georgetown, Port-au-Prince,
Tegucigalpa, Budapest, Reykjavik, Reykjavík, New Delhi, Delhi, Jakarta, Tehran, Baghdad, Dublin,
Jerusalem, Rome, Roma, Yamoussoukro, Kingston, Tokyo, Amman, Astana, Nairobi, Tarawa, Pristina,
Kuwait City, Bishkek, Vientiane, Riga, Beirut, Maseru, Monrovia, Tripoli, Vaduz, Vilnius,
Luxembourg, Antananarivo, Lilongwe, Kuala Lumpur, Bamako, Valletta, Majuro, Nouakchott, Port Louis,
Mexico City, Ciudad de México, Palikir, Chisinau, Ulaanbaatar, Podgorica, Rabat, Maputo, Naypyidaw,
Windhoek, Kathmandu, Amsterdam, The Hague, Den Haag, Wellington, Managua, Niamey, Abuja, Pyongyang,
Skopje, Oslo, Muscat, Islamabad, Ngerulmud, Panama City, Port Moresby, Asunción, Asuncion, Lima,
Manila, Warsaw, Warszawa, Lisbon, Lisboa, Doha, Bucharest, București, Moscow, Kigali, Basseterre,
Castries, Kingstown, Apia, San Marino, São Tomé, Riyadh, Dakar, Belgrade, Beograd, Freetown,
Singapore, Bratislava, Ljubljana, Honiara, Mogadishu, Pretoria, Cape Town, Bloemfontein, Seoul, Juba,
Madrid, Colombo, Sri Jayawardenepura Kotte, Khartoum, Paramaribo, Stockholm, Bern, Berne, Damascus,
Taipei, Dushanbe, Dodoma, Bangkok, Lomé, Lome, Nuku'alofa, Port of Spain, Tunis, Ankara, Ashgabat,
Funafuti, Kampala, Kyiv, Kiev, Abu Dhabi, London, Washington, D.C., Washington DC, Montevideo, Tashkent,
Port Vila, Vatican City, Caracas, Hanoi, Sanaa, Sana'a, Lusaka, Harare, Edinburgh, Cardiff, Belfast
"""

# Cities of about a million people or more (and the financial centres policies table beside them).
_LARGE_CITIES = """
New York, New York City, NYC, Los Angeles, Chicago, Houston, Philadelphia, San Antonio, San Diego,
Dallas, Austin, Jacksonville, Fort Worth, San Francisco, Seattle, Denver, Boston, Atlanta, Miami,
Detroit, Las Vegas, Toronto, Montreal, Montréal, Vancouver, Calgary, Edmonton, Sydney, Melbourne,
Brisbane, Perth, Adelaide, Auckland, Birmingham, Manchester, Glasgow, Leeds, Liverpool, Inner London,
Outer London, Greater London, Hamburg, Munich, München, Cologne, Köln, Frankfurt, Frankfurt am Main,
Milan, Milano, Naples, Napoli, Turin, Torino, Barcelona, Valencia, Seville, Sevilla, Marseille, Lyon,
Istanbul, Saint Petersburg, St Petersburg, St. Petersburg, Novosibirsk, Yekaterinburg, Kharkiv, Mumbai,
Bombay, Bangalore, Bengaluru, Hyderabad, Ahmedabad, Chennai, Madras, Kolkata, Calcutta, Pune, Surat,
Jaipur, Lucknow, Kanpur, Nagpur, Indore, Karachi, Lahore, Faisalabad, Chittagong, Shanghai, Guangzhou,
Shenzhen, Chongqing, Tianjin, Wuhan, Chengdu, Nanjing, Hangzhou, Xi'an, Hong Kong, Macau, Macao,
Osaka, Nagoya, Yokohama, Kyoto, Sapporo, Fukuoka, Kobe, Busan, Incheon, Ho Chi Minh City, Saigon,
Surabaya, Bandung, Medan, Cebu, Quezon City, Yangon, Rangoon, Almaty, Jeddah, Mecca, Dubai, Tel Aviv,
Mashhad, Isfahan, Alexandria, Giza, Casablanca, Lagos, Kano, Ibadan, Abidjan, Johannesburg, Durban,
Dar es Salaam, São Paulo, Sao Paulo, Rio de Janeiro, Salvador, Belo Horizonte, Fortaleza, Recife,
Porto Alegre, Curitiba, Manaus, Guadalajara, Monterrey, Puebla, Tijuana, Medellín, Medellin,
Barranquilla, Guayaquil, Córdoba, Rosario, Valparaíso, Zurich, Zürich, Geneva, Genève
"""


def _names(block: str) -> tuple[str, ...]:
    # "Washington, D.C." is one name: the comma before "D.C." does not split it.
    block = re.sub(r",\s*(D\.C\.)", r" \1", block)
    return tuple(dict.fromkeys(n.strip() for n in block.split(",") if n.strip()))


CITIES: tuple[str, ...] = tuple(sorted({*_names(_CAPITALS), *_names(_LARGE_CITIES)}, key=len, reverse=True))

# As printed ("London") or in a header's capitals ("LONDON"); never lower case.
CITY_RE = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(n) for n in CITIES)
    + "|"
    + "|".join(re.escape(n.upper()) for n in CITIES if len(n) > 3)
    + r")(?![^\W\d_])"
)


# A city inside an institution's name is no trip's place ("University of Toronto", "Tokyo
# Electron Ltd", "Dublin City University").
_ORG_BEFORE = re.compile(
    r"(?:University|College|Institute|School|Academy|Bank|Museum|Council|Diocese|Archdiocese|Port|"
    r"Mayor|Corporation|Government)\s+(?:of\s+)?(?:the\s+)?$"
)
# How far back a pattern anchored at a place's start looks: far beyond its longest match, so the
# search stays linear in the text instead of rescanning it from the start for every place.
_NEAR = 80
_ORG_AFTER = re.compile(
    r"\s+(?:(?:City|State|Metropolitan)\s+)?(?:University|College|Institute|School|Academy|Bank|"
    r"Ltd\.?|Limited|Inc\.?|LLC|GmbH|AG|plc|PLC|S\.A\.|Corp\.?|Corporation|Electron|Group)(?![^\W\d_])"
)


def cities_in(text: str) -> list[tuple[int, int, str]]:
    """The cities a text names as places, with their spans."""
    return [
        (m.start(), m.end(), m.group(0))
        for m in CITY_RE.finditer(text)
        if not _ORG_BEFORE.search(text, max(0, m.start() - _NEAR), m.start())
        and not _ORG_AFTER.match(text, m.end())
    ]


# The US states by name, typed once: a receipt's city-state-ZIP line names one, and so does a policy's
# evidence that a bare "$" is the US dollar. Georgia and Washington also name a country and a city,
# and the District of Columbia is no state: a caller that wants them adds them.
US_STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
    "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
    "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
    "West Virginia", "Wisconsin", "Wyoming",
)  # fmt: skip
US_STATES_AMBIGUOUS = ("Georgia", "Washington", "District of Columbia")
