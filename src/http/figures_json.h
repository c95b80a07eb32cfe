#pragma once

#include <string>
#include <string_view>

#include "core/indicators/report.h"
#include "core/status.h"

// The stored form of an indicator report: what a final progress report
// keeps of the figures it was finalised with (progress_report_figures).
// Exact counts, every field of core::indicators::Report, doubles written
// with enough digits to read back bit for bit, so a report rendered from
// the stored figures is the report rendered when it was finalised.
// Enumerations are written as their codes, not their numbers, so that
// reordering an enum never changes a stored report's meaning.
namespace regie::http {

inline constexpr int kFiguresFormat = 1;

std::string FiguresToJson(const core::indicators::Report& report);

// DataLoss when the text is not a stored report of a known format (a
// damaged or foreign row: never shown as figures).
StatusOr<core::indicators::Report> FiguresFromJson(std::string_view text);

}  // namespace regie::http
