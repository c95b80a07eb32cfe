#include "core/casework/contact.h"

#include <set>

#include "core/codes.h"
#include "core/text.h"

namespace regie::core {

std::vector<FieldError> ValidateContact(const ContactData& c, Date today) {
  std::vector<FieldError> errors;
  auto add = [&errors](std::string field, std::string code) {
    errors.push_back({std::move(field), std::move(code)});
  };
  if (c.household_id <= 0) add("household_id", "invalid_reference");
  if (c.date > today)
    add("date", "date_in_future");
  else if (c.date.year() < kOldestContactYear)
    add("date", "date_too_early");

  if (c.participants.size() > kMaxContactParticipants) add("participants", "too_many");
  for (size_t i = 0; i < c.participants.size(); ++i) {
    const std::string& p = c.participants[i];
    std::string field = "participants/" + std::to_string(i);
    if (!IsCleanText(p))
      add(field, "invalid_text");
    else if (Trim(p).empty())
      add(field, "required");
    else if (p.size() > kMaxContactParticipantLength)
      add(field, "too_long");
  }

  if (c.interpreter_language) {
    if (!c.interpreter)
      add("interpreter_language", "only_with_interpreter");
    else if (!IsLanguageCode(*c.interpreter_language))
      add("interpreter_language", "unknown_language");
  }

  std::set<int64_t> seen;
  for (size_t i = 0; i < c.person_ids.size(); ++i) {
    std::string field = "person_ids/" + std::to_string(i);
    if (c.person_ids[i] <= 0)
      add(field, "invalid_reference");
    else if (!seen.insert(c.person_ids[i]).second)
      add(field, "duplicate");
  }

  if (!IsCleanText(c.note, /*multiline=*/true))
    add("note", "invalid_text");
  else if (c.note.size() > kMaxContactNote)
    add("note", "too_long");
  return errors;
}

void NormaliseContact(ContactData& c) {
  for (std::string& p : c.participants) p = Trim(p);
  if (c.interpreter_language) {
    *c.interpreter_language = Trim(*c.interpreter_language);
    // An empty language field in a form means "not stated".
    if (c.interpreter_language->empty()) c.interpreter_language.reset();
  }
  c.note = Trim(c.note);
}

std::string JoinParticipants(const std::vector<std::string>& participants) {
  std::string out;
  for (size_t i = 0; i < participants.size(); ++i) {
    if (i > 0) out.push_back('\n');
    out += participants[i];
  }
  return out;
}

std::vector<std::string> SplitParticipants(const std::string& joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  size_t start = 0;
  for (size_t nl = joined.find('\n'); nl != std::string::npos; nl = joined.find('\n', start)) {
    out.push_back(joined.substr(start, nl - start));
    start = nl + 1;
  }
  out.push_back(joined.substr(start));
  return out;
}

std::vector<std::string_view> ContactEvents(ContactType type) {
  if (type == ContactType::kDriegesprek) return {"voortgangscontact", "driegesprek"};
  return {"voortgangscontact"};
}

}  // namespace regie::core
