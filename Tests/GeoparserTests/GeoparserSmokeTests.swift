import Testing
@testable import Geoparser

@Test("the Geoparser module builds and links") func GeoparserLinks() {
    #expect(Bool(true))
}
