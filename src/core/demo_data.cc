#include "core/demo_data.h"

namespace regie::core::demo {
namespace {

using Names = std::string_view;

// --- Given and family names per origin ------------------------------------

constexpr Names kArabicMale[] = {"Mohammed", "Ahmad",   "Ali",      "Omar",   "Khaled",  "Mahmoud",
                                 "Hassan",   "Hussein", "Abdullah", "Yousef", "Ibrahim", "Mustafa",
                                 "Samer",    "Bilal",   "Fadi",     "Rami",   "Tarek",   "Walid",
                                 "Ammar",    "Anas",    "Karim",    "Hamza",  "Adnan",   "Jamal",
                                 "Majd",     "Rakan",   "Zaid",     "Nabil",  "Saeed",   "Fares"};
constexpr Names kArabicFemale[] = {
    "Fatima", "Aisha", "Maryam", "Noor",   "Rania",  "Huda",  "Amal", "Layla", "Reem",   "Hiba",
    "Rasha",  "Dima",  "Salma",  "Yasmin", "Zainab", "Hala",  "Lina", "Ghada", "Rana",   "Asma",
    "Sara",   "Malak", "Joud",   "Sidra",  "Batoul", "Rawan", "Alaa", "Shahd", "Lujain", "Nada"};
constexpr Names kSyrianFamily[] = {
    "Al-Ahmad", "Al-Hassan", "Al-Ali",    "Haddad",     "Khalil",  "Hamdan", "Al-Khatib",
    "Darwish",  "Al-Masri",  "Saleh",     "Al-Hussein", "Mansour", "Qassem", "Al-Najjar",
    "Haidar",   "Shami",     "Al-Halabi", "Kurdi",      "Youssef", "Othman", "Al-Homsi",
    "Sabbagh",  "Hamwi",     "Issa",      "Al-Rifai",   "Barakat", "Jaber",  "Al-Zoubi"};
constexpr Names kIraqiFamily[] = {"Al-Jubouri", "Al-Obaidi",   "Al-Tamimi",  "Al-Saadi", "Kareem",
                                  "Rasheed",    "Hussain",     "Al-Dulaimi", "Abbas",    "Jaafar",
                                  "Mahmood",    "Al-Shammari", "Barzani",    "Rashid",   "Aziz",
                                  "Salih",      "Al-Zubaidi",  "Qadir",      "Hamid",    "Mustafa"};
constexpr Names kYemeniFamily[] = {"Al-Hakimi", "Al-Aghbari", "Saeed",    "Al-Shaibani",
                                   "Al-Hadi",   "Nasser",     "Al-Qadhi", "Al-Amri",
                                   "Ba-Salem",  "Al-Haddad",  "Ghaleb",   "Al-Sharabi"};
constexpr Names kPalestinianFamily[] = {"Abu Ali", "Odeh",     "Barakat",  "Shehadeh", "Khoury",
                                        "Zaid",    "Nassar",   "Awad",     "Hamdan",   "Abu Hamad",
                                        "Qasem",   "Al-Masri", "Suleiman", "Yassin"};

constexpr Names kEritreanMale[] = {
    "Tesfay", "Yonas",  "Dawit",   "Filmon",   "Habtom",  "Mebrahtu", "Tekle",
    "Samuel", "Robel",  "Biniam",  "Merhawi",  "Kidane",  "Goitom",   "Amanuel",
    "Ermias", "Henok",  "Michael", "Yohannes", "Berhane", "Haile",    "Tesfaldet",
    "Senai",  "Mussie", "Natnael", "Yemane",   "Kibrom",  "Aron",     "Efrem"};
constexpr Names kEritreanFemale[] = {"Helen",    "Selam", "Saba",     "Mebrat", "Rahel",   "Senait",
                                     "Yordanos", "Lidia", "Feven",    "Hiwet",  "Luwam",   "Eden",
                                     "Semhar",   "Tsega", "Aster",    "Winta",  "Elsa",    "Mehret",
                                     "Ruta",     "Yodit", "Freweyni", "Tirhas", "Akberet", "Milen"};
constexpr Names kEthiopianMale[] = {"Abebe",  "Tadesse", "Getachew", "Tesfaye", "Girma",
                                    "Bekele", "Alemu",   "Kebede",   "Lemma",   "Mulugeta",
                                    "Dereje", "Solomon", "Yared",    "Abdi",    "Gemechu"};
constexpr Names kEthiopianFemale[] = {"Tigist",    "Meseret", "Hirut",     "Almaz",
                                      "Bethlehem", "Mekdes",  "Selamawit", "Genet",
                                      "Tsion",     "Hanna",   "Chaltu",    "Lensa"};
constexpr Names kSomaliMale[] = {"Abdi",  "Abdirahman", "Mohamed", "Ahmed",  "Hassan",  "Abdullahi",
                                 "Ali",   "Omar",       "Yusuf",   "Ismail", "Farah",   "Abdiaziz",
                                 "Mahad", "Liban",      "Guled",   "Said",   "Warsame", "Jama"};
constexpr Names kSomaliFemale[] = {"Hodan",  "Amina",  "Fadumo", "Sahra", "Ayaan", "Hawa",
                                   "Ifrah",  "Khadra", "Nasra",  "Sagal", "Ubah",  "Deeqa",
                                   "Hibaaq", "Filsan", "Muna",   "Sucaad"};
constexpr Names kSudaneseMale[] = {"Mohamed", "Ahmed",   "Osman", "Abdelrahman", "Adam",
                                   "Ibrahim", "Babiker", "Idris", "Abakar",      "Elnour",
                                   "Hamid",   "Yahia",   "Musa",  "Suleiman"};
constexpr Names kSudaneseFemale[] = {"Fatima", "Amna",   "Mariam", "Hawa",   "Nafisa", "Samah",
                                     "Asia",   "Zeinab", "Rehab",  "Sumaya", "Igbal",  "Awadia"};

constexpr Names kAfghanMale[] = {
    "Ahmad", "Mohammad", "Ali",    "Hamid",      "Farid",  "Jawad",     "Mustafa", "Sayed",
    "Habib", "Rahim",    "Nasir",  "Zabihullah", "Shafiq", "Wahid",     "Omid",    "Rahmatullah",
    "Karim", "Mahdi",    "Sohrab", "Javid",      "Naweed", "Samiullah", "Bashir",  "Elyas"};
constexpr Names kAfghanFemale[] = {"Fatima",  "Zahra",   "Maryam",  "Sakina",  "Parwana",
                                   "Nargis",  "Shabnam", "Roya",    "Freshta", "Mina",
                                   "Farzana", "Khadija", "Zainab",  "Hamida",  "Laila",
                                   "Marzia",  "Setara",  "Masooma", "Nazanin", "Gulalai"};
constexpr Names kAfghanFamily[] = {
    "Ahmadi",    "Hashimi",   "Rahimi",  "Karimi",    "Hussaini", "Sultani", "Noori",  "Amiri",
    "Haidari",   "Mohammadi", "Jafari",  "Rezai",     "Azizi",    "Sadat",   "Popal",  "Safi",
    "Stanikzai", "Wardak",    "Mohmand", "Yousufzai", "Nazari",   "Sharifi", "Qaderi", "Hotak"};
constexpr Names kIranianMale[] = {"Reza",  "Ali",   "Mohammad", "Hossein", "Amir",    "Mehdi",
                                  "Saeed", "Hamid", "Babak",    "Farhad",  "Dariush", "Kian",
                                  "Arash", "Navid", "Behnam",   "Pouya",   "Siavash", "Majid"};
constexpr Names kIranianFemale[] = {"Maryam", "Zahra",  "Fatemeh",  "Leila",  "Neda",  "Shirin",
                                    "Sara",   "Parisa", "Niloufar", "Azadeh", "Mahsa", "Roya",
                                    "Samira", "Elham",  "Nasrin",   "Golnar"};
constexpr Names kIranianFamily[] = {"Hosseini", "Mohammadi", "Rezaei",  "Karimi",  "Ahmadi",
                                    "Jafari",   "Rahimi",    "Moradi",  "Sadeghi", "Kazemi",
                                    "Ghorbani", "Rostami",   "Mousavi", "Heidari", "Akbari",
                                    "Nazari",   "Tehrani",   "Shirazi", "Bagheri", "Ebrahimi"};

constexpr Names kTurkishMale[] = {"Mehmet",  "Mustafa", "Ahmet", "Ali",   "Hüseyin", "Hasan",
                                  "İbrahim", "Murat",   "Emre",  "Burak", "Serkan",  "Kemal",
                                  "Osman",   "Yusuf",   "Fatih", "Ömer",  "Selim",   "Erdem",
                                  "Baran",   "Serhat",  "Yunus", "Enes"};
constexpr Names kTurkishFemale[] = {"Ayşe",  "Fatma", "Emine", "Hatice", "Zeynep", "Elif",  "Merve",
                                    "Büşra", "Esra",  "Derya", "Gül",    "Özlem",  "Sevgi", "Aylin",
                                    "Kübra", "Seda",  "Rojin", "Berfin", "Dilan",  "Hülya"};
constexpr Names kTurkishFamily[] = {"Yılmaz",   "Kaya",   "Demir", "Şahin",   "Çelik",  "Yıldız",
                                    "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan",
                                    "Kılıç",    "Aslan",  "Çetin", "Kara",    "Koç",    "Kurt",
                                    "Özkan",    "Şimşek", "Güneş", "Acar",    "Tekin",  "Bulut"};

// --- Languages ---------------------------------------------------------------

constexpr LanguageShare kArabicFirst[] = {{"ar", 100}};
constexpr LanguageShare kSyrianFirst[] = {{"ar", 88}, {"kmr", 12}};
constexpr LanguageShare kSyrianExtra[] = {{"en", 180}, {"kmr", 30}, {"tr", 40}};
constexpr LanguageShare kEritreanFirst[] = {{"ti", 88}, {"tig", 10}, {"aa", 2}};
constexpr LanguageShare kEritreanExtra[] = {{"ar", 120}, {"am", 150}, {"en", 150}};
constexpr LanguageShare kEthiopianFirst[] = {{"am", 50}, {"om", 35}, {"ti", 15}};
constexpr LanguageShare kEthiopianExtra[] = {{"am", 300}, {"en", 200}};
constexpr LanguageShare kAfghanFirst[] = {{"prs", 58}, {"ps", 35}, {"haz", 7}};
constexpr LanguageShare kAfghanExtra[] = {{"prs", 300}, {"en", 150}, {"ur", 30}};
constexpr LanguageShare kTurkishFirst[] = {{"tr", 78}, {"kmr", 22}};
constexpr LanguageShare kTurkishExtra[] = {{"tr", 900}, {"en", 300}, {"de", 30}};
constexpr LanguageShare kIraqiFirst[] = {{"ar", 62}, {"ckb", 28}, {"kmr", 10}};
constexpr LanguageShare kIraqiExtra[] = {{"ar", 350}, {"en", 200}};
constexpr LanguageShare kIranianFirst[] = {{"fa", 80}, {"az", 10}, {"ckb", 7}, {"bal", 3}};
constexpr LanguageShare kIranianExtra[] = {{"fa", 900}, {"en", 350}};
constexpr LanguageShare kYemeniExtra[] = {{"en", 150}};
constexpr LanguageShare kSomaliFirst[] = {{"so", 100}};
constexpr LanguageShare kSomaliExtra[] = {{"ar", 200}, {"en", 150}, {"sw", 30}};
constexpr LanguageShare kSudaneseExtra[] = {{"en", 250}};
constexpr LanguageShare kStatelessExtra[] = {{"en", 150}};

// Nationality shares follow the order in the permit-holder statistics: Syria
// by far the largest, then Eritrea, Afghanistan, Turkey, Iraq, Iran, Yemen,
// Somalia, and a tail.
constexpr Origin kOrigins[] = {
    {"SY",
     400,
     380,
     Naming::kFamilyName,
     false,
     kArabicMale,
     kArabicFemale,
     kSyrianFamily,
     kSyrianFirst,
     kSyrianExtra,
     {{10, 25, 25, 10, 10, 12, 8}},
     {{85, 10, 5}}},
    {"ER",
     140,
     600,
     Naming::kPatronymic,
     false,
     kEritreanMale,
     kEritreanFemale,
     {},
     kEritreanFirst,
     kEritreanExtra,
     {{25, 40, 20, 5, 3, 2, 5}},
     {{55, 25, 20}}},
    {"AF",
     110,
     450,
     Naming::kFamilyName,
     false,
     kAfghanMale,
     kAfghanFemale,
     kAfghanFamily,
     kAfghanFirst,
     kAfghanExtra,
     {{30, 25, 20, 5, 5, 5, 10}},
     {{50, 20, 30}}},
    {"TR",
     90,
     450,
     Naming::kFamilyName,
     true,
     kTurkishMale,
     kTurkishFemale,
     kTurkishFamily,
     kTurkishFirst,
     kTurkishExtra,
     {{5, 15, 25, 15, 15, 20, 5}},
     {{95, 4, 1}}},
    {"IQ",
     50,
     420,
     Naming::kFamilyName,
     false,
     kArabicMale,
     kArabicFemale,
     kIraqiFamily,
     kIraqiFirst,
     kIraqiExtra,
     {{15, 25, 25, 10, 8, 8, 9}},
     {{75, 15, 10}}},
    {"IR",
     50,
     500,
     Naming::kFamilyName,
     false,
     kIranianMale,
     kIranianFemale,
     kIranianFamily,
     kIranianFirst,
     kIranianExtra,
     {{5, 10, 25, 10, 20, 25, 5}},
     {{90, 7, 3}}},
    {"YE",
     45,
     550,
     Naming::kFamilyName,
     false,
     kArabicMale,
     kArabicFemale,
     kYemeniFamily,
     kArabicFirst,
     kYemeniExtra,
     {{15, 25, 25, 10, 8, 7, 10}},
     {{70, 15, 15}}},
    {"SO",
     40,
     500,
     Naming::kPatronymic,
     false,
     kSomaliMale,
     kSomaliFemale,
     {},
     kSomaliFirst,
     kSomaliExtra,
     {{35, 30, 15, 5, 3, 2, 10}},
     {{45, 25, 30}}},
    {"SD",
     30,
     650,
     Naming::kPatronymic,
     false,
     kSudaneseMale,
     kSudaneseFemale,
     {},
     kArabicFirst,
     kSudaneseExtra,
     {{20, 30, 25, 8, 7, 5, 5}},
     {{65, 20, 15}}},
    {"XX",
     25,
     400,
     Naming::kFamilyName,
     false,
     kArabicMale,
     kArabicFemale,
     kPalestinianFamily,
     kArabicFirst,
     kStatelessExtra,
     {{8, 25, 30, 12, 10, 10, 5}},
     {{88, 8, 4}}},
    {"ET",
     20,
     550,
     Naming::kPatronymic,
     false,
     kEthiopianMale,
     kEthiopianFemale,
     {},
     kEthiopianFirst,
     kEthiopianExtra,
     {{25, 35, 20, 8, 5, 2, 5}},
     {{60, 20, 20}}},
};

// --- Households --------------------------------------------------------------

// Single adults are mostly young men; many are former unaccompanied minors.
constexpr AgeBand kSingleAdultAges[] = {
    {18, 22, 30}, {23, 29, 35}, {30, 39, 22}, {40, 54, 10}, {55, 70, 3}};
constexpr AgeBand kCoupleAges[] = {{20, 29, 45}, {30, 44, 25}, {45, 72, 30}};
constexpr AgeBand kParentAges[] = {{22, 29, 20}, {30, 39, 45}, {40, 49, 28}, {50, 58, 7}};
constexpr AgeBand kSingleParentAges[] = {{20, 29, 25}, {30, 39, 45}, {40, 52, 30}};
constexpr int kChildCounts[] = {18, 28, 26, 17, 11};

// --- Places --------------------------------------------------------------------

constexpr Names kStreets[] = {"Kerkstraat",
                              "Dorpsstraat",
                              "Molenweg",
                              "Schoolstraat",
                              "Julianastraat",
                              "Beatrixstraat",
                              "Wilhelminastraat",
                              "Oranjelaan",
                              "Prins Bernhardlaan",
                              "Stationsweg",
                              "Nieuwstraat",
                              "Rivierdijk",
                              "Parallelweg",
                              "Sportlaan",
                              "Lindelaan",
                              "Eikenlaan",
                              "Beukenlaan",
                              "Berkenlaan",
                              "Rozenstraat",
                              "Tulpstraat",
                              "Merelstraat",
                              "Lijsterlaan",
                              "Spechtstraat",
                              "Vondelstraat",
                              "Rembrandtlaan",
                              "Vermeerstraat",
                              "Van Goghstraat",
                              "Mozartlaan",
                              "Bachstraat",
                              "Thorbeckestraat",
                              "Havenstraat",
                              "Marktstraat",
                              "Weverstraat",
                              "Smidsweg",
                              "Boerhaavelaan",
                              "Zonnebloemstraat",
                              "Klaverweide",
                              "Populierenlaan",
                              "Esdoornstraat",
                              "Kastanjelaan",
                              "Irisstraat",
                              "Lelieweg",
                              "Zwanenkamp",
                              "Reigerstraat",
                              "Kievitlaan",
                              "De Ruyterstraat",
                              "Trompstraat",
                              "Piet Heinstraat",
                              "Burgemeester de Withstraat",
                              "Dokter Schaepmanstraat",
                              "Industrieweg",
                              "Poldersingel",
                              "Dijkgraaf",
                              "Wetering",
                              "Sluisweg",
                              "Veerweg",
                              "Kamillestraat",
                              "Hazelaarstraat",
                              "Meidoornlaan",
                              "Ganzenmarkt"};

constexpr Names kWijken[] = {
    "Centrum",           "Vogelbuurt",       "Bloemenbuurt", "Rivierenwijk", "Schildersbuurt",
    "Bomenbuurt",        "Componistenbuurt", "Molenwijk",    "De Hoven",     "Oranjewijk",
    "Staatsliedenbuurt", "Parkwijk",         "Het Veld",     "De Brink",     "Dijkzone",
    "Stationskwartier",  "De Weiden",        "Oostpolder",   "Westerpark",   "Zuiderkwartier",
    "Noorderhof",        "De Gaarden",       "Kerkebuurt",   "Havenkwartier"};

constexpr Names kPlacePrefixes[] = {"",     "",      "",      "",       "",      "",      "Oost",
                                    "West", "Noord", "Zuid",  "Neder",  "Over",  "Hooge", "Nieuw",
                                    "Oud",  "Groot", "Klein", "Midden", "Boven", "Ter"};
constexpr Names kPlaceStems[] = {
    "mark",   "berg",  "veen", "dijk",  "brink", "wold", "hol",    "zand",  "wester", "eem",
    "linde",  "vecht", "beek", "hoorn", "rijn",  "maas", "lek",    "gouw",  "schel",  "heer",
    "ijssel", "ven",   "rade", "aar",   "waal",  "amel", "dolder", "haven", "loos",   "wier"};
constexpr Names kPlaceSuffixes[] = {"dam",   "dijk",  "veen",   "horst", "hoven", "wijk",
                                    "broek", "loo",   "zande",  "kerk",  "rade",  "meer",
                                    "sloot", "wolde", "drecht", "haven", "burg",  "um",
                                    "ingen", "woude", "recht",  "stede", "hem",   "dorp"};

constexpr Names kSchools[] = {"De Regenboog", "De Wegwijzer", "Het Kompas",  "De Springplank",
                              "De Fontein",   "Het Palet",    "De Vlinder",  "De Zonnewijzer",
                              "De Ark",       "De Wingerd",   "Het Mozaïek", "De Sterrenboog",
                              "De Klimop",    "Het Baken",    "De Schakel",  "De Ontdekking"};

constexpr Names kMedicalExemptions[] = {
    "Medische ontheffing: psychische klachten (advies GGD)",
    "Medische ontheffing: lichamelijke beperking",
    "Medische ontheffing: verstandelijke beperking",
    "Ontheffing na aantoonbare inspanning zonder voldoende vordering",
};

}  // namespace

std::span<const Origin> Origins() { return kOrigins; }
std::span<const AgeBand> SingleAdultAges() { return kSingleAdultAges; }
std::span<const AgeBand> CoupleAges() { return kCoupleAges; }
std::span<const AgeBand> ParentAges() { return kParentAges; }
std::span<const AgeBand> SingleParentAges() { return kSingleParentAges; }
std::span<const int> ChildCountWeights() { return kChildCounts; }
std::span<const std::string_view> StreetNames() { return kStreets; }
std::span<const std::string_view> WijkNames() { return kWijken; }
std::span<const std::string_view> PlacePrefixes() { return kPlacePrefixes; }
std::span<const std::string_view> PlaceStems() { return kPlaceStems; }
std::span<const std::string_view> PlaceSuffixes() { return kPlaceSuffixes; }
std::span<const std::string_view> SchoolNames() { return kSchools; }
std::span<const std::string_view> MedicalExemptionReasons() { return kMedicalExemptions; }

}  // namespace regie::core::demo
