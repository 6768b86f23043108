import Foundation
import GeoJSON
@testable import Geoparser

/// A small in-memory gazetteer for fast, self-contained tests. Coordinates and populations are
/// GeoNames' values for these places (cities500, rounded to 4 decimals); country and region points
/// are representative points inside them (not capitals), as the real gazetteer gives.
struct TestGazetteer: PlaceLookup {
    let table: [String: [PlaceRecord]]

    init() {
        var t: [String: [PlaceRecord]] = [:]
        for (names, record) in Self.entries {
            for n in names { t[Self.fold(n), default: []].append(record) }
        }
        table = t
    }

    func key(_ surface: String) -> String { Self.fold(surface) }
    func places(matchingKey key: String) -> [PlaceRecord] { table[key] ?? [] }

    /// Lower case, no diacritics, no apostrophes or full stops, hyphens as spaces: a simplified
    /// stand-in for the gazetteer's NameNormalizer, enough for these names.
    static func fold(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        var lastSpace = true
        for ch in folded.unicodeScalars {
            if ch == "'" || ch == "\u{2019}" || ch == "." { continue }
            if ch == "-" || ch == "," || ch.properties.isWhitespace {
                if !lastSpace { out.append(" "); lastSpace = true }
                continue
            }
            out.unicodeScalars.append(ch)
            lastSpace = false
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    static func place(_ id: String, _ name: String, _ kind: PlaceRecord.Kind, _ country: String, _ region: String?,
                      _ population: Int?, _ lat: Double, _ lon: Double) -> PlaceRecord {
        PlaceRecord(id: id, name: name, kind: kind, country: country, region: region, population: population,
                    location: Position(latitude: lat, longitude: lon))
    }

    static let entries: [([String], PlaceRecord)] = [
        (["Russia", "Russian Federation", "Россия"], place("iso3166-1:RU", "Russia", .country, "RU", nil, nil, 60, 100)),
        (["Ukraine", "Україна", "Украина"], place("iso3166-1:UA", "Ukraine", .country, "UA", nil, nil, 49, 32)),
        (["Belarus", "Беларусь"], place("iso3166-1:BY", "Belarus", .country, "BY", nil, nil, 53, 28)),
        (["United States", "the United States", "United States of America"], place("iso3166-1:US", "United States", .country, "US", nil, nil, 39.76, -98.5)),
        (["United Kingdom"], place("iso3166-1:GB", "United Kingdom", .country, "GB", nil, nil, 54, -2)),
        (["France"], place("iso3166-1:FR", "France", .country, "FR", nil, nil, 46, 2)),
        (["Georgia"], place("iso3166-1:GE", "Georgia", .country, "GE", nil, nil, 42, 43.5)),
        (["Israel"], place("iso3166-1:IL", "Israel", .country, "IL", nil, nil, 31.3391, 34.96594)),
        (["Estonia"], place("iso3166-1:EE", "Estonia", .country, "EE", nil, nil, 58.67489, 25.84605)),
        (["Brazil"], place("iso3166-1:BR", "Brazil", .country, "BR", nil, nil, -10, -55)),
        (["Georgia"], place("iso3166-2:US-GA", "Georgia", .region, "US", "iso3166-2:US-GA", nil, 32.75, -83.5)),
        (["West Virginia"], place("iso3166-2:US-WV", "West Virginia", .region, "US", "iso3166-2:US-WV", nil, 38.63713, -80.61664)),
        (["Illinois"], place("iso3166-2:US-IL", "Illinois", .region, "US", "iso3166-2:US-IL", nil, 40, -89.25)),
        // Ohio: the GeoNames point of the state (5165418).
        (["Ohio"], place("iso3166-2:US-OH", "Ohio", .region, "US", "iso3166-2:US-OH", nil, 40.25, -83)),
        (["Virginia"], place("iso3166-2:US-VA", "Virginia", .region, "US", "iso3166-2:US-VA", nil, 37.50616, -78.89612)),
        (["South Carolina"], place("iso3166-2:US-SC", "South Carolina", .region, "US", "iso3166-2:US-SC", nil, 33.90761, -80.89626)),
        (["Alabama"], place("iso3166-2:US-AL", "Alabama", .region, "US", "iso3166-2:US-AL", nil, 32.75, -86.75)),
        // Small places whose names are also words, surnames or organisations (GeoNames cities500).
        (["University"], place("geonames:4449404", "University", .place, "US", "iso3166-2:US-MS", 4_202, 34.36594, -89.52536)),
        // Hamm, Germany: GeoNames lists "Hamas" among its alternate names.
        (["Hamm", "Hamas"], place("geonames:2911240", "Hamm", .place, "DE", nil, 178_967, 51.68033, 7.82089)),
        (["Hartman"], place("geonames:4114001", "Hartman", .place, "US", "iso3166-2:US-AR", 530, 35.43258, -93.61547)),
        (["Welch"], place("geonames:4826660", "Welch", .place, "US", "iso3166-2:US-WV", 1_973, 37.43289, -81.58455)),
        (["Chamber"], place("geonames:1181600", "Chamber", .place, "PK", nil, 12_746, 25.29362, 68.81176)),
        (["Lääne", "Laane"], place("iso3166-2:EE-56", "Lääne", .region, "EE", "iso3166-2:EE-56", nil, 58.89364, 23.78469)),
        // Counties: centre points and populations as Gazetteer/districts.tsv gives them (US Census
        // outlines; population = the GeoNames places inside).
        (["Washington County", "Washington Co"], place("us-census:39167", "Washington County", .district, "US", "iso3166-2:US-OH", 28_315, 39.45516, -81.49541)),
        (["Washington County", "Washington Co"], place("us-census:42125", "Washington County", .district, "US", "iso3166-2:US-PA", 109_013, 40.18905, -80.24813)),
        (["Washington County", "Washington Co"], place("us-census:01129", "Washington County", .district, "US", "iso3166-2:US-AL", 2_672, 31.40724, -88.20783)),
        (["Kursk Oblast", "Kursk", "Курская область"], place("iso3166-2:RU-KRS", "Kursk Oblast", .region, "RU", "iso3166-2:RU-KRS", nil, 51.6, 36.1)),
        (["Belgorod Oblast", "Belgorod"], place("iso3166-2:RU-BEL", "Belgorod", .region, "RU", "iso3166-2:RU-BEL", nil, 50.66717, 37.54759)),
        (["Belgorod"], place("geonames:578072", "Belgorod", .place, "RU", "iso3166-2:RU-BEL", 345_289, 50.60343, 36.58091)),
        // Superior: the five US towns of that name in GeoNames, the largest in Wisconsin.
        (["Superior"], place("geonames:5275191", "Superior", .place, "US", "iso3166-2:US-WI", 26_579, 46.72077, -92.10408)),
        (["Superior"], place("geonames:5440838", "Superior", .place, "US", "iso3166-2:US-CO", 12_980, 39.95276, -105.1686)),
        (["Moscow Oblast"], place("iso3166-2:RU-MOS", "Moscow Oblast", .region, "RU", "iso3166-2:RU-MOS", nil, 55.6, 37.5)),
        (["Sumy Oblast"], place("iso3166-2:UA-59", "Sumy Oblast", .region, "UA", "iso3166-2:UA-59", nil, 51, 34)),
        (["Kursk", "Курск"], place("geonames:538560", "Kursk", .place, "RU", "iso3166-2:RU-KRS", 440_052, 51.7373, 36.1874)),
        (["Sudzha", "Sudža", "Суджа"], place("geonames:486816", "Sudzha", .place, "RU", "iso3166-2:RU-KRS", 5_700, 51.1917, 35.2708)),
        (["Korenevo", "Коренево"], place("geonames:544084", "Korenevo", .place, "RU", "iso3166-2:RU-KRS", 6_000, 51.4124, 34.9083)),
        (["Korenevo", "Коренево"], place("geonames:544085", "Korenevo", .place, "RU", "iso3166-2:RU-MOS", 9_000, 55.6622, 38.0122)),
        (["Bolshoye Soldatskoye", "Большое Солдатское"], place("geonames:576317", "Bolshoye Soldatskoye", .place, "RU", "iso3166-2:RU-KRS", 2_700, 51.3543, 35.5128)),
        (["Brest"], place("geonames:629634", "Brest", .place, "BY", "iso3166-2:BY-BR", 347_138, 52.10894, 23.71749)),
        (["Brest"], place("geonames:3030300", "Brest", .place, "FR", nil, 144_899, 48.39029, -4.48628)),
        // A Ukrainian village that GeoNames also lists under the name "Brest".
        (["Heroyiv Mariupolya", "Brest"], place("geonames:13607715", "Heroyiv Mariupolya", .place, "UA", nil, 2_100, 49.08771, 33.42431)),
        (["Kharkiv", "Kharkov"], place("geonames:706483", "Kharkiv", .place, "UA", "iso3166-2:UA-63", 1_421_125, 49.98177, 36.25475)),
        (["Kharkiv", "Kharkiv Oblast"], place("iso3166-2:UA-63", "Kharkiv", .region, "UA", "iso3166-2:UA-63", nil, 49.60027, 36.49083)),
        (["Izium", "Izyum"], place("geonames:707292", "Izyum", .place, "UA", "iso3166-2:UA-63", 45_884, 49.20697, 37.27679)),
        (["Gaza"], place("geonames:281133", "Gaza", .place, "PS", nil, 410_000, 31.50161, 34.46672)),
        (["Gaza"], place("iso3166-2:MZ-G", "Gaza", .region, "MZ", "iso3166-2:MZ-G", nil, -23.30139, 32.78819)),
        (["Sumy", "Суми", "Сумы"], place("geonames:692194", "Sumy", .place, "UA", "iso3166-2:UA-59", 268_000, 50.9216, 34.8003)),
        (["Kyiv", "Kiev", "Київ", "Киев"], place("geonames:703448", "Kyiv", .place, "UA", "iso3166-2:UA-30", 2_797_553, 50.4547, 30.5238)),
        (["Minsk", "Мінск", "Минск"], place("geonames:625144", "Minsk", .place, "BY", "iso3166-2:BY-HM", 1_742_124, 53.9, 27.5667)),
        (["Paris"], place("geonames:2988507", "Paris", .place, "FR", nil, 2_138_551, 48.85341, 2.3488)),
        (["Paris"], place("geonames:4717560", "Paris", .place, "US", "iso3166-2:US-TX", 24_782, 33.66094, -95.55551)),
        (["Paris"], place("geonames:4647963", "Paris", .place, "US", "iso3166-2:US-TN", 10_150, 36.302, -88.32671)),
        (["Henry County"], place("us-census:13151", "Henry County", .district, "US", "iso3166-2:US-GA", 64_781, 33.45289, -84.15419)),
        (["Henry County"], place("us-census:47079", "Henry County", .district, "US", "iso3166-2:US-TN", 10_819, 36.33159, -88.3013)),
        (["Henry County"], place("us-census:51089", "Henry County", .district, "US", "iso3166-2:US-VA", 20_645, 36.61721, -79.95755)),
        (["Springfield"], place("geonames:4250542", "Springfield", .place, "US", "iso3166-2:US-IL", 116_565, 39.8017, -89.6437)),
        (["Springfield"], place("geonames:4409896", "Springfield", .place, "US", "iso3166-2:US-MO", 166_810, 37.2153, -93.2982)),
        (["Lee"], place("geonames:5088619", "Lee", .place, "US", "iso3166-2:US-NH", 4_500, 43.12314, -71.01145)),
        (["Rashid", "Rosetta"], place("geonames:350203", "Rosetta", .place, "EG", "iso3166-2:EG-BH", 301_795, 31.39951, 30.41718)),
        (["Barry"], place("geonames:2656235", "Barry", .place, "GB", "iso3166-2:GB-WLS", 54_673, 51.39979, -3.2838)),
        (["Dublin", "Dublin City"], place("geonames:2964574", "Dublin", .place, "IE", "iso3166-2:IE-L", 1_024_027, 53.33306, -6.24889)),
        (["Kansas City"], place("geonames:4393217", "Kansas City", .place, "US", "iso3166-2:US-MO", 475_378, 39.09973, -94.57857)),
        (["Kansas"], place("iso3166-2:US-KS", "Kansas", .region, "US", "iso3166-2:US-KS", nil, 38.46892, -98.38044)),
        (["Mary"], place("iso3166-2:TM-M", "Mary", .region, "TM", "iso3166-2:TM-M", nil, 37.59378, 61.83031)),
        (["Mobile"], place("geonames:4076598", "Mobile", .place, "US", "iso3166-2:US-AL", 187_041, 30.6944, -88.0431)),
        (["Reading"], place("geonames:2639577", "Reading", .place, "GB", "iso3166-2:GB-ENG", 244_070, 51.4566, -0.9731)),
        (["Nice"], place("geonames:2990440", "Nice", .place, "FR", "iso3166-2:FR-PAC", 342_669, 43.7031, 7.2661)),
        (["Bath"], place("geonames:2656173", "Bath", .place, "GB", "iso3166-2:GB-ENG", 94_782, 51.3794, -2.3656)),
        (["March"], place("geonames:2643179", "March", .place, "GB", "iso3166-2:GB-ENG", 21_051, 52.5513, 0.0882)),
        (["Washington"], place("geonames:4140963", "Washington", .place, "US", "iso3166-2:US-DC", 689_545, 38.8951, -77.0364)),
        (["Atlanta"], place("geonames:4180439", "Atlanta", .place, "US", "iso3166-2:US-GA", 498_044, 33.749, -84.388)),
        (["Tbilisi"], place("geonames:611717", "Tbilisi", .place, "GE", "iso3166-2:GE-TB", 1_049_498, 41.6941, 44.8337)),
        (["Rio de Janeiro"], place("geonames:3451190", "Rio de Janeiro", .place, "BR", "iso3166-2:BR-RJ", 6_747_815, -22.9064, -43.1822)),
        (["Us"], place("geonames:2970785", "Us", .place, "FR", "iso3166-2:FR-IDF", 1_300, 49.1, 1.9667)),
        (["Uk"], place("geonames:479028", "Uk", .place, "RU", "iso3166-2:RU-IRK", 3_600, 55.0667, 98.8167)),
        (["Eu"], place("geonames:3019896", "Eu", .place, "FR", "iso3166-2:FR-NOR", 7_000, 50.0484, 1.4201)),
    ]
}
