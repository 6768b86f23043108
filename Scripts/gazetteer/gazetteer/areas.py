"""Well-known areas that are no administrative unit of their own but are named in reporting all the
time: Donbas, Darfur, Siberia, Sinai, the North Caucasus, Iraqi Kurdistan, the Middle East, the
breakaway territories South Ossetia and Nagorno-Karabakh, groups of countries (the Caucasus, the
Baltic states, West Africa …) and seas and oceans (the Black Sea, the Sea of Azov, the Kerch
Strait …). Each is defined here, by us, as a union of first-level regions and/or countries of the
gazetteer (its point is the centre of that union, as for regions), by its main town (GeoNames)
where no unit matches, or, for a body of water, by a point we chose in open water near its middle
(one point, at most a few hundred kilometres from any shore of the larger seas: good for a map
marker and for telling seas apart, not for measuring). Groups of countries follow the UN M49
geographic subregions where one has the name. Written as regions.tsv rows."""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import shape

from .regions import HEADER
from .shapes import centre_point
from .text import coord, name_variants, write_tsv

KIND = "Area"

# id suffix, name, other names, country (empty when several), and the definition: "regions" (ids
# in regions.tsv), "countries" (ISO alpha-2) or "town" (GeoNames id in places.tsv).
AREAS = [
    ("donbas", "Donbas", ["Donbass", "Donets Basin", "Донбасс", "Донбас"], "UA",
     {"regions": ["iso3166-2:UA-14", "iso3166-2:UA-09"]}),
    ("darfur", "Darfur", ["Дарфур"], "SD",
     {"regions": ["iso3166-2:SD-DN", "iso3166-2:SD-DW", "iso3166-2:SD-DC", "iso3166-2:SD-DS", "iso3166-2:SD-DE"]}),
    ("sinai", "Sinai", ["Sinai Peninsula", "the Sinai", "Синай", "Синайский полуостров"], "EG",
     {"regions": ["iso3166-2:EG-SIN", "iso3166-2:EG-JS"]}),
    # The Siberian Federal District.
    ("siberia", "Siberia", ["Сибирь", "Сибір"], "RU",
     {"regions": ["iso3166-2:RU-AL", "iso3166-2:RU-ALT", "iso3166-2:RU-IRK", "iso3166-2:RU-KEM", "iso3166-2:RU-KK",
                  "iso3166-2:RU-KYA", "iso3166-2:RU-NVS", "iso3166-2:RU-OMS", "iso3166-2:RU-TOM", "iso3166-2:RU-TY"]}),
    # The North Caucasian Federal District.
    ("north-caucasus", "North Caucasus", ["Northern Caucasus", "Северный Кавказ", "Північний Кавказ"], "RU",
     {"regions": ["iso3166-2:RU-DA", "iso3166-2:RU-IN", "iso3166-2:RU-KB", "iso3166-2:RU-KC", "iso3166-2:RU-SE",
                  "iso3166-2:RU-CE", "iso3166-2:RU-STA"]}),
    # The Kurdistan Region of Iraq: Dohuk, Erbil and Sulaymaniyah governorates.
    ("iraqi-kurdistan", "Kurdistan Region", ["Iraqi Kurdistan", "Kurdistan Region of Iraq", "Иракский Курдистан"], "IQ",
     {"regions": ["iso3166-2:IQ-DA", "iso3166-2:IQ-AR", "iso3166-2:IQ-SU"]}),
    ("middle-east", "Middle East", ["the Middle East", "Mideast", "Ближний Восток", "Близький Схід"], "",
     {"countries": ["AE", "BH", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"]}),
    ("south-ossetia", "South Ossetia", ["Tskhinvali Region", "Южная Осетия", "Південна Осетія"], "GE",
     {"town": 611403}),
    ("nagorno-karabakh", "Nagorno-Karabakh", ["Karabakh", "Artsakh", "Нагорный Карабах", "Нагірний Карабах"], "AZ",
     {"town": 146970}),
    ("golan-heights", "Golan Heights", ["the Golan Heights", "the Golan", "Голанские высоты"], "SY",
     {"town": 443093}),
    # Somalia's federal member states that the sources have no unit for: Puntland by the two regions
    # it holds undisputed (Bari and Nugaal; it also claims Sool, Sanaag and northern Mudug), Jubaland
    # by its three (Gedo, Middle Juba, Lower Juba).
    ("puntland", "Puntland", ["Пунтленд"], "SO", {"regions": ["iso3166-2:SO-BR", "iso3166-2:SO-NU"]}),
    ("jubaland", "Jubaland", ["Джубаленд"], "SO",
     {"regions": ["iso3166-2:SO-GE", "iso3166-2:SO-JD", "iso3166-2:SO-JH"]}),
    # Kordofan: North and South Kordofan (West Kordofan, re-formed in 2013, is not in the sources).
    ("kordofan", "Kordofan", ["Kordufan", "Кордофан"], "SD", {"regions": ["iso3166-2:SD-KN", "iso3166-2:SD-KS"]}),
    # Two Indian units newer than the sources' outlines (Telangana, 2014, lies inside Andhra Pradesh
    # there; Ladakh, 2019, inside Jammu and Kashmir): a point we chose near the middle of each.
    ("telangana", "Telangana", ["Телангана"], "IN", {"point": (17.9, 79.1)}),
    ("ladakh", "Ladakh", ["Ладакх"], "IN", {"point": (34.2, 77.5)}),
    # Israel's Northern and Southern districts.
    ("galilee", "Galilee", ["the Galilee", "Галилея", "Галілея"], "IL", {"regions": ["ne:ISR-4411"]}),
    ("negev", "Negev", ["the Negev", "Негев"], "IL", {"regions": ["ne:ISR-4409"]}),
    # The historic county of Yorkshire, by the units that lie in it now.
    ("yorkshire", "Yorkshire", ["Йоркшир"], "GB",
     {"regions": ["iso3166-2:GB-NYK", "iso3166-2:GB-YOR", "iso3166-2:GB-ERY", "iso3166-2:GB-KHL", "iso3166-2:GB-BNS",
                  "iso3166-2:GB-DNC", "iso3166-2:GB-ROT", "iso3166-2:GB-SHF", "iso3166-2:GB-BRD", "iso3166-2:GB-CLD",
                  "iso3166-2:GB-KIR", "iso3166-2:GB-LDS", "iso3166-2:GB-WKF", "iso3166-2:GB-MDB", "iso3166-2:GB-RCC"]}),
    # Patagonia: the five southern provinces of Argentina and the two southern regions of Chile.
    ("patagonia", "Patagonia", ["Патагония", "Патагонія"], "",
     {"regions": ["iso3166-2:AR-Q", "iso3166-2:AR-R", "iso3166-2:AR-U", "iso3166-2:AR-Z", "iso3166-2:AR-V",
                  "iso3166-2:CL-AI", "ne:CHL-22"]}),
    # Groups of countries. The Caucasus: the three South Caucasus states and the North Caucasus.
    ("caucasus", "Caucasus", ["the Caucasus", "Кавказ"], "",
     {"countries": ["GE", "AM", "AZ"],
      "regions": ["iso3166-2:RU-DA", "iso3166-2:RU-IN", "iso3166-2:RU-KB", "iso3166-2:RU-KC", "iso3166-2:RU-SE",
                  "iso3166-2:RU-CE", "iso3166-2:RU-STA"]}),
    ("south-caucasus", "South Caucasus", ["Transcaucasia", "Закавказье", "Южный Кавказ", "Південний Кавказ"], "",
     {"countries": ["GE", "AM", "AZ"]}),
    ("baltic-states", "Baltic states", ["the Baltic states", "Baltic States", "the Baltics", "Baltics", "Прибалтика",
                                        "Балтия", "Балтія"], "",
     {"countries": ["EE", "LV", "LT"]}),
    ("scandinavia", "Scandinavia", ["Скандинавия", "Скандинавія"], "", {"countries": ["DK", "NO", "SE"]}),
    ("balkans", "Balkans", ["the Balkans", "Balkan Peninsula", "Балканы", "Балкани"], "",
     {"countries": ["AL", "BA", "BG", "GR", "HR", "ME", "MK", "RS", "XK"]}),
    ("central-asia", "Central Asia", ["Средняя Азия", "Центральная Азия", "Центральна Азія"], "",
     {"countries": ["KZ", "KG", "TJ", "TM", "UZ"]}),
    ("southeast-asia", "Southeast Asia", ["South-East Asia", "South East Asia", "South-eastern Asia"], "",
     {"countries": ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"]}),
    ("west-africa", "West Africa", ["Western Africa"], "",
     {"countries": ["BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN", "SL", "TG"]}),
    # Eastern Africa without its islands (M49 counts Madagascar, Mauritius, Réunion …).
    ("east-africa", "East Africa", ["Eastern Africa"], "",
     {"countries": ["BI", "DJ", "ER", "ET", "KE", "RW", "SO", "SS", "TZ", "UG"]}),
    ("horn-of-africa", "Horn of Africa", ["the Horn of Africa"], "", {"countries": ["DJ", "ER", "ET", "SO"]}),
    ("maghreb", "Maghreb", ["the Maghreb", "Магриб"], "", {"countries": ["DZ", "LY", "MA", "MR", "TN"]}),
    ("levant", "Levant", ["the Levant", "Левант"], "", {"countries": ["IL", "JO", "LB", "PS", "SY"]}),
    ("western-europe", "Western Europe", [], "", {"countries": ["AT", "BE", "FR", "DE", "LI", "LU", "MC", "NL", "CH"]}),
    ("northern-europe", "Northern Europe", [], "",
     {"countries": ["DK", "EE", "FI", "IS", "IE", "LV", "LT", "NO", "SE", "GB"]}),
    # Seas, straits and oceans: a point in open water near the middle.
    ("black-sea", "Black Sea", ["the Black Sea", "Чёрное море", "Черное море", "Чорне море"], "", {"point": (43.3, 34.3)}),
    ("sea-of-azov", "Sea of Azov", ["Azov Sea", "the Sea of Azov", "Азовское море", "Азовське море"], "",
     {"point": (46.1, 36.6)}),
    ("kerch-strait", "Kerch Strait", ["Strait of Kerch", "the Kerch Strait", "Керченский пролив", "Керченська протока"], "",
     {"point": (45.25, 36.55)}),
    ("caspian-sea", "Caspian Sea", ["the Caspian Sea", "Каспийское море", "Каспійське море"], "", {"point": (41.9, 50.6)}),
    ("baltic-sea", "Baltic Sea", ["the Baltic Sea", "Балтийское море", "Балтійське море"], "", {"point": (58.5, 20.0)}),
    ("mediterranean-sea", "Mediterranean Sea", ["Mediterranean", "the Mediterranean", "Средиземное море",
                                                "Середземне море"], "",
     {"point": (35.0, 18.0)}),
    ("red-sea", "Red Sea", ["the Red Sea", "Красное море"], "", {"point": (20.0, 38.5)}),
    ("persian-gulf", "Persian Gulf", ["the Persian Gulf", "Arabian Gulf", "Персидский залив"], "", {"point": (26.8, 51.5)}),
    ("north-sea", "North Sea", ["the North Sea"], "", {"point": (56.0, 3.0)}),
    ("barents-sea", "Barents Sea", ["the Barents Sea", "Баренцево море"], "", {"point": (74.0, 37.0)}),
    ("south-china-sea", "South China Sea", ["the South China Sea"], "", {"point": (12.0, 113.0)}),
    ("gulf-of-mexico", "Gulf of Mexico", ["the Gulf of Mexico"], "", {"point": (25.0, -90.0)}),
    ("caribbean-sea", "Caribbean Sea", ["Caribbean", "the Caribbean"], "", {"point": (15.0, -75.0)}),
    ("indian-ocean", "Indian Ocean", ["the Indian Ocean"], "", {"point": (-20.0, 80.0)}),
    ("atlantic-ocean", "Atlantic Ocean", ["the Atlantic Ocean"], "", {"point": (0.0, -30.0)}),
    ("pacific-ocean", "Pacific Ocean", ["the Pacific Ocean"], "", {"point": (0.0, -160.0)}),
    ("arctic-ocean", "Arctic Ocean", ["the Arctic Ocean"], "", {"point": (85.0, 0.0)}),
]


def _outlines(path: Path, key) -> dict:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {key(feat["properties"]): shape(feat["geometry"]) for feat in data["features"]}


def _towns(path: Path) -> dict[int, tuple[float, float]]:
    out = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.split("\t", 4)
            out[int(fields[0])] = (float(fields[2]), float(fields[3]))
    return out


def records(folder: Path) -> list[list[str]]:
    """The areas as regions.tsv rows, from the outlines and places already in `folder`."""
    regions = _outlines(folder / "regions.geojson", lambda p: p["id"])
    countries = _outlines(folder / "countries.geojson", lambda p: p["iso2"])
    towns = _towns(folder / "places.tsv")
    rows = []
    for suffix, name, others, country, how in AREAS:
        if "town" in how:
            lat, lon = towns[how["town"]]
        elif "point" in how:
            lat, lon = how["point"]
        else:
            parts = []
            for table, keys in ((regions, how.get("regions", [])), (countries, how.get("countries", []))):
                missing = [k for k in keys if k not in table]
                if missing:
                    raise ValueError(f"area {name}: no outline for {missing}")
                parts += [table[k] for k in keys]
            lat, lon = centre_point(shapely.union_all(parts))
        names = name_variants([name, *others], exclude=name)
        rows.append(["area:" + suffix, country, name, coord(lat), coord(lon), "", KIND, "|".join(names)])
    return sorted(rows)


def write(rows: list[list[str]], path: Path) -> int:
    return write_tsv(path, HEADER, rows)
