import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Reporting

/// The text of a progress line: pure functions, so that their output can be tested exactly.
enum ProgressFormat {
    /// Steps per second for a person: "1.2k/s" from 1,000 up, "234/s" from 100, "12.3/s" from 10,
    /// "0.50/s" below; "-/s" when there is no rate yet (zero, negative or not finite).
    static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond > 0 else { return "-/s" }
        switch perSecond {
        case 1_000...: return String(format: "%.1fk/s", perSecond / 1_000)
        case 100...: return String(format: "%.0f/s", perSecond)
        case 10...: return String(format: "%.1f/s", perSecond)
        default: return String(format: "%.2f/s", perSecond)
        }
    }

    /// A duration rounded to the second: "0:07", "12:05", "1:02:03"; "--:--" when unknown
    /// (negative or not finite).
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--:--" }
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, r) : String(format: "%d:%02d", m, r)
    }

    /// "geoparsing [###-------] 120/1000 12% 48.0/s ETA 0:18", at most `width - 1` characters (so a
    /// terminal never wraps it). The rate is the stage's average so far and the ETA assumes it
    /// holds; the bar takes the room left, up to 30 cells, and is dropped below 5.
    static func line(label: String, completed: Int, total: Int, elapsed: Double, width: Int) -> String {
        let total = max(total, 1), done = min(max(completed, 0), total)
        let perSecond = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = done == total ? 0 : perSecond > 0 ? Double(total - done) / perSecond : -1
        let figures = "\(done)/\(total) \(done * 100 / total)% \(rate(perSecond)) ETA \(duration(eta))"
        let room = width - 1 - label.count - figures.count - 4   // "label [" + bar + "] " + figures
        var line = label + " "
        if room >= 5 {
            let cells = min(room, 30), filled = done * cells / total
            line += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: cells - filled) + "] "
        }
        line += figures
        return String(line.prefix(max(width - 1, 0)))
    }
}

/// Decides when a progress line may be redrawn: the first time, when forced (a stage starts or
/// ends), and otherwise at most once every `interval` seconds.
struct RedrawThrottle {
    var interval: Double
    private(set) var lastDraw: Double?

    init(interval: Double) { self.interval = interval }

    /// Whether to draw at time `now` (seconds on any monotonic clock); records the draw if so.
    mutating func shouldDraw(at now: Double, force: Bool = false) -> Bool {
        if !force, let last = lastDraw, now - last < interval { return false }
        lastDraw = now
        return true
    }
}

/// Shows the main job's progress on stderr: a bar redrawn in place (at most ten times a second)
/// when stderr is a terminal, only the short stage lines when it is not, nothing when quiet.
/// Thread-safe: the job may report from any thread.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode: Equatable {
        /// A bar redrawn in place on a terminal `width` columns wide.
        case bar(width: Int)
        /// One line per stage, for logs and pipes.
        case lines
        /// Nothing (`--quiet`).
        case silent
    }

    let mode: Mode
    private let lock = NSLock()
    private var throttle = RedrawThrottle(interval: 0.1)
    private var stage: MapJobProgress.Stage?
    private var stageStarted = 0.0
    private var barShown = false

    /// The mode for this process: silent when `quiet`, a bar when stderr is a terminal.
    convenience init(quiet: Bool) {
        if quiet { self.init(mode: .silent) } else if isatty(STDERR_FILENO) == 1 {
            self.init(mode: .bar(width: Self.terminalColumns() ?? 80))
        } else {
            self.init(mode: .lines)
        }
    }

    init(mode: Mode) { self.mode = mode }

    /// A line that stays ("loading the gazetteer and borders"); clears the bar first.
    func stageLine(_ text: String) {
        guard mode != .silent else { return }
        lock.withLock {
            clearBar()
            write("incmap: " + text + "\n")
        }
    }

    /// Redraws the bar for `progress` (terminal only, throttled).
    func update(_ progress: MapJobProgress) {
        guard case .bar(let width) = mode else { return }
        let now = ProcessInfo.processInfo.systemUptime
        lock.withLock {
            let started = progress.stage != stage
            if started { stage = progress.stage; stageStarted = now }
            guard throttle.shouldDraw(at: now, force: started || progress.completed >= progress.total) else { return }
            let line = ProgressFormat.line(label: progress.stage.rawValue, completed: progress.completed, total: progress.total,
                                           elapsed: now - stageStarted, width: width)
            write("\r" + line + "\u{1B}[K")
            barShown = true
        }
    }

    /// Clears the bar, so that what follows starts on a clean line.
    func finish() {
        lock.withLock { clearBar() }
    }

    private func clearBar() {
        if barShown { write("\r\u{1B}[K") }
        barShown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Columns of the terminal on stderr, nil when unknown.
    private static func terminalColumns() -> Int? {
        var size = winsize()
        // ioctl returns 0 on success, -1 with errno set (e.g. not a terminal).
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
