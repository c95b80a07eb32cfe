#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "http/caller.h"
#include "http/context.h"
#include "http/router.h"

// Helpers shared by the authentication and user-administration handlers.
namespace regie::http {

// A new session of `user_id` starting at `now`, with its absolute expiry
// from the configured timeout and a fresh CSRF token; `token` receives the
// cookie's value (only its hash is stored). The second factor is not done
// (set mfa_done where it is). The one place sessions are made, so password
// and single sign-on logins get the same tokens and timeouts.
ports::Session NewSession(const ApiContext& ctx, int64_t user_id, core::Timestamp now,
                          std::string_view client_ip, std::string& token);

// A 429 problem with Retry-After.
ApiResponse TooManyAttempts(int64_t retry_after_seconds, std::string_view instance);

// An Argon2id hash of a random password, made once: verified against when
// the account does not exist, so such a login takes as long as a real one.
const std::string& DummyPasswordHash(ports::Crypto& crypto);

// Reads a required string member; field errors "required" / "wrong_type".
void ReadRequiredString(const nlohmann::json& body, const char* key, std::string& out,
                        std::vector<FieldError>& errors);
// Reads an optional array of positive ids (absent or null = empty); field
// errors "wrong_type" for the array or an element ("key/<i>"). False when
// any element is wrong: the indices of later domain checks would then no
// longer match the request, so those checks should be skipped.
bool ReadOptionalIds(const nlohmann::json& body, const char* key, std::vector<int64_t>& out,
                     std::vector<FieldError>& errors);
// Adds "unknown_field" for every member not in `known`.
void RefuseUnknown(const nlohmann::json& body, std::initializer_list<std::string_view> known,
                   std::vector<FieldError>& errors);

// A body that is exactly {"reason": text}: the trimmed reason, or field
// errors "required", "wrong_type", "invalid_text", "too_short" (under
// `min_length` bytes), "too_long" and "unknown_field" (422).
StatusOr<std::string> ReadReasonBody(const nlohmann::json& body, size_t min_length,
                                     size_t max_length);

// Usernames compare without case and surrounding spaces.
std::string NormaliseUsername(std::string_view username);
// Recovery codes are typed with or without dashes and in any case.
std::string NormaliseRecoveryCode(std::string_view code);
// Ten fresh recovery codes "xxxx-xxxx-xxxx" (base32, 60 bits each).
std::vector<std::string> NewRecoveryCodes(ports::Crypto& crypto);

// The "Me" representation (docs/api-contract.md).
StatusOr<nlohmann::json> MeJson(const ApiContext& ctx, ports::Transaction& tx,
                                const Caller& caller);

}  // namespace regie::http
