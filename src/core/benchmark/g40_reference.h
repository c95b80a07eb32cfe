#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

// The G40 survey on integration of January 2018 (seed 001, Bijlage 1): the
// answers of the 32 responding cities to its two statements, as the
// reference table of the regional benchmark. The data are the two CSV files
// of data/g40-2018/ (see its README for how they were extracted); this
// parses them and checks that they are consistent, so a wrong edit of the
// files fails the build's tests rather than showing wrong numbers.
namespace regie::core {

struct G40Source {
  std::string_view title;
  std::string_view publisher;
  std::string_view date;  // ISO month
  std::string_view section;
  std::string_view respondents;
};
inline constexpr G40Source kG40Source = {"Uitvraag G40 Stedennetwerk Inburgering (Reacties 32/40)",
                                         "EenVandaag", "2018-01", "Bijlage 1, kolommen 'Stelling'",
                                         "32 van de 40 G40-steden"};

// The answer categories, in publication order (see data/g40-2018/README.md).
inline constexpr std::array<std::string_view, 5> kG40Answers = {"eens", "oneens", "deels",
                                                                "geen_keuze", "geen_antwoord"};

struct G40Count {
  int statement = 0;  // 1 or 2
  std::string statement_nl;
  std::string answer;  // one of kG40Answers
  int64_t count = 0;
  int64_t n = 0;  // the base: responding cities
};

struct G40Response {
  int number = 0;  // the city's row in Bijlage 1
  std::string municipality;
  int statement = 0;
  std::string answer;
  int seed_line = 0;
};

struct G40Reference {
  std::vector<G40Count> counts;  // statement, then answer in kG40Answers order
  std::vector<G40Response> responses;
};

// Parses statements.csv and responses.csv (UTF-8, a header, comma
// separated, no quoting: no field contains a comma). InvalidArgument
// "g40_invalid" naming the line when a file is malformed, an answer is
// unknown, a statement's counts do not sum to its n, a count differs from
// the tally of the responses, or a city answers a statement twice.
StatusOr<G40Reference> ParseG40Reference(std::string_view statements_csv,
                                         std::string_view responses_csv);

}  // namespace regie::core
