"""Well-known areas that are no administrative unit of their own but are named in reporting all the
time: Donbas, Darfur, Siberia, Sinai, the North Caucasus, Iraqi Kurdistan, the Middle East, and the
breakaway territories South Ossetia and Nagorno-Karabakh. Each is defined here, by us, as a union
of first-level regions or countries of the gazetteer (its point is the centre of that union, as for
regions), or, where no unit matches, by its main town (GeoNames). Written as regions.tsv rows."""

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
        else:
            table, keys = (regions, how["regions"]) if "regions" in how else (countries, how["countries"])
            missing = [k for k in keys if k not in table]
            if missing:
                raise ValueError(f"area {name}: no outline for {missing}")
            lat, lon = centre_point(shapely.union_all([table[k] for k in keys]))
        names = name_variants([name, *others], exclude=name)
        rows.append(["area:" + suffix, country, name, coord(lat), coord(lon), "", KIND, "|".join(names)])
    return sorted(rows)


def write(rows: list[list[str]], path: Path) -> int:
    return write_tsv(path, HEADER, rows)
