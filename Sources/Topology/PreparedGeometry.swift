internal import CGEOS
import GeoJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A geometry prepared for many predicate tests against it (e.g. which of a million points lie in a
/// country). GEOS indexes the geometry's segments once, so each test costs about O(log n) instead of
/// O(n) for a polygon of n positions.
///
/// Thread-safety: a Sendable value; copies share the preparation and may be used from any number of
/// threads at once. GEOS prepared geometries must not be shared between threads (they build caches
/// lazily), so the value keeps the geometry as its recipe and each thread builds its own GEOS
/// prepared handle on first use; the handles are freed when the last copy of the value goes away.
/// Point queries on polygons use one immutable Swift point locator shared by all threads, built on
/// the first point query (O(n log n)).
public struct PreparedGeometry: Sendable {
    /// The geometry that was prepared.
    public let geometry: Geometry
    private let storage: PreparedStorage

    /// Prepares `geometry`. O(n) now; GEOS builds its indexes lazily on the first tests in each thread.
    /// - Throws: `TopologyError.malformed` when GEOS cannot build the geometry (non-finite coordinate,
    ///   unclosed ring, …).
    public init(_ geometry: Geometry) throws {
        try geometry.checkBuildable()
        self.geometry = geometry
        self.storage = PreparedStorage(geometry)
    }

    /// True when `other` lies in the prepared geometry's interior-or-boundary with at least one interior
    /// point in its interior (same meaning as `Geometry.contains`). - Throws: `.malformed`, `.library`.
    public func contains(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedContains_r", GEOSPreparedContains_r)
    }

    /// True when `other` has no point outside the prepared geometry (`Geometry.covers`).
    /// - Throws: `.malformed`, `.library`.
    public func covers(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedCovers_r", GEOSPreparedCovers_r)
    }

    /// True when `other` shares at least one point with the prepared geometry (`Geometry.intersects`).
    /// - Throws: `.malformed`, `.library`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try test(other, "GEOSPreparedIntersects_r", GEOSPreparedIntersects_r)
    }

    /// True when `position` lies strictly inside the prepared geometry (not on its boundary).
    /// - Throws: `.malformed` for a non-finite position, `.library` if GEOS fails.
    public func contains(_ position: Position) throws -> Bool {
        try contains([position])[0]
    }

    /// For each position, whether it lies strictly inside the prepared geometry (not on its boundary):
    /// the fast path for point-in-polygon over many points. For a Polygon or MultiPolygon the answer
    /// comes from a shared Swift point locator that gives GEOS's answer without allocating (see
    /// `PointInAreaLocator`), asking GEOS only for points too close to an edge to decide in doubles;
    /// other geometry types go to GEOS point by point. O(k log n) for k positions.
    /// - Throws: `.malformed` naming the index of the first non-finite position, `.library` if GEOS fails.
    public func contains(_ positions: [Position]) throws -> [Bool] {
        if let i = positions.firstIndex(where: { !$0.latitude.isFinite || !$0.longitude.isFinite }) {
            throw TopologyError.malformed(path: "positions[\(i)]", message: "coordinate is not a finite number")
        }
        let locator = storage.locator()
        var geos: (GEOSContext, PreparedHandle)?
        return try positions.map { position in
            if let location = locator?.locate(x: position.longitude, y: position.latitude) {
                return location == .interior
            }
            if geos == nil {
                let context = GEOSContext.current
                geos = (context, try storage.handle(in: context))
            }
            return try geosContains(position, geos!.1, geos!.0)
        }
    }

    /// GEOS's prepared contains for one position, with a temporary point geometry.
    private func geosContains(_ position: Position, _ prepared: PreparedHandle, _ context: GEOSContext) throws -> Bool {
        // GEOSGeom_createPointFromXY_r returns a new point, NULL on exception.
        guard let point = GEOSGeom_createPointFromXY_r(context.handle, position.longitude, position.latitude) else {
            throw context.failure("GEOSGeom_createPointFromXY_r")
        }
        defer { GEOSGeom_destroy_r(context.handle, point) }
        return try predicateResult(GEOSPreparedContains_r(context.handle, prepared.pointer, point), "GEOSPreparedContains_r", context)
    }

    /// GEOS's answer only, bypassing the Swift point locator: for tests that compare the two.
    package func geosContains(_ position: Position) throws -> Bool {
        let context = GEOSContext.current
        return try geosContains(position, storage.handle(in: context), context)
    }

    /// Shortest planar distance to `other` in coordinate units (degrees for longitude/latitude): for
    /// ranking and pruning only, never as metres (Geodesy measures on the ellipsoid). Uses the
    /// prepared geometry's segment index. - Throws: `.malformed`, `.library`.
    package func planarDistance(to other: Geometry) throws -> Double {
        let context = GEOSContext.current
        let prepared = try storage.handle(in: context)
        let g = try GEOSGeometryHandle(other, in: context)
        var distance = 0.0
        // GEOSPreparedDistance_r returns 1 on success, 0 on exception.
        guard GEOSPreparedDistance_r(context.handle, prepared.pointer, g.pointer, &distance) == 1 else {
            throw context.failure("GEOSPreparedDistance_r")
        }
        return distance
    }

    private func test(_ other: Geometry, _ function: String,
                      _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws -> Bool {
        let context = GEOSContext.current
        let prepared = try storage.handle(in: context)
        let g = try GEOSGeometryHandle(other, in: context)
        return try predicateResult(call(context.handle, prepared.pointer, g.pointer), function, context)
    }
}

/// One thread's GEOS form of a prepared geometry: owns the geometry and the prepared handle over it,
/// and destroys the prepared handle first.
final class PreparedHandle {
    let geometry: GEOSGeometryHandle
    let pointer: OpaquePointer

    init(_ value: Geometry, in context: GEOSContext) throws {
        geometry = try GEOSGeometryHandle(value, in: context)
        // GEOSPrepare_r returns a new prepared geometry referring to (not owning) `geometry`; NULL on exception.
        guard let prepared = GEOSPrepare_r(context.handle, geometry.pointer) else { throw context.failure("GEOSPrepare_r") }
        pointer = prepared
    }

    deinit { GEOSPreparedGeom_destroy_r(GEOSContext.current.handle, pointer) }
}

/// The shared part of a `PreparedGeometry`: the recipe, one GEOS prepared handle per thread, and the
/// shared Swift point locator.
///
/// `@unchecked Sendable` because the handle table and the locator state are guarded by `lock`, and each handle is only
/// used by the thread whose context made it. The table is keyed by the identity of the thread's
/// `GEOSContext`; a context lives as long as its thread, so a key is reused only after its thread has
/// exited, when taking over its handle is safe.
final class PreparedStorage: @unchecked Sendable {
    private let recipe: Geometry
    private let lock = Lock()
    private var handles: [ObjectIdentifier: PreparedHandle] = [:]

    private enum LocatorState { case unbuilt, unavailable, built(PointInAreaLocator) }
    private var locatorState = LocatorState.unbuilt

    init(_ recipe: Geometry) { self.recipe = recipe }

    /// The shared point locator, built on first use (under the lock: built once, read by all threads);
    /// nil when the geometry is not polygonal.
    func locator() -> PointInAreaLocator? {
        lock.withLock {
            switch locatorState {
            case .built(let l): return l
            case .unavailable: return nil
            case .unbuilt:
                guard let l = PointInAreaLocator(recipe) else { locatorState = .unavailable; return nil }
                locatorState = .built(l)
                return l
            }
        }
    }

    /// This thread's prepared handle, built on first use. The build happens outside the lock so
    /// that threads preparing at the same time do not wait for each other.
    func handle(in context: GEOSContext) throws -> PreparedHandle {
        let key = ObjectIdentifier(context)
        if let h = lock.withLock({ handles[key] }) { return h }
        let h = try PreparedHandle(recipe, in: context)
        lock.withLock { handles[key] = h }
        return h
    }
}

/// A plain pthread mutex (the Synchronization module's `Mutex` needs macOS 15).
final class Lock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
