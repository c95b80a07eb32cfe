#pragma once

// The authorisation matrix of the API (docs/api-contract.md, "Access"): for
// every route, every role and every relationship the expected answer.
// authz_matrix_test.cc builds the world the columns name, sends each request
// and checks the answer; a route of the router without an entry here fails
// that test.
//
// Cells:
//   200 201 204 404 401 ...  that status
//   NR                       403 no_relationship (the UI may offer break-the-glass)
//   FB                       403 forbidden (role or action not allowed)
//   200+ / 200-              200, and the column's household is / is not in the list
// Anonymous requests carry no cookie; on a non-public route their 401 must be
// not_authenticated.
//
// Columns by target:
//   kNone:       one column (no tenant in the path)
//   kTenant:     own tenant (A) | other tenant (B)
//   kUser:       a user of tenant A | a user of tenant B (through B's path)
//   kHousehold, kListing, kPerson, kBasis: one household per relationship
//     none      a household of regisseur2, no organisation involved
//     own       the user's own: "regisseur" directs it, "begeleider" and
//               "vrijwilliger" are assigned (no organisation involved)
//     basis     every organisation of tenant A involved, and an active
//               sharing basis (basis + gezondheid) of its first person for each
//     nobasis   every organisation involved, no basis for them
//     expired   every organisation involved, their bases expired
//     withdrawn every organisation involved, their bases withdrawn
//     other     a household of tenant B, through tenant B's path
//   kListing looks for the column's household in the list (q = its name);
//   kPerson is that household's first person; kBasis a basis of that person
//   for an organisation no user belongs to.
#include <array>
#include <string_view>
#include <vector>

namespace regie::testing::authz {

enum class Target { kNone, kTenant, kUser, kHousehold, kListing, kPerson, kBasis };

inline constexpr std::array<std::string_view, 7> kRelationships = {
    "none", "own", "basis", "nobasis", "expired", "withdrawn", "other"};
inline constexpr std::array<std::string_view, 8> kRoles = {"regisseur",    "begeleider", "partner",
                                                           "vrijwilliger", "beleid",     "beheer",
                                                           "auditor",      "anonymous"};

struct Row {
  std::string_view roles;  // space-separated; every role once per route
  std::string_view cells;  // one per column
};

struct Entry {
  std::string_view route;  // "METHOD template", as the router lists it
  std::string_view query;  // appended to the path; {name} = the household's name
  Target target;
  std::vector<Row> rows;
};

// clang-format off
inline const std::vector<Entry> kMatrix = {
  // ---- public: no session needed -------------------------------------------------
  {"GET /api/v1/health", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "200"}}},
  {"GET /api/v1/openapi.json", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "200"}}},
  // Body: the regisseur's own credentials, whoever sends them.
  {"POST /api/v1/auth/login", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "200"}}},
  // Body: a wrong code (totp_invalid with a session, not_authenticated without).
  {"POST /api/v1/auth/totp", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "401"}}},
  // Sent with a fresh session of its own, so the others stay valid.
  {"POST /api/v1/auth/logout", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "204"}}},
  {"GET /api/v1/auth/me", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor", "200"},
      {"anonymous",                                                        "401"}}},
  // An enrolment token that was never issued.
  {"GET /api/v1/auth/enrol/{token}", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "404"}}},
  {"POST /api/v1/auth/enrol/{token}", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "404"}}},
  {"POST /api/v1/auth/enrol/{token}/confirm", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "404"}}},

  // Single sign-on; the fixture configures no provider: an empty list, an
  // unknown provider, and a callback without a pending login back to the
  // login page (302), whoever asks.
  {"GET /api/v1/auth/oidc/providers", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "200"}}},
  {"GET /api/v1/auth/oidc/start", "?provider=gemeente", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "404"}}},
  {"GET /api/v1/auth/oidc/callback", "?code=x&state=y", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor anonymous", "302"}}},

  // ---- no household ---------------------------------------------------------------
  {"GET /api/v1/tenants", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor", "200"},
      {"anonymous",                                                        "401"}}},
  //                                                                          own  other
  {"GET /api/v1/tenants/{tenantId}/organisations", "", Target::kTenant, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor", "200 404"},
      {"anonymous",                                                        "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/users", "", Target::kTenant, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor", "200 404"},
      {"anonymous",                                                        "401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/users", "", Target::kTenant, {
      {"beheer",                                                  "201 404"},
      {"regisseur begeleider partner vrijwilliger beleid auditor", "FB  404"},
      {"anonymous",                                               "401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/users/{userId}", "", Target::kUser, {
      {"beheer",                                                  "200 404"},
      {"regisseur begeleider partner vrijwilliger beleid auditor", "FB  404"},
      {"anonymous",                                               "401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/users/{userId}/enrolment", "", Target::kUser, {
      {"beheer",                                                  "200 404"},
      {"regisseur begeleider partner vrijwilliger beleid auditor", "FB  404"},
      {"anonymous",                                               "401 401"}}},
  // Incoming handovers: a regisseur of the tenant sees and decides them;
  // uploading is for a regisseur or beheer (the body here is no package:
  // 400 handover_invalid once authorised). Decisions on a handover id that
  // does not exist: 404 once authorised.
  {"GET /api/v1/tenants/{tenantId}/handovers", "", Target::kTenant, {
      {"regisseur",                                          "200 404"},
      {"begeleider partner vrijwilliger beleid beheer auditor", "FB  404"},
      {"anonymous",                                          "401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/handovers", "", Target::kTenant, {
      {"regisseur beheer",                               "400 404"},
      {"begeleider partner vrijwilliger beleid auditor", "FB  404"},
      {"anonymous",                                      "401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/handovers/{handoverId}/accept", "", Target::kTenant, {
      {"regisseur",                                          "404 404"},
      {"begeleider partner vrijwilliger beleid beheer auditor", "FB  404"},
      {"anonymous",                                          "401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/handovers/{handoverId}/reject", "", Target::kTenant, {
      {"regisseur",                                          "404 404"},
      {"begeleider partner vrijwilliger beleid beheer auditor", "FB  404"},
      {"anonymous",                                          "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/reports", "", Target::kTenant, {
      {"regisseur partner beleid",                      "200 404"},
      {"begeleider vrijwilliger beheer auditor",        "FB  404"},
      {"anonymous",                                     "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/reports/{period}", "", Target::kTenant, {
      {"regisseur partner beleid",                      "200 404"},
      {"begeleider vrijwilliger beheer auditor",        "FB  404"},
      {"anonymous",                                     "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/reports/{period}.pdf", "", Target::kTenant, {
      {"regisseur beleid",                              "200 404"},
      {"partner begeleider vrijwilliger beheer auditor", "FB  404"},
      {"anonymous",                                     "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/reports/{period}.html", "", Target::kTenant, {
      {"regisseur beleid",                              "200 404"},
      {"partner begeleider vrijwilliger beheer auditor", "FB  404"},
      {"anonymous",                                     "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/reports/{period}.xlsx", "", Target::kTenant, {
      {"regisseur beleid",                              "200 404"},
      {"partner begeleider vrijwilliger beheer auditor", "FB  404"},
      {"anonymous",                                     "401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/reports/{period}/sections/{section}", "", Target::kTenant, {
      {"regisseur partner beleid",                      "200 404"},
      {"begeleider vrijwilliger beheer auditor",        "FB  404"},
      {"anonymous",                                     "401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/reports/{period}/finalise", "", Target::kTenant, {
      {"regisseur beleid",                              "200 404"},
      {"partner begeleider vrijwilliger beheer auditor", "FB  404"},
      {"anonymous",                                     "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/audit", "", Target::kTenant, {
      {"auditor",                                                "200 404"},
      {"regisseur begeleider partner vrijwilliger beleid beheer", "FB  404"},
      {"anonymous",                                              "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/audit.csv", "", Target::kTenant, {
      {"auditor",                                                "200 404"},
      {"regisseur begeleider partner vrijwilliger beleid beheer", "FB  404"},
      {"anonymous",                                              "401 401"}}},
  // Policy packs are rules, not personal data; only beheer activates them.
  {"GET /api/v1/tenants/{tenantId}/policy/packs", "", Target::kTenant, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor", "200 404"},
      {"anonymous",                                                        "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/policy/packs/{packId}", "", Target::kTenant, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor", "200 404"},
      {"anonymous",                                                        "401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/policy/activations", "", Target::kTenant, {
      {"beheer",                                                  "200 404"},
      {"regisseur begeleider partner vrijwilliger beleid auditor", "FB  404"},
      {"anonymous",                                               "401 401"}}},
  // The regional benchmark (tenant A is a sharing member of DEMO): the G40
  // reference is published data; the tenant's regions are read by beleid
  // and beheer, its sharing decided by beheer; the benchmark is beleid's.
  {"GET /api/v1/reference/g40-2018", "", Target::kNone, {
      {"regisseur begeleider partner vrijwilliger beleid beheer auditor", "200"},
      {"anonymous",                                                        "401"}}},
  {"GET /api/v1/tenants/{tenantId}/regions", "", Target::kTenant, {
      {"beleid beheer",                                   "200 404"},
      {"regisseur begeleider partner vrijwilliger auditor", "FB  404"},
      {"anonymous",                                       "401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/regions/{regionCode}/sharing", "", Target::kTenant, {
      {"beheer",                                                  "200 404"},
      {"regisseur begeleider partner vrijwilliger beleid auditor", "FB  404"},
      {"anonymous",                                               "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/benchmark", "?region=DEMO&on=2026-11-01", Target::kTenant, {
      {"beleid",                                                  "200 404"},
      {"regisseur begeleider partner vrijwilliger beheer auditor", "FB  404"},
      {"anonymous",                                               "401 401"}}},
  // The worklist: the caller's own households (a partner: the plan actions
  // of their organisation), so no relationship column.
  {"GET /api/v1/tenants/{tenantId}/worklist", "", Target::kTenant, {
      {"regisseur begeleider partner",                    "200 404"},
      {"vrijwilliger beleid beheer auditor",              "FB  404"},
      {"anonymous",                                       "401 401"}}},
  // Aggregate indicator figures (no person): the regisseur exact, beleid
  // suppressed; exports (always suppressed) for both. Nobody else.
  {"GET /api/v1/tenants/{tenantId}/indicators", "", Target::kTenant, {
      {"regisseur beleid",                               "200 404"},
      {"begeleider partner vrijwilliger beheer auditor", "FB  404"},
      {"anonymous",                                      "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/indicators/export", "?format=csv", Target::kTenant, {
      {"regisseur beleid",                               "200 404"},
      {"begeleider partner vrijwilliger beheer auditor", "FB  404"},
      {"anonymous",                                      "401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households", "", Target::kTenant, {
      {"regisseur",                                              "201 404"},
      {"begeleider partner vrijwilliger beleid beheer auditor",  "FB  404"},
      {"anonymous",                                              "401 401"}}},

  // ---- households -------------------------------------------------------------
  //                                                    none own  basis nobasis expired withdrawn other
  {"GET /api/v1/tenants/{tenantId}/households", "?q={name}", Target::kListing, {
      {"regisseur begeleider vrijwilliger", "200- 200+ 200- 200- 200- 200- 404"},
      {"partner",                           "200- 200- 200+ 200+ 200+ 200+ 404"},
      {"beleid beheer auditor",             "200- 200- 200- 200- 200- 200- 404"},
      {"anonymous",                         "401  401  401  401  401  401  401"}}},
  {"GET /api/v1/tenants/{tenantId}/households", "?scope=all&q={name}", Target::kListing, {
      {"regisseur partner",                               "200+ 200+ 200+ 200+ 200+ 200+ 404"},
      {"begeleider vrijwilliger beleid beheer auditor",   "FB   FB   FB   FB   FB   FB   404"},
      {"anonymous",                                       "401  401  401  401  401  401  401"}}},
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  200 NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/households/{householdId}", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/archive", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // The world's households are active: who may reopen gets not_archived.
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/reopen", "", Target::kHousehold, {
      {"regisseur",                         "NR  409 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/persons", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  201 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/households/{householdId}/assignments", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Handover to another municipality: only the household's own regisseur
  // exports it (not break-the-glass); the package can be downloaded again
  // once exported (404 before: the world's households are not transferred).
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/handover-package", "", Target::kHousehold, {
      {"regisseur",                         "NR  201 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/handover-package", "", Target::kHousehold, {
      {"regisseur",                         "NR  404 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Contact moments: read like the household; recorded by its regisseur and
  // begeleiders only.
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/contacts", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  200 NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/contacts", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  201 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Signals: a household's list reads like the household; anyone involved
  // files (the partner of an involved organisation too, not a volunteer of
  // another household).
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/signals", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  200 NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/signals", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  201 NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  201 201 201 201 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // The caller's signals: routed to their organisation or filed by them.
  {"GET /api/v1/tenants/{tenantId}/signals", "", Target::kTenant, {
      {"regisseur begeleider partner vrijwilliger", "200 404"},
      {"beleid beheer auditor",                     "FB  404"},
      {"anonymous",                                 "401 401"}}},
  // One signal per request, filed by the household's regisseur and routed
  // to the partner's organisation (GGD): the partner handles it in every
  // household of tenant A, with or without another relationship; only the
  // reporter withdraws; close runs on an acknowledged one.
  {"GET /api/v1/tenants/{tenantId}/signals/{signalId}", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  200 NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/signals/{signalId}/acknowledge", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/signals/{signalId}/reroute", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/signals/{signalId}/close", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/signals/{signalId}/withdraw", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "FB  FB  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Referrals: a household's list reads like the household (a volunteer
  // gets an empty list); the regisseur or an assigned begeleider makes one,
  // refused 409 package_not_covered in the own household, where no basis
  // covers the package for the GGD.
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/referrals", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  200 NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/referrals", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  409 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Incoming or outgoing referrals of the caller's organisation.
  {"GET /api/v1/tenants/{tenantId}/referrals", "", Target::kTenant, {
      {"regisseur begeleider partner",      "200 404"},
      {"vrijwilliger beleid beheer auditor", "FB  404"},
      {"anonymous",                         "401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/referral-templates", "", Target::kTenant, {
      {"regisseur begeleider partner",      "200 404"},
      {"vrijwilliger beleid beheer auditor", "FB  404"},
      {"anonymous",                         "401 401"}}},
  // One referral per request, made by the household's regisseur (of the
  // gemeente) to the partner's organisation (the GGD), which receives it in
  // every household of tenant A; accepted first for the complete route.
  // The assigned begeleider (Vluchtelingenwerk) sees it but neither sends
  // nor receives it; a volunteer does not see it.
  {"GET /api/v1/tenants/{tenantId}/referrals/{referralId}", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/referrals/{referralId}/accept", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/referrals/{referralId}/reject", "", Target::kHousehold, {
      {"regisseur begeleider vrijwilliger", "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/referrals/{referralId}/withdraw", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "FB  FB  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/referrals/{referralId}/complete", "", Target::kHousehold, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "200 200 200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // The plan: read by the regisseur, assigned begeleiders and involved
  // partners (filtered per goal), never by volunteers; saved whole by the
  // regisseur and begeleiders; an action's progress also by the partner
  // organisation that answers for it (the world's plan gives the GGD one).
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/plan", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/households/{householdId}/plan", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/plan/versions", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/plan/versions/{version}", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/plan/diff", "?from=1&to=1", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // The printout is authorised exactly like reading the plan.
  {"GET /api/v1/tenants/{tenantId}/households/{householdId}/plan.pdf", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/plan/agreements", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  201 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/plan/actions/{actionKey}/progress", "", Target::kHousehold, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 200 200 200 404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Break-the-glass needs a role, not a relationship.
  {"POST /api/v1/tenants/{tenantId}/households/{householdId}/break-glass", "", Target::kHousehold, {
      {"regisseur partner",                              "201 201 201 201 201 201 404"},
      {"begeleider vrijwilliger beleid beheer auditor",  "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                                      "401 401 401 401 401 401 401"}}},

  // ---- persons and consent ---------------------------------------------------------
  //                                                    none own  basis nobasis expired withdrawn other
  {"GET /api/v1/tenants/{tenantId}/persons/{personId}", "", Target::kPerson, {
      {"regisseur begeleider vrijwilliger", "NR  200 NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/persons/{personId}", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Consent is the regisseur's of the household.
  {"GET /api/v1/tenants/{tenantId}/persons/{personId}/sharing-bases", "", Target::kPerson, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/persons/{personId}/sharing-bases", "", Target::kPerson, {
      {"regisseur",                         "NR  201 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Events and milestones are category inburgering: the MB categories of a
  // begeleider, never a volunteer's; the bases here share basis + gezondheid.
  {"GET /api/v1/tenants/{tenantId}/persons/{personId}/events", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/persons/{personId}/milestones", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/persons/{personId}/events", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  201 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/persons/{personId}/events/{eventId}/void", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // Assessments: ZRM scores by the category of their domain, the ladder and
  // Ferm Werk werk_inkomen; the bases here share basis + gezondheid, so a
  // partner sees the basis and health domains. Recorded by those who hold
  // the case.
  {"GET /api/v1/tenants/{tenantId}/persons/{personId}/assessments", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/persons/{personId}/assessments", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  201 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/persons/{personId}/assessments/{assessmentId}/void", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  // The broad intake of a person: the case holders read and write it, a
  // partner with a basis reads the parts of its categories and writes only
  // when its organisation takes part in the intake (not so here); only the
  // regisseur reopens a finalised intake.
  {"GET /api/v1/tenants/{tenantId}/persons/{personId}/intake", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"PUT /api/v1/tenants/{tenantId}/persons/{personId}/intake", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/persons/{personId}/intake/finalise", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/persons/{personId}/intake/reopen", "", Target::kPerson, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"GET /api/v1/tenants/{tenantId}/persons/{personId}/intake/versions", "", Target::kPerson, {
      {"regisseur begeleider",              "NR  200 NR  NR  NR  NR  404"},
      {"vrijwilliger",                      "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  200 FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
  {"POST /api/v1/tenants/{tenantId}/sharing-bases/{basisId}/withdraw", "", Target::kBasis, {
      {"regisseur",                         "NR  200 NR  NR  NR  NR  404"},
      {"begeleider vrijwilliger",           "NR  FB  NR  NR  NR  NR  404"},
      {"partner",                           "NR  NR  FB  FB  FB  FB  404"},
      {"beleid beheer auditor",             "FB  FB  FB  FB  FB  FB  404"},
      {"anonymous",                         "401 401 401 401 401 401 401"}}},
};

// What an allowed read shows, per role and relationship: which of the
// household's two persons appear, which fields of its first person are there
// and which are not, its visible categories, and which summary fields the
// household list leaves out.
struct View {
  std::string_view role;
  std::string_view relationship;
  std::string_view persons;     // "P1 P2", "P1" or ""
  std::string_view shown;       // fields present on P1
  std::string_view hidden;      // fields absent on P1
  std::string_view categories;  // P1's visible_categories
  std::string_view list_hidden; // summary fields absent from the list item
};

inline const std::vector<View> kViews = {
  {"regisseur", "own", "P1 P2",
   "given_names family_name bsn birth_date nationality address literacy highest_education", "",
   "basis contact inburgering werk_inkomen financien gezondheid jeugd justitie notities", ""},
  {"begeleider", "own", "P1 P2",
   "given_names family_name bsn birth_date nationality address literacy highest_education", "",
   "basis contact inburgering werk_inkomen financien notities", ""},
  {"vrijwilliger", "own", "P1 P2",
   "given_names family_name role address",
   "bsn birth_date nationality languages v_number permit_date literacy highest_education",
   "basis contact", "housing_date"},
  {"partner", "basis", "P1",
   "given_names family_name bsn birth_date nationality",
   "address literacy inburgeringsplicht highest_education",
   "basis gezondheid", "wijk kern housing_date"},
  {"partner", "nobasis",   "", "", "", "", "wijk kern housing_date"},
  {"partner", "expired",   "", "", "", "", "wijk kern housing_date"},
  {"partner", "withdrawn", "", "", "", "", "wijk kern housing_date"},
};
// clang-format on

}  // namespace regie::testing::authz
