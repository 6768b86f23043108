"""Scoring for Scripts/eval-geoparse: span P/R/F1 and resolution errors on the WGS84 ellipsoid."""
import json
import math
import statistics
import sys

from pyproj import Geod

GEOD = Geod(ellps="WGS84")
# Half the equatorial circumference in km: the largest possible error, AUC's normaliser (Gritta et al. 2018).
MAX_ERROR_KM = 20039


def load(path):
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs[str(d["id"])] = d
    return docs


def error_km(a, b):
    _, _, metres = GEOD.inv(a["lon"], a["lat"], b["lon"], b["lat"])
    return metres / 1000


def auc(errors):
    """Area under the sorted log(1 + error) curve, normalised to 0..1 (lower is better)."""
    if len(errors) < 2:
        return float("nan")
    logs = sorted(math.log(e + 1) for e in errors)
    area = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1))
    return area / ((len(logs) - 1) * math.log(MAX_ERROR_KM))


def score(gold, system, error_lines=None, label=""):
    tp_exact = tp_overlap = n_sys = n_gold = 0
    errors = []
    by_kind = {}  # the system's kind of place → errors
    unresolved = 0
    for doc_id, g in gold.items():
        gspans = [(t["start"], t["end"]) for t in g["toponyms"]]
        n_gold += len(gspans)
        s = system.get(doc_id, {"toponyms": []})["toponyms"]
        n_sys += len(s)
        by_span = {(t["start"], t["end"]): t for t in s}
        tp_exact += sum(1 for sp in gspans if sp in by_span)
        tp_overlap += sum(1 for (a, b) in gspans if any(t["start"] < b and a < t["end"] for t in s))
        for t in g["toponyms"]:
            found = by_span.get((t["start"], t["end"]))
            if found is None:
                continue
            if found.get("lat") is None:
                unresolved += 1
                e = MAX_ERROR_KM
            else:
                e = error_km(t, found)
            errors.append(e)
            by_kind.setdefault(found.get("kind") or "unknown", []).append(e)
            if error_lines is not None:
                error_lines.append(f"{label}\t{doc_id}\t{t['name']}\t{e:.0f}\t{found.get('place_id')}\t"
                                   f"{t['lat']:.3f},{t['lon']:.3f}\t{found.get('lat')},{found.get('lon')}")
    p = tp_exact / n_sys if n_sys else 0
    r = tp_exact / n_gold if n_gold else 0
    po = tp_overlap / n_sys if n_sys else 0
    ro = tp_overlap / n_gold if n_gold else 0
    f1 = lambda a, b: 2 * a * b / (a + b) if a + b else 0
    acc = sum(1 for e in errors if e <= 161) / len(errors) if errors else 0
    return {
        "gold": n_gold, "found": n_sys, "P": p, "R": r, "F1": f1(p, r), "P~": po, "R~": ro, "F1~": f1(po, ro),
        "scored": len(errors), "unresolved": unresolved, "acc161": acc,
        "mean": statistics.fmean(errors) if errors else float("nan"),
        "median": statistics.median(errors) if errors else float("nan"), "AUC": auc(errors),
        "by_kind": {k: (sum(1 for e in v if e <= 161) / len(v), len(v)) for k, v in sorted(by_kind.items())},
    }


def main():
    gold_path, found_path, oracle_path, seconds, errors_path = sys.argv[1:6]
    gold = load(gold_path)
    lines = [] if errors_path else None
    found = score(gold, load(found_path), lines, "found")
    oracle = score(gold, load(oracle_path), lines, "oracle")
    print(f"corpus {gold_path}: {len(gold)} documents, {found['gold']} gold toponyms; geoparse took {float(seconds):.1f} s")
    print(f"spans  exact:       P {found['P']:.3f}  R {found['R']:.3f}  F1 {found['F1']:.3f}   ({found['found']} found)")
    print(f"spans  overlapping: P {found['P~']:.3f}  R {found['R~']:.3f}  F1 {found['F1~']:.3f}")
    for name, s in (("found spans ", found), ("oracle spans", oracle)):
        print(f"{name}: acc@161 km {100 * s['acc161']:.1f} %  mean {s['mean']:.0f} km  median {s['median']:.1f} km  "
              f"AUC {s['AUC']:.3f}  ({s['scored']} scored, {s['unresolved']} without a place)")
    # A country's or continent's point is a convention (centroid, capital, the gazetteer's point) and
    # can lie more than 161 km from the corpus's point for the same country: accuracy by kind shows
    # how much of the error that is.
    print("found spans by kind: " + ", ".join(
        f"{kind} {100 * acc:.1f} % of {n}" for kind, (acc, n) in found["by_kind"].items()))
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
