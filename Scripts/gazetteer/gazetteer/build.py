"""Entry point: `python -m gazetteer.build --gpkg world_map.gpkg --out Gazetteer [--cache DIR]
[--tables-only | --borders-only | --districts-only | --skip-borders]`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycountry
import shapely
from shapely.geometry import Point

from . import areas, countries, dcw, districts, naturalearth, places, regions
from .dcw import as_multipolygon


def log(msg: str) -> None:
    print(f"build-gazetteer: {msg}", file=sys.stderr, flush=True)


def country_polygons(cache: Path | None) -> tuple[dict, dict]:
    """(alpha-2 → country polygon, "RU.KRS" → Russian federal subject polygon) from DCW.

    DCW lists Hong Kong and Macao only as states of China: they become countries of their own
    (as in ISO 3166-1) and are cut out of China, as is Taiwan where China's outline covers it.
    """
    country_codes = [c for c, _ in dcw.list_units()]
    state_units = dcw.list_units(states=True)
    state_codes = [c for c, _ in state_units if c.startswith("RU.")] + ["CN.HK", "CN.MO"]
    polys = dcw.read_units(country_codes + state_codes, cache)
    out = {c: polys[c] for c in country_codes}
    out["HK"], out["MO"] = polys["CN.HK"], polys["CN.MO"]
    cut = shapely.union_all([out["HK"], out["MO"], out["TW"]])
    out["CN"] = as_multipolygon(shapely.difference(out["CN"], cut))
    ru_states = {c: polys[c] for c, _ in state_units if c.startswith("RU.")}
    names = dict(state_units)
    return out, {c: (g, names[c]) for c, g in ru_states.items()}


def _country_of(rec: dict, polys: dict, tree, keys: list[str]) -> str:
    if rec["fips"] in regions.DE_JURE_UA:
        return "UA"
    iso2 = rec["iso_a2"]
    if len(iso2) == 2 and iso2.isalpha() and iso2 in polys:
        return iso2
    if rec["adm0_a3"] == "KOS":
        return "XK"
    c = pycountry.countries.get(alpha_3=rec["adm0_a3"])
    if c is not None and c.alpha_2 in polys:
        return c.alpha_2
    point = rec["geometry"].representative_point()
    hits = sorted(keys[i] for i in tree.query(point, predicate="intersects"))
    return hits[0] if hits else ""


def region_units(gpkg: Path, polys: dict, ru_states: dict) -> list[dict]:
    """Natural Earth units with their country, Russia's replaced by DCW's subjects."""
    keys = sorted(polys)
    tree = shapely.STRtree([polys[k] for k in keys])
    units = []
    russian = []
    for rec in naturalearth.read_states(gpkg):
        rec["country"] = _country_of(rec, polys, tree, keys)
        if not rec["country"]:
            log(f"no country for Natural Earth unit {rec['fid']} {rec['name']!r}; skipped")
            continue
        rec["source"] = "Natural Earth admin-1 (QGIS world_map.gpkg)"
        (russian if rec["country"] == "RU" else units).append(rec)
    ne_tree = shapely.STRtree([r["geometry"] for r in russian])
    # Each DCW subject takes the Natural Earth unit it overlaps most, one to one: pairs by
    # descending intersection over union (not plain overlap: DCW's Moscow includes New Moscow,
    # which Natural Earth still draws in Moscow oblast). Not each subject its own best: Chukotka,
    # drawn across the antimeridian, overlaps Natural Earth's Chukotka less than it does Sakha,
    # and two subjects sharing one unit shared its names and its fid.
    geoms = {}
    pairs = []
    for code, (geom, _) in sorted(ru_states.items()):
        if not geom.is_valid:  # DCW shells are not merged where they touch (dcw._assemble)
            geom = as_multipolygon(shapely.make_valid(geom))
        geoms[code] = geom
        for i in ne_tree.query(geom, predicate="intersects").tolist():
            other = russian[i]["geometry"]
            inter = shapely.area(shapely.intersection(other, geom))
            pairs.append((inter / (shapely.area(other) + shapely.area(geom) - inter), code, i))
    chosen: dict[str, int] = {}
    taken: set[int] = set()
    for _, code, i in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if code not in chosen and i not in taken:
            chosen[code] = i
            taken.add(i)
    for code, (_, dcw_name) in sorted(ru_states.items()):
        if code not in chosen:
            raise ValueError(f"DCW subject {code} {dcw_name!r}: no Natural Earth unit left to pair with")
        geom = geoms[code]
        ne = russian[chosen[code]]
        english, _, local = dcw_name.partition(" (")
        units.append({
            **{k: ne[k] for k in naturalearth.FIELDS},
            "country": "RU", "geometry": geom, "iso_hint": "RU-" + code.split(".", 1)[1],
            "extra_names": [english, local.rstrip(")")],
            "source": "DCW-GMT federal subjects (gmt-dcw)",
        })
    return units


def write_districts(out: Path, place_records: list[dict], region_ids: set[str], t0: float) -> None:
    records = districts.load(place_records, region_ids)
    n = districts.write(records, out / "districts.tsv")
    linked = sum(1 for d in records if d["region"])
    log(f"districts.tsv: {n} districts, {linked} linked to a region ({time.time() - t0:.0f} s)")


def write_areas(out: Path, t0: float) -> None:
    n = areas.write(areas.records(out), out / "areas.tsv")
    log(f"areas.tsv: {n} areas ({time.time() - t0:.0f} s)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gpkg", type=Path, required=True, help="QGIS world_map.gpkg")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--tables-only", action="store_true", help="write only the .tsv tables")
    ap.add_argument("--borders-only", action="store_true", help="write only borders.geojson")
    ap.add_argument("--skip-borders", action="store_true", help="write everything but borders.geojson")
    ap.add_argument("--areas-only", action="store_true",
                    help="write only areas.tsv (reads the outlines and places already in --out)")
    ap.add_argument("--districts-only", action="store_true",
                    help="write only districts.tsv (reads the regions.tsv already in --out)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()

    if args.borders_only:
        from . import outlines
        polys, _ = country_polygons(args.cache)
        outlines.write_borders(args.out, outlines.simplify_outlines(polys), log)
        log(f"done ({time.time() - t0:.0f} s)")
        return 0

    if args.areas_only:
        write_areas(args.out, t0)
        return 0
    place_records = places.load()
    if args.districts_only:
        with open(args.out / "regions.tsv", encoding="utf-8") as f:
            region_ids = {line.split("\t", 1)[0] for line in f}
        write_districts(args.out, place_records, region_ids, t0)
        return 0
    n = places.write(place_records, args.out / "places.tsv")
    log(f"places.tsv: {n} places ({time.time() - t0:.0f} s)")

    polys, ru_states = country_polygons(args.cache)
    log(f"DCW: {len(polys)} countries, {len(ru_states)} Russian subjects ({time.time() - t0:.0f} s)")
    n = countries.write(countries.records(polys), args.out / "countries.tsv")
    log(f"countries.tsv: {n} countries ({time.time() - t0:.0f} s)")

    units = region_units(args.gpkg, polys, ru_states)
    regions.match_iso(units)
    stats = regions.join_admin1(units, place_records)
    stats.update(regions.add_parents(units))
    units = regions.finish(units)
    n = regions.write(units, args.out / "regions.tsv")
    iso = sum(1 for u in units if u["id"].startswith("iso3166-2:"))
    log(f"regions.tsv: {n} regions, {iso} with ISO 3166-2 codes; admin-1 join {stats} ({time.time() - t0:.0f} s)")
    write_districts(args.out, place_records, {u["id"] for u in units}, t0)
    if args.tables_only:
        return 0

    from . import outlines
    outlines.write_regions(args.out, units, log)
    simple = outlines.simplify_outlines(polys)
    outlines.write_countries(args.out, simple, log)
    write_areas(args.out, t0)
    if not args.skip_borders:
        outlines.write_borders(args.out, simple, log)
    log(f"done ({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
