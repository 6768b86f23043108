internal import CPROJ
import Foundation

/// The calling thread's PROJ context and the PROJ objects built in it.
///
/// PROJ contexts and the `PJ` objects made in them are not thread-safe, so (as in pyproj) each
/// thread gets its own context, created lazily, and a public value such as `Transformer` keeps only
/// the recipe (CRS strings) and rebuilds its `PJ` the first time each thread uses it. The context
/// installs a log handler, so PROJ never writes to the process's stderr; the last message is kept
/// for error reports. Everything is freed when the thread exits.
final class ProjContext {
    let handle: OpaquePointer
    /// The last message PROJ logged on this context (PROJ reports the reason for most failures here).
    var lastMessage: String?
    /// Normalised transformations built on this thread, by recipe.
    private var transformations: [TransformerRecipe: OpaquePointer] = [:]

    private init() {
        // proj_context_create returns NULL only when out of memory.
        guard let ctx = proj_context_create() else { fatalError("proj_context_create: out of memory") }
        handle = ctx
        // Route PROJ's log through us before anything can be logged; app_data is this object,
        // unretained: the context never outlives it (both are destroyed in deinit).
        proj_log_func(ctx, Unmanaged.passUnretained(self).toOpaque()) { appData, _, message in
            guard let appData, let message else { return }
            Unmanaged<ProjContext>.fromOpaque(appData).takeUnretainedValue().lastMessage = String(cString: message)
        }
        proj_log_level(ctx, PJ_LOG_ERROR)
    }

    deinit {
        for pj in transformations.values { proj_destroy(pj) }
        proj_context_destroy(handle)
    }

    /// The calling thread's context, created on first use.
    static var current: ProjContext {
        if let raw = pthread_getspecific(threadKey) {
            return Unmanaged<ProjContext>.fromOpaque(raw).takeUnretainedValue()
        }
        let context = ProjContext()
        pthread_setspecific(threadKey, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        // The destructor runs at thread exit with the retained context.
        let status = pthread_key_create(&key) { raw in
            #if canImport(Darwin)
            Unmanaged<ProjContext>.fromOpaque(raw).release()
            #else
            if let raw { Unmanaged<ProjContext>.fromOpaque(raw).release() }
            #endif
        }
        precondition(status == 0, "pthread_key_create failed")
        return key
    }()

    /// PROJ's error for this context as a `GeodesyError.proj`, with the logged message when there is one.
    func failure(_ function: String) -> GeodesyError {
        let code = proj_context_errno(handle)
        var message = proj_context_errno_string(handle, code).map { String(cString: $0) } ?? "unknown error"
        if let logged = lastMessage, !logged.isEmpty, logged != message { message += " (\(logged))" }
        return .proj(function: function, code: Int(code), message: message)
    }

    /// The normalised transformation for `recipe` on this thread, built on first use.
    /// - Throws: `GeodesyError.unknownCRS` when PROJ cannot build it.
    func transformation(_ recipe: TransformerRecipe) throws(GeodesyError) -> OpaquePointer {
        if let pj = transformations[recipe] { return pj }
        lastMessage = nil
        // proj_create_crs_to_crs returns NULL on failure (unknown CRS, no operation between them).
        guard let raw = proj_create_crs_to_crs(handle, recipe.source, recipe.target, nil) else {
            throw unknownCRS(recipe)
        }
        defer { proj_destroy(raw) }
        // proj_normalize_for_visualization returns a new object (NULL on failure) with
        // longitude-first / easting-first axis order, whatever the CRS definitions say.
        guard let pj = proj_normalize_for_visualization(handle, raw) else {
            throw failure("proj_normalize_for_visualization")
        }
        transformations[recipe] = pj
        return pj
    }

    private func unknownCRS(_ recipe: TransformerRecipe) -> GeodesyError {
        // Find which side is unknown, so the message names it.
        for name in [recipe.source, recipe.target] {
            lastMessage = nil
            // proj_create returns NULL for a definition PROJ does not understand.
            if let pj = proj_create(handle, name) { proj_destroy(pj); continue }
            let code = proj_context_errno(handle)
            let reason = lastMessage ?? proj_context_errno_string(handle, code).map { String(cString: $0) } ?? "not recognised"
            return .unknownCRS(name, message: reason)
        }
        return failure("proj_create_crs_to_crs")
    }
}

/// What a `Transformer` is made of: enough to rebuild its PROJ object on any thread.
struct TransformerRecipe: Hashable, Sendable {
    var source: String
    var target: String
}
