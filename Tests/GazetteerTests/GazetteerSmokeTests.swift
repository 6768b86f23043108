import Testing
@testable import Gazetteer

@Test("the Gazetteer module builds and links") func GazetteerLinks() {
    #expect(Bool(true))
}
