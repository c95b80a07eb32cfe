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
  bool email_given = false;  // "email" was in the body (null counts)
};

// A username as accounts have it, after NormaliseUsername (auth_support.h):
// 3 to 100 characters of [a-z0-9.-_@]. Login refuses any other before it
// looks anything up ("username_invalid").
bool IsValidUsername(std::string_view username);

// Create: username, display_name, email, organisation_id, roles.
// Update: version, display_name, email (optional: absent keeps the stored
// address, null or "" clears it; `email_given` tells), roles, active.
// Refuses beheer together with auditor on one account ("roles",
// "roles_incompatible").
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

// The roles a user of `organisation` may be given: a regional organisation's
// users serve several municipalities, so none of them gets a municipal role
// (core::MunicipalRoles; it would count only at home anyway, and whoever
// needs one there belongs to a municipal organisation). ValidationFailed
// "role_not_for_regional" on "roles" otherwise.
Status CheckRolesOfOrganisation(const core::Organisation& organisation, const core::RoleSet& roles);

// Whether `user` is active and holds `role` where it counts in `tenant_id`
// (core::RolesIn: a municipal role only in its organisation's home), e.g.
// before naming them a household's regisseur there.
StatusOr<bool> ActiveInRole(ports::Transaction& tx, const ports::User& user, core::Role role,
                            int64_t tenant_id);

}  // namespace regie::http
