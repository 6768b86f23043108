/// How far the main job has got through one of its stages, for a progress display. The library
/// never prints: the caller decides how (or whether) to show this.
public struct MapJobProgress: Sendable, Hashable {
    /// The stages that grow with the input.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Geoparsing documents (one step per document).
        case geoparsing
        /// Measuring places or events against the borders (one step per place or event).
        case measuring
        /// Checking the claims found in the text (one step per claim).
        case checkingClaims = "checking claims"
        /// Building distance bands (one step per border side).
        case bands = "distance bands"
        /// Rendering the static map and the viewer (one step per file).
        case drawing
    }

    public var stage: Stage
    /// Steps done so far in this stage, 0…`total`.
    public var completed: Int
    /// Steps in this stage (at least 1).
    public var total: Int

    public init(stage: Stage, completed: Int, total: Int) {
        self.stage = stage
        self.completed = completed
        self.total = total
    }
}

/// Receives progress from `MapJob.run`. Called on the thread that runs the job, at the start of a
/// stage (`completed == 0`), after each step or batch of steps, and once with `completed == total`;
/// it should return quickly (throttle any drawing on the caller's side).
public typealias MapJobProgressHandler = @Sendable (MapJobProgress) -> Void
