#include "core/casework/demo_assessments.h"

#include <algorithm>
#include <array>

#include "core/demo_random.h"

namespace regie::core {
namespace {

constexpr int kMaxZrmRounds = 3;
constexpr int kMaxLadderRounds = 4;

}  // namespace

std::vector<AssessmentData> DemoAssessments(const PersonData& person, Date today, uint64_t seed) {
  std::vector<AssessmentData> out;
  if (!person.housing_date || *person.housing_date >= today) return out;
  const Date housed = *person.housing_date;
  if (AgeOn(person.birth_date, housed) < 18) return out;
  DemoRandom random(seed, 0xA55E55);
  if (!random.Chance(500)) return out;

  // ZRM: every round scores the same domains; some are left out (not
  // relevant or not discussed), justice mostly fine.
  std::vector<ZrmScore> scores;
  for (const ZrmDomain& d : ZrmDomains()) {
    if (!random.Chance(800)) continue;
    const int start = d.code == "justitie" ? random.Between(4, 5) : random.Between(1, 4);
    scores.push_back({std::string(d.code), start});
  }
  Date when = housed.AddDays(random.Between(20, 45));
  for (int round = 0; round < kMaxZrmRounds && when <= today && !scores.empty(); ++round) {
    AssessmentData a;
    a.kind = AssessmentKind::kZrm;
    a.date = when;
    a.assessor = "Maatschappelijke begeleiding";
    a.zrm = scores;
    out.push_back(std::move(a));
    for (ZrmScore& s : scores) {
      if (random.Chance(450))
        s.score = std::min(kZrmMax, s.score + 1);
      else if (random.Chance(80))
        s.score = std::max(kZrmMin, s.score - 1);
    }
    when = when.AddMonths(6).AddDays(random.Between(-14, 14));
  }

  // Participatieladder: rungs present are the rung itself and, sometimes,
  // a lower one still going on (volunteer work next to a paid job).
  int rung = random.Between(1, 2);
  when = housed.AddDays(random.Between(30, 60));
  for (int round = 0; round < kMaxLadderRounds && when <= today; ++round) {
    AssessmentData a;
    a.kind = AssessmentKind::kParticipatieladder;
    a.date = when;
    a.rung = rung;
    a.rungs_present = {rung};
    if (rung > 2 && random.Chance(300)) a.rungs_present.insert(a.rungs_present.begin(), rung - 1);
    out.push_back(std::move(a));
    if (random.Chance(400))
      rung = std::min(kLadderMax, rung + 1);
    else if (random.Chance(100))
      rung = std::max(kLadderMin, rung - 1);
    when = when.AddMonths(3).AddDays(random.Between(-10, 10));
  }
  std::stable_sort(out.begin(), out.end(), [](const AssessmentData& x, const AssessmentData& y) {
    return x.date < y.date;
  });
  return out;
}

AssessmentData DemoFermWerk(Date date, uint64_t seed) {
  constexpr std::array<int, 4> kWeights = {20, 15, 45, 20};
  DemoRandom random(seed, 0xFE4A);
  AssessmentData a;
  a.kind = AssessmentKind::kFermWerk;
  a.date = date;
  a.assessor = "Ferm Werk";
  a.outcome = std::string(1, kFermWerkOutcomes[random.Weighted(kWeights)]);
  return a;
}

}  // namespace regie::core
