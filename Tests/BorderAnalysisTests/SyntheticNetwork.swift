import GeoJSON
@testable import BorderAnalysis

/// A small made-up world on the equator, so that distances have closed forms:
///
///         lon 20 ─────────────── lon 40 ── lon 42
///   lat 2  ┌──────── XN ─────────┬── XE ──┐
///   lat 0  ├──── equator border ─┤meridian│      XF: an island (lat 10–11, lon 30–31), no land border
///   lat −2 └──────── XS ─────────┴────────┘
///
/// Borders: XN-XS along the equator (lon 20–40), XE-XN along lon 40 (lat 0–2), XE-XS along lon 40
/// (lat −2–0). Edges along the equator and along meridians are geodesics.
enum Synthetic {
    static func box(_ s: Double, _ w: Double, _ n: Double, _ e: Double) -> Geometry {
        BoxArea(south: s, west: w, north: n, east: e).geometry
    }

    static func network(engine: GeometryEngine = boxEngine) throws -> BorderNetwork {
        let countries = [
            Country(iso2: "XN", name: "North", geometry: box(0, 20, 2, 40), source: "synthetic outlines"),
            Country(iso2: "XS", name: "South", geometry: box(-2, 20, 0, 40), source: "synthetic outlines"),
            Country(iso2: "XE", name: "East", geometry: box(-2, 40, 2, 42), source: "synthetic outlines"),
            Country(iso2: "XF", name: "Island", geometry: box(10, 30, 11, 31), source: "synthetic outlines"),
        ]
        let borders = [
            try Border(pair: BorderPair("XN", "XS"), lines: [[P(0, 20), P(0, 40)]], source: "synthetic lines", accuracyMetres: 1),
            try Border(pair: BorderPair("XE", "XN"), lines: [[P(0, 40), P(2, 40)]], source: "synthetic lines", accuracyMetres: 1),
            try Border(pair: BorderPair("XE", "XS"), lines: [[P(-2, 40), P(0, 40)]], source: "synthetic lines", accuracyMetres: 1),
        ]
        return try BorderNetwork(countries: countries, borders: borders, engine: engine)
    }
}
