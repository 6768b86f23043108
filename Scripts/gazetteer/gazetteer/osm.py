"""Land borders from OpenStreetMap-derived time-zone outlines (timezonefinder-data, ODbL 1.0).

Each time zone of timezone-boundary-builder is a union of OSM boundaries, extended over the
12-nautical-mile territorial sea. A country's outline is the union of the zones assigned to it;
the border of two countries is the shared edge of their outlines, clipped to land with DCW.
"""

from __future__ import annotations

from importlib.metadata import version

import numpy as np
import shapely
from shapely.geometry import MultiLineString, MultiPolygon, Polygon
from timezonefinder import TimezoneFinder

from .dcw import as_multipolygon

FOCUS = ("BY", "RU", "UA")
# DCW land may miss the true border's end at a coast by its own error (≈ 500 m): keep the shared
# edge within this distance of DCW land, which drops the territorial-sea boundaries beyond it.
LAND_MARGIN_DEG = 0.006
# Sample every n-th boundary vertex of the DCW outlines to find the zones along the borders.
SAMPLE_STEP = 5
OSM_ACCURACY_M = 50


def source() -> str:
    return (f"OpenStreetMap contributors via timezone-boundary-builder (timezonefinder-data "
            f"{version('timezonefinder-data')}), ODbL 1.0")


def _zone(tf: TimezoneFinder, name: str) -> MultiPolygon:
    polys = [Polygon(p[0], p[1:]) for p in tf.get_geometry(tz_name=name, coords_as_pairs=True)]
    geom = MultiPolygon(polys)
    return geom if geom.is_valid else as_multipolygon(shapely.make_valid(geom))


def _zones_near(tf: TimezoneFinder, polys: dict, countries: list[str]) -> list[str]:
    names = set()
    for code in countries:
        geom = polys[code]
        pts = [geom.representative_point().coords[0]]
        for part in geom.geoms:
            pts.extend(np.asarray(part.exterior.coords)[::SAMPLE_STEP].tolist())
        for lon, lat in pts:
            z = tf.timezone_at(lng=float(lon), lat=float(lat))
            if z and not z.startswith("Etc/"):
                names.add(z)
    return sorted(names)


def _assign(zones: dict, polys: dict, log) -> dict[str, str]:
    """zone → the DCW country covering most of its land (compared on 0.02°-simplified outlines)."""
    keys = sorted(polys)
    coarse = [shapely.make_valid(shapely.simplify(polys[k], 0.02)) for k in keys]
    tree = shapely.STRtree(coarse)
    out = {}
    for name, geom in sorted(zones.items()):
        z = shapely.make_valid(shapely.simplify(geom, 0.02))
        shares = []
        for i in tree.query(z, predicate="intersects").tolist():
            a = shapely.area(shapely.intersection(z, coarse[i]))
            if a > 0:
                shares.append((a, keys[i]))
        if not shares:
            continue
        shares.sort(key=lambda s: (-s[0], s[1]))
        total = sum(a for a, _ in shares)
        out[name] = shares[0][1]
        if len(shares) > 1 and shares[1][0] > 0.05 * total:
            log(f"zone {name} spans {shares[0][1]} and {shares[1][1]} ({shares[1][0] / total:.0%}); assigned to {shares[0][1]}")
    return out


def border_lines(polys: dict, neighbours: dict, log) -> tuple[dict, dict]:
    """(pair → shared OSM edge clipped to land, properties) for the pairs among FOCUS and their neighbours."""
    group = sorted(set(FOCUS) | {n for c in FOCUS for n in neighbours[c]})
    tf = TimezoneFinder()
    names = _zones_near(tf, polys, group)
    zones = {n: _zone(tf, n) for n in names}
    owner = _assign(zones, polys, log)
    outline = {}
    for code in group:
        mine = [zones[n] for n in names if owner.get(n) == code]
        if mine:
            outline[code] = shapely.union_all(mine)
    log(f"OSM outlines for {len(outline)} countries from {len(zones)} zones: {', '.join(sorted(outline))}")
    lines = {}
    for a in group:
        for b in neighbours[a]:
            if b <= a or a not in outline or b not in outline:
                continue
            shared = shapely.intersection(outline[a].boundary, outline[b].boundary)
            parts = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString" and not g.is_empty]
            if not parts:
                continue
            edge = shapely.line_merge(MultiLineString(parts))
            minx, miny, maxx, maxy = edge.bounds
            m = 2 * LAND_MARGIN_DEG
            land = shapely.union_all([shapely.clip_by_rect(polys[c], minx - m, miny - m, maxx + m, maxy + m) for c in (a, b)])
            clipped = shapely.intersection(edge, shapely.buffer(land, LAND_MARGIN_DEG, quad_segs=4))
            clipped = [g for g in shapely.get_parts(clipped) if g.geom_type == "LineString" and g.length > 0]
            if clipped:
                lines[(a, b)] = shapely.line_merge(MultiLineString(clipped))
    return lines, {"source": source(), "accuracy_m": OSM_ACCURACY_M}
