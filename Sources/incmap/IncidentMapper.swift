import ArgumentParser
import Foundation

@main
struct IncidentMapper: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incmap",
        abstract: "Maps and measurements from conflict reporting: places, borders, distances, incursion depth.",
        version: IncidentMapperVersion.string,
        subcommands: [
            Geoparse.self,
            Resolve.self,
            Distance.self,
            Area.self,
            ProximityCommand.self,
            DepthCommand.self,
            ShareCommand.self,
            ZonesCommand.self,
            BordersCommand.self,
            Validate.self,
            Convert.self,
            BenchContains.self,
            BenchIndex.self,
            BenchResolve.self,
            GeoJSONBench.self,
        ]
    )

    /// Parses as usual, but reports a failure from a command's `run()` as one line on stderr
    /// (`incmap: …`) instead of ArgumentParser's usage text, with a non-zero exit.
    static func main() {
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try command.run()
        } catch let failure as CLIFailure {
            Console.error(failure.description)
            Foundation.exit(failure.exitCode)
        } catch let code as ExitCode {
            exit(withError: code)
        } catch is CleanExit {
            exit(withError: nil)
        } catch let error where exitCode(for: error) == .success {
            // ArgumentParser can surface a help request from a subcommand here; let it print the help.
            exit(withError: error)
        } catch {
            Console.error(String(describing: error))
            Foundation.exit(1)
        }
    }
}

enum IncidentMapperVersion {
    static let string = "0.1.0"
}
