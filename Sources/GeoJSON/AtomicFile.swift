import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where encoded bytes go: a file written atomically (a temporary file beside the destination, renamed
/// over it on `commit`, removed on `abort` or when released uncommitted), or an open file descriptor
/// such as standard output. Buffers writes in 1 MiB blocks. Not thread-safe.
final class ByteSink {
    private let fd: Int32
    private let temporaryPath: String?
    private let destination: String
    private var closed = false
    var buffer: [UInt8] = []
    static let blockSize = 1 << 20

    /// Creates `.<name>.<random>.tmp` in the destination's folder (same file system, so rename is atomic).
    init(atomicPath destination: String) throws(GeoJSONError) {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Self.failure(destination, "cannot create") }
        self.fd = fd
        self.temporaryPath = temporary
        self.destination = destination
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    /// Writes to an already open descriptor, which stays open.
    init(fileDescriptor: Int32, label: String) {
        fd = fileDescriptor
        temporaryPath = nil
        destination = label
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    deinit { abort() }

    static func failure(_ path: String, _ what: String) -> GeoJSONError {
        GeoJSONError(source: path, path: "", message: "\(what): \(String(cString: strerror(errno)))")
    }

    /// Flushes when the buffer holds a block or more.
    @inline(__always) func flushIfFull() throws(GeoJSONError) {
        if buffer.count >= Self.blockSize { try flush() }
    }

    func flush() throws(GeoJSONError) {
        var offset = 0
        let total = buffer.count
        while offset < total {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, total - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.failure(destination, "cannot write")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for an atomic file, renames it into place.
    func commit() throws(GeoJSONError) {
        try flush()
        guard let temporaryPath, !closed else { return }
        closed = true
        if close(fd) != 0 { unlink(temporaryPath); throw Self.failure(destination, "cannot write") }
        if rename(temporaryPath, destination) != 0 {
            let error = Self.failure(destination, "cannot move into place")
            unlink(temporaryPath)
            throw error
        }
    }

    /// Drops everything written so far; the destination is left as it was.
    func abort() {
        guard let temporaryPath, !closed else { return }
        closed = true
        close(fd)
        unlink(temporaryPath)
    }
}
