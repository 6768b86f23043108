import Testing
@testable import Geodesy

@Test("the Geodesy module builds and links") func GeodesyLinks() {
    #expect(Bool(true))
}
