// The floor under any gazetteer tagger, for the geoparser benchmark (compiled and run by
// `50-geoparser`; not part of the package).
//
// It does the least such a tool can do and nothing more: scan the UTF-8 of each document for words,
// and for every capitalised word (Latin or Cyrillic) look up the phrases of one to three words that
// start there in a hash set of every name and alternate name in the gazetteer's TSV files. No
// possessives, no morphology, no rules, no resolution, no output. Whatever a real geoparser adds
// comes on top of this time.
//
//   geoparse-floor NAMES.tsv... -- TEXTS    TEXTS: documents separated by U+001E
// Prints the fastest of five runs over all documents on all cores: seconds, and phrases found.
import Dispatch
import Foundation

/// FNV-1a over the bytes `p[a..<b]`, ASCII letters folded to lower case.
@inline(__always)
func phraseHash(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in a..<b {
        let c = p[i]
        h = (h ^ UInt64(c &- 0x41 < 26 ? c | 0x20 : c)) &* 0x100_0000_01b3
    }
    return h
}

/// A letter byte: an ASCII letter or any byte of a non-ASCII scalar.
@inline(__always)
func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b >= 0x80 }

/// An upper-case ASCII letter, or the lead byte pair of А–Я.
@inline(__always)
func isCapital(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    p[i] &- 0x41 < 26 || (p[i] == 0xD0 && i + 1 < p.count && p[i + 1] &- 0x90 < 0x20)
}

/// The number of phrases of `doc` found in `names`.
func tag(_ doc: UnsafeBufferPointer<UInt8>, _ names: Set<UInt64>) -> Int {
    var found = 0
    var i = 0
    let n = doc.count
    while i < n {
        guard isLetter(doc[i]) else { i += 1; continue }
        var end = i
        while end < n, isLetter(doc[end]) { end += 1 }
        if isCapital(doc, i) {
            var e = end
            for words in 1...3 {
                if names.contains(phraseHash(doc, i, e)) { found += 1 }
                guard words < 3, e + 1 < n, doc[e] == 0x20, isLetter(doc[e + 1]) else { break }
                e += 1
                while e < n, isLetter(doc[e]) { e += 1 }
            }
        }
        i = end
    }
    return found
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let split = arguments.firstIndex(of: "--"), split + 1 < arguments.count else {
    FileHandle.standardError.write("usage: geoparse-floor NAMES.tsv... -- TEXTS\n".data(using: .utf8)!)
    exit(2)
}
// The name columns: GeoNames' `name` and `alternates` in places.tsv, `name` and `names` elsewhere.
var names = Set<UInt64>()
for path in arguments[..<split] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines = text.split(separator: "\n")[...]
    let header = lines.removeFirst().split(separator: "\t").map(String.init)
    let columns = header.indices.filter { ["name", "names", "alternates"].contains(header[$0]) }
    for line in lines {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        for c in columns where c < fields.count {
            for name in fields[c].split(separator: "|") {
                let bytes = Array(name.utf8)
                bytes.withUnsafeBufferPointer { names.insert(phraseHash($0, 0, $0.count)) }
            }
        }
    }
}
let corpus = try Data(contentsOf: URL(fileURLWithPath: arguments[split + 1]))
let documents: [[UInt8]] = corpus.split(separator: 0x1E).map { Array($0) }

var best = Double.infinity
var found = 0
for _ in 0..<5 {
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: documents.count)
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: documents.count) { k in
        counts[k] = documents[k].withUnsafeBufferPointer { tag($0, names) }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, seconds)
    found = counts.reduce(0, +)
    counts.deallocate()
}
print("\(best) \(found) \(names.count)")
