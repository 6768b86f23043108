import Foundation

/// Writes features one at a time as a FeatureCollection, an RFC 8142 GeoJSON Text Sequence, or
/// newline-delimited GeoJSON, with memory bounded by one feature plus a 1 MiB buffer.
///
/// Written to a path, the output is atomic: it goes to a temporary file in the same folder that
/// `finish()` renames into place; if the writer is released without `finish()` (an error, a crash of
/// the caller's loop) or `cancel()` is called, the temporary file is removed and the destination is
/// left untouched. Not thread-safe: use from one thread.
public final class GeoJSONFeatureWriter {
    public enum Format: Sendable, Equatable {
        /// `{"type":"FeatureCollection","features":[…]}`, one feature per line.
        case featureCollection
        /// RFC 8142: each feature preceded by RS (0x1E) and followed by LF.
        case textSequence
        /// One feature per line, no RS (GDAL's GeoJSONSeq default, "GeoJSONL").
        case newlineDelimited
    }

    /// The layout written.
    public let format: Format
    /// Precision, bbox and RFC 7946 enforcement used for every feature.
    public let encoder: GeoJSONWriter
    /// Features written so far.
    public private(set) var count = 0
    private let sink: ByteSink
    private var finished = false
    private var box: BoundingBox?

    /// Writes atomically to `path` (see the type's documentation).
    /// - Throws: `GeoJSONError` when the temporary file cannot be created.
    public init(path: String, format: Format, encoder: GeoJSONWriter = GeoJSONWriter()) throws(GeoJSONError) {
        self.format = format
        self.encoder = encoder
        sink = try ByteSink(atomicPath: path)
        start()
    }

    /// Writes to an open handle (e.g. standard output); the handle stays open.
    public init(fileHandle: FileHandle, label: String = "<stdout>", format: Format, encoder: GeoJSONWriter = GeoJSONWriter()) {
        self.format = format
        self.encoder = encoder
        sink = ByteSink(fileDescriptor: fileHandle.fileDescriptor, label: label)
        start()
    }

    private func start() {
        if format == .featureCollection { sink.buffer.append(contentsOf: #"{"type":"FeatureCollection","features":["#.utf8) }
    }

    /// Appends one feature.
    /// - Throws: `GeoJSONError` for a non-finite number or a write failure.
    public func write(_ feature: Feature) throws(GeoJSONError) {
        precondition(!finished, "write after finish")
        switch format {
        case .featureCollection: sink.buffer.append(contentsOf: count == 0 ? [0x0A] : [0x2C, 0x0A])
        case .textSequence: sink.buffer.append(0x1E)
        case .newlineDelimited: break
        }
        let mark = sink.buffer.count
        do {
            try encoder.appendFeature(feature, to: &sink.buffer)
        } catch {
            sink.buffer.removeSubrange(mark...)
            throw GeoJSONError(source: error.source, path: "features[\(count)]", message: error.message)
        }
        if format != .featureCollection { sink.buffer.append(0x0A) }
        if encoder.includeBBox, let b = feature.geometry?.boundingBox { box == nil ? (box = b) : box!.extend(with: b) }
        count += 1
        try sink.flushIfFull()
    }

    /// Closes the collection, flushes, and moves the file into place.
    public func finish() throws(GeoJSONError) {
        guard !finished else { return }
        finished = true
        if format == .featureCollection {
            sink.buffer.append(contentsOf: "\n]".utf8)
            if let box {
                sink.buffer.append(contentsOf: #","bbox":["#.utf8)
                for (k, v) in [box.west, box.south, box.east, box.north].enumerated() {
                    if k > 0 { sink.buffer.append(0x2C) }
                    try encoder.appendFixed(v, to: &sink.buffer)
                }
                sink.buffer.append(0x5D)
            }
            sink.buffer.append(contentsOf: "}\n".utf8)
        }
        do { try sink.commit() } catch { sink.abort(); throw error }
    }

    /// Abandons the output: the temporary file is removed, the destination left as it was.
    public func cancel() {
        finished = true
        sink.abort()
    }
}
