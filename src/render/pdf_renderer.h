#pragma once

#include <string>

#include "core/status.h"
#include "render/document.h"

// Typesets a Document as an A4 PDF in memory with Cairo and Pango (DejaVu
// Sans, as Debian's fonts-dejavu-core ships it; fontconfig substitutes a
// sans font where it is missing). Pages carry the running header (not on
// the title page) and a footer with the page label. Pagination happens
// before drawing, so every page knows the page count.
namespace regie::render {

struct RenderedPdf {
  std::string bytes;  // the PDF file, starting with "%PDF-"
  int pages = 0;
};

// Internal on any Cairo or Pango failure (nothing escapes as an exception).
// Safe to call from several threads at once: each call has its own surface
// and Pango context, on the calling thread's font map.
StatusOr<RenderedPdf> RenderPdf(const Document& document);

}  // namespace regie::render
