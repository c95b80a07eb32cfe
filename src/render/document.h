#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.h"

// A small document model for printed output (the plan, the council's
// half-year report): a title page, then a flow of blocks that the renderer
// (pdf_renderer.h) breaks into A4 pages. The model holds plain text only:
// the renderer never interprets markup, so text typed by users prints as
// typed. A block kind is added to `Block`, the PDF layout and the HTML
// writer (html_writer.h); nothing else depends on the list.
namespace regie::render {

struct Heading {
  int level = 1;  // 1 = section, 2 = subsection
  std::string text;
};

struct Paragraph {
  std::string text;
  bool emphasis = false;  // bold, for a short lead or a notice
};

struct BulletList {
  std::vector<std::string> items;
};

// A table whose header row repeats at the top of every page it continues
// on. Long cells wrap within their column; a row that does not fit on the
// rest of a page moves to the next one, and a row taller than a page is
// split between pages.
struct Table {
  std::vector<std::string> header;  // empty: no header row
  // Relative column widths; empty or of the wrong size: equal columns.
  std::vector<double> widths;
  std::vector<std::vector<std::string>> rows;  // short rows are padded with ""
};

// Label/value pairs ("Datum: 01-12-2026"), labels in bold.
struct KeyValues {
  std::vector<std::pair<std::string, std::string>> items;
};

// Lines to sign on, one per signer, each with a caption under the line;
// kept on one page with the sentence that asks for the signatures.
struct Signatures {
  std::string intro;
  std::vector<std::string> captions;
};

struct PageBreak {};

// The table of contents: every level-1 heading after it, with the page it
// starts on. The renderer paginates twice: the contents take the same room
// either way, so the numbers of the second pass are final.
struct TableOfContents {
  std::string title;
};

// A chart drawn as vectors (Cairo paths in the PDF, inline SVG in HTML),
// from numbers only: no bitmap, so it prints sharp at any size.
//   kSteps:       step curves (Kaplan-Meier), each with an optional band
//                 (lower/upper) drawn as a lighter step area;
//   kLines:       points joined by lines over `categories` (x = index),
//                 with an optional band;
//   kStackedBars: one bar per category, series stacked bottom to top
//                 (series[s].y[c] is the height of segment s in bar c).
// `y_max` tops the y axis (0 when the data decides). `summary` is the text
// alternative (HTML: the SVG's title and description).
enum class ChartKind { kSteps, kLines, kStackedBars };
struct ChartSeries {
  std::string label;
  std::vector<double> x;  // kSteps only
  std::vector<double> y;
  std::vector<double> lower, upper;  // empty: no band
};
struct Chart {
  ChartKind kind = ChartKind::kSteps;
  std::string title;
  std::string x_label;
  std::string y_label;
  double y_max = 0;
  double x_max = 0;                     // kSteps; 0 when the data decides
  std::vector<std::string> categories;  // kLines and kStackedBars: x axis labels
  std::vector<ChartSeries> series;
  std::string summary;
};

using Block = std::variant<Heading, Paragraph, BulletList, Table, KeyValues, Signatures, PageBreak,
                           TableOfContents, Chart>;

// The first page: no running header, only the footer.
struct TitlePage {
  std::string title;
  std::string subtitle;
  KeyValues facts;
  std::string note;  // a paragraph under the facts
};

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string creator = "Regie";
  core::Timestamp created;  // from the injected clock, never the system time
};

struct Document {
  Metadata metadata;
  std::optional<TitlePage> title_page;
  std::string header;  // running header on every page but the title page
  std::string footer;  // left of the page number
  // The page number; "{page}" and "{pages}" are replaced ("Pagina {page}
  // van {pages}").
  std::string page_label = "{page} / {pages}";
  std::vector<Block> blocks;
};

}  // namespace regie::render
