#include "render/xlsx_document.h"

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace regie::render {
namespace {

// "1234" is a count (a number cell, so Excel can sum it); anything with a
// sign, separator, unit or "<" is kept as the text the document prints.
XlsxCell Cell(const std::string& text) {
  if (!text.empty() && text.size() <= 15 &&
      text.find_first_not_of("0123456789") == std::string::npos) {
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size())
      return XlsxCell::Number(static_cast<double>(value));
  }
  return XlsxCell::Text(text);
}

class Builder {
 public:
  Builder(const Document& doc, Language language) : doc_(doc), language_(language) {
    book_.title = doc.metadata.title;
    book_.author = doc.metadata.author;
    book_.created = doc.metadata.created;
    text_.name = Text(language, "report", "xlsx_text_sheet");
    text_.title = doc.metadata.title;
    text_.source = doc.header;
    text_.header = {Text(language, "report", "xlsx_col_section"),
                    Text(language, "report", "xlsx_col_text")};
  }

  XlsxWorkbook Build() {
    if (doc_.title_page) {
      const TitlePage& t = *doc_.title_page;
      Row(t.title, t.subtitle);
      for (const auto& [label, value] : t.facts.items) Row(label, value);
      if (!t.note.empty()) Row("", t.note);
    }
    for (const Block& block : doc_.blocks) std::visit([this](const auto& b) { Add(b); }, block);
    book_.sheets.insert(book_.sheets.begin(), std::move(text_));
    return std::move(book_);
  }

 private:
  void Row(std::string section, std::string text) {
    text_.rows.push_back({XlsxCell::Text(std::move(section)), XlsxCell::Text(std::move(text))});
  }
  std::string Section() const {
    std::string out = section_;
    if (!subsection_.empty()) out.append(" – ").append(subsection_);
    return out;
  }

  void Add(const Heading& h) {
    if (h.level <= 1) {
      section_ = h.text;
      subsection_.clear();
    } else {
      subsection_ = h.text;
    }
  }
  void Add(const Paragraph& p) { Row(Section(), p.text); }
  void Add(const BulletList& l) {
    for (const std::string& item : l.items) Row(Section(), "• " + item);
  }
  void Add(const KeyValues& kv) {
    for (const auto& [label, value] : kv.items) {
      std::string line = label;
      line.append(": ").append(value);
      Row(Section(), std::move(line));
    }
  }
  void Add(const Signatures&) {}
  void Add(const PageBreak&) {}
  void Add(const TableOfContents&) {}

  void Add(const Table& t) {
    XlsxSheet sheet;
    sheet.name = subsection_.empty() ? section_ : subsection_;
    sheet.title = Section();
    sheet.source = doc_.header;
    sheet.header = t.header;
    for (const std::vector<std::string>& row : t.rows) {
      std::vector<XlsxCell> cells;
      cells.reserve(row.size());
      for (const std::string& c : row) cells.push_back(Cell(c));
      sheet.rows.push_back(std::move(cells));
    }
    book_.sheets.push_back(std::move(sheet));
    Row(Section(), Text(language_, "report", "xlsx_see_sheet"));
  }

  void Add(const Chart& c) {
    XlsxSheet sheet;
    sheet.name = c.title;
    sheet.title = c.title;
    sheet.source = doc_.header;
    if (c.kind == ChartKind::kSteps) {
      sheet.header = {Text(language_, "report", "xlsx_col_series"), c.x_label, c.y_label,
                      Text(language_, "report", "xlsx_col_lower"),
                      Text(language_, "report", "xlsx_col_upper")};
      for (const ChartSeries& s : c.series)
        for (size_t i = 0; i < s.y.size() && i < s.x.size(); ++i) {
          const bool band = i < s.lower.size() && i < s.upper.size();
          sheet.rows.push_back({XlsxCell::Text(s.label), XlsxCell::Number(s.x[i]),
                                XlsxCell::Number(s.y[i]),
                                band ? XlsxCell::Number(s.lower[i]) : XlsxCell::Empty(),
                                band ? XlsxCell::Number(s.upper[i]) : XlsxCell::Empty()});
        }
    } else {
      sheet.header.push_back(c.x_label);
      for (const ChartSeries& s : c.series) sheet.header.push_back(s.label);
      for (size_t i = 0; i < c.categories.size(); ++i) {
        std::vector<XlsxCell> cells{XlsxCell::Text(c.categories[i])};
        for (const ChartSeries& s : c.series)
          cells.push_back(i < s.y.size() ? XlsxCell::Number(s.y[i]) : XlsxCell::Empty());
        sheet.rows.push_back(std::move(cells));
      }
    }
    book_.sheets.push_back(std::move(sheet));
    Row(Section(), c.summary.empty() ? c.title : c.summary);
  }

  const Document& doc_;
  const Language language_;
  XlsxWorkbook book_;
  XlsxSheet text_;
  std::string section_;
  std::string subsection_;
};

}  // namespace

XlsxWorkbook DocumentWorkbook(const Document& document, Language language) {
  return Builder(document, language).Build();
}

}  // namespace regie::render
