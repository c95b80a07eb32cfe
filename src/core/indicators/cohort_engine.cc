#include "core/indicators/cohort_engine.h"

#include <algorithm>

#include "core/policy/civil.h"

namespace regie::core::indicators {
namespace {

using policy::internal::kNone;
namespace civil = policy::civil;

// Counter slots per (indicator, cell).
enum Slot : size_t { kSatisfied, kNotSatisfied, kWithinWindow, kAnchorMissing, kSlots };

constexpr std::array<std::string_view, 4> kSexLabels = {"man", "vrouw", "x", "onbekend"};

int32_t QuarterEnd(int32_t quarter_code) {  // quarter_code = year * 4 + (0..3)
  const int32_t y = quarter_code / 4;
  const int32_t m = (quarter_code % 4) * 3 + 3;
  return civil::ToDays(y, m, civil::DaysInMonth(y, m));
}

uint32_t DimensionMask(const Breakdown& b) {
  const auto bit = [](Dimension d) {
    return d == Dimension::kTotal ? 0U : 1U << static_cast<unsigned>(d);
  };
  return bit(b.first) | bit(b.second);
}

// Per breakdown, the breakdown whose cells it is the sum of, or itself when
// it is counted person by person. A breakdown whose dimensions all belong
// to another (the total of any; cohort and wijk of cohort x wijk) is filled
// from that one's counters after the pass: the same counts, for three
// increments per person and result fewer with the default set. The source
// is always counted directly (a breakdown no other one refines, the first
// of equals), and the smallest such one is taken.
std::vector<size_t> SumSources(const std::vector<Breakdown>& breakdowns,
                               const std::vector<uint32_t>& offset) {
  const size_t n = breakdowns.size();
  auto refines = [&](size_t s, size_t b) {  // s's dimensions include b's
    const uint32_t bm = DimensionMask(breakdowns[b]);
    const uint32_t sm = DimensionMask(breakdowns[s]);
    return s != b && (bm & sm) == bm && (bm != sm || s < b);
  };
  std::vector<uint8_t> direct(n, 1);
  for (size_t b = 0; b < n; ++b)
    for (size_t s = 0; s < n; ++s) direct[b] = direct[b] != 0 && !refines(s, b) ? 1 : 0;
  std::vector<size_t> source(n);
  for (size_t b = 0; b < n; ++b) {
    source[b] = b;
    if (direct[b] != 0) continue;
    for (size_t s = 0; s < n; ++s) {
      if (direct[s] == 0 || !refines(s, b)) continue;
      if (source[b] == b || offset[s + 1] - offset[s] < offset[source[b] + 1] - offset[source[b]])
        source[b] = s;
    }
  }
  return source;
}

}  // namespace

std::vector<Breakdown> DefaultBreakdowns() {
  return {{Dimension::kTotal, Dimension::kTotal},       {Dimension::kCohort, Dimension::kTotal},
          {Dimension::kWijk, Dimension::kTotal},        {Dimension::kKern, Dimension::kTotal},
          {Dimension::kSex, Dimension::kTotal},         {Dimension::kAgeBand, Dimension::kTotal},
          {Dimension::kNationality, Dimension::kTotal}, {Dimension::kCohort, Dimension::kWijk}};
}

std::string_view ToCode(TimeToEvent m) {
  switch (m) {
    case TimeToEvent::kPlanAgreed:
      return "plan_vastgesteld";
    case TimeToEvent::kParticipatieverklaring:
      return "participatieverklaring";
    case TimeToEvent::kFirstWork:
      return "eerste_werk";
    case TimeToEvent::kPaidWork:
      return "betaald_werk";
    case TimeToEvent::kOffBijstand:
      return "uit_bijstand";
    case TimeToEvent::kExamPassed:
      return "inburgeringsexamen";
  }
  return "plan_vastgesteld";
}

std::vector<std::string_view> EventsOf(TimeToEvent m) {
  switch (m) {
    case TimeToEvent::kPlanAgreed:
      return {"plan_van_aanpak_vastgesteld", "pip_vastgesteld"};
    case TimeToEvent::kParticipatieverklaring:
      return {"participatieverklaring_ondertekend"};
    case TimeToEvent::kFirstWork:
      return {"vrijwilligerswerk_gestart", "wep_gestart", "wep_extern_gestart",
              "betaald_werk_gestart"};
    case TimeToEvent::kPaidWork:
      return {"betaald_werk_gestart"};
    case TimeToEvent::kOffBijstand:
      return {"bijstand_beeindigd"};
    case TimeToEvent::kExamPassed:
      return {"inburgeringsexamen_behaald"};
  }
  return {};
}

CohortEngine::CohortEngine(const policy::CompiledPolicy& policy)
    : policy_(policy), evaluator_(policy) {
  for (size_t m = 0; m < kTimeToEventCount; ++m) {
    for (std::string_view id : EventsOf(static_cast<TimeToEvent>(m))) {
      if (std::optional<uint32_t> e = policy.FindEvent(id)) {
        measure_events_[m].push_back(*e);
        measures_[m].available = true;
      } else {
        measures_[m].missing.emplace_back(id);
      }
    }
  }
  if (std::optional<uint32_t> e = policy.FindEvent("bijstand_gestart")) bijstand_event_ = *e;
  if (std::optional<uint32_t> e = policy.FindEvent("participatieladder_trede")) ladder_event_ = *e;
  // Leaving bijstand needs its start to define who is at risk.
  if (bijstand_event_ == kNone) {
    measures_[static_cast<size_t>(TimeToEvent::kOffBijstand)].available = false;
    measures_[static_cast<size_t>(TimeToEvent::kOffBijstand)].missing.emplace_back(
        "bijstand_gestart");
  }
  const auto& tables = policy.tables();
  deadline_.resize(tables.indicators.size());
  for (size_t i = 0; i < tables.indicators.size(); ++i) {
    const auto& c = tables.indicators[i];
    deadline_[i] = c.measure != policy::MeasureKind::kState || c.has_min_residence ? 1 : 0;
  }
}

void CohortEngine::PrepareLabels(const TenantPopulation& population, Date on, Report& report) {
  auto& labels = report.labels;
  labels[static_cast<size_t>(Dimension::kTotal)] = {"totaal"};
  auto& cohorts = labels[static_cast<size_t>(Dimension::kCohort)];
  cohorts.clear();
  if (population.has_cohort())
    for (int32_t c = population.first_cohort(); c <= CohortCode(on); ++c)
      cohorts.push_back(CohortLabel(c));
  cohorts.emplace_back("onbekend");
  labels[static_cast<size_t>(Dimension::kWijk)] = population.wijken();
  labels[static_cast<size_t>(Dimension::kKern)] = population.kernen();
  labels[static_cast<size_t>(Dimension::kSex)].assign(kSexLabels.begin(), kSexLabels.end());
  auto& ages = labels[static_cast<size_t>(Dimension::kAgeBand)];
  ages.clear();
  for (size_t b = 0; b < kAgeBandFloors.size(); ++b) ages.push_back(AgeBandLabel(b));
  labels[static_cast<size_t>(Dimension::kNationality)].assign(kNationalityGroups.begin(),
                                                              kNationalityGroups.end());
}

void CohortEngine::Survival(const policy::PersonFacts& facts, const civil::Ymd& birth, int32_t on,
                            uint32_t cohort) {
  if (!facts.housing_date || facts.housing_date->days() > on) return;
  const int32_t origin = facts.housing_date->days();
  // Adults at housing: the measures are about adults' plans, work and exams.
  if (civil::Age(birth, origin) < 18) return;
  std::array<int32_t, kTimeToEventCount> first{};
  first.fill(policy::internal::kOpenEnd);
  // The evaluator has just indexed the person's events for the same date:
  // its earliest dates, not another scan of his events.
  for (size_t m = 0; m < kTimeToEventCount; ++m) {
    for (uint32_t e : measure_events_[m]) {
      const int32_t d = evaluator_.FirstDate(e);
      if (d != policy::internal::kNoDate) first[m] = std::min(first[m], d);
    }
  }
  const bool bijstand = bijstand_event_ != kNone &&
                        evaluator_.FirstDate(bijstand_event_) != policy::internal::kNoDate;
  for (size_t m = 0; m < kTimeToEventCount; ++m) {
    if (!measures_[m].available) continue;
    const auto measure = static_cast<TimeToEvent>(m);
    if (measure == TimeToEvent::kOffBijstand && !bijstand) continue;
    if (measure == TimeToEvent::kExamPassed && facts.inburgeringsplicht != InburgeringPlicht::kYes)
      continue;
    const bool event = first[m] != policy::internal::kOpenEnd;
    // An event before housing (a statement signed in the AZC) happened at
    // time 0: nothing was left to wait for.
    const int32_t time = event ? std::max(0, first[m] - origin) : on - origin;
    km_entries_[m].push_back(uint64_t{stats::KmKey(time, event)} << 32 | cohort);
  }
}

void CohortEngine::Curves(size_t m, size_t cohorts, SurvivalFigures& s) {
  // One sort by key for the measure; a stable split by cohort then leaves
  // each cohort's keys in order too, so no cohort is sorted on its own.
  std::vector<uint64_t>& entries = km_entries_[m];
  stats::SortByKey(entries, km_scratch_);
  km_all_.resize(entries.size());
  km_by_cohort_.resize(entries.size());
  km_start_.assign(cohorts + 1, 0);
  for (size_t i = 0; i < entries.size(); ++i) {
    km_all_[i] = static_cast<uint32_t>(entries[i] >> 32);
    ++km_start_[(entries[i] & 0xFFFFFFFFU) + 1];
  }
  for (size_t c = 0; c < cohorts; ++c) km_start_[c + 1] += km_start_[c];
  for (size_t i = 0; i < entries.size(); ++i)
    km_by_cohort_[km_start_[entries[i] & 0xFFFFFFFFU]++] = km_all_[i];
  // km_start_[c] now ends cohort c: cohort c spans [km_start_[c - 1], km_start_[c]).
  for (size_t c = 0; c < cohorts; ++c) {
    const uint32_t begin = c == 0 ? 0 : km_start_[c - 1];
    if (km_start_[c] == begin) continue;
    s.by_cohort.emplace_back(static_cast<uint32_t>(c),
                             stats::KaplanMeierFromSortedKeys(std::span<const uint32_t>(
                                 km_by_cohort_.data() + begin, km_start_[c] - begin)));
  }
  s.total = stats::KaplanMeierFromSortedKeys(km_all_);
}

void CohortEngine::Ladder(const policy::PersonFacts& facts, const civil::Ymd& birth, int32_t on,
                          std::vector<LadderQuarter>& quarters) {
  if (!facts.housing_date || facts.housing_date->days() > on) return;
  // The population keeps events in canonical order, so the ladder's rungs
  // are one run by (date, value); quarter ends never pass `on`, so the
  // walk below never reads a rung recorded after the reference date.
  const std::span<const policy::EventRecord> rungs = evaluator_.Occurrences(ladder_event_);
  // The ladder is about adults: quarter ends ascend, so age does too, and
  // the first adult quarter splits them (one or two Age calls, not eight).
  size_t adult_from = quarters.size();
  if (!quarters.empty() && civil::Age(birth, quarter_ends_.back()) >= 18) {
    adult_from = 0;
    while (civil::Age(birth, quarter_ends_[adult_from]) < 18) ++adult_from;
  }
  // Counted from the first quarter he lives here as an adult at its end;
  // both hold for every later quarter too.
  const int32_t housed = facts.housing_date->days();
  size_t qi = adult_from;
  while (qi < quarters.size() && housed > quarters[qi].end.days()) ++qi;
  size_t next = 0;
  int32_t rung = 0;
  int32_t previous = -1;  // -1: not in the previous quarter's population
  for (; qi < quarters.size(); ++qi) {
    LadderQuarter& q = quarters[qi];
    while (next < rungs.size() && rungs[next].date.days() <= q.end.days()) {
      rung = std::clamp(rungs[next].value, 0, 6);
      ++next;
    }
    const auto r = static_cast<size_t>(rung);
    ++q.distribution[r];
    if (previous >= 0) {
      const auto p = static_cast<size_t>(previous);
      ++q.transitions[p][r];
      if (p == 0 && r > 0)
        ++q.first_rung;
      else if (r > p)
        ++q.up;
      else if (r < p)
        ++q.down;
      else
        ++q.same;
    }
    previous = rung;
  }
}

Report CohortEngine::Compute(const TenantPopulation& population, Date on, std::string snapshot,
                             const EngineOptions& options) {
  Report report;
  report.stamp.reference_date = on;
  report.stamp.snapshot = std::move(snapshot);
  for (const policy::Pack& p : policy_.packs()) report.stamp.packs.push_back({p.id, p.version});
  PrepareLabels(population, on, report);
  report.persons = static_cast<int64_t>(population.persons().size());

  // Flat counter layout: breakdown b occupies cells [offset[b], offset[b] + size[b]).
  const std::vector<Breakdown>& breakdowns = options.breakdowns;
  std::vector<uint32_t> offset(breakdowns.size() + 1, 0);
  std::vector<uint32_t> second_size(breakdowns.size(), 1);
  for (size_t b = 0; b < breakdowns.size(); ++b) {
    const auto n1 = static_cast<uint32_t>(report.Labels(breakdowns[b].first).size());
    second_size[b] = static_cast<uint32_t>(report.Labels(breakdowns[b].second).size());
    offset[b + 1] = offset[b] + n1 * second_size[b];
  }
  const uint32_t cells = offset.back();
  const size_t indicators = policy_.indicator_count();
  counts_.assign(static_cast<size_t>(cells) * indicators * kSlots, 0);
  selected_.assign(options.indicators.empty() ? indicators : 0, 1);
  if (!options.indicators.empty()) {
    selected_.assign(indicators, 0);
    for (size_t i = 0; i < indicators; ++i)
      for (const std::string& id : options.indicators)
        if (policy_.indicator(static_cast<uint32_t>(i)).id == id) selected_[i] = 1;
  }
  evaluator_.SelectIndicators(selected_);

  const auto cohorts = static_cast<uint32_t>(report.Labels(Dimension::kCohort).size());
  const int32_t first_cohort = population.first_cohort();
  const int32_t last_cohort = CohortCode(on);
  for (auto& entries : km_entries_) entries.clear();

  const bool ladder = ladder_event_ != kNone && options.ladder_quarters > 0;
  report.ladder.available = ladder_event_ != kNone;
  if (ladder) {
    const int32_t current = on.year() * 4 + (on.month() - 1) / 3;
    for (int32_t k = options.ladder_quarters - 1; k >= 0; --k) {
      LadderQuarter& q = report.ladder.quarters.emplace_back();
      const int32_t code = current - k;
      q.label = std::to_string(code / 4) + "K" + std::to_string(code % 4 + 1);
      q.end = Date::FromDays(std::min(QuarterEnd(code), on.days()));
    }
  }
  // Once per recompute, not per person and quarter.
  quarter_ends_.clear();
  for (const LadderQuarter& q : report.ladder.quarters)
    quarter_ends_.push_back(civil::FromDays(q.end.days()));

  const std::vector<size_t> source = SumSources(breakdowns, offset);
  std::vector<size_t> direct;
  for (size_t b = 0; b < breakdowns.size(); ++b)
    if (source[b] == b) direct.push_back(b);
  std::array<uint32_t, kDimensionCount> value{};
  std::vector<uint32_t> cell_of(direct.size());
  const int32_t on_day = on.days();
  for (const PersonRow& p : population.persons()) {
    std::span<const policy::EventRecord> events = population.EventsOf(p);
    evaluator_.IndicatorsOfSorted(p.facts, events, population.RunsOf(p), on, results_);

    uint32_t cohort = cohorts - 1;  // "onbekend"
    if (p.cohort != kNoCohort && p.cohort <= last_cohort)
      cohort = static_cast<uint32_t>(p.cohort - first_cohort);
    value[static_cast<size_t>(Dimension::kTotal)] = 0;
    value[static_cast<size_t>(Dimension::kCohort)] = cohort;
    value[static_cast<size_t>(Dimension::kWijk)] = p.wijk;
    value[static_cast<size_t>(Dimension::kKern)] = p.kern;
    value[static_cast<size_t>(Dimension::kSex)] = p.sex;
    const civil::Ymd& birth = p.birth;
    value[static_cast<size_t>(Dimension::kAgeBand)] = AgeBand(evaluator_.ReferenceAge());
    value[static_cast<size_t>(Dimension::kNationality)] = p.nationality;
    for (size_t k = 0; k < direct.size(); ++k) {
      const size_t b = direct[k];
      cell_of[k] = offset[b] + value[static_cast<size_t>(breakdowns[b].first)] * second_size[b] +
                   value[static_cast<size_t>(breakdowns[b].second)];
    }

    // The person's counters, indicator within cell: one cell's results lie
    // together, so a person touches a few cache lines per breakdown.
    counted_.clear();
    for (const policy::IndicatorResult& r : results_) {
      size_t slot = kSlots;
      if (r.in_population)
        slot = r.satisfied ? kSatisfied : kNotSatisfied;
      else if (r.waiting == policy::Waiting::kWithinWindow)
        slot = kWithinWindow;
      else if (r.waiting == policy::Waiting::kAnchorMissing)
        slot = kAnchorMissing;
      if (slot != kSlots) counted_.push_back(static_cast<uint32_t>(r.indicator * kSlots + slot));
    }
    for (uint32_t c : cell_of) {
      int32_t* cell = counts_.data() + static_cast<size_t>(c) * indicators * kSlots;
      for (uint32_t at : counted_) cell[at] += 1;
    }
    if (options.survival) Survival(p.facts, birth, on_day, cohort);
    if (ladder) Ladder(p.facts, birth, on_day, report.ladder.quarters);
  }

  // The summed breakdowns, cell by cell of their source.
  const size_t per_cell = indicators * kSlots;
  for (size_t b = 0; b < breakdowns.size(); ++b) {
    const size_t from = source[b];
    if (from == b) continue;
    auto value_in = [&](Dimension d, uint32_t first, uint32_t second) -> uint32_t {
      if (d == Dimension::kTotal) return 0;
      return breakdowns[from].first == d ? first : second;
    };
    for (uint32_t c = 0; c < offset[from + 1] - offset[from]; ++c) {
      const uint32_t first = c / second_size[from];
      const uint32_t second = c % second_size[from];
      const uint32_t to = offset[b] +
                          value_in(breakdowns[b].first, first, second) * second_size[b] +
                          value_in(breakdowns[b].second, first, second);
      const int32_t* src = counts_.data() + (offset[from] + c) * per_cell;
      int32_t* dst = counts_.data() + to * per_cell;
      for (size_t k = 0; k < per_cell; ++k) dst[k] += src[k];
    }
  }

  // Figures.
  for (size_t i = 0; i < indicators; ++i) {
    if (selected_[i] == 0) continue;
    const policy::Indicator& def = policy_.indicator(static_cast<uint32_t>(i));
    const policy::Pack& pack = policy_.indicator_pack(static_cast<uint32_t>(i));
    IndicatorFigures& f = report.indicators.emplace_back();
    f.indicator = static_cast<uint32_t>(i);
    f.id = def.id;
    f.label_nl = def.label.nl;
    f.label_en = def.label.en;
    f.domain = def.domain;
    f.theme = def.theme;
    f.pack = {pack.id, pack.version};
    f.deadline = deadline_[i] != 0;
    f.target_percent = def.target_percent;
    auto counters = [&](uint32_t c) {
      return counts_.data() + (static_cast<size_t>(c) * indicators + i) * kSlots;
    };
    for (size_t b = 0; b < breakdowns.size(); ++b) {
      BreakdownFigures& bf = f.breakdowns.emplace_back();
      bf.breakdown = breakdowns[b];
      size_t used = 0;
      for (uint32_t c = offset[b]; c < offset[b + 1]; ++c) {
        const int32_t* k = counters(c);
        used += (k[kSatisfied] | k[kNotSatisfied] | k[kWithinWindow] | k[kAnchorMissing]) != 0;
      }
      bf.cells.reserve(used);
      for (uint32_t c = offset[b]; c < offset[b + 1]; ++c) {
        const int32_t* k = counters(c);
        if (k[kSatisfied] == 0 && k[kNotSatisfied] == 0 && k[kWithinWindow] == 0 &&
            k[kAnchorMissing] == 0)
          continue;
        Cell& cell = bf.cells.emplace_back();
        cell.first = (c - offset[b]) / second_size[b];
        cell.second = (c - offset[b]) % second_size[b];
        cell.satisfied = k[kSatisfied];
        cell.not_satisfied = k[kNotSatisfied];
        cell.within_window = k[kWithinWindow];
        cell.anchor_missing = k[kAnchorMissing];
        cell.wilson = stats::Wilson(cell.satisfied, cell.denominator());
        cell.target = stats::TargetStatusOf(cell.satisfied, cell.denominator(), def.target_percent);
      }
    }
    // Every person lands in exactly one cell of every breakdown, so the
    // first breakdown's cells sum to the total whatever it is.
    int64_t sat = 0, den = 0;
    if (!breakdowns.empty()) {
      for (uint32_t c = offset[0]; c < offset[1]; ++c) {
        sat += counters(c)[kSatisfied];
        den += counters(c)[kSatisfied] + counters(c)[kNotSatisfied];
      }
    }
    f.total_judgement = stats::JudgeTarget(sat, den, def.target_percent);
  }

  if (options.survival) {
    for (size_t m = 0; m < kTimeToEventCount; ++m) {
      SurvivalFigures& s = report.survival.emplace_back();
      s.measure = static_cast<TimeToEvent>(m);
      s.available = measures_[m].available;
      s.missing_events = measures_[m].missing;
      if (s.available) Curves(m, cohorts, s);
    }
  }
  return report;
}

}  // namespace regie::core::indicators
