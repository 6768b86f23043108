internal import CGEOS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One GEOS context handle for the calling thread, with the messages GEOS reported on it.
///
/// GEOS's reentrant API is thread-safe as long as a context is used by one thread at a time, so every
/// thread lazily creates its own (as Shapely 2 does) and frees it when the thread exits. The error and
/// notice handlers store the last message here instead of printing it. Not Sendable: never hand a
/// context to another thread; ask `GEOSContext.current` on the thread that needs one.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last message passed to the GEOS error handler since `clearMessages()`.
    fileprivate(set) var lastError: String?
    /// The last notice (warnings such as "Self-intersection at or near point …" from older operations).
    fileprivate(set) var lastNotice: String?

    private init() {
        // GEOS_init_r only fails when out of memory; there is nothing sensible to do then.
        guard let handle = GEOS_init_r() else { fatalError("GEOS_init_r: out of memory") }
        self.handle = handle
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
        }, me)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastNotice = message.map { String(cString: $0) }
        }, me)
    }

    deinit {
        if let wktWriter { GEOSWKTWriter_destroy_r(handle, wktWriter) }
        if let wkbWriter { GEOSWKBWriter_destroy_r(handle, wkbWriter) }
        GEOS_finish_r(handle)
    }

    private var wktWriter: OpaquePointer?
    private var wkbWriter: OpaquePointer?

    /// This thread's WKT writer: full precision, trailing zeros trimmed, Z written when present.
    func wktWriterHandle() throws -> OpaquePointer {
        if let wktWriter { return wktWriter }
        guard let w = GEOSWKTWriter_create_r(handle) else { throw failure("GEOSWKTWriter_create_r") }
        GEOSWKTWriter_setTrim_r(handle, w, 1)
        GEOSWKTWriter_setRoundingPrecision_r(handle, w, -1)
        GEOSWKTWriter_setOutputDimension_r(handle, w, 3)
        wktWriter = w
        return w
    }

    /// This thread's WKB writer: ISO flavour, little-endian, Z written when present.
    func wkbWriterHandle() throws -> OpaquePointer {
        if let wkbWriter { return wkbWriter }
        guard let w = GEOSWKBWriter_create_r(handle) else { throw failure("GEOSWKBWriter_create_r") }
        GEOSWKBWriter_setOutputDimension_r(handle, w, 3)
        GEOSWKBWriter_setByteOrder_r(handle, w, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setFlavor_r(handle, w, Int32(GEOS_WKB_ISO.rawValue))
        wkbWriter = w
        return w
    }

    /// The calling thread's context, created on first use and freed at thread exit. O(1).
    static var current: GEOSContext {
        if let raw = pthread_getspecific(contextKey) {
            return Unmanaged<GEOSContext>.fromOpaque(raw).takeUnretainedValue()
        }
        let context = GEOSContext()
        // The thread-specific slot owns one retain; the key's destructor releases it at thread exit.
        pthread_setspecific(contextKey, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// The error for a failed call of `function`, with the message GEOS reported for it.
    func failure(_ function: String) -> TopologyError {
        let message = lastError ?? "failed without a message"
        lastError = nil
        return .library(function: function, message: message)
    }
}

/// The thread-specific-data key holding each thread's retained `GEOSContext`. A global `let` is
/// initialised once, atomically, on first use.
private let contextKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in releaseContext(raw) }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
}()

/// The thread-exit destructor: drops the slot's retain on the thread's context. (A function taking an
/// optional, so that the closure above fits both Glibc's and Darwin's destructor signatures.)
private func releaseContext(_ raw: UnsafeMutableRawPointer?) {
    guard let raw else { return }
    Unmanaged<GEOSContext>.fromOpaque(raw).release()
}
