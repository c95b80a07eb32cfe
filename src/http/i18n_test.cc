#include "http/i18n.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "http/embedded.h"

namespace regie::http {
namespace {

TEST(I18nTest, EmbeddedFilesAreValidJson) {
  EXPECT_FALSE(nlohmann::json::parse(embedded::TranslationsNl(), nullptr, false).is_discarded());
  EXPECT_FALSE(nlohmann::json::parse(embedded::TranslationsEn(), nullptr, false).is_discarded());
  EXPECT_FALSE(nlohmann::json::parse(embedded::OpenApi(), nullptr, false).is_discarded());
}

TEST(I18nTest, DutchAndEnglishHaveTheSameKeys) {
  for (const char* section : {"problem", "field", "category"}) {
    auto nl = TextKeys("nl", section), en = TextKeys("en", section);
    std::sort(nl.begin(), nl.end());
    std::sort(en.begin(), en.end());
    EXPECT_FALSE(nl.empty()) << section;
    EXPECT_EQ(nl, en) << section;
  }
}

// Every code the server can produce must have a text in both languages.
TEST(I18nTest, EveryProducedCodeHasAText) {
  const auto problems = TextKeys("nl", "problem");
  for (const char* code : {"bad_request",
                           "invalid_json",
                           "invalid_cursor",
                           "validation_failed",
                           "not_found",
                           "tenant_not_found",
                           "household_not_found",
                           "person_not_found",
                           "method_not_allowed",
                           "request_timeout",
                           "version_conflict",
                           "duplicate",
                           "already_archived",
                           "not_archived",
                           "handover_outgoing",
                           "household_archived",
                           "payload_too_large",
                           "unsupported_media_type",
                           "internal",
                           "unavailable",
                           "plan_version_conflict",
                           "handover_invalid",
                           "handover_signature_invalid",
                           "handover_key_untrusted",
                           "handover_conflict",
                           "handover_not_found",
                           "handover_not_pending",
                           "period_not_ended",
                           "plan_version_not_found",
                           "plan_action_not_found",
                           "referral_not_found",
                           "referral_transition_refused",
                           "package_not_covered",
                           "user_not_managed",
                           "own_roles"})
    EXPECT_NE(std::find(problems.begin(), problems.end(), code), problems.end()) << code;
  const auto fields = TextKeys("nl", "field");
  for (const char* code : {"required",
                           "too_long",
                           "date_in_future",
                           "date_too_early",
                           "date_before_birth",
                           "unknown_country",
                           "unknown_language",
                           "too_many",
                           "bsn_invalid",
                           "v_number_invalid",
                           "koppeling_before_permit",
                           "housing_before_permit",
                           "postal_code_invalid",
                           "required_when_exempt",
                           "only_when_exempt",
                           "invalid_reference",
                           "unknown_field",
                           "wrong_type",
                           "invalid_date",
                           "invalid_enum",
                           "duplicate",
                           "out_of_range",
                           "invalid_text",
                           "invalid_boolean",
                           "invalid_number",
                           "invalid_cursor",
                           "unknown_domain",
                           "unknown_status",
                           "unknown_key",
                           "transition_not_allowed",
                           "reopen_regisseur_only",
                           "invalid_initial_status",
                           "open_actions",
                           "goal_achieved",
                           "not_adult",
                           "not_allowed",
                           "date_too_late",
                           "invalid_timestamp",
                           "invalid_uuid",
                           "cbs_code_invalid",
                           "invalid_event_id",
                           "event_in_future",
                           "event_before_birth",
                           "too_short",
                           "username_invalid",
                           "unknown_code",
                           "not_managed",
                           "role_not_for_regional",
                           "roles_incompatible"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), code), fields.end()) << code;
}

TEST(I18nTest, TextsDiffer) {
  Texts t = ProblemText("household_not_found");
  EXPECT_NE(t.nl, t.en);
  Texts f = FieldText("required");
  EXPECT_EQ(f.nl, "Dit veld is verplicht.");
  // A field's own text for a code, else the code's.
  EXPECT_EQ(FieldText("bsn", "duplicate").nl, "Dit BSN is al geregistreerd in deze gemeente.");
  EXPECT_EQ(FieldText("persons/2/bsn", "duplicate").en,
            "This BSN is already registered in this municipality.");
  EXPECT_EQ(FieldText("package/plan/goals/1/key", "duplicate").nl, FieldText("duplicate").nl);
  EXPECT_NE(FieldText("duplicate").nl, FieldText("bsn", "duplicate").nl);
}

}  // namespace
}  // namespace regie::http
