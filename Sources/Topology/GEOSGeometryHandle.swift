internal import CGEOS
import GeoJSON

/// Owns exactly one `GEOSGeometry` and destroys it in `deinit`.
///
/// A GEOS geometry does not belong to the context that made it (only messages and settings live in a
/// context), so the handle is destroyed with the current thread's context. Not Sendable: GEOS
/// geometries cache data lazily, so a handle is used by one thread only; public APIs pass `Geometry`
/// values between threads and rebuild handles where needed.
final class GEOSGeometryHandle {
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`, which must not be owned by anything else.
    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Takes ownership of the result of a GEOS call that returns a new geometry or NULL on exception.
    convenience init(result: OpaquePointer?, of function: String, in context: GEOSContext) throws {
        guard let result else { throw context.failure(function) }
        self.init(owning: result)
    }

    deinit { GEOSGeom_destroy_r(GEOSContext.current.handle, pointer) }

    /// True when GEOS considers the geometry empty. GEOSisEmpty_r returns 2 on exception.
    func isEmpty(in context: GEOSContext) throws -> Bool {
        switch GEOSisEmpty_r(context.handle, pointer) {
        case 1: return true
        case 0: return false
        default: throw context.failure("GEOSisEmpty_r")
        }
    }
}
