import Testing
@testable import Reporting

/// `DepthAttribution.isStrikeTarget`: whether the place name at an offset is written as the object
/// of a strike. Cases written for this test; the expected answers are the plain reading of each sentence.
struct StrikeTargetTests {
    func target(_ text: String, _ name: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let prefix = text.components(separatedBy: name)[0]
        return DepthAttribution.isStrikeTarget(at: prefix.unicodeScalars.count, in: scalars)
    }

    @Test("the object of a strike verb or of a strike noun's preposition, through a list of names")
    func targets() {
        #expect(target("Troops pushed 5 km in after strikes on Nabatieh and Tyre.", "Nabatieh"))
        #expect(target("Troops pushed 5 km in after strikes on Nabatieh and Tyre.", "Tyre"))
        #expect(target("Artillery shelled Belgorod overnight.", "Belgorod"))
        #expect(target("A drone attack on Kursk injured two.", "Kursk"))
        #expect(target("The shelling of Sumy, Okhtyrka and Trostianets went on.", "Trostianets"))
    }

    @Test("places where troops are, and a strike word in an earlier sentence, do not count")
    func notTargets() {
        #expect(!target("Troops entered Sudzha on Tuesday.", "Sudzha"))
        #expect(!target("Fighting raged in Korenevo.", "Korenevo"))
        #expect(!target("Strikes went on. Troops held Sudzha.", "Sudzha"))
        #expect(!target("Sudzha fell.", "Sudzha"))
    }
}
