#include "render/html_writer.h"

#include <cmath>
#include <cstdio>
#include <variant>

#include "render/chart_geometry.h"

namespace regie::render {
namespace {

constexpr double kChartWidth = 640;

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string Rgb(chart::Color c) {
  char buf[16];
  auto byte = [](double v) { return static_cast<int>(std::lround(v * 255.0)); };
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

// Paragraph text: line breaks typed by the writer are kept.
std::string Lines(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    out += Escape(text.substr(start, nl - start));
    if (nl == std::string_view::npos) break;
    out += "<br>";
    start = nl + 1;
  }
  return out;
}

constexpr std::string_view kStyle = R"css(
body{font-family:"DejaVu Sans",Verdana,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-top:2.5rem;border-bottom:1px solid #999}
h2{font-size:1.2rem;margin-top:1.8rem}
header.title{margin:3rem 0;padding-bottom:2rem;border-bottom:2px solid #333}
header.title h1{font-size:2.2rem;border:0;margin:0 0 .5rem}
header.title p.subtitle{font-size:1.25rem;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.2rem;font-size:.9rem}
th,td{border:1px solid #888;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#e6e6e6}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.kv dt{font-weight:bold}
dl.kv dd{margin:0}
nav.toc ol{padding-left:1.5rem}
figure{margin:1rem 0 1.5rem}
figcaption{font-weight:bold;margin-bottom:.3rem}
svg{max-width:100%;height:auto}
p.emphasis{font-weight:bold}
footer{margin-top:3rem;font-size:.85rem;color:#555}
@media print{nav.toc{break-after:page}h1{break-before:page}}
)css";

class Writer {
 public:
  explicit Writer(const Document& doc) : doc_(doc) {
    size_t n = 0;
    for (const Block& b : doc.blocks)
      if (const auto* h = std::get_if<Heading>(&b); h != nullptr && h->level <= 1)
        anchors_.push_back({h->text, "s" + std::to_string(++n)});
  }

  std::string Run(const std::string& lang) {
    out_ +=
        "<!DOCTYPE html>\n<html lang=\"" + Escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + Escape(doc_.metadata.title) + "</title>\n";
    if (!doc_.metadata.author.empty())
      out_ += "<meta name=\"author\" content=\"" + Escape(doc_.metadata.author) + "\">\n";
    out_ += "<meta name=\"generator\" content=\"" + Escape(doc_.metadata.creator) + "\">\n";
    out_ += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    if (doc_.title_page) {
      const TitlePage& t = *doc_.title_page;
      out_ += "<header class=\"title\">\n<h1>" + Escape(t.title) + "</h1>\n";
      if (!t.subtitle.empty()) out_ += "<p class=\"subtitle\">" + Escape(t.subtitle) + "</p>\n";
      Write(t.facts);
      if (!t.note.empty()) out_ += "<p>" + Lines(t.note) + "</p>\n";
      out_ += "</header>\n<main>\n";
    } else {
      out_ += "<main>\n";
    }
    for (const Block& b : doc_.blocks) std::visit([this](const auto& x) { Write(x); }, b);
    out_ += "</main>\n";
    if (!doc_.footer.empty()) out_ += "<footer>" + Escape(doc_.footer) + "</footer>\n";
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void Write(const Heading& h) {
    if (h.level <= 1) {
      std::string id;
      if (next_anchor_ < anchors_.size()) id = anchors_[next_anchor_++].second;
      out_ += "<h1 id=\"" + id + "\">" + Escape(h.text) + "</h1>\n";
    } else {
      out_ += "<h2>" + Escape(h.text) + "</h2>\n";
    }
  }
  void Write(const Paragraph& p) {
    out_ += p.emphasis ? "<p class=\"emphasis\">" : "<p>";
    out_ += Lines(p.text) + "</p>\n";
  }
  void Write(const BulletList& l) {
    out_ += "<ul>\n";
    for (const std::string& item : l.items) out_ += "<li>" + Lines(item) + "</li>\n";
    out_ += "</ul>\n";
  }
  void Write(const Table& t) {
    out_ += "<table>\n";
    if (!t.header.empty()) {
      out_ += "<thead><tr>";
      for (const std::string& h : t.header) out_ += "<th scope=\"col\">" + Escape(h) + "</th>";
      out_ += "</tr></thead>\n";
    }
    out_ += "<tbody>\n";
    const size_t columns = t.header.size();
    for (const std::vector<std::string>& row : t.rows) {
      out_ += "<tr>";
      for (size_t c = 0; c < std::max(columns, row.size()); ++c)
        out_ += "<td>" + Lines(c < row.size() ? row[c] : std::string()) + "</td>";
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }
  void Write(const KeyValues& kv) {
    if (kv.items.empty()) return;
    out_ += "<dl class=\"kv\">\n";
    for (const auto& [k, v] : kv.items)
      out_ += "<dt>" + Escape(k) + "</dt><dd>" + Lines(v) + "</dd>\n";
    out_ += "</dl>\n";
  }
  void Write(const Signatures& s) {
    if (!s.intro.empty()) out_ += "<p>" + Lines(s.intro) + "</p>\n";
    for (const std::string& c : s.captions)
      out_ += "<p style=\"margin-top:3rem;border-top:1px solid #333;width:50%\">" + Escape(c) +
              "</p>\n";
  }
  void Write(const PageBreak& /*unused*/) {}
  void Write(const TableOfContents& toc) {
    out_ += "<nav class=\"toc\" aria-labelledby=\"toc\">\n<h1 id=\"toc\">" + Escape(toc.title) +
            "</h1>\n<ol>\n";
    // The contents' own heading is not an entry; the headings after it are.
    for (const auto& [text, id] : anchors_)
      out_ += "<li><a href=\"#" + id + "\">" + Escape(text) + "</a></li>\n";
    out_ += "</ol>\n</nav>\n";
  }
  void Write(const Chart& c) {
    const double h = chart::ChartHeight(c, kChartWidth);
    const std::string id = "c" + std::to_string(++charts_);
    out_ += "<figure>\n";
    if (!c.title.empty()) out_ += "<figcaption>" + Escape(c.title) + "</figcaption>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
            Num(kChartWidth) + " " + Num(h) + "\" width=\"" + Num(kChartWidth) + "\" height=\"" +
            Num(h) + "\" aria-labelledby=\"" + id + "t " + id + "d\">\n";
    out_ += "<title id=\"" + id + "t\">" + Escape(c.title) + "</title>\n";
    out_ += "<desc id=\"" + id + "d\">" + Escape(c.summary) + "</desc>\n";
    for (const chart::Shape& shape : chart::Layout(c, kChartWidth, h)) {
      if (const auto* p = std::get_if<chart::Path>(&shape)) {
        if (p->points.empty()) continue;
        std::string points;
        for (const chart::Point& pt : p->points)
          points += (points.empty() ? "" : " ") + Num(pt.x) + "," + Num(pt.y);
        if (p->fill)
          out_ += "<polygon points=\"" + points + "\" fill=\"" + Rgb(p->color) +
                  "\" fill-opacity=\"" + Num(p->opacity) + "\"/>\n";
        else
          out_ += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + Rgb(p->color) +
                  "\" stroke-width=\"" + Num(p->width) + "\" stroke-linejoin=\"round\"/>\n";
      } else if (const auto* r = std::get_if<chart::Rect>(&shape)) {
        out_ += "<rect x=\"" + Num(r->x) + "\" y=\"" + Num(r->y) + "\" width=\"" + Num(r->w) +
                "\" height=\"" + Num(r->h) + "\" fill=\"" + Rgb(r->color) + "\"/>\n";
      } else if (const auto* l = std::get_if<chart::Label>(&shape)) {
        const char* anchor = l->anchor == chart::Anchor::kMiddle ? "middle"
                             : l->anchor == chart::Anchor::kEnd  ? "end"
                                                                 : "start";
        out_ += "<text x=\"" + Num(l->x) + "\" y=\"" + Num(l->y) + "\" font-size=\"" +
                Num(l->size + 1) + "\" text-anchor=\"" + anchor + "\" fill=\"#1a1a1a\"" +
                (l->bold ? " font-weight=\"bold\"" : "") + ">" + Escape(l->text) + "</text>\n";
      }
    }
    out_ += "</svg>\n</figure>\n";
  }

  const Document& doc_;
  std::vector<std::pair<std::string, std::string>> anchors_;  // (text, id) of level-1 headings
  size_t next_anchor_ = 0;
  int charts_ = 0;
  std::string out_;
};

}  // namespace

std::string RenderHtml(const Document& document, const std::string& lang) {
  return Writer(document).Run(lang);
}

}  // namespace regie::render
