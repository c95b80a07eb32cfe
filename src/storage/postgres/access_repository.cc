// Relationships to households: assignments, sharing bases, break-the-glass,
// and the facts the access policy decides on.
#include <unordered_set>

#include "storage/postgres/postgres_access_repositories.h"

namespace regie::storage::postgres {
namespace {

#define BASIS_COLUMNS                                                                           \
  "SELECT id, tenant_id, person_id, organisation_id, categories, purpose, legal_basis, given, " \
  "expires, withdrawn_at, recorded_by, consent_text FROM sharing_bases"

constexpr std::string_view kBasisById = BASIS_COLUMNS " WHERE id = $1 AND tenant_id = $2";
constexpr std::string_view kBasesOfPerson = BASIS_COLUMNS " WHERE person_id = $1 ORDER BY id";
// Every basis of every member, withdrawn and expired ones too: the policy
// decides which are active at the request's time.
constexpr std::string_view kBasesOfHousehold = BASIS_COLUMNS
    " WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1) ORDER BY id";
#undef BASIS_COLUMNS

// Whether organisation o serves tenant $2 (for statements that bind it so).
#define SERVES_TENANT_2                                                \
  "(o.tenant_id = $2 OR EXISTS (SELECT 1 FROM organisation_tenants t " \
  "WHERE t.organisation_id = o.id AND t.tenant_id = $2))"

constexpr std::string_view kUsersServing =
    "SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id "
    "WHERE u.id = ANY($1::bigint[]) AND " SERVES_TENANT_2;
constexpr std::string_view kBasisReferences =
    "SELECT EXISTS (SELECT 1 FROM persons WHERE id = $1 AND tenant_id = $2), "
    "EXISTS (SELECT 1 FROM organisations o WHERE o.id = $3 AND " SERVES_TENANT_2
    "), "
    "EXISTS (SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id "
    "WHERE u.id = $4 AND " SERVES_TENANT_2 ")";
#undef SERVES_TENANT_2

core::SharingBasis ReadBasis(const Result& r, int row) {
  core::SharingBasis b;
  b.id = r.Int(row, 0);
  b.tenant_id = r.Int(row, 1);
  b.person_id = r.Int(row, 2);
  b.organisation_id = r.Int(row, 3);
  b.categories = core::CategorySet::Parse(r.Text(row, 4)).value_or(core::CategorySet());
  b.purpose = r.Text(row, 5);
  b.legal_basis =
      core::ParseEnum<core::LegalBasis>(r.Text(row, 6)).value_or(core::LegalBasis::kToestemming);
  b.given = core::Date::Parse(r.Text(row, 7)).value_or(core::Date());
  if (auto d = r.OptText(row, 8)) b.expires = core::Date::Parse(*d);
  if (!r.IsNull(row, 9)) b.withdrawn_at = core::Timestamp{r.Int(row, 9)};
  b.recorded_by = r.Int(row, 10);
  b.consent_text = r.Text(row, 11);
  return b;
}

std::string_view KindCode(ports::AssignmentKind kind) {
  return kind == ports::AssignmentKind::kBegeleider ? "begeleider" : "vrijwilliger";
}

std::optional<std::string> OptDate(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

Status PersonNotFound() { return NotFound("person_not_found", "no such person in this tenant"); }
Status HouseholdNotFound() {
  return NotFound("household_not_found", "no such household in this tenant");
}

}  // namespace

StatusOr<core::HouseholdFacts> PgAccess::Facts(int64_t tenant_id, int64_t household_id,
                                               int64_t user_id) {
  core::HouseholdFacts f;
  f.tenant_id = tenant_id;
  f.household_id = household_id;
  {
    REGIE_ASSIGN_OR_RETURN(
        Result h,
        conn_.Exec("SELECT coalesce(h.regisseur_user_id, 0), "
                   "ARRAY(SELECT user_id FROM household_assignments WHERE household_id = h.id "
                   "AND kind = 'begeleider' ORDER BY user_id), "
                   "ARRAY(SELECT user_id FROM household_assignments WHERE household_id = h.id "
                   "AND kind = 'vrijwilliger' ORDER BY user_id), "
                   "ARRAY(SELECT organisation_id FROM household_organisations "
                   "WHERE household_id = h.id ORDER BY organisation_id), h.archived "
                   "FROM households h WHERE h.id = $1 AND h.tenant_id = $2",
                   Params().Add(household_id).Add(tenant_id)));
    if (h.rows() == 0) return HouseholdNotFound();
    f.regisseur_user_id = h.Int(0, 0);
    f.begeleider_ids = h.IdArray(0, 1);
    f.vrijwilliger_ids = h.IdArray(0, 2);
    f.involved_organisations = h.IdArray(0, 3);
    f.archived = h.Bool(0, 4);
  }
  {
    REGIE_ASSIGN_OR_RETURN(Result b, conn_.Exec(kBasesOfHousehold, Params().Add(household_id)));
    f.bases.reserve(static_cast<size_t>(b.rows()));
    for (int i = 0; i < b.rows(); ++i) f.bases.push_back(ReadBasis(b, i));
  }
  REGIE_ASSIGN_OR_RETURN(
      Result g, conn_.Exec("SELECT reason, opened_at, expires_at FROM break_glass "
                           "WHERE user_id = $1 AND household_id = $2 ORDER BY opened_at, id",
                           Params().Add(user_id).Add(household_id)));
  for (int i = 0; i < g.rows(); ++i)
    f.break_glass.push_back({user_id, household_id, g.Text(i, 0), core::Timestamp{g.Int(i, 1)},
                             core::Timestamp{g.Int(i, 2)}});
  // Accepted and completed referrals: what they give their receiver (the
  // policy decides whether the retention after completion still runs).
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT r.id, r.to_organisation_id, r.package, r.completed_at, "
                           "r.retention_days, ARRAY(SELECT rp.person_id FROM referral_persons rp "
                           "WHERE rp.referral_id = r.id ORDER BY rp.person_id)::bigint[] "
                           "FROM referrals r WHERE r.household_id = $1 AND "
                           "r.state IN ('geaccepteerd', 'afgerond') ORDER BY r.id",
                           Params().Add(household_id)));
  for (int i = 0; i < r.rows(); ++i) {
    core::ReferralGrant grant;
    grant.referral_id = r.Int(i, 0);
    grant.organisation_id = r.Int(i, 1);
    grant.package = core::CategorySet::Parse(r.Text(i, 2)).value_or(core::CategorySet());
    if (!r.IsNull(i, 3)) grant.completed_at = core::Timestamp{r.Int(i, 3)};
    grant.retention_days = static_cast<int>(r.Int(i, 4));
    grant.person_ids = r.IdArray(i, 5);
    f.referrals.push_back(std::move(grant));
  }
  return f;
}

StatusOr<int64_t> PgAccess::HouseholdOfPerson(int64_t tenant_id, int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec("SELECT household_id FROM persons WHERE id = $1 "
                                              "AND tenant_id = $2",
                                              Params().Add(person_id).Add(tenant_id)));
  if (r.rows() == 0) return PersonNotFound();
  return r.Int(0, 0);
}

Status PgAccess::SetAssignments(int64_t tenant_id, int64_t household_id, ports::AssignmentKind kind,
                                const std::vector<int64_t>& user_ids) {
  {
    // The household's row lock orders two replacements of the same list
    // (otherwise both delete, both insert, and the result is their union)
    // and is taken before any member row, as every household writer does.
    REGIE_ASSIGN_OR_RETURN(Result h, conn_.Exec("SELECT archived FROM households "
                                                "WHERE id = $1 AND tenant_id = $2 "
                                                "FOR NO KEY UPDATE",
                                                Params().Add(household_id).Add(tenant_id)));
    if (h.rows() == 0) return HouseholdNotFound();
    if (h.Bool(0, 0)) return FailedPrecondition("household_archived", "household is archived");
  }
  if (!user_ids.empty()) {
    REGIE_ASSIGN_OR_RETURN(Result r,
                           conn_.Exec(kUsersServing, Params().AddIdArray(user_ids).Add(tenant_id)));
    std::unordered_set<int64_t> serving;
    for (int i = 0; i < r.rows(); ++i) serving.insert(r.Int(i, 0));
    // Field names as in the assignments request body.
    const std::string field =
        kind == ports::AssignmentKind::kBegeleider ? "begeleiders/" : "vrijwilligers/";
    std::vector<FieldError> errors;
    for (size_t i = 0; i < user_ids.size(); ++i) {
      if (!serving.contains(user_ids[i]))
        errors.push_back({field + std::to_string(i), "invalid_reference"});
    }
    if (!errors.empty())
      return InvalidArgument("validation_failed", "user does not serve the tenant",
                             std::move(errors));
  }
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("DELETE FROM household_assignments "
                                  "WHERE household_id = $1 AND kind = $2",
                                  Params().Add(household_id).Add(KindCode(kind)))
                            .status());
  if (user_ids.empty()) return Status::Ok();
  return conn_
      .Exec(
          "INSERT INTO household_assignments (household_id, user_id, kind) "
          "SELECT $1::bigint, unnest($2::bigint[]), $3::text ON CONFLICT DO NOTHING",
          Params().Add(household_id).AddIdArray(user_ids).Add(KindCode(kind)))
      .status();
}

StatusOr<core::SharingBasis> PgAccess::CreateBasis(const core::SharingBasis& basis,
                                                   core::Timestamp now) {
  {
    REGIE_ASSIGN_OR_RETURN(Result refs, conn_.Exec(kBasisReferences, Params()
                                                                         .Add(basis.person_id)
                                                                         .Add(basis.tenant_id)
                                                                         .Add(basis.organisation_id)
                                                                         .Add(basis.recorded_by)));
    if (!refs.Bool(0, 0)) return PersonNotFound();
    std::vector<FieldError> errors;
    if (!refs.Bool(0, 1)) errors.push_back({"organisation_id", "invalid_reference"});
    if (!refs.Bool(0, 2)) errors.push_back({"recorded_by", "invalid_reference"});
    if (!errors.empty())
      return InvalidArgument("validation_failed", "reference does not serve the tenant",
                             std::move(errors));
  }
  std::optional<std::string> withdrawn;
  if (basis.withdrawn_at) withdrawn = std::to_string(basis.withdrawn_at->micros);
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("INSERT INTO sharing_bases (tenant_id, person_id, organisation_id, categories, "
                 "purpose, legal_basis, given, expires, withdrawn_at, recorded_by, consent_text, "
                 "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                 "RETURNING id",
                 Params()
                     .Add(basis.tenant_id)
                     .Add(basis.person_id)
                     .Add(basis.organisation_id)
                     .Add(basis.categories.ToString())
                     .Add(basis.purpose)
                     .Add(core::ToCode(basis.legal_basis))
                     .Add(basis.given.ToString())
                     .Add(OptDate(basis.expires))
                     .Add(withdrawn)
                     .Add(basis.recorded_by)
                     .Add(basis.consent_text)
                     .Add(now.micros)));
  return GetBasis(basis.tenant_id, r.Int(0, 0));
}

StatusOr<core::SharingBasis> PgAccess::GetBasis(int64_t tenant_id, int64_t basis_id) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kBasisById, Params().Add(basis_id).Add(tenant_id)));
  if (r.rows() == 0)
    return NotFound("sharing_basis_not_found", "no such sharing basis in this tenant");
  return ReadBasis(r, 0);
}

StatusOr<std::vector<core::SharingBasis>> PgAccess::BasesOfPerson(int64_t tenant_id,
                                                                  int64_t person_id) {
  REGIE_RETURN_IF_ERROR(HouseholdOfPerson(tenant_id, person_id).status());
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(kBasesOfPerson, Params().Add(person_id)));
  std::vector<core::SharingBasis> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadBasis(r, i));
  return out;
}

StatusOr<core::SharingBasis> PgAccess::WithdrawBasis(int64_t tenant_id, int64_t basis_id,
                                                     core::Timestamp now, int64_t by_user) {
  // Compare-and-set on withdrawn_at: of two concurrent withdrawals the
  // second waits for the first's row lock, then finds it withdrawn.
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("UPDATE sharing_bases SET withdrawn_at = $3, withdrawn_by = $4 "
                           "WHERE id = $1 AND tenant_id = $2 AND withdrawn_at IS NULL",
                           Params().Add(basis_id).Add(tenant_id).Add(now.micros).Add(by_user)));
  REGIE_ASSIGN_OR_RETURN(core::SharingBasis basis, GetBasis(tenant_id, basis_id));
  if (r.affected() == 0)
    return FailedPrecondition("already_withdrawn", "sharing basis was withdrawn before");
  return basis;
}

Status PgAccess::OpenBreakGlass(const core::BreakGlassGrant& grant) {
  // From the household and user rows, so a bad id inserts nothing instead
  // of failing a foreign key (and with it the transaction).
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("INSERT INTO break_glass (user_id, household_id, reason, opened_at, expires_at) "
                 "SELECT u.id, h.id, $3::text, $4::bigint, $5::bigint FROM users u, households h "
                 "WHERE u.id = $1 AND h.id = $2",
                 Params()
                     .Add(grant.user_id)
                     .Add(grant.household_id)
                     .Add(grant.reason)
                     .Add(grant.opened_at.micros)
                     .Add(grant.expires_at.micros)));
  if (r.affected() == 1) return Status::Ok();
  REGIE_ASSIGN_OR_RETURN(Result h, conn_.Exec("SELECT 1 FROM households WHERE id = $1",
                                              Params().Add(grant.household_id)));
  if (h.rows() == 0) return HouseholdNotFound();
  return NotFound("user_not_found", "no such user");
}

}  // namespace regie::storage::postgres
