"""Second-level units: the counties (parishes, boroughs, census areas) of the United States and the
municipios of Puerto Rico, from the US Census Bureau's 2016 cartographic boundary file
(1:500,000) shipped in the PyPI package plotly-geo."""

from __future__ import annotations

from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely.geometry import shape

from .shapes import centre_point
from .text import clean, coord, write_tsv

HEADER = ["id", "country", "region", "name", "latitude", "longitude", "kind", "population", "names"]

# Census "legal/statistical area description" codes of the county file → the word that follows
# the name. Independent cities (25: "Richmond city") and consolidated cities are left out: they are
# populated places of the same name, which places.tsv already has.
LSAD_KIND = {
    "03": "City and Borough",
    "04": "Borough",
    "05": "Census Area",
    "06": "County",
    "07": "District",
    "10": "Island",
    "12": "Municipality",
    "13": "Municipio",
    "15": "Parish",
}

# Census state FIPS codes of the territories that ISO 3166-1 lists as countries of their own.
TERRITORY_COUNTRY = {"60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI"}


def _data_dir() -> Path:
    import _plotly_geo

    return Path(_plotly_geo.__file__).parent / "package_data"


def _states(folder: Path) -> dict[str, str]:
    """State FIPS code → USPS abbreviation."""
    with shapefile.Reader(str(folder / "cb_2016_us_state_500k"), encoding="latin-1") as r:
        return {rec["STATEFP"]: rec["STUSPS"] for rec in r.records()}


def load(place_records: list[dict], region_ids: set[str]) -> list[dict]:
    """One record per county, sorted by its FIPS code. `population` is the sum of the GeoNames
    populated places (cities500) inside the outline: a prior for ranking, not a census count."""
    folder = _data_dir()
    states = _states(folder)
    us_places = [p for p in place_records if p["countrycode"] in {"US", *TERRITORY_COUNTRY.values()}]
    points = shapely.points([(float(p["longitude"]), float(p["latitude"])) for p in us_places])
    tree = shapely.STRtree(points)
    out = []
    with shapefile.Reader(str(folder / "cb_2016_us_county_500k"), encoding="latin-1") as r:
        for sr in r.iterShapeRecords():
            rec = sr.record
            kind = LSAD_KIND.get(rec["LSAD"])
            if kind is None:
                continue
            geom = shapely.make_valid(shape(sr.shape.__geo_interface__))
            lat, lon = centre_point(geom)
            inside = tree.query(geom, predicate="contains")
            population = sum(int(us_places[i]["population"] or 0) for i in inside)
            statefp = rec["STATEFP"]
            country = TERRITORY_COUNTRY.get(statefp, "US")
            region = f"iso3166-2:US-{states[statefp]}" if country == "US" else ""
            name = clean(rec["NAME"])
            full = f"{name} {kind}"
            names = [name] if kind in ("Island", "District") else []
            if kind == "County":
                names.append(f"{name} Co.")
            out.append({
                "id": "us-census:" + rec["GEOID"],
                "country": country,
                "region": region if region in region_ids else "",
                "name": full,
                "lat": lat,
                "lon": lon,
                "kind": kind,
                "population": population,
                "names": sorted(set(names) - {full}),
            })
    return sorted(out, key=lambda d: d["id"])


def write(records: list[dict], path: Path) -> int:
    rows = ([d["id"], d["country"], d["region"], d["name"], coord(d["lat"]), coord(d["lon"]), d["kind"],
             str(d["population"]), "|".join(d["names"])] for d in records)
    return write_tsv(path, HEADER, rows)
