import Foundation
import Testing
@testable import Cartography

/// Writes the sample map as `sample.svg` and `index.html` into `$CARTOGRAPHY_PREVIEW_DIR` when that
/// variable is set, for a person to look at; otherwise does nothing.
@Test("preview files are written when asked for")
func writePreview() throws {
    guard let dir = ProcessInfo.processInfo.environment["CARTOGRAPHY_PREVIEW_DIR"] else { return }
    let url = URL(fileURLWithPath: dir, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let document = SampleMap.document()
    try SVGMapRenderer().render(document).write(to: url.appendingPathComponent("sample.svg"), atomically: true, encoding: .utf8)
    try HTMLViewerWriter().html(for: document).write(to: url.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
}
