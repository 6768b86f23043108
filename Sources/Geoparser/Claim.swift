/// A measurable statement found in text: a distance, an area, a share of a territory, or a date.
///
/// Values are in SI units (metres, square metres, a fraction 0…1) so that geometry can check them;
/// what the text said is kept beside (`statedValue`, `unit`, `text`). Offsets are in Unicode scalars,
/// end exclusive. A plain value: thread-safe.
public struct Claim: Sendable, Hashable {
    /// What the claim measures.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A length; `value` in metres.
        case distance
        /// An area; `value` in square metres.
        case area
        /// A share of something ("a fifth of its territory", "20 percent of Ukraine"); `value` in 0…1.
        case fraction
        /// A calendar date; `date` holds it as ISO 8601 (`2024-08-06`, `2024-08`, or `--08-06` without a year).
        case date
    }

    /// How the text hedges the number.
    public enum Qualifier: String, Sendable, Hashable {
        /// No hedge: "35 km".
        case exact
        /// "about", "around", "some", "roughly", "nearly", "almost", "approximately".
        case approximately
        /// An upper bound: "up to", "within", "less than", "at most", "as much as".
        case atMost
        /// A lower bound: "at least", "more than", "over".
        case atLeast
        /// Between two values: "between 2 and 5 km", "10 to 15 km", "2–3 km"; `value` is the upper
        /// one, `lowerValue` the lower.
        case range
    }

    /// What the claim is about, when the sentence says so ("into Russia", "of Ukraine", "from the border").
    public struct Subject: Sendable, Hashable {
        /// The linking word as written, lower-cased: "into", "of", "from", "inside", "within"…
        public var relation: String
        /// The phrase after the linking word ("Russia", "the border", "its territory").
        public var text: String
        /// Scalar offsets of `text`.
        public var start: Int
        public var end: Int
        /// The place the phrase names, when it is a resolved mention (or a demonym's country).
        public var place: PlaceRecord?

        public init(relation: String, text: String, start: Int, end: Int, place: PlaceRecord? = nil) {
            self.relation = relation
            self.text = text
            self.start = start
            self.end = end
            self.place = place
        }
    }

    public var kind: Kind
    /// The value in SI units (metres, m², fraction 0…1); nil for dates.
    public var value: Double?
    /// The number as written, before conversion ("35" in "35 km"); nil for dates.
    public var statedValue: Double?
    /// The unit as written, lower-cased ("km", "miles", "sq km", "percent"); nil for dates and bare fractions.
    public var unit: String?
    /// Values in SI units of conversions given alongside ("35 km (22 miles)" → [35,405.6]).
    public var alternatives: [Double]
    /// For a range (`Qualifier.range`), its lower value in SI units; nil otherwise.
    public var lowerValue: Double?
    public var qualifier: Qualifier
    /// For distances, the dimension word that follows: "deep", "wide", "long", "away", "inside".
    public var dimension: String?
    /// For distances, a compass direction that follows ("10 km north of …"), lower-cased.
    public var direction: String?
    /// For dates: ISO 8601 calendar date, possibly reduced (`2024-08`) or without year (`--08-06`).
    public var date: String?
    public var subject: Subject?
    /// Scalar offsets of the whole expression (qualifier, number, unit, conversion; not the subject).
    public var start: Int
    public var end: Int
    /// The expression as written.
    public var text: String
    /// Index of the sentence the claim is in.
    public var sentence: Int

    public init(kind: Kind, value: Double?, statedValue: Double?, unit: String?, alternatives: [Double] = [],
                qualifier: Qualifier = .exact, dimension: String? = nil, direction: String? = nil,
                date: String? = nil, subject: Subject? = nil, start: Int, end: Int, text: String, sentence: Int) {
        self.kind = kind
        self.value = value
        self.statedValue = statedValue
        self.unit = unit
        self.alternatives = alternatives
        self.qualifier = qualifier
        self.dimension = dimension
        self.direction = direction
        self.date = date
        self.subject = subject
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence
    }
}
