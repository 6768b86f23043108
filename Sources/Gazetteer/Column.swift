import Foundation

/// A file mapped read-only into memory, unmapped when the last reference goes. The gazetteer's
/// data files are read through such mappings: the kernel shares the page cache instead of
/// copying tens of megabytes per process. Immutable: safe to share between threads.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer?
    let count: Int

    /// Maps `path`. Throws `GazetteerError` when it cannot be opened or mapped.
    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw GazetteerError(file: path, message: "cannot open (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw GazetteerError(file: path, message: "cannot stat") }
        count = Int(info.st_size)
        guard count > 0 else { base = nil; return }
        // mmap returns MAP_FAILED ((void *)-1) on error.
        let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw GazetteerError(file: path, message: "cannot map (\(String(cString: strerror(errno))))") }
        base = UnsafeRawPointer(p)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)
    }
}

/// An immutable array of plain values, held either in its own allocation or inside a mapped
/// cache file (`IndexCache`), so that both paths share the same lookup code. Thread-safe.
struct Column<T: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    /// Keeps the memory alive: an `Allocation` or the `MappedFile`.
    private let owner: AnyObject?

    /// Copies `array` into a new allocation.
    init(_ array: [T]) {
        let allocation = Allocation<T>(array)
        buffer = UnsafeBufferPointer(allocation.memory)
        owner = allocation
    }

    /// `count` values starting `offset` bytes into `file` (which must be aligned for `T`).
    init(file: MappedFile, offset: Int, count: Int) {
        buffer = UnsafeBufferPointer(start: file.base.map { ($0 + offset).assumingMemoryBound(to: T.self) }, count: count)
        owner = file
    }

    var startIndex: Int { 0 }
    var endIndex: Int { buffer.count }
    subscript(i: Int) -> T { buffer[i] }

    private final class Allocation<U: BitwiseCopyable> {
        let memory: UnsafeMutableBufferPointer<U>
        init(_ array: [U]) {
            memory = .allocate(capacity: array.count)
            _ = memory.initialize(from: array)
        }
        deinit { memory.deallocate() }
    }
}
