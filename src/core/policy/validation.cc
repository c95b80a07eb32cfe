#include "core/policy/validation.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/enums.h"

namespace regie::core::policy {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Per-pack checks; collects every problem instead of stopping at the first,
// so a policy officer fixes a pack in one round.
class PackChecker {
 public:
  explicit PackChecker(const Pack& pack) : pack_(pack) {}

  std::vector<PolicyError> Run() {
    CheckHeader();
    CheckIds();
    for (const CodeList& list : pack_.code_lists) CheckCodeList(list);
    for (const EventDecl& event : pack_.events) CheckEvent(event);
    CheckDerivedCycles();
    for (const Milestone& m : pack_.milestones) CheckMilestone(m);
    for (const Cadence& c : pack_.cadences) CheckCadence(c);
    for (const Indicator& i : pack_.indicators) CheckIndicator(i);
    return std::move(errors_);
  }

 private:
  void Error(const SourceLocation& where, std::string code, std::string message) {
    errors_.push_back({where, std::move(code), std::move(message)});
  }

  const SourceLocation& Where(const SourceLocation& preferred, const SourceLocation& fallback) {
    return preferred.line > 0 ? preferred : fallback;
  }

  void CheckLabel(const LocalizedText& label, const std::string& what, const SourceLocation& at) {
    if (label.nl.empty() || label.en.empty())
      Error(at, "missing_label", what + " needs a Dutch and an English label (nl, en)");
  }

  void CheckSource(const SourceRef& source, const std::string& what, const SourceLocation& at) {
    if (source.document.empty() || source.section.empty())
      Error(at, "missing_source",
            what +
                " has no source: every rule cites a document and a section "
                "(source = { document = \"...\", section = \"...\" })");
  }

  void CheckHeader() {
    const SourceLocation& at = pack_.where;
    if (!IsValidPolicyId(pack_.id, /*allow_dash=*/true))
      Error(at, "bad_id",
            "pack id '" + pack_.id + "' must be lower case letters, digits, '-', '_'");
    if (pack_.version < 1) Error(at, "bad_version", "pack version must be 1 or more");
    CheckLabel(pack_.title, "pack " + pack_.id, at);
    if (pack_.valid_to && *pack_.valid_to < pack_.valid_from)
      Error(at, "impossible_validity",
            "valid_to " + pack_.valid_to->ToString() + " lies before valid_from " +
                pack_.valid_from.ToString());
    if (!pack_.scope.national) {
      if (pack_.scope.municipalities.empty())
        Error(at, "bad_scope", "a municipal pack lists its municipalities (CBS codes)");
      for (const std::string& m : pack_.scope.municipalities) {
        bool ok = m.size() == 6 && m[0] == 'G' && m[1] == 'M' &&
                  std::all_of(m.begin() + 2, m.end(), IsDigit);
        if (!ok)
          Error(at, "bad_scope", "municipality '" + m + "' must be a CBS code such as \"GM0148\"");
      }
    }
    CheckSource(pack_.source, "pack " + pack_.id, at);
    if (pack_.version_anchor.empty())
      Error(at, "missing_version_anchor",
            "version_anchor names the event whose date selects the pack version");
    else
      RequireEvent(pack_.version_anchor, at, "version_anchor");
  }

  // Ids are unique per kind; milestones, cadences and indicators share one
  // namespace because results and worklists name them by id alone.
  void CheckIds() {
    std::set<std::string> events;
    for (const EventDecl& e : pack_.events) {
      if (!IsValidPolicyId(e.id)) Error(e.where, "bad_id", "event id '" + e.id + "' is malformed");
      if (!events.insert(e.id).second)
        Error(e.where, "duplicate_id", "event '" + e.id + "' is declared twice");
    }
    std::set<std::string> rules;
    auto rule = [&](const std::string& id, const SourceLocation& where, const char* kind) {
      if (!IsValidPolicyId(id))
        Error(where, "bad_id", std::string(kind) + " id '" + id + "' is malformed");
      if (!rules.insert(id).second)
        Error(where, "duplicate_id", "rule id '" + id + "' is used twice in this pack");
    };
    for (const Milestone& m : pack_.milestones) rule(m.id, m.where, "milestone");
    for (const Cadence& c : pack_.cadences) rule(c.id, c.where, "cadence");
    for (const Indicator& i : pack_.indicators) rule(i.id, i.where, "indicator");
    std::set<std::string> lists;
    for (const CodeList& l : pack_.code_lists) {
      if (!IsValidPolicyId(l.id))
        Error(l.where, "bad_id", "code list id '" + l.id + "' is malformed");
      if (!lists.insert(l.id).second)
        Error(l.where, "duplicate_id", "code list '" + l.id + "' is declared twice");
    }
  }

  const EventDecl* RequireEvent(const std::string& id, const SourceLocation& at,
                                const std::string& what) {
    const EventDecl* e = pack_.FindEvent(id);
    if (!e)
      Error(at, "unknown_event",
            what + " refers to event '" + id + "', which this pack does not declare");
    return e;
  }

  const CodeList* FindCodeList(const std::string& id) const {
    for (const CodeList& l : pack_.code_lists)
      if (l.id == id) return &l;
    return nullptr;
  }

  void CheckCodeList(const CodeList& list) {
    CheckLabel(list.label, "code list " + list.id, list.where);
    CheckSource(list.source, "code list " + list.id, list.where);
    if (list.codes.empty()) Error(list.where, "empty_code_list", "code list has no codes");
    std::set<std::string> seen;
    for (const Code& c : list.codes) {
      if (c.code.empty()) Error(list.where, "bad_code", "a code of '" + list.id + "' is empty");
      if (!seen.insert(c.code).second)
        Error(list.where, "duplicate_id", "code '" + c.code + "' appears twice in " + list.id);
      CheckLabel(c.label, "code " + list.id + "/" + c.code, list.where);
    }
  }

  void CheckEvent(const EventDecl& e) {
    CheckLabel(e.label, "event " + e.id, e.where);
    if (e.value_kind == EventValueKind::kCode && !FindCodeList(e.code_list))
      Error(e.where, "unknown_code_list",
            "event '" + e.id + "' takes codes from '" + e.code_list +
                "', which this pack does not declare");
    if (e.kind == EventKind::kDerived) {
      if (e.derived_from.empty())
        Error(e.where, "bad_derivation", "derived event '" + e.id + "' needs from = [...]");
      for (const std::string& from : e.derived_from)
        RequireEvent(from, e.where, "derived event '" + e.id + "'");
      if (e.offset.amount < 0)
        Error(e.where, "impossible_deadline",
              "derived event '" + e.id + "' has a negative offset (" + e.offset.ToString() +
                  "): an event cannot follow from one that has not happened yet");
    }
  }

  // Depth-first search over derived events; reports each cycle once.
  void CheckDerivedCycles() {
    std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
    std::vector<std::string> stack;
    for (const EventDecl& e : pack_.events) Visit(e, state, stack);
  }

  void Visit(const EventDecl& e, std::map<std::string, int>& state,
             std::vector<std::string>& stack) {
    int& s = state[e.id];
    if (s == 2) return;
    if (s == 1) {
      std::string path;
      auto it = std::find(stack.begin(), stack.end(), e.id);
      for (; it != stack.end(); ++it) path += *it + " -> ";
      Error(e.where, "cycle", "derived events form a cycle: " + path + e.id);
      return;
    }
    s = 1;
    stack.push_back(e.id);
    if (e.kind == EventKind::kDerived)
      for (const std::string& from : e.derived_from)
        if (const EventDecl* source = pack_.FindEvent(from)) Visit(*source, state, stack);
    stack.pop_back();
    state[e.id] = 2;
  }

  // Every event the date of `id` depends on, itself included.
  void Closure(const std::string& id, std::set<std::string>& out) const {
    if (!out.insert(id).second) return;
    const EventDecl* e = pack_.FindEvent(id);
    if (e && e->kind == EventKind::kDerived)
      for (const std::string& from : e->derived_from) Closure(from, out);
  }

  void CheckApplicability(const Applicability& a, const SourceLocation& fallback) {
    const SourceLocation& at = Where(a.where, fallback);
    auto age_ok = [](const std::optional<int>& v) { return !v || (*v >= 0 && *v <= 130); };
    if (!age_ok(a.min_age) || !age_ok(a.max_age))
      Error(at, "bad_age", "ages must lie between 0 and 130");
    if (a.min_age && a.max_age && *a.min_age > *a.max_age)
      Error(at, "impossible_applicability",
            "min_age " + std::to_string(*a.min_age) + " is above max_age " +
                std::to_string(*a.max_age));
    for (const std::string& r : a.roles)
      if (!ParseEnum<HouseholdRole>(r))
        Error(
            at, "bad_code",
            "unknown household role '" + r + "' (hoofdpersoon, partner, kind, nareiziger, overig)");
    for (const std::string& l : a.literacy)
      if (!ParseEnum<Literacy>(l))
        Error(at, "bad_code", "unknown literacy '" + l + "' (ja, beperkt, nee)");
    if (!a.learning_routes.empty()) {
      const CodeList* routes = FindCodeList("leerroute");
      if (!routes) {
        Error(at, "unknown_code_list",
              "learning_routes needs a code list 'leerroute' declared in this pack");
      } else {
        for (const std::string& r : a.learning_routes) {
          bool known = std::any_of(routes->codes.begin(), routes->codes.end(),
                                   [&](const Code& c) { return c.code == r; });
          if (!known) Error(at, "bad_code", "learning route '" + r + "' is not in 'leerroute'");
        }
      }
    }
    for (const FieldCondition& f : a.fields) {
      if (f.field.empty() || f.values.empty())
        Error(Where(f.where, at), "bad_condition", "a field condition needs field and in = [...]");
    }
  }

  void CheckMatches(const std::vector<EventMatch>& matches, const std::string& what,
                    const SourceLocation& at) {
    if (matches.empty())
      Error(at, "missing_event", what + " needs satisfied_by: the event(s) that satisfy it");
    for (const EventMatch& m : matches) {
      const EventDecl* e = RequireEvent(m.event, Where(m.where, at), what + " satisfied_by");
      if (e && m.min_value && e->value_kind != EventValueKind::kInteger)
        Error(Where(m.where, at), "bad_condition",
              "min_value needs an integer event; '" + m.event + "' carries no number");
    }
  }

  void RequireReasonEvent(const std::string& id, const SourceLocation& at,
                          const std::string& what) {
    const EventDecl* e = RequireEvent(id, at, what);
    if (e && !e->requires_reason)
      Error(at, "reason_required",
            what + " event '" + id + "' must be declared with requires_reason = true");
  }

  void CheckMilestone(const Milestone& m) {
    const std::string what = "milestone '" + m.id + "'";
    CheckLabel(m.label, what, m.where);
    if (m.domain.empty()) Error(m.where, "missing_domain", what + " needs a life domain");
    CheckSource(m.source, what, m.where);
    const EventDecl* anchor = RequireEvent(m.anchor, m.where, what + " anchor");
    const SourceLocation& dl = Where(m.deadline.where, m.where);
    if (m.deadline.after.has_value() == m.deadline.on.has_value()) {
      Error(dl, "bad_deadline", what + " needs exactly one of deadline = \"<n> <unit>\" or a date");
    } else if (m.deadline.after && m.deadline.after->amount < 0) {
      // Zero is allowed: "0 days" means "by the anchor date" (a warm
      // handover before the move); a deadline before its anchor is not.
      Error(dl, "impossible_deadline",
            what + " has a deadline of " + m.deadline.after->ToString() +
                ": a deadline cannot lie before its anchor");
    } else if (m.deadline.on && *m.deadline.on < pack_.valid_from) {
      Error(dl, "impossible_deadline",
            what + " is due on " + m.deadline.on->ToString() + ", before the pack is valid (" +
                pack_.valid_from.ToString() + ")");
    }
    CheckMatches(m.satisfied_by, what, m.where);
    if (anchor) {
      std::set<std::string> depends;
      Closure(m.anchor, depends);
      for (const EventMatch& s : m.satisfied_by)
        if (depends.count(s.event))
          Error(m.where, "cycle",
                what + " is anchored on '" + m.anchor + "', which depends on '" + s.event +
                    "', the event that satisfies it: the deadline could only start once it is met");
    }
    for (const ExtensionRule& x : m.extensions) {
      const SourceLocation& at = Where(x.where, m.where);
      RequireReasonEvent(x.event, at, what + " extension");
      if (x.by.amount <= 0)
        Error(at, "impossible_deadline",
              what + " extension of " + x.by.ToString() + " must add a positive span");
      if (x.max_times < 1) Error(at, "bad_extension", what + " extension max_times must be >= 1");
    }
    for (const std::string& e : m.exemptions) RequireReasonEvent(e, m.where, what + " exemption");
    CheckApplicability(m.applies, m.where);
  }

  void CheckCadence(const Cadence& c) {
    const std::string what = "cadence '" + c.id + "'";
    CheckLabel(c.label, what, c.where);
    if (c.domain.empty()) Error(c.where, "missing_domain", what + " needs a life domain");
    CheckSource(c.source, what, c.where);
    RequireEvent(c.start, c.where, what + " start");
    for (const std::string& s : c.stop) RequireEvent(s, c.where, what + " stop");
    if (c.every.amount <= 0)
      Error(c.where, "impossible_deadline",
            what + " recurs every " + c.every.ToString() + ": it must recur after a positive span");
    CheckMatches(c.satisfied_by, what, c.where);
    CheckApplicability(c.applies, c.where);
  }

  void CheckCondition(const StateCondition& s, const std::string& what, const SourceLocation& at) {
    const SourceLocation& where = Where(s.where, at);
    const EventDecl* e = RequireEvent(s.event, where, what);
    if (s.test == StateTest::kActive) {
      if (s.until.empty())
        Error(where, "bad_condition", what + ": active needs until = \"<event>\"");
      else
        RequireEvent(s.until, where, what + " until");
    }
    if (e && s.min_value && e->value_kind != EventValueKind::kInteger)
      Error(where, "bad_condition", what + ": min_value needs an integer event");
    if (e && !s.codes.empty() && e->value_kind != EventValueKind::kCode)
      Error(where, "bad_condition", what + ": codes need a code event");
  }

  void CheckIndicator(const Indicator& i) {
    const std::string what = "indicator '" + i.id + "'";
    CheckLabel(i.label, what, i.where);
    if (i.domain.empty() && i.theme.empty())
      Error(i.where, "missing_domain", what + " reports under a domain or theme");
    CheckSource(i.source, what, i.where);
    const Population& p = i.population;
    const SourceLocation& pat = Where(p.where, i.where);
    if (p.cohort_event.empty())
      Error(pat, "bad_population", what + " population needs cohort_event");
    else
      RequireEvent(p.cohort_event, pat, what + " cohort_event");
    if (p.cohort_from && p.cohort_to && *p.cohort_to < *p.cohort_from)
      Error(pat, "impossible_deadline", what + " cohort ends before it starts");
    if (p.min_residence || p.max_residence) {
      if (p.residence_event.empty())
        Error(pat, "bad_population", what + " residence bounds need residence_event");
      else
        RequireEvent(p.residence_event, pat, what + " residence_event");
    }
    if (p.min_age && p.max_age && *p.min_age > *p.max_age)
      Error(pat, "impossible_applicability", what + " min_age is above max_age");
    if (!p.milestone_applies.empty() && !FindMilestone(p.milestone_applies))
      Error(pat, "unknown_milestone",
            what + " refers to milestone '" + p.milestone_applies + "', not in this pack");
    const Measure& m = i.measure;
    const SourceLocation& mat = Where(m.where, i.where);
    if (m.kind == MeasureKind::kState) {
      if (m.any.empty() && m.all.empty() && m.none.empty())
        Error(mat, "bad_measure", what + " state measure needs any, all or none conditions");
      for (const auto* list : {&m.any, &m.all, &m.none})
        for (const StateCondition& s : *list) CheckCondition(s, what + " measure", mat);
    } else if (!FindMilestone(m.milestone)) {
      Error(mat, "unknown_milestone",
            what + " measures milestone '" + m.milestone + "', not in this pack");
    }
    if (i.target_percent && !(*i.target_percent > 0 && *i.target_percent <= 100))
      Error(i.where, "bad_target", what + " target must be a percentage above 0 and at most 100");
    if (i.period_to < i.period_from)
      Error(i.where, "impossible_deadline", what + " reporting period ends before it starts");
  }

  const Milestone* FindMilestone(const std::string& id) const {
    for (const Milestone& m : pack_.milestones)
      if (m.id == id) return &m;
    return nullptr;
  }

  const Pack& pack_;
  std::vector<PolicyError> errors_;
};

bool SameEvent(const EventDecl& a, const EventDecl& b) {
  return a.kind == b.kind && a.value_kind == b.value_kind && a.code_list == b.code_list &&
         a.requires_reason == b.requires_reason &&
         (a.kind != EventKind::kPersonField || a.person_field == b.person_field) &&
         (a.kind != EventKind::kDerived ||
          (a.derived_from == b.derived_from && a.pick == b.pick && a.offset == b.offset));
}

bool SameCodes(const CodeList& a, const CodeList& b) {
  if (a.codes.size() != b.codes.size() || a.outcome != b.outcome) return false;
  for (size_t i = 0; i < a.codes.size(); ++i)
    if (a.codes[i].code != b.codes[i].code) return false;
  return true;
}

std::string PackName(const Pack& p) { return p.id + " v" + std::to_string(p.version); }

}  // namespace

bool IsValidPolicyId(std::string_view id, bool allow_dash) {
  if (id.empty() || id.size() > 100 || !IsLower(id.front())) return false;
  char prev = 0;
  for (char c : id) {
    bool ok = IsLower(c) || IsDigit(c) || c == '_' || c == '.' || (allow_dash && c == '-');
    if (!ok) return false;
    if ((c == '.' || c == '-') && (prev == '.' || prev == '-')) return false;
    prev = c;
  }
  return prev != '.' && prev != '-';
}

std::vector<PolicyError> ValidatePack(const Pack& pack) { return PackChecker(pack).Run(); }

std::vector<PolicyError> ValidatePackSet(const std::vector<Pack>& packs) {
  std::vector<PolicyError> errors;
  for (const Pack& p : packs) {
    std::vector<PolicyError> own = ValidatePack(p);
    errors.insert(errors.end(), own.begin(), own.end());
  }
  std::vector<PolicyError> across = ValidateAcrossPacks(packs);
  errors.insert(errors.end(), across.begin(), across.end());
  return errors;
}

std::vector<PolicyError> ValidateAcrossPacks(const std::vector<Pack>& packs) {
  std::vector<PolicyError> errors;
  // Versions of one pack id.
  for (size_t i = 0; i < packs.size(); ++i) {
    for (size_t j = i + 1; j < packs.size(); ++j) {
      const Pack& a = packs[i];
      const Pack& b = packs[j];
      if (a.id != b.id) continue;
      if (a.version == b.version)
        errors.push_back({b.where, "duplicate_version",
                          "pack " + b.id + " version " + std::to_string(b.version) +
                              " is defined twice (also in " + a.where.ToString() + ")"});
      bool a_before_b = a.valid_to && *a.valid_to < b.valid_from;
      bool b_before_a = b.valid_to && *b.valid_to < a.valid_from;
      if (!a_before_b && !b_before_a)
        errors.push_back({b.where, "overlapping_validity",
                          PackName(b) + " (valid from " + b.valid_from.ToString() + ") overlaps " +
                              PackName(a) + " (" + a.where.ToString() +
                              "): versions of one pack must not overlap"});
      if (a.version_anchor != b.version_anchor)
        errors.push_back({b.where, "inconsistent_version_anchor",
                          "all versions of pack " + b.id + " must share one version_anchor"});
    }
  }
  // Rule ids across different packs; declarations across packs.
  struct Owner {
    const Pack* pack;
    SourceLocation where;
  };
  std::map<std::string, Owner> rules;
  std::map<std::string, std::pair<const Pack*, const EventDecl*>> events;
  std::map<std::string, std::pair<const Pack*, const CodeList*>> lists;
  auto rule = [&](const Pack& p, const std::string& id, const SourceLocation& where) {
    auto [it, inserted] = rules.try_emplace(id, Owner{&p, where});
    if (!inserted && it->second.pack->id != p.id)
      errors.push_back({where, "duplicate_id",
                        "rule id '" + id + "' is also defined by pack " + it->second.pack->id +
                            " (" + it->second.where.ToString() + ")"});
  };
  for (const Pack& p : packs) {
    for (const Milestone& m : p.milestones) rule(p, m.id, m.where);
    for (const Cadence& c : p.cadences) rule(p, c.id, c.where);
    for (const Indicator& i : p.indicators) rule(p, i.id, i.where);
    for (const EventDecl& e : p.events) {
      auto [it, inserted] = events.try_emplace(e.id, &p, &e);
      if (!inserted && !SameEvent(*it->second.second, e))
        errors.push_back({e.where, "conflicting_declaration",
                          "event '" + e.id + "' is declared differently by " +
                              PackName(*it->second.first) + " (" +
                              it->second.second->where.ToString() + ")"});
    }
    for (const CodeList& l : p.code_lists) {
      auto [it, inserted] = lists.try_emplace(l.id, &p, &l);
      if (!inserted && !SameCodes(*it->second.second, l))
        errors.push_back(
            {l.where, "conflicting_declaration",
             "code list '" + l.id + "' has other codes in " + PackName(*it->second.first)});
    }
  }
  return errors;
}

Status ErrorsToStatus(const std::vector<PolicyError>& errors) {
  if (errors.empty()) return Status::Ok();
  std::vector<FieldError> fields;
  std::string message;
  for (const PolicyError& e : errors) {
    fields.push_back({e.where.ToString(), e.code});
    if (!message.empty()) message += "\n";
    message += e.ToString();
  }
  return InvalidArgument("policy_pack_invalid", std::move(message), std::move(fields));
}

}  // namespace regie::core::policy
