import ArgumentParser
import Foundation
import GeoJSON
import Geodesy

/// `incmap distance A B`: the exact WGS84 geodesic between two positions.
struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Geodesic distance and azimuths between two positions on the WGS84 ellipsoid.",
        discussion: """
            Each position is "lat,lon" in decimal degrees (e.g. 50.45466,30.52380). Prints one JSON \
            object: {"metres": …, "azimuth_deg": …, "back_azimuth_deg": …}; azimuths are degrees \
            clockwise from true north, the back azimuth is the bearing from B back to A. Negative \
            coordinates need no quoting: incmap distance -33.8688,151.2093 -34.6037,-58.3816.
            """
    )

    // Collected as unrecognised tokens so that "-33.8,151.2" is a position, not an unknown flag.
    @Argument(parsing: .allUnrecognized, help: "Start and end positions, \"lat,lon\" each.")
    var positions: [String] = []

    func validate() throws {
        guard positions.count == 2 else {
            throw ValidationError("expected two positions \"lat,lon\" (start and end), got \(positions.count)")
        }
    }

    func run() throws {
        let a = try Self.position(positions[0]), b = try Self.position(positions[1])
        let g = try Ellipsoid.wgs84.inverse(from: a, to: b)
        let line = MeasurementLine()
            .number("metres", g.metres, decimals: 3)
            .number("azimuth_deg", g.azimuth, decimals: 9)
            .number("back_azimuth_deg", g.backAzimuth, decimals: 9)
        Console.out(line.text + "\n")
    }

    /// Turns one command-line endpoint into a position. The only place that reads A and B, so that
    /// place names (from the gazetteer) can be added here.
    /// - Throws: `CLIFailure` naming the argument when it is not "lat,lon" within range.
    static func position(_ text: String) throws -> Position {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else {
            throw CLIFailure("\"\(text)\": expected a position as \"lat,lon\" in decimal degrees, e.g. 50.45466,30.52380")
        }
        let p = Position(latitude: lat, longitude: lon)
        guard p.isValidGeographic else {
            throw CLIFailure("\"\(text)\": latitude must be within ±90° and longitude within ±180°")
        }
        return p
    }
}

/// One line of JSON built member by member, in order, with numbers rounded as asked.
struct MeasurementLine {
    private var members: [String] = []

    func number(_ key: String, _ value: Double, decimals: Int) -> MeasurementLine {
        var copy = self
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        // Shortest round-trip form of the rounded value; "-0" would look odd.
        copy.members.append("\(Self.quoted(key)):\(rounded == 0 ? "0" : "\(rounded)")")
        return copy
    }

    func integer(_ key: String, _ value: Int) -> MeasurementLine {
        var copy = self
        copy.members.append("\(Self.quoted(key)):\(value)")
        return copy
    }

    func string(_ key: String, _ value: String) -> MeasurementLine {
        var copy = self
        copy.members.append("\(Self.quoted(key)):\(Self.quoted(value))")
        return copy
    }

    var text: String { "{" + members.joined(separator: ",") + "}" }

    /// A JSON string literal (RFC 8259 escaping).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
