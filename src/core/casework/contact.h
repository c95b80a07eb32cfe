#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/status.h"

// Contact moments (contactmomenten) of a household: who met whom, when and
// how. They are append-only records; recording one also feeds the policy
// cadences (voortgangscontact, driegesprek), see ContactEvents.
namespace regie::core {

enum class ContactType { kHuisbezoek, kGesprek, kTelefoon, kDriegesprek, kGroepsbijeenkomst };
template <>
struct EnumTraits<ContactType> {
  static constexpr std::array<std::pair<ContactType, std::string_view>, 5> kEntries{{
      {ContactType::kHuisbezoek, "huisbezoek"},
      {ContactType::kGesprek, "gesprek"},
      {ContactType::kTelefoon, "telefoon"},
      {ContactType::kDriegesprek, "driegesprek"},
      {ContactType::kGroepsbijeenkomst, "groepsbijeenkomst"},
  }};
};

inline constexpr size_t kMaxContactParticipants = 10;
inline constexpr size_t kMaxContactParticipantLength = 200;
inline constexpr size_t kMaxContactNote = 4000;
inline constexpr int kOldestContactYear = 2000;

// What the caller states about a contact. An empty person_ids means the
// contact concerns the whole household.
struct ContactData {
  int64_t household_id = 0;
  Date date;
  ContactType type = ContactType::kGesprek;
  std::vector<std::string> participants;  // free-text names or roles, one line each
  bool interpreter = false;
  std::optional<std::string> interpreter_language;  // ISO 639 (IsLanguageCode)
  std::vector<int64_t> person_ids;
  std::string note;  // data category `notities`
};

struct Contact {
  int64_t id = 0;
  int64_t tenant_id = 0;
  ContactData data;
  int64_t recorded_by = 0;  // user id
  Timestamp recorded_at;
};

// Checks a contact against the domain rules: date in [2000-01-01, today],
// at most kMaxContactParticipants one-line, non-empty participants of at
// most kMaxContactParticipantLength bytes, a known interpreter language
// only together with an interpreter, no duplicate or non-positive person
// ids, a note of at most kMaxContactNote bytes. Whether the persons belong
// to the household is the repository's check. Empty means valid.
std::vector<FieldError> ValidateContact(const ContactData& contact, Date today);

// Trims participants, the language and the note (call before validating,
// so "  " counts as empty).
void NormaliseContact(ContactData& contact);

// Participants are one line each (ValidateContact refuses line breaks), so
// storage keeps them newline-joined in one column; empty list = "".
std::string JoinParticipants(const std::vector<std::string>& participants);
std::vector<std::string> SplitParticipants(const std::string& joined);

// The policy events a contact of `type` records for each person it
// concerns: every contact is a voortgangscontact; a three-party talk is
// also a driegesprek.
std::vector<std::string_view> ContactEvents(ContactType type);

}  // namespace regie::core
