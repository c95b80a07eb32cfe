// Relationships to households: assignments, sharing bases, break-the-glass,
// and the facts the access policy decides on.
#include <optional>

#include "storage/sqlite/sqlite_access_repositories.h"

namespace regie::storage::sqlite {
namespace {

constexpr std::string_view kBasisColumns =
    "SELECT id, tenant_id, person_id, organisation_id, categories, purpose, legal_basis, given, "
    "expires, withdrawn_at, recorded_by, consent_text FROM sharing_bases";

core::SharingBasis ReadBasis(const Stmt& s) {
  core::SharingBasis b;
  b.id = s.Int(0);
  b.tenant_id = s.Int(1);
  b.person_id = s.Int(2);
  b.organisation_id = s.Int(3);
  b.categories = core::CategorySet::Parse(s.Text(4)).value_or(core::CategorySet());
  b.purpose = s.Text(5);
  b.legal_basis =
      core::ParseEnum<core::LegalBasis>(s.Text(6)).value_or(core::LegalBasis::kToestemming);
  b.given = core::Date::Parse(s.Text(7)).value_or(core::Date());
  if (auto d = s.OptText(8)) b.expires = core::Date::Parse(*d);
  if (!s.IsNull(9)) b.withdrawn_at = core::Timestamp{s.Int(9)};
  b.recorded_by = s.Int(10);
  b.consent_text = s.Text(11);
  return b;
}

std::string_view KindCode(ports::AssignmentKind kind) {
  return kind == ports::AssignmentKind::kBegeleider ? "begeleider" : "vrijwilliger";
}

// True when the statement bound with ?1 = a (and ?2 = b) yields a row.
StatusOr<bool> Exists(Connection& conn, std::string_view sql, int64_t a,
                      std::optional<int64_t> b = std::nullopt) {
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn.Prepare(sql));
  s.Bind(1, a);
  if (b) s.Bind(2, *b);
  bool found = s.Step();
  REGIE_RETURN_IF_ERROR(s.status());
  return found;
}

constexpr std::string_view kUserServes =
    "SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?1 "
    "AND (o.tenant_id = ?2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
    "WHERE t.organisation_id = o.id AND t.tenant_id = ?2))";
constexpr std::string_view kOrganisationServes =
    "SELECT 1 FROM organisations o WHERE o.id = ?1 "
    "AND (o.tenant_id = ?2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
    "WHERE t.organisation_id = o.id AND t.tenant_id = ?2))";
constexpr std::string_view kPersonInTenant =
    "SELECT 1 FROM persons WHERE id = ?1 AND tenant_id = ?2";

Status PersonNotFound() { return NotFound("person_not_found", "no such person in this tenant"); }
Status HouseholdNotFound() {
  return NotFound("household_not_found", "no such household in this tenant");
}

}  // namespace

StatusOr<core::HouseholdFacts> SqliteAccess::Facts(int64_t tenant_id, int64_t household_id,
                                                   int64_t user_id) {
  core::HouseholdFacts f;
  f.tenant_id = tenant_id;
  f.household_id = household_id;
  {
    REGIE_ASSIGN_OR_RETURN(Stmt h,
                           conn_.Prepare("SELECT coalesce(regisseur_user_id, 0), archived "
                                         "FROM households WHERE id = ?1 AND tenant_id = ?2"));
    h.Bind(1, household_id).Bind(2, tenant_id);
    if (!h.Step()) {
      REGIE_RETURN_IF_ERROR(h.status());
      return HouseholdNotFound();
    }
    f.regisseur_user_id = h.Int(0);
    f.archived = h.Int(1) != 0;
  }
  {
    REGIE_ASSIGN_OR_RETURN(Stmt a, conn_.Prepare("SELECT user_id, kind FROM household_assignments "
                                                 "WHERE household_id = ?1 ORDER BY kind, user_id"));
    a.Bind(1, household_id);
    while (a.Step())
      (a.Text(1) == "begeleider" ? f.begeleider_ids : f.vrijwilliger_ids).push_back(a.Int(0));
    REGIE_RETURN_IF_ERROR(a.status());
  }
  {
    REGIE_ASSIGN_OR_RETURN(Stmt o,
                           conn_.Prepare("SELECT organisation_id FROM household_organisations "
                                         "WHERE household_id = ?1 ORDER BY organisation_id"));
    o.Bind(1, household_id);
    while (o.Step()) f.involved_organisations.push_back(o.Int(0));
    REGIE_RETURN_IF_ERROR(o.status());
  }
  {
    // Every basis of every member, withdrawn and expired ones too: the
    // policy decides which are active at the request's time.
    REGIE_ASSIGN_OR_RETURN(Stmt b, conn_.Prepare(std::string(kBasisColumns) +
                                                 " WHERE person_id IN (SELECT id FROM persons "
                                                 "WHERE household_id = ?1) ORDER BY id"));
    b.Bind(1, household_id);
    while (b.Step()) f.bases.push_back(ReadBasis(b));
    REGIE_RETURN_IF_ERROR(b.status());
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt g, conn_.Prepare("SELECT reason, opened_at, expires_at FROM break_glass "
                              "WHERE user_id = ?1 AND household_id = ?2 ORDER BY opened_at, id"));
    g.Bind(1, user_id).Bind(2, household_id);
    while (g.Step())
      f.break_glass.push_back(
          {user_id, household_id, g.Text(0), core::Timestamp{g.Int(1)}, core::Timestamp{g.Int(2)}});
    REGIE_RETURN_IF_ERROR(g.status());
  }
  {
    // Accepted and completed referrals: what they give their receiver (the
    // policy decides whether the retention after completion still runs).
    REGIE_ASSIGN_OR_RETURN(
        Stmt r, conn_.Prepare("SELECT id, to_organisation_id, package, completed_at, "
                              "retention_days FROM referrals WHERE household_id = ?1 AND "
                              "state IN ('geaccepteerd', 'afgerond') ORDER BY id"));
    r.Bind(1, household_id);
    while (r.Step()) {
      core::ReferralGrant grant;
      grant.referral_id = r.Int(0);
      grant.organisation_id = r.Int(1);
      grant.package = core::CategorySet::Parse(r.Text(2)).value_or(core::CategorySet());
      if (!r.IsNull(3)) grant.completed_at = core::Timestamp{r.Int(3)};
      grant.retention_days = static_cast<int>(r.Int(4));
      f.referrals.push_back(std::move(grant));
    }
    REGIE_RETURN_IF_ERROR(r.status());
    for (core::ReferralGrant& grant : f.referrals) {
      REGIE_ASSIGN_OR_RETURN(Stmt p, conn_.Prepare("SELECT person_id FROM referral_persons "
                                                   "WHERE referral_id = ?1 ORDER BY person_id"));
      p.Bind(1, grant.referral_id);
      while (p.Step()) grant.person_ids.push_back(p.Int(0));
      REGIE_RETURN_IF_ERROR(p.status());
    }
  }
  return f;
}

StatusOr<int64_t> SqliteAccess::HouseholdOfPerson(int64_t tenant_id, int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT household_id FROM persons WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, person_id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return PersonNotFound();
  }
  return s.Int(0);
}

Status SqliteAccess::SetAssignments(int64_t tenant_id, int64_t household_id,
                                    ports::AssignmentKind kind,
                                    const std::vector<int64_t>& user_ids) {
  {
    REGIE_ASSIGN_OR_RETURN(Stmt h, conn_.Prepare("SELECT archived FROM households "
                                                 "WHERE id = ?1 AND tenant_id = ?2"));
    h.Bind(1, household_id).Bind(2, tenant_id);
    if (!h.Step()) {
      REGIE_RETURN_IF_ERROR(h.status());
      return HouseholdNotFound();
    }
    if (h.Int(0) != 0) return FailedPrecondition("household_archived", "household is archived");
  }
  // Field names as in the assignments request body.
  const std::string field =
      kind == ports::AssignmentKind::kBegeleider ? "begeleiders/" : "vrijwilligers/";
  std::vector<FieldError> errors;
  for (size_t i = 0; i < user_ids.size(); ++i) {
    REGIE_ASSIGN_OR_RETURN(bool ok, Exists(conn_, kUserServes, user_ids[i], tenant_id));
    if (!ok) errors.push_back({field + std::to_string(i), "invalid_reference"});
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "user does not serve the tenant",
                           std::move(errors));
  {
    REGIE_ASSIGN_OR_RETURN(Stmt del, conn_.Prepare("DELETE FROM household_assignments "
                                                   "WHERE household_id = ?1 AND kind = ?2"));
    REGIE_RETURN_IF_ERROR(del.Bind(1, household_id).Bind(2, KindCode(kind)).Exec());
  }
  for (int64_t user : user_ids) {
    REGIE_ASSIGN_OR_RETURN(Stmt ins, conn_.Prepare("INSERT OR IGNORE INTO household_assignments "
                                                   "(household_id, user_id, kind) "
                                                   "VALUES (?1, ?2, ?3)"));
    REGIE_RETURN_IF_ERROR(ins.Bind(1, household_id).Bind(2, user).Bind(3, KindCode(kind)).Exec());
  }
  return Status::Ok();
}

StatusOr<core::SharingBasis> SqliteAccess::CreateBasis(const core::SharingBasis& basis,
                                                       core::Timestamp now) {
  REGIE_ASSIGN_OR_RETURN(bool person_ok,
                         Exists(conn_, kPersonInTenant, basis.person_id, basis.tenant_id));
  if (!person_ok) return PersonNotFound();
  std::vector<FieldError> errors;
  REGIE_ASSIGN_OR_RETURN(
      bool org_ok, Exists(conn_, kOrganisationServes, basis.organisation_id, basis.tenant_id));
  if (!org_ok) errors.push_back({"organisation_id", "invalid_reference"});
  REGIE_ASSIGN_OR_RETURN(bool recorder_ok,
                         Exists(conn_, kUserServes, basis.recorded_by, basis.tenant_id));
  if (!recorder_ok) errors.push_back({"recorded_by", "invalid_reference"});
  if (!errors.empty())
    return InvalidArgument("validation_failed", "reference does not serve the tenant",
                           std::move(errors));
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO sharing_bases (tenant_id, person_id, organisation_id, "
                            "categories, purpose, legal_basis, given, expires, withdrawn_at, "
                            "recorded_by, consent_text, created_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  s.Bind(1, basis.tenant_id)
      .Bind(2, basis.person_id)
      .Bind(3, basis.organisation_id)
      .Bind(4, basis.categories.ToString())
      .Bind(5, basis.purpose)
      .Bind(6, core::ToCode(basis.legal_basis))
      .Bind(7, basis.given.ToString())
      .Bind(10, basis.recorded_by)
      .Bind(11, basis.consent_text)
      .Bind(12, now.micros);
  if (basis.expires) s.Bind(8, basis.expires->ToString());
  if (basis.withdrawn_at) s.Bind(9, basis.withdrawn_at->micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  return GetBasis(basis.tenant_id, sqlite3_last_insert_rowid(conn_.db()));
}

StatusOr<core::SharingBasis> SqliteAccess::GetBasis(int64_t tenant_id, int64_t basis_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kBasisColumns) + " WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, basis_id).Bind(2, tenant_id);
  if (!s.Step()) {
    REGIE_RETURN_IF_ERROR(s.status());
    return NotFound("sharing_basis_not_found", "no such sharing basis in this tenant");
  }
  return ReadBasis(s);
}

StatusOr<std::vector<core::SharingBasis>> SqliteAccess::BasesOfPerson(int64_t tenant_id,
                                                                      int64_t person_id) {
  REGIE_ASSIGN_OR_RETURN(bool person_ok, Exists(conn_, kPersonInTenant, person_id, tenant_id));
  if (!person_ok) return PersonNotFound();
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare(std::string(kBasisColumns) + " WHERE person_id = ?1 ORDER BY id"));
  s.Bind(1, person_id);
  std::vector<core::SharingBasis> out;
  while (s.Step()) out.push_back(ReadBasis(s));
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

StatusOr<core::SharingBasis> SqliteAccess::WithdrawBasis(int64_t tenant_id, int64_t basis_id,
                                                         core::Timestamp now, int64_t by_user) {
  REGIE_ASSIGN_OR_RETURN(core::SharingBasis current, GetBasis(tenant_id, basis_id));
  if (current.withdrawn_at)
    return FailedPrecondition("already_withdrawn", "sharing basis was withdrawn before");
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("UPDATE sharing_bases SET withdrawn_at = ?2, "
                                       "withdrawn_by = ?3 WHERE id = ?1 AND withdrawn_at IS NULL"));
  REGIE_RETURN_IF_ERROR(s.Bind(1, basis_id).Bind(2, now.micros).Bind(3, by_user).Exec());
  return GetBasis(tenant_id, basis_id);
}

Status SqliteAccess::OpenBreakGlass(const core::BreakGlassGrant& grant) {
  // The caller decided on the household's facts in its tenant; these only
  // keep a bad id from becoming a foreign key failure.
  REGIE_ASSIGN_OR_RETURN(bool household_ok, Exists(conn_, "SELECT 1 FROM households WHERE id = ?1",
                                                   grant.household_id));
  if (!household_ok) return HouseholdNotFound();
  REGIE_ASSIGN_OR_RETURN(bool user_ok,
                         Exists(conn_, "SELECT 1 FROM users WHERE id = ?1", grant.user_id));
  if (!user_ok) return NotFound("user_not_found", "no such user");
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO break_glass (user_id, household_id, reason, opened_at, "
                            "expires_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  return s.Bind(1, grant.user_id)
      .Bind(2, grant.household_id)
      .Bind(3, grant.reason)
      .Bind(4, grant.opened_at.micros)
      .Bind(5, grant.expires_at.micros)
      .Exec();
}

}  // namespace regie::storage::sqlite
