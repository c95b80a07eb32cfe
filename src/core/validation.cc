#include "core/validation.h"

#include <algorithm>
#include <string>

#include "core/codes.h"
#include "core/text.h"

namespace regie::core {
namespace {

constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxTextLength = 500;
constexpr int kOldestBirthYear = 1900;
constexpr size_t kMaxLanguages = 20;

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Collector {
 public:
  explicit Collector(std::string_view prefix) : prefix_(prefix) {}
  void Add(std::string_view field, std::string_view code) {
    errors_.push_back({prefix_ + std::string(field), std::string(code)});
  }
  std::vector<FieldError> Take() { return std::move(errors_); }

 private:
  std::string prefix_;
  std::vector<FieldError> errors_;
};

void CheckName(Collector& c, std::string_view field, const std::string& value, bool required) {
  std::string trimmed = Trim(value);
  if (!IsCleanText(value))
    c.Add(field, "invalid_text");
  else if (required && trimmed.empty())
    c.Add(field, "required");
  else if (trimmed.size() > kMaxNameLength)
    c.Add(field, "too_long");
}

void CheckText(Collector& c, std::string_view field, const std::string& value,
               bool multiline = false) {
  if (!IsCleanText(value, multiline))
    c.Add(field, "invalid_text");
  else if (value.size() > kMaxTextLength)
    c.Add(field, "too_long");
}

}  // namespace

bool IsValidBsn(std::string_view bsn) {
  if (bsn.size() != 9 || !AllDigits(bsn) || bsn == "000000000") return false;
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) sum += (9 - static_cast<int>(i)) * (bsn[i] - '0');
  sum -= bsn[8] - '0';
  return sum % 11 == 0;
}

bool IsValidPostalCode(std::string_view pc) {
  std::string compact;
  for (char ch : pc)
    if (ch != ' ') compact.push_back(ch);
  if (compact.size() != 6 || compact[0] == '0' ||
      !AllDigits(std::string_view(compact).substr(0, 4)))
    return false;
  auto letter = [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'); };
  return letter(compact[4]) && letter(compact[5]);
}

std::vector<FieldError> ValidatePerson(const PersonData& p, Date today, std::string_view prefix) {
  Collector c(prefix);
  CheckName(c, "given_names", p.given_names, true);
  CheckName(c, "family_name", p.family_name, true);

  bool birth_ok = false;
  if (p.birth_date > today)
    c.Add("birth_date", "date_in_future");
  else if (p.birth_date.year() < kOldestBirthYear)
    c.Add("birth_date", "date_too_early");
  else
    birth_ok = true;

  if (!IsCountryCode(p.nationality)) c.Add("nationality", "unknown_country");
  if (p.languages.size() > kMaxLanguages) c.Add("languages", "too_many");
  for (size_t i = 0; i < p.languages.size(); ++i)
    if (!IsLanguageCode(p.languages[i]))
      c.Add("languages/" + std::to_string(i), "unknown_language");

  if (p.bsn && !IsValidBsn(*p.bsn)) c.Add("bsn", "bsn_invalid");
  if (p.v_number && (p.v_number->size() != 10 || !AllDigits(*p.v_number)))
    c.Add("v_number", "v_number_invalid");

  // Dates of the asylum route: none before birth, none in the future, and the
  // order permit <= koppeling, permit <= housing that the process implies.
  auto check_route_date = [&](std::string_view field, const std::optional<Date>& d) {
    if (!d) return true;
    if (*d > today) {
      c.Add(field, "date_in_future");
      return false;
    }
    // Only against a plausible birth date: one wrong field, one message.
    if (birth_ok && *d < p.birth_date) {
      c.Add(field, "date_before_birth");
      return false;
    }
    return true;
  };
  bool permit_ok = check_route_date("permit_date", p.permit_date);
  bool koppeling_ok = check_route_date("koppeling_date", p.koppeling_date);
  bool housing_ok = check_route_date("housing_date", p.housing_date);
  if (permit_ok && koppeling_ok && p.permit_date && p.koppeling_date &&
      *p.koppeling_date < *p.permit_date)
    c.Add("koppeling_date", "koppeling_before_permit");
  if (permit_ok && housing_ok && p.permit_date && p.housing_date &&
      *p.housing_date < *p.permit_date)
    c.Add("housing_date", "housing_before_permit");

  const Address& a = p.address;
  CheckText(c, "address/street", a.street);
  CheckText(c, "address/house_number", a.house_number);
  CheckText(c, "address/city", a.city);
  CheckText(c, "address/wijk", a.wijk);
  CheckText(c, "address/kern", a.kern);
  if (!a.postal_code.empty() && !IsValidPostalCode(a.postal_code))
    c.Add("address/postal_code", "postal_code_invalid");

  if (p.inburgeringsplicht == InburgeringPlicht::kExempt && Trim(p.exemption_reason).empty())
    c.Add("exemption_reason", "required_when_exempt");
  if (p.inburgeringsplicht != InburgeringPlicht::kExempt && !Trim(p.exemption_reason).empty())
    c.Add("exemption_reason", "only_when_exempt");
  CheckText(c, "exemption_reason", p.exemption_reason, /*multiline=*/true);
  return c.Take();
}

std::vector<FieldError> ValidateHousehold(const HouseholdData& h, std::string_view prefix) {
  Collector c(prefix);
  CheckName(c, "name", h.name, true);
  if (h.regisseur_user_id <= 0) c.Add("regisseur_user_id", "required");
  for (size_t i = 0; i < h.involved_organisations.size(); ++i)
    if (h.involved_organisations[i] <= 0)
      c.Add("involved_organisations/" + std::to_string(i), "invalid_reference");
  return c.Take();
}

void NormalisePerson(PersonData& p) {
  p.given_names = Trim(p.given_names);
  p.family_name = Trim(p.family_name);
  p.exemption_reason = Trim(p.exemption_reason);
  std::sort(p.languages.begin(), p.languages.end());
  p.languages.erase(std::unique(p.languages.begin(), p.languages.end()), p.languages.end());
  Address& a = p.address;
  for (std::string* s : {&a.street, &a.house_number, &a.city, &a.wijk, &a.kern}) *s = Trim(*s);
  if (IsValidPostalCode(a.postal_code)) {
    std::string compact;
    for (char ch : a.postal_code)
      if (ch != ' ') compact.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch);
    a.postal_code = compact.substr(0, 4) + " " + compact.substr(4);
  }
}

void NormaliseHousehold(HouseholdData& h) {
  h.name = Trim(h.name);
  auto& orgs = h.involved_organisations;
  std::sort(orgs.begin(), orgs.end());
  orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
}

Status ValidationFailed(std::vector<FieldError> errors) {
  return InvalidArgument("validation_failed", "request failed validation", std::move(errors));
}

}  // namespace regie::core
