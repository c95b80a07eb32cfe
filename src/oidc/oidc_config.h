#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace regie::oidc {

// One identity provider of `regie serve --oidc FILE` (docs/access.md,
// "Single sign-on").
struct ProviderConfig {
  std::string id;  // the TOML table's key: [provider.<id>]
  std::string name_nl;
  std::string name_en;
  std::string issuer;  // exactly as the provider's discovery document states it
  std::string client_id;
  std::string client_secret;  // from `client_secret` or the file `client_secret_file`
  std::string redirect_uri;   // this server's /api/v1/auth/oidc/callback
  std::vector<std::string> scopes{"openid", "email"};
  std::string user_claim = "email";  // which ID token claim names the user
  std::string match = "email";       // the local field it is compared with: email or username
  bool require_mfa_claim = true;
  std::vector<std::string> mfa_methods{"mfa", "otp", "hwk", "swk", "sc"};
  int timeout_seconds = 10;  // each call to the provider
};

// Reads the providers from TOML text. InvalidArgument "oidc_config_invalid"
// naming the first problem. `read_secret_file` reads a client_secret_file
// (the caller checks its mode).
StatusOr<std::vector<ProviderConfig>> ParseProviderConfigs(
    std::string_view toml_text,
    const std::function<StatusOr<std::string>(const std::string&)>& read_secret_file);

// Reads FILE and the secret files it names; a secret file must not be
// readable or writable by group or others (mode 0600 or stricter).
StatusOr<std::vector<ProviderConfig>> LoadProviderConfigs(const std::string& path);

}  // namespace regie::oidc
