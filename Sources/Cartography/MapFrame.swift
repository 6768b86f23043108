import Foundation
import GeoJSON

/// The link between the projected plane and the pixels of the map frame: a uniform scale (north
/// stays wherever the projection puts it) and a translation. Thread-safe value.
struct MapFrame {
    let projection: any MapProjection
    /// The map area inside the image, in pixels.
    let rect: PixelRect
    /// Pixels per projected metre.
    let pixelsPerMetre: Double
    /// The projected point at the frame's centre.
    let centre: PlanarPoint

    func pixel(_ q: PlanarPoint) -> PixelPoint {
        PixelPoint(x: rect.centre.x + (q.x - centre.x) * pixelsPerMetre,
                   y: rect.centre.y - (q.y - centre.y) * pixelsPerMetre)
    }

    func pixel(_ p: Position) -> PixelPoint? { projection.project(p).map(pixel) }

    func planar(_ p: PixelPoint) -> PlanarPoint {
        PlanarPoint(x: centre.x + (p.x - rect.centre.x) / pixelsPerMetre,
                    y: centre.y - (p.y - rect.centre.y) / pixelsPerMetre)
    }

    func position(_ p: PixelPoint) -> Position? { projection.unproject(planar(p)) }

    /// The position at the centre of the frame.
    var centrePosition: Position? { projection.unproject(centre) }

    /// A frame showing all positions of the layers that set the extent, with `padding` (a fraction of
    /// the span) around them and at least `minimumSpan` metres across.
    /// - Throws: `CartographyError.nothingToDraw` when there is no position, `.invalidPosition` for a
    ///   bad coordinate, `.projectionFailed` when a position cannot be projected.
    static func fitting(_ document: MapDocument, projection: any MapProjection, in rect: PixelRect,
                        padding: Double, minimumSpan: Double) throws(CartographyError) -> MapFrame {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        let visible = document.layers.filter(\.isVisible)
        let extentLayers = visible.contains { $0.kind.setsExtent && !$0.features.features.isEmpty }
            ? visible.filter(\.kind.setsExtent) : visible
        for layer in extentLayers {
            for (index, feature) in layer.features.features.enumerated() {
                guard let geometry = feature.geometry else { continue }
                var failure: CartographyError?
                geometry.forEachPosition { p in
                    guard failure == nil else { return }
                    guard p.isValidGeographic else {
                        failure = .invalidPosition(layer: layer.name, feature: index, latitude: p.latitude, longitude: p.longitude)
                        return
                    }
                    guard let q = projection.project(p) else {
                        failure = .projectionFailed("layer \(layer.name), feature \(index) at \(formatLatLon(p, decimals: 5))")
                        return
                    }
                    minX = min(minX, q.x); maxX = max(maxX, q.x); minY = min(minY, q.y); maxY = max(maxY, q.y)
                }
                if let failure { throw failure }
            }
        }
        guard minX.isFinite else { throw .nothingToDraw }
        var width = max(maxX - minX, minimumSpan), height = max(maxY - minY, minimumSpan)
        width *= 1 + 2 * padding; height *= 1 + 2 * padding
        let scale = min(rect.width / width, rect.height / height)
        return MapFrame(projection: projection, rect: rect, pixelsPerMetre: scale,
                        centre: PlanarPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2))
    }

    /// The geographic box the frame covers, from positions sampled along its edges, grown by `margin`
    /// degrees. Used to skip features that cannot be seen before projecting them.
    func geographicBounds(margin: Double) -> BoundingBox? {
        var box: BoundingBox?
        let steps = 16
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let edgePoints = [
                PixelPoint(x: rect.minX + t * rect.width, y: rect.minY), PixelPoint(x: rect.minX + t * rect.width, y: rect.maxY),
                PixelPoint(x: rect.minX, y: rect.minY + t * rect.height), PixelPoint(x: rect.maxX, y: rect.minY + t * rect.height),
            ]
            for e in edgePoints {
                guard let p = position(e) else { continue }
                if box == nil { box = BoundingBox(south: p.latitude, west: p.longitude, north: p.latitude, east: p.longitude) }
                else { box!.extend(with: p) }
            }
        }
        guard var b = box else { return nil }
        b.south = max(-90, b.south - margin); b.north = min(90, b.north + margin)
        b.west = max(-180, b.west - margin); b.east = min(180, b.east + margin)
        // A pole inside the frame: every longitude is visible.
        if let top = position(rect.centre), abs(top.latitude) + (b.north - b.south) > 89 { b.west = -180; b.east = 180 }
        return b
    }

    /// Direction of true north at the frame centre, degrees clockwise from straight up; 0 when north
    /// is up. Measured by projecting the centre and a point 0.001° of latitude north of it.
    var northAngleAtCentre: Double {
        guard let c = centrePosition, c.latitude < 89.99,
              let a = pixel(c),
              let b = pixel(Position(latitude: c.latitude + 0.001, longitude: c.longitude)) else { return 0 }
        return atan2(b.x - a.x, a.y - b.y) * 180 / .pi
    }
}

/// The projection for a map of `document`: Lambert azimuthal equal-area centred on the middle of its
/// data (`MapDocument.dataCentre()`), which keeps areas true and distortion symmetric around it.
/// - Throws: `CartographyError.nothingToDraw` when there is no data, `.projectionFailed` when PROJ
///   cannot build the projection.
func localProjection(for document: MapDocument) throws(CartographyError) -> any MapProjection {
    guard let centre = document.dataCentre() else { throw .nothingToDraw }
    return try lambertAzimuthalEqualArea(centre: centre)
}
