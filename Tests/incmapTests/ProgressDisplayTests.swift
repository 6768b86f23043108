import Testing
@testable import incmap

/// The pure parts of `incmap map`'s progress display: the text of a line and when it is redrawn.
/// Expected strings are worked out by hand in the comments.
struct ProgressDisplayTests {
    @Test("rates are shown with three significant figures or fewer", arguments: [
        (1_234.5, "1.2k/s"),   // ≥ 1,000: 1.2345 thousand, one decimal
        (234.4, "234/s"),      // ≥ 100: no decimal
        (12.34, "12.3/s"),     // ≥ 10: one decimal
        (0.5, "0.50/s"),       // below 10: two decimals
        (0, "-/s"),            // nothing done yet: no rate
        (.infinity, "-/s"),    // zero elapsed time: no rate
    ])
    func rate(perSecond: Double, text: String) {
        #expect(ProgressFormat.rate(perSecond) == text)
    }

    @Test("durations are minutes:seconds, with hours when needed", arguments: [
        (7.0, "0:07"),
        (725.0, "12:05"),       // 12 × 60 + 5
        (3_723.0, "1:02:03"),   // 3,600 + 2 × 60 + 3
        (59.5, "1:00"),         // rounded to the second, half away from zero
        (-1.0, "--:--"),        // unknown
        (.nan, "--:--"),
    ])
    func duration(seconds: Double, text: String) {
        #expect(ProgressFormat.duration(seconds) == text)
    }

    @Test("a line has the bar, count, percentage, rate and ETA, and fits the terminal")
    func line() {
        // 120 of 1,000 in 2.5 s: 48 per second, 880 left → 18.3 s → "0:18"; 12 %. The figures
        // "120/1000 12% 48.0/s ETA 0:18" are 28 characters; on 80 columns the room for the bar is
        // 80 − 1 − 10 ("geoparsing") − 28 − 4 ("␣[", "]␣") = 37, capped at 30 cells, of which
        // 120 × 30 / 1000 = 3.6 → 3 are filled.
        #expect(ProgressFormat.line(label: "geoparsing", completed: 120, total: 1_000, elapsed: 2.5, width: 80)
            == "geoparsing [###" + String(repeating: "-", count: 27) + "] 120/1000 12% 48.0/s ETA 0:18")
        // On 40 columns the room is 40 − 1 − 10 − 28 − 4 = −3: no bar, and the 39 characters left fit.
        #expect(ProgressFormat.line(label: "geoparsing", completed: 120, total: 1_000, elapsed: 2.5, width: 40)
            == "geoparsing 120/1000 12% 48.0/s ETA 0:18")
        // On 30 columns the line is cut to 29 characters rather than wrap.
        #expect(ProgressFormat.line(label: "geoparsing", completed: 120, total: 1_000, elapsed: 2.5, width: 30)
            == "geoparsing 120/1000 12% 48.0/")
    }

    @Test("a stage's first and last lines")
    func startAndEnd() {
        // Start: no rate, no ETA; "0/50 0% -/s ETA --:--" is 21 characters, room 60 − 1 − 9 − 21 − 4 = 25 cells.
        #expect(ProgressFormat.line(label: "measuring", completed: 0, total: 50, elapsed: 0, width: 60)
            == "measuring [" + String(repeating: "-", count: 25) + "] 0/50 0% -/s ETA --:--")
        // End: 50 in 4 s = 12.5/s, nothing left; "50/50 100% 12.5/s ETA 0:00" is 26 characters,
        // room 60 − 1 − 9 − 26 − 4 = 20 cells, all filled.
        #expect(ProgressFormat.line(label: "measuring", completed: 50, total: 50, elapsed: 4, width: 60)
            == "measuring [" + String(repeating: "#", count: 20) + "] 50/50 100% 12.5/s ETA 0:00")
    }

    @Test("redraws at most once per interval unless forced")
    func throttle() {
        var t = RedrawThrottle(interval: 0.1)
        // Times in seconds on any clock; no real time passes in this test.
        let decisions = [(0.0, false), (0.05, false), (0.1, false), (0.15, false), (0.15, true), (0.2, false), (0.26, false)]
            .map { t.shouldDraw(at: $0.0, force: $0.1) }
        // 0: first draw; 0.05: too soon; 0.1: 0.1 s after the last draw; 0.15: too soon; 0.15 forced
        // (a stage starting or ending); 0.2: 0.05 s after the forced draw; 0.26: 0.11 s after it.
        #expect(decisions == [true, false, true, false, true, false, true])
    }
}
