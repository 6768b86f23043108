"""Countries: ISO 3166-1 codes and names (pycountry, hand-written variants) and DCW centre points."""

from __future__ import annotations

import gettext
from pathlib import Path

import pycountry

from .outlines import fix_wrap
from .shapes import centre_point
from .text import coord, name_variants, write_tsv

HEADER = ["iso2", "iso3", "name", "latitude", "longitude", "names"]
LOCALES = ["ru", "uk", "be"]

# Kosovo has no ISO 3166-1 code; XK/XKX are the user-assigned codes used by the EU, IMF and DCW.
EXTRA = {"XK": ("XKX", "Kosovo", ["Republic of Kosovo", "Косово", "Республика Косово", "Республіка Косово", "Рэспубліка Косава", "Косава"])}

# Variants people write that pycountry does not list: English short and historic forms, and the
# Russian/Ukrainian/Belarusian forms used in reporting on the region.
VARIANTS: dict[str, list[str]] = {
    "BY": ["Byelorussia", "Belorussia", "Bielorussia", "White Russia", "Belarus'", "Byelarus", "Belarussia",
           "Белоруссия", "Белорусь", "Беларусь", "Білорусь", "Республика Беларусь", "Республіка Білорусь", "Рэспубліка Беларусь"],
    "UA": ["the Ukraine", "Ukrainia", "Украина", "Україна", "Украіна", "Ukrayina", "Ukraina"],
    "RU": ["Russia", "Russian Federation", "the Russian Federation", "Rossiya", "Rossija", "Россия", "Российская Федерация",
           "РФ", "Росія", "Російська Федерація", "Расія", "Расійская Федэрацыя"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "the United States",
           "the US", "the USA", "America", "the States", "США", "Соединённые Штаты Америки", "Соединенные Штаты Америки",
           "Соединённые Штаты", "Америка", "Сполучені Штати Америки", "Сполучені Штати", "Злучаныя Штаты Амерыкі"],
    "GB": ["UK", "U.K.", "the UK", "United Kingdom", "the United Kingdom", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland", "Великобритания", "Британия", "Соединённое Королевство",
           "Великобританія", "Британія", "Сполучене Королівство", "Вялікабрытанія"],
    "NL": ["Holland", "the Netherlands", "Голландия", "Нидерланды", "Голландія", "Нідерланди"],
    "MD": ["Moldavia", "Moldova", "Молдавия", "Молдова", "Молдавія"],
    "KZ": ["Kazakstan", "Kazakhstan", "Казахстан"],
    "KG": ["Kirghizia", "Kirgizia", "Kyrgyzstan", "Киргизия", "Кыргызстан", "Киргизстан"],
    "TM": ["Turkmenia", "Туркмения", "Туркменистан"],
    "TJ": ["Tadzhikistan", "Таджикистан"],
    "UZ": ["Узбекистан"],
    "GE": ["Sakartvelo", "Грузия", "Грузія", "Грузія"],
    "AZ": ["Азербайджан", "Азербайджан"],
    "AM": ["Армения", "Вірменія"],
    "LT": ["Литва"], "LV": ["Латвия", "Латвія"], "EE": ["Эстония", "Естонія"],
    "PL": ["Польша", "Польща", "Польшча"], "FI": ["Финляндия", "Фінляндія"], "NO": ["Норвегия", "Норвегія"],
    "SK": ["Словакия", "Словаччина"], "HU": ["Венгрия", "Угорщина"], "RO": ["Rumania", "Roumania", "Румыния", "Румунія"],
    "MN": ["Монголия", "Монголія"], "CN": ["PRC", "Китай", "Китайская Народная Республика"],
    "KP": ["North Korea", "DPRK", "КНДР", "Северная Корея", "Північна Корея"],
    "KR": ["South Korea", "Южная Корея", "Південна Корея"],
    "CZ": ["Czech Republic", "Czechia", "Чехия", "Чехія"],
    "MK": ["Macedonia", "Македония", "Македонія"],
    "CI": ["Ivory Coast", "Кот-д’Ивуар", "Берег Слоновой Кости"],
    # "Congo" alone is either country; news mostly means the larger. Both carry it and the text decides.
    "CD": ["Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo", "Democratic Republic of the Congo",
           "the Democratic Republic of the Congo", "ДР Конго"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"],
    "TR": ["Turkey", "Türkiye", "Турция", "Туреччина"],
    "SZ": ["Swaziland"], "MM": ["Burma", "Бирма"], "TL": ["East Timor"], "CV": ["Cape Verde"],
    "VA": ["Vatican", "Vatican City", "the Holy See", "Ватикан"], "PS": ["Palestine", "Палестина"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia-Hercegovina", "Босния", "Боснія"],
    "FK": ["Falklands", "the Falklands", "Falkland Islands", "Фолклендские острова", "Фолклендські острови"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "IR": ["Iran", "Persia", "Иран"], "SY": ["Syria", "Сирия"], "LA": ["Laos"], "VN": ["Vietnam", "Вьетнам", "В'єтнам"],
    "TW": ["Taiwan", "Тайвань"], "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"], "FM": ["Micronesia"],
    "BN": ["Brunei"], "AE": ["UAE", "the UAE", "Emirates", "ОАЭ"], "DE": ["Germany", "Германия", "Німеччина"],
    "FR": ["France", "Франция", "Франція"], "IL": ["Israel", "Израиль", "Ізраїль"], "IN": ["India", "Индия", "Індія"],
}


# The names news reports use, where ISO 3166's short name is a formal one ("Russian Federation",
# "Korea, Republic of"). The formal names stay among the variants.
SHORT_NAMES = {
    "BN": "Brunei", "BO": "Bolivia", "CD": "DR Congo", "CG": "Republic of the Congo", "CV": "Cape Verde",
    "CZ": "Czechia", "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea",
    "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "PS": "Palestine", "RU": "Russia", "SY": "Syria",
    "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City",
    "VE": "Venezuela", "VN": "Vietnam",
}


def display_name(iso2: str) -> str:
    """The country's name as written in outputs: the news name, else ISO's common or short name."""
    if iso2 in SHORT_NAMES:
        return SHORT_NAMES[iso2]
    c = pycountry.countries.get(alpha_2=iso2)
    return (getattr(c, "common_name", None) or c.name) if c else EXTRA[iso2][1]


def _translators() -> dict[str, gettext.NullTranslations]:
    return {loc: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc]) for loc in LOCALES}


def records(polygons: dict) -> list[list[str]]:
    """One row per country with a DCW polygon; `polygons` maps alpha-2 to its (Multi)Polygon."""
    tr = _translators()
    rows = []
    for iso2 in sorted(polygons):
        c = pycountry.countries.get(alpha_2=iso2)
        if c is not None:
            iso3, name = c.alpha_3, display_name(iso2)
            english = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")]
            local = [tr[loc].gettext(n) for loc in LOCALES for n in english if n]
        else:
            iso3, name, local = EXTRA[iso2]
            english = [name]
        lat, lon = centre_point(fix_wrap(polygons[iso2]))
        names = name_variants([name, *english, *local, *VARIANTS.get(iso2, [])], keep_codes=True)
        rows.append([iso2, iso3, name, coord(lat), coord(lon), "|".join(names)])
    return rows


def write(rows: list[list[str]], path: Path) -> int:
    return write_tsv(path, HEADER, rows)
