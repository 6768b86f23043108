import GeoJSON

extension IncursionDepth {
    /// The result as a map layer, in this order: the advance inside `into` (`kind: "advance"`), the
    /// frontage (`kind: "frontage"`), the depth line (`kind: "depth_line"`), one Point per place
    /// (`kind: "place"`, with `border_distance_m`, `inside`, `within_claim`), and last the summary
    /// (`kind: "summary"`, a Point at the deepest position) with `depth_m`, `deepest_point`,
    /// `border_foot`, `area_km2`, `frontage_km`, `claim_m`, `claim_reached` and `method`.
    public var features: [Feature] {
        var out: [Feature] = []
        let base: JSONObject = ["into": .string(into), "from": .string(from), "border": .string(pair.description)]
        if let advance {
            var p = base
            p["kind"] = "advance"
            p["area_km2"] = areaSquareMetres.map { .number(($0 / 1e6 * 1000).rounded() / 1000) } ?? .null
            out.append(Feature(geometry: advance, properties: p))
        }
        if !frontage.isEmpty {
            var p = base
            p["kind"] = "frontage"
            p["frontage_km"] = frontageMetres.map { .number(km($0)) } ?? .null
            out.append(Feature(geometry: frontage.count == 1 ? .lineString(frontage[0]) : .multiLineString(frontage), properties: p))
        }
        if let depthLine, depthLine.count >= 2 {
            var p = base
            p["kind"] = "depth_line"
            p["depth_m"] = depthMetres.map { .number(roundedMetres($0)) } ?? .null
            out.append(Feature(geometry: .lineString(depthLine), properties: p))
        }
        for place in places {
            var p = base
            p["kind"] = "place"
            p["name"] = .string(place.place.label)
            p["border_distance_m"] = .number(roundedMetres(place.metres))
            p["border_point"] = place.borderFoot.json
            p["inside"] = .bool(place.insideInto)
            if let w = place.withinClaim { p["within_claim"] = .bool(w) }
            if let g = place.place.geocoded { p["geocoded"] = g.json }
            out.append(Feature(geometry: .point(place.place.position), properties: p))
        }
        out.append(Feature(geometry: deepestPoint.map { .point($0) }, properties: summaryProperties))
        return out
    }

    /// The summary feature's properties.
    public var summaryProperties: JSONObject {
        var p: JSONObject = ["kind": "summary", "into": .string(into), "from": .string(from), "border": .string(pair.description)]
        p["depth_m"] = depthMetres.map { .number(roundedMetres($0)) } ?? .null
        p["depth_upper_bound_m"] = depthUpperBoundMetres.map { .number(roundedMetres($0)) } ?? .null
        p["deepest_point"] = deepestPoint?.json ?? .null
        p["border_foot"] = borderFoot?.json ?? .null
        p["area_km2"] = areaSquareMetres.map { .number(($0 / 1e6 * 1000).rounded() / 1000) } ?? .null
        p["frontage_km"] = frontageMetres.map { .number(km($0)) } ?? .null
        if let frontageMethod { p["frontage_method"] = .string(frontageMethod) }
        if let claimMetres {
            p["claim_m"] = .number(claimMetres)
            p["claim_reached"] = claimReached.map { .bool($0) } ?? .bool(false)
            p["places_within_claim"] = .array(places.filter { $0.withinClaim == true }.map { .string($0.place.label) })
        }
        p["method"] = method.json
        return p
    }

    /// One line for stderr, e.g. `depth into RU from UA: 31.2 km at (51.4, 35.3); area 1041.2 km²; …`.
    public var summaryLine: String {
        guard let d = depthMetres, let p = deepestPoint else { return "depth into \(into) from \(from): nothing lies inside \(into)" }
        var s = "depth into \(into) from \(from): \(format(km(d))) km at (\(format(p.latitude, 5)), \(format(p.longitude, 5)))"
        if let a = areaSquareMetres { s += "; area \(format(a / 1e6)) km²" }
        if let f = frontageMetres { s += "; frontage \(format(km(f))) km" }
        if let c = claimMetres, let r = claimReached {
            s += "; claim \(format(km(c))) km " + (r ? "reached" : "not reached")
        }
        return s + " (border: \(method.borderSource ?? "none"); WGS84 geodesics)"
    }
}

func km(_ metres: Double) -> Double { (metres / 1000 * 1000).rounded() / 1000 }

func format(_ x: Double, _ decimals: Int = 1) -> String {
    let scale = pow10(decimals)
    let r = (x * scale).rounded() / scale
    var s = String(r)
    if s.hasSuffix(".0") && decimals == 0 { s.removeLast(2) }
    return s
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * 10 } }

extension Position {
    /// `[longitude, latitude]` as a JSON array (GeoJSON order).
    var json: JSONValue { .array([.number(longitude), .number(latitude)]) }
}
