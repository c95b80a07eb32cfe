#include "core/policy/demo_events.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/policy/engine.h"

namespace regie::core::policy {
namespace {

constexpr int kMaxPasses = 6;
constexpr int kMaxContacts = 200;
constexpr double kAnchorShare = 0.92;
constexpr double kStopShare = 0.5;

// splitmix64: small, fast and the same on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [lo, hi]; lo when hi < lo.
  int32_t Between(int32_t lo, int32_t hi) {
    if (hi <= lo) return lo;
    const auto span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int32_t>(Next() % span);
  }

 private:
  uint64_t state_;
};

int32_t DaysBetween(Date from, Date to) { return to.days() - from.days(); }
Date Plus(Date d, int32_t days) { return Date::FromDays(d.days() + days); }

class Generator {
 public:
  Generator(const CompiledPolicy& policy, const PersonFacts& facts, Date today, uint64_t seed,
            const DemoEventMix& mix)
      : policy_(policy),
        facts_(facts),
        today_(today),
        rng_(seed),
        mix_(mix),
        milestone_done_(policy.milestone_count(), false),
        cadence_done_(policy.cadence_count(), false) {}

  std::vector<PersonEvent> Run() {
    std::optional<Date> base = facts_.housing_date ? facts_.housing_date : facts_.permit_date;
    if (!base) return {};
    ContextEvents(*base);
    Evaluator evaluator(policy_);
    Evaluation evaluation;
    std::vector<EventRecord> records;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
      records.clear();
      for (const PersonEvent& e : events_)
        if (StatusOr<EventRecord> r = policy_.Intern(e); r.ok()) records.push_back(*r);
      evaluator.Evaluate(facts_, records, today_, evaluation);
      bool added = false;
      for (const MilestoneResult& r : evaluation.milestones) {
        if (milestone_done_[r.milestone] || !r.anchor || !r.due) continue;
        if (r.status != MilestoneStatus::kOpen && r.status != MilestoneStatus::kVerlopen) continue;
        milestone_done_[r.milestone] = true;
        added = Decide(r) || added;
      }
      for (const CadenceResult& r : evaluation.cadences) {
        if (cadence_done_[r.cadence] || !r.start) continue;
        if (r.status != MilestoneStatus::kOpen && r.status != MilestoneStatus::kVerlopen &&
            r.status != MilestoneStatus::kOpTijd && r.status != MilestoneStatus::kTeLaat)
          continue;
        cadence_done_[r.cadence] = true;
        added = Contacts(r) || added;
      }
      if (!added) break;
    }
    return std::move(events_);
  }

 private:
  const EventDecl* Recordable(const std::string& id) const {
    std::optional<uint32_t> index = policy_.FindEvent(id);
    if (!index) return nullptr;
    const EventDecl& decl = policy_.event_decl(*index);
    return decl.kind == EventKind::kRecorded ? &decl : nullptr;
  }

  bool Has(const std::string& id) const {
    return std::any_of(events_.begin(), events_.end(),
                       [&](const PersonEvent& e) { return e.event == id; });
  }

  const CodeList* ListOf(const EventDecl& decl) const {
    for (const Pack& pack : policy_.packs())
      for (const CodeList& list : pack.code_lists)
        if (list.id == decl.code_list) return &list;
    return nullptr;
  }

  // The first code half the time or more; the others share the rest.
  std::string PickCode(const CodeList& list) {
    if (list.codes.empty()) return {};
    if (list.codes.size() == 1 || rng_.Uniform() < 0.6) return list.codes.front().code;
    const auto last = static_cast<int32_t>(list.codes.size()) - 1;
    return list.codes[static_cast<size_t>(rng_.Between(1, last))].code;
  }

  bool Add(const std::string& id, Date date, std::optional<int32_t> value = std::nullopt) {
    const EventDecl* decl = Recordable(id);
    if (decl == nullptr || date < facts_.birth_date || date > today_) return false;
    PersonEvent e{id, date, std::nullopt, "", ""};
    if (decl->value_kind == EventValueKind::kInteger) e.value = value.value_or(1);
    if (decl->value_kind == EventValueKind::kCode) {
      const CodeList* list = ListOf(*decl);
      if (list == nullptr) return false;
      e.code = PickCode(*list);
    }
    if (decl->requires_reason) e.reason = "Gedocumenteerd in het dossier (demo).";
    events_.push_back(std::move(e));
    // The PIP states the learning route (ApplyRecordedFacts reads it).
    if (id == "pip_vastgesteld" && !Has("leerroute_vastgesteld"))
      Add("leerroute_vastgesteld", date);
    return true;
  }

  // Facts that no milestone produces but rules are anchored on (DUO's
  // notice, start of bijstand, a joint intake) happen weeks after housing;
  // guidance that stops (end of MB) ends for some after two years.
  void ContextEvents(Date base) {
    std::set<std::string> seen;
    auto anchor = [&](const std::string& id) {
      if (!seen.insert(id).second || Recordable(id) == nullptr) return;
      if (rng_.Uniform() < kAnchorShare) Add(id, Plus(base, rng_.Between(7, 70)));
    };
    for (uint32_t i = 0; i < policy_.milestone_count(); ++i) anchor(policy_.milestone(i).anchor);
    for (uint32_t i = 0; i < policy_.cadence_count(); ++i) {
      const Cadence& c = policy_.cadence(i);
      anchor(c.start);
      for (const std::string& stop : c.stop) {
        if (!seen.insert(stop).second || Recordable(stop) == nullptr) continue;
        if (DaysBetween(base, today_) > 730 && rng_.Uniform() < kStopShare)
          Add(stop, Plus(base, rng_.Between(540, 900)));
      }
    }
  }

  const EventMatch* Satisfier(const std::vector<EventMatch>& matches) const {
    for (const EventMatch& m : matches)
      if (Recordable(m.event) != nullptr) return &m;
    return nullptr;
  }

  bool Decide(const MilestoneResult& r) {
    const Milestone& m = policy_.milestone(r.milestone);
    const EventMatch* match = Satisfier(m.satisfied_by);
    if (match == nullptr) return false;
    const int32_t window = std::max(0, DaysBetween(*r.anchor, *r.due));
    const double u = rng_.Uniform();
    Date when;
    if (u < mix_.on_time) {
      when = Plus(*r.anchor, rng_.Between(0, window));
    } else if (u < mix_.on_time + mix_.late) {
      when = Plus(*r.due, rng_.Between(1, std::clamp(window / 3, 7, 120)));
      if (!m.extensions.empty() && rng_.Uniform() < mix_.extension_when_late) {
        const ExtensionRule& ext = m.extensions.front();
        const Date extended = ext.by.AddTo(*r.due);
        if (Add(ext.event, Plus(*r.due, -rng_.Between(1, std::clamp(window / 4, 1, 14)))))
          when = Plus(*r.due, rng_.Between(1, std::max(1, DaysBetween(*r.due, extended))));
      }
    } else {
      return false;  // not (yet) done: open or overdue by the date
    }
    return Add(match->event, when, match->min_value);
  }

  bool Contacts(const CadenceResult& r) {
    const Cadence& c = policy_.cadence(r.cadence);
    const EventMatch* match = Satisfier(c.satisfied_by);
    if (match == nullptr) return false;
    const int32_t every = std::max(1, DaysBetween(*r.start, c.every.AddTo(*r.start)));
    Date t = *r.start;
    int added = 0;
    for (int i = 0; i < kMaxContacts; ++i) {
      // Mostly within the interval, now and then later than it.
      const auto gap = static_cast<int32_t>(every * (0.5 + 0.62 * rng_.Uniform()));
      t = Plus(t, std::max(1, gap));
      if (t > today_ || (r.stopped && t > *r.stopped)) break;
      added += Add(match->event, t, match->min_value) ? 1 : 0;
    }
    return added > 0;
  }

  const CompiledPolicy& policy_;
  const PersonFacts& facts_;
  const Date today_;
  Rng rng_;
  const DemoEventMix mix_;
  std::vector<bool> milestone_done_;
  std::vector<bool> cadence_done_;
  std::vector<PersonEvent> events_;
};

}  // namespace

std::vector<Activation> DemoActivations(const std::vector<Pack>& library,
                                        std::string_view tenant_code) {
  std::vector<Activation> out;
  auto add = [&](const Pack& p) {
    for (const Activation& a : out)
      if (a.pack_id == p.id) return;
    out.push_back({p.id, *Date::Parse("1900-01-01"), std::nullopt});
  };
  // National law first, then local norms (the order results are listed in).
  for (const Pack& p : library)
    if (p.scope.national) add(p);
  for (const Pack& p : library)
    if (!p.scope.national && p.scope.Includes(tenant_code)) add(p);
  return out;
}

std::vector<PersonEvent> DemoEvents(const CompiledPolicy& policy, const PersonFacts& facts,
                                    Date today, uint64_t seed, const DemoEventMix& mix) {
  return Generator(policy, facts, today, seed, mix).Run();
}

}  // namespace regie::core::policy
