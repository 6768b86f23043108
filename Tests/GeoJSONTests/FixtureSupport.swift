import Foundation
@testable import GeoJSON

enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// The error strict reading of a fixture throws, or nil when it reads cleanly.
    static func strictError(_ name: String, mode: GeoJSONReader.Mode = .strict) throws -> GeoJSONError? {
        do {
            _ = try GeoJSONReader(mode: mode).features(in: data(name), source: name)
            return nil
        } catch let e as GeoJSONError {
            return e
        }
    }
}
