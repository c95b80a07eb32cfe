#include "http/users_support.h"

#include "core/text.h"
#include "core/validation.h"
#include "http/auth_support.h"
#include "http/dto.h"

namespace regie::http {

using nlohmann::json;

namespace {
constexpr size_t kMaxName = 200;
}  // namespace

bool IsValidUsername(std::string_view username) {
  return username.size() >= 3 && username.size() <= 100 &&
         username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-_@") ==
             std::string_view::npos;
}

StatusOr<UserInput> ParseUserInput(const json& body, bool update) {
  UserInput in;
  std::vector<FieldError> errors;
  if (update) {
    auto v = body.find("version");
    if (v == body.end())
      errors.push_back({"version", "required"});
    else if (!v->is_number_integer() || v->get<int64_t>() < 1)
      errors.push_back({"version", "wrong_type"});
    else
      in.version = v->get<int64_t>();
    auto a = body.find("active");
    if (a == body.end())
      errors.push_back({"active", "required"});
    else if (!a->is_boolean())
      errors.push_back({"active", "wrong_type"});
    else
      in.data.active = a->get<bool>();
  } else {
    ReadRequiredString(body, "username", in.data.username, errors);
    in.data.username = NormaliseUsername(in.data.username);
    if (!in.data.username.empty() && !IsValidUsername(in.data.username))
      errors.push_back({"username", "username_invalid"});
    auto o = body.find("organisation_id");
    if (o == body.end())
      errors.push_back({"organisation_id", "required"});
    else if (!o->is_number_integer() || o->get<int64_t>() < 1)
      errors.push_back({"organisation_id", "wrong_type"});
    else
      in.data.organisation_id = o->get<int64_t>();
  }
  ReadRequiredString(body, "display_name", in.data.display_name, errors);
  in.data.display_name = core::Trim(in.data.display_name);
  if (!core::IsCleanText(in.data.display_name))
    errors.push_back({"display_name", "invalid_text"});
  else if (in.data.display_name.size() > kMaxName)
    errors.push_back({"display_name", "too_long"});
  auto e = body.find("email");
  in.email_given = e != body.end();
  if (in.email_given && !e->is_null()) {
    if (!e->is_string())
      errors.push_back({"email", "wrong_type"});
    else
      in.data.email = core::Trim(e->get<std::string>());
    if (!in.data.email.empty() &&
        (in.data.email.find('@') == std::string::npos || !core::IsCleanText(in.data.email) ||
         in.data.email.size() > kMaxName))
      errors.push_back({"email", "email_invalid"});
  }
  auto roles = body.find("roles");
  if (roles == body.end() || (roles->is_array() && roles->empty())) {
    errors.push_back({"roles", "required"});
  } else if (!roles->is_array()) {
    errors.push_back({"roles", "wrong_type"});
  } else {
    for (size_t i = 0; i < roles->size(); ++i) {
      const json& r = (*roles)[i];
      auto role = r.is_string() ? core::ParseEnum<core::Role>(r.get<std::string>()) : std::nullopt;
      if (role)
        in.data.roles.Add(*role);
      else
        errors.push_back({"roles/" + std::to_string(i), "invalid_enum"});
    }
    // Separation of duties: whoever makes accounts and gives roles must not
    // also be the one who checks the log of what was done with them.
    if (in.data.roles.Has(core::Role::kBeheer) && in.data.roles.Has(core::Role::kAuditor))
      errors.push_back({"roles", "roles_incompatible"});
  }
  if (update)
    RefuseUnknown(body, {"version", "display_name", "email", "roles", "active"}, errors);
  else
    RefuseUnknown(body, {"username", "display_name", "email", "organisation_id", "roles"}, errors);
  if (!errors.empty()) return core::ValidationFailed(std::move(errors));
  return in;
}

StatusOr<Enrolment> NewEnrolment(ports::Crypto& crypto, const ports::Clock& clock,
                                 const AuthOptions& options, ports::Transaction& tx,
                                 int64_t user_id) {
  const std::string token = crypto.RandomToken(32);
  const int64_t validity =
      std::chrono::duration_cast<std::chrono::microseconds>(options.enrolment_validity).count();
  const core::Timestamp expires{clock.Now().micros + validity};
  REGIE_RETURN_IF_ERROR(tx.Users().ResetEnrolment(user_id, crypto.TokenHash(token), expires));
  return Enrolment{"/inschrijven/" + token, expires};
}

StatusOr<Enrolment> NewEnrolment(const ApiContext& ctx, ports::Transaction& tx, int64_t user_id) {
  return NewEnrolment(ctx.crypto, ctx.clock, ctx.auth, tx, user_id);
}

bool ManagesOrganisation(const core::Organisation& organisation, int64_t tenant_id) {
  return organisation.tenant_id == tenant_id;
}

Status CheckRolesOfOrganisation(const core::Organisation& organisation,
                                const core::RoleSet& roles) {
  if (organisation.regional && !roles.Intersect(core::MunicipalRoles()).Empty())
    return core::ValidationFailed({{"roles", "role_not_for_regional"}});
  return Status::Ok();
}

StatusOr<bool> ActiveInRole(ports::Transaction& tx, const ports::User& user, core::Role role,
                            int64_t tenant_id) {
  if (!user.data.active || !user.data.roles.Has(role)) return false;
  REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                         tx.Organisations().GetById(user.data.organisation_id));
  return core::RolesIn(user.data.roles, org.tenant_id, tenant_id).Has(role);
}

StatusOr<json> UserJson(ports::Transaction& tx, const ports::User& user,
                        std::optional<int64_t> admin_tenant) {
  REGIE_ASSIGN_OR_RETURN(core::Organisation org,
                         tx.Organisations().GetById(user.data.organisation_id));
  json j = {{"id", user.id},
            {"version", user.version},
            {"username", user.data.username},
            {"display_name", user.data.display_name},
            {"roles", user.data.roles.Codes()},
            {"organisation", dto::ToJson(org)},
            {"active", user.data.active},
            {"totp_enabled", user.totp_enabled}};
  if (admin_tenant) {
    j["email"] = user.data.email;
    j["managed"] = ManagesOrganisation(org, *admin_tenant);
    REGIE_ASSIGN_OR_RETURN(std::vector<ports::SubjectBinding> bindings,
                           tx.Users().BindingsOfUser(user.id));
    json sso = json::array();
    for (const ports::SubjectBinding& b : bindings)
      sso.push_back({{"issuer", b.issuer}, {"linked_at", b.linked_at.ToString()}});
    j["sso"] = std::move(sso);
  }
  return j;
}

}  // namespace regie::http
