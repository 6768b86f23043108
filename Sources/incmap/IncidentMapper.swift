import ArgumentParser

@main
struct IncidentMapper: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incmap",
        abstract: "Maps and measurements from conflict reporting: places, borders, distances, incursion depth.",
        version: IncidentMapperVersion.string,
        subcommands: []
    )
}

enum IncidentMapperVersion {
    static let string = "0.1.0"
}
