"""Country and Russian federal-subject polygons from DCW-GMT (Debian gmt-dcw), read through `gmt coast`."""

from __future__ import annotations

import functools
import hashlib
import os
import subprocess
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor

import shapely
from shapely.geometry import MultiPolygon, Polygon


def _gmt(*args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["gmt", *args], input=stdin, capture_output=True, check=True).stdout


def list_units(states: bool = False) -> list[tuple[str, str]]:
    """(code, name) of every country (`-E+l`) or every state of AR AU BR CA CN IN RU US (`-E+L`)."""
    out = _gmt("coast", "-E+L" if states else "-E+l").decode("utf-8")
    units = []
    for line in out.splitlines():
        code, _, name = line.partition("\t")
        code = code.strip()
        if not code or (states != ("." in code)):
            continue
        units.append((code, name.strip()))
    return sorted(units)


def _segments(code_list: str) -> dict[str, tuple[list, list]]:
    """Rings of every unit in one `gmt coast -E<codes> -M` call, keyed by the segment header's name.

    `gmt convert -fg --FORMAT_GEO_OUT=D` is needed: `gmt coast` writes longitudes west of 0°
    (and Russia east of 180°) as 180–360°. Segments whose header carries `-Ph` are holes.
    Headers read "> [-Ph] <name> Segment <n>"; a state's name is followed by " (<country>)".
    """
    raw = _gmt("coast", f"-E{code_list}", "-M")
    text = _gmt("convert", "-fg", "--FORMAT_GEO_OUT=D", stdin=raw).decode("utf-8")
    units: dict[str, tuple[list, list]] = {}
    ring: list[tuple[float, float]] = []
    target: list | None = None

    def flush() -> None:
        if target is not None and len(ring) >= 4:
            poly = Polygon(ring)
            target.append(poly if poly.is_valid else shapely.make_valid(poly))

    for line in text.splitlines():
        if line.startswith(">"):
            flush()
            ring = []
            words = line[1:].split()
            is_hole = "-Ph" in words
            words = [w for w in words if w != "-Ph"]
            if len(words) >= 2 and words[-2] == "Segment":
                words = words[:-2]
            shells, holes = units.setdefault(" ".join(words), ([], []))
            target = holes if is_hole else shells
            continue
        parts = line.split()
        if len(parts) >= 2:
            ring.append((float(parts[0]), float(parts[1])))
    flush()
    return units


def read_chunk(codes: list[str], names: dict[str, str]) -> dict[str, MultiPolygon]:
    """Several units from one `gmt` call (each call costs about a second of start-up)."""
    found = _segments(",".join(codes))
    out = {}
    for code in codes:
        shells, holes = found.get(names[code], ([], []))
        if not shells:
            raise RuntimeError(f"gmt coast -E{code} returned no polygon (header {names[code]!r})")
        out[code] = _assemble(shells, holes)
    return out


def _assemble(shells: list, holes: list) -> MultiPolygon:
    # DCW rings are almost always disjoint islands, so the cheap path is a MultiPolygon of the
    # shells with each hole cut from the shell that holds it; a full union only if that is invalid.
    parts = [p for s in shells for p in as_multipolygon(s).geoms]
    if holes:
        tree = shapely.STRtree(parts)
        cut: dict[int, list] = {}
        for h in holes:
            probe = h.representative_point()
            for i in tree.query(probe, predicate="within"):
                cut.setdefault(int(i), []).append(h)
        for i, hs in cut.items():
            parts[i] = shapely.difference(parts[i], shapely.union_all(hs))
        parts = [p for g in parts for p in as_multipolygon(g).geoms]
    # Shells are not merged even where two touch or overlap (rare in DCW): a union of the
    # thousands of islands of Canada or the United States costs minutes. Outputs that must be
    # valid are repaired after simplification (outlines.simplify_coasts).
    return MultiPolygon(parts)


def as_multipolygon(geom) -> MultiPolygon:
    """Keeps only the polygonal parts of `geom`, as one MultiPolygon."""
    parts: list[Polygon] = []
    for g in shapely.get_parts(geom):
        if isinstance(g, Polygon):
            if not g.is_empty:
                parts.append(g)
        elif isinstance(g, MultiPolygon):
            parts.extend(p for p in g.geoms if not p.is_empty)
        elif hasattr(g, "geoms"):
            parts.extend(as_multipolygon(g).geoms)
    return MultiPolygon(parts)


def header_names() -> dict[str, str]:
    """code → the name `gmt coast -M` writes in segment headers ("RU.KRS" → "Kursk Oblast (…) (Russian Federation)")."""
    countries = dict(list_units())
    names = dict(countries)
    for code, name in list_units(states=True):
        names[code] = f"{name} ({countries[code.split('.')[0]]})"
    return names


def read_units(codes: list[str], cache: Path | None = None, chunk: int = 8) -> dict[str, MultiPolygon]:
    """Reads units in chunks of `chunk` codes per `gmt` call, in parallel.

    With `cache`, each unit's polygon is kept there as WKB keyed by the gmt-dcw version, so
    rebuilding the gazetteer after a script change does not run `gmt` again.
    """
    names = header_names()
    result: dict[str, MultiPolygon] = {}
    todo = []
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    for code in codes:
        path = cache / f"dcw-{dcw_version()}-{code}.wkb" if cache is not None else None
        if path is not None and path.exists():
            result[code] = shapely.from_wkb(path.read_bytes())
        else:
            todo.append(code)

    def one(group: list[str]) -> dict[str, MultiPolygon]:
        got = read_chunk(group, names)
        if cache is not None:
            for code, geom in got.items():
                path = cache / f"dcw-{dcw_version()}-{code}.wkb"
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(shapely.to_wkb(geom))
                tmp.replace(path)
        return got

    groups = [todo[i:i + chunk] for i in range(0, len(todo), chunk)]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        for got in pool.map(one, groups):
            result.update(got)
    return {code: result[code] for code in codes}


@functools.cache
def dcw_version() -> str:
    """Cache key: the installed gmt-dcw version and a digest of this reader, e.g. "2.1.1-1-3f2a9c01"."""
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "gmt-dcw"], capture_output=True, text=True)
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]
    return f"{out.stdout.strip() or 'unknown'}-{code}"
