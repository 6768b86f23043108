import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads RFC 7946 GeoJSON, strict by default.
///
/// Strict mode rejects everything RFC 7946 forbids: malformed JSON, a missing or unknown `type`,
/// coordinates nested at the wrong depth, a LineString with fewer than 2 positions, a linear ring with
/// fewer than 4 or not closed, latitude outside ±90° or longitude outside ±180°, NaN/Infinity, a `crs`
/// member. Lenient mode repairs what can be repaired — closes rings, drops `crs`, wraps longitudes into
/// ±180°, accepts a Feature without `geometry`/`properties` — and reports each repair as a warning.
///
/// Errors are `GeoJSONError`s carrying the source label, 1-based line and column (UTF-8 bytes) and the
/// JSON path (`features[12].geometry.coordinates[0][3]`; in a text sequence the path starts with the
/// record index). A plain value: thread-safe; each call reads independently.
public struct GeoJSONReader: Sendable {
    public enum Mode: Sendable, Equatable {
        /// Reject anything RFC 7946 forbids.
        case strict
        /// Repair what can be repaired, with warnings.
        case lenient
    }

    /// Strict (the default) or lenient.
    public var mode: Mode
    /// Deepest JSON nesting accepted (objects and arrays); deeper input is rejected as malformed.
    public var maxNestingDepth: Int

    /// A reader; 128 levels of nesting is far more than any GeoJSON needs (a MultiPolygon is 4 deep).
    public init(mode: Mode = .strict, maxNestingDepth: Int = 128) {
        self.mode = mode
        self.maxNestingDepth = maxNestingDepth
    }

    // MARK: whole documents

    /// Reads one GeoJSON object (geometry, Feature or FeatureCollection) from `data`. O(n) time,
    /// memory proportional to the result.
    /// - Parameter source: label used in errors ("-" or a file name).
    /// - Throws: `GeoJSONError`; also when `data` holds a sequence of objects (use `features(in:)`).
    public func read(_ data: Data, source: String = "<data>") throws(GeoJSONError) -> GeoJSONObject {
        var warnings: [GeoJSONWarning] = []
        return try read(data, source: source, warnings: &warnings)
    }

    /// Like `read(_:source:)`, and appends the warnings (lenient repairs) to `warnings`.
    public func read(_ data: Data, source: String = "<data>", warnings: inout [GeoJSONWarning]) throws(GeoJSONError) -> GeoJSONObject {
        let stream = GeoJSONFeatureStream(data: data, source: source, lenient: mode == .lenient, maxDepth: maxNestingDepth)
        stream.allowSequence = false
        var features: [Feature] = []
        while let f = try stream.next() { features.append(f) }
        warnings += stream.warnings
        switch stream.layout {
        case .feature?: return .feature(features[0])
        case .geometry?: return .geometry(stream.topGeometry!)
        default:
            return .featureCollection(FeatureCollection(features: features, bbox: stream.collectionBBox,
                                                        foreignMembers: stream.collectionForeignMembers))
        }
    }

    /// Reads one GeoJSON object from a file.
    public func read(contentsOf url: URL) throws(GeoJSONError) -> GeoJSONObject {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GeoJSONError(source: url.relativePath, path: "", message: "cannot read: \(error.localizedDescription)")
        }
        return try read(data, source: url.relativePath)
    }

    // MARK: features

    /// All features of `data`: a FeatureCollection's, a single Feature, a bare geometry (as a feature
    /// with empty properties), or every record of a GeoJSON Text Sequence / newline-delimited GeoJSON.
    public func features(in data: Data, source: String = "<data>") throws(GeoJSONError) -> [Feature] {
        let stream = featureStream(data: data, source: source)
        var features: [Feature] = []
        while let f = try stream.next() { features.append(f) }
        return features
    }

    /// All features of a file (see `features(in:source:)`). For big files prefer `featureStream(contentsOf:)`.
    public func features(contentsOf url: URL) throws(GeoJSONError) -> [Feature] {
        let stream = try featureStream(contentsOf: url)
        var features: [Feature] = []
        while let f = try stream.next() { features.append(f) }
        return features
    }

    /// A stream over a file's features, read in chunks with memory bounded by the largest feature.
    /// - Throws: `GeoJSONError` when the file cannot be opened.
    public func featureStream(contentsOf url: URL) throws(GeoJSONError) -> GeoJSONFeatureStream {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw GeoJSONError(source: url.relativePath, path: "", message: "cannot open: \(reason)")
        }
        return GeoJSONFeatureStream(fileDescriptor: fd, ownsFileDescriptor: true, source: url.relativePath,
                                    lenient: mode == .lenient, maxDepth: maxNestingDepth)
    }

    /// A stream over a file handle's features (e.g. standard input). The handle stays open.
    public func featureStream(fileHandle: FileHandle, source: String) -> GeoJSONFeatureStream {
        GeoJSONFeatureStream(fileDescriptor: fileHandle.fileDescriptor, ownsFileDescriptor: false, source: source,
                             lenient: mode == .lenient, maxDepth: maxNestingDepth)
    }

    /// A stream over bytes in memory.
    public func featureStream(data: Data, source: String = "<data>") -> GeoJSONFeatureStream {
        GeoJSONFeatureStream(data: data, source: source, lenient: mode == .lenient, maxDepth: maxNestingDepth)
    }

    // MARK: validation

    /// Checks a whole input against RFC 7946, continuing past features that break a rule so that every
    /// broken feature is reported (one error per feature: the first found). Malformed JSON stops the check.
    /// Streams: memory is bounded by the largest feature.
    /// - Parameter inspect: called with each feature that passed, for further checks by the caller
    ///   (e.g. planar validity); read `stream.lastFeaturePath` inside it to say where the feature is.
    public func validate(_ stream: GeoJSONFeatureStream, inspect: (Feature) -> Void = { _ in }) -> GeoJSONValidationReport {
        stream.collectErrors = true
        var errors: [GeoJSONError] = []
        var count = 0
        do {
            while let f = try stream.next() {
                count += 1
                inspect(f)
            }
        } catch {
            errors.append(error)
        }
        errors = (stream.collectedErrors + errors)
        return GeoJSONValidationReport(errors: errors, warnings: stream.warnings, featureCount: count, layout: stream.layout)
    }
}

/// What `GeoJSONReader.validate` found.
public struct GeoJSONValidationReport: Sendable, Equatable {
    /// Rule violations and malformed JSON, in input order (a JSON syntax error is always last).
    public var errors: [GeoJSONError]
    /// Discouraged constructs and lenient repairs.
    public var warnings: [GeoJSONWarning]
    /// Features read without error.
    public var featureCount: Int
    /// How the input was laid out, when that could be seen.
    public var layout: GeoJSONLayout?

    /// True when no error was found (warnings allowed).
    public var isValid: Bool { errors.isEmpty }
}
