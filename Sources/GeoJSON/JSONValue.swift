import Foundation

/// A JSON value that keeps what the text said: integers stay integers, object member order is kept.
///
/// Used for feature properties and foreign members. A plain value: thread-safe.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value as a Double when it is a number (integer or not).
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    /// The string, when the value is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The object, when the value is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The array, when the value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}

/// A JSON object whose members keep their order. Keys are unique: setting an existing key replaces
/// its value in place. Lookup is O(n) in the number of members, which is small for properties.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init() { members = [] }

    /// Members in order; a repeated key keeps its first position and its last value. O(n) for up to
    /// 16 members or distinct keys, O(n²) when keys repeat.
    public init(_ pairs: [(String, JSONValue)]) {
        if !Self.hasDuplicates(pairs.lazy.map(\.0)) {
            members = pairs.map { (key: $0.0, value: $0.1) }
            return
        }
        members = []
        for (k, v) in pairs { self[k] = v }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

    /// O(1): members whose keys the caller has checked to be unique.
    init(uncheckedMembers: [(key: String, value: JSONValue)]) {
        self.init()
        members = uncheckedMembers
    }

    /// O(n) when the caller knows the keys are unique (the parser checks), O(n²) otherwise.
    init(_ pairs: [(String, JSONValue)], knownUnique: Bool) {
        if knownUnique {
            self.init(uncheckedMembers: pairs.map { (key: $0.0, value: $0.1) })
        } else {
            self.init(pairs)
        }
    }

    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for m in members { hasher.combine(m.key); hasher.combine(m.value) }
    }
}

extension JSONValue {
    /// Parses one complete JSON text (RFC 8259; whitespace around the value allowed), keeping
    /// integers apart from other numbers. Faster than `JSONSerialization`, and without its
    /// bridging to Foundation types; for small documents such as one line of JSONL.
    /// - Throws: `JSONTextError` with the 1-based line and column (in UTF-8 bytes) of the problem.
    public static func parse(_ data: Data, maxDepth: Int = 512) throws(JSONTextError) -> JSONValue {
        let result: Result<JSONValue, JSONTextError> = data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress, !raw.isEmpty else {
                return .failure(JSONTextError(line: 1, column: 1, message: "empty input"))
            }
            var p = JSONParser(bytes: base, end: raw.count, i: 0, base: 0, isFinal: true, line: 1, lineStart: 0,
                               depth: 0, maxDepth: maxDepth, lenient: false, path: [])
            do throws(ParseStop) {
                p.skipWhitespace()
                let value = try p.parseValue()
                p.skipWhitespace()
                guard p.i == p.end else { throw p.syntaxError("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                switch error {
                case .needMoreData: return .failure(JSONTextError(line: p.line, column: p.column, message: "the input ends inside a value"))
                case .failure(let line, let column, _, let message, _): return .failure(JSONTextError(line: line, column: column, message: message))
                }
            }
        }
        return try result.get()
    }
}

/// Why `JSONValue.parse` failed, and where (1-based line and column; columns count UTF-8 bytes).
public struct JSONTextError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "line \(line), column \(column): \(message)" }
}
