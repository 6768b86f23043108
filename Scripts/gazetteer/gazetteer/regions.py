"""Admin-1 regions: Natural Earth units (Russia's replaced by DCW's federal subjects), ISO 3166-2
codes and names from pycountry, and the GeoNames admin-1 code that joins places.tsv."""

from __future__ import annotations

import collections
import difflib
import gettext
import re
import unicodedata
from pathlib import Path

import numpy as np
import pycountry
import shapely

from .shapes import representative_point
from .text import clean, coord, name_variants, write_tsv

HEADER = ["id", "country", "name", "latitude", "longitude", "admin1", "kind", "names"]
LOCALES = ["ru", "uk", "be"]
# Countries whose GeoNames admin-1 codes are the numeric part of the FIPS 10-4 code (DATA.md).
FIPS_COUNTRIES = {"RU", "UA", "BY"}
# Crimea and Sevastopol: Natural Earth tags them RUS; we follow the internationally recognised border.
DE_JURE_UA = {"UP11", "UP20"}

# pycountry's subdivision types, in the words used for these countries in English.
KIND_BY_COUNTRY = {
    "RU": {"Administrative region": "Oblast", "Administrative territory": "Krai", "Autonomous city": "Federal city",
           "Autonomous district": "Autonomous okrug", "Autonomous region": "Autonomous oblast", "Republic": "Republic"},
    "UA": {"Region": "Oblast", "City": "City", "Republic": "Autonomous republic"},
    "BY": {"Oblast": "Oblast", "City": "City"},
}
# Belarus: pycountry's romanisation (Viciebskaja, Bresckaja) is too far from Natural Earth's
# (Vitsyebskaya, Brestskaya) for name matching, so the seven units are joined by FIPS code.
ISO_BY_FIPS = {"BO01": "BY-BR", "BO02": "BY-HO", "BO03": "BY-HR", "BO04": "BY-HM", "BO05": "BY-MI",
               "BO06": "BY-MA", "BO07": "BY-VI"}
_GENERIC = {
    "oblast", "oblast'", "region", "province", "provincia", "state", "departement", "department", "departamento",
    "county", "voblasts", "voblasts'", "voblasc", "respublika", "republic", "kray", "krai", "okrug", "avtonomnyy",
    "autonomous", "city", "municipality", "misto", "gorod", "de", "del", "du", "la", "le", "les", "des", "of", "the",
    "d", "l", "prefecture", "governorate", "district", "territory", "estado", "regiao", "land",
}
_APOSTROPHES = re.compile(r"['’ʼʻ`´ʹ]")


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOSTROPHES.sub("", s)
    words = [w for w in re.split(r"[^a-z0-9]+", s) if w and w not in _GENERIC]
    return " ".join(words)


def _pycountry_variants(sub) -> list[str]:
    names = [sub.name]
    if ", " in sub.name:  # "Bashkortostan, Respublika" → "Respublika Bashkortostan"
        head, _, tail = sub.name.partition(", ")
        names.append(f"{tail} {head}")
    for part in re.split(r"\s*[/;]\s*|\s*\[|\]", sub.name):
        if part and part != sub.name:
            names.append(part)
    return names


def _ne_variants(rec: dict) -> list[str]:
    label = rec["woe_label"].split(",")[0] if rec["woe_label"] else ""
    return [rec["name"], rec["gn_name"], rec["woe_name"], label]


def match_iso(units: list[dict]) -> None:
    """Sets unit["iso"] to the ISO 3166-2 subdivision whose names best match the unit's, per country.

    Greedy one-to-one assignment by descending similarity (exact normalised match = 1.0); pairs
    below 0.8 stay unmatched. Deterministic: ties break on fid and code.
    """
    by_country = collections.defaultdict(list)
    for u in units:
        by_country[u["country"]].append(u)
    for cc, members in sorted(by_country.items()):
        subs = sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda s: s.code)
        if not subs:
            continue
        sub_names = {s.code: {n for n in map(_norm, _pycountry_variants(s)) if n} for s in subs}
        pairs = []
        for u in members:
            unames = {n for n in map(_norm, _ne_variants(u)) if n}
            hint = u.get("iso_hint") or ISO_BY_FIPS.get(u["fips"])
            if hint:
                pairs.append((2.0, u["fid"], hint, u))
            for code, snames in sub_names.items():
                best = 0.0
                for a in unames:
                    for b in snames:
                        r = 1.0 if a == b else difflib.SequenceMatcher(None, a, b).ratio()
                        best = max(best, r)
                if best >= 0.8:
                    pairs.append((best, u["fid"], code, u))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        used_units, used_codes = set(), set()
        for score, fid, code, u in pairs:
            if fid in used_units or code in used_codes:
                continue
            u["iso"] = code
            used_units.add(fid)
            used_codes.add(code)


def join_admin1(units: list[dict], places: list[dict]) -> dict:
    """Sets unit["admin1"]: the GeoNames admin-1 code of the places that lie inside the unit.

    RU, UA and BY use the numeric part of Natural Earth's FIPS code (GeoNames uses FIPS there),
    unless the places inside clearly say otherwise (Natural Earth gives Moscow city RS47, which
    is Moscow oblast; GeoNames has Moscow city as RU.48).
    Elsewhere the code is the population-weighted majority of the GeoNames places inside the
    polygon (same country, at least 60 % of the weight), falling back to the FIPS number when GeoNames uses that code.
    Returns coverage statistics.
    """
    known = collections.defaultdict(set)
    for p in places:
        known[p["countrycode"]].add(p["admin1code"])
    xs = np.array([float(p["longitude"]) for p in places])
    ys = np.array([float(p["latitude"]) for p in places])
    points = shapely.points(xs, ys)
    geoms = [u["geometry"] for u in units]
    tree = shapely.STRtree(geoms)
    pi, ui = tree.query(points, predicate="intersects")
    votes = collections.defaultdict(collections.Counter)
    for p_index, u_index in zip(pi.tolist(), ui.tolist()):
        p = places[p_index]
        u = units[u_index]
        if p["countrycode"] == u["country"] and p["admin1code"] not in ("", "00"):
            # Weighted by population: a city's own polygon often holds suburbs of the
            # surrounding province (Minsk city, BY.04, in Natural Earth's outline).
            votes[u_index][p["admin1code"]] += int(p["population"] or 0) + 1
    stats = collections.Counter()
    for i, u in enumerate(units):
        fips_num = u["fips"][2:] if len(u["fips"]) > 2 else ""
        vote, n, total = "", 0, sum(votes[i].values())
        if total:
            vote, n = sorted(votes[i].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        strong_vote = vote and n >= 0.6 * total
        if u["country"] in FIPS_COUNTRIES and fips_num and (not strong_vote or vote == fips_num):
            u["admin1"] = fips_num
            stats["fips"] += 1
            stats["fips_agrees_with_vote" if (not vote or vote == fips_num) else "fips_disagrees_with_vote"] += 1
        elif vote and n >= 0.6 * total:
            u["admin1"] = vote
            stats["vote"] += 1
        elif fips_num and fips_num in known[u["country"]]:
            u["admin1"] = fips_num
            stats["fips_fallback"] += 1
        else:
            u["admin1"] = ""
            stats["none"] += 1
    joined = {(u["country"], u["admin1"]) for u in units if u["admin1"]}
    stats["places"] = len(places)
    stats["places_joined"] = sum(1 for p in places if (p["countrycode"], p["admin1code"]) in joined)
    return dict(stats)


def _translators() -> dict[str, gettext.NullTranslations]:
    return {loc: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[loc]) for loc in LOCALES}


def finish(units: list[dict]) -> list[dict]:
    """Fills id, kind, names and the representative point; returns the units sorted by id."""
    tr = _translators()
    common_kind = collections.defaultdict(collections.Counter)
    for u in units:
        if u.get("iso"):
            sub = pycountry.subdivisions.get(code=u["iso"])
            u["_sub"] = sub
            common_kind[u["country"]][sub.type] += 1
    for u in units:
        sub = u.get("_sub")
        names = _ne_variants(u) + u.get("extra_names", [])
        if sub is not None:
            u["id"] = f"iso3166-2:{sub.code}"
            raw_kind = sub.type
            names += _pycountry_variants(sub) + [tr[loc].gettext(sub.name) for loc in LOCALES]
        else:
            u["id"] = f"ne:{u['adm0_a3'] or u['country']}-{u['fid']}"
            raw_kind = (sorted(common_kind[u["country"]].items(), key=lambda kv: (-kv[1], kv[0])) or [("Region", 0)])[0][0]
        u["kind"] = KIND_BY_COUNTRY.get(u["country"], {}).get(raw_kind, raw_kind)
        u["name"] = clean(u["name"] or u["gn_name"] or u["woe_name"] or (sub.name if sub else ""))
        u["names"] = name_variants(names)
        u["lat"], u["lon"] = representative_point(u["geometry"])
    ids = collections.Counter(u["id"] for u in units)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise RuntimeError(f"duplicate region ids: {dup[:5]}")
    return sorted(units, key=lambda u: u["id"])


def write(units: list[dict], path: Path) -> int:
    rows = ([u["id"], u["country"], u["name"], coord(u["lat"]), coord(u["lon"]), u["admin1"], u["kind"], "|".join(u["names"])]
            for u in units)
    return write_tsv(path, HEADER, rows)
