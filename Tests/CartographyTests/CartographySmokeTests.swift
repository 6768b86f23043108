import Testing
@testable import Cartography

@Test("the Cartography module builds and links") func CartographyLinks() {
    #expect(Bool(true))
}
