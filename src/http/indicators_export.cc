#include "http/indicators_export.h"

#include <cstdio>

#include "render/xlsx_writer.h"

namespace regie::http {
namespace {

namespace ind = core::indicators;
using render::XlsxCell;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Dutch number with a decimal comma and one decimal: "42,3".
std::string DutchDecimal(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  std::string s = buf;
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string CountText(const ind::ShownCount& c) { return c.Text(); }

std::string StatusText(const std::string& code) {
  if (code == "op_koers") return "op koers";
  if (code == "risico") return "risico";
  if (code == "uit_koers") return "uit koers";
  if (code == "geen_gegevens") return "geen gegevens";
  if (code == "geen_streefwaarde") return "geen streefwaarde";
  return code;
}

std::string CsvField(std::string_view v) {
  std::string s(v);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(0, "'");
  if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string PacksText(const ind::Stamp& stamp) {
  std::string out;
  for (const ind::PackVersion& p : stamp.packs)
    out += (out.empty() ? "" : ", ") + p.id + " v" + std::to_string(p.version);
  return out;
}

XlsxCell CountCell(const ind::ShownCount& c) {
  return c.shown() ? XlsxCell::Number(static_cast<double>(c.value)) : XlsxCell::Text(c.Text());
}

XlsxCell NumberOrEmpty(const std::optional<double>& v) {
  return v ? XlsxCell::Number(*v) : XlsxCell::Empty();
}

constexpr std::string_view kProtection =
    "Kleine aantallen zijn afgeschermd: een aantal van 1 tot en met 4 staat als \"<5\", een "
    "aantal dat daaruit terug te rekenen zou zijn als \"x\"; een percentage dat op een "
    "afgeschermd aantal rust, is weggelaten. Het 95%-interval is het Wilson-interval.";

}  // namespace

std::string IndicatorsCsv(const ind::Stamp& stamp, const std::vector<ExportTable>& tables) {
  std::string csv(kBom);
  csv +=
      "indicator;naam;thema;uitsplitsing;waarde 1;waarde 2;voldaan;niet voldaan;"
      "nog binnen termijn;termijn niet gestart;totaal;percentage;ondergrens 95%;"
      "bovengrens 95%;streefwaarde;status;peildatum;beleidspakketten;gegevensstand\r\n";
  const std::string date = stamp.reference_date.ToString();
  const std::string packs = CsvField(PacksText(stamp));
  const std::string snapshot = CsvField(stamp.snapshot);
  for (const ExportTable& t : tables) {
    for (const ExportRow& r : t.rows) {
      const std::string fields[] = {CsvField(r.indicator_id),
                                    CsvField(r.indicator_label),
                                    CsvField(r.theme),
                                    CsvField(r.breakdown),
                                    CsvField(r.dimension.empty() ? "" : r.dimension[0]),
                                    CsvField(r.dimension.size() > 1 ? r.dimension[1] : ""),
                                    CountText(r.satisfied),
                                    CountText(r.not_satisfied),
                                    CountText(r.within_window),
                                    CountText(r.anchor_missing),
                                    CountText(r.total),
                                    DutchDecimal(r.percent),
                                    DutchDecimal(r.lower),
                                    DutchDecimal(r.upper),
                                    DutchDecimal(t.target_percent),
                                    CsvField(StatusText(r.target_status)),
                                    date,
                                    packs,
                                    snapshot};
      bool first = true;
      for (const std::string& field : fields) {
        if (!first) csv += ';';
        csv += field;
        first = false;
      }
      csv += "\r\n";
    }
  }
  return csv;
}

StatusOr<std::string> IndicatorsXlsx(const ind::Stamp& stamp,
                                     const std::vector<ExportTable>& tables,
                                     const std::string& municipality, core::Timestamp created) {
  render::XlsxWorkbook book;
  book.created = created;
  book.title = "Indicatoren " + municipality + " op " + stamp.reference_date.ToString();
  book.author = municipality;
  const std::string source = StampLine(stamp);
  for (const ExportTable& t : tables) {
    render::XlsxSheet& s = book.sheets.emplace_back();
    s.name = t.label;
    s.title = t.label + (t.theme.empty() ? "" : " (" + t.theme + ")");
    s.source = source + (t.rule.empty() ? "" : ". " + t.rule);
    s.header = {"Uitsplitsing",
                "Waarde 1",
                "Waarde 2",
                "Voldaan",
                "Niet voldaan",
                "Nog binnen termijn",
                "Termijn niet gestart",
                "Totaal",
                "Percentage",
                "Ondergrens 95%",
                "Bovengrens 95%",
                "Streefwaarde",
                "Status"};
    s.number_formats = {"", "", "", "0", "0", "0", "0", "0", "0.0", "0.0", "0.0", "0.0", ""};
    for (const ExportRow& r : t.rows) {
      s.rows.push_back(
          {XlsxCell::Text(r.breakdown), XlsxCell::Text(r.dimension.empty() ? "" : r.dimension[0]),
           XlsxCell::Text(r.dimension.size() > 1 ? r.dimension[1] : ""), CountCell(r.satisfied),
           CountCell(r.not_satisfied), CountCell(r.within_window), CountCell(r.anchor_missing),
           CountCell(r.total), NumberOrEmpty(r.percent), NumberOrEmpty(r.lower),
           NumberOrEmpty(r.upper), NumberOrEmpty(t.target_percent),
           XlsxCell::Text(StatusText(r.target_status))});
    }
  }
  render::XlsxSheet& bron = book.sheets.emplace_back();
  bron.name = "Bron";
  bron.title = "Bron van deze cijfers";
  bron.header = {"Gegeven", "Waarde"};
  bron.rows.push_back({XlsxCell::Text("Gemeente"), XlsxCell::Text(municipality)});
  bron.rows.push_back(
      {XlsxCell::Text("Peildatum"), XlsxCell::Text(stamp.reference_date.ToString())});
  for (const ind::PackVersion& p : stamp.packs)
    bron.rows.push_back({XlsxCell::Text("Beleidspakket"),
                         XlsxCell::Text(p.id + " versie " + std::to_string(p.version))});
  bron.rows.push_back({XlsxCell::Text("Gegevensstand"), XlsxCell::Text(stamp.snapshot)});
  bron.rows.push_back({XlsxCell::Text("Afscherming"), XlsxCell::Text(std::string(kProtection))});
  bron.rows.push_back({XlsxCell::Text("Bron"), XlsxCell::Text("Regie")});
  return render::WriteXlsx(book);
}

}  // namespace regie::http
