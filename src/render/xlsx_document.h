#pragma once

#include "render/document.h"
#include "render/texts.h"
#include "render/xlsx_writer.h"

// A printed document as a spreadsheet: the same content as its PDF and HTML
// (so the same suppression), laid out for further work in Excel. One sheet
// holds the text in reading order (section, text); every table becomes a
// sheet of its own, named after the heading it stands under; every chart
// becomes a sheet of the numbers it draws. Whole numbers become number
// cells, everything else ("<5", "42,0%", "31–54") stays text as printed.
namespace regie::render {

XlsxWorkbook DocumentWorkbook(const Document& document, Language language);

}  // namespace regie::render
