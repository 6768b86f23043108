internal import CGEOS
import GeoJSON

// Shared plumbing for the operations: build GEOS forms in the current thread's context, run one
// GEOS call, read the result back as a value.

extension Geometry {
    /// Calls `body` with the GEOS form of this geometry, built in the calling thread's context.
    func withGEOS<T>(_ body: (GEOSContext, GEOSGeometryHandle) throws -> T) throws -> T {
        let context = GEOSContext.current
        let handle = try GEOSGeometryHandle(self, in: context)
        return try body(context, handle)
    }

    /// Applies a GEOS binary predicate (returns 1 true, 0 false, 2 on exception).
    func binaryPredicate(_ other: Geometry, _ function: String,
                         _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws -> Bool {
        try withGEOS { context, a in
            let b = try GEOSGeometryHandle(other, in: context)
            return try predicateResult(call(context.handle, a.pointer, b.pointer), function, context)
        }
    }

    /// Applies a GEOS operation of one geometry that returns a new geometry (NULL on exception).
    func unaryOperation(_ function: String,
                        _ call: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        try withGEOS { context, a in
            try GEOSGeometryHandle(result: call(context.handle, a.pointer), of: function, in: context).geometry(in: context)
        }
    }

    /// Applies a GEOS operation of two geometries that returns a new geometry (NULL on exception).
    func binaryOperation(_ other: Geometry, _ function: String,
                         _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        try withGEOS { context, a in
            let b = try GEOSGeometryHandle(other, in: context)
            return try GEOSGeometryHandle(result: call(context.handle, a.pointer, b.pointer), of: function, in: context)
                .geometry(in: context)
        }
    }

    /// Throws `.emptyGeometry(operation:)` when the geometry has no positions.
    func requireNonEmpty(_ operation: String) throws {
        if isEmpty { throw TopologyError.emptyGeometry(operation: operation) }
    }
}

/// Decodes the GEOS predicate convention: 1 true, 0 false, anything else (2) an exception.
func predicateResult(_ value: CChar, _ function: String, _ context: GEOSContext) throws -> Bool {
    switch value {
    case 1: return true
    case 0: return false
    default: throw context.failure(function)
    }
}
