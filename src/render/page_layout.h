#pragma once

#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "render/document.h"

// The pagination step of the PDF renderer (pdf_renderer.h): measures every
// block with Pango and places it on A4 pages as positioned draw operations.
// Nothing is drawn here, so the renderer knows the page count before it
// draws the first page number. Internal to regie_render.
namespace regie::render::layout {

inline constexpr double kPageWidth = 595.276;  // A4 in PostScript points
inline constexpr double kPageHeight = 841.890;
inline constexpr double kMarginX = 56.693;       // 2 cm
inline constexpr double kMarginTop = 70.866;     // 2.5 cm: room for the running header
inline constexpr double kMarginBottom = 70.866;  // and for the footer
inline constexpr const char* kFontFamily = "DejaVu Sans";

using LayoutPtr = std::shared_ptr<PangoLayout>;

// One line of a Pango layout, drawn with its baseline at (x, baseline).
struct TextLine {
  LayoutPtr layout;
  int line = 0;
  double x = 0;
  double baseline = 0;
};
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
};
struct Fill {
  double x = 0, y = 0, w = 0, h = 0;
  double grey = 0.9;
};
// A chart (chart_geometry.h) drawn in the box with its top-left at (x, y).
struct ChartBox {
  const Chart* chart = nullptr;  // points into the Document being rendered
  double x = 0, y = 0, w = 0, h = 0;
};
using Op = std::variant<TextLine, Rule, Fill, ChartBox>;

struct Page {
  std::vector<Op> ops;
  bool title = false;  // the title page: no running header
};

// A text layout of `width` points (<= 0: unwrapped) in the body family.
// Invalid UTF-8 is repaired, never interpreted as markup.
LayoutPtr MakeText(PangoContext* context, const std::string& text, double size, bool bold,
                   double width);

// The pages of `document`; `context` must have a resolution of 72 dpi so
// that font sizes are points. A TableOfContents lists the level-1 headings
// after it with their page numbers (the title page is page 1).
std::vector<Page> Paginate(PangoContext* context, const Document& document);

}  // namespace regie::render::layout
