import GeoJSON

/// Point-in-country on prepared outlines, with a 1° grid of candidate outlines so that a query tests
/// only the few countries whose polygon boxes touch its cell. Immutable: thread-safe.
struct CountryLocator: Sendable {
    private let codes: [String]
    private let areas: [any AreaIndex]
    /// Per 1° cell (row-major from −90°, −180°): indexes into `codes`, ascending.
    private let cells: [[Int32]]

    init(countries: [Country], engine: GeometryEngine) throws(BorderAnalysisError) {
        codes = countries.map(\.iso2)
        var areas: [any AreaIndex] = []
        var cells = [[Int32]](repeating: [], count: 360 * 180)
        for (i, c) in countries.enumerated() {
            areas.append(try computing("preparing \(c.iso2)") { try engine.areaIndex(c.geometry) })
            for polygon in c.geometry.polygons {
                guard let box = Geometry.polygon(polygon).boundingBox else { continue }
                for row in Self.row(box.south)...Self.row(box.north) {
                    for col in Self.column(box.west)...Self.column(box.east) {
                        let k = row * 360 + col
                        if cells[k].last != Int32(i) { cells[k].append(Int32(i)) }
                    }
                }
            }
        }
        self.areas = areas
        self.cells = cells
    }

    private static func row(_ latitude: Double) -> Int { min(179, max(0, Int((latitude + 90).rounded(.down)))) }
    private static func column(_ longitude: Double) -> Int { min(359, max(0, Int((longitude + 180).rounded(.down)))) }

    /// The first country (alphabetical) whose outline covers `p`, or nil.
    func locate(_ p: Position) throws(BorderAnalysisError) -> String? {
        guard p.isValidGeographic else {
            throw .invalidGeometry("position latitude \(p.latitude), longitude \(p.longitude) is out of range")
        }
        for i in cells[Self.row(p.latitude) * 360 + Self.column(p.longitude)] {
            if try computing("point in \(codes[Int(i)])", { try areas[Int(i)].covers(p) }) { return codes[Int(i)] }
        }
        return nil
    }
}

extension CountryLocator {
    /// True when the outline of `code` covers `p` (false for a code not in the data).
    func covers(_ code: String, _ p: Position) throws(BorderAnalysisError) -> Bool {
        guard let i = codes.firstIndex(of: code) else { return false }
        return try computing("point in \(code)") { try areas[i].covers(p) }
    }
}
