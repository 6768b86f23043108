import ArgumentParser
import Foundation
import Gazetteer

/// Hidden: `incmap bench-resolve [--count N]` loads the gazetteer once and resolves a fixed mix of
/// names (exact, Cyrillic, qualified, misspelt, unknown) round-robin, for `Scripts/bench.d/40-gazetteer`.
/// Prints one JSON line: load seconds, resolve seconds, resolutions, candidates found, peak RSS.
struct BenchResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-resolve", abstract: "Benchmark the gazetteer resolver (internal).", shouldDisplay: false)

    @Option(help: "Number of resolutions.") var count: Int = 100_000
    @Flag(help: "Print the mix of names, one per line, and exit.") var listNames = false

    /// A mix like a geoparser's: mostly exact names, some Cyrillic and qualified, a few misspelt.
    static let names = [
        "Sudzha", "Kursk", "Kyiv", "Київ", "Киев", "Kharkov", "Kharkiv", "Minsk", "Мінск", "Gomel", "Homyel'",
        "Mozyr", "Paris", "London", "Washington", "Georgia", "Belgorod", "Kursk Oblast", "Kurskaya oblast'",
        "Sumy", "Lgov", "Korenevo", "Tetkino", "Tyotkino", "Суджа", "Белгород", "Berlin", "Warsaw", "Melbourne",
        "New York", "Rylsk", "Glushkovo", "Ukraine", "Russia", "Belarus", "Sudža", "Sudja", "Korenovo",
        "Xyzzyville", "Donetsk", "Zaporizhzhia", "Kherson", "Mariupol", "Bakhmut", "Pokrovsk", "Toretsk",
    ]

    func run() throws {
        if listNames {
            Console.out(Self.names.joined(separator: "\n") + "\n")
            return
        }
        let start = Date()
        let gazetteer = try Gazetteer.load(from: Gazetteer.locate(), cacheDirectory: Gazetteer.defaultCacheDirectory)
        let loaded = Date()
        var found = 0
        for i in 0..<count {
            found += gazetteer.resolve(ResolveQuery(name: Self.names[i % Self.names.count], limit: 5)).count
        }
        let done = Date()
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        // ru_maxrss is in kilobytes on Linux.
        Console.out(#"{"load_s":\#(loaded.timeIntervalSince(start)),"resolve_s":\#(done.timeIntervalSince(loaded)),"# +
            #""resolutions":\#(count),"candidates":\#(found),"peak_rss_mb":\#(Double(usage.ru_maxrss) / 1024)}"# + "\n")
    }
}
