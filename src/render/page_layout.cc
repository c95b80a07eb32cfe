#include "render/page_layout.h"

#include <algorithm>
#include <numeric>

#include "render/chart_geometry.h"

namespace regie::render::layout {
namespace {

constexpr double kBodySize = 10.5;
constexpr double kSmallSize = 8.5;
constexpr double kTableSize = 9.5;
constexpr double kSignatureHeight = 52;
constexpr double kCellPad = 4.0;
constexpr double kParagraphGap = 6.0;
constexpr double kBulletIndent = 14.0;
constexpr double kContentWidth = kPageWidth - 2 * kMarginX;
constexpr double kBottom = kPageHeight - kMarginBottom;

double ToPoints(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

// A line's box, relative to the top of its layout.
struct LineBox {
  double top = 0;
  double bottom = 0;
  double baseline = 0;
};

struct Measured {
  LayoutPtr layout;
  std::vector<LineBox> lines;
};

Measured Measure(LayoutPtr layout) {
  Measured m{.layout = std::move(layout), .lines = {}};
  PangoLayoutIter* iter = pango_layout_get_iter(m.layout.get());
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(iter, &y0, &y1);
    m.lines.push_back(LineBox{.top = ToPoints(y0),
                              .bottom = ToPoints(y1),
                              .baseline = ToPoints(pango_layout_iter_get_baseline(iter))});
  } while (pango_layout_iter_next_line(iter) != 0);
  pango_layout_iter_free(iter);
  return m;
}

// The height of lines [from, to) of `m`.
double Span(const Measured& m, size_t from, size_t to) {
  if (from >= to) return 0;
  return m.lines[to - 1].bottom - m.lines[from].top;
}

// A level-1 heading after the table of contents, and its page (1-based).
struct TocEntry {
  std::string text;
  int page = 0;
};

class Paginator {
 public:
  // `toc`: the entries a first pass found (empty on the first pass: the
  // contents are then set with placeholder numbers of the same width).
  Paginator(PangoContext* context, std::vector<TocEntry> toc)
      : context_(context), toc_(std::move(toc)) {
    NewPage();
  }

  // The level-1 headings that followed a table of contents, with their pages.
  const std::vector<TocEntry>& Found() const { return found_; }

  std::vector<Page> Run(const Document& doc) {
    if (doc.title_page) {
      pages_.back().title = true;
      PlaceTitlePage(*doc.title_page);
      NewPage();
    }
    for (const Block& block : doc.blocks) std::visit([this](const auto& b) { Place(b); }, block);
    return std::move(pages_);
  }

 private:
  Measured Text(const std::string& text, double size, bool bold, double width) const {
    return Measure(MakeText(context_, text, size, bold, width));
  }

  void NewPage() {
    pages_.emplace_back();
    y_ = kMarginTop;
    empty_ = true;
  }

  // Breaks the page unless `height` still fits (or nothing is on it yet).
  void Reserve(double height) {
    if (!empty_ && y_ + height > kBottom) NewPage();
  }

  void Gap(double points) {
    if (!empty_) y_ += points;
  }

  void Line(const Measured& m, size_t i, double x, double top_of_first) {
    pages_.back().ops.emplace_back(TextLine{.layout = m.layout,
                                            .line = static_cast<int>(i),
                                            .x = x,
                                            .baseline = top_of_first + m.lines[i].baseline});
    empty_ = false;
  }

  // Flows the lines of `m` at `x`, breaking pages between lines.
  void Flow(const Measured& m, double x) {
    for (size_t i = 0; i < m.lines.size(); ++i) {
      const double h = m.lines[i].bottom - m.lines[i].top;
      Reserve(h);
      Line(m, i, x, y_ - m.lines[i].top);
      y_ += h;
    }
  }

  void PlaceTitlePage(const TitlePage& t) {
    y_ = kMarginTop + 160;
    Flow(Text(t.title, 24, true, kContentWidth), kMarginX);
    y_ += 10;
    if (!t.subtitle.empty()) Flow(Text(t.subtitle, 14, false, kContentWidth), kMarginX);
    y_ += 36;
    if (!t.facts.items.empty()) Place(t.facts);
    if (!t.note.empty()) Place(Paragraph{.text = t.note});
  }

  void Place(const Heading& h) {
    const bool section = h.level <= 1;
    Measured m = Text(h.text, section ? 15 : 12, true, kContentWidth);
    Gap(section ? 16 : 10);
    // Keep a heading with (the start of) what follows it.
    Reserve(Span(m, 0, m.lines.size()) + 3 * kBodySize * 1.5);
    if (section && seen_toc_)
      found_.push_back({.text = h.text, .page = static_cast<int>(pages_.size())});
    Flow(m, kMarginX);
    y_ += 5;
  }

  void Place(const TableOfContents& toc) {
    Place(Heading{.level = 1, .text = toc.title});
    seen_toc_ = true;
    constexpr double kNumberWidth = 40;
    for (size_t i = 0; i < toc_.size() || (toc_.empty() && i < pending_); ++i) {
      const TocEntry entry = i < toc_.size() ? toc_[i] : TocEntry{};
      Measured title = Text(entry.text, kBodySize, false, kContentWidth - kNumberWidth - 8);
      LayoutPtr number_layout =
          MakeText(context_, entry.page > 0 ? std::to_string(entry.page) : "000", kBodySize, false,
                   kNumberWidth);
      pango_layout_set_alignment(number_layout.get(), PANGO_ALIGN_RIGHT);
      Measured number = Measure(number_layout);
      const double h = Span(title, 0, title.lines.size());
      Reserve(h + 4);
      const double top = y_;
      for (size_t l = 0; l < title.lines.size(); ++l)
        Line(title, l, kMarginX, top - title.lines[0].top);
      const size_t last = title.lines.size() - 1;
      Line(number, 0, kMarginX + kContentWidth - kNumberWidth,
           top - title.lines[0].top + title.lines[last].baseline - number.lines[0].baseline);
      y_ += h + 4;
    }
    y_ += kParagraphGap;
  }

  void Place(const Chart& c) {
    Measured title = Text(c.title, kBodySize, true, kContentWidth);
    const double h = chart::ChartHeight(c, kContentWidth);
    Gap(4);
    Reserve(Span(title, 0, title.lines.size()) + 4 + h);
    if (!c.title.empty()) Flow(title, kMarginX);
    y_ += 4;
    pages_.back().ops.emplace_back(
        ChartBox{.chart = &c, .x = kMarginX, .y = y_, .w = kContentWidth, .h = h});
    empty_ = false;
    y_ += h + kParagraphGap;
  }

 public:
  // The first pass does not know the entries yet; it reserves `count` lines.
  void ReserveEntries(size_t count) { pending_ = count; }

 private:
  void Place(const Paragraph& p) {
    Measured m = Text(p.text, kBodySize, p.emphasis, kContentWidth);
    Flow(m, kMarginX);
    y_ += kParagraphGap;
  }

  void Place(const BulletList& list) {
    for (const std::string& item : list.items) {
      Measured text = Text(item, kBodySize, false, kContentWidth - kBulletIndent);
      Measured bullet = Text("\u2022", kBodySize, false, -1);
      Reserve(text.lines.front().bottom - text.lines.front().top);
      Line(bullet, 0, kMarginX + 3, y_ - text.lines.front().top);
      Flow(text, kMarginX + kBulletIndent);
      y_ += 2;
    }
    y_ += kParagraphGap;
  }

  void Place(const KeyValues& kv) {
    Table t;
    t.widths = {0.34, 0.66};
    for (const auto& [label, value] : kv.items) t.rows.push_back({label, value});
    PlaceTable(t, /*grid=*/false, /*bold_first=*/true);
  }

  void Place(const Table& t) { PlaceTable(t, /*grid=*/true, /*bold_first=*/false); }

  void Place(const Signatures& s) {
    // The lines to sign stay together, with the sentence that asks for them.
    Measured intro = Text(s.intro, kBodySize, false, kContentWidth);
    Reserve((s.intro.empty() ? 0 : Span(intro, 0, intro.lines.size())) +
            kSignatureHeight * static_cast<double>(s.captions.size()));
    if (!s.intro.empty()) Flow(intro, kMarginX);
    for (const std::string& caption : s.captions) {
      Measured m = Text(caption, kSmallSize, false, kContentWidth / 2);
      Reserve(40 + Span(m, 0, m.lines.size()));
      y_ += 36;
      pages_.back().ops.emplace_back(
          Rule{.x0 = kMarginX, .y0 = y_, .x1 = kMarginX + kContentWidth / 2, .y1 = y_});
      empty_ = false;
      y_ += 3;
      Flow(m, kMarginX);
    }
    y_ += kParagraphGap;
  }

  void Place(const PageBreak& /*unused*/) {
    if (!empty_) NewPage();
  }

  struct Row {
    std::vector<Measured> cells;
    double Height() const {
      double h = 0;
      for (const Measured& c : cells) h = std::max(h, Span(c, 0, c.lines.size()));
      return h + 2 * kCellPad;
    }
  };

  Row MakeRow(const std::vector<std::string>& texts, const std::vector<double>& widths,
              bool bold_header, bool bold_first) const {
    Row row;
    for (size_t c = 0; c < widths.size(); ++c) {
      const std::string& text = c < texts.size() ? texts[c] : std::string();
      const bool bold = bold_header || (bold_first && c == 0);
      row.cells.push_back(Text(text, kTableSize, bold, widths[c] - 2 * kCellPad));
    }
    return row;
  }

  // Places lines [from[c], to[c]) of every cell as one row fragment at y_.
  void PlaceFragment(const Row& row, const std::vector<double>& widths,
                     const std::vector<size_t>& from, const std::vector<size_t>& to, bool grid,
                     bool shaded) {
    double h = 0;
    for (size_t c = 0; c < row.cells.size(); ++c)
      h = std::max(h, Span(row.cells[c], from[c], to[c]));
    h += 2 * kCellPad;
    Page& page = pages_.back();
    if (shaded) page.ops.emplace_back(Fill{.x = kMarginX, .y = y_, .w = kContentWidth, .h = h});
    double x = kMarginX;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const Measured& m = row.cells[c];
      if (from[c] < to[c]) {
        const double top = y_ + kCellPad - m.lines[from[c]].top;
        for (size_t i = from[c]; i < to[c]; ++i) Line(m, i, x + kCellPad, top);
      }
      if (grid) page.ops.emplace_back(Rule{.x0 = x, .y0 = y_, .x1 = x, .y1 = y_ + h});
      x += widths[c];
    }
    if (grid) {
      page.ops.emplace_back(Rule{.x0 = x, .y0 = y_, .x1 = x, .y1 = y_ + h});
      page.ops.emplace_back(Rule{.x0 = kMarginX, .y0 = y_, .x1 = x, .y1 = y_});
      page.ops.emplace_back(Rule{.x0 = kMarginX, .y0 = y_ + h, .x1 = x, .y1 = y_ + h});
    }
    empty_ = false;
    y_ += h;
  }

  void PlaceTable(const Table& t, bool grid, bool bold_first) {
    size_t columns = t.header.size();
    for (const auto& r : t.rows) columns = std::max(columns, r.size());
    if (columns == 0) return;
    std::vector<double> widths = t.widths;
    if (widths.size() != columns ||
        std::any_of(widths.begin(), widths.end(), [](double w) { return !(w > 0); }))
      widths.assign(columns, 1.0);
    const double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
    for (double& w : widths) w = w / sum * kContentWidth;

    const bool has_header = !t.header.empty();
    Row header;
    if (has_header) header = MakeRow(t.header, widths, true, false);
    const double header_h = has_header ? header.Height() : 0;
    const std::vector<size_t> zero(columns, 0);
    std::vector<size_t> whole(columns, 0);
    if (has_header)
      for (size_t c = 0; c < columns; ++c) whole[c] = header.cells[c].lines.size();
    auto place_header = [&] {
      if (has_header) PlaceFragment(header, widths, zero, whole, grid, /*shaded=*/true);
    };

    // The header with at least the first lines of the first row.
    Reserve(header_h + 2 * kCellPad + 3 * kBodySize * 1.3);
    place_header();
    size_t fragments_on_page = 0;
    for (const std::vector<std::string>& texts : t.rows) {
      const Row row = MakeRow(texts, widths, false, bold_first);
      std::vector<size_t> next(columns, 0);
      while (true) {
        std::vector<size_t> end(columns);
        double rest = 0;
        for (size_t c = 0; c < columns; ++c) {
          end[c] = row.cells[c].lines.size();
          rest = std::max(rest, Span(row.cells[c], next[c], end[c]));
        }
        const double available = kBottom - y_ - 2 * kCellPad;
        if (rest <= available) {
          PlaceFragment(row, widths, next, end, grid, false);
          ++fragments_on_page;
          break;
        }
        if (fragments_on_page > 0) {
          // The row moves whole to the next page, under a repeated header.
          NewPage();
          place_header();
          fragments_on_page = 0;
          continue;
        }
        // Taller than what is left of an otherwise empty page: split it.
        bool progress = false;
        for (size_t c = 0; c < columns; ++c) {
          size_t e = next[c];
          while (e < end[c] && Span(row.cells[c], next[c], e + 1) <= available) ++e;
          end[c] = e;
          progress = progress || e > next[c];
        }
        if (!progress) {  // a single line taller than a page: place it anyway
          for (size_t c = 0; c < columns; ++c)
            if (next[c] < row.cells[c].lines.size()) {
              end[c] = next[c] + 1;
              break;
            }
        }
        PlaceFragment(row, widths, next, end, grid, false);
        next = end;
        NewPage();
        place_header();
        fragments_on_page = 0;
      }
    }
    y_ += kParagraphGap + (grid ? 4 : 0);
  }

  PangoContext* context_;
  std::vector<TocEntry> toc_;
  std::vector<TocEntry> found_;
  size_t pending_ = 0;
  bool seen_toc_ = false;
  std::vector<Page> pages_;
  double y_ = kMarginTop;
  bool empty_ = true;  // nothing placed on the current page yet
};

}  // namespace

LayoutPtr MakeText(PangoContext* context, const std::string& text, double size, bool bold,
                   double width) {
  LayoutPtr layout(pango_layout_new(context), [](PangoLayout* l) { g_object_unref(l); });
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFontFamily);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  // Plain text, never markup: "<b>" typed in a goal prints as typed.
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  pango_layout_set_text(layout.get(), valid, -1);
  g_free(valid);
  return layout;
}

std::vector<Page> Paginate(PangoContext* context, const Document& document) {
  const bool has_toc =
      std::any_of(document.blocks.begin(), document.blocks.end(),
                  [](const Block& b) { return std::holds_alternative<TableOfContents>(b); });
  if (!has_toc) return Paginator(context, {}).Run(document);
  // First pass: how many entries there are and where they land. The
  // contents then hold that many lines with placeholder numbers; the second
  // pass sets the same lines with the numbers found, so nothing moves.
  size_t entries = 0;
  {
    Paginator count(context, {});
    (void)count.Run(document);
    entries = count.Found().size();
  }
  Paginator first(context, {});
  first.ReserveEntries(entries);
  (void)first.Run(document);
  Paginator second(context, first.Found());
  return second.Run(document);
}

}  // namespace regie::render::layout
