import ArgumentParser
import Foundation
import GeoJSON
import Topology

/// `incmap validate FILE`: an RFC 7946 checker, plus planar validity of every geometry.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check GeoJSON against RFC 7946 and planar validity; check CSV events for unplaceable rows.",
        discussion: """
        FILE is a FeatureCollection, a Feature, a geometry, a GeoJSON Text Sequence (RFC 8142) or \
        newline-delimited GeoJSON, read feature by feature (any size); or a CSV of events (.csv, .tsv). \
        `-` reads standard input.

        One line per problem on standard output:
          FILE:LINE:COLUMN: PATH: MESSAGE             an error
          FILE:LINE:COLUMN: PATH: warning: MESSAGE    a warning (lenient repair, discouraged construct)
          FILE: PATH: planar-invalid: REASON at (latitude …, longitude …)
        then a summary line. A feature that breaks a rule is reported once (its first problem) and \
        skipped; malformed JSON ends the check.

        Exit status: 0 valid (warnings allowed), 1 invalid, 2 unreadable (missing or unreadable file).
        """
    )

    @Argument(help: "GeoJSON or CSV file, or - for standard input.")
    var file: String

    @Flag(help: "Repair what can be repaired (close rings, drop crs, wrap longitudes) and report the repairs as warnings.")
    var lenient = false

    @Flag(help: "Skip the planar validity check (self-intersections, holes outside shells, …).")
    var noTopology = false

    @Option(help: "Print at most this many problem lines (the summary counts all).")
    var maxProblems = 1000

    func run() throws {
        let source = InputSource(path: file)
        let isCSV = ["csv", "tsv"].contains(URL(fileURLWithPath: file).pathExtension.lowercased())
        if file != "-" && !FileManager.default.isReadableFile(atPath: file) {
            throw CLIFailure(FileManager.default.fileExists(atPath: file) ? "\(file): cannot read" : "\(file): no such file", exitCode: 2)
        }
        var printed = 0
        func emit(_ line: String) {
            printed += 1
            if printed <= maxProblems { Console.out(line + "\n") }
        }
        if isCSV {
            try validateCSV(source, emit: emit)
            return
        }
        let reader = GeoJSONReader(mode: lenient ? .lenient : .strict)
        let stream: GeoJSONFeatureStream
        if file == "-" {
            stream = reader.featureStream(fileHandle: .standardInput, source: source.label)
        } else {
            do { stream = try reader.featureStream(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CLIFailure(error.description, exitCode: 2)
            }
        }
        var planarInvalid = 0
        let report = reader.validate(stream) { feature in
            guard !noTopology, let g = feature.geometry else { return }
            let where_ = stream.lastFeaturePath.isEmpty ? "geometry" : stream.lastFeaturePath + ".geometry"
            do {
                let v = try g.validity()
                if !v.isValid {
                    planarInvalid += 1
                    emit("\(source.label): \(where_): planar-invalid: \(v)")
                }
            } catch {
                planarInvalid += 1
                emit("\(source.label): \(where_): planar check failed: \(error)")
            }
        }
        var problems: [(line: Int, column: Int, text: String)] = report.errors.map { ($0.line ?? 0, $0.column ?? 0, $0.description) }
        problems += report.warnings.map { ($0.line ?? 0, $0.column ?? 0, $0.description) }
        for p in problems.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) { emit(p.text) }
        if printed > maxProblems { Console.out("… \(printed - maxProblems) more problems not shown\n") }
        let errors = report.errors.count + planarInvalid
        let counts = "\(report.featureCount) features, \(errors) errors, \(report.warnings.count) warnings"
        Console.out("\(source.label): \(errors == 0 ? "valid" : "invalid") (\(counts))\n")
        if errors > 0 { throw ExitCode(1) }
    }

    private func validateCSV(_ source: InputSource, emit: (String) -> Void) throws {
        let reader: CSVEventReader
        if file == "-" {
            reader = CSVEventReader(fileHandle: .standardInput, source: source.label)
        } else {
            do { reader = try CSVEventReader(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CLIFailure(error.description, exitCode: 2)
            }
        }
        var rows = 0, placed = 0
        do {
            while let f = try reader.next() {
                rows += 1
                if f.geometry != nil { placed += 1 }
            }
        } catch {
            for issue in reader.issues { emit(issue.description) }
            emit(error.description)
            Console.out("\(source.label): invalid (malformed CSV)\n")
            throw ExitCode(1)
        }
        for issue in reader.issues { emit(issue.description) }
        let skipped = reader.issues.filter { !$0.rowKept }.count
        Console.out("\(source.label): \(skipped == 0 ? "valid" : "invalid") (\(rows) events, \(placed) with coordinates, \(rows - placed) to geocode, \(skipped) skipped)\n")
        if skipped > 0 { throw ExitCode(1) }
    }
}
