"""Geometry helpers: representative points and coordinate rounding."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
import shapely.ops
from shapely.ops import polylabel


def _weighted_area(p: Polygon) -> float:
    # Degree² scaled by cos(latitude): proportional to true area for parts of similar latitude.
    return p.area * math.cos(math.radians(p.centroid.y))


def largest_part(geom) -> Polygon:
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, Polygon) and not g.is_empty]
    return max(parts, key=lambda p: (_weighted_area(p), p.bounds))


def representative_point(geom) -> tuple[float, float]:
    """(latitude, longitude) of the pole of inaccessibility of the largest part.

    Computed in a plane where longitudes are scaled by cos(latitude of the part), so the point
    is about equally far from the part's edges in metres, not in degrees. Deterministic.
    """
    part = largest_part(geom)
    scale = max(math.cos(math.radians(part.centroid.y)), 0.05)
    planar = shapely.transform(part, lambda a: a * np.array([scale, 1.0]))
    minx, miny, maxx, maxy = planar.bounds
    tolerance = max(min(maxx - minx, maxy - miny) / 200.0, 1e-5)
    p = polylabel(planar, tolerance=tolerance)
    lon, lat = p.x / scale, p.y
    if not part.contains(Point(lon, lat)):
        q = part.representative_point()
        lon, lat = q.x, q.y
    return lat, lon


def _equal_area(geom):
    # Lambert cylindrical equal-area on the unit sphere, x in degrees of longitude: planar areas
    # and centroids here are proportional to those on the sphere.
    return shapely.transform(geom, lambda a: np.column_stack([a[:, 0], np.sin(np.radians(a[:, 1]))]))


# Parts at least this share of the largest part's area count as main landmasses.
MAIN_PART_SHARE = 0.5


def centre_point(geom) -> tuple[float, float]:
    """(latitude, longitude) of the area centroid of the main landmasses, the point people mean by
    the centre of a country or region.

    Main landmasses are the parts with at least MAIN_PART_SHARE of the largest part's area, so
    Alaska and Hawaii do not pull the United States' centre into Canada, nor remote islands a
    country's into the sea. The centroid is taken on an equal-area projection of the sphere (a
    centroid in plain degrees would pull high-latitude countries north). Where it falls outside
    a single main landmass (a crescent-shaped country such as Vietnam or Norway), the point
    nearest to it that lies INSIDE_MARGIN_DEG inside the landmass is used: the middle of the
    crescent, not one of its ends. Where it falls outside several (Malaysia's peninsula and
    Borneo), the pole of inaccessibility of the largest part is used. Deterministic.
    """
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, Polygon) and not g.is_empty]
    areas = [_equal_area(p).area for p in parts]
    biggest = max(areas)
    main = MultiPolygon([p for p, a in zip(parts, areas) if a >= MAIN_PART_SHARE * biggest])
    c = _equal_area(main).centroid
    lon, lat = c.x, math.degrees(math.asin(max(-1.0, min(1.0, c.y))))
    if main.contains(Point(lon, lat)):
        return lat, lon
    if len(main.geoms) == 1:
        inside = _nearest_inside(main.geoms[0], lat, lon)
        if inside is not None:
            return inside
    return representative_point(geom)


# How far inside its outline the point nearest to an outside centroid is taken, in degrees of
# latitude (about 11 km); narrower landmasses are tried with half, then a fifth of it.
INSIDE_MARGIN_DEG = 0.1


def _nearest_inside(part: Polygon, lat: float, lon: float) -> tuple[float, float] | None:
    """(latitude, longitude) of the point of `part` nearest to (lat, lon) that is INSIDE_MARGIN_DEG
    inside its outline, measured in a plane where longitudes are scaled by cos(lat) (so the margin
    and the distance are about equal in kilometres). None when the part is too thin for any margin.
    """
    scale = max(math.cos(math.radians(lat)), 0.05)
    planar = shapely.transform(part, lambda a: a * np.array([scale, 1.0]))
    target = Point(lon * scale, lat)
    for margin in (INSIDE_MARGIN_DEG, INSIDE_MARGIN_DEG / 2, INSIDE_MARGIN_DEG / 5):
        inner = planar.buffer(-margin)
        if not inner.is_empty:
            p = shapely.ops.nearest_points(inner, target)[0]
            return p.y, p.x / scale
    return None


def round_geometry(geom, decimals: int = 5):
    """Coordinates rounded to `decimals` (5 ≈ 1 m), made valid again, polygonal parts only."""
    from .dcw import as_multipolygon

    g = shapely.set_precision(geom, 10.0 ** -decimals, mode="valid_output")
    return as_multipolygon(g) if isinstance(geom, (Polygon, MultiPolygon)) else g
