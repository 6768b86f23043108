"""Helper for Scripts/bench.d/20-geodesy: generates the data, runs both sides, prints the table."""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import orjson
import shapely
from pyproj import Geod, Transformer

VERTICES, POINTS, SEED = 50_000, 100_000, 20


BOX = (30.0, 46.0, 40.0, 52.5)  # west, south, east, north: Ukraine and its eastern border region


def random_line(rng):
    """A random walk of VERTICES vertices (steps 0.2–2 km) inside BOX, built geodesically: a tangled
    stand-in for a long border."""
    geod = Geod(ellps="WGS84")
    lon, lat, heading = [36.0], [50.0], 0.0
    turns = rng.uniform(-45, 45, VERTICES)
    steps = rng.uniform(200, 2_000, VERTICES)
    i = 1
    while len(lon) < VERTICES:
        heading += turns[i % VERTICES]
        x, y, _ = geod.fwd(lon[-1], lat[-1], heading, steps[i % VERTICES])
        i += 1
        if not (BOX[0] <= x <= BOX[2] and BOX[1] <= y <= BOX[3]):
            heading += 180  # bounce off the box
            continue
        lon.append(x)
        lat.append(y)
    return np.array(lon), np.array(lat)


def main(incmap):
    rng = np.random.default_rng(SEED)
    lon, lat = random_line(rng)
    plon = rng.uniform(lon.min() - 0.5, lon.max() + 0.5, POINTS)
    plat = rng.uniform(lat.min() - 0.5, lat.max() + 0.5, POINTS)

    with tempfile.TemporaryDirectory() as tmp:
        line_path, points_path = os.path.join(tmp, "line.geojson"), os.path.join(tmp, "points.txt")
        with open(line_path, "wb") as f:
            f.write(orjson.dumps({"type": "LineString", "coordinates": np.column_stack([lon, lat]).tolist()}))
        with open(points_path, "w") as f:
            f.write("\n".join(f"{float(y)!r},{float(x)!r}" for x, y in zip(plon, plat)) + "\n")
        t = time.perf_counter()
        run = subprocess.run([incmap, "distance", "--to-line", line_path, "--points", points_path, "--timing"],
                             capture_output=True)
        if run.returncode != 0:
            sys.exit(f"incmap failed: {run.stderr.decode(errors='replace').strip()}")
        ours_wall = time.perf_counter() - t
    timing = orjson.loads(run.stderr.strip().splitlines()[-1])
    ours = np.array([orjson.loads(l)["metres"] for l in run.stdout.splitlines()])
    assert len(ours) == POINTS

    # Shapely 2: what a user would do for metres — project to an equal-area CRS, measure planar.
    t = time.perf_counter()
    to3035 = Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)
    lx, ly = to3035.transform(lon, lat)
    px, py = to3035.transform(plon, plat)
    transform_s = time.perf_counter() - t
    line = shapely.linestrings(np.column_stack([lx, ly]))
    pts = shapely.points(px, py)
    t = time.perf_counter()
    planar = shapely.distance(pts, line)
    plain_s = time.perf_counter() - t
    # Shapely's fastest form: an STRtree over the segments and query_nearest.
    t = time.perf_counter()
    coords = np.column_stack([lx, ly])
    segments = shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1))
    tree = shapely.STRtree(segments)
    _, tree_d = tree.query_nearest(pts, return_distance=True, all_matches=False)
    tree_s = time.perf_counter() - t
    assert np.allclose(tree_d, planar)

    err = np.abs(planar - ours)
    rel = err / np.maximum(ours, 1)
    ours_rate = POINTS / timing["query_s"]
    rows = [
        ("incmap: exact WGS84 geodesic, indexed, 2 cores", timing["query_s"], timing["index_s"], ours_wall, "0 (reference)"),
        ("Shapely 2.1.2 distance, EPSG:3035 planar", plain_s, transform_s, None, None),
        ("Shapely 2.1.2 STRtree.query_nearest, EPSG:3035", tree_s, transform_s, None, None),
    ]
    print(f"{POINTS:,} points against a {VERTICES:,}-vertex line ({timing['edges']:,} edges); "
          f"{os.cpu_count()} cores; median distance {np.median(ours) / 1000:.1f} km")
    print(f"{'method':50} {'points/s':>12} {'query s':>9} {'prep s':>8} {'ours ×':>8}")
    for name, q, prep, _, _ in rows:
        rate = POINTS / q
        print(f"{name:50} {rate:12,.0f} {q:9.3f} {prep:8.3f} {ours_rate / rate:8.1f}")
    print(f"incmap wall time incl. reading files and writing {POINTS:,} JSON lines: {ours_wall:.2f} s")
    print(f"Shapely EPSG:3035 error vs exact geodesic: max {err.max():.1f} m, p99 {np.percentile(err, 99):.1f} m, "
          f"median {np.median(err):.1f} m; relative max {rel.max() * 100:.3f} %, median {np.median(rel) * 100:.3f} %")


if __name__ == "__main__":
    main(sys.argv[1])
