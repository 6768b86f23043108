import Testing
@testable import BorderAnalysis

@Test("the BorderAnalysis module builds and links") func BorderAnalysisLinks() {
    #expect(Bool(true))
}
