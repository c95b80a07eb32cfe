#pragma once

#include <string>
#include <vector>

#include "core/indicators/suppress.h"
#include "core/status.h"
#include "http/indicators_json.h"

// The indicator exports (GET .../indicators/export): the tables of a
// suppressed View as CSV for Dutch spreadsheets and as an Excel workbook.
// Both carry the stamp (reference date, pack versions, data snapshot) so a
// figure in a file can be traced back and reproduced.
namespace regie::http {

// UTF-8 with a byte order mark, ';' between fields and a decimal comma (what
// Excel with Dutch settings opens without a wizard), CRLF line ends, one
// row per cell with its dimension values; counts or "<5"/"x", the
// percentage, its 95% interval and the target status. A text that starts
// with = + - or @ gets a leading ' so a spreadsheet never runs it.
std::string IndicatorsCsv(const core::indicators::Stamp& stamp,
                          const std::vector<ExportTable>& tables);

// One sheet per indicator plus a "Bron" sheet with the stamp and how the
// figures were protected (render::WriteXlsx). `created` (from the injected
// clock) is the document's time: the same figures at the same time give
// the same bytes.
StatusOr<std::string> IndicatorsXlsx(const core::indicators::Stamp& stamp,
                                     const std::vector<ExportTable>& tables,
                                     const std::string& municipality, core::Timestamp created);

}  // namespace regie::http
