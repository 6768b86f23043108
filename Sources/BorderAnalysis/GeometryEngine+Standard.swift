import GeoJSON
import Geodesy
import Topology

extension GeodesicLineIndex: LineDistanceIndex {
    package func nearest(to point: Position) throws -> NearestOnLines {
        // With no limit the search always finds an edge: the index holds at least one.
        guard let hit = try nearest(to: point, within: .infinity) else {
            throw BorderAnalysisError.computation(operation: "distance to border", message: "the line index is empty")
        }
        return NearestOnLines(metres: hit.metres, position: hit.position, part: hit.lineIndex)
    }
}

/// Point-in-area on a GEOS prepared geometry (boundary excluded: a point exactly on an outline
/// is a zero-measure case, and the fast batch path of `PreparedGeometry` tests strict containment).
struct PreparedArea: AreaIndex {
    let prepared: PreparedGeometry
    func covers(_ point: Position) throws -> Bool { try prepared.contains(point) }
}

extension GeometryEngine {
    /// The production engine: Geodesy's indexed geodesic point→line distance, geodesic areas on
    /// WGS84, and Topology's prepared containment and GEOS overlay. Thread-safe.
    package static let standard = GeometryEngine(
        lineIndex: { lines in try GeodesicLineIndex(lines: lines) },
        areaIndex: { area in PreparedArea(prepared: try PreparedGeometry(area)) },
        area: { polygon in abs(try Ellipsoid.wgs84.measure(polygon).area) },
        buffer: { geometry, metres in try Ellipsoid.wgs84.buffer(geometry, metres: metres) },
        // Outlines digitised at 1:1M can self-touch; GEOS then raises a TopologyException. Repair
        // both inputs (GEOS make-valid) and try once more rather than fail the measurement.
        intersection: { a, b in
            do { return try a.intersection(b) } catch { return try a.makeValid().intersection(b.makeValid()) }
        },
        difference: { a, b in
            do { return try a.difference(b) } catch { return try a.makeValid().difference(b.makeValid()) }
        },
        intersects: { a, b in try a.intersects(b) },
        union: { parts in
            do { return try Geometry.unaryUnion(parts) } catch { return try Geometry.unaryUnion(parts.map { try $0.makeValid() }) }
        })
}
