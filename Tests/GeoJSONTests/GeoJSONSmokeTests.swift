import Testing
@testable import GeoJSON

@Test("the GeoJSON module builds and links") func GeoJSONLinks() {
    #expect(Bool(true))
}
