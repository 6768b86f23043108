"""Natural Earth admin-1 units from the `states_provinces` layer of QGIS's world_map.gpkg (Debian qgis-common)."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import shapely

from .dcw import as_multipolygon

FIELDS = ["fid", "iso_a2", "name", "fips", "woe_label", "woe_name", "adm0_a3", "admin", "gn_name"]


def gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (GeoPackage spec §2.1.3: magic "GP", version,
    flags, srs_id, then an envelope whose size the flags' bits 1–3 give)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0b111]
    return blob[8 + envelope:]


def read_states(gpkg: Path) -> list[dict]:
    """Every admin-1 unit as a dict of FIELDS plus "geometry" (MultiPolygon), sorted by fid."""
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        cols = ", ".join(FIELDS)
        rows = con.execute(f"SELECT {cols}, geom FROM states_provinces ORDER BY fid").fetchall()
    finally:
        con.close()
    out = []
    for row in rows:
        rec = {k: (v if v is not None else "") for k, v in zip(FIELDS, row[:-1])}
        geom = shapely.from_wkb(gpkg_wkb(row[-1]))
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        rec["geometry"] = as_multipolygon(geom)
        out.append(rec)
    return out
