import Testing
@testable import Topology

@Test("the Topology module builds and links") func TopologyLinks() {
    #expect(Bool(true))
}
