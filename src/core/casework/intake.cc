#include "core/casework/intake.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <utility>

#include "core/codes.h"
#include "core/text.h"
#include "core/validation.h"

namespace regie::core {
namespace {

using enum DataCategory;

std::string At(std::string_view part, size_t i, std::string_view field) {
  return std::string(part) + "/" + std::to_string(i) + "/" + std::string(field);
}

// One line (kMaxIntakeLine) or a multiline text (kMaxIntakeText).
void CheckText(const std::string& text, const std::string& field, bool multiline,
               std::vector<FieldError>& errors) {
  if (!IsCleanText(text, multiline))
    errors.push_back({field, "invalid_text"});
  else if (text.size() > (multiline ? kMaxIntakeText : kMaxIntakeLine))
    errors.push_back({field, "too_long"});
}

void CheckDate(const std::optional<Date>& date, const std::string& field, Date today,
               std::vector<FieldError>& errors) {
  if (!date) return;
  if (*date > today)
    errors.push_back({field, "date_in_future"});
  else if (date->year() < kOldestIntakeYear)
    errors.push_back({field, "date_too_early"});
}

void CheckCount(size_t n, const char* field, std::vector<FieldError>& errors) {
  if (n > kMaxIntakeEntries) errors.push_back({field, "too_many"});
}

std::optional<int64_t> ToInt(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

int SmallInt(std::string_view s) {
  std::optional<int64_t> v = ToInt(s);
  return v && *v >= -1000 && *v <= 1000 ? static_cast<int>(*v) : -1;
}

std::string Flag(bool b) { return b ? "1" : "0"; }

size_t DomainOrder(const PlanDomains& domains, std::string_view code) {
  const std::vector<PlanDomain>& all = domains.All();
  for (size_t i = 0; i < all.size(); ++i)
    if (all[i].code == code) return i;
  return all.size();
}

void SortEntries(IntakeContent& c, const PlanDomains& domains) {
  std::stable_sort(c.domains.begin(), c.domains.end(),
                   [&](const IntakeDomainEntry& a, const IntakeDomainEntry& b) {
                     return DomainOrder(domains, a.domain) < DomainOrder(domains, b.domain);
                   });
  std::stable_sort(c.noa.begin(), c.noa.end(), [](const NoaResult& a, const NoaResult& b) {
    return a.component < b.component;
  });
}

bool EmptyEntry(const IntakeDomainEntry& e) {
  return e.situation.empty() && e.wishes.empty() && e.obstacles.empty() && e.strengths.empty();
}

// Takes the submitted value of a fixed-category part when the caller may
// write it; otherwise keeps `current`, and a differing non-empty
// submission is an error.
template <typename T>
void MergePart(T& out, const T& current, const T& submitted, bool writable, const char* field,
               std::vector<FieldError>& errors) {
  if (writable) {
    out = submitted;
    return;
  }
  if (submitted != T{} && submitted != current) errors.push_back({field, "not_allowed"});
  out = current;
}

}  // namespace

DataCategory IntakePartCategory(IntakePart part) {
  switch (part) {
    case IntakePart::kGeneral:
    case IntakePart::kHealthScreening:
      return kBasis;
    case IntakePart::kEducation:
    case IntakePart::kLanguages:
    case IntakePart::kLearnability:
      return kInburgering;
    case IntakePart::kWork:
    case IntakePart::kInterests:
    case IntakePart::kAvailability:
      return kWerkInkomen;
    case IntakePart::kDomains:  // per entry; the part itself is basis
      return kBasis;
    case IntakePart::kHealthNotes:
      return kGezondheid;
    case IntakePart::kNoa:  // per entry
      return kBasis;
  }
  return kGezondheid;
}

DataCategory NoaCategory(NoaComponent component) {
  switch (component) {
    case NoaComponent::kPtss:
    case NoaComponent::kEmotioneleStabiliteit:
      return kGezondheid;
    case NoaComponent::kNederlandsToets:
    case NoaComponent::kEngelsToets:
    case NoaComponent::kLeerbaarheid:
      return kInburgering;
    case NoaComponent::kWerkmotivatie:
    case NoaComponent::kCompetenties:
      return kWerkInkomen;
    case NoaComponent::kZelfredzaamheid:
      return kBasis;
  }
  return kGezondheid;
}

CategorySet IntakeCategories(const IntakeContent& c, const PlanDomains& domains) {
  CategorySet out{kBasis};
  for (const IntakeDomainEntry& e : c.domains) out.Add(domains.CategoryOf(e.domain));
  if (!c.education.empty()) out.Add(IntakePartCategory(IntakePart::kEducation));
  if (!c.work.empty()) out.Add(IntakePartCategory(IntakePart::kWork));
  if (!c.languages.empty()) out.Add(IntakePartCategory(IntakePart::kLanguages));
  if (c.learnability) out.Add(IntakePartCategory(IntakePart::kLearnability));
  if (!c.interests.empty()) out.Add(IntakePartCategory(IntakePart::kInterests));
  if (c.availability_dagdelen) out.Add(IntakePartCategory(IntakePart::kAvailability));
  if (!c.health_notes.empty()) out.Add(IntakePartCategory(IntakePart::kHealthNotes));
  for (const NoaResult& n : c.noa) out.Add(NoaCategory(n.component));
  return out;
}

void NormaliseIntake(IntakeContent& c) {
  for (IntakeDomainEntry& e : c.domains) {
    e.domain = Trim(e.domain);
    for (std::string* s : {&e.situation, &e.wishes, &e.obstacles, &e.strengths}) *s = Trim(*s);
  }
  if (c.interpreter_language) *c.interpreter_language = Trim(*c.interpreter_language);
  for (EducationEntry& e : c.education) {
    e.country = Trim(e.country);
    e.description = Trim(e.description);
  }
  for (WorkExperience& w : c.work) {
    w.occupation = Trim(w.occupation);
    w.country = Trim(w.country);
    w.skills = Trim(w.skills);
  }
  for (LanguageLevel& l : c.languages) {
    l.language = Trim(l.language);
    l.source = Trim(l.source);
  }
  if (c.learnability) c.learnability->outcome = Trim(c.learnability->outcome);
  c.interests = Trim(c.interests);
  c.health_notes = Trim(c.health_notes);
  for (NoaResult& n : c.noa) {
    n.outcome = Trim(n.outcome);
    n.remark = Trim(n.remark);
  }
}

void CompactIntake(IntakeContent& c) { std::erase_if(c.domains, EmptyEntry); }

std::vector<FieldError> ValidateIntake(const IntakeContent& c, const IntakeContext& ctx) {
  std::vector<FieldError> errors;
  if (c.intake_date > ctx.today)
    errors.push_back({"intake_date", "date_in_future"});
  else if (c.intake_date.year() < kOldestIntakeYear)
    errors.push_back({"intake_date", "date_too_early"});
  else if (AgeOn(ctx.birth_date, c.intake_date) < kAdultAge)
    errors.push_back({"intake_date", "intake_minor"});

  if (c.participants.size() > kMaxIntakeParticipants)
    errors.push_back({"participants", "too_many"});
  std::set<int64_t> users;
  for (size_t i = 0; i < c.participants.size(); ++i) {
    const IntakeParticipant& p = c.participants[i];
    if (p.user_id <= 0)
      errors.push_back({At("participants", i, "user_id"), "invalid_reference"});
    else if (!users.insert(p.user_id).second)
      errors.push_back({At("participants", i, "user_id"), "duplicate"});
    if (p.organisation_id <= 0)
      errors.push_back({At("participants", i, "organisation_id"), "invalid_reference"});
  }
  if (c.interpreter && (!c.interpreter_language || c.interpreter_language->empty()))
    errors.push_back({"interpreter_language", "required"});
  else if (c.interpreter && !IsLanguageCode(*c.interpreter_language))
    errors.push_back({"interpreter_language", "unknown_code"});
  else if (!c.interpreter && c.interpreter_language && !c.interpreter_language->empty())
    errors.push_back({"interpreter_language", "only_with_interpreter"});

  CheckCount(c.domains.size(), "domains", errors);
  std::set<std::string_view> seen;
  for (size_t i = 0; i < c.domains.size(); ++i) {
    const IntakeDomainEntry& e = c.domains[i];
    if (ctx.domains == nullptr || !ctx.domains->Knows(e.domain))
      errors.push_back({At("domains", i, "domain"), "unknown_code"});
    else if (!seen.insert(e.domain).second)
      errors.push_back({At("domains", i, "domain"), "duplicate"});
    CheckText(e.situation, At("domains", i, "situation"), true, errors);
    CheckText(e.wishes, At("domains", i, "wishes"), true, errors);
    CheckText(e.obstacles, At("domains", i, "obstacles"), true, errors);
    CheckText(e.strengths, At("domains", i, "strengths"), true, errors);
  }

  CheckCount(c.education.size(), "education", errors);
  for (size_t i = 0; i < c.education.size(); ++i) {
    const EducationEntry& e = c.education[i];
    if (e.country.empty())
      errors.push_back({At("education", i, "country"), "required"});
    else if (!IsCountryCode(e.country))
      errors.push_back({At("education", i, "country"), "unknown_code"});
    CheckText(e.description, At("education", i, "description"), false, errors);
    if (e.valuation_requested && !e.diploma)
      errors.push_back({At("education", i, "valuation_requested"), "needs_diploma"});
  }

  CheckCount(c.work.size(), "work", errors);
  for (size_t i = 0; i < c.work.size(); ++i) {
    const WorkExperience& w = c.work[i];
    if (w.occupation.empty())
      errors.push_back({At("work", i, "occupation"), "required"});
    else
      CheckText(w.occupation, At("work", i, "occupation"), false, errors);
    if (!w.country.empty() && !IsCountryCode(w.country))
      errors.push_back({At("work", i, "country"), "unknown_code"});
    if (w.years < 0 || w.years > kMaxWorkYears)
      errors.push_back({At("work", i, "years"), "out_of_range"});
    CheckText(w.skills, At("work", i, "skills"), true, errors);
  }

  CheckCount(c.languages.size(), "languages", errors);
  std::set<std::pair<std::string, LanguageSkill>> skills;
  for (size_t i = 0; i < c.languages.size(); ++i) {
    const LanguageLevel& l = c.languages[i];
    if (!IsLanguageCode(l.language))
      errors.push_back({At("languages", i, "language"), "unknown_code"});
    else if (!skills.insert({l.language, l.skill}).second)
      errors.push_back({At("languages", i, "skill"), "duplicate"});
    CheckDate(l.test_date, At("languages", i, "test_date"), ctx.today, errors);
    CheckText(l.source, At("languages", i, "source"), false, errors);
  }

  if (c.learnability) {
    if (c.learnability->outcome.empty())
      errors.push_back({"learnability/outcome", "required"});
    else
      CheckText(c.learnability->outcome, "learnability/outcome", false, errors);
    CheckDate(c.learnability->date, "learnability/date", ctx.today, errors);
  }
  CheckText(c.interests, "interests", true, errors);
  if (c.availability_dagdelen &&
      (*c.availability_dagdelen < 0 || *c.availability_dagdelen > kMaxDagdelen))
    errors.push_back({"availability_dagdelen", "out_of_range"});
  if (c.health_screening.date && c.health_screening.done != true)
    errors.push_back({"health_screening/date", "only_with_screening"});
  CheckDate(c.health_screening.date, "health_screening/date", ctx.today, errors);
  CheckText(c.health_notes, "health_notes", true, errors);

  CheckCount(c.noa.size(), "noa", errors);
  std::set<NoaComponent> components;
  for (size_t i = 0; i < c.noa.size(); ++i) {
    const NoaResult& n = c.noa[i];
    if (!components.insert(n.component).second)
      errors.push_back({At("noa", i, "component"), "duplicate"});
    if (n.outcome.empty())
      errors.push_back({At("noa", i, "outcome"), "required"});
    else
      CheckText(n.outcome, At("noa", i, "outcome"), false, errors);
    CheckDate(n.date, At("noa", i, "date"), ctx.today, errors);
    CheckText(n.remark, At("noa", i, "remark"), true, errors);
  }
  return errors;
}

std::vector<FieldError> ValidateIntakeComplete(const IntakeContent& c) {
  std::vector<FieldError> errors;
  if (c.participants.empty()) errors.push_back({"participants", "required"});
  if (!c.health_screening.done) errors.push_back({"health_screening/done", "required"});
  return errors;
}

StatusOr<IntakeContent> MergeIntake(const IntakeContent& current, IntakeContent submitted,
                                    const CategorySet& writable, bool general,
                                    const PlanDomains& domains) {
  std::vector<FieldError> errors;
  IntakeContent out;
  if (general) {
    out.intake_date = submitted.intake_date;
    out.participants = std::move(submitted.participants);
    out.interpreter = submitted.interpreter;
    out.interpreter_language = std::move(submitted.interpreter_language);
  } else {
    // The joint intake's frame is the case holder's; a partner sends it
    // back as they got it.
    if (submitted.intake_date != current.intake_date)
      errors.push_back({"intake_date", "not_allowed"});
    if (submitted.participants != current.participants)
      errors.push_back({"participants", "not_allowed"});
    if (submitted.interpreter != current.interpreter ||
        submitted.interpreter_language.value_or("") != current.interpreter_language.value_or(""))
      errors.push_back({"interpreter", "not_allowed"});
    out.intake_date = current.intake_date;
    out.participants = current.participants;
    out.interpreter = current.interpreter;
    out.interpreter_language = current.interpreter_language;
  }

  auto may = [&](IntakePart part) { return writable.Has(IntakePartCategory(part)); };
  MergePart(out.education, current.education, submitted.education, may(IntakePart::kEducation),
            "education", errors);
  MergePart(out.work, current.work, submitted.work, may(IntakePart::kWork), "work", errors);
  MergePart(out.languages, current.languages, submitted.languages, may(IntakePart::kLanguages),
            "languages", errors);
  MergePart(out.learnability, current.learnability, submitted.learnability,
            may(IntakePart::kLearnability), "learnability", errors);
  MergePart(out.interests, current.interests, submitted.interests, may(IntakePart::kInterests),
            "interests", errors);
  MergePart(out.availability_dagdelen, current.availability_dagdelen,
            submitted.availability_dagdelen, may(IntakePart::kAvailability),
            "availability_dagdelen", errors);
  MergePart(out.health_screening, current.health_screening, submitted.health_screening,
            may(IntakePart::kHealthScreening), "health_screening", errors);
  MergePart(out.health_notes, current.health_notes, submitted.health_notes,
            may(IntakePart::kHealthNotes), "health_notes", errors);

  // Domains and NOA components: per entry, by its category.
  for (size_t i = 0; i < submitted.domains.size(); ++i) {
    IntakeDomainEntry& e = submitted.domains[i];
    if (writable.Has(domains.CategoryOf(e.domain))) {
      out.domains.push_back(std::move(e));
      continue;
    }
    auto same = std::find(current.domains.begin(), current.domains.end(), e);
    if (same == current.domains.end())
      errors.push_back({At("domains", i, "domain"), "not_allowed"});
  }
  for (const IntakeDomainEntry& e : current.domains)
    if (!writable.Has(domains.CategoryOf(e.domain))) out.domains.push_back(e);
  for (size_t i = 0; i < submitted.noa.size(); ++i) {
    NoaResult& n = submitted.noa[i];
    if (writable.Has(NoaCategory(n.component))) {
      out.noa.push_back(std::move(n));
      continue;
    }
    auto same = std::find(current.noa.begin(), current.noa.end(), n);
    if (same == current.noa.end()) errors.push_back({At("noa", i, "component"), "not_allowed"});
  }
  for (const NoaResult& n : current.noa)
    if (!writable.Has(NoaCategory(n.component))) out.noa.push_back(n);
  if (!errors.empty()) return ValidationFailed(std::move(errors));
  SortEntries(out, domains);
  return out;
}

IntakeView FilterIntake(const IntakeContent& c, const CategorySet& visible,
                        const PlanDomains& domains) {
  IntakeView v;
  IntakeContent& out = v.content;
  auto sees = [&](IntakePart part) {
    if (visible.Has(IntakePartCategory(part))) return true;
    v.hidden_parts.push_back(part);
    return false;
  };
  if (sees(IntakePart::kGeneral)) {
    out.intake_date = c.intake_date;
    out.participants = c.participants;
    out.interpreter = c.interpreter;
    out.interpreter_language = c.interpreter_language;
  }
  for (const IntakeDomainEntry& e : c.domains) {
    if (visible.Has(domains.CategoryOf(e.domain)))
      out.domains.push_back(e);
    else
      ++v.hidden_domains;
  }
  if (sees(IntakePart::kEducation)) out.education = c.education;
  if (sees(IntakePart::kWork)) out.work = c.work;
  if (sees(IntakePart::kLanguages)) out.languages = c.languages;
  if (sees(IntakePart::kLearnability)) out.learnability = c.learnability;
  if (sees(IntakePart::kInterests)) out.interests = c.interests;
  if (sees(IntakePart::kAvailability)) out.availability_dagdelen = c.availability_dagdelen;
  if (sees(IntakePart::kHealthScreening)) out.health_screening = c.health_screening;
  if (sees(IntakePart::kHealthNotes)) out.health_notes = c.health_notes;
  for (const NoaResult& n : c.noa) {
    if (visible.Has(NoaCategory(n.component)))
      out.noa.push_back(n);
    else
      ++v.hidden_noa;
  }
  return v;
}

std::vector<IntakeItem> ToIntakeItems(const IntakeContent& c) {
  std::vector<IntakeItem> items;
  auto add = [&](std::string_view part, size_t pos, std::string_view field, std::string value) {
    if (!value.empty())
      items.push_back(
          {std::string(part), static_cast<int>(pos), std::string(field), std::move(value)});
  };
  for (size_t i = 0; i < c.participants.size(); ++i) {
    add("participants", i, "user_id", std::to_string(c.participants[i].user_id));
    add("participants", i, "organisation_id", std::to_string(c.participants[i].organisation_id));
  }
  for (size_t i = 0; i < c.domains.size(); ++i) {
    const IntakeDomainEntry& e = c.domains[i];
    add("domains", i, "domain", e.domain);
    add("domains", i, "situation", e.situation);
    add("domains", i, "wishes", e.wishes);
    add("domains", i, "obstacles", e.obstacles);
    add("domains", i, "strengths", e.strengths);
  }
  for (size_t i = 0; i < c.education.size(); ++i) {
    const EducationEntry& e = c.education[i];
    add("education", i, "country", e.country);
    add("education", i, "level", std::string(ToCode(e.level)));
    add("education", i, "description", e.description);
    add("education", i, "diploma", Flag(e.diploma));
    add("education", i, "valuation_requested", Flag(e.valuation_requested));
  }
  for (size_t i = 0; i < c.work.size(); ++i) {
    const WorkExperience& w = c.work[i];
    add("work", i, "occupation", w.occupation);
    add("work", i, "country", w.country);
    add("work", i, "years", std::to_string(w.years));
    add("work", i, "skills", w.skills);
  }
  for (size_t i = 0; i < c.languages.size(); ++i) {
    const LanguageLevel& l = c.languages[i];
    add("languages", i, "language", l.language);
    add("languages", i, "skill", std::string(ToCode(l.skill)));
    add("languages", i, "level", std::string(ToCode(l.level)));
    add("languages", i, "test_date", l.test_date ? l.test_date->ToString() : "");
    add("languages", i, "source", l.source);
  }
  if (c.learnability) {
    add("learnability", 0, "instrument", std::string(ToCode(c.learnability->instrument)));
    add("learnability", 0, "outcome", c.learnability->outcome);
    add("learnability", 0, "date", c.learnability->date ? c.learnability->date->ToString() : "");
  }
  add("interests", 0, "text", c.interests);
  if (c.availability_dagdelen)
    add("availability", 0, "dagdelen", std::to_string(*c.availability_dagdelen));
  if (c.health_screening.done) add("health_screening", 0, "done", Flag(*c.health_screening.done));
  if (c.health_screening.date)
    add("health_screening", 0, "date", c.health_screening.date->ToString());
  add("health_notes", 0, "text", c.health_notes);
  for (size_t i = 0; i < c.noa.size(); ++i) {
    const NoaResult& n = c.noa[i];
    add("noa", i, "component", std::string(ToCode(n.component)));
    add("noa", i, "outcome", n.outcome);
    add("noa", i, "date", n.date ? n.date->ToString() : "");
    add("noa", i, "remark", n.remark);
  }
  return items;
}

void FromIntakeItems(const std::vector<IntakeItem>& items, IntakeContent& c) {
  // part -> position -> field -> value; positions come back in order.
  std::map<std::string, std::map<int, std::map<std::string, std::string>>> parts;
  for (const IntakeItem& it : items) parts[it.part][it.position][it.field] = it.value;
  auto get = [](const std::map<std::string, std::string>& f, const char* key) {
    auto it = f.find(key);
    return it == f.end() ? std::string() : it->second;
  };
  auto date = [&](const std::map<std::string, std::string>& f, const char* key) {
    return Date::Parse(get(f, key));
  };
  for (const auto& [pos, f] : parts["participants"])
    c.participants.push_back(
        {ToInt(get(f, "user_id")).value_or(0), ToInt(get(f, "organisation_id")).value_or(0)});
  for (const auto& [pos, f] : parts["domains"])
    c.domains.push_back({get(f, "domain"), get(f, "situation"), get(f, "wishes"),
                         get(f, "obstacles"), get(f, "strengths")});
  for (const auto& [pos, f] : parts["education"])
    c.education.push_back(
        {get(f, "country"), ParseEnum<EducationLevel>(get(f, "level")).value_or(EducationLevel{}),
         get(f, "description"), get(f, "diploma") == "1", get(f, "valuation_requested") == "1"});
  for (const auto& [pos, f] : parts["work"])
    c.work.push_back(
        {get(f, "occupation"), get(f, "country"), SmallInt(get(f, "years")), get(f, "skills")});
  for (const auto& [pos, f] : parts["languages"])
    c.languages.push_back({get(f, "language"),
                           ParseEnum<LanguageSkill>(get(f, "skill")).value_or(LanguageSkill{}),
                           ParseEnum<CefrLevel>(get(f, "level")).value_or(CefrLevel{}),
                           date(f, "test_date"), get(f, "source")});
  for (const auto& [pos, f] : parts["learnability"])
    c.learnability = Learnability{
        ParseEnum<LearnabilityInstrument>(get(f, "instrument")).value_or(LearnabilityInstrument{}),
        get(f, "outcome"), date(f, "date")};
  for (const auto& [pos, f] : parts["interests"]) c.interests = get(f, "text");
  for (const auto& [pos, f] : parts["availability"])
    if (std::string d = get(f, "dagdelen"); !d.empty()) c.availability_dagdelen = SmallInt(d);
  for (const auto& [pos, f] : parts["health_screening"]) {
    if (std::string d = get(f, "done"); !d.empty()) c.health_screening.done = d == "1";
    c.health_screening.date = date(f, "date");
  }
  for (const auto& [pos, f] : parts["health_notes"]) c.health_notes = get(f, "text");
  for (const auto& [pos, f] : parts["noa"]) {
    std::optional<NoaComponent> component = ParseEnum<NoaComponent>(get(f, "component"));
    if (!component) continue;  // a component this build does not know
    c.noa.push_back({*component, get(f, "outcome"), date(f, "date"), get(f, "remark")});
  }
}

}  // namespace regie::core
