// Signals (vroegsignalering): current state in `signals`, transitions in
// the append-only `signal_history`.
#include <algorithm>
#include <utility>

#include "storage/postgres/postgres_signal_repository.h"

namespace regie::storage::postgres {
namespace {

constexpr std::string_view kColumns =
    "SELECT s.id, s.tenant_id, s.household_id, s.category, s.urgency, s.description, "
    "s.reporter_user_id, s.reporter_organisation_id, s.routed_organisation_id, s.state, "
    "s.filed_at, s.acknowledge_due, s.follow_up_due, s.acknowledged_at, s.acknowledged_by, "
    "s.closed_at, s.closed_by, s.result, s.withdraw_reason, s.updated_at, s.version, "
    "array(SELECT sp.person_id FROM signal_persons sp WHERE sp.signal_id = s.id "
    "ORDER BY sp.person_id)::bigint[] ";

constexpr std::string_view kOpenStates = "('ingediend', 'in_behandeling')";

std::optional<int64_t> OptInt(const Result& r, int row, int col) {
  if (r.IsNull(row, col)) return std::nullopt;
  return r.Int(row, col);
}

core::Signal ReadSignal(const Result& r, int row) {
  core::Signal x;
  x.id = r.Int(row, 0);
  x.tenant_id = r.Int(row, 1);
  x.data.household_id = r.Int(row, 2);
  x.data.category =
      core::ParseEnum<core::SignalCategory>(r.Text(row, 3)).value_or(core::SignalCategory::kOverig);
  x.data.urgency =
      core::ParseEnum<core::SignalUrgency>(r.Text(row, 4)).value_or(core::SignalUrgency::kNormaal);
  x.data.description = r.Text(row, 5);
  x.reporter_user_id = r.Int(row, 6);
  x.reporter_organisation_id = r.Int(row, 7);
  x.routed_organisation_id = r.Int(row, 8);
  x.state =
      core::ParseEnum<core::SignalState>(r.Text(row, 9)).value_or(core::SignalState::kIngediend);
  x.filed_at = core::Timestamp{r.Int(row, 10)};
  x.acknowledge_due = core::Date::Parse(r.Text(row, 11)).value_or(core::Date());
  if (auto d = r.OptText(row, 12)) x.follow_up_due = core::Date::Parse(*d);
  if (auto t = OptInt(r, row, 13)) x.acknowledged_at = core::Timestamp{*t};
  x.acknowledged_by = OptInt(r, row, 14);
  if (auto t = OptInt(r, row, 15)) x.closed_at = core::Timestamp{*t};
  x.closed_by = OptInt(r, row, 16);
  x.result = r.Text(row, 17);
  x.withdraw_reason = r.Text(row, 18);
  x.updated_at = core::Timestamp{r.Int(row, 19)};
  x.version = r.Int(row, 20);
  x.data.person_ids = r.IdArray(row, 21);
  return x;
}

std::optional<std::string> OptDate(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

std::optional<std::string> OptNumber(const std::optional<int64_t>& v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}

}  // namespace

Status PgSignals::RequireHousehold(int64_t tenant_id, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(Result h,
                         conn_.Exec("SELECT 1 FROM households WHERE id = $1 AND tenant_id = $2",
                                    Params().Add(household_id).Add(tenant_id)));
  if (h.rows() == 0) return NotFound("household_not_found", "no such household in this tenant");
  return Status();
}

StatusOr<bool> PgSignals::OrganisationServes(int64_t organisation_id, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT 1 FROM organisations o WHERE o.id = $1 "
                           "AND (o.tenant_id = $2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
                           "WHERE t.organisation_id = o.id AND t.tenant_id = $2))",
                           Params().Add(organisation_id).Add(tenant_id)));
  return r.rows() > 0;
}

Status PgSignals::AppendEvent(const core::SignalEvent& e) {
  std::optional<std::string> from;
  if (e.from_state) from = std::string(core::ToCode(*e.from_state));
  return conn_
      .Exec(
          "INSERT INTO signal_history (signal_id, action, from_state, to_state, "
          "organisation_id, note, by_user, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          Params()
              .Add(e.signal_id)
              .Add(core::ToCode(e.action))
              .Add(from)
              .Add(core::ToCode(e.to_state))
              .Add(e.organisation_id)
              .Add(e.note)
              .Add(e.by_user)
              .Add(e.at.micros))
      .status();
}

StatusOr<core::Signal> PgSignals::Create(const core::Signal& signal) {
  const core::SignalData& d = signal.data;
  REGIE_RETURN_IF_ERROR(RequireHousehold(signal.tenant_id, d.household_id));
  std::vector<FieldError> errors;
  if (!d.person_ids.empty()) {
    REGIE_ASSIGN_OR_RETURN(
        Result r,
        conn_.Exec("SELECT id FROM persons WHERE id = ANY($1::bigint[]) AND "
                   "tenant_id = $2 AND household_id = $3",
                   Params().AddIdArray(d.person_ids).Add(signal.tenant_id).Add(d.household_id)));
    std::vector<int64_t> found;
    found.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) found.push_back(r.Int(i, 0));
    for (size_t i = 0; i < d.person_ids.size(); ++i)
      if (std::find(found.begin(), found.end(), d.person_ids[i]) == found.end())
        errors.push_back({"person_ids/" + std::to_string(i), "invalid_reference"});
  }
  REGIE_ASSIGN_OR_RETURN(bool serves,
                         OrganisationServes(signal.routed_organisation_id, signal.tenant_id));
  if (!serves) errors.push_back({"organisation_id", "invalid_reference"});
  REGIE_ASSIGN_OR_RETURN(
      Result u,
      conn_.Exec("SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2",
                 Params().Add(signal.reporter_user_id).Add(signal.reporter_organisation_id)));
  if (u.rows() == 0) errors.push_back({"reporter", "invalid_reference"});
  if (!errors.empty())
    return InvalidArgument("validation_failed", "invalid reference", std::move(errors));

  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("INSERT INTO signals (tenant_id, household_id, category, urgency, description, "
                 "reporter_user_id, reporter_organisation_id, routed_organisation_id, state, "
                 "filed_at, acknowledge_due, follow_up_due, updated_at, version) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12::date, $13, 1) "
                 "RETURNING id",
                 Params()
                     .Add(signal.tenant_id)
                     .Add(d.household_id)
                     .Add(core::ToCode(d.category))
                     .Add(core::ToCode(d.urgency))
                     .Add(d.description)
                     .Add(signal.reporter_user_id)
                     .Add(signal.reporter_organisation_id)
                     .Add(signal.routed_organisation_id)
                     .Add(core::ToCode(signal.state))
                     .Add(signal.filed_at.micros)
                     .Add(signal.acknowledge_due.ToString())
                     .Add(OptDate(signal.follow_up_due))
                     .Add(signal.updated_at.micros)));
  core::Signal out = signal;
  out.id = r.Int(0, 0);
  out.version = 1;
  std::sort(out.data.person_ids.begin(), out.data.person_ids.end());
  if (!out.data.person_ids.empty())
    REGIE_RETURN_IF_ERROR(conn_
                              .Exec("INSERT INTO signal_persons (signal_id, person_id) "
                                    "SELECT $1, unnest($2::bigint[])",
                                    Params().Add(out.id).AddIdArray(out.data.person_ids))
                              .status());
  REGIE_RETURN_IF_ERROR(AppendEvent(core::SignalEvent{.signal_id = out.id,
                                                      .action = core::SignalAction::kFile,
                                                      .to_state = out.state,
                                                      .organisation_id = out.routed_organisation_id,
                                                      .by_user = out.reporter_user_id,
                                                      .at = out.filed_at}));
  return out;
}

StatusOr<std::vector<core::Signal>> PgSignals::Query(std::string_view sql, const Params& params) {
  REGIE_ASSIGN_OR_RETURN(Result r, conn_.Exec(sql, params));
  std::vector<core::Signal> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(ReadSignal(r, i));
  return out;
}

StatusOr<core::Signal> PgSignals::Get(int64_t tenant_id, int64_t signal_id) {
  REGIE_ASSIGN_OR_RETURN(
      std::vector<core::Signal> found,
      Query(std::string(kColumns) + "FROM signals s WHERE s.id = $1 AND s.tenant_id = $2",
            Params().Add(signal_id).Add(tenant_id)));
  if (found.empty()) return NotFound("signal_not_found", "no such signal in this tenant");
  return std::move(found.front());
}

Status PgSignals::Apply(const core::Signal& next, const core::SignalEvent& event) {
  REGIE_ASSIGN_OR_RETURN(bool serves,
                         OrganisationServes(next.routed_organisation_id, next.tenant_id));
  if (!serves)
    return InvalidArgument("validation_failed", "organisation does not serve the tenant",
                           {{"organisation_id", "invalid_reference"}});
  REGIE_ASSIGN_OR_RETURN(
      Result r,
      conn_.Exec("UPDATE signals SET routed_organisation_id = $3, state = $4, "
                 "acknowledge_due = $5::date, follow_up_due = $6::date, acknowledged_at = $7, "
                 "acknowledged_by = $8, closed_at = $9, closed_by = $10, result = $11, "
                 "withdraw_reason = $12, updated_at = $13, version = $14 "
                 "WHERE id = $1 AND tenant_id = $2 AND version = $15 RETURNING id",
                 Params()
                     .Add(next.id)
                     .Add(next.tenant_id)
                     .Add(next.routed_organisation_id)
                     .Add(core::ToCode(next.state))
                     .Add(next.acknowledge_due.ToString())
                     .Add(OptDate(next.follow_up_due))
                     .Add(OptNumber(next.acknowledged_at
                                        ? std::optional<int64_t>(next.acknowledged_at->micros)
                                        : std::nullopt))
                     .Add(OptNumber(next.acknowledged_by))
                     .Add(OptNumber(next.closed_at ? std::optional<int64_t>(next.closed_at->micros)
                                                   : std::nullopt))
                     .Add(OptNumber(next.closed_by))
                     .Add(next.result)
                     .Add(next.withdraw_reason)
                     .Add(next.updated_at.micros)
                     .Add(next.version)
                     .Add(next.version - 1)));
  if (r.rows() == 0) {
    REGIE_RETURN_IF_ERROR(Get(next.tenant_id, next.id).status());
    return Conflict("version_conflict", "the signal changed meanwhile");
  }
  core::SignalEvent e = event;
  e.signal_id = next.id;
  return AppendEvent(e);
}

StatusOr<std::vector<core::Signal>> PgSignals::ListByHousehold(int64_t tenant_id,
                                                               int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  return Query(std::string(kColumns) +
                   "FROM signals s WHERE s.tenant_id = $1 AND s.household_id = $2 "
                   "ORDER BY s.filed_at DESC, s.id DESC",
               Params().Add(tenant_id).Add(household_id));
}

StatusOr<std::vector<core::Signal>> PgSignals::ListForCaller(int64_t tenant_id,
                                                             int64_t organisation_id,
                                                             int64_t reporter_user_id,
                                                             bool open_only) {
  const std::string open = open_only ? " AND s.state IN " + std::string(kOpenStates) : "";
  return Query(std::string(kColumns) +
                   "FROM signals s WHERE s.id IN ("
                   "SELECT id FROM signals s WHERE s.routed_organisation_id = $2 AND "
                   "s.tenant_id = $1" +
                   open +
                   " UNION SELECT id FROM signals s WHERE s.reporter_user_id = $3 AND "
                   "s.tenant_id = $1" +
                   open + ") ORDER BY s.filed_at DESC, s.id DESC",
               Params().Add(tenant_id).Add(organisation_id).Add(reporter_user_id));
}

StatusOr<std::vector<core::Signal>> PgSignals::ListOpenOfRegisseur(int64_t tenant_id,
                                                                   int64_t regisseur_user_id) {
  return Query(std::string(kColumns) +
                   "FROM signals s JOIN households h ON h.id = s.household_id "
                   "WHERE h.tenant_id = $1 AND h.regisseur_user_id = $2 AND s.tenant_id = $1 "
                   "AND s.state IN " +
                   std::string(kOpenStates) + " ORDER BY s.filed_at DESC, s.id DESC",
               Params().Add(tenant_id).Add(regisseur_user_id));
}

StatusOr<std::vector<core::SignalEvent>> PgSignals::History(int64_t tenant_id, int64_t signal_id) {
  REGIE_RETURN_IF_ERROR(Get(tenant_id, signal_id).status());
  REGIE_ASSIGN_OR_RETURN(
      Result r, conn_.Exec("SELECT id, signal_id, action, from_state, to_state, organisation_id, "
                           "note, by_user, at FROM signal_history WHERE signal_id = $1 ORDER BY id",
                           Params().Add(signal_id)));
  std::vector<core::SignalEvent> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    core::SignalEvent e;
    e.id = r.Int(i, 0);
    e.signal_id = r.Int(i, 1);
    e.action =
        core::ParseEnum<core::SignalAction>(r.Text(i, 2)).value_or(core::SignalAction::kFile);
    if (auto from = r.OptText(i, 3)) e.from_state = core::ParseEnum<core::SignalState>(*from);
    e.to_state =
        core::ParseEnum<core::SignalState>(r.Text(i, 4)).value_or(core::SignalState::kIngediend);
    e.organisation_id = r.Int(i, 5);
    e.note = r.Text(i, 6);
    e.by_user = r.Int(i, 7);
    e.at = core::Timestamp{r.Int(i, 8)};
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace regie::storage::postgres
