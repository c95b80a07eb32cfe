#pragma once

#include <string>

#include "render/document.h"

// Writes a Document as one self-contained HTML file: inline CSS, charts as
// inline SVG (from the same geometry as the PDF), no scripts, no external
// resources, every text escaped. A table of contents links to the headings.
namespace regie::render {

// `lang` is the html element's language ("nl" or "en").
std::string RenderHtml(const Document& document, const std::string& lang);

}  // namespace regie::render
