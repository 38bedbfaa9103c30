#include "web/query.h"

#include <algorithm>

#include "util/text.h"

namespace privascore::web {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// Raw query text fit to show in a message: bytes outside printable ASCII
// are shown percent-encoded (the raw text may hold any byte).
std::string shown(std::string_view raw) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7f) {
      out += c;
    } else {
      out += '%';
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xF];
    }
  }
  return out;
}

struct RawParam {
  std::string_view raw;  // "name=value" as written
  std::string name;
  std::string value;
};

// Splits and decodes; an item that does not decode is reported by its raw
// text. Empty items ("a=1&&b=2") are skipped.
tl::expected<std::vector<RawParam>, QueryError> split(std::string_view raw) {
  std::vector<RawParam> out;
  while (!raw.empty()) {
    const std::size_t amp = raw.find('&');
    const std::string_view item = raw.substr(0, amp);
    if (!item.empty()) {
      const std::size_t eq = item.find('=');
      const std::string_view raw_name = item.substr(0, eq);
      auto name = percent_decode(raw_name, true);
      auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1), true);
      if (!name || !value) {
        return tl::unexpected(QueryError{shown(raw_name),
                                         "malformed percent-escape in query parameter `" + shown(item) + "`",
                                         "percent-escapes must be %XX with two hex digits"});
      }
      if (find_invalid_utf8(*name) != std::string::npos || find_invalid_utf8(*value) != std::string::npos) {
        return tl::unexpected(QueryError{
            shown(raw_name), "query parameter `" + shown(item) + "` is not valid UTF-8 after percent-decoding",
            "encode text as UTF-8 before percent-encoding it"});
      }
      out.push_back({item, std::move(*name), std::move(*value)});
    }
    if (amp == std::string_view::npos) break;
    raw.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool form) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && form) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (is_unreserved(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xF];
    }
  }
  return out;
}

std::optional<std::string> Query::get(std::string_view name) const {
  for (const auto& [key, value] : params)
    if (key == name) return value;
  return std::nullopt;
}

std::string Query::unknown(std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, value] : params) {
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || key == a;
    if (!ok) return key;
  }
  return {};
}

std::string Query::canonical() const {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(params.size());
  for (const auto& param : params) sorted.push_back(&param);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return *a < *b; });
  std::string out;
  for (const auto* param : sorted) {
    if (!out.empty()) out += '&';
    out += percent_encode(param->first);
    out += '=';
    out += percent_encode(param->second);
  }
  return out;
}

bool QuerySpec::allows(std::string_view name) const {
  for (const std::string_view n : names)
    if (name == n) return true;
  for (const std::string_view p : prefixes)
    if (name.size() > p.size() && name.compare(0, p.size(), p) == 0) return true;
  return false;
}

std::string QuerySpec::describe() const {
  std::vector<std::string> all(names.begin(), names.end());
  for (const std::string_view p : prefixes) all.push_back(std::string(p) + "<…>");
  return join(all, ", ");
}

std::optional<Query> parse_query(std::string_view raw) {
  auto params = split(raw);
  if (!params) return std::nullopt;
  Query q;
  for (auto& p : *params) q.params.emplace_back(std::move(p.name), std::move(p.value));
  return q;
}

tl::expected<Query, QueryError> parse_query_checked(std::string_view raw, const QuerySpec& spec) {
  auto params = split(raw);
  if (!params) return tl::unexpected(params.error());
  const std::string allowed = spec.names.empty() && spec.prefixes.empty()
                                  ? std::string("this endpoint takes no parameters")
                                  : "parameters here: " + spec.describe();
  if (params->size() > k_max_query_params) {
    return tl::unexpected(QueryError{"",
                                     "the query has " + std::to_string(params->size()) + " parameters, more than " +
                                         std::to_string(k_max_query_params),
                                     allowed});
  }
  Query q;
  for (auto& p : *params) {
    if (!spec.allows(p.name)) return tl::unexpected(QueryError{p.name, "unknown parameter `" + p.name + "`", allowed});
    if (q.get(p.name)) {
      return tl::unexpected(
          QueryError{p.name, "parameter `" + p.name + "` is given more than once", "give each parameter once"});
    }
    q.params.emplace_back(std::move(p.name), std::move(p.value));
  }
  return q;
}

std::string canonical_query(std::string_view raw) {
  auto query = parse_query(raw);
  return query ? query->canonical() : std::string(raw);
}

}  // namespace privascore::web
