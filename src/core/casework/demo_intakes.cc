#include "core/casework/demo_intakes.h"

#include <array>
#include <string_view>

#include "core/codes.h"
#include "core/demo_random.h"

namespace regie::core {
namespace {

struct DemoJob {
  std::string_view occupation, skills;
};
constexpr std::array<DemoJob, 8> kJobs{{
    {"Lasser", "MIG/MAG lassen, tekening lezen"},
    {"Kapper", "Knippen, klantcontact"},
    {"Vrachtwagenchauffeur", "Rijbewijs C (buitenland), planning"},
    {"Leraar basisschool", "Lesgeven, Arabisch en Engels"},
    {"Verpleegkundige", "Wondzorg, medicatie"},
    {"Timmerman", "Meubels maken, houtbewerking"},
    {"Kok", "Grote keuken, halal bereiding"},
    {"Boekhouder", "Administratie, Excel"},
}};

struct DemoDomain {
  std::string_view domain, situation, wishes, obstacles, strengths;
};
constexpr std::array<DemoDomain, 5> kDomains{{
    {"wonen", "Woont sinds kort in een eengezinswoning.", "Rust en een eigen plek.",
     "Nog geen meubels voor alle kamers.", "Handig in huis."},
    {"werk_inkomen", "Uitkering Participatiewet.", "Zo snel mogelijk aan het werk.",
     "Taal en diploma's niet erkend.", "Werkervaring en motivatie."},
    {"onderwijs_taal", "Volgt nog geen taalles.", "Nederlands leren voor werk.",
     "Kinderopvang tijdens de les.", "Leert snel."},
    {"sociale_participatie", "Kent nog weinig mensen in de buurt.", "Lid worden van een sportclub.",
     "Weet de weg nog niet.", "Sociaal en open."},
    {"financien", "Toeslagen aangevraagd.", "Overzicht over geld.", "Brieven in het Nederlands.",
     "Houdt uitgaven bij."},
}};

constexpr std::array<std::string_view, 4> kOutcomes = {"laag", "gemiddeld", "hoog", "gemiddeld"};

}  // namespace

std::optional<IntakeContent> DemoIntake(const PersonData& person, Date today, uint64_t seed) {
  if (!person.housing_date) return std::nullopt;
  DemoRandom random(seed, 0x1A7A4E);
  const Date date = person.housing_date->AddDays(random.Between(10, 40));
  if (date > today || AgeOn(person.birth_date, date) < kAdultAge) return std::nullopt;
  if (!random.Chance(650)) return std::nullopt;

  IntakeContent c;
  c.intake_date = date;
  std::string language = person.languages.empty() ? "" : person.languages.front();
  if (!language.empty() && language != "nl" && IsLanguageCode(language) && random.Chance(700)) {
    c.interpreter = true;
    c.interpreter_language = language;
  }
  for (const DemoDomain& d : kDomains) {
    if (!random.Chance(700)) continue;
    c.domains.push_back({std::string(d.domain), std::string(d.situation), std::string(d.wishes),
                         std::string(d.obstacles), std::string(d.strengths)});
  }
  const std::string country =
      IsCountryCode(person.nationality) && person.nationality != "XX" ? person.nationality : "";
  if (!country.empty()) {
    const int level = random.Between(0, 5);
    const bool diploma = level >= 2 && random.Chance(600);
    c.education.push_back(
        {country, static_cast<EducationLevel>(level), "", diploma, diploma && random.Chance(500)});
  }
  if (random.Chance(700)) {
    const DemoJob& job = kJobs[random.Below(kJobs.size())];
    c.work.push_back(
        {std::string(job.occupation), country, random.Between(1, 15), std::string(job.skills)});
  }
  for (LanguageSkill skill : {LanguageSkill::kLuisteren, LanguageSkill::kLezen,
                              LanguageSkill::kSpreken, LanguageSkill::kSchrijven})
    c.languages.push_back(
        {"nl", skill, static_cast<CefrLevel>(random.Between(0, 2)), date, "Intakegesprek"});
  if (random.Chance(500))
    c.learnability = Learnability{LearnabilityInstrument::kLeerbaarheidstoets,
                                  std::string(kOutcomes[random.Below(kOutcomes.size())]), date};
  if (random.Chance(600)) c.interests = "Sport, koken en tuinieren.";
  c.availability_dagdelen = random.Between(4, 10);
  c.health_screening.done = random.Chance(800);
  if (*c.health_screening.done) c.health_screening.date = person.housing_date->AddDays(-7);
  if (random.Chance(300)) c.health_notes = "Bekend bij de huisarts; geen belemmeringen voor werk.";
  if (random.Chance(400)) {
    c.noa.push_back({NoaComponent::kNederlandsToets, "A1", date, ""});
    c.noa.push_back({NoaComponent::kWerkmotivatie, "hoog", date, ""});
    c.noa.push_back(
        {NoaComponent::kPtss, random.Chance(200) ? "verhoogd" : "niet verhoogd", date, ""});
  }
  return c;
}

}  // namespace regie::core
