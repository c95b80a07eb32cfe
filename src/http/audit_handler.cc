// The audit log for the privacy officer (role auditor): filter by person,
// user, household, action and dates; export to CSV (itself audited).
#include <map>
#include <nlohmann/json.hpp>

#include "http/audit_writer.h"
#include "http/dto.h"
#include "http/guard.h"
#include "http/handlers.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr int kMaxLimit = 500;
constexpr int kCsvMaxRows = 100'000;

StatusOr<ports::AuditQuery> ParseAuditQuery(int64_t tenant_id, std::string_view query) {
  ports::AuditQuery q;
  q.tenant_id = tenant_id;
  REGIE_ASSIGN_OR_RETURN(auto params, ParseQuery(query));
  std::vector<FieldError> errors;
  for (auto& param : params) {
    // Named references: lambdas may not capture structured bindings (clang).
    const std::string& name = param.first;
    std::string& value = param.second;
    if (value.empty()) continue;
    auto id = [&]() -> std::optional<int64_t> {
      std::optional<int64_t> v = ParseId(value);
      if (!v) errors.push_back({name, "invalid_number"});
      return v;
    };
    if (name == "user_id")
      q.user_id = id();
    else if (name == "person_id")
      q.person_id = id();
    else if (name == "household_id")
      q.household_id = id();
    else if (name == "after")
      q.before_seq = id();
    else if (name == "action")
      q.action = value;
    else if (name == "from" || name == "to") {
      std::optional<core::Date> d = core::Date::Parse(value);
      if (!d) errors.push_back({name, "invalid_date"});
      (name == "from" ? q.from : q.to) = d;
    } else if (name == "limit") {
      std::optional<int64_t> n = ParseId(value);
      if (!n || *n > kMaxLimit)
        errors.push_back({name, "out_of_range"});
      else
        q.limit = static_cast<int>(*n);
    }
  }
  if (!errors.empty())
    return InvalidArgument("bad_request", "invalid audit filter", std::move(errors));
  return q;
}

json RecordJson(const core::AuditRecord& r, const json& user) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); };
  return {{"seq", r.seq},
          {"at", r.at.ToString()},
          {"user", user},
          {"organisation_id", opt(r.organisation_id)},
          {"tenant_id", opt(r.tenant_id)},
          {"action", r.action},
          {"resource_type", r.resource_type},
          {"resource_id", r.resource_id},
          {"household_id", opt(r.household_id)},
          {"person_id", opt(r.person_id)},
          {"categories", r.categories.Codes()},
          {"purpose", r.purpose},
          {"break_glass", r.break_glass},
          {"outcome", r.outcome},
          {"client_ip", r.client_ip}};
}

// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a
// spreadsheet never runs a cell as a formula.
std::string CsvCell(std::string_view v) {
  std::string s(v);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(0, "'");
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

class AuditHandlers {
 public:
  explicit AuditHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Find(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(ports::AuditQuery q, ParseAuditQuery(tenant_id, request.query));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kAuditor, tenant_id, "read", "audit"));
    REGIE_ASSIGN_OR_RETURN(std::vector<core::AuditRecord> records, tx->Audit().Find(q));
    json items = json::array();
    for (const core::AuditRecord& record : records)
      items.push_back(RecordJson(record, UserRefOf(*tx, record.user_id)));
    // A full page may have more behind it: look for one record (asking the
    // repository for limit + 1 would not do, it returns at most 500).
    json next = nullptr;
    if (!records.empty() && static_cast<int>(records.size()) == q.limit) {
      ports::AuditQuery probe = q;
      probe.before_seq = records.back().seq;
      probe.limit = 1;
      REGIE_ASSIGN_OR_RETURN(std::vector<core::AuditRecord> more, tx->Audit().Find(probe));
      if (!more.empty()) next = std::to_string(records.back().seq);
    }
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "read", "audit", "");
    r.tenant_id = tenant_id;
    return LoggedRead(
        JsonResponse(200, dto::Dump(json{{"items", std::move(items)}, {"next", next}})),
        ctx_.audit.Enqueue(std::move(r)));
  }

  StatusOr<ApiResponse> Csv(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(int64_t tenant_id, PathId(request, "tenantId"));
    REGIE_ASSIGN_OR_RETURN(ports::AuditQuery q, ParseAuditQuery(tenant_id, request.query));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(Caller caller, Authenticate(ctx_, *tx, request));
    REGIE_RETURN_IF_ERROR(
        RequireRole(ctx_, caller, core::Role::kAuditor, tenant_id, "export", "audit"));
    std::string csv =
        "seq,at,user_id,user,organisation_id,action,resource_type,resource_id,household_id,"
        "person_id,categories,purpose,break_glass,outcome,client_ip\r\n";
    int rows = 0;
    q.limit = kMaxLimit;
    while (rows < kCsvMaxRows) {
      REGIE_ASSIGN_OR_RETURN(std::vector<core::AuditRecord> page, tx->Audit().Find(q));
      for (const core::AuditRecord& r : page) {
        json user = UserRefOf(*tx, r.user_id);
        auto opt = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; };
        csv += std::to_string(r.seq) + "," + r.at.ToString() + "," + opt(r.user_id) + "," +
               CsvCell(user.is_null() || user["display_name"].is_null()
                           ? ""
                           : user["display_name"].get<std::string>()) +
               "," + opt(r.organisation_id) + "," + CsvCell(r.action) + "," +
               CsvCell(r.resource_type) + "," + CsvCell(r.resource_id) + "," + opt(r.household_id) +
               "," + opt(r.person_id) + "," + CsvCell(r.categories.ToString()) + "," +
               CsvCell(r.purpose) + "," + (r.break_glass ? "ja" : "nee") + "," +
               CsvCell(r.outcome) + "," + CsvCell(r.client_ip) + "\r\n";
        ++rows;
      }
      if (static_cast<int>(page.size()) < q.limit) break;
      q.before_seq = page.back().seq;
    }
    core::AuditRecord r = AuditOf(caller, ctx_.clock, "export", "audit", "");
    r.tenant_id = tenant_id;
    r.purpose = "csv rows=" + std::to_string(rows);
    ApiResponse out{
        .status = 200, .body = std::move(csv), .content_type = "text/csv; charset=utf-8"};
    out.content_disposition = "attachment; filename=\"regie-audit.csv\"";
    out.audit = ctx_.audit.Enqueue(std::move(r));
    return out;
  }

 private:
  json UserRefOf(ports::Transaction& tx, const std::optional<int64_t>& user_id) {
    if (!user_id) return nullptr;
    auto it = names_.find(*user_id);
    if (it == names_.end()) {
      StatusOr<ports::User> u = tx.Users().Get(*user_id);
      it = names_.emplace(*user_id, u.ok() ? u->data.display_name : std::string()).first;
    }
    return {{"id", *user_id}, {"display_name", it->second}};
  }

  const ApiContext& ctx_;
  // Display names looked up during this request (one object per request).
  std::map<int64_t, std::string> names_;
};

}  // namespace

void AddAuditRoutes(Router& router, const ApiContext& ctx) {
  // A handler object per request: the name cache must not be shared
  // between threads.
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/audit",
             [&ctx](const ApiRequest& r) { return AuditHandlers(ctx).Find(r); });
  router.Add(Verb::get, "/api/v1/tenants/{tenantId}/audit.csv",
             [&ctx](const ApiRequest& r) { return AuditHandlers(ctx).Csv(r); });
}

}  // namespace regie::http
