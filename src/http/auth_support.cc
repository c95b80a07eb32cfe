#include "http/auth_support.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "core/auth/totp.h"
#include "core/text.h"
#include "core/validation.h"
#include "http/dto.h"
#include "http/problem.h"

namespace regie::http {

ports::Session NewSession(const ApiContext& ctx, int64_t user_id, core::Timestamp now,
                          std::string_view client_ip, std::string& token) {
  token = ctx.crypto.RandomToken(32);
  ports::Session session;
  session.token_hash = ctx.crypto.TokenHash(token);
  session.user_id = user_id;
  session.csrf_token = ctx.crypto.RandomToken(32);
  session.created_at = now;
  session.last_seen_at = now;
  session.absolute_expires_at = core::Timestamp{
      now.micros +
      std::chrono::duration_cast<std::chrono::microseconds>(ctx.auth.absolute_timeout).count()};
  session.client_ip = std::string(client_ip);
  return session;
}

using nlohmann::json;

ApiResponse TooManyAttempts(int64_t retry_after_seconds, std::string_view instance) {
  ApiResponse r = MakeProblem(429, "too_many_attempts", instance);
  r.retry_after_seconds = std::max<int64_t>(1, retry_after_seconds);
  return r;
}

const std::string& DummyPasswordHash(ports::Crypto& crypto) {
  static const std::string kHash = [&crypto] {
    StatusOr<std::string> h = crypto.HashPassword(crypto.RandomToken(24));
    return h.ok() ? *h : std::string();
  }();
  return kHash;
}

void ReadRequiredString(const json& body, const char* key, std::string& out,
                        std::vector<FieldError>& errors) {
  auto it = body.find(key);
  if (it == body.end() || (it->is_string() && it->get_ref<const std::string&>().empty())) {
    errors.push_back({key, "required"});
  } else if (!it->is_string()) {
    errors.push_back({key, "wrong_type"});
  } else {
    out = it->get<std::string>();
  }
}

bool ReadOptionalIds(const nlohmann::json& body, const char* key, std::vector<int64_t>& out,
                     std::vector<FieldError>& errors) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_array()) {
    errors.push_back({key, "wrong_type"});
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < it->size(); ++i) {
    const nlohmann::json& v = (*it)[i];
    if (v.is_number_integer() && v.get<int64_t>() > 0) {
      out.push_back(v.get<int64_t>());
    } else {
      errors.push_back({std::string(key) + "/" + std::to_string(i), "wrong_type"});
      ok = false;
    }
  }
  return ok;
}

void RefuseUnknown(const json& body, std::initializer_list<std::string_view> known,
                   std::vector<FieldError>& errors) {
  for (const auto& item : body.items())
    if (std::find(known.begin(), known.end(), item.key()) == known.end())
      errors.push_back({item.key(), "unknown_field"});
}

StatusOr<std::string> ReadReasonBody(const json& body, size_t min_length, size_t max_length) {
  std::string reason;
  std::vector<FieldError> errors;
  ReadRequiredString(body, "reason", reason, errors);
  RefuseUnknown(body, {"reason"}, errors);
  reason = core::Trim(reason);
  if (errors.empty() && !core::IsCleanText(reason, true))
    errors.push_back({"reason", "invalid_text"});
  else if (errors.empty() && reason.size() < min_length)
    errors.push_back({"reason", "too_short"});
  else if (errors.empty() && reason.size() > max_length)
    errors.push_back({"reason", "too_long"});
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return reason;
}

std::string NormaliseUsername(std::string_view username) {
  std::string out = core::Trim(username);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string NormaliseRecoveryCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::vector<std::string> NewRecoveryCodes(ports::Crypto& crypto) {
  std::vector<std::string> out;
  for (int i = 0; i < 10; ++i) {
    std::array<uint8_t, 8> raw{};
    crypto.RandomBytes(raw);
    std::string b32 = NormaliseRecoveryCode(core::Base32Encode(raw).substr(0, 12));
    out.push_back(b32.substr(0, 4) + "-" + b32.substr(4, 4) + "-" + b32.substr(8, 4));
  }
  return out;
}

StatusOr<json> MeJson(const ApiContext& ctx, ports::Transaction& tx, const Caller& caller) {
  const core::Principal& p = caller.principal;
  REGIE_ASSIGN_OR_RETURN(core::Organisation org, tx.Organisations().GetById(p.organisation_id));
  json tenants = json::array();
  for (int64_t id : p.tenant_ids) {
    REGIE_ASSIGN_OR_RETURN(core::Tenant t, tx.Tenants().Get(id));
    tenants.push_back(dto::ToJson(t));
  }
  const int64_t idle =
      std::chrono::duration_cast<std::chrono::microseconds>(ctx.auth.idle_timeout).count();
  return json{{"user",
               {{"id", p.user_id},
                {"username", p.username},
                {"display_name", p.display_name},
                {"roles", p.roles.Codes()},
                {"organisation", dto::ToJson(org)},
                {"tenants", std::move(tenants)}}},
              {"csrf_token", caller.session.csrf_token},
              {"idle_expires_at", core::Timestamp{ctx.clock.Now().micros + idle}.ToString()},
              {"absolute_expires_at", caller.session.absolute_expires_at.ToString()}};
}

}  // namespace regie::http
