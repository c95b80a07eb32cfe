// Signals (vroegsignalering): current state in `signals`, transitions in
// the append-only `signal_history`.
#include <algorithm>
#include <set>
#include <utility>

#include "storage/sqlite/sqlite_signal_repository.h"

namespace regie::storage::sqlite {
namespace {

#define REGIE_SIGNAL_COLUMNS                                                               \
  "s.id, s.tenant_id, s.household_id, s.category, s.urgency, s.description, "              \
  "s.reporter_user_id, s.reporter_organisation_id, s.routed_organisation_id, s.state, "    \
  "s.filed_at, s.acknowledge_due, s.follow_up_due, s.acknowledged_at, s.acknowledged_by, " \
  "s.closed_at, s.closed_by, s.result, s.withdraw_reason, s.updated_at, s.version "

constexpr std::string_view kOpenStates = "('ingediend', 'in_behandeling')";

std::optional<int64_t> OptInt(const Stmt& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return s.Int(col);
}

core::Signal ReadSignal(const Stmt& s) {
  core::Signal x;
  x.id = s.Int(0);
  x.tenant_id = s.Int(1);
  x.data.household_id = s.Int(2);
  x.data.category =
      core::ParseEnum<core::SignalCategory>(s.Text(3)).value_or(core::SignalCategory::kOverig);
  x.data.urgency =
      core::ParseEnum<core::SignalUrgency>(s.Text(4)).value_or(core::SignalUrgency::kNormaal);
  x.data.description = s.Text(5);
  x.reporter_user_id = s.Int(6);
  x.reporter_organisation_id = s.Int(7);
  x.routed_organisation_id = s.Int(8);
  x.state = core::ParseEnum<core::SignalState>(s.Text(9)).value_or(core::SignalState::kIngediend);
  x.filed_at = core::Timestamp{s.Int(10)};
  x.acknowledge_due = core::Date::Parse(s.Text(11)).value_or(core::Date());
  if (auto d = s.OptText(12)) x.follow_up_due = core::Date::Parse(*d);
  if (auto t = OptInt(s, 13)) x.acknowledged_at = core::Timestamp{*t};
  x.acknowledged_by = OptInt(s, 14);
  if (auto t = OptInt(s, 15)) x.closed_at = core::Timestamp{*t};
  x.closed_by = OptInt(s, 16);
  x.result = s.Text(17);
  x.withdraw_reason = s.Text(18);
  x.updated_at = core::Timestamp{s.Int(19)};
  x.version = s.Int(20);
  return x;
}

std::optional<std::string> OptDate(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

void BindOpt(Stmt& s, int i, const std::optional<int64_t>& v) {
  if (v)
    s.Bind(i, *v);
  else
    s.BindNull(i);
}

}  // namespace

Status SqliteSignals::RequireHousehold(int64_t tenant_id, int64_t household_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT 1 FROM households WHERE id = ?1 AND tenant_id = ?2"));
  s.Bind(1, household_id).Bind(2, tenant_id);
  if (s.Step()) return Status();
  REGIE_RETURN_IF_ERROR(s.status());
  return NotFound("household_not_found", "no such household in this tenant");
}

StatusOr<bool> SqliteSignals::OrganisationServes(int64_t organisation_id, int64_t tenant_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT 1 FROM organisations o WHERE o.id = ?1 "
                            "AND (o.tenant_id = ?2 OR EXISTS (SELECT 1 FROM organisation_tenants t "
                            "WHERE t.organisation_id = o.id AND t.tenant_id = ?2))"));
  s.Bind(1, organisation_id).Bind(2, tenant_id);
  if (s.Step()) return true;
  REGIE_RETURN_IF_ERROR(s.status());
  return false;
}

Status SqliteSignals::AppendEvent(const core::SignalEvent& e) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("INSERT INTO signal_history (signal_id, action, from_state, to_state, "
                            "organisation_id, note, by_user, at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  s.Bind(1, e.signal_id).Bind(2, core::ToCode(e.action));
  if (e.from_state)
    s.Bind(3, core::ToCode(*e.from_state));
  else
    s.BindNull(3);
  s.Bind(4, core::ToCode(e.to_state))
      .Bind(5, e.organisation_id)
      .Bind(6, e.note)
      .Bind(7, e.by_user)
      .Bind(8, e.at.micros);
  return s.Exec();
}

StatusOr<core::Signal> SqliteSignals::Create(const core::Signal& signal) {
  const core::SignalData& d = signal.data;
  REGIE_RETURN_IF_ERROR(RequireHousehold(signal.tenant_id, d.household_id));
  std::vector<FieldError> errors;
  for (size_t i = 0; i < d.person_ids.size(); ++i) {
    REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT 1 FROM persons WHERE id = ?1 AND "
                                                 "tenant_id = ?2 AND household_id = ?3"));
    s.Bind(1, d.person_ids[i]).Bind(2, signal.tenant_id).Bind(3, d.household_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      errors.push_back({"person_ids/" + std::to_string(i), "invalid_reference"});
    }
  }
  REGIE_ASSIGN_OR_RETURN(bool serves,
                         OrganisationServes(signal.routed_organisation_id, signal.tenant_id));
  if (!serves) errors.push_back({"organisation_id", "invalid_reference"});
  {
    REGIE_ASSIGN_OR_RETURN(
        Stmt s, conn_.Prepare("SELECT 1 FROM users WHERE id = ?1 AND organisation_id = ?2"));
    s.Bind(1, signal.reporter_user_id).Bind(2, signal.reporter_organisation_id);
    if (!s.Step()) {
      REGIE_RETURN_IF_ERROR(s.status());
      errors.push_back({"reporter", "invalid_reference"});
    }
  }
  if (!errors.empty())
    return InvalidArgument("validation_failed", "invalid reference", std::move(errors));

  REGIE_ASSIGN_OR_RETURN(
      Stmt s,
      conn_.Prepare("INSERT INTO signals (tenant_id, household_id, category, urgency, description, "
                    "reporter_user_id, reporter_organisation_id, routed_organisation_id, state, "
                    "filed_at, acknowledge_due, follow_up_due, updated_at, version) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1)"));
  s.Bind(1, signal.tenant_id)
      .Bind(2, d.household_id)
      .Bind(3, core::ToCode(d.category))
      .Bind(4, core::ToCode(d.urgency))
      .Bind(5, d.description)
      .Bind(6, signal.reporter_user_id)
      .Bind(7, signal.reporter_organisation_id)
      .Bind(8, signal.routed_organisation_id)
      .Bind(9, core::ToCode(signal.state))
      .Bind(10, signal.filed_at.micros)
      .Bind(11, signal.acknowledge_due.ToString())
      .Bind(12, OptDate(signal.follow_up_due))
      .Bind(13, signal.updated_at.micros);
  REGIE_RETURN_IF_ERROR(s.Exec());
  core::Signal out = signal;
  out.id = sqlite3_last_insert_rowid(conn_.db());
  out.version = 1;
  std::sort(out.data.person_ids.begin(), out.data.person_ids.end());
  for (int64_t person_id : out.data.person_ids) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt p, conn_.Prepare("INSERT INTO signal_persons (signal_id, person_id) VALUES (?1, ?2)"));
    p.Bind(1, out.id).Bind(2, person_id);
    REGIE_RETURN_IF_ERROR(p.Exec());
  }
  REGIE_RETURN_IF_ERROR(AppendEvent(core::SignalEvent{.signal_id = out.id,
                                                      .action = core::SignalAction::kFile,
                                                      .to_state = out.state,
                                                      .organisation_id = out.routed_organisation_id,
                                                      .by_user = out.reporter_user_id,
                                                      .at = out.filed_at}));
  return out;
}

StatusOr<std::vector<core::Signal>> SqliteSignals::Query(Stmt& s) {
  std::vector<core::Signal> out;
  while (s.Step()) out.push_back(ReadSignal(s));
  REGIE_RETURN_IF_ERROR(s.status());
  for (core::Signal& x : out) {
    REGIE_ASSIGN_OR_RETURN(
        Stmt p, conn_.Prepare("SELECT person_id FROM signal_persons WHERE signal_id = ?1 "
                              "ORDER BY person_id"));
    p.Bind(1, x.id);
    while (p.Step()) x.data.person_ids.push_back(p.Int(0));
    REGIE_RETURN_IF_ERROR(p.status());
  }
  return out;
}

StatusOr<core::Signal> SqliteSignals::Get(int64_t tenant_id, int64_t signal_id) {
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT " REGIE_SIGNAL_COLUMNS "FROM signals s WHERE s.id = ?1 AND "
                            "s.tenant_id = ?2"));
  s.Bind(1, signal_id).Bind(2, tenant_id);
  REGIE_ASSIGN_OR_RETURN(std::vector<core::Signal> found, Query(s));
  if (found.empty()) return NotFound("signal_not_found", "no such signal in this tenant");
  return std::move(found.front());
}

Status SqliteSignals::Apply(const core::Signal& next, const core::SignalEvent& event) {
  REGIE_ASSIGN_OR_RETURN(bool serves,
                         OrganisationServes(next.routed_organisation_id, next.tenant_id));
  if (!serves)
    return InvalidArgument("validation_failed", "organisation does not serve the tenant",
                           {{"organisation_id", "invalid_reference"}});
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("UPDATE signals SET routed_organisation_id = ?3, state = ?4, "
                            "acknowledge_due = ?5, follow_up_due = ?6, acknowledged_at = ?7, "
                            "acknowledged_by = ?8, closed_at = ?9, closed_by = ?10, result = ?11, "
                            "withdraw_reason = ?12, updated_at = ?13, version = ?14 "
                            "WHERE id = ?1 AND tenant_id = ?2 AND version = ?15"));
  s.Bind(1, next.id)
      .Bind(2, next.tenant_id)
      .Bind(3, next.routed_organisation_id)
      .Bind(4, core::ToCode(next.state))
      .Bind(5, next.acknowledge_due.ToString())
      .Bind(6, OptDate(next.follow_up_due));
  BindOpt(
      s, 7,
      next.acknowledged_at ? std::optional<int64_t>(next.acknowledged_at->micros) : std::nullopt);
  BindOpt(s, 8, next.acknowledged_by);
  BindOpt(s, 9, next.closed_at ? std::optional<int64_t>(next.closed_at->micros) : std::nullopt);
  BindOpt(s, 10, next.closed_by);
  s.Bind(11, next.result)
      .Bind(12, next.withdraw_reason)
      .Bind(13, next.updated_at.micros)
      .Bind(14, next.version)
      .Bind(15, next.version - 1);
  REGIE_RETURN_IF_ERROR(s.Exec());
  if (sqlite3_changes(conn_.db()) == 0) {
    REGIE_ASSIGN_OR_RETURN(core::Signal current, Get(next.tenant_id, next.id));
    (void)current;  // exists: someone else changed it first
    return Conflict("version_conflict", "the signal changed meanwhile");
  }
  core::SignalEvent e = event;
  e.signal_id = next.id;
  return AppendEvent(e);
}

StatusOr<std::vector<core::Signal>> SqliteSignals::ListByHousehold(int64_t tenant_id,
                                                                   int64_t household_id) {
  REGIE_RETURN_IF_ERROR(RequireHousehold(tenant_id, household_id));
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare("SELECT " REGIE_SIGNAL_COLUMNS
                                               "FROM signals s WHERE s.tenant_id = ?1 AND "
                                               "s.household_id = ?2 "
                                               "ORDER BY s.filed_at DESC, s.id DESC"));
  s.Bind(1, tenant_id).Bind(2, household_id);
  return Query(s);
}

StatusOr<std::vector<core::Signal>> SqliteSignals::ListForCaller(int64_t tenant_id,
                                                                 int64_t organisation_id,
                                                                 int64_t reporter_user_id,
                                                                 bool open_only) {
  // A UNION of the two indexed lookups rather than an OR over one scan.
  const std::string open = open_only ? " AND s.state IN " + std::string(kOpenStates) : "";
  const std::string sql =
      "SELECT " REGIE_SIGNAL_COLUMNS
      "FROM signals s WHERE s.id IN ("
      "SELECT id FROM signals s WHERE s.routed_organisation_id = ?2 AND s.tenant_id = ?1" +
      open + " UNION SELECT id FROM signals s WHERE s.reporter_user_id = ?3 AND s.tenant_id = ?1" +
      open + ") ORDER BY s.filed_at DESC, s.id DESC";
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  s.Bind(1, tenant_id).Bind(2, organisation_id).Bind(3, reporter_user_id);
  return Query(s);
}

StatusOr<std::vector<core::Signal>> SqliteSignals::ListOpenOfRegisseur(int64_t tenant_id,
                                                                       int64_t regisseur_user_id) {
  const std::string sql =
      "SELECT " REGIE_SIGNAL_COLUMNS
      "FROM signals s JOIN households h ON h.id = s.household_id "
      "WHERE h.tenant_id = ?1 AND h.regisseur_user_id = ?2 AND s.tenant_id = ?1 AND s.state IN " +
      std::string(kOpenStates) + " ORDER BY s.filed_at DESC, s.id DESC";
  REGIE_ASSIGN_OR_RETURN(Stmt s, conn_.Prepare(sql));
  s.Bind(1, tenant_id).Bind(2, regisseur_user_id);
  return Query(s);
}

StatusOr<std::vector<core::SignalEvent>> SqliteSignals::History(int64_t tenant_id,
                                                                int64_t signal_id) {
  REGIE_RETURN_IF_ERROR(Get(tenant_id, signal_id).status());
  REGIE_ASSIGN_OR_RETURN(
      Stmt s, conn_.Prepare("SELECT id, signal_id, action, from_state, to_state, organisation_id, "
                            "note, by_user, at FROM signal_history WHERE signal_id = ?1 "
                            "ORDER BY id"));
  s.Bind(1, signal_id);
  std::vector<core::SignalEvent> out;
  while (s.Step()) {
    core::SignalEvent e;
    e.id = s.Int(0);
    e.signal_id = s.Int(1);
    e.action = core::ParseEnum<core::SignalAction>(s.Text(2)).value_or(core::SignalAction::kFile);
    if (auto from = s.OptText(3)) e.from_state = core::ParseEnum<core::SignalState>(*from);
    e.to_state =
        core::ParseEnum<core::SignalState>(s.Text(4)).value_or(core::SignalState::kIngediend);
    e.organisation_id = s.Int(5);
    e.note = s.Text(6);
    e.by_user = s.Int(7);
    e.at = core::Timestamp{s.Int(8)};
    out.push_back(std::move(e));
  }
  REGIE_RETURN_IF_ERROR(s.status());
  return out;
}

#undef REGIE_SIGNAL_COLUMNS

}  // namespace regie::storage::sqlite
