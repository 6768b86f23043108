internal import CGEOS
import GeoJSON

/// The outcome of a planar validity check (OGC Simple Features rules, as GEOS's `IsValidOp` applies
/// them): rings closed and simple, holes inside their shell, no self-intersections, etc.
public struct ValidityReport: Sendable, Equatable, CustomStringConvertible {
    /// True when the geometry is valid.
    public var isValid: Bool
    /// GEOS's reason when invalid, e.g. `Self-intersection`, `Ring Self-intersection`,
    /// `Hole lies outside shell`, `Too few distinct points in geometry component`, `Ring is not closed`,
    /// `Invalid Coordinate`. Nil when valid.
    public var reason: String?
    /// Where the problem is (e.g. the self-intersection point), when known. For `Invalid Coordinate`
    /// it is the offending position itself, so it may hold NaN or infinity.
    public var location: Position?

    public init(isValid: Bool, reason: String? = nil, location: Position? = nil) {
        self.isValid = isValid; self.reason = reason; self.location = location
    }

    /// `valid`, or e.g. `Self-intersection at (latitude 5.0, longitude 5.0)`.
    public var description: String {
        if isValid { return "valid" }
        var s = reason ?? "invalid"
        if let location { s += " at (latitude \(location.latitude), longitude \(location.longitude))" }
        return s
    }
}

extension Geometry {
    /// Checks planar validity and says why and where a geometry is invalid. Problems that GEOS cannot
    /// even build (a non-finite coordinate, a ring with fewer than 4 positions or not closed, a line
    /// with one position) are reported the same way, with GEOS's wording and the offending position
    /// (or the component's first). Empty geometries are valid. O(n log n).
    /// - Throws: `TopologyError.library` only if GEOS itself fails.
    /// - Thread-safety: safe from any thread (per-thread GEOS context).
    public func validity() throws -> ValidityReport {
        if let m = firstMalformation() {
            return ValidityReport(isValid: false, reason: m.reason, location: m.location)
        }
        let context = GEOSContext.current
        let g = try GEOSGeometryHandle(self, in: context)
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        // GEOSisValidDetail_r returns 1 valid, 0 invalid (reason and location set), 2 on exception.
        // Both outputs are owned by the caller: the string freed with GEOSFree_r, the point destroyed.
        let result = GEOSisValidDetail_r(context.handle, g.pointer, 0, &reason, &location)
        defer { if let reason { GEOSFree_r(context.handle, reason) } }
        let locationHandle = location.map(GEOSGeometryHandle.init(owning:))
        switch result {
        case 1: return ValidityReport(isValid: true)
        case 0:
            var position: Position?
            if let locationHandle, case .point(let p) = try locationHandle.geometry(in: context) { position = p }
            return ValidityReport(isValid: false, reason: reason.map { String(cString: $0) }, location: position)
        default: throw context.failure("GEOSisValidDetail_r")
        }
    }

    /// A valid geometry covering the same points, by GEOS's linework method: a bow-tie polygon becomes
    /// a multipolygon of its two triangles, collapsed parts may become lines or points (so the result
    /// can be a collection). A valid input comes back unchanged in substance. O(n log n).
    /// - Throws: `TopologyError.malformed` for geometries GEOS cannot build at all (fix the structure
    ///   first: see `validity()`), `.library` if GEOS fails.
    public func makeValid() throws -> Geometry {
        try unaryOperation("GEOSMakeValid_r", GEOSMakeValid_r)
    }
}
