#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace regie::http {

// An SVG image of `text` as a QR code (libqrencode, error correction level
// M, 4-module quiet zone), for TOTP enrolment. Served as data, never as
// markup: the web UI shows it through an <img>.
StatusOr<std::string> QrSvg(std::string_view text);

}  // namespace regie::http
