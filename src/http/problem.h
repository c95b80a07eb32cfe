#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "http/router.h"

namespace regie::http {

// Builds an RFC 9457 application/problem+json response: machine `code`,
// Dutch `title`/`detail`, `message_nl`/`message_en` from the translation
// files, the request path as `instance`, and for validation problems the
// failing fields, each with its Dutch and English text.
ApiResponse MakeProblem(unsigned http_status, std::string_view code, std::string_view instance,
                        const std::vector<FieldError>& field_errors = {});

// Maps a Status from core or storage to a problem. Internal and unavailable
// details are logged, never sent to the client.
ApiResponse ProblemFromStatus(const Status& status, std::string_view instance);

// The HTTP status for a Status: 400/415/422 for bad input, 404, 409, 503, 500.
unsigned HttpStatusFor(const Status& status);

}  // namespace regie::http
