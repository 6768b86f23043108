import GeoJSON
import Topology

/// The planar steps of a buffer, isolated: dissolving the geodesic pieces, subtracting, and folding
/// unwrapped longitudes back into [−180°, 180°] with a cut at the antimeridian. Planar in
/// longitude/latitude (GEOS through the Topology module); the pieces' edges are short enough, and
/// densified in longitude, for this to stay within the buffer's tolerance.
enum BufferOverlay {
    /// The union of `pieces`, repairing invalid pieces if GEOS rejects them.
    static func union(_ pieces: [Geometry]) throws(GeodesyError) -> Geometry {
        do {
            return try Geometry.unaryUnion(pieces)
        } catch {
            do { return try Geometry.unaryUnion(pieces.map { try $0.makeValid() }) } catch { throw .overlay(String(describing: error)) }
        }
    }

    static func difference(_ a: Geometry, _ b: Geometry) throws(GeodesyError) -> Geometry {
        do { return try a.difference(b) } catch { throw .overlay(String(describing: error)) }
    }

    /// Cuts an unwrapped geometry into 360°-wide longitude bands, shifts each back into
    /// [−180°, 180°], and dissolves them. The result's parts meet the antimeridian only as cut edges.
    /// Returns a Polygon or a MultiPolygon (`.multiPolygon([])` when empty).
    static func fold(_ geometry: Geometry) throws(GeodesyError) -> Geometry {
        guard let box = geometry.boundingBox else { return .multiPolygon([]) }
        var parts: [Geometry] = []
        let lowest = Int(((box.west + 180) / 360).rounded(.down)), highest = Int(((box.east - 180) / 360).rounded(.up))
        for k in lowest...max(lowest, highest) {
            let shift = 360 * Double(k)
            let window = Geometry.polygon([[
                Position(latitude: -90, longitude: shift - 180), Position(latitude: -90, longitude: shift + 180),
                Position(latitude: 90, longitude: shift + 180), Position(latitude: 90, longitude: shift - 180),
                Position(latitude: -90, longitude: shift - 180),
            ]])
            let clipped: Geometry
            do { clipped = try geometry.intersection(window) } catch { throw .overlay(String(describing: error)) }
            if clipped.isEmpty { continue }
            parts.append(clipped.mapPositions {
                Position(latitude: min(90, max(-90, $0.latitude)), longitude: min(180, max(-180, $0.longitude - shift)))
            })
        }
        let merged = parts.count == 1 ? parts[0] : try union(parts)
        return polygonal(merged)
    }

    /// Only the polygonal parts (an overlay can leave slivers of lines or points), as one geometry.
    static func polygonal(_ g: Geometry) -> Geometry {
        var polygons: [[[Position]]] = []
        func collect(_ g: Geometry) {
            switch g {
            case .polygon(let rings) where !rings.isEmpty && !rings[0].isEmpty: polygons.append(rings)
            case .multiPolygon(let ps): polygons += ps.filter { !$0.isEmpty && !$0[0].isEmpty }
            case .geometryCollection(let gs): gs.forEach(collect)
            default: break
            }
        }
        collect(g)
        return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
    }
}
