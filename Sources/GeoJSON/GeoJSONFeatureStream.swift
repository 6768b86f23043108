import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something RFC 7946 discourages, or a repair lenient mode made, with where it was found.
public struct GeoJSONWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file name or other label of the input.
    public var source: String
    /// 1-based line and column (UTF-8 bytes) where the member concerned starts.
    public var line: Int?
    public var column: Int?
    /// JSON path of the member concerned, e.g. `features[3].geometry.coordinates[0]`.
    public var path: String
    /// What was repaired or is discouraged, in a short sentence.
    public var message: String

    public init(source: String, line: Int? = nil, column: Int? = nil, path: String, message: String) {
        self.source = source; self.line = line; self.column = column; self.path = path; self.message = message
    }

    /// One line: `source:line:column: path: warning: message`.
    public var description: String {
        var s = source
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        if !path.isEmpty { s += ": \(path)" }
        return s + ": warning: " + message
    }
}

/// How the input was laid out, known once reading has started (and final once it has ended).
public enum GeoJSONLayout: Sendable, Equatable {
    /// One top-level FeatureCollection.
    case featureCollection
    /// One top-level Feature.
    case feature
    /// One top-level geometry.
    case geometry
    /// RFC 8142 GeoJSON Text Sequence: records start with RS (0x1E).
    case textSequence
    /// Newline-delimited GeoJSON (GDAL's GeoJSONSeq without RS): one object after another.
    case newlineDelimited
}

/// Reads features one at a time from a FeatureCollection, a single Feature, a bare geometry, or a
/// GeoJSON Text Sequence / newline-delimited GeoJSON, with memory bounded by the largest feature.
///
/// The input is read in chunks (1 MiB, grown only when one feature is bigger); a FeatureCollection
/// of any size is never held whole. Members of a top-level FeatureCollection other than `features`
/// (`bbox`, foreign members) are available in `collectionBBox` / `collectionForeignMembers` once
/// `next()` has returned nil. Not thread-safe: use one stream from one thread at a time.
public final class GeoJSONFeatureStream {
    /// The label used in errors and warnings.
    public let source: String
    /// Warnings so far (lenient repairs, discouraged constructs).
    public private(set) var warnings: [GeoJSONWarning] = []
    /// The input's layout, once the first object has been seen.
    public private(set) var layout: GeoJSONLayout?
    /// The top-level FeatureCollection's `bbox`, once the stream has ended.
    public private(set) var collectionBBox: [Double]?
    /// The top-level FeatureCollection's foreign members, once the stream has ended.
    public private(set) var collectionForeignMembers = JSONObject()
    /// The number of features returned so far.
    public private(set) var featureCount = 0
    /// Where the feature last returned sits in the input: its index in `features`, or its record index
    /// in a sequence (0 for a single top-level Feature or geometry).
    public private(set) var lastFeatureIndex = 0
    /// The JSON path of the feature last returned (`features[3]`, `[3]` in a sequence, empty for a
    /// single top-level object).
    public var lastFeaturePath: String {
        switch layout {
        case .featureCollection?: "features[\(lastFeatureIndex)]"
        case .textSequence?, .newlineDelimited?: "[\(lastFeatureIndex)]"
        default: ""
        }
    }

    /// Errors recorded instead of thrown (validation mode), in input order.
    private(set) var collectedErrors: [GeoJSONError] = []
    /// When true, a feature that breaks a rule is recorded and skipped; only malformed JSON stops reading.
    var collectErrors = false

    /// When true, `next()` skips a feature that breaks a rule of RFC 7946 (a latitude of 151°, a
    /// ring that does not close in strict mode, a Point without coordinates …) and records why in
    /// `skippedFeatures`, so that one bad record does not lose the rest of a batch; malformed JSON
    /// still ends reading with an error. False by default: the first broken feature throws.
    public var skipsInvalidFeatures: Bool {
        get { collectErrors }
        set { collectErrors = newValue }
    }

    /// The features skipped so far (with `skipsInvalidFeatures`), each as the error that made it
    /// invalid (source, line, column, JSON path, reason), in input order.
    public var skippedFeatures: [GeoJSONError] { collectedErrors }
    /// When false, content after the first top-level object is an error (whole-document reads).
    var allowSequence = true
    /// The top-level geometry when the input is a bare geometry.
    private(set) var topGeometry: Geometry?

    private let lenient: Bool
    private let maxDepth: Int
    private let fd: Int32
    private let ownsFD: Bool
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var pos = 0
    private var base = 0
    private var eof = false
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    private enum State { case start, topMembers, features, afterTop, sequence, done }
    private var state = State.start
    private var first = true
    private var index = 0
    private var top = ObjectParts(start: SourceLocation(line: 1, column: 1))
    private var streamedFeatures = false
    /// A member of the top-level object broke a rule (recorded in validation mode): the object as a
    /// whole is not judged again, which would only repeat the problem.
    private var topMemberFailed = false
    private var pending: [Feature] = []
    /// Reused by every unit so that the path stack is not reallocated per feature.
    private var pathBuffer: [PathComponent] = []
    private var pendingIndex = 0

    static let chunkSize = 1 << 20
    /// The buffer's current size in bytes (for tests of bounded memory).
    var bufferCapacity: Int { capacity }

    /// Streams from a file descriptor; `ownsFileDescriptor` closes it when the stream is released.
    init(fileDescriptor: Int32, ownsFileDescriptor: Bool, source: String, lenient: Bool, maxDepth: Int, chunkSize: Int = chunkSize) {
        self.source = source
        self.lenient = lenient
        self.maxDepth = maxDepth
        self.fd = fileDescriptor
        self.ownsFD = ownsFileDescriptor
        capacity = max(1, chunkSize)
        storage = .allocate(capacity: capacity)
    }

    /// Streams from bytes already in memory (copied once).
    init(data: Data, source: String, lenient: Bool, maxDepth: Int) {
        self.source = source
        self.lenient = lenient
        self.maxDepth = maxDepth
        fd = -1
        ownsFD = false
        capacity = max(data.count, 1)
        storage = .allocate(capacity: capacity)
        data.copyBytes(to: storage, count: data.count)
        count = data.count
        eof = true
    }

    deinit {
        storage.deallocate()
        if ownsFD { close(fd) }
    }

    // MARK: reading features

    /// The next feature, or nil at the end of the input.
    ///
    /// - Throws: `GeoJSONError` for malformed JSON, a rule of RFC 7946 broken (strict mode, or a
    ///   repair lenient mode cannot make), or a read failure. After an error the stream is finished.
    public func next() throws(GeoJSONError) -> Feature? {
        do throws(ParseStop) {
            return try step()
        } catch {
            state = .done
            throw GeoJSONError(error, source: source)
        }
    }

    /// Calls `body` on every remaining feature, in order.
    public func forEach(_ body: (Feature) throws -> Void) throws {
        while let f = try next() { try body(f) }
    }

    private func step() throws(ParseStop) -> Feature? {
        if pendingIndex < pending.count {
            pendingIndex += 1 // features of a FeatureCollection record share the record's index
            featureCount += 1
            return pending[pendingIndex - 1]
        }
        while true {
            switch state {
            case .done:
                return nil
            case .start:
                var b = try run { (p) throws(ParseStop) in try p.peek("a GeoJSON object") }
                if b == 0xEF { // a UTF-8 byte order mark, which RFC 8259 §8.1 lets parsers ignore
                    b = try run { (p) throws(ParseStop) -> UInt8 in
                        guard p.i + 3 <= p.end else { throw p.endOfInput("a GeoJSON object") }
                        guard p.bytes[p.i + 1] == 0xBB && p.bytes[p.i + 2] == 0xBF else { throw p.syntaxError("expected a GeoJSON object ('{') but found byte 0xEF") }
                        p.i += 3
                        p.lineStart = p.base + p.i
                        return try p.peek("a GeoJSON object")
                    }
                }
                if b == 0x1E {
                    layout = .textSequence
                    state = .sequence
                    continue
                }
                try run { (p) throws(ParseStop) in
                    guard p.bytes[p.i] == 0x7B else { throw p.syntaxError("expected a GeoJSON object ('{') but found \(p.describe(p.bytes[p.i]))") }
                    top = ObjectParts(start: p.location)
                    p.i += 1
                    try p.enterContainer()
                }
                state = .topMembers
                first = true
            case .topMembers:
                if let f = try topMember() { return f }
            case .features:
                if let f = try nextCollectionFeature() { return f }
            case .afterTop:
                let more = try run { (p) throws(ParseStop) -> Bool in
                    p.skipWhitespace()
                    if p.i < p.end { return true }
                    if p.isFinal { return false }
                    throw .needMoreData
                }
                guard more else { state = .done; return nil }
                guard allowSequence else {
                    try run { (p) throws(ParseStop) in throw p.syntaxError("unexpected content after the GeoJSON object") }
                    return nil
                }
                if layout != .textSequence { layout = .newlineDelimited }
                state = .sequence
                index = 1 // the object just read was record 0
            case .sequence:
                if let f = try nextRecord() { return f }
            }
        }
    }

    /// One member of the top-level object; returns a feature when the object ends and is one.
    private func topMember() throws(ParseStop) -> Feature? {
        enum Step { case member, featuresStart, end }
        let wasFirst = first
        let step = try runRecovering({ (p) throws(ParseStop) -> Step in
            let b = try p.peek("'}' or a member name")
            if b == 0x7D { p.i += 1; p.depth -= 1; return .end }
            if !wasFirst {
                guard b == 0x2C else { throw p.syntaxError("expected ',' or '}' but found \(p.describe(b))") }
                p.i += 1
            }
            let key = try p.parseKey()
            try p.expect(0x3A, ":")
            if key == "features" && (top.type == nil || top.type == "FeatureCollection") {
                p.path.removeAll(keepingCapacity: true); p.path.append(.key("features"))
                guard try p.peek("an array") == 0x5B else { throw p.ruleError("\"features\" must be an array of Feature objects") }
                p.path.removeAll(keepingCapacity: true)
                p.i += 1
                try p.enterContainer()
                return .featuresStart
            }
            var parts = top
            p.path.removeAll(keepingCapacity: true); p.path.append(.key(key))
            try p.parseMember(key, .any, &parts)
            p.path.removeAll(keepingCapacity: true)
            top = parts
            return .member
        }, skip: { (p) throws(ParseStop) in
            if !wasFirst { try p.expect(0x2C, ",") }
            _ = try p.parseKey()
            try p.expect(0x3A, ":")
            try p.skipValue()
        })
        first = false
        switch step {
        case nil:
            topMemberFailed = true
            return nil
        case .member?:
            return nil
        case .featuresStart?:
            streamedFeatures = true
            layout = .featureCollection
            state = .features
            first = true
            index = 0
            return nil
        case .end?:
            state = .afterTop
            return try finishTop()
        }
    }

    private func finishTop() throws(ParseStop) -> Feature? {
        let parts = top
        if topMemberFailed { return nil }
        if streamedFeatures {
            guard parts.type == "FeatureCollection" else {
                try runRecovering({ (p) throws(ParseStop) in throw p.typeError(parts, expected: "a FeatureCollection (the object has \"features\")") }, skip: { _ in })
                return nil
            }
            collectionBBox = parts.bbox
            collectionForeignMembers = JSONObject(uniqueMembers: parts.foreign)
            return nil
        }
        guard let object = try runRecovering({ (p) throws(ParseStop) in try p.buildAny(parts) }, skip: { _ in }) else { return nil }
        switch object {
        case .feature(let f):
            layout = .feature
            featureCount += 1
            return f
        case .geometry(let g):
            layout = .geometry
            topGeometry = g
            featureCount += 1
            return Feature(geometry: g)
        case .featureCollection(let c):
            layout = .featureCollection
            collectionBBox = c.bbox
            collectionForeignMembers = c.foreignMembers
            return nil
        }
    }

    private func nextCollectionFeature() throws(ParseStop) -> Feature? {
        while state == .features {
            let wasFirst = first
            let i = index
            let result = try runRecovering({ (p) throws(ParseStop) -> Feature? in
                let b = try p.peek("']' or a Feature")
                if b == 0x5D { p.i += 1; p.depth -= 1; return nil }
                if !wasFirst {
                    guard b == 0x2C else { throw p.syntaxError("expected ',' or ']' but found \(p.describe(b))") }
                    p.i += 1
                }
                p.path.removeAll(keepingCapacity: true); p.path.append(.key("features")); p.path.append(.index(i))
                let f = try p.parseFeature()
                p.path.removeAll(keepingCapacity: true)
                return f
            }, skip: { (p) throws(ParseStop) in
                if !wasFirst { try p.expect(0x2C, ",") }
                try p.skipValue()
            })
            first = false
            switch result {
            case .some(.some(let f)):
                lastFeatureIndex = index
                index += 1
                featureCount += 1
                return f
            case .some(.none):
                state = .topMembers
            case .none:
                index += 1 // recorded and skipped
            }
        }
        return nil
    }

    private func nextRecord() throws(ParseStop) -> Feature? {
        while state == .sequence {
            let more = try run { (p) throws(ParseStop) -> Bool in
                while true {
                    p.skipWhitespace()
                    if p.i < p.end, p.bytes[p.i] == 0x1E { p.i += 1; continue }
                    if p.i < p.end { return true }
                    if p.isFinal { return false }
                    throw .needMoreData
                }
            }
            guard more else { state = .done; return nil }
            let record = index
            let object = try runRecovering({ (p) throws(ParseStop) -> GeoJSONObject in
                p.path.removeAll(keepingCapacity: true); p.path.append(.index(record))
                let parts = try p.parseObjectParts(.any)
                let o = try p.buildAny(parts)
                p.path.removeAll(keepingCapacity: true)
                return o
            }, skip: { (p) throws(ParseStop) in try p.skipValue() })
            index += 1
            lastFeatureIndex = record
            switch object {
            case .feature(let f)?:
                featureCount += 1
                return f
            case .geometry(let g)?:
                featureCount += 1
                return Feature(geometry: g)
            case .featureCollection(let c)?:
                pending = c.features
                pendingIndex = 0
                if !pending.isEmpty {
                    pendingIndex = 1
                    featureCount += 1
                    return pending[0]
                }
            case nil:
                continue
            }
        }
        return nil
    }

    // MARK: units of parsing

    /// Runs `body` on the buffered input from the current position; when the buffer runs out inside
    /// the unit, reads more and runs it again from the same position. Commits the position only on success.
    @discardableResult
    private func run<T>(_ body: (inout JSONParser) throws(ParseStop) -> T) throws(ParseStop) -> T {
        while true {
            var p = JSONParser(bytes: storage, end: count, i: pos, base: base, isFinal: eof, line: line, lineStart: lineStart,
                               depth: depth, maxDepth: maxDepth, lenient: lenient, path: pathBuffer)
            pathBuffer = []
            do throws(ParseStop) {
                let value = try body(&p)
                p.path.removeAll(keepingCapacity: true)
                pathBuffer = p.path
                pos = p.i
                line = p.line
                lineStart = p.lineStart
                depth = p.depth
                for w in p.warnings {
                    warnings.append(GeoJSONWarning(source: source, line: w.line, column: w.column, path: w.path, message: w.message))
                }
                return value
            } catch .needMoreData {
                p.path.removeAll(keepingCapacity: true)
                pathBuffer = p.path
                try refill()
            }
        }
    }

    /// Like `run`, but in validation mode a rule failure is recorded and the unit skipped with `skip`
    /// (returning nil). Malformed JSON always ends reading.
    private func runRecovering<T>(_ body: (inout JSONParser) throws(ParseStop) -> T,
                                  skip: (inout JSONParser) throws(ParseStop) -> Void) throws(ParseStop) -> T? {
        do throws(ParseStop) {
            return try run(body)
        } catch let stop {
            guard case .failure(_, _, _, _, let syntax) = stop, collectErrors && !syntax else { throw stop }
            collectedErrors.append(GeoJSONError(stop, source: source))
            try run(skip)
            return nil
        }
    }

    /// Keeps the unread bytes, grows the buffer when one unit fills it, and reads the next chunk.
    private func refill() throws(ParseStop) {
        precondition(!eof, "refill after end of input")
        if pos > 0 {
            let keep = count - pos
            storage.update(from: storage + pos, count: keep)
            base += pos
            count = keep
            pos = 0
        }
        if count == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: storage, count: count)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        while true {
            let n = read(fd, storage + count, capacity - count)
            if n > 0 { count += n; return }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw .failure(line: line, column: 0, path: "", message: "read failed: \(reason)", syntax: true)
        }
    }
}

extension JSONParser {
    init(bytes: UnsafePointer<UInt8>, end: Int, i: Int, base: Int, isFinal: Bool, line: Int, lineStart: Int,
         depth: Int, maxDepth: Int, lenient: Bool, path: [PathComponent]) {
        self.bytes = bytes; self.end = end; self.i = i; self.base = base; self.isFinal = isFinal
        self.line = line; self.lineStart = lineStart; self.depth = depth; self.maxDepth = maxDepth
        self.lenient = lenient; self.path = path
    }
}

extension GeoJSONError {
    init(_ stop: ParseStop, source: String) {
        switch stop {
        case .needMoreData:
            self.init(source: source, path: "", message: "internal error: unexpected end of buffer")
        case .failure(let line, let column, let path, let message, _):
            self.init(source: source, line: line > 0 ? line : nil, column: column > 0 ? column : nil, path: path, message: message)
        }
    }
}
