#pragma once

#include <chrono>
#include <string>

#include "core/access/field_categories.h"
#include "core/casework/plan_domains.h"
#include "ports/clock.h"
#include "ports/crypto.h"
#include "ports/database.h"
#include "ports/identity_providers.h"

namespace regie::http {

class AuditWriter;
class PolicyRegistry;
class SessionCache;

struct AuthOptions {
  std::chrono::minutes idle_timeout{30};
  std::chrono::hours absolute_timeout{12};
  std::chrono::hours enrolment_validity{7 * 24};
  // The session cookie gets `Secure` on requests that came over TLS or
  // through a trusted proxy that says X-Forwarded-Proto: https.
  bool trust_proxy = false;
  std::string totp_issuer = "Regie";
};

// What every handler may use. All references outlive the router.
struct ApiContext {
  ports::Database& db;
  const ports::Clock& clock;
  ports::Crypto& crypto;
  AuditWriter& audit;
  const core::FieldCategories& fields;
  AuthOptions auth;
  // Optional: without it every request reads its session from the database.
  SessionCache* sessions = nullptr;
  // The loaded policy packs; required by the policy routes (events,
  // milestones, worklist, packs).
  PolicyRegistry* policies = nullptr;
  // The life domains of plan goals; null means core::PlanDomains::Defaults().
  const core::PlanDomains* plan_domains = nullptr;
  // Single sign-on (`regie serve --oidc FILE`); null: no providers.
  ports::IdentityProviders* identity_providers = nullptr;
};

}  // namespace regie::http
