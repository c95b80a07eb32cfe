#include "core/policy/compiled.h"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

#include "core/policy/validation.h"

namespace regie::core::policy {
namespace {

using internal::CApplies;
using internal::kNone;
using internal::Range;

uint32_t Size(size_t n) { return static_cast<uint32_t>(n); }

// Indexes the declarations of the activated packs and fills the tables.
class Builder {
 public:
  Builder(const std::vector<Pack>& packs, const std::unordered_map<std::string, uint32_t>& events,
          internal::Tables& t)
      : packs_(packs), events_(events), t_(t) {}

  uint32_t Event(const std::string& id) const { return events_.at(id); }

  Range EventRefs(const std::vector<std::string>& ids) {
    Range r{Size(t_.event_refs.size()), Size(ids.size())};
    for (const std::string& id : ids) t_.event_refs.push_back(Event(id));
    return r;
  }

  Range Matches(const std::vector<EventMatch>& matches) {
    Range r{Size(t_.matches.size()), Size(matches.size())};
    for (const EventMatch& m : matches)
      t_.matches.push_back({Event(m.event), m.min_value.has_value(), m.min_value.value_or(0)});
    return r;
  }

  CApplies Applies(const Applicability& a) {
    CApplies c;
    c.min_age = a.min_age.value_or(-1);
    c.max_age = a.max_age.value_or(-1);
    for (const std::string& role : a.roles)
      c.role_mask |= 1U << static_cast<unsigned>(*ParseEnum<HouseholdRole>(role));
    for (const std::string& lit : a.literacy)
      c.literacy_mask |= 1U << static_cast<unsigned>(*ParseEnum<Literacy>(lit));
    c.inburgering = a.inburgeringsplichtig;
    c.leerplicht = a.leerplichtig;
    c.family = a.family_reunification;
    c.routes = {Size(t_.strings.size()), Size(a.learning_routes.size())};
    for (const std::string& r : a.learning_routes) t_.strings.push_back(r);
    c.fields = {Size(t_.fields.size()), Size(a.fields.size())};
    for (const FieldCondition& f : a.fields) t_.fields.push_back({f.field, f.values});
    c.any = c.min_age < 0 && c.max_age < 0 && c.role_mask == 0 && c.literacy_mask == 0 &&
            c.inburgering == Requirement::kAny && c.leerplicht == Requirement::kAny &&
            c.family == Requirement::kAny && c.routes.count == 0 && c.fields.count == 0;
    return c;
  }

  Range Conditions(const std::vector<StateCondition>& conditions) {
    Range r{Size(t_.conditions.size()), Size(conditions.size())};
    for (const StateCondition& s : conditions) {
      internal::CCondition c;
      c.test = s.test;
      c.event = Event(s.event);
      c.until = s.until.empty() ? kNone : Event(s.until);
      c.has_min = s.min_value.has_value();
      c.min_value = s.min_value.value_or(0);
      c.codes = {Size(t_.ints.size()), Size(s.codes.size())};
      const internal::CEvent& ev = t_.events[c.event];
      for (const std::string& code : s.codes) {
        int32_t position = -1;
        if (ev.code_list != kNone) {
          const std::vector<Code>& codes = t_.code_lists[ev.code_list]->codes;
          for (size_t i = 0; i < codes.size(); ++i)
            if (codes[i].code == code) position = static_cast<int32_t>(i);
        }
        t_.ints.push_back(position);
      }
      t_.conditions.push_back(c);
    }
    return r;
  }

  void AddVersion(internal::CGroup& group, uint32_t pack_index) {
    const Pack& p = packs_[pack_index];
    internal::CVersion v;
    v.pack = pack_index;
    v.valid_from = p.valid_from.days();
    v.valid_to = p.valid_to ? p.valid_to->days() : internal::kOpenEnd;
    std::map<std::string, uint32_t> milestone_index;
    v.milestones.begin = Size(t_.milestones.size());
    for (size_t i = 0; i < p.milestones.size(); ++i) {
      const Milestone& m = p.milestones[i];
      internal::CMilestone c;
      c.anchor = Event(m.anchor);
      c.fixed = m.deadline.on.has_value();
      c.fixed_day = c.fixed ? m.deadline.on->days() : 0;
      if (m.deadline.after) c.after = *m.deadline.after;
      c.applies = Applies(m.applies);
      c.matches = Matches(m.satisfied_by);
      c.extensions = {Size(t_.extensions.size()), Size(m.extensions.size())};
      for (const ExtensionRule& x : m.extensions)
        t_.extensions.push_back({Event(x.event), x.by, x.max_times});
      c.exemptions = EventRefs(m.exemptions);
      c.pack = pack_index;
      c.source = Size(i);
      milestone_index[m.id] = Size(t_.milestones.size());
      t_.milestones.push_back(c);
    }
    v.milestones.count = Size(t_.milestones.size()) - v.milestones.begin;
    v.cadences.begin = Size(t_.cadences.size());
    for (size_t i = 0; i < p.cadences.size(); ++i) {
      const Cadence& c = p.cadences[i];
      internal::CCadence cc;
      cc.start = Event(c.start);
      cc.stops = EventRefs(c.stop);
      cc.every = c.every;
      cc.matches = Matches(c.satisfied_by);
      cc.applies = Applies(c.applies);
      cc.pack = pack_index;
      cc.source = Size(i);
      t_.cadences.push_back(cc);
    }
    v.cadences.count = Size(t_.cadences.size()) - v.cadences.begin;
    v.indicators.begin = Size(t_.indicators.size());
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const Indicator& ind = p.indicators[i];
      const Population& pop = ind.population;
      internal::CIndicator c;
      c.cohort_event = Event(pop.cohort_event);
      c.cohort_from = pop.cohort_from ? pop.cohort_from->days() : internal::kNoDate;
      c.cohort_to = pop.cohort_to ? pop.cohort_to->days() : internal::kOpenEnd;
      c.min_age = pop.min_age.value_or(-1);
      c.max_age = pop.max_age.value_or(-1);
      c.residence_event = pop.residence_event.empty() ? kNone : Event(pop.residence_event);
      c.has_min_residence = pop.min_residence.has_value();
      c.has_max_residence = pop.max_residence.has_value();
      if (pop.min_residence) c.min_residence = *pop.min_residence;
      if (pop.max_residence) c.max_residence = *pop.max_residence;
      if (!pop.milestone_applies.empty())
        c.milestone_applies = milestone_index.at(pop.milestone_applies);
      c.measure = ind.measure.kind;
      if (ind.measure.kind != MeasureKind::kState)
        c.milestone = milestone_index.at(ind.measure.milestone);
      c.any = Conditions(ind.measure.any);
      c.all = Conditions(ind.measure.all);
      c.none = Conditions(ind.measure.none);
      c.pack = pack_index;
      c.source = Size(i);
      t_.indicators.push_back(c);
    }
    v.indicators.count = Size(t_.indicators.size()) - v.indicators.begin;
    group.versions.push_back(v);
  }

 private:
  const std::vector<Pack>& packs_;
  const std::unordered_map<std::string, uint32_t>& events_;
  internal::Tables& t_;
};

}  // namespace

StatusOr<std::unique_ptr<CompiledPolicy>> CompiledPolicy::Compile(
    const std::vector<Pack>& library, const std::vector<Activation>& activations,
    std::string_view tenant_code) {
  std::vector<PolicyError> errors;
  for (size_t i = 0; i < activations.size(); ++i) {
    const Activation& a = activations[i];
    SourceLocation where{"activation " + a.pack_id, 0, 0};
    bool known = std::any_of(library.begin(), library.end(),
                             [&](const Pack& p) { return p.id == a.pack_id; });
    if (!known) errors.push_back({where, "unknown_pack", "no pack with id '" + a.pack_id + "'"});
    for (const Pack& p : library) {
      if (p.id != a.pack_id || tenant_code.empty()) continue;
      if (!p.scope.Includes(tenant_code)) {
        errors.push_back(
            {p.where, "out_of_scope",
             "pack " + p.id + " is for other municipalities than " + std::string(tenant_code)});
        break;
      }
    }
    if (a.to && *a.to < a.from)
      errors.push_back({where, "impossible_validity", "activation ends before it starts"});
    for (size_t j = 0; j < i; ++j) {
      const Activation& b = activations[j];
      if (b.pack_id != a.pack_id) continue;
      bool apart = (a.to && *a.to < b.from) || (b.to && *b.to < a.from);
      if (!apart)
        errors.push_back({where, "overlapping_validity", "activations of one pack overlap"});
    }
  }
  auto policy = std::unique_ptr<CompiledPolicy>(new CompiledPolicy());
  // Packs keep activation order (national law first, then local norms),
  // versions in validity order, so results read in a stable order.
  std::vector<std::string> order;
  for (const Activation& a : activations)
    if (std::find(order.begin(), order.end(), a.pack_id) == order.end()) order.push_back(a.pack_id);
  for (const std::string& id : order) {
    std::vector<const Pack*> versions;
    for (const Pack& p : library)
      if (p.id == id) versions.push_back(&p);
    std::sort(versions.begin(), versions.end(),
              [](const Pack* a, const Pack* b) { return a->valid_from < b->valid_from; });
    for (const Pack* p : versions) policy->packs_.push_back(*p);
  }
  std::vector<PolicyError> set_errors = ValidatePackSet(policy->packs_);
  errors.insert(errors.end(), set_errors.begin(), set_errors.end());
  if (!errors.empty()) return ErrorsToStatus(errors);
  REGIE_RETURN_IF_ERROR(policy->Build(activations));
  return policy;
}

Status CompiledPolicy::Build(const std::vector<Activation>& activations) {
  internal::Tables& t = tables_;
  std::map<std::string, uint32_t> list_index;
  for (const Pack& p : packs_) {
    for (const CodeList& l : p.code_lists) {
      if (list_index.count(l.id)) continue;
      list_index[l.id] = Size(t.code_lists.size());
      t.code_lists.push_back(&l);
    }
  }
  for (const Pack& p : packs_) {
    for (const EventDecl& e : p.events) {
      if (event_index_.count(e.id)) continue;
      event_index_[e.id] = Size(event_ids_.size());
      event_ids_.push_back(e.id);
      event_decls_.push_back(&e);
    }
  }
  for (const EventDecl* e : event_decls_) {
    internal::CEvent c;
    c.kind = e->kind;
    c.field = e->person_field;
    c.value_kind = e->value_kind;
    if (e->value_kind == EventValueKind::kCode) c.code_list = list_index.at(e->code_list);
    c.requires_reason = e->requires_reason;
    c.pick = e->pick;
    c.offset = e->offset;
    c.from = {Size(t.event_refs.size()), Size(e->derived_from.size())};
    for (const std::string& from : e->derived_from) t.event_refs.push_back(event_index_.at(from));
    t.events.push_back(c);
  }
  // Derived events in dependency order (validation has ruled out cycles).
  std::vector<int> state(t.events.size(), 0);
  std::function<void(uint32_t)> visit = [&](uint32_t i) {
    if (state[i]) return;
    state[i] = 1;
    const internal::CEvent& e = t.events[i];
    if (e.kind != EventKind::kDerived) return;
    for (uint32_t k = 0; k < e.from.count; ++k) visit(t.event_refs[e.from.begin + k]);
    t.derived_order.push_back(i);
  };
  for (uint32_t i = 0; i < t.events.size(); ++i) visit(i);

  Builder builder(packs_, event_index_, t);
  for (uint32_t i = 0; i < packs_.size(); ++i) {
    const Pack& p = packs_[i];
    if (t.groups.empty() || t.groups.back().pack_id != p.id) {
      internal::CGroup g;
      g.pack_id = p.id;
      g.anchor = event_index_.at(p.version_anchor);
      for (const Activation& a : activations)
        if (a.pack_id == p.id)
          g.activations.emplace_back(a.from.days(), a.to ? a.to->days() : internal::kOpenEnd);
      t.groups.push_back(std::move(g));
    }
    builder.AddVersion(t.groups.back(), i);
  }
  return Status::Ok();
}

std::optional<uint32_t> CompiledPolicy::FindEvent(std::string_view id) const {
  auto it = event_index_.find(std::string(id));
  if (it == event_index_.end()) return std::nullopt;
  return it->second;
}

const Milestone& CompiledPolicy::milestone(uint32_t i) const {
  const internal::CMilestone& c = tables_.milestones[i];
  return packs_[c.pack].milestones[c.source];
}

const Cadence& CompiledPolicy::cadence(uint32_t i) const {
  const internal::CCadence& c = tables_.cadences[i];
  return packs_[c.pack].cadences[c.source];
}

const Indicator& CompiledPolicy::indicator(uint32_t i) const {
  const internal::CIndicator& c = tables_.indicators[i];
  return packs_[c.pack].indicators[c.source];
}

StatusOr<EventRecord> CompiledPolicy::Intern(const PersonEvent& event) const {
  std::optional<uint32_t> index = FindEvent(event.event);
  if (!index)
    return NotFound("unknown_event", "no active pack declares event '" + event.event + "'");
  const internal::CEvent& c = tables_.events[*index];
  EventRecord r;
  r.event = *index;
  r.date = event.date;
  if (c.value_kind == EventValueKind::kInteger) {
    r.value = event.value.value_or(0);
  } else if (c.value_kind == EventValueKind::kCode) {
    const std::vector<Code>& codes = tables_.code_lists[c.code_list]->codes;
    auto it = std::find_if(codes.begin(), codes.end(),
                           [&](const Code& code) { return code.code == event.code; });
    if (it == codes.end())
      return InvalidArgument("event_code_invalid", "event '" + event.event + "' has code '" +
                                                       event.code + "', not in list '" +
                                                       tables_.code_lists[c.code_list]->id + "'");
    r.value = static_cast<int32_t>(it - codes.begin());
  }
  return r;
}

}  // namespace regie::core::policy
