#include "core/benchmark/g40_reference.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <utility>

namespace regie::core {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

bool ToInt(std::string_view s, int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

Status Invalid(std::string_view file, size_t line, std::string_view what) {
  return InvalidArgument("g40_invalid", std::string(file) + " line " + std::to_string(line + 1) +
                                            ": " + std::string(what));
}

bool KnownAnswer(std::string_view a) {
  return std::find(kG40Answers.begin(), kG40Answers.end(), a) != kG40Answers.end();
}

}  // namespace

StatusOr<G40Reference> ParseG40Reference(std::string_view statements_csv,
                                         std::string_view responses_csv) {
  G40Reference ref;
  const auto counts = SplitLines(statements_csv);
  if (counts.empty() || counts[0] != "statement,statement_nl,answer,count,n")
    return Invalid("statements.csv", 0, "unexpected header");
  for (size_t i = 1; i < counts.size(); ++i) {
    const auto f = SplitFields(counts[i]);
    int64_t statement = 0;
    G40Count c;
    if (f.size() != 5 || !ToInt(f[0], statement) || !ToInt(f[3], c.count) || !ToInt(f[4], c.n))
      return Invalid("statements.csv", i, "expected 5 fields with numbers");
    c.statement = static_cast<int>(statement);
    c.statement_nl = std::string(f[1]);
    c.answer = std::string(f[2]);
    if (!KnownAnswer(c.answer)) return Invalid("statements.csv", i, "unknown answer");
    if (c.count < 0 || c.n <= 0 || c.count > c.n) return Invalid("statements.csv", i, "bad count");
    ref.counts.push_back(std::move(c));
  }

  const auto responses = SplitLines(responses_csv);
  if (responses.empty() || responses[0] != "number,municipality,statement,answer,seed_line")
    return Invalid("responses.csv", 0, "unexpected header");
  std::set<std::pair<int, int>> seen;  // (statement, number)
  std::map<std::pair<int, std::string>, int64_t> tally;
  for (size_t i = 1; i < responses.size(); ++i) {
    const auto f = SplitFields(responses[i]);
    int64_t number = 0, statement = 0, line = 0;
    if (f.size() != 5 || !ToInt(f[0], number) || !ToInt(f[2], statement) || !ToInt(f[4], line))
      return Invalid("responses.csv", i, "expected 5 fields with numbers");
    G40Response r{static_cast<int>(number), std::string(f[1]), static_cast<int>(statement),
                  std::string(f[3]), static_cast<int>(line)};
    if (!KnownAnswer(r.answer)) return Invalid("responses.csv", i, "unknown answer");
    if (!seen.insert({r.statement, r.number}).second)
      return Invalid("responses.csv", i, "a city answers a statement twice");
    ++tally[{r.statement, r.answer}];
    ref.responses.push_back(std::move(r));
  }

  // Every statement: its counts sum to its one n, and equal the tally.
  std::map<int, std::pair<int64_t, int64_t>> sums;  // statement -> (sum, n)
  for (size_t i = 0; i < ref.counts.size(); ++i) {
    const G40Count& c = ref.counts[i];
    auto [it, fresh] = sums.try_emplace(c.statement, 0, c.n);
    if (!fresh && it->second.second != c.n)
      return Invalid("statements.csv", i + 1, "two bases for one statement");
    it->second.first += c.count;
    auto t = tally.find({c.statement, c.answer});
    if ((t == tally.end() ? 0 : t->second) != c.count)
      return Invalid("statements.csv", i + 1, "count differs from responses.csv");
  }
  for (const auto& [statement, sum_n] : sums)
    if (sum_n.first != sum_n.second)
      return InvalidArgument("g40_invalid",
                             "statement " + std::to_string(statement) + ": counts do not sum to n");
  for (const auto& [key, count] : tally)
    if (!sums.contains(key.first))
      return InvalidArgument("g40_invalid", "responses.csv has a statement without counts");
  return ref;
}

}  // namespace regie::core
