// Referrals: current state in `referrals`, transitions in the append-only
// `referral_history`.
#include <algorithm>
#include <utility>

#include "storage/postgres/postgres_referral_repository.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kColumns =
    "SELECT r.id, r.tenant_id, r.household_id, r.from_organisation_id, r.to_organisation_id, "
    "r.created_by, r.created_at, r.reason, r.package, r.template, r.checklist, r.respond_by, "
    "r.retention_days, r.state, r.decided_at, r.decided_by, r.decision_note, r.completed_at, "
    "r.completed_by, r.completion_note, r.updated_at, r.version, "
    "array(SELECT rp.person_id FROM referral_persons rp WHERE rp.referral_id = r.id "
    "ORDER BY rp.person_id)::bigint[] ";

constexpr std::string_view kOpenStates = "('voorgesteld', 'geaccepteerd')";

std::optional<int64_t> OptInt(const Result& r, int row, int col) {
  if (r.IsNull(row, col)) return std::nullopt;
  return r.Int(row, col);
}

std::optional<std::string> OptNumber(const std::optional<int64_t>& v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}

std::optional<int64_t> MicrosOf(const std::optional<core::Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->micros;
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

core::Referral ReadReferral(const Result& r, int row) {
  core::Referral x;
  x.id = r.Int(row, 0);
  x.tenant_id = r.Int(row, 1);
  x.data.household_id = r.Int(row, 2);
  x.from_organisation_id = r.Int(row, 3);
  x.data.to_organisation_id = r.Int(row, 4);
  x.created_by = r.Int(row, 5);
  x.created_at = core::Timestamp{r.Int(row, 6)};
  x.data.reason = r.Text(row, 7);
  x.data.package = core::CategorySet::Parse(r.Text(row, 8)).value_or(core::CategorySet());
  x.data.template_code = r.Text(row, 9);
  x.data.checklist = SplitLines(r.Text(row, 10));
  x.respond_by = core::Date::Parse(r.Text(row, 11)).value_or(core::Date());
  x.data.respond_by = x.respond_by;
  x.data.retention_days = static_cast<int>(r.Int(row, 12));
  x.state = core::ParseEnum<core::ReferralState>(r.Text(row, 13))
                .value_or(core::ReferralState::kVoorgesteld);
  if (auto t = OptInt(r, row, 14)) x.decided_at = core::Timestamp{*t};
  x.decided_by = OptInt(r, row, 15);
  x.decision_note = r.Text(row, 16);
  if (auto t = OptInt(r, row, 17)) x.completed_at = core::Timestamp{*t};
  x.completed_by = OptInt(r, row, 18);
  x.completion_note = r.Text(row, 19);
  x.updated_at = core::Timestamp{r.Int(row, 20)};
  x.version = r.Int(row, 21);
  x.data.person_ids = r.IdArray(row, 22);
  return x;
}

}  // namespace

Status PgReferrals::AppendEvent(int64_t tenant_id, const core::ReferralEvent& e) {
  std::optional<std::string> from;
  if (e.from_state) from = std::string(core::ToCode(*e.from_state));
  return conn_
      .Exec(
          "INSERT INTO referral_history (referral_id, tenant_id, action, from_state, to_state, "
          "note, by_user, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          Params()
              .Add(e.referral_id)
              .Add(tenant_id)
              .Add(core::ToCode(e.action))
              .Add(from)
              .Add(core::ToCode(e.to_state))
              .Add(e.note)
              .Add(e.by_user)
              .Add(e.at.micros))
      .status();
}

StatusOr<core::Referral> PgReferrals::Create(const core::Referral& referral) {
  const core::ReferralData& d = referral.data;
  {
    REGIE_ASSIGN_OR_RETURN(Result h,
                           conn_.Exec("SELECT 1 FROM households WHERE id = $1 AND tenant_id = $2",
                                      Params().Add(d.household_id).Add(referral.tenant_id)));
    if (h.rows() == 0) return NotFound("household_not_found", "no such household in this tenant");
  }
  std::vector<FieldError> errors;
  if (!d.person_ids.empty()) {
    REGIE_ASSIGN_OR_RETURN(
        Result r,
        conn_.Exec("SELECT id FROM persons WHERE id = ANY($1::bigint[]) AND "
                   "tenant_id = $2 AND household_id = $3",
                   Params().AddIdArray(d.person_ids).Add(referral.tenant_id).Add(d.household_id)));
    std::vector<int64_t> found;
    found.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) found.push_back(r.Int(i, 0));
    for (size_t i = 0; i < d.person_ids.size(); ++i)
      if (std::find(found.begin(), found.end(), d.person_ids[i]) == found.end())
        errors.push_back({"person_ids/" + std::to_string(i), "invalid_reference"});
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Result r,
        conn_.Exec("SELECT 1 FROM organisations o WHERE o.id = $1 "
                   "AND (o.tenant_id = $2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
                   "WHERE t.organisation_id = o.id AND t.tenant_id = $2))",
                   Params().Add(d.to_organisation_id).Add(referral.tenant_id)));
    if (r.rows() == 0) errors.push_back({"to_organisation_id", "invalid_reference"});
  }
  {
    REGIE_ASSIGN_OR_RETURN(
        Result u, conn_.Exec("SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2",
                             Params().Add(referral.created_by).Add(referral.from_organisation_id)));
    if (u.rows() == 0) errors.push_back({"created_by", "invalid_reference"});
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "invalid reference", std::move(errors));

  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("INSERT INTO referrals (tenant_id, household_id, from_organisation_id, "
                 "to_organisation_id, created_by, created_at, reason, package, template, "
                 "checklist, respond_by, retention_days, state, updated_at, version) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12, $13, $14, 1) "
                 "RETURNING id",
                 Params()
                     .Add(referral.tenant_id)
                     .Add(d.household_id)
                     .Add(referral.from_organisation_id)
                     .Add(d.to_organisation_id)
                     .Add(referral.created_by)
                     .Add(referral.created_at.micros)
                     .Add(d.reason)
                     .Add(d.package.ToString())
                     .Add(d.template_code)
                     .Add(JoinLines(d.checklist))
                     .Add(referral.respond_by.ToString())
                     .Add(static_cast<int64_t>(d.retention_days))
                     .Add(core::ToCode(referral.state))
                     .Add(referral.updated_at.micros)));
  core::Referral out = referral;
  out.id = r.Int(0, 0);
  out.version = 1;
  out.data.respond_by = out.respond_by;
  std::sort(out.data.person_ids.begin(), out.data.person_ids.end());
  REGIE_RETURN_IF_ERROR(conn_
                            .Exec("INSERT INTO referral_persons (referral_id, person_id) "
                                  "SELECT $1, unnest($2::bigint[])",
                                  Params().Add(out.id).AddIdArray(out.data.person_ids))
                            .status());
  REGIE_RETURN_IF_ERROR(
      AppendEvent(out.tenant_id, core::ReferralEvent{.referral_id = out.id,
                                                     .action = core::ReferralAction::kPropose,
                                                     .to_state = out.state,
                                                     .note = "",
                                                     .by_user = out.created_by,
                                                     .at = out.created_at}));
  return out;
}

StatusOr<std::vector<core::Referral>> PgReferrals::Query(std::string_view sql,
                                                         const Params& params) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, params));
  std::vector<core::Referral> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadReferral(r, i));
  return out;
}

StatusOr<core::Referral> PgReferrals::Get(int64_t tenant_id, int64_t referral_id) {
  REGIE_ASSIGN_OR_RETURN(
      std::vector<core::Referral> found,
      Query(std::string(kColumns) + "FROM referrals r WHERE r.id = $1 AND r.tenant_id = $2",
            Params().Add(referral_id).Add(tenant_id)));
  if (found.empty()) return NotFound("referral_not_found", "no such referral in this tenant");
  return std::move(found.front());
}

Status PgReferrals::Apply(const core::Referral& next, const core::ReferralEvent& event) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("UPDATE referrals SET state = $3, decided_at = $4, decided_by = $5, "
                           "decision_note = $6, completed_at = $7, completed_by = $8, "
                           "completion_note = $9, updated_at = $10, version = $11 "
                           "WHERE id = $1 AND tenant_id = $2 AND version = $12 RETURNING id",
                           Params()
                               .Add(next.id)
                               .Add(next.tenant_id)
                               .Add(core::ToCode(next.state))
                               .Add(OptNumber(MicrosOf(next.decided_at)))
                               .Add(OptNumber(next.decided_by))
                               .Add(next.decision_note)
                               .Add(OptNumber(MicrosOf(next.completed_at)))
                               .Add(OptNumber(next.completed_by))
                               .Add(next.completion_note)
                               .Add(next.updated_at.micros)
                               .Add(next.version)
                               .Add(next.version - 1)));
  if (r.rows() == 0) {
    REGIE_RETURN_IF_ERROR(Get(next.tenant_id, next.id).status());
    return Conflict("version_conflict", "the referral changed meanwhile");
  }
  core::ReferralEvent e = event;
  e.referral_id = next.id;
  return AppendEvent(next.tenant_id, e);
}

StatusOr<std::vector<core::Referral>> PgReferrals::ListByHousehold(int64_t tenant_id,
                                                                   int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(Result h,
                         conn_.Exec("SELECT 1 FROM households WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(household_id).Add(tenant_id)));
  if (h.rows() == 0) return NotFound("household_not_found", "no such household in this tenant");
  return Query(std::string(kColumns) +
                   "FROM referrals r WHERE r.tenant_id = $1 AND r.household_id = $2 "
                   "ORDER BY r.created_at DESC, r.id DESC",
               Params().Add(tenant_id).Add(household_id));
}

StatusOr<std::vector<core::Referral>> PgReferrals::ListForOrganisation(int64_t tenant_id,
                                                                       int64_t organisation_id,
                                                                       bool incoming,
                                                                       bool open_only) {
  return Query(std::string(kColumns) + "FROM referrals r WHERE " +
                   (incoming ? "r.to_organisation_id" : "r.from_organisation_id") +
                   " = $2 AND r.tenant_id = $1" +
                   (open_only ? " AND r.state IN " + std::string(kOpenStates) : std::string()) +
                   " ORDER BY r.created_at DESC, r.id DESC",
               Params().Add(tenant_id).Add(organisation_id));
}

StatusOr<std::vector<core::ReferralEvent>> PgReferrals::History(int64_t tenant_id,
                                                                int64_t referral_id) {
  REGIE_RETURN_IF_ERROR(Get(tenant_id, referral_id).status());
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT id, referral_id, action, from_state, to_state, note, by_user, "
                           "at FROM referral_history WHERE referral_id = $1 ORDER BY id",
                           Params().Add(referral_id)));
  std::vector<core::ReferralEvent> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    core::ReferralEvent e;
    e.id = r.Int(i, 0);
    e.referral_id = r.Int(i, 1);
    e.action = core::ParseEnum<core::ReferralAction>(r.Text(i, 2))
                   .value_or(core::ReferralAction::kPropose);
    if (auto from = r.OptText(i, 3)) e.from_state = core::ParseEnum<core::ReferralState>(*from);
    e.to_state = core::ParseEnum<core::ReferralState>(r.Text(i, 4))
                     .value_or(core::ReferralState::kVoorgesteld);
    e.note = r.Text(i, 5);
    e.by_user = r.Int(i, 6);
    e.at = core::Timestamp{r.Int(i, 7)};
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace regie::storage::postgres
