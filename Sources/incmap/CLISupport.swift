import ArgumentParser
import Foundation

/// A failure the CLI reports as one line on stderr (`incmap: <message>`) with a non-zero exit.
/// Commands throw this (or a module's error type, whose description is already one line).
struct CLIFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32 = 1
    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}

enum Console {
    /// Writes one line to stderr.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("incmap: " + line + "\n").utf8))
    }

    /// Writes to stdout without buffering surprises.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Where a command's input comes from: a path, or `-` for standard input.
struct InputSource {
    var path: String
    var label: String { path == "-" ? "<stdin>" : path }

    /// Reads the whole input. A missing or unreadable file becomes a `CLIFailure` naming it.
    func readAll() throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.fileExists(atPath: path) else { throw CLIFailure("\(path): no such file") }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CLIFailure("\(path): cannot read (\(error.localizedDescription))")
        }
    }
}

/// Where a command's output goes: a path (written atomically: a failed run leaves no partial file)
/// or `-` / nil for standard output.
struct OutputTarget {
    var path: String?

    func write(_ data: Data) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CLIFailure("\(path): cannot write (\(error.localizedDescription))")
        }
    }
}
