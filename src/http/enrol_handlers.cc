// Enrolment through a one-time link: set a password, scan the TOTP QR code,
// store the recovery codes, confirm with a first code.
#include <nlohmann/json.hpp>

#include "core/auth/password_policy.h"
#include "core/auth/totp.h"
#include "core/validation.h"
#include "http/audit_writer.h"
#include "http/auth_support.h"
#include "http/dto.h"
#include "http/handlers.h"
#include "http/qr_svg.h"
#include "http/session_cache.h"

namespace regie::http {
namespace {

using nlohmann::json;

constexpr size_t kTotpSeedBytes = 20;  // 160 bits, as RFC 4226 recommends

// Filed under the home municipality of the user's organisation: its
// auditor looks there (audit queries are per tenant), and its beheer issued
// the link.
StatusOr<core::AuditRecord> EnrolAudit(const ApiContext& ctx, ports::Transaction& tx,
                                       const ApiRequest& request, const ports::User& user,
                                       std::string action) {
  REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                         tx.Organisations().GetById(user.data.organisation_id));
  core::AuditRecord r;
  r.tenant_id = org.tenant_id;
  r.at = ctx.clock.Now();
  r.user_id = user.id;
  r.organisation_id = user.data.organisation_id;
  r.action = std::move(action);
  r.resource_type = "user";
  r.resource_id = std::to_string(user.id);
  r.outcome = "allowed";
  r.client_ip = std::string(request.client_ip);
  return r;
}

class EnrolHandlers {
 public:
  explicit EnrolHandlers(const ApiContext& ctx) : ctx_(ctx) {}

  StatusOr<ApiResponse> Show(const ApiRequest& request) {
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
    REGIE_ASSIGN_OR_RETURN(ports::User user, FindUser(*tx, request));
    REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                           tx->Organisations().GetById(user.data.organisation_id));
    return JsonResponse(200, dto::Dump(json{{"username", user.data.username},
                                            {"display_name", user.data.display_name},
                                            {"organisation", dto::ToJson(org)}}));
  }

  StatusOr<ApiResponse> SetPassword(const ApiRequest& request) {
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::string password;
    std::vector<FieldError> errors;
    ReadRequiredString(body, "password", password, errors);
    RefuseUnknown(body, {"password"}, errors);
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    std::string username;
    {
      REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kRead));
      REGIE_ASSIGN_OR_RETURN(ports::User user, FindUser(*tx, request));
      username = user.data.username;
    }
    for (std::string& code : core::CheckPassword(password, username))
      errors.push_back({"password", std::move(code)});
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    // The slow hash outside the transaction.
    REGIE_ASSIGN_OR_RETURN(std::string hash, ctx_.crypto.HashPassword(password));
    std::vector<uint8_t> seed(kTotpSeedBytes);
    ctx_.crypto.RandomBytes(seed);
    std::vector<std::string> codes = NewRecoveryCodes(ctx_.crypto);
    std::vector<std::string> code_hashes;
    code_hashes.reserve(codes.size());
    for (const std::string& c : codes)
      code_hashes.push_back(ctx_.crypto.TokenHash(NormaliseRecoveryCode(c)));

    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(ports::User user, FindUser(*tx, request));
    REGIE_RETURN_IF_ERROR(tx->Users().SetPassword(user.id, hash));
    REGIE_RETURN_IF_ERROR(tx->Users().SetTotp(user.id, ctx_.crypto.Seal(seed), false));
    REGIE_RETURN_IF_ERROR(tx->Users().ReplaceRecoveryCodes(user.id, code_hashes));
    REGIE_ASSIGN_OR_RETURN(core::AuditRecord audit,
                           EnrolAudit(ctx_, *tx, request, user, "enrol_password"));
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(audit)).status());
    const std::string uri = core::TotpUri(ctx_.auth.totp_issuer, user.data.username, seed);
    REGIE_ASSIGN_OR_RETURN(std::string svg, QrSvg(uri));
    REGIE_RETURN_IF_ERROR(tx->Commit());
    return JsonResponse(200, dto::Dump(json{{"totp_secret", core::Base32Encode(seed)},
                                            {"otpauth_uri", uri},
                                            {"qr_svg", svg},
                                            {"recovery_codes", codes}}));
  }

  StatusOr<ApiResponse> Confirm(const ApiRequest& request) {
    REGIE_RETURN_IF_ERROR(RequireJson(request));
    REGIE_ASSIGN_OR_RETURN(json body, dto::ParseObject(request.body));
    std::string code;
    std::vector<FieldError> errors;
    ReadRequiredString(body, "code", code, errors);
    RefuseUnknown(body, {"code"}, errors);
    if (!errors.empty()) return core::ValidationFailed(std::move(errors));
    REGIE_ASSIGN_OR_RETURN(auto tx, ctx_.db.Begin(ports::TxMode::kWrite));
    REGIE_ASSIGN_OR_RETURN(ports::User user, FindUser(*tx, request));
    if (user.totp_sealed.empty())
      return FailedPrecondition("enrolment_incomplete", "no password and TOTP seed set yet");
    REGIE_ASSIGN_OR_RETURN(std::vector<uint8_t> seed, ctx_.crypto.Open(user.totp_sealed));
    const core::Timestamp now = ctx_.clock.Now();
    std::optional<int64_t> step = core::VerifyTotp(seed, code, now.micros / 1'000'000);
    if (!step) return core::ValidationFailed({{"code", "totp_invalid"}});
    REGIE_RETURN_IF_ERROR(tx->Users().SetTotp(user.id, user.totp_sealed, true));
    REGIE_RETURN_IF_ERROR(tx->Users().UseTotpStep(user.id, *step));
    REGIE_RETURN_IF_ERROR(tx->Users().ClearEnrolment(user.id));
    REGIE_RETURN_IF_ERROR(tx->Sessions().RevokeAllOf(user.id));
    REGIE_ASSIGN_OR_RETURN(core::AuditRecord audit,
                           EnrolAudit(ctx_, *tx, request, user, "enrol_complete"));
    REGIE_RETURN_IF_ERROR(ctx_.audit.AppendInTransaction(*tx, std::move(audit)).status());
    REGIE_RETURN_IF_ERROR(tx->Commit());
    if (ctx_.sessions != nullptr) ctx_.sessions->EraseUser(user.id);
    return ApiResponse{.status = 204};
  }

 private:
  StatusOr<ports::User> FindUser(ports::Transaction& tx, const ApiRequest& request) {
    std::string_view token = request.params.Get("token");
    if (token.empty() || token.size() > 200)
      return NotFound("enrolment_invalid", "no enrolment with this token");
    return tx.Users().GetByEnrolment(ctx_.crypto.TokenHash(token), ctx_.clock.Now());
  }

  const ApiContext& ctx_;
};

}  // namespace

void AddEnrolRoutes(Router& router, const ApiContext& ctx) {
  auto h = std::make_shared<EnrolHandlers>(ctx);
  const std::string base = "/api/v1/auth/enrol/{token}";
  router.Add(Verb::get, base, [h](const ApiRequest& r) { return h->Show(r); });
  router.Add(Verb::post, base, [h](const ApiRequest& r) { return h->SetPassword(r); });
  router.Add(Verb::post, base + "/confirm", [h](const ApiRequest& r) { return h->Confirm(r); });
}

}  // namespace regie::http
