#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "http/context.h"
#include "ports/access_repositories.h"

// Shared by the user-administration handlers and `regie user add`.
namespace regie::http {

struct UserInput {
  int64_t version = 0;  // updates only
  ports::UserData data;
};

// A username as accounts have it, after NormaliseUsername (auth_support.h):
// 3 to 100 characters of [a-z0-9.-_@]. Login refuses any other before it
// looks anything up ("username_invalid").
bool IsValidUsername(std::string_view username);

// Create: username, display_name, email, organisation_id, roles.
// Update: version, display_name, email, roles, active.
StatusOr<UserInput> ParseUserInput(const nlohmann::json& body, bool update);

// A one-time enrolment link: the web UI's path "/inschrijven/<token>" (the
// token is 43 URL-safe base64 characters and is stored hashed only) and
// when it expires.
struct Enrolment {
  std::string path;
  core::Timestamp expires_at;
};

// A new enrolment link for the user; replaces any earlier one and clears the
// password and TOTP seed.
StatusOr<Enrolment> NewEnrolment(const ApiContext& ctx, ports::Transaction& tx, int64_t user_id);
StatusOr<Enrolment> NewEnrolment(ports::Crypto& crypto, const ports::Clock& clock,
                                 const AuthOptions& options, ports::Transaction& tx,
                                 int64_t user_id);

// User JSON (docs/api-contract.md). For an administrator of `admin_tenant`
// also the e-mail address, the single sign-on bindings and `managed`
// (ManagesOrganisation).
StatusOr<nlohmann::json> UserJson(ports::Transaction& tx, const ports::User& user,
                                  std::optional<int64_t> admin_tenant);

// Whether the beheer of `tenant_id` creates and changes the users of the
// organisation: only of one at home in that tenant. A regional organisation
// also serves other tenants and its users act in all of them, so a beheer
// of one of those must not make, re-role or take over such an account and
// with it reach the others; its home municipality's beheer does.
bool ManagesOrganisation(const core::Organisation& organisation, int64_t tenant_id);

}  // namespace regie::http
