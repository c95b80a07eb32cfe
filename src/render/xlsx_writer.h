#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"

// Spreadsheets (.xlsx) through libxlsxwriter, for exports of figures (the
// indicator dashboard, the half-year report's tables). A small generic
// model: a workbook of named sheets, each a title line, a source line (where
// the figures come from: reference date, pack versions, data snapshot), a
// bold header row and rows of text or number cells.
//
// Contract:
//  - Text cells are always written as text, never as a formula, so a value
//    such as "=1+1" or "<5" arrives in the spreadsheet exactly as given.
//  - Sheet names are made valid for Excel (at most 31 characters, none of
//    []:*?/\, not empty) and unique (case-insensitively) by the writer;
//    callers pass readable names and need not know the rules.
//  - The workbook is written to a file in a fresh private directory
//    (0700) under `tmp_root`, read back and deleted (libxlsxwriter 1.1 only
//    writes files); nothing stays behind, also on failure.
//  - Errors of the library or the file system are returned as
//    Internal ("xlsx_failed: ..."); no exception leaves.
namespace regie::render {

class XlsxCell {
 public:
  static XlsxCell Text(std::string text) { return XlsxCell(Kind::kText, std::move(text), 0); }
  static XlsxCell Number(double value) { return XlsxCell(Kind::kNumber, {}, value); }
  static XlsxCell Empty() { return XlsxCell(Kind::kEmpty, {}, 0); }
  // The default cell is empty.
  XlsxCell() = default;

  bool is_text() const { return kind_ == Kind::kText; }
  bool is_number() const { return kind_ == Kind::kNumber; }
  bool is_empty() const { return kind_ == Kind::kEmpty; }
  const std::string& text() const { return text_; }
  double number() const { return number_; }

 private:
  enum class Kind { kEmpty, kText, kNumber };
  XlsxCell(Kind kind, std::string text, double number)
      : kind_(kind), text_(std::move(text)), number_(number) {}
  Kind kind_ = Kind::kEmpty;
  std::string text_;
  double number_ = 0;
};

struct XlsxSheet {
  std::string name;    // as the tab should read; made valid and unique
  std::string title;   // first row, bold; empty: no title row
  std::string source;  // next row, italic; empty: none
  std::vector<std::string> header;
  std::vector<std::vector<XlsxCell>> rows;
  // Number format of number cells per column (e.g. "0.0" for percentages);
  // a missing or empty entry is Excel's General.
  std::vector<std::string> number_formats;
};

struct XlsxWorkbook {
  std::string title;   // document property
  std::string author;  // document property (the municipality)
  // Document property and the zip entries' times. Set (from the injected
  // clock), the same workbook gives the same bytes; zero: the time of writing.
  core::Timestamp created;
  std::vector<XlsxSheet> sheets;
};

// The sheet name the writer uses for `wanted`, given the names already
// taken (compared case-insensitively, as Excel does).
std::string XlsxSheetName(const std::string& wanted, const std::vector<std::string>& taken);

// The .xlsx file's bytes. At least one sheet is required (InvalidArgument
// "xlsx_empty").
StatusOr<std::string> WriteXlsx(
    const XlsxWorkbook& workbook,
    const std::filesystem::path& tmp_root = std::filesystem::temp_directory_path());

}  // namespace regie::render
