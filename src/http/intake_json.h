#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/casework/intake.h"
#include "core/status.h"

// The JSON form of a person's broad intake (docs/api-contract.md, "Intake"):
// parsing the body of a save and rendering a (filtered) version. Field
// paths of errors are those of the request body ("languages/1/level").
namespace regie::http::intake_json {

struct IntakeEdit {
  int64_t version = 0;  // the version the client edited (0: none yet)
  core::IntakeContent content;
};

// Every member of the content, each checked for its type and codes (field
// errors "required", "wrong_type", "invalid_date", "invalid_enum",
// "unknown_field"); the domain rules (core::ValidateIntake) are the
// caller's. The content is trimmed (core::NormaliseIntake).
StatusOr<IntakeEdit> ParseIntakeEdit(const nlohmann::json& body);

// {"version": n}: the body of finalise and reopen.
StatusOr<int64_t> ParseVersionBody(const nlohmann::json& body);

// The content's members, as ParseIntakeEdit reads them.
nlohmann::json ContentJson(const core::IntakeContent& content);

}  // namespace regie::http::intake_json
