#include "render/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace regie::render {
namespace {

constexpr size_t kMaxSheetName = 31;     // Excel's limit, in characters
constexpr size_t kMaxCellText = 32'767;  // Excel's limit per cell, in characters
constexpr double kMinColumnWidth = 8;
constexpr double kMaxColumnWidth = 60;

bool Continuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }

// Characters (code points) of UTF-8 text.
size_t Utf8Length(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return !Continuation(static_cast<unsigned char>(c)); }));
}

// The first `n` characters of UTF-8 text, never cutting a character.
std::string Utf8Prefix(std::string_view s, size_t n) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!Continuation(static_cast<unsigned char>(s[i]))) {
      if (chars == n) return std::string(s.substr(0, i));
      ++chars;
    }
  }
  return std::string(s);
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

Status Failed(std::string_view what) { return Internal("xlsx_failed: " + std::string(what)); }

Status Check(lxw_error err, std::string_view what) {
  if (err == LXW_NO_ERROR) return Status::Ok();
  return Failed(std::string(what) + ": " + lxw_strerror(err));
}

// A private directory that is removed with everything in it when the guard
// goes, whatever happened in between.
class TempDir {
 public:
  static StatusOr<TempDir> Create(const std::filesystem::path& root) {
    std::string pattern = (root / "regie-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return Failed("cannot create a temporary directory");
    return TempDir(pattern);
  }
  TempDir(TempDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  explicit TempDir(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

// Owns a workbook until it is closed; closing writes the file and frees it.
class Book {
 public:
  explicit Book(lxw_workbook* wb) : wb_(wb) {}
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  ~Book() {
    if (wb_ != nullptr) workbook_close(wb_);  // after a failure: only to free it
  }
  lxw_workbook* get() const { return wb_; }
  lxw_error Close() {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    return err;
  }

 private:
  lxw_workbook* wb_;
};

double ColumnWidth(const XlsxSheet& sheet, size_t col) {
  size_t chars = col < sheet.header.size() ? Utf8Length(sheet.header[col]) : 0;
  for (const std::vector<XlsxCell>& row : sheet.rows) {
    if (col >= row.size()) continue;
    const XlsxCell& cell = row[col];
    if (cell.is_text()) chars = std::max(chars, Utf8Length(cell.text()));
    if (cell.is_number()) chars = std::max<size_t>(chars, 10);
  }
  return std::clamp(static_cast<double>(chars) + 2, kMinColumnWidth, kMaxColumnWidth);
}

class SheetWriter {
 public:
  explicit SheetWriter(lxw_workbook* wb) : wb_(wb) {
    bold_ = workbook_add_format(wb);
    format_set_bold(bold_);
    italic_ = workbook_add_format(wb);
    format_set_italic(italic_);
    title_ = workbook_add_format(wb);
    format_set_bold(title_);
    format_set_font_size(title_, 13);
  }

  Status Write(lxw_worksheet* ws, const XlsxSheet& sheet) {
    lxw_row_t row = 0;
    if (!sheet.title.empty()) REGIE_RETURN_IF_ERROR(Text(ws, row++, 0, sheet.title, title_));
    if (!sheet.source.empty()) REGIE_RETURN_IF_ERROR(Text(ws, row++, 0, sheet.source, italic_));
    if (row > 0) ++row;  // a blank line between the heading lines and the table
    const lxw_row_t header_row = row;
    for (size_t c = 0; c < sheet.header.size(); ++c)
      REGIE_RETURN_IF_ERROR(Text(ws, row, Col(c), sheet.header[c], bold_));
    if (!sheet.header.empty()) ++row;
    for (const std::vector<XlsxCell>& cells : sheet.rows) {
      for (size_t c = 0; c < cells.size(); ++c) {
        const XlsxCell& cell = cells[c];
        if (cell.is_text()) {
          REGIE_RETURN_IF_ERROR(Text(ws, row, Col(c), cell.text(), nullptr));
        } else if (cell.is_number()) {
          lxw_format* format =
              c < sheet.number_formats.size() ? NumberFormat(sheet.number_formats[c]) : nullptr;
          REGIE_RETURN_IF_ERROR(
              Check(worksheet_write_number(ws, row, Col(c), cell.number(), format), "number"));
        }
      }
      ++row;
    }
    size_t cols = sheet.header.size();
    for (const std::vector<XlsxCell>& cells : sheet.rows) cols = std::max(cols, cells.size());
    for (size_t c = 0; c < cols; ++c)
      REGIE_RETURN_IF_ERROR(Check(
          worksheet_set_column(ws, Col(c), Col(c), ColumnWidth(sheet, c), nullptr), "column"));
    if (!sheet.header.empty()) worksheet_freeze_panes(ws, header_row + 1, 0);
    return Status::Ok();
  }

 private:
  static lxw_col_t Col(size_t c) { return static_cast<lxw_col_t>(c); }

  static Status Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
                     lxw_format* format) {
    const std::string value =
        Utf8Length(text) > kMaxCellText ? Utf8Prefix(text, kMaxCellText) : text;
    return Check(worksheet_write_string(ws, row, col, value.c_str(), format), "text");
  }

  lxw_format* NumberFormat(const std::string& code) {
    if (code.empty()) return nullptr;
    auto it = number_formats_.find(code);
    if (it != number_formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    format_set_num_format(f, code.c_str());
    number_formats_.emplace(code, f);
    return f;
  }

  lxw_workbook* wb_;
  lxw_format* bold_;
  lxw_format* italic_;
  lxw_format* title_;
  std::map<std::string, lxw_format*> number_formats_;
};

}  // namespace

std::string XlsxSheetName(const std::string& wanted, const std::vector<std::string>& taken) {
  std::string name;
  for (char c : wanted) {
    const bool forbidden = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' ||
                           c == '\\' || (c >= 0 && c < ' ');
    name += forbidden ? '_' : c;
  }
  // Excel refuses a name that starts or ends with an apostrophe.
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Blad";
  name = Utf8Prefix(name, kMaxSheetName);
  auto used = [&](const std::string& candidate) {
    const std::string folded = Lower(candidate);
    return std::any_of(taken.begin(), taken.end(),
                       [&](const std::string& t) { return Lower(t) == folded; });
  };
  if (!used(name)) return name;
  for (int n = 2;; ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    std::string candidate = Utf8Prefix(name, kMaxSheetName - suffix.size()) + suffix;
    if (!used(candidate)) return candidate;
  }
}

StatusOr<std::string> WriteXlsx(const XlsxWorkbook& workbook,
                                const std::filesystem::path& tmp_root) {
  if (workbook.sheets.empty()) return InvalidArgument("xlsx_empty", "a workbook needs a sheet");
  REGIE_ASSIGN_OR_RETURN(TempDir dir, TempDir::Create(tmp_root));
  const std::string file = (dir.path() / "book.xlsx").string();
  std::string tmpdir = dir.path().string();
  // Declared before the workbook, so they outlive it whichever way this
  // function returns (the library is handed pointers into them).
  std::string title = workbook.title;
  std::string author = workbook.author;
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = tmpdir.data();
  Book book(workbook_new_opt(file.c_str(), &options));
  if (book.get() == nullptr) return Failed("cannot create the workbook");

  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.created = static_cast<time_t>(workbook.created.micros / 1'000'000);
  REGIE_RETURN_IF_ERROR(Check(workbook_set_properties(book.get(), &properties), "properties"));

  SheetWriter writer(book.get());
  std::vector<std::string> names;
  for (const XlsxSheet& sheet : workbook.sheets) {
    names.push_back(XlsxSheetName(sheet.name, names));
    lxw_worksheet* ws = workbook_add_worksheet(book.get(), names.back().c_str());
    if (ws == nullptr) return Failed("cannot add sheet " + names.back());
    REGIE_RETURN_IF_ERROR(writer.Write(ws, sheet));
  }
  REGIE_RETURN_IF_ERROR(Check(book.Close(), "close"));

  std::ifstream in(file, std::ios::binary);
  if (!in) return Failed("cannot read the written workbook back");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) return Failed("cannot read the written workbook back");
  return std::move(bytes).str();
}

}  // namespace regie::render
