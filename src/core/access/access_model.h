#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/enums.h"

namespace regie::core {

// What a user may be; a user may hold several roles.
enum class Role {
  kRegisseur,     // case director: the full plan of the households they direct
  kBegeleider,    // maatschappelijke begeleiding: households assigned to them
  kPartner,       // worker of a partner organisation: shared categories only
  kVrijwilliger,  // volunteer: names, contact and shared tasks; may file a signal
  kBeleid,        // policy officer: aggregates only, never a person
  kBeheer,        // functional admin: users, organisations, configuration
  kAuditor,       // privacy officer: the audit log, no case content
};
inline constexpr size_t kRoleCount = 7;

// The data categories every person field and record type belongs to. The
// special category `gezondheid` (AVG art. 9) and `jeugd`/`justitie` are never
// shared by default.
enum class DataCategory {
  kBasis,
  kContact,
  kInburgering,
  kWerkInkomen,
  kFinancien,
  kGezondheid,
  kJeugd,
  kJustitie,
  kNotities,
};
inline constexpr size_t kCategoryCount = 9;

// What a user does to a resource; `kExport` covers downloads and reports.
enum class Action { kRead, kCreate, kUpdate, kArchive, kExport };

// AVG art. 6 grounds a sharing basis can rest on.
enum class LegalBasis { kToestemming, kWettelijkeTaak, kOvereenkomst };

template <>
struct EnumTraits<Role> {
  static constexpr std::array<std::pair<Role, std::string_view>, kRoleCount> kEntries{{
      {Role::kRegisseur, "regisseur"},
      {Role::kBegeleider, "begeleider"},
      {Role::kPartner, "partner"},
      {Role::kVrijwilliger, "vrijwilliger"},
      {Role::kBeleid, "beleid"},
      {Role::kBeheer, "beheer"},
      {Role::kAuditor, "auditor"},
  }};
};
template <>
struct EnumTraits<DataCategory> {
  static constexpr std::array<std::pair<DataCategory, std::string_view>, kCategoryCount> kEntries{{
      {DataCategory::kBasis, "basis"},
      {DataCategory::kContact, "contact"},
      {DataCategory::kInburgering, "inburgering"},
      {DataCategory::kWerkInkomen, "werk_inkomen"},
      {DataCategory::kFinancien, "financien"},
      {DataCategory::kGezondheid, "gezondheid"},
      {DataCategory::kJeugd, "jeugd"},
      {DataCategory::kJustitie, "justitie"},
      {DataCategory::kNotities, "notities"},
  }};
};
template <>
struct EnumTraits<Action> {
  static constexpr std::array<std::pair<Action, std::string_view>, 5> kEntries{{
      {Action::kRead, "read"},
      {Action::kCreate, "create"},
      {Action::kUpdate, "update"},
      {Action::kArchive, "archive"},
      {Action::kExport, "export"},
  }};
};
template <>
struct EnumTraits<LegalBasis> {
  static constexpr std::array<std::pair<LegalBasis, std::string_view>, 3> kEntries{{
      {LegalBasis::kToestemming, "toestemming"},
      {LegalBasis::kWettelijkeTaak, "wettelijke_taak"},
      {LegalBasis::kOvereenkomst, "overeenkomst"},
  }};
};

// A small set of enum values, stored as a bit set; its text form is the
// comma-separated codes in enum order ("basis,gezondheid"), as in the
// database and in JSON arrays.
template <typename E, size_t N>
class EnumSet {
 public:
  constexpr EnumSet() = default;
  constexpr EnumSet(std::initializer_list<E> values) {
    for (E v : values) Add(v);
  }
  static EnumSet All() {
    EnumSet s;
    s.bits_.set();
    return s;
  }
  void Add(E v) { bits_.set(static_cast<size_t>(v)); }
  void Remove(E v) { bits_.reset(static_cast<size_t>(v)); }
  bool Has(E v) const { return bits_.test(static_cast<size_t>(v)); }
  bool Empty() const { return bits_.none(); }
  EnumSet Union(const EnumSet& o) const { return EnumSet(bits_ | o.bits_); }
  EnumSet Intersect(const EnumSet& o) const { return EnumSet(bits_ & o.bits_); }
  bool Contains(const EnumSet& o) const { return (o.bits_ & ~bits_).none(); }
  std::vector<E> Values() const {
    std::vector<E> out;
    for (const auto& [v, code] : EnumTraits<E>::kEntries)
      if (Has(v)) out.push_back(v);
    return out;
  }
  std::vector<std::string> Codes() const {
    std::vector<std::string> out;
    for (const auto& [v, code] : EnumTraits<E>::kEntries)
      if (Has(v)) out.emplace_back(code);
    return out;
  }
  std::string ToString() const {
    std::string out;
    for (const std::string& c : Codes()) out += (out.empty() ? "" : ",") + c;
    return out;
  }
  // nullopt when a code is unknown; "" is the empty set.
  static std::optional<EnumSet> Parse(std::string_view text) {
    EnumSet s;
    while (!text.empty()) {
      size_t comma = text.find(',');
      std::optional<E> v = ParseEnum<E>(text.substr(0, comma));
      if (!v) return std::nullopt;
      s.Add(*v);
      text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return s;
  }
  friend bool operator==(const EnumSet&, const EnumSet&) = default;

 private:
  explicit EnumSet(std::bitset<N> bits) : bits_(bits) {}
  std::bitset<N> bits_;
};

using RoleSet = EnumSet<Role, kRoleCount>;
using CategorySet = EnumSet<DataCategory, kCategoryCount>;

// The roles that carry a municipality's own authority: directing its cases,
// its policy figures, its administration and its audit log. A user holds
// them only for the home municipality of their organisation; a regional
// organisation's users serve other municipalities too, and those never
// decided to give them that authority (docs/access.md).
RoleSet MunicipalRoles();

// The roles of `roles` that count in `tenant_id` for a user whose
// organisation is at home in `home_tenant_id`: outside the home tenant the
// municipal roles do not.
RoleSet RolesIn(const RoleSet& roles, int64_t home_tenant_id, int64_t tenant_id);

// The authenticated user behind a request.
struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  int64_t organisation_id = 0;
  OrganisationKind organisation_kind = OrganisationKind::kOther;
  // Tenants the user's organisation serves: its own municipality, or several
  // for a regional partner. Never empty for an active user.
  std::vector<int64_t> tenant_ids;
  // The organisation's own municipality, the only tenant where the
  // municipal roles count.
  int64_t home_tenant_id = 0;
  // For a request about one tenant, only the roles that count there
  // (ActingIn); the account's roles otherwise.
  RoleSet roles;

  bool Has(Role r) const { return roles.Has(r); }
  // Whether the user holds `r` and it counts in `tenant_id`.
  bool HasIn(Role r, int64_t tenant_id) const {
    return RolesIn(roles, home_tenant_id, tenant_id).Has(r);
  }
  bool Serves(int64_t tenant_id) const;
  // The principal as it acts in `tenant_id`: its roles narrowed to RolesIn.
  // Narrowing twice keeps only what counts in both tenants.
  Principal ActingIn(int64_t tenant_id) const;
};

// A record that lets an organisation see categories of one person's data:
// consent (toestemming), a legal task or an agreement. It works from `given`
// until `expires` (exclusive) and stops the moment it is withdrawn.
struct SharingBasis {
  int64_t id = 0;
  int64_t tenant_id = 0;
  int64_t person_id = 0;
  int64_t organisation_id = 0;  // the receiving organisation
  CategorySet categories;
  std::string purpose;
  LegalBasis legal_basis = LegalBasis::kToestemming;
  Date given;
  std::optional<Date> expires;
  std::optional<Timestamp> withdrawn_at;
  int64_t recorded_by = 0;
  std::string consent_text;  // typed, or a reference to the scanned form

  bool ActiveAt(Timestamp now) const;
};

// A 24-hour emergency opening of a household outside the user's
// relationship, with the reason the user typed. Always flagged in the audit
// log and shown to auditors.
struct BreakGlassGrant {
  int64_t user_id = 0;
  int64_t household_id = 0;
  std::string reason;
  Timestamp opened_at;
  Timestamp expires_at;
};

}  // namespace regie::core
