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

from .dcw import as_multipolygon
from .outlines import fix_wrap
from .shapes import centre_point
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


_ISO_CODE = re.compile(r"\s*\b[A-Z]{2}-[A-Z0-9]{1,3}\b")


def _name_parts(name: str) -> list[str]:
    """"Wales [Cymru GB-CYM]" → Wales, Cymru; "Bashkortostan, Respublika" → also "Respublika Bashkortostan"."""
    names = [name] if "[" not in name else []
    if ", " in name:
        head, _, tail = name.partition(", ")
        names.append(f"{tail} {head}")
    for part in re.split(r"\s*[/;]\s*|\s*\[|\]", name):
        part = _ISO_CODE.sub("", part).strip()
        if part and part not in names:
            names.append(part)
    return names


def _pycountry_variants(sub) -> list[str]:
    return _name_parts(sub.name)


def _ne_variants(rec: dict) -> list[str]:
    return _own_variants(rec) + _woe_variants(rec)


def _own_variants(rec: dict) -> list[str]:
    return [rec["name"], rec["gn_name"]]


def _woe_variants(rec: dict) -> list[str]:
    """Yahoo WOE names; in some countries they name the unit's parent (a Spanish province's
    community: Lérida has "Cataluña" and "Catalonia")."""
    label = rec["woe_label"].split(",")[0] if rec["woe_label"] else ""
    return [rec["woe_name"], label]


def _similarity(names: set[str], others: set[str]) -> float:
    best = 0.0
    for a in names:
        for b in others:
            best = max(best, 1.0 if a == b else difflib.SequenceMatcher(None, a, b).ratio())
    return best


def match_iso(units: list[dict]) -> None:
    """Sets unit["iso"] to the ISO 3166-2 subdivision whose names best match the unit's, per country.

    Greedy one-to-one assignment by descending similarity (exact normalised match = 1.0) over
    all the unit's names; pairs below 0.8 stay unmatched. Equal similarities are ordered by the
    similarity of the unit's own names (not the WOE names, which may name its parent), then
    units with fewer codes at that similarity first (of Natural Earth's two "Uruzgan", the one
    also called Daykundi leaves Uruzgan to the other), then by the country's level (below).
    Deterministic: remaining ties break on fid and code.

    Where ISO 3166-2 has two levels (Spain's autonomous communities over its provinces), names
    alone cannot always choose: Madrid is a province and a community, Telšiai a county and a
    municipality. The country's level is the one most units match strictly better (by the
    ordering above), the top level when undecided; a tie between the levels goes to that level,
    and codes of the other level are dropped unless of a kind found at it or alone at the top.
    A unit matched to the only child of a code no unit has takes that code: the child is the
    whole of it (the province of Madrid is the Comunidad de Madrid, ES-MD).
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
            own = {n for n in map(_norm, _own_variants(u)) if n}
            unames = own | {n for n in map(_norm, _woe_variants(u)) if n}
            hint = u.get("iso_hint") or ISO_BY_FIPS.get(u["fips"])
            if hint:
                pairs.append((2.0, 2.0, u["fid"], hint, u))
            for code, snames in sub_names.items():
                best = _similarity(unames, snames)
                if best >= 0.8:
                    pairs.append((best, _similarity(own, snames), u["fid"], code, u))
        votes = collections.Counter()
        for fid in {p[2] for p in pairs}:
            best = {}
            for score, own, f, code, _ in pairs:
                if f == fid:
                    best[_is_top(code)] = max(best.get(_is_top(code), (0.0, 0.0)), (score, own))
            if len(best) == 1 or best[True] != best[False]:
                votes[max(best, key=best.get)] += 1
        top = votes[True] >= votes[False]
        children = collections.defaultdict(list)
        for s in subs:
            if s.parent_code:
                children[s.parent_code].append(s.code)
        # A code of the other level is kept only when it is of a kind found at the country's
        # level (Vojvodina's districts among Serbia's) or stands alone at the top (Ceuta).
        kinds = {s.type for s in subs if _is_top(s.code) == top}
        alone = {s.code for s in subs if not s.parent_code and not children[s.code]}
        types = {s.code: s.type for s in subs}
        pairs = [p for p in pairs if _is_top(p[3]) == top or p[3] in alone or types.get(p[3]) in kinds]
        alternatives = collections.Counter((p[2], p[0]) for p in pairs)
        pairs.sort(key=lambda p: (-p[0], -p[1], alternatives[p[2], p[0]], _is_top(p[3]) != top, p[2], p[3]))
        used_units, used_codes = set(), set()
        for score, own, fid, code, u in pairs:
            if fid in used_units or code in used_codes:
                continue
            u["iso"] = code
            used_units.add(fid)
            used_codes.add(code)
        for u in members:
            sub = pycountry.subdivisions.get(code=u["iso"]) if u.get("iso") else None
            parent = sub.parent_code if sub is not None else None
            if parent and children[parent] == [u["iso"]] and parent not in used_codes:
                used_codes.add(parent)
                u["iso"] = parent


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


def _is_top(code: str) -> bool:
    sub = pycountry.subdivisions.get(code=code)
    return sub is None or not sub.parent_code


def _top_parent(code: str | None) -> str | None:
    """The top-level ISO 3166-2 subdivision above `code`, or None when `code` is itself top-level."""
    sub = pycountry.subdivisions.get(code=code) if code else None
    if sub is None or not sub.parent_code:
        return None
    while sub.parent_code:
        sub = pycountry.subdivisions.get(code=sub.parent_code)
    return sub.code


def add_parents(units: list[dict]) -> dict:
    """Makes one GeoNames admin-1 code name one region again.

    Natural Earth splits some countries below the level GeoNames uses for admin-1 (England's
    boroughs and counties, Italy's and Spain's provinces, France's departments), so several units
    get the same code from `join_admin1` and a place would be linked to an arbitrary one of them
    (Manchester to Bath). Where the units sharing a code (those with an ISO code) all belong to one
    top-level ISO 3166-2 subdivision that has no unit of its own (GB-ENG England, IT-82 Sicily,
    FR-IDF Île-de-France, ES-CT Catalonia), that subdivision is added as a unit: the union of
    their outlines, with the code and the WOE names all of them share (moved from the units:
    "Catalonia" then finds the community, not a province); the smaller units stay, searchable
    by name, without it. Otherwise the code stays on
    the largest of the units only. Returns counts.
    """
    groups = collections.defaultdict(list)
    for u in units:
        if u["admin1"]:
            groups[(u["country"], u["admin1"])].append(u)
    have = {u.get("iso") for u in units}
    stats = collections.Counter()
    added = []
    for (country, admin1), members in sorted(groups.items()):
        if len(members) < 2:
            continue
        parents = {_top_parent(u.get("iso")) for u in members if u.get("iso")}
        parent = next(iter(parents)) if len(parents) == 1 else None
        for u in members:
            u["admin1"] = ""
        if parent is None or parent in have:
            largest = max(members, key=lambda u: (shapely.area(u["geometry"]), -u["fid"]))
            largest["admin1"] = admin1
            stats["code_kept_on_largest"] += 1
            continue
        sub = pycountry.subdivisions.get(code=parent)
        geom = as_multipolygon(shapely.make_valid(shapely.union_all([u["geometry"] for u in members])))
        first = min(members, key=lambda u: u["fid"])
        # A WOE name all the units share names the parent ("Catalonia" on each Catalan province).
        shared = set.intersection(*({n for n in _woe_variants(u) if n} for u in members))
        for u in members:
            u["woe_name"] = "" if u["woe_name"] in shared else u["woe_name"]
            u["woe_label"] = "" if u["woe_label"].split(",")[0] in shared else u["woe_label"]
        name = sub.name.split(" [")[0]
        if ", " in name:  # "Valenciana, Comunidad" → "Comunidad Valenciana"
            head, _, tail = name.partition(", ")
            name = f"{tail} {head}"
        added.append({
            "fid": first["fid"], "iso_a2": first["iso_a2"], "name": name,
            "fips": "", "woe_label": "", "woe_name": "", "adm0_a3": first["adm0_a3"], "admin": first["admin"], "gn_name": "",
            "extra_names": sorted(shared),
            "country": country, "geometry": geom, "iso": parent, "admin1": admin1,
            "source": f"union of its {len(members)} Natural Earth admin-1 units (QGIS world_map.gpkg)",
        })
        have.add(parent)
        stats["parents_added"] += 1
    units.extend(added)
    joined = {(u["country"], u["admin1"]) for u in units if u["admin1"]}
    stats["codes"] = len(joined)
    return dict(stats)


# Names the news uses that the sources lack, written by us, by region id: the Ukrainian and Russian
# short names of Ukraine's oblasts and of the Russian border regions ("Харківщина", "Сумщина",
# "Брянщина"), Crimea's short name, English names of regions the sources give only in their own
# language ("Normandy", "Lombardy", "Lower Shabelle"), and a few other short names ("Кубань"). The text's case forms ("на Харківщині") are the geoparser's business.
VARIANTS = {
    "iso3166-2:UA-05": ["Вінниччина", "Винничина"], "iso3166-2:UA-07": ["Волинь"], "iso3166-2:UA-09": ["Луганщина", "Луганщина"],
    "iso3166-2:UA-12": ["Дніпропетровщина", "Днепропетровщина"], "iso3166-2:UA-14": ["Донеччина", "Донетчина"],
    "iso3166-2:UA-18": ["Житомирщина"], "iso3166-2:UA-21": ["Закарпаття", "Закарпатье"], "iso3166-2:UA-26": ["Прикарпаття", "Івано-Франківщина"],
    "iso3166-2:UA-32": ["Київщина", "Киевщина"], "iso3166-2:UA-35": ["Кіровоградщина"], "iso3166-2:UA-43": ["Крим", "Крым"],
    "iso3166-2:UA-46": ["Львівщина", "Львовщина"], "iso3166-2:UA-48": ["Миколаївщина", "Николаевщина"], "iso3166-2:UA-51": ["Одещина", "Одесчина"],
    "iso3166-2:UA-53": ["Полтавщина"], "iso3166-2:UA-56": ["Рівненщина"], "iso3166-2:UA-59": ["Сумщина"], "iso3166-2:UA-61": ["Тернопільщина"],
    "iso3166-2:UA-63": ["Харківщина", "Харьковщина"], "iso3166-2:UA-65": ["Херсонщина"], "iso3166-2:UA-68": ["Хмельниччина"],
    "iso3166-2:UA-71": ["Черкащина"], "iso3166-2:UA-74": ["Чернігівщина", "Черниговщина"], "iso3166-2:UA-77": ["Буковина"],
    "iso3166-2:RU-BEL": ["Бєлгородщина", "Белгородчина", "Белгородщина"], "iso3166-2:RU-KRS": ["Курщина"], "iso3166-2:RU-BRY": ["Брянщина"],
    # English names of regions the sources give only in the country's own language.
    "iso3166-2:FR-NOR": ["Normandy"], "iso3166-2:FR-BRE": ["Brittany"], "iso3166-2:FR-BFC": ["Burgundy"],
    "iso3166-2:FR-20R": ["Corsica"], "iso3166-2:FR-PAC": ["Provence"], "iso3166-2:IT-25": ["Lombardy"],
    "iso3166-2:IT-52": ["Tuscany"], "iso3166-2:IT-21": ["Piedmont"], "iso3166-2:IT-82": ["Sicily"],
    "iso3166-2:IT-88": ["Sardinia"], "iso3166-2:IT-75": ["Apulia"], "iso3166-2:ES-CT": ["Catalonia"],
    "iso3166-2:ES-AN": ["Andalusia"], "iso3166-2:ES-PV": ["Basque Country"], "iso3166-2:ES-VC": ["Valencian Community"],
    "iso3166-2:ES-IB": ["Balearic Islands"], "iso3166-2:ES-CN": ["Canary Islands"], "iso3166-2:DE-BY": ["Bavaria"],
    "iso3166-2:DE-TH": ["Thuringia"], "iso3166-2:DE-HE": ["Hesse"], "iso3166-2:DE-NW": ["North Rhine-Westphalia"],
    "iso3166-2:DE-RP": ["Rhineland-Palatinate"], "iso3166-2:DE-ST": ["Saxony-Anhalt"],
    "iso3166-2:DE-MV": ["Mecklenburg-Western Pomerania"], "iso3166-2:SA-04": ["Eastern Province"],
    "iso3166-2:BE-VLG": ["Flanders"], "iso3166-2:BE-WAL": ["Wallonia"], "iso3166-2:GR-M": ["Crete"],
    "ne:CHN-4458": ["Inner Mongolia"], "ne:CHN-4437": ["Tibet"], "ne:POL-4589": ["Lower Silesia"],
    "ne:POL-6868": ["Silesia"], "ne:POL-5295": ["Pomerania"], "ne:POL-6870": ["Masovia"],
    # Somalia's regions as English-language news writes them.
    "iso3166-2:SO-SH": ["Lower Shabelle", "Lower Shabeelle"], "iso3166-2:SO-SD": ["Middle Shabelle", "Middle Shabeelle"],
    "iso3166-2:SO-JH": ["Lower Juba"], "iso3166-2:SO-JD": ["Middle Juba"], "iso3166-2:SO-HI": ["Hiran", "Hiraan"],
    "iso3166-2:SO-BN": ["Benadir"],
    # Short names: Transnistria, Newfoundland, and the Russian and Ukrainian short names of Russian
    # regions ("Подмосковье", "Кузбасс", "Кубань", "Якутия").
    "ne:MDA-772": ["Pridnestrovie", "Приднестровье", "Придністров'я"], "iso3166-2:CA-NL": ["Newfoundland"],
    "iso3166-2:RU-KDA": ["Кубань"], "iso3166-2:RU-ZAB": ["Забайкалье", "Забайкалля"],
    "iso3166-2:RU-MOS": ["Подмосковье", "Підмосков'я"], "iso3166-2:RU-STA": ["Ставрополье", "Ставропілля"],
    "iso3166-2:RU-KEM": ["Kuzbass", "Кузбасс", "Кузбас"], "iso3166-2:RU-PER": ["Прикамье", "Прикам'я"],
    "iso3166-2:RU-AMU": ["Приамурье", "Приамур'я"], "iso3166-2:RU-PRI": ["Приморье", "Примор'я"],
    "iso3166-2:RU-KHM": ["Yugra", "Югра"], "iso3166-2:RU-YAN": ["Yamal", "Ямал"],
    "iso3166-2:RU-SA": ["Yakutia", "Якутия", "Якутія"], "iso3166-2:RU-BA": ["Bashkiria", "Башкирия", "Башкирія"],
    "iso3166-2:RU-KR": ["Карелия", "Карелія"], "iso3166-2:RU-TY": ["Тыва", "Тува", "Тива"],
    "iso3166-2:RU-CE": ["Чечня"], "iso3166-2:RU-CHU": ["Chukotka", "Чукотка"], "iso3166-2:RU-LEN": ["Ленобласть"],
}


# Names the sources give a region that are another's, by region id: Natural Earth's WOE name for
# Sakha's unit is "Chukot".
NOT_NAMES = {"iso3166-2:RU-SA": {"Chukot"}}


def _translators() -> dict[str, gettext.NullTranslations]:
    return {loc: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[loc]) for loc in LOCALES}


_CYRILLIC_LATIN = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяёў",
                           ["a", "b", "v", "g", "g", "d", "e", "ye", "zh", "z", "i", "i", "yi", "y", "k", "l", "m", "n",
                            "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu",
                            "ya", "e", "u"]))


def _latin(name: str) -> str:
    return "".join(_CYRILLIC_LATIN.get(c, c) for c in name.lower())


def _misplaced_translations(tr: dict[str, gettext.NullTranslations]) -> set[tuple[str, str]]:
    """(code, name) pairs of iso-codes translations given to two subdivisions of one country whose
    own names differ, on all but the subdivision whose name the translation spells best in Latin
    letters: iso-codes 4.x gives Sakha "Республіка Алтай" and Krasnoyarsk "Краснодарський край" in
    Ukrainian. Subdivisions of one name at two levels (Papua, Tashkent) keep theirs, and so do all
    when the translation spells none of them well (it translates: "Північне губернаторство")."""
    by_name = collections.defaultdict(set)
    for sub in pycountry.subdivisions:
        for loc in LOCALES:
            name = tr[loc].gettext(sub.name)
            if name != sub.name:
                by_name[(sub.country_code, name)].add(sub)
    drop = set()
    for (_, name), subs in sorted(by_name.items()):
        if len({_norm(s.name) for s in subs}) < 2:
            continue
        latin = _norm(_latin(name))
        score = {s.code: max(difflib.SequenceMatcher(None, latin, _norm(n)).ratio()
                             for n in _name_parts(s.name) + [s.name.split(", ")[0]])
                 for s in subs}
        best = max(score.values())
        if best < 0.7:  # a translation, not a transliteration ("Північне губернаторство"): cannot tell
            continue
        drop |= {(code, name) for code, v in score.items() if v < best}
    return drop


def finish(units: list[dict]) -> list[dict]:
    """Fills id, kind, names and the representative point; returns the units sorted by id."""
    tr = _translators()
    misplaced = _misplaced_translations(tr)
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
            translated = (tr[loc].gettext(sub.name) for loc in LOCALES)
            names += _pycountry_variants(sub) + [n for t in translated if (sub.code, t) not in misplaced for n in _name_parts(t)]
        else:
            u["id"] = f"ne:{u['adm0_a3'] or u['country']}-{u['fid']}"
            raw_kind = (sorted(common_kind[u["country"]].items(), key=lambda kv: (-kv[1], kv[0])) or [("Region", 0)])[0][0]
        names += VARIANTS.get(u["id"], [])
        names = [n for n in names if n not in NOT_NAMES.get(u["id"], set())]
        u["kind"] = KIND_BY_COUNTRY.get(u["country"], {}).get(raw_kind, raw_kind)
        u["name"] = clean(u["name"] or u["gn_name"] or u["woe_name"] or (sub.name if sub else ""))
        u["names"] = name_variants(names)
        u["lat"], u["lon"] = centre_point(fix_wrap(u["geometry"]))
    ids = collections.Counter(u["id"] for u in units)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise RuntimeError(f"duplicate region ids: {dup[:5]}")
    return sorted(units, key=lambda u: u["id"])


def write(units: list[dict], path: Path) -> int:
    rows = ([u["id"], u["country"], u["name"], coord(u["lat"]), coord(u["lon"]), u["admin1"], u["kind"], "|".join(u["names"])]
            for u in units)
    return write_tsv(path, HEADER, rows)
