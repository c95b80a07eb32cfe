#include "oidc/oidc_config.h"

#include <sys/stat.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "oidc/https_client.h"

namespace regie::oidc {
namespace {

constexpr std::string_view kCallbackPath = "/api/v1/auth/oidc/callback";

Status Invalid(const std::string& message) {
  return Status(StatusCode::kInvalidArgument, "oidc_config_invalid", message);
}

bool ValidId(std::string_view id) {
  return !id.empty() && id.size() <= 40 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

StatusOr<std::string> String(const toml::table& t, const std::string& where, const char* key,
                             bool required) {
  const toml::node* node = t.get(key);
  if (node == nullptr) {
    if (required) return Invalid(where + ": " + key + " is required");
    return std::string();
  }
  std::optional<std::string> value = node->value<std::string>();
  if (!value || (required && value->empty()))
    return Invalid(where + ": " + key + " must be a non-empty string");
  return *value;
}

StatusOr<std::vector<std::string>> Strings(const toml::table& t, const std::string& where,
                                           const char* key, std::vector<std::string> fallback) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return fallback;
  const toml::array* array = node->as_array();
  if (array == nullptr) return Invalid(where + ": " + key + " must be an array of strings");
  std::vector<std::string> out;
  for (const toml::node& item : *array) {
    std::optional<std::string> s = item.value<std::string>();
    if (!s || s->empty()) return Invalid(where + ": " + key + " must be an array of strings");
    out.push_back(*s);
  }
  return out;
}

StatusOr<ProviderConfig> ReadProvider(
    const std::string& id, const toml::table& t,
    const std::function<StatusOr<std::string>(const std::string&)>& read_secret_file) {
  const std::string where = "provider." + id;
  static const std::set<std::string, std::less<>> kKnown = {"name_nl",
                                                            "name_en",
                                                            "issuer",
                                                            "client_id",
                                                            "client_secret",
                                                            "client_secret_file",
                                                            "redirect_uri",
                                                            "scopes",
                                                            "user_claim",
                                                            "match",
                                                            "require_mfa_claim",
                                                            "mfa_methods",
                                                            "timeout_seconds"};
  for (const auto& [key, value] : t)
    if (!kKnown.contains(key.str()))
      return Invalid(where + ": unknown key " + std::string(key.str()));
  ProviderConfig p;
  p.id = id;
  REGIE_ASSIGN_OR_RETURN(p.name_nl, String(t, where, "name_nl", true));
  REGIE_ASSIGN_OR_RETURN(p.name_en, String(t, where, "name_en", false));
  if (p.name_en.empty()) p.name_en = p.name_nl;
  REGIE_ASSIGN_OR_RETURN(p.issuer, String(t, where, "issuer", true));
  if (!ParseOutboundUrl(p.issuer).ok())
    return Invalid(where + ": issuer must be an https:// URL (http:// only on loopback)");
  REGIE_ASSIGN_OR_RETURN(p.client_id, String(t, where, "client_id", true));
  REGIE_ASSIGN_OR_RETURN(std::string secret, String(t, where, "client_secret", false));
  REGIE_ASSIGN_OR_RETURN(std::string secret_file, String(t, where, "client_secret_file", false));
  if (secret.empty() == secret_file.empty())
    return Invalid(where + ": give exactly one of client_secret and client_secret_file");
  if (!secret_file.empty()) {
    StatusOr<std::string> read = read_secret_file(secret_file);
    if (!read.ok()) return Invalid(where + ": " + read.status().message());
    secret = *read;
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    if (secret.empty()) return Invalid(where + ": client_secret_file is empty");
  }
  p.client_secret = std::move(secret);
  REGIE_ASSIGN_OR_RETURN(p.redirect_uri, String(t, where, "redirect_uri", true));
  StatusOr<ParsedUrl> redirect = ParseOutboundUrl(p.redirect_uri);
  if (!redirect.ok() || redirect->target != kCallbackPath)
    return Invalid(where + ": redirect_uri must be this server's https://HOST" +
                   std::string(kCallbackPath));
  REGIE_ASSIGN_OR_RETURN(p.scopes, Strings(t, where, "scopes", p.scopes));
  if (std::find(p.scopes.begin(), p.scopes.end(), "openid") == p.scopes.end())
    return Invalid(where + ": scopes must contain openid");
  REGIE_ASSIGN_OR_RETURN(std::string claim, String(t, where, "user_claim", false));
  if (!claim.empty()) p.user_claim = claim;
  REGIE_ASSIGN_OR_RETURN(std::string match, String(t, where, "match", false));
  if (!match.empty()) p.match = match;
  if (p.match != "email" && p.match != "username")
    return Invalid(where + ": match must be email or username");
  if (const toml::node* n = t.get("require_mfa_claim")) {
    std::optional<bool> b = n->value<bool>();
    if (!b) return Invalid(where + ": require_mfa_claim must be true or false");
    p.require_mfa_claim = *b;
  }
  REGIE_ASSIGN_OR_RETURN(p.mfa_methods, Strings(t, where, "mfa_methods", p.mfa_methods));
  if (p.require_mfa_claim && p.mfa_methods.empty())
    return Invalid(where + ": mfa_methods must not be empty when require_mfa_claim is on");
  if (const toml::node* n = t.get("timeout_seconds")) {
    std::optional<int64_t> v = n->value<int64_t>();
    if (!v || *v < 1 || *v > 60) return Invalid(where + ": timeout_seconds must be 1..60");
    p.timeout_seconds = static_cast<int>(*v);
  }
  return p;
}

}  // namespace

StatusOr<std::vector<ProviderConfig>> ParseProviderConfigs(
    std::string_view toml_text,
    const std::function<StatusOr<std::string>(const std::string&)>& read_secret_file) {
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {  // the library's errors end here
    std::ostringstream message;
    message << e.description() << " at line " << e.source().begin.line;
    return Invalid(message.str());
  }
  for (const auto& [key, value] : root)
    if (key.str() != "provider") return Invalid("unknown table or key " + std::string(key.str()));
  const toml::table* providers = root["provider"].as_table();
  if (providers == nullptr || providers->empty()) return Invalid("no [provider.<id>] table");
  std::vector<ProviderConfig> out;
  for (const auto& [key, value] : *providers) {
    const std::string id(key.str());
    if (!ValidId(id)) return Invalid("provider id " + id + ": use a-z, 0-9, - and _");
    const toml::table* table = value.as_table();
    if (table == nullptr) return Invalid("provider." + id + " must be a table");
    REGIE_ASSIGN_OR_RETURN(ProviderConfig p, ReadProvider(id, *table, read_secret_file));
    out.push_back(std::move(p));
  }
  return out;
}

StatusOr<std::vector<ProviderConfig>> LoadProviderConfigs(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Invalid("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto read_secret = [](const std::string& file) -> StatusOr<std::string> {
    struct stat st {};
    if (stat(file.c_str(), &st) != 0) return Invalid("cannot read client_secret_file " + file);
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
      return Invalid("client_secret_file " + file +
                     " must have mode 0600 (no group or other access)");
    std::ifstream secret(file, std::ios::binary);
    if (!secret) return Invalid("cannot read client_secret_file " + file);
    std::stringstream content;
    content << secret.rdbuf();
    return content.str();
  };
  return ParseProviderConfigs(text.str(), read_secret);
}

}  // namespace regie::oidc
