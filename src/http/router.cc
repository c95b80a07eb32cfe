#include "http/router.h"

#include <cassert>

namespace regie::http {
namespace {

constexpr std::size_t kMaxSegments = 16;

// A parameter segment is "{name}", optionally followed by a literal suffix
// ("{period}.pdf"): the value is then the path segment without the suffix,
// and must not be empty.
bool IsParam(std::string_view segment) {
  const size_t close = segment.find('}');
  return segment.size() > 2 && segment.front() == '{' && close != std::string_view::npos &&
         close > 1;
}

std::string_view ParamName(std::string_view segment) {
  return segment.substr(1, segment.find('}') - 1);
}

std::string_view ParamSuffix(std::string_view segment) {
  return segment.substr(segment.find('}') + 1);
}

// The parameter's value in `part`, or false when the suffix does not match.
bool ParamValue(std::string_view segment, std::string_view part, std::string_view& value) {
  const std::string_view suffix = ParamSuffix(segment);
  if (part.size() <= suffix.size() || !part.ends_with(suffix)) return false;
  value = part.substr(0, part.size() - suffix.size());
  return true;
}

// Splits "/a/b/c" into {"a","b","c"}; false when the path is not absolute,
// has an empty segment (e.g. "//" or a trailing '/') or too many segments.
bool SplitPath(std::string_view path, std::array<std::string_view, kMaxSegments>& out,
               std::size_t& count) {
  count = 0;
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  while (true) {
    std::size_t slash = path.find('/');
    std::string_view seg = path.substr(0, slash);
    if (seg.empty() || count == kMaxSegments) return false;
    out[count++] = seg;
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

bool PathParams::Add(std::string_view name, std::string_view value) {
  if (size_ == kMax) return false;
  items_[size_++] = {name, value};
  return true;
}

std::string_view PathParams::Get(std::string_view name) const {
  for (std::size_t i = 0; i < size_; ++i)
    if (items_[i].first == name) return items_[i].second;
  return {};
}

void Router::Add(Verb method, std::string path_template, Handler handler) {
  Route route{method, std::move(path_template), {}, std::move(handler)};
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t count = 0;
  bool ok = SplitPath(route.path_template, parts, count);
  assert(ok && "route template must be an absolute path without empty segments");
  (void)ok;
  std::size_t params = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (IsParam(parts[i])) ++params;
    route.segments.emplace_back(parts[i]);
  }
  assert(params <= PathParams::kMax);
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(Verb method, std::string_view path) const {
  Match match;
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t count = 0;
  if (!SplitPath(path, parts, count)) return match;
  for (const Route& route : routes_) {
    if (route.segments.size() != count) continue;
    bool same = true;
    std::string_view value;
    for (std::size_t i = 0; i < count && same; ++i)
      same = IsParam(route.segments[i]) ? ParamValue(route.segments[i], parts[i], value)
                                        : route.segments[i] == parts[i];
    if (!same) continue;
    match.path_matched = true;
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += std::string_view(boost::beast::http::to_string(route.method));
    if (route.method != method || match.route != nullptr) continue;
    match.route = &route;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string& seg = route.segments[i];
      if (IsParam(seg) && ParamValue(seg, parts[i], value)) match.params.Add(ParamName(seg), value);
    }
  }
  return match;
}

void Router::Wrap(const std::function<Handler(Verb, const std::string&, Handler)>& wrap) {
  for (Route& r : routes_) r.handler = wrap(r.method, r.path_template, std::move(r.handler));
}

std::vector<std::pair<Verb, std::string>> Router::Routes() const {
  std::vector<std::pair<Verb, std::string>> out;
  out.reserve(routes_.size());
  for (const Route& r : routes_) out.emplace_back(r.method, r.path_template);
  return out;
}

}  // namespace regie::http
