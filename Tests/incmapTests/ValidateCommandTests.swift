import Foundation
import Testing

/// `incmap validate`: the documented output lines and exit codes (0 valid, 1 invalid, 2 unreadable).
@Suite("incmap validate")
struct ValidateCommandTests {
    @Test("a valid collection exits 0 with a one-line summary")
    func valid() throws {
        let r = try CLI.run(["validate", CLI.fixture("valid.geojson")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("valid (2 features, 0 errors, 0 warnings)\n"))
    }

    @Test("RFC 7946 errors and planar invalidity are reported with feature path, line and reason; exit 1")
    func mixed() throws {
        let r = try CLI.run(["validate", CLI.fixture("mixed.geojson")])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // Feature 1 is a bow-tie: its diagonals (0,0)–(2,2) and (2,0)–(0,2) cross at (1,1) (hand check),
        // which GEOS reports as a self-intersection.
        #expect(lines.contains { $0.hasSuffix("features[1].geometry: planar-invalid: Self-intersection at (latitude 1.0, longitude 1.0)") })
        // Feature 2: latitude 95 on line 4; feature 3: open ring on line 5.
        #expect(lines.contains { $0.contains("mixed.geojson:4:") && $0.contains("features[2].geometry.coordinates: latitude 95 is outside ±90°") })
        #expect(lines.contains { $0.contains("mixed.geojson:5:") && $0.contains("features[3].geometry.coordinates[0]: linear ring is not closed") })
        // Two features pass the RFC checks (Kyiv and the bow-tie); three errors in all.
        #expect(lines.last?.hasSuffix("invalid (2 features, 3 errors, 0 warnings)") == true)
    }

    @Test("--lenient repairs with warnings and exits 0; strict mode rejects the same file")
    func lenient() throws {
        let strict = try CLI.run(["validate", CLI.fixture("repairable.geojson")])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains(": crs: \"crs\" member is not allowed"))
        let r = try CLI.run(["validate", "--lenient", CLI.fixture("repairable.geojson")])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("crs: warning: \"crs\" member is not allowed"))
        #expect(r.stdout.contains("features[0].geometry.coordinates[0]: warning: linear ring is not closed"))
        #expect(r.stdout.hasSuffix("valid (1 features, 0 errors, 2 warnings)\n"))
    }

    @Test("malformed JSON is invalid (exit 1) and located")
    func truncated() throws {
        let r = try CLI.run(["validate", "--no-topology", CLI.fixture("truncated.geojson")])
        #expect(r.status == 1)
        // The fixture's third line ends after "[30.5," and a newline: end of input at line 4, column 1,
        // where the second number of the position should be.
        #expect(r.stdout.contains("truncated.geojson:4:1: features[1].geometry.coordinates[1]: unexpected end of input"))
    }

    @Test("a missing file is unreadable: exit 2 and one line on stderr")
    func missing() throws {
        let r = try CLI.run(["validate", "no-such-file.geojson"])
        #expect(r.status == 2)
        #expect(r.stderr == "incmap: no-such-file.geojson: no such file\n")
        #expect(r.stdout.isEmpty)
    }

    @Test("standard input is read with -")
    func stdin() throws {
        let r = try CLI.run(["validate", "-"], stdin: Data(#"{"type":"Point","coordinates":[30.5,50.4]}"#.utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "<stdin>: valid (1 features, 0 errors, 0 warnings)\n")
    }

    @Test("a CSV of events: rows kept for geocoding are listed, and nothing is skipped")
    func csv() throws {
        let r = try CLI.run(["validate", CLI.fixture("events.csv")])
        #expect(r.status == 0, "\(r.stdout)")
        // Header line 1, UKR1 line 2, UKR2 lines 3–4, UKR3 line 5.
        #expect(r.stdout.contains("events.csv:5: no coordinates (row kept for geocoding)"))
        #expect(r.stdout.hasSuffix("valid (3 events, 2 with coordinates, 1 to geocode, 0 skipped)\n"))
    }
}
