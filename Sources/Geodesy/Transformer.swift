internal import CPROJ
import Foundation
import GeoJSON

/// A coordinate transformation between two coordinate reference systems, built by PROJ
/// (`proj_create_crs_to_crs`, then `proj_normalize_for_visualization`).
///
/// Axis order is always the "visualisation" order whatever the CRS definitions say: x is longitude
/// (degrees) or easting (metres), y is latitude (degrees) or northing (metres); so EPSG:4326 takes
/// and gives (longitude, latitude). Vertical coordinates are not transformed.
///
/// A `Sendable` value holding only the recipe (the two CRS names): each thread that uses it builds
/// and caches its own PROJ object in its own PROJ context (PROJ objects are not thread-safe), so a
/// transformer may be shared freely across threads and tasks. PROJ never writes to stderr.
public struct Transformer: Sendable, Hashable {
    /// The source CRS as given: an authority code (`EPSG:4326`), a PROJ string, WKT or PROJJSON.
    public var source: String { recipe.source }
    /// The target CRS as given.
    public var target: String { recipe.target }
    let recipe: TransformerRecipe

    /// A transformation from `source` to `target` CRS.
    /// - Throws: `GeodesyError.unknownCRS` (with PROJ's reason) when either CRS is unknown, or
    ///   `.proj` when PROJ finds no way between them.
    /// - Complexity: the first use on each thread queries PROJ's database (about a millisecond);
    ///   later uses on that thread reuse the object.
    public init(from source: String, to target: String) throws(GeodesyError) {
        recipe = TransformerRecipe(source: source, target: target)
        // Build once now so that bad names fail here, not at the first transform.
        _ = try ProjContext.current.transformation(recipe)
    }

    /// Transforms one coordinate pair (see the type's note on axis order).
    /// - Throws: `GeodesyError.notTransformable` for non-finite input or a point outside the
    ///   transformation's domain.
    public func transform(x: Double, y: Double) throws(GeodesyError) -> (x: Double, y: Double) {
        try apply(x: x, y: y, direction: PJ_FWD)
    }

    /// Transforms a geographic position (the source CRS must be geographic: x = longitude, y = latitude).
    /// - Throws: `GeodesyError.invalidPosition` for a bad position, `.notTransformable` outside the domain.
    public func transform(_ position: Position) throws(GeodesyError) -> (x: Double, y: Double) {
        let p = try position.validated("transform input")
        return try apply(x: p.longitude, y: p.latitude, direction: PJ_FWD)
    }

    /// Transforms from the target CRS back to the source CRS.
    /// - Throws: `GeodesyError.notTransformable` for non-finite input or a point outside the domain.
    public func inverse(x: Double, y: Double) throws(GeodesyError) -> (x: Double, y: Double) {
        try apply(x: x, y: y, direction: PJ_INV)
    }

    /// Transforms many coordinate pairs in one PROJ call (`proj_trans_generic`), in order. O(n).
    /// - Throws: `GeodesyError.notTransformable` naming the first pair that failed; no partial result.
    public func transform(_ coordinates: [(x: Double, y: Double)]) throws(GeodesyError) -> [(x: Double, y: Double)] {
        try applyBatch(coordinates, direction: PJ_FWD)
    }

    /// Inverse of `transform(_:)` for many coordinate pairs, in order. O(n).
    /// - Throws: `GeodesyError.notTransformable` naming the first pair that failed.
    public func inverse(_ coordinates: [(x: Double, y: Double)]) throws(GeodesyError) -> [(x: Double, y: Double)] {
        try applyBatch(coordinates, direction: PJ_INV)
    }

    public static func == (a: Transformer, b: Transformer) -> Bool { a.recipe == b.recipe }
    public func hash(into hasher: inout Hasher) { hasher.combine(recipe) }

    private var directionName: (PJ_DIRECTION) -> String {
        { $0 == PJ_FWD ? "\(source) → \(target)" : "\(target) → \(source)" }
    }

    private func apply(x: Double, y: Double, direction: PJ_DIRECTION) throws(GeodesyError) -> (x: Double, y: Double) {
        guard x.isFinite, y.isFinite else { throw .notTransformable(latitude: y, longitude: x, context: directionName(direction)) }
        let pj = try ProjContext.current.transformation(recipe)
        // proj_trans signals failure with HUGE_VAL (infinite) coordinates and sets the PJ's errno.
        let out = proj_trans(pj, direction, proj_coord(x, y, 0, 0))
        guard out.xy.x.isFinite, out.xy.y.isFinite else {
            proj_errno_reset(pj)
            throw .notTransformable(latitude: y, longitude: x, context: directionName(direction))
        }
        return (out.xy.x, out.xy.y)
    }

    private func applyBatch(_ coordinates: [(x: Double, y: Double)], direction: PJ_DIRECTION) throws(GeodesyError) -> [(x: Double, y: Double)] {
        if coordinates.isEmpty { return [] }
        for (i, c) in coordinates.enumerated() where !(c.x.isFinite && c.y.isFinite) {
            throw .notTransformable(latitude: c.y, longitude: c.x, context: "\(directionName(direction)), point \(i)")
        }
        let pj = try ProjContext.current.transformation(recipe)
        var xs = coordinates.map(\.x), ys = coordinates.map(\.y)
        let n = coordinates.count, stride = MemoryLayout<Double>.stride
        xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                // proj_trans_generic transforms in place and returns how many points it processed;
                // points it could not transform come back as HUGE_VAL, checked below.
                _ = proj_trans_generic(pj, direction, xb.baseAddress, stride, n, yb.baseAddress, stride, n, nil, 0, 0, nil, 0, 0)
            }
        }
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            guard xs[i].isFinite, ys[i].isFinite else {
                proj_errno_reset(pj)
                throw .notTransformable(latitude: coordinates[i].y, longitude: coordinates[i].x, context: "\(directionName(direction)), point \(i)")
            }
            out.append((xs[i], ys[i]))
        }
        return out
    }
}
