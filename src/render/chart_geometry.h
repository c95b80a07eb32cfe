#pragma once

#include <string>
#include <variant>
#include <vector>

#include "render/document.h"

// The geometry of a Chart (document.h) in a box of width x height points,
// origin top-left: axes, grid, bands, curves, bars, labels and the legend as
// plain shapes. The PDF renderer draws them with Cairo and the HTML writer
// as SVG, so both formats show the same chart. Pure computation.
namespace regie::render::chart {

struct Color {
  double r = 0, g = 0, b = 0;
};
struct Point {
  double x = 0, y = 0;
};
// An open line, or a filled polygon when `fill` (then `width` is unused).
struct Path {
  std::vector<Point> points;
  Color color;
  double width = 1;
  bool fill = false;
  double opacity = 1;
  bool dashed = false;
};
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  Color color;
};
enum class Anchor { kStart, kMiddle, kEnd };
// One line of text with its baseline at y.
struct Label {
  double x = 0, y = 0;
  std::string text;
  double size = 7.5;
  Anchor anchor = Anchor::kStart;
  bool bold = false;
};
using Shape = std::variant<Path, Rect, Label>;

// Colours that stay apart for colour-blind readers (Okabe & Ito), by index.
Color SeriesColor(size_t index);

// Shapes in drawing order (back to front).
std::vector<Shape> Layout(const Chart& chart, double width, double height);

// The height a chart takes in a document of `width` points (the plot plus
// its legend rows).
double ChartHeight(const Chart& chart, double width);

}  // namespace regie::render::chart
