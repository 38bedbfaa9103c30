#include "web/router.h"

#include <charconv>

#include "model/date.h"
#include "model/url_words.h"

namespace privascore::web {

namespace {

constexpr std::size_t k_max_params = 6;
constexpr Methods k_other = 0x80;  // a method no route names (PUT, DELETE, ...)

Methods method_bit(std::string_view method) {
  if (method == "GET" || method == "HEAD") return k_get;
  if (method == "POST") return k_post;
  if (method == "OPTIONS") return k_options;
  return k_other;
}

std::string allow_of(Methods methods) {
  std::string out;
  auto add = [&](const char* name) {
    if (!out.empty()) out += ", ";
    out += name;
  };
  if (methods & k_get) add("GET, HEAD");
  if (methods & k_post) add("POST");
  if (methods & k_options) add("OPTIONS");
  return out;
}

}  // namespace

std::string_view RouteMatch::param(std::string_view name) const {
  for (std::size_t i = 0; i < param_count; ++i)
    if (params[i].name == name) return params[i].value;
  return {};
}

bool split_path(std::string_view path, std::array<std::string_view, 32>& out, std::size_t& count) {
  count = 0;
  if (path.empty() || path[0] != '/') return false;
  path.remove_prefix(1);
  while (true) {
    if (count == out.size()) return false;
    const std::size_t slash = path.find('/');
    out[count++] = path.substr(0, slash);
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

void Router::add(std::vector<Route> routes) {
  for (Route& r : routes) add(std::move(r));
}

void Router::add(Route route) {
  const std::size_t index = m_routes.size();
  std::array<std::string_view, 32> raw{};
  std::size_t count = 0;
  auto problem = [&](const std::string& why) { m_problems.push_back(route.pattern + ": " + why); };
  if (!split_path(route.pattern, raw, count)) return problem("a pattern starts with '/' and has at most 32 segments");
  const bool per_language = count > 0 && raw[0] == ":lang";
  std::vector<Path> made;
  for (Lang lang : {Lang::de, Lang::en}) {
    if (!per_language && lang == Lang::en) break;
    Path path;
    if (per_language) path.lang = lang;
    std::size_t params = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view s = raw[i];
      Segment segment;
      if (i == 0 && per_language) {
        segment.text = lang_code(lang);
      } else if (s == ":lang") {
        return problem(":lang must be the first segment");
      } else if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
        const auto word = path_word_named(s.substr(1, s.size() - 2));
        if (!word) return problem("no path word " + std::string(s) + " in model/url_words.h");
        if (!per_language) return problem(std::string(s) + " needs :lang as the first segment");
        segment.text = path_word(*word, lang);
      } else if (s == "*") {
        if (i + 1 != count) return problem("* must be the last segment");
        segment.kind = SegmentKind::rest;
        segment.text = "*";
        path.rest = true;
      } else if (!s.empty() && s[0] == ':') {
        const std::string_view name = s.substr(1);
        segment.text = std::string(name);
        segment.kind = name == "date"      ? SegmentKind::date
                       : name == "version" ? SegmentKind::version
                       : name == "asset"   ? SegmentKind::any
                                           : SegmentKind::slug;
      } else {
        segment.text = std::string(s);
      }
      if (segment.kind != SegmentKind::fixed && ++params > k_max_params)
        return problem("more than " + std::to_string(k_max_params) + " parameters");
      path.segments.push_back(std::move(segment));
    }
    made.push_back(std::move(path));
  }
  for (Path& path : made) {
    Path* same = nullptr;
    for (Path& p : m_paths) {
      if (p.segments.size() != path.segments.size()) continue;
      bool equal = true;
      for (std::size_t i = 0; i < p.segments.size() && equal; ++i)
        equal = p.segments[i].kind == path.segments[i].kind && p.segments[i].text == path.segments[i].text;
      if (equal) {
        same = &p;
        break;
      }
    }
    if (!same) {
      m_paths.push_back(std::move(path));
      same = &m_paths.back();
    }
    same->routes.push_back(index);
    same->methods |= route.methods;
    same->allow = allow_of(same->methods);
  }
  m_routes.push_back(std::move(route));
}

bool Router::segment_matches(const Segment& segment, std::string_view value) {
  switch (segment.kind) {
    case SegmentKind::fixed: return segment.text == value;
    case SegmentKind::date: return Date::parse(value).has_value();
    case SegmentKind::version: return is_version_segment(value);
    case SegmentKind::slug: return is_slug(value);
    case SegmentKind::any: return !value.empty();
    case SegmentKind::rest: return true;
  }
  return false;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch out;
  std::array<std::string_view, 32> segments{};
  std::size_t count = 0;
  if (!split_path(path, segments, count)) return out;
  // The specificity of a segment: lower wins.
  auto rank = [](SegmentKind kind) {
    switch (kind) {
      case SegmentKind::fixed: return 0;
      case SegmentKind::date:
      case SegmentKind::version: return 1;
      case SegmentKind::slug: return 2;
      case SegmentKind::any: return 3;
      case SegmentKind::rest: return 4;
    }
    return 5;
  };
  const Path* best = nullptr;
  for (const Path& p : m_paths) {
    const std::size_t n = p.segments.size();
    if (p.rest ? count < n : count != n) continue;
    bool matches = true;
    for (std::size_t i = 0; i < n && matches; ++i) matches = segment_matches(p.segments[i], segments[i]);
    if (!matches) continue;
    if (best) {
      // Both matched: the first segment where they differ in rank decides.
      int order = 0;
      for (std::size_t i = 0; i < n && i < best->segments.size() && order == 0; ++i)
        order = rank(p.segments[i].kind) - rank(best->segments[i].kind);
      if (order >= 0) continue;  // a tie keeps the route added first
    }
    best = &p;
  }
  if (!best) return out;
  out.lang = best->lang;
  out.allow = best->allow;
  out.path_route = &m_routes[best->routes.front()];
  const Methods bit = method_bit(method);
  for (std::size_t index : best->routes) {
    if (m_routes[index].methods & bit) {
      out.route = &m_routes[index];
      break;
    }
  }
  for (std::size_t i = 0; i < best->segments.size(); ++i) {
    const Segment& s = best->segments[i];
    if (s.kind == SegmentKind::fixed) continue;
    std::string_view value = segments[i];
    if (s.kind == SegmentKind::rest) {
      const std::size_t start = static_cast<std::size_t>(segments[i].data() - path.data());
      value = path.substr(start);
    }
    out.params[out.param_count++] = {s.text, value};
  }
  return out;
}

std::vector<Router::Expanded> Router::expanded() const {
  std::vector<Expanded> out;
  for (const Path& p : m_paths) {
    for (std::size_t index : p.routes) {
      Expanded e;
      e.lang = p.lang;
      e.route = index;
      for (const Segment& s : p.segments) {
        switch (s.kind) {
          case SegmentKind::fixed: e.segments.push_back(s.text); break;
          case SegmentKind::date: e.segments.push_back(":date"); break;
          case SegmentKind::version: e.segments.push_back(":version"); break;
          case SegmentKind::slug: e.segments.push_back(":" + s.text); break;
          case SegmentKind::any: e.segments.push_back(":asset"); break;
          case SegmentKind::rest: e.segments.push_back("*"); break;
        }
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

Lang negotiate_language(std::string_view header) {
  Lang best = Lang::de;
  double best_q = 0.0;
  std::string_view rest(header);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    double q = 1.0;
    if (const std::size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      item = item.substr(0, semi);
      if (const std::size_t qpos = params.find("q="); qpos != std::string_view::npos) {
        const std::string_view number = params.substr(qpos + 2);
        // A malformed weight counts as "not acceptable".
        if (std::from_chars(number.data(), number.data() + number.size(), q).ec != std::errc()) q = 0.0;
      }
    }
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    const std::string_view primary = item.substr(0, item.find('-'));
    std::optional<Lang> lang;
    if (primary.size() == 2 && (primary[0] | 0x20) == 'd' && (primary[1] | 0x20) == 'e') lang = Lang::de;
    if (primary.size() == 2 && (primary[0] | 0x20) == 'e' && (primary[1] | 0x20) == 'n') lang = Lang::en;
    if (lang && q > best_q) {
      best = *lang;
      best_q = q;
    }
  }
  return best;
}

Lang choose_language(const Request& request) {
  const std::string& path = request.path;
  if (path.size() >= 4 && path[0] == '/' && path[3] == '/' &&
      (path.compare(1, 2, "de") == 0 || path.compare(1, 2, "en") == 0))
    return path[1] == 'd' ? Lang::de : Lang::en;
  return negotiate_language(request.header("accept-language"));
}

}  // namespace privascore::web
