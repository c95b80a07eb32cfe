#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/access_model.h"
#include "core/status.h"

namespace regie::core {

// Which data category each person field belongs to. A response never
// contains a field of a category the user may not see; the server filters,
// never the client. Defaults follow the seeds' practice (BSN and the asylum
// route dates are basic data, the address is contact data, literacy and the
// inburgering duty are inburgering data, education is work/income data); a
// municipality may move fields in its configuration file.
class FieldCategories {
 public:
  static FieldCategories Defaults();

  // Moves `field` ("bsn", "address", ...) to `category`. InvalidArgument for
  // an unknown field; identifiers never move.
  Status Assign(std::string_view field, DataCategory category);

  DataCategory Of(std::string_view field) const;
  bool Knows(std::string_view field) const { return category_.count(field) > 0; }
  // Every configurable person field, in document order.
  const std::vector<std::string>& Fields() const { return fields_; }

  // Fields a volunteer sees of the basic data (names and household role).
  static bool IsNameField(std::string_view field);

 private:
  std::vector<std::string> fields_;
  std::map<std::string, DataCategory, std::less<>> category_;
};

}  // namespace regie::core
