#include "packs/toml_pack.h"

#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <utility>

#include "core/access/access_model.h"
#include "core/enums.h"
#include "core/policy/validation.h"

namespace regie::packs {
namespace {

using core::Date;
using core::policy::Applicability;
using core::policy::Cadence;
using core::policy::Code;
using core::policy::CodeList;
using core::policy::Duration;
using core::policy::EventDecl;
using core::policy::EventKind;
using core::policy::EventMatch;
using core::policy::EventValueKind;
using core::policy::ExtensionRule;
using core::policy::FieldCondition;
using core::policy::Indicator;
using core::policy::LocalizedText;
using core::policy::Measure;
using core::policy::MeasureKind;
using core::policy::Milestone;
using core::policy::Pack;
using core::policy::PersonDateField;
using core::policy::PolicyError;
using core::policy::Population;
using core::policy::Requirement;
using core::policy::SourceLocation;
using core::policy::SourceRef;
using core::policy::StateCondition;
using core::policy::StateTest;
using core::policy::WarmHandoverTemplate;

using Keys = std::initializer_list<std::string_view>;

// Reads one parsed TOML document into a Pack, collecting every problem with
// its position. Missing optional keys keep the model's defaults.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  std::vector<PolicyError>& errors() { return errors_; }

  SourceLocation Loc(const toml::source_region& r) const {
    return {file_, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
  }
  SourceLocation Loc(const toml::node& n) const { return Loc(n.source()); }

  void Error(const SourceLocation& where, std::string code, std::string message) {
    errors_.push_back({where, std::move(code), std::move(message)});
  }

  // Unknown keys are errors: a misspelt key must never be silently ignored,
  // or a policy officer believes a rule says what it does not.
  void CheckKeys(const toml::table& t, Keys allowed, const std::string& context) {
    for (auto&& [key, value] : t) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      std::string message = "unknown key '";
      message += key.str();
      message += "' in ";
      message += context;
      message += " (allowed: ";
      message += list;
      message += ")";
      Error(Loc(key.source()), "unknown_key", std::move(message));
    }
  }

  const toml::node* Get(const toml::table& t, std::string_view key, bool required,
                        const std::string& context) {
    const toml::node* n = t.get(key);
    if (!n && required) Error(Loc(t), "missing_key", context + " needs '" + std::string(key) + "'");
    return n;
  }

  std::string String(const toml::table& t, std::string_view key, bool required,
                     const std::string& context) {
    const toml::node* n = Get(t, key, required, context);
    if (!n) return {};
    if (const auto* s = n->as_string()) return s->get();
    Error(Loc(*n), "bad_type", context + ": '" + std::string(key) + "' must be a string");
    return {};
  }

  std::optional<int64_t> Integer(const toml::table& t, std::string_view key, int64_t min,
                                 int64_t max, const std::string& context) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    const auto* i = n->as_integer();
    if (!i) {
      Error(Loc(*n), "bad_type", context + ": '" + std::string(key) + "' must be an integer");
      return std::nullopt;
    }
    if (i->get() < min || i->get() > max) {
      Error(Loc(*n), "bad_value",
            context + ": '" + std::string(key) + "' must lie between " + std::to_string(min) +
                " and " + std::to_string(max));
      return std::nullopt;
    }
    return i->get();
  }

  std::optional<bool> Bool(const toml::table& t, std::string_view key, const std::string& context) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    Error(Loc(*n), "bad_type", context + ": '" + std::string(key) + "' must be true or false");
    return std::nullopt;
  }

  Requirement Require(const toml::table& t, std::string_view key, const std::string& context) {
    std::optional<bool> b = Bool(t, key, context);
    if (!b) return Requirement::kAny;
    return *b ? Requirement::kYes : Requirement::kNo;
  }

  std::optional<Date> DateValue(const toml::node& n, const std::string& what) {
    if (const auto* d = n.as_date()) {
      const toml::date& v = d->get();
      if (auto date = Date::FromYmd(v.year, v.month, v.day)) return date;
    }
    Error(Loc(n), "bad_date", what + " must be a date such as 2017-10-01 (without quotes)");
    return std::nullopt;
  }

  std::optional<Date> DateKey(const toml::table& t, std::string_view key, bool required,
                              const std::string& context) {
    const toml::node* n = Get(t, key, required, context);
    if (!n) return std::nullopt;
    return DateValue(*n, context + ": '" + std::string(key) + "'");
  }

  std::optional<Duration> DurationValue(const toml::node& n, const std::string& what) {
    if (const auto* s = n.as_string()) {
      if (auto d = core::policy::ParseDuration(s->get())) return d;
      Error(Loc(n), "bad_duration",
            what + ": '" + s->get() +
                "' is not a duration; write \"<n> days|weeks|months|years\", e.g. \"10 weeks\"");
      return std::nullopt;
    }
    Error(Loc(n), "bad_duration", what + " must be a string such as \"6 months\"");
    return std::nullopt;
  }

  std::optional<Duration> DurationKey(const toml::table& t, std::string_view key, bool required,
                                      const std::string& context) {
    const toml::node* n = Get(t, key, required, context);
    if (!n) return std::nullopt;
    return DurationValue(*n, context + ": '" + std::string(key) + "'");
  }

  std::vector<std::string> Strings(const toml::table& t, std::string_view key,
                                   const std::string& context) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (const auto* s = n->as_string()) {  // one string stands for a list of one
      out.push_back(s->get());
      return out;
    }
    const auto* a = n->as_array();
    if (!a) {
      Error(Loc(*n), "bad_type",
            context + ": '" + std::string(key) + "' must be a list of strings");
      return out;
    }
    for (const toml::node& item : *a) {
      if (const auto* s = item.as_string())
        out.push_back(s->get());
      else
        Error(Loc(item), "bad_type", context + ": '" + std::string(key) + "' holds a non-string");
    }
    return out;
  }

  // Iterates an array of tables (or of inline tables).
  template <typename Fn>
  void Tables(const toml::table& t, std::string_view key, const std::string& context, Fn fn) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto* a = n->as_array();
    if (!a) {
      Error(Loc(*n), "bad_type", context + ": '" + std::string(key) + "' must be a list of tables");
      return;
    }
    for (const toml::node& item : *a) {
      if (const auto* tbl = item.as_table())
        fn(*tbl);
      else
        Error(Loc(item), "bad_type", context + ": '" + std::string(key) + "' holds a non-table");
    }
  }

  const toml::table* Table(const toml::table& t, std::string_view key, bool required,
                           const std::string& context) {
    const toml::node* n = Get(t, key, required, context);
    if (!n) return nullptr;
    if (const auto* tbl = n->as_table()) return tbl;
    Error(Loc(*n), "bad_type", context + ": '" + std::string(key) + "' must be a table { ... }");
    return nullptr;
  }

  LocalizedText Label(const toml::table& t, std::string_view key, const std::string& context) {
    LocalizedText out;
    const toml::table* l = Table(t, key, true, context);
    if (!l) return out;
    CheckKeys(*l, {"nl", "en"}, context + " " + std::string(key));
    out.nl = String(*l, "nl", true, context + " " + std::string(key));
    out.en = String(*l, "en", true, context + " " + std::string(key));
    return out;
  }

  SourceRef Source(const toml::table& t, const std::string& context) {
    SourceRef out;
    // A missing source is reported by validation (missing_source) with the
    // rule's position; here only its shape is checked.
    const toml::node* n = t.get("source");
    if (!n) return out;
    const toml::table* s = n->as_table();
    if (!s) {
      Error(Loc(*n), "bad_type", context + ": source must be { document = ..., section = ... }");
      return out;
    }
    CheckKeys(*s, {"document", "section"}, context + " source");
    out.document = String(*s, "document", false, context + " source");
    out.section = String(*s, "section", false, context + " source");
    return out;
  }

  std::vector<EventMatch> Matches(const toml::table& t, std::string_view key,
                                  const std::string& context) {
    std::vector<EventMatch> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    auto one = [&](const toml::node& item) {
      EventMatch m;
      m.where = Loc(item);
      if (const auto* s = item.as_string()) {
        m.event = s->get();
      } else if (const auto* tbl = item.as_table()) {
        CheckKeys(*tbl, {"event", "min_value"}, context + " " + std::string(key));
        m.event = String(*tbl, "event", true, context + " " + std::string(key));
        if (auto v = Integer(*tbl, "min_value", -1'000'000, 1'000'000, context))
          m.min_value = static_cast<int32_t>(*v);
      } else {
        Error(Loc(item), "bad_type", context + ": an event id or { event = ..., min_value = ... }");
        return;
      }
      out.push_back(std::move(m));
    };
    if (const auto* a = n->as_array()) {
      for (const toml::node& item : *a) one(item);
    } else {
      one(*n);
    }
    return out;
  }

  Applicability Applies(const toml::table& t, const std::string& context) {
    Applicability a;
    const toml::table* tbl = Table(t, "applies", false, context);
    if (!tbl) return a;
    const std::string ctx = context + " applies";
    a.where = Loc(*tbl);
    CheckKeys(*tbl,
              {"min_age", "max_age", "roles", "inburgeringsplichtig", "leerplichtig",
               "family_reunification", "literacy", "learning_routes", "fields"},
              ctx);
    if (auto v = Integer(*tbl, "min_age", 0, 130, ctx)) a.min_age = static_cast<int>(*v);
    if (auto v = Integer(*tbl, "max_age", 0, 130, ctx)) a.max_age = static_cast<int>(*v);
    a.roles = Strings(*tbl, "roles", ctx);
    a.inburgeringsplichtig = Require(*tbl, "inburgeringsplichtig", ctx);
    a.leerplichtig = Require(*tbl, "leerplichtig", ctx);
    a.family_reunification = Require(*tbl, "family_reunification", ctx);
    a.literacy = Strings(*tbl, "literacy", ctx);
    a.learning_routes = Strings(*tbl, "learning_routes", ctx);
    Tables(*tbl, "fields", ctx, [&](const toml::table& f) {
      FieldCondition c;
      c.where = Loc(f);
      CheckKeys(f, {"field", "in"}, ctx + " fields");
      c.field = String(f, "field", true, ctx + " fields");
      c.values = Strings(f, "in", ctx + " fields");
      a.fields.push_back(std::move(c));
    });
    return a;
  }

  void ReadEvent(const toml::table& t, Pack& pack) {
    EventDecl e;
    e.where = Loc(t);
    const std::string ctx = "event";
    CheckKeys(t,
              {"id", "label", "kind", "field", "value", "code_list", "unit", "requires_reason",
               "from", "pick", "offset"},
              ctx);
    e.id = String(t, "id", true, ctx);
    const std::string c = ctx + " '" + e.id + "'";
    e.label = Label(t, "label", c);
    std::string kind = String(t, "kind", false, c);
    if (kind.empty() || kind == "recorded") {
      e.kind = EventKind::kRecorded;
    } else if (kind == "person") {
      e.kind = EventKind::kPersonField;
      std::string field = String(t, "field", true, c);
      if (field == "birth_date")
        e.person_field = PersonDateField::kBirthDate;
      else if (field == "permit_date")
        e.person_field = PersonDateField::kPermitDate;
      else if (field == "koppeling_date")
        e.person_field = PersonDateField::kKoppelingDate;
      else if (field == "housing_date")
        e.person_field = PersonDateField::kHousingDate;
      else if (!field.empty())
        Error(Loc(*t.get("field")), "bad_value",
              c + ": field must be birth_date, permit_date, koppeling_date or housing_date");
    } else if (kind == "derived") {
      e.kind = EventKind::kDerived;
      e.derived_from = Strings(t, "from", c);
      std::string pick = String(t, "pick", false, c);
      if (pick == "latest")
        e.pick = core::policy::DerivedPick::kLatest;
      else if (!pick.empty() && pick != "earliest")
        Error(Loc(*t.get("pick")), "bad_value", c + ": pick must be earliest or latest");
      if (auto d = DurationKey(t, "offset", false, c)) e.offset = *d;
    } else {
      Error(Loc(*t.get("kind")), "bad_value", c + ": kind must be recorded, person or derived");
    }
    std::string value = String(t, "value", false, c);
    if (value == "integer")
      e.value_kind = EventValueKind::kInteger;
    else if (value == "code")
      e.value_kind = EventValueKind::kCode;
    else if (!value.empty())
      Error(Loc(*t.get("value")), "bad_value", c + ": value must be integer or code");
    if (e.value_kind != EventValueKind::kNone && e.kind != EventKind::kRecorded)
      Error(e.where, "bad_value", c + ": only recorded events carry a value");
    e.code_list = String(t, "code_list", e.value_kind == EventValueKind::kCode, c);
    e.unit = String(t, "unit", false, c);
    e.requires_reason = Bool(t, "requires_reason", c).value_or(false);
    pack.events.push_back(std::move(e));
  }

  void ReadCodeList(const toml::table& t, Pack& pack) {
    CodeList l;
    l.where = Loc(t);
    CheckKeys(t, {"id", "label", "outcome", "codes", "source"}, "code list");
    l.id = String(t, "id", true, "code list");
    const std::string c = "code list '" + l.id + "'";
    l.label = Label(t, "label", c);
    l.outcome = Bool(t, "outcome", c).value_or(false);
    l.source = Source(t, c);
    Tables(t, "codes", c, [&](const toml::table& code) {
      CheckKeys(code, {"code", "nl", "en", "follow_up"}, c + " codes");
      Code out;
      out.code = String(code, "code", true, c + " codes");
      out.label.nl = String(code, "nl", true, c + " codes");
      out.label.en = String(code, "en", true, c + " codes");
      out.follow_up = String(code, "follow_up", false, c + " codes");
      l.codes.push_back(std::move(out));
    });
    pack.code_lists.push_back(std::move(l));
  }

  void ReadMilestone(const toml::table& t, Pack& pack) {
    Milestone m;
    m.where = Loc(t);
    CheckKeys(t,
              {"id", "label", "domain", "anchor", "deadline", "applies", "satisfied_by",
               "extensions", "exemptions", "source", "note"},
              "milestone");
    m.id = String(t, "id", true, "milestone");
    const std::string c = "milestone '" + m.id + "'";
    m.label = Label(t, "label", c);
    m.domain = String(t, "domain", true, c);
    m.anchor = String(t, "anchor", true, c);
    if (const toml::node* d = Get(t, "deadline", true, c)) {
      m.deadline.where = Loc(*d);
      if (d->is_date())
        m.deadline.on = DateValue(*d, c + " deadline");
      else
        m.deadline.after = DurationValue(*d, c + " deadline");
    }
    m.applies = Applies(t, c);
    m.satisfied_by = Matches(t, "satisfied_by", c);
    Tables(t, "extensions", c, [&](const toml::table& x) {
      CheckKeys(x, {"event", "by", "max_times"}, c + " extensions");
      ExtensionRule rule;
      rule.where = Loc(x);
      rule.event = String(x, "event", true, c + " extensions");
      if (auto d = DurationKey(x, "by", true, c + " extensions")) rule.by = *d;
      if (auto n = Integer(x, "max_times", 1, 100, c + " extensions"))
        rule.max_times = static_cast<int>(*n);
      m.extensions.push_back(std::move(rule));
    });
    m.exemptions = Strings(t, "exemptions", c);
    m.source = Source(t, c);
    m.note = String(t, "note", false, c);
    pack.milestones.push_back(std::move(m));
  }

  void ReadCadence(const toml::table& t, Pack& pack) {
    Cadence cd;
    cd.where = Loc(t);
    CheckKeys(t,
              {"id", "label", "domain", "start", "stop", "every", "satisfied_by", "applies",
               "source", "note"},
              "cadence");
    cd.id = String(t, "id", true, "cadence");
    const std::string c = "cadence '" + cd.id + "'";
    cd.label = Label(t, "label", c);
    cd.domain = String(t, "domain", true, c);
    cd.start = String(t, "start", true, c);
    cd.stop = Strings(t, "stop", c);
    if (auto d = DurationKey(t, "every", true, c)) cd.every = *d;
    cd.satisfied_by = Matches(t, "satisfied_by", c);
    cd.applies = Applies(t, c);
    cd.source = Source(t, c);
    cd.note = String(t, "note", false, c);
    pack.cadences.push_back(std::move(cd));
  }

  // `[warm_handovers.<id>]`: keyed like the field-categories file's
  // `[plan_domains.<code>]`, so a municipality's pack reads as a list of
  // named templates.
  void ReadHandovers(const toml::table& root, Pack& pack) {
    const toml::node* n = root.get("warm_handovers");
    if (!n) return;
    const toml::table* all = n->as_table();
    if (!all) {
      Error(Loc(*n), "bad_type", "pack: 'warm_handovers' must be tables [warm_handovers.<id>]");
      return;
    }
    for (auto&& [key, value] : *all) {
      WarmHandoverTemplate h;
      h.id = std::string(key.str());
      h.where = Loc(key.source());
      const std::string c = "handover '" + h.id + "'";
      const toml::table* t = value.as_table();
      if (!t) {
        Error(Loc(value), "bad_type", c + " must be a table");
        continue;
      }
      CheckKeys(*t,
                {"label", "from", "to", "package", "checklist", "response_days", "retention_days",
                 "source"},
                c);
      h.label = Label(*t, "label", c);
      h.from_kinds = Strings(*t, "from", c);
      h.to_kinds = Strings(*t, "to", c);
      h.package = Strings(*t, "package", c);
      auto check = [&](const std::vector<std::string>& codes, std::string_view what, bool kind) {
        if (codes.empty()) Error(h.where, "missing_key", c + " needs '" + std::string(what) + "'");
        for (const std::string& code : codes) {
          const bool known = kind ? core::ParseEnum<core::OrganisationKind>(code).has_value()
                                  : core::ParseEnum<core::DataCategory>(code).has_value();
          if (known) continue;
          std::string message = c;
          message += kind ? ": unknown organisation kind '" : ": unknown data category '";
          message += code;
          message += "' in '";
          message += what;
          message += "'";
          Error(h.where, "bad_value", std::move(message));
        }
      };
      check(h.from_kinds, "from", true);
      check(h.to_kinds, "to", true);
      check(h.package, "package", false);
      Tables(*t, "checklist", c, [&](const toml::table& item) {
        CheckKeys(item, {"nl", "en"}, c + " checklist");
        h.checklist.push_back({String(item, "nl", true, c + " checklist"),
                               String(item, "en", true, c + " checklist")});
      });
      h.response_days =
          static_cast<int>(Integer(*t, "response_days", 0, 90, c).value_or(h.response_days));
      h.retention_days =
          static_cast<int>(Integer(*t, "retention_days", 0, 365, c).value_or(h.retention_days));
      h.source = Source(*t, c);
      pack.warm_handovers.push_back(std::move(h));
    }
  }

  std::vector<StateCondition> Conditions(const toml::table& t, std::string_view key,
                                         const std::string& context) {
    std::vector<StateCondition> out;
    Tables(t, key, context, [&](const toml::table& s) {
      const std::string c = context + " " + std::string(key);
      CheckKeys(s, {"has", "active", "until", "latest", "min_value", "codes"}, c);
      StateCondition cond;
      cond.where = Loc(s);
      int tests = 0;
      if (s.get("has")) {
        cond.test = StateTest::kHas;
        cond.event = String(s, "has", true, c);
        ++tests;
      }
      if (s.get("active")) {
        cond.test = StateTest::kActive;
        cond.event = String(s, "active", true, c);
        cond.until = String(s, "until", false, c);
        ++tests;
      }
      if (s.get("latest")) {
        cond.test = StateTest::kLatest;
        cond.event = String(s, "latest", true, c);
        ++tests;
      }
      if (tests != 1)
        Error(cond.where, "bad_condition", c + ": write exactly one of has, active or latest");
      if (auto v = Integer(s, "min_value", -1'000'000, 1'000'000, c))
        cond.min_value = static_cast<int32_t>(*v);
      cond.codes = Strings(s, "codes", c);
      out.push_back(std::move(cond));
    });
    return out;
  }

  void ReadIndicator(const toml::table& t, Pack& pack) {
    Indicator ind;
    ind.where = Loc(t);
    CheckKeys(t,
              {"id", "label", "domain", "theme", "population", "measure", "target_percent",
               "period", "source", "note"},
              "indicator");
    ind.id = String(t, "id", true, "indicator");
    const std::string c = "indicator '" + ind.id + "'";
    ind.label = Label(t, "label", c);
    ind.domain = String(t, "domain", false, c);
    ind.theme = String(t, "theme", false, c);
    if (const toml::table* p = Table(t, "population", true, c)) {
      const std::string pc = c + " population";
      Population& pop = ind.population;
      pop.where = Loc(*p);
      CheckKeys(*p,
                {"cohort_event", "cohort_from", "cohort_to", "min_age", "max_age", "min_residence",
                 "max_residence", "residence_event", "milestone"},
                pc);
      pop.cohort_event = String(*p, "cohort_event", true, pc);
      pop.cohort_from = DateKey(*p, "cohort_from", false, pc);
      pop.cohort_to = DateKey(*p, "cohort_to", false, pc);
      if (auto v = Integer(*p, "min_age", 0, 130, pc)) pop.min_age = static_cast<int>(*v);
      if (auto v = Integer(*p, "max_age", 0, 130, pc)) pop.max_age = static_cast<int>(*v);
      pop.min_residence = DurationKey(*p, "min_residence", false, pc);
      pop.max_residence = DurationKey(*p, "max_residence", false, pc);
      pop.residence_event = String(*p, "residence_event", false, pc);
      pop.milestone_applies = String(*p, "milestone", false, pc);
    }
    if (const toml::table* m = Table(t, "measure", true, c)) {
      const std::string mc = c + " measure";
      Measure& measure = ind.measure;
      measure.where = Loc(*m);
      CheckKeys(*m, {"milestone_on_time", "milestone_met", "any", "all", "none"}, mc);
      if (m->get("milestone_on_time")) {
        measure.kind = MeasureKind::kMilestoneOnTime;
        measure.milestone = String(*m, "milestone_on_time", true, mc);
      } else if (m->get("milestone_met")) {
        measure.kind = MeasureKind::kMilestoneMet;
        measure.milestone = String(*m, "milestone_met", true, mc);
      } else {
        measure.kind = MeasureKind::kState;
        measure.any = Conditions(*m, "any", mc);
        measure.all = Conditions(*m, "all", mc);
        measure.none = Conditions(*m, "none", mc);
      }
    }
    if (const toml::node* n = t.get("target_percent")) {
      if (auto v = n->value<double>())
        ind.target_percent = *v;
      else
        Error(Loc(*n), "bad_type", c + ": target_percent must be a number such as 90");
    }
    if (const toml::table* p = Table(t, "period", true, c)) {
      CheckKeys(*p, {"from", "to"}, c + " period");
      if (auto d = DateKey(*p, "from", true, c + " period")) ind.period_from = *d;
      if (auto d = DateKey(*p, "to", true, c + " period")) ind.period_to = *d;
    }
    ind.source = Source(t, c);
    ind.note = String(t, "note", false, c);
    pack.indicators.push_back(std::move(ind));
  }

  Pack ReadPack(const toml::table& root) {
    Pack p;
    p.where = {file_, 1, 1};
    CheckKeys(root,
              {"id", "version", "title", "scope", "municipalities", "valid_from", "valid_to",
               "version_anchor", "source", "events", "code_lists", "milestones", "cadences",
               "indicators", "warm_handovers"},
              "pack");
    p.id = String(root, "id", true, "pack");
    if (const toml::node* id = root.get("id")) p.where = Loc(*id);
    p.version = static_cast<int>(Integer(root, "version", 1, 1'000'000, "pack").value_or(1));
    if (!root.get("version")) Error(p.where, "missing_key", "pack needs 'version'");
    p.title = Label(root, "title", "pack");
    std::string scope = String(root, "scope", true, "pack");
    if (scope == "municipality") {
      p.scope.national = false;
      if (!root.get("municipalities"))
        Error(p.where, "missing_key", "a municipal pack needs 'municipalities'");
      p.scope.municipalities = Strings(root, "municipalities", "pack");
    } else if (scope != "national" && !scope.empty()) {
      Error(Loc(*root.get("scope")), "bad_value", "pack scope must be national or municipality");
    } else if (root.get("municipalities")) {
      Error(Loc(*root.get("municipalities")), "bad_value",
            "a national pack names no municipalities");
    }
    if (auto d = DateKey(root, "valid_from", true, "pack")) p.valid_from = *d;
    p.valid_to = DateKey(root, "valid_to", false, "pack");
    p.version_anchor = String(root, "version_anchor", true, "pack");
    p.source = Source(root, "pack");
    Tables(root, "code_lists", "pack", [&](const toml::table& t) { ReadCodeList(t, p); });
    Tables(root, "events", "pack", [&](const toml::table& t) { ReadEvent(t, p); });
    Tables(root, "milestones", "pack", [&](const toml::table& t) { ReadMilestone(t, p); });
    Tables(root, "cadences", "pack", [&](const toml::table& t) { ReadCadence(t, p); });
    Tables(root, "indicators", "pack", [&](const toml::table& t) { ReadIndicator(t, p); });
    ReadHandovers(root, p);
    return p;
  }

 private:
  std::string file_;
  std::vector<PolicyError> errors_;
};

}  // namespace

ParsedPack ParsePackText(std::string_view text, const std::string& file_name) {
  ParsedPack out;
  Reader reader(file_name);
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    out.errors.push_back({reader.Loc(e.source()), "syntax_error", std::string(e.description())});
    return out;
  }
  out.pack = reader.ReadPack(root);
  out.errors = std::move(reader.errors());
  // Model checks only make sense on a pack that was read completely.
  if (out.errors.empty()) out.errors = core::policy::ValidatePack(out.pack);
  return out;
}

}  // namespace regie::packs
