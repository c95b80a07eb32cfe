// Referrals: current state in `referrals`, transitions in the append-only
// `referral_history`.
#include <algorithm>
#include <utility>

#include "storage/sqlite/sqlite_referral_repository.h"

namespace regie::storage::sqlite {
namespace {

#define REGIE_REFERRAL_COLUMNS                                                               \
  "r.id, r.tenant_id, r.household_id, r.from_organisation_id, r.to_organisation_id, "        \
  "r.created_by, r.created_at, r.reason, r.package, r.template, r.checklist, r.respond_by, " \
  "r.retention_days, r.state, r.decided_at, r.decided_by, r.decision_note, r.completed_at, " \
  "r.completed_by, r.completion_note, r.updated_at, r.version "

constexpr std::string_view kOpenStates = "('voorgesteld', 'geaccepteerd')";

std::optional<int64_t> OptInt(const Stmt& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return s.Int(col);
}

std::optional<int64_t> MicrosOf(const std::optional<core::Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->micros;
}

void BindOpt(Stmt& s, int i, const std::optional<int64_t>& v) {
  if (v)
    s.Bind(i, *v);
  else
    s.BindNull(i);
}

// Checklist items are single-line texts (core validates), stored one per line.
std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

core::Referral ReadReferral(const Stmt& s) {
  core::Referral x;
  x.id = s.Int(0);
  x.tenant_id = s.Int(1);
  x.data.household_id = s.Int(2);
  x.from_organisation_id = s.Int(3);
  x.data.to_organisation_id = s.Int(4);
  x.created_by = s.Int(5);
  x.created_at = core::Timestamp{s.Int(6)};
  x.data.reason = s.Text(7);
  x.data.package = core::CategorySet::Parse(s.Text(8)).value_or(core::CategorySet());
  x.data.template_code = s.Text(9);
  x.data.checklist = SplitLines(s.Text(10));
  x.respond_by = core::Date::Parse(s.Text(11)).value_or(core::Date());
  x.data.respond_by = x.respond_by;
  x.data.retention_days = static_cast<int>(s.Int(12));
  x.state =
      core::ParseEnum<core::ReferralState>(s.Text(13)).value_or(core::ReferralState::kVoorgesteld);
  if (auto t = OptInt(s, 14)) x.decided_at = core::Timestamp{*t};
  x.decided_by = OptInt(s, 15);
  x.decision_note = s.Text(16);
  if (auto t = OptInt(s, 17)) x.completed_at = core::Timestamp{*t};
  x.completed_by = OptInt(s, 18);
  x.completion_note = s.Text(19);
  x.updated_at = core::Timestamp{s.Int(20)};
  x.version = s.Int(21);
  return x;
}

}  // namespace

Status SqliteReferrals::AppendEvent(int64_t tenant_id, const core::ReferralEvent& e) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s,
      conn_.Prepare("INSERT INTO referral_history (referral_id, tenant_id, action, from_state, "
                    "to_state, note, by_user, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  s.Bind(1, e.referral_id).Bind(2, tenant_id).Bind(3, core::ToCode(e.action));
  if (e.from_state)
    s.Bind(4, core::ToCode(*e.from_state));
  else
    s.BindNull(4);
  s.Bind(5, core::ToCode(e.to_state)).Bind(6, e.note).Bind(7, e.by_user).Bind(8, e.at.micros);
  return s.Exec();
}

StatusOr<core::Referral> SqliteReferrals::Create(const core::Referral& referral) {
  const core::ReferralData& d = referral.data;
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("SELECT 1 FROM households WHERE id = ?1 AND tenant_id = ?2"));
    s.Bind(1, d.household_id).Bind(2, referral.tenant_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return NotFound("household_not_found", "no such household in this tenant");
    }
  }
  std::vector<FieldError> errors;
  for (size_t i = 0; i < d.person_ids.size(); ++i) {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM persons WHERE id = ?1 AND "
                                                 "tenant_id = ?2 AND household_id = ?3"));
    s.Bind(1, d.person_ids[i]).Bind(2, referral.tenant_id).Bind(3, d.household_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      errors.push_back({"person_ids/" + std::to_string(i), "invalid_reference"});
    }
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s,
        conn_.Prepare("SELECT 1 FROM organisations o WHERE o.id = ?1 "
                      "AND (o.tenant_id = ?2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
                      "WHERE t.organisation_id = o.id AND t.tenant_id = ?2))"));
    s.Bind(1, d.to_organisation_id).Bind(2, referral.tenant_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      errors.push_back({"to_organisation_id", "invalid_reference"});
    }
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("SELECT 1 FROM users WHERE id = ?1 AND organisation_id = ?2"));
    s.Bind(1, referral.created_by).Bind(2, referral.from_organisation_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      errors.push_back({"created_by", "invalid_reference"});
    }
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "invalid reference", std::move(errors));

  REGIE_ASSIGN_OR_RETURN(
      Stmt s,
      conn_.Prepare("INSERT INTO referrals (tenant_id, household_id, from_organisation_id, "
                    "to_organisation_id, created_by, created_at, reason, package, template, "
                    "checklist, respond_by, retention_days, state, updated_at, version) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1)"));
  s.Bind(1, referral.tenant_id)
      .Bind(2, d.household_id)
      .Bind(3, referral.from_organisation_id)
      .Bind(4, d.to_organisation_id)
      .Bind(5, referral.created_by)
      .Bind(6, referral.created_at.micros)
      .Bind(7, d.reason)
      .Bind(8, d.package.ToString())
      .Bind(9, d.template_code)
      .Bind(10, JoinLines(d.checklist))
      .Bind(11, referral.respond_by.ToString())
      .Bind(12, static_cast<int64_t>(d.retention_days))
      .Bind(13, core::ToCode(referral.state))
      .Bind(14, referral.updated_at.micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  core::Referral out = referral;
  out.id = sqlite3_last_insert_rowid(conn_.db());
  out.version = 1;
  out.data.respond_by = out.respond_by;
  std::sort(out.data.person_ids.begin(), out.data.person_ids.end());
  for (int64_t person_id : out.data.person_ids) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt p,
        conn_.Prepare("INSERT INTO referral_persons (referral_id, person_id) VALUES (?1, ?2)"));
    p.Bind(1, out.id).Bind(2, person_id);
    REGIE_RETURN_IF_ERROR(p.Exec());
  }
  REGIE_RETURN_IF_ERROR(
      AppendEvent(out.tenant_id, core::ReferralEvent{.referral_id = out.id,
                                                     .action = core::ReferralAction::kPropose,
                                                     .to_state = out.state,
                                                     .note = "",
                                                     .by_user = out.created_by,
                                                     .at = out.created_at}));
  return out;
}

StatusOr<std::vector<core::Referral>> SqliteReferrals::Query(Stmt& s) {
  std::vector<core::Referral> out;
  while (s.Step()) out.push_back(ReadReferral(s));
  REGIE_RETURN_IF_ERROR(s.status());
  for (core::Referral& x : out) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt p, conn_.Prepare("SELECT person_id FROM referral_persons WHERE referral_id = ?1 "
                              "ORDER BY person_id"));
    p.Bind(1, x.id);
    while (p.Step()) x.data.person_ids.push_back(p.Int(0));
    REGIE_RETURN_IF_ERROR(p.status());
  }
  return out;
}

StatusOr<core::Referral> SqliteReferrals::Get(int64_t tenant_id, int64_t referral_id) {
  REGIE_ASSIGN_OR_RETURN(Stmt s,
                         conn_.Prepare("SELECT " REGIE_REFERRAL_COLUMNS
                                       "FROM referrals r WHERE r.id = ?1 AND r.tenant_id = ?2"));
  s.Bind(1, referral_id).Bind(2, tenant_id);
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Referral> found, Query(s));
  if (found.empty()) return NotFound("referral_not_found", "no such referral in this tenant");
  return std::move(found.front());
}

Status SqliteReferrals::Apply(const core::Referral& next, const core::ReferralEvent& event) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE referrals SET state = ?3, decided_at = ?4, decided_by = ?5, "
                            "decision_note = ?6, completed_at = ?7, completed_by = ?8, "
                            "completion_note = ?9, updated_at = ?10, version = ?11 "
                            "WHERE id = ?1 AND tenant_id = ?2 AND version = ?12"));
  s.Bind(1, next.id).Bind(2, next.tenant_id).Bind(3, core::ToCode(next.state));
  BindOpt(s, 4, MicrosOf(next.decided_at));
  BindOpt(s, 5, next.decided_by);
  s.Bind(6, next.decision_note);
  BindOpt(s, 7, MicrosOf(next.completed_at));
  BindOpt(s, 8, next.completed_by);
  s.Bind(9, next.completion_note)
      .Bind(10, next.updated_at.micros)
      .Bind(11, next.version)
      .Bind(12, next.version - 1);
  REGIE_RETURN_IF_ERROR(s.Exec());
  if (sqlite3_changes(conn_.db()) == 0) {
    REGIE_RETURN_IF_ERROR(Get(next.tenant_id, next.id).status());
    return Conflict("version_conflict", "the referral changed meanwhile");
  }
  core::ReferralEvent e = event;
  e.referral_id = next.id;
  return AppendEvent(next.tenant_id, e);
}

StatusOr<std::vector<core::Referral>> SqliteReferrals::ListByHousehold(int64_t tenant_id,
                                                                       int64_t household_id) {
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("SELECT 1 FROM households WHERE id = ?1 AND tenant_id = ?2"));
    s.Bind(1, household_id).Bind(2, tenant_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      return NotFound("household_not_found", "no such household in this tenant");
    }
  }
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT " REGIE_REFERRAL_COLUMNS
                                               "FROM referrals r WHERE r.tenant_id = ?1 AND "
                                               "r.household_id = ?2 "
                                               "ORDER BY r.created_at DESC, r.id DESC"));
  s.Bind(1, tenant_id).Bind(2, household_id);
  return Query(s);
}

StatusOr<std::vector<core::Referral>> SqliteReferrals::ListForOrganisation(int64_t tenant_id,
                                                                           int64_t organisation_id,
                                                                           bool incoming,
                                                                           bool open_only) {
  const std::string sql =
      std::string("SELECT " REGIE_REFERRAL_COLUMNS "FROM referrals r WHERE ") +
      (incoming ? "r.to_organisation_id" : "r.from_organisation_id") +
      " = ?2 AND r.tenant_id = ?1" +
      (open_only ? " AND r.state IN " + std::string(kOpenStates) : std::string()) +
      " ORDER BY r.created_at DESC, r.id DESC";
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  s.Bind(1, tenant_id).Bind(2, organisation_id);
  return Query(s);
}

StatusOr<std::vector<core::ReferralEvent>> SqliteReferrals::History(int64_t tenant_id,
                                                                    int64_t referral_id) {
  REGIE_RETURN_IF_ERROR(Get(tenant_id, referral_id).status());
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT id, referral_id, action, from_state, to_state, note, by_user, "
                            "at FROM referral_history WHERE referral_id = ?1 ORDER BY id"));
  s.Bind(1, referral_id);
  std::vector<core::ReferralEvent> out;
  while (s.Step()) {
    core::ReferralEvent e;
    e.id = s.Int(0);
    e.referral_id = s.Int(1);
    e.action =
        core::ParseEnum<core::ReferralAction>(s.Text(2)).value_or(core::ReferralAction::kPropose);
    if (auto from = s.OptText(3)) e.from_state = core::ParseEnum<core::ReferralState>(*from);
    e.to_state =
        core::ParseEnum<core::ReferralState>(s.Text(4)).value_or(core::ReferralState::kVoorgesteld);
    e.note = s.Text(5);
    e.by_user = s.Int(6);
    e.at = core::Timestamp{s.Int(7)};
    out.push_back(std::move(e));
  }
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

#undef REGIE_REFERRAL_COLUMNS

}  // namespace regie::storage::sqlite
