"""A compact, deterministic RFC 7946 writer: one feature per line, fixed 5-decimal coordinates."""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon


def _num(v: float) -> str:
    s = f"{v:.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _ring(coords) -> str:
    return "[" + ",".join(f"[{_num(x)},{_num(y)}]" for x, y in coords) + "]"


def _polygon(p: Polygon) -> str:
    return "[" + ",".join(_ring(r.coords) for r in [p.exterior, *p.interiors]) + "]"


def geometry(g) -> str:
    """GeoJSON text of a (Multi)Polygon or (Multi)LineString; polygons as MultiPolygon with CCW shells."""
    if isinstance(g, (Polygon, MultiPolygon)):
        g = shapely.orient_polygons(g, exterior_cw=False)
        parts = [g] if isinstance(g, Polygon) else list(g.geoms)
        return '{"type":"MultiPolygon","coordinates":[' + ",".join(_polygon(p) for p in parts) + "]}"
    if isinstance(g, LineString):
        return '{"type":"LineString","coordinates":' + _ring(g.coords) + "}"
    if isinstance(g, MultiLineString):
        return '{"type":"MultiLineString","coordinates":[' + ",".join(_ring(l.coords) for l in g.geoms) + "]}"
    raise TypeError(f"unsupported geometry {g.geom_type}")


def write(path: Path, features: list[tuple[dict, object]]) -> int:
    """Writes a FeatureCollection of (properties, geometry) pairs, in the given order."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i, (props, geom) in enumerate(features):
            sep = ",\n" if i + 1 < len(features) else "\n"
            f.write('{"type":"Feature","properties":' + json.dumps(props, ensure_ascii=False, separators=(",", ":"))
                    + ',"geometry":' + geometry(geom) + "}" + sep)
        f.write("]}\n")
    return len(features)
