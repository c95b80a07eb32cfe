#pragma once

#include <map>
#include <string>
#include <vector>

// Reads PDFs back in tests with poppler-utils (scripts/deps.sh test installs
// them): the text as drawn, per page, and the document information.
namespace regie::render::testing {

// The text of every page in drawing order (pdftotext -raw), whitespace runs
// collapsed to one space, so wrapped lines read as the text that was set.
std::vector<std::string> PdfPages(const std::string& pdf);

// pdfinfo -isodates as name -> value ("Pages" -> "3", "Title" -> ...).
std::map<std::string, std::string> PdfInfo(const std::string& pdf);

// `text` with whitespace runs collapsed to one space and trimmed.
std::string Collapse(const std::string& text);

// The number of pages pdftoppm rasterises (PNG files it writes); 0 when
// the PDF does not rasterise.
int RasterisedPages(const std::string& pdf);

// How often `needle` occurs in `haystack`.
size_t Count(const std::string& haystack, const std::string& needle);

}  // namespace regie::render::testing
