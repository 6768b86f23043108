"""The polygon and line layers: countries.geojson, regions.geojson and borders.geojson."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LinearRing, LineString, MultiLineString, MultiPolygon, Polygon

from . import geojson, osm
from .dcw import as_multipolygon

# Vertices of a country within this distance of another country are land-border vertices and are
# kept as they are; DCW's neighbouring outlines overlap or leave gaps of up to a few hundred metres.
NEIGHBOUR_EPS_DEG = 0.005
# Douglas–Peucker tolerance for coastlines: ≈ 110 m, well under DCW's ≈ 500 m accuracy.
COAST_TOLERANCE_DEG = 0.001
DCW_SOURCE = "DCW-GMT 2.1.1 (Debian gmt-dcw 2.1.1-1), LGPL-3+"
DCW_ACCURACY_M = 500


def _neighbours(polys: dict) -> dict[str, list[str]]:
    keys = sorted(polys)
    geoms = [polys[k] for k in keys]
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="dwithin", distance=NEIGHBOUR_EPS_DEG)
    out: dict[str, list[str]] = {k: [] for k in keys}
    for a, b in zip(left.tolist(), right.tolist()):
        if a != b:
            out[keys[a]].append(keys[b])
    return {k: sorted(set(v)) for k, v in out.items()}


def _near_mask(coords: np.ndarray, other) -> np.ndarray:
    """Which of `coords` lie within NEIGHBOUR_EPS_DEG of `other` (only those in its widened bbox are tested)."""
    minx, miny, maxx, maxy = other.bounds
    e = NEIGHBOUR_EPS_DEG
    box = (coords[:, 0] >= minx - e) & (coords[:, 0] <= maxx + e) & (coords[:, 1] >= miny - e) & (coords[:, 1] <= maxy + e)
    mask = np.zeros(len(coords), dtype=bool)
    if box.any():
        idx = np.nonzero(box)[0]
        mask[idx] = shapely.dwithin(other, shapely.points(coords[idx]), e)
    return mask


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index ranges of consecutive True values."""
    if not flags.any():
        return []
    d = np.diff(np.concatenate([[0], flags.astype(np.int8), [0]]))
    return list(zip(np.nonzero(d == 1)[0].tolist(), np.nonzero(d == -1)[0].tolist()))


def _simplify_ring(coords: np.ndarray, pinned: np.ndarray) -> np.ndarray | None:
    """Douglas–Peucker on the unpinned stretches of a closed ring; pinned vertices stay."""
    coords, pinned = coords[:-1], pinned[:-1]
    n = len(coords)
    if not pinned.any():
        ring = shapely.simplify(Polygon(np.vstack([coords, coords[:1]])), COAST_TOLERANCE_DEG, preserve_topology=True)
        if ring.is_empty or ring.geom_type != "Polygon":
            return None
        return np.asarray(ring.exterior.coords)
    # Rotate so that the ring starts on a pinned vertex; then every free stretch lies between two anchors.
    first = int(np.argmax(pinned))
    coords, pinned = np.roll(coords, -first, axis=0), np.roll(pinned, -first)
    keep = []
    i = 0
    for start, end in _runs(~pinned):
        keep.append(coords[i:start])
        a, b = start - 1, end if end < n else 0
        stretch = np.vstack([coords[a:end], coords[b:b + 1]]) if b == 0 else coords[a:end + 1]
        simple = np.asarray(shapely.simplify(LineString(stretch), COAST_TOLERANCE_DEG).coords)
        keep.append(simple[1:-1])
        i = end
    keep.append(coords[i:])
    out = np.vstack([k for k in keep if len(k)])
    return np.vstack([out, out[:1]]) if len(out) >= 3 else None


def simplify_coasts(polys: dict, neighbours: dict) -> dict:
    """Each country with its coastlines simplified and its land-border vertices untouched."""
    out = {}
    for code in sorted(polys):
        geom = polys[code]
        nbrs = [polys[n] for n in neighbours[code]]
        for g in nbrs:
            shapely.prepare(g)
        parts = []
        for poly in geom.geoms:
            rings = []
            for k, ring in enumerate([poly.exterior, *poly.interiors]):
                coords = np.asarray(ring.coords)
                pinned = np.zeros(len(coords), dtype=bool)
                for g in nbrs:
                    pinned |= _near_mask(coords, g)
                pinned |= np.abs(coords[:, 0]) >= 179.99999  # the antimeridian cut stays straight
                simple = _simplify_ring(coords, pinned)
                if simple is None:
                    if k == 0:
                        break
                    continue
                rings.append(simple)
            if rings:
                parts.append(Polygon(rings[0], rings[1:]))
        simplified = MultiPolygon(parts)
        if not simplified.is_valid:
            simplified = as_multipolygon(shapely.make_valid(simplified))
        out[code] = as_multipolygon(shapely.set_precision(simplified, 1e-5, mode="valid_output"))
    return out


def dcw_border_lines(polys: dict, neighbours: dict) -> dict[tuple[str, str], object]:
    """For each neighbouring pair (a < b): the stretches of a's DCW outline within NEIGHBOUR_EPS_DEG of b."""
    out = {}
    for a in sorted(polys):
        for b in neighbours[a]:
            if b < a:
                continue
            other = polys[b]
            shapely.prepare(other)
            lines = []
            for poly in polys[a].geoms:
                for ring in [poly.exterior, *poly.interiors]:
                    coords = np.asarray(ring.coords)
                    mask = _near_mask(coords, other)
                    if mask.all():
                        lines.append(coords)
                        continue
                    if mask[0] and mask[-1] and not mask.all():
                        # Join the stretch that wraps round the ring's start.
                        first = int(np.argmin(mask))
                        coords, mask = np.vstack([coords[first:-1], coords[:first + 1]]), np.concatenate([mask[first:-1], mask[:first + 1]])
                    for s, e in _runs(mask):
                        if e - s >= 2:
                            lines.append(coords[s:e])
            if lines:
                merged = shapely.line_merge(MultiLineString(lines))
                if shapely.length(merged) > 0:
                    out[(a, b)] = merged
    return out


def geodesic_length_km(line) -> float:
    """Length on a sphere of radius 6371.0088 km (mean Earth radius): good to ~0.5 %, for reports only."""
    total = 0.0
    for part in shapely.get_parts(line):
        c = np.radians(np.asarray(part.coords))
        lon, lat = c[:, 0], c[:, 1]
        h = np.sin(np.diff(lat) / 2) ** 2 + np.cos(lat[:-1]) * np.cos(lat[1:]) * np.sin(np.diff(lon) / 2) ** 2
        total += float(np.sum(2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))))
    return total


# Douglas–Peucker tolerance for whole outlines: ≈ 55 m, a tenth of DCW's ≈ 500 m accuracy. The
# coast-only simplification above keeps land borders exact but is far too slow in Python for the
# 6.6 M DCW vertices; at this tolerance the land borders move by less than a tenth of their error.
OUTLINE_TOLERANCE_DEG = 0.0005
COUNTRY_TOLERANCE_DEG = 0.0015


def simplify_outlines(polys: dict) -> dict:
    """Every country simplified at OUTLINE_TOLERANCE_DEG, repaired, on a 1e-5° grid."""
    out = {}
    for code in sorted(polys):
        s = shapely.simplify(fix_wrap(polys[code]), OUTLINE_TOLERANCE_DEG, preserve_topology=False)
        if not s.is_valid:
            s = shapely.make_valid(s)
        out[code] = as_multipolygon(shapely.set_precision(s, 1e-5, mode="valid_output"))
    return out


def write_countries(out_dir: Path, polys: dict, log) -> None:
    import pycountry

    from . import countries as countries_mod

    # The committed outlines are coarser again (≈ 165 m, still a third of DCW's accuracy) to keep the
    # folder compact; borders are cut from the finer outlines before this step.
    simple = {}
    for code, g in polys.items():
        s = shapely.simplify(g, COUNTRY_TOLERANCE_DEG, preserve_topology=False)
        if not s.is_valid:
            s = shapely.make_valid(s)
        simple[code] = as_multipolygon(shapely.set_precision(s, 1e-5, mode="valid_output"))
    before = sum(shapely.get_num_coordinates(g) for g in polys.values())
    after = sum(shapely.get_num_coordinates(g) for g in simple.values())
    log(f"countries.geojson: {before} → {after} vertices after coast simplification")
    features = []
    for code in sorted(simple):
        c = pycountry.countries.get(alpha_2=code)
        iso3, name = (c.alpha_3 if c else countries_mod.EXTRA[code][0]), countries_mod.display_name(code)
        source = DCW_SOURCE if code not in ("HK", "MO") else DCW_SOURCE + " (state CN." + code + ")"
        features.append(({"iso2": code, "iso3": iso3, "name": name, "source": source}, simple[code]))
    geojson.write(out_dir / "countries.geojson", features)


def write_regions(out_dir: Path, units: list[dict], log) -> None:
    reg = []
    for u in units:
        g = as_multipolygon(shapely.set_precision(u["geometry"], 1e-5, mode="valid_output"))
        reg.append(({"id": u["id"], "country": u["country"], "name": u["name"], "source": u["source"]}, g))
    geojson.write(out_dir / "regions.geojson", reg)
    log(f"regions.geojson: {len(reg)} regions")


def write_borders(out_dir: Path, polys: dict, log) -> None:
    """Borders between the simplified outlines (`simplify_outlines`), OSM-derived where available."""
    neighbours = _neighbours(polys)
    log(f"{sum(len(v) for v in neighbours.values()) // 2} neighbouring country pairs in DCW")
    dcw_lines = dcw_border_lines(polys, neighbours)
    osm_lines, osm_meta = osm.border_lines(polys, neighbours, log)
    borders = []
    for pair in sorted(set(dcw_lines) | set(osm_lines)):
        if pair in osm_lines:
            line, props = osm_lines[pair], dict(osm_meta)
        else:
            line, props = dcw_lines[pair], {"source": DCW_SOURCE, "accuracy_m": DCW_ACCURACY_M}
        line = shapely.set_precision(line, 1e-5)
        if line.is_empty:
            continue
        if line.geom_type not in ("LineString", "MultiLineString"):
            line = shapely.line_merge(MultiLineString([p for p in shapely.get_parts(line) if p.geom_type == "LineString"]))
        a, b = pair
        borders.append(({"pair": f"{a}-{b}", "countries": [a, b], **props,
                         "length_km": round(geodesic_length_km(line), 1)}, line))
    geojson.write(out_dir / "borders.geojson", borders)
    log(f"borders.geojson: {len(borders)} borders, {sum(1 for p, _ in borders if p['accuracy_m'] == osm.OSM_ACCURACY_M)} from OpenStreetMap")
    for (props, line) in borders:
        if props["pair"] in ("BY-UA", "RU-UA", "BY-RU", "PL-UA"):
            log(f"border {props['pair']}: {props['length_km']} km from {props['source']}")


def fix_wrap(geom):
    """Repairs parts that DCW's longitude conversion wrapped the wrong way at the antimeridian.

    Such a part has vertices at about −180° and +180° joined straight across the globe (Russia's
    Arctic coast, Fiji): shifted by +360° where negative it becomes narrow again, and is then cut
    at 180° into a western and an eastern piece (RFC 7946). Antarctica, which really spans every
    longitude, stays wide after the shift and is left alone.
    """
    out = []
    for part in shapely.get_parts(geom):
        minx, _, maxx, _ = part.bounds
        if maxx - minx <= 180:
            out.append(part)
            continue
        shifted = shapely.transform(part, lambda c: np.where(c[:, :1] < 0, c + [360, 0], c))
        sx0, _, sx1, _ = shifted.bounds
        if sx1 - sx0 > 180:
            out.append(part)
            continue
        shifted = shapely.make_valid(shifted)
        west = shapely.clip_by_rect(shifted, -180, -90, 180, 90)
        east = shapely.transform(shapely.clip_by_rect(shifted, 180, -90, 540, 90), lambda c: c - [360, 0])
        out.extend(p for p in shapely.get_parts(west) if p.geom_type == "Polygon" and not p.is_empty)
        out.extend(p for p in shapely.get_parts(east) if p.geom_type == "Polygon" and not p.is_empty)
    return as_multipolygon(shapely.make_valid(MultiPolygon(out)))
