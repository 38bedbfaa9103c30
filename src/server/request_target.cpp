#include "server/request_target.h"

#include "util/text.h"

namespace privascore::server {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The origin-form part of an absolute-form target: "http://h/p?q" -> "/p?q".
std::string_view strip_scheme_and_authority(std::string_view target) {
  const std::size_t scheme = starts_with_nocase(target, "http://") ? 7 : 8;
  const std::size_t slash = target.find_first_of("/?", scheme);
  if (slash == std::string_view::npos) return "/";
  return target.substr(slash);
}

}  // namespace

std::string_view raw_path(std::string_view target) {
  return target.substr(0, target.find('?'));
}

tl::expected<RequestTarget, std::string> parse_request_target(std::string_view target) {
  if (starts_with_nocase(target, "http://") || starts_with_nocase(target, "https://"))
    target = strip_scheme_and_authority(target);
  if (target.empty() || target.front() != '/')
    return tl::unexpected<std::string>("the request target must be a path starting with `/`");
  if (target.find('#') != std::string_view::npos)
    return tl::unexpected<std::string>("the request target must not contain a fragment (`#`)");

  RequestTarget result;
  const std::size_t question = target.find('?');
  const std::string_view raw = target.substr(0, question);
  if (question != std::string_view::npos) result.query = std::string(target.substr(question + 1));

  std::string& path = result.path;
  path.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      path += raw[i];
      continue;
    }
    const int high = i + 1 < raw.size() ? hex_value(raw[i + 1]) : -1;
    const int low = i + 2 < raw.size() ? hex_value(raw[i + 2]) : -1;
    if (high < 0 || low < 0)
      return tl::unexpected<std::string>(
          "malformed percent-escape in the path (`%` must be followed by two hex digits)");
    path += static_cast<char>(high * 16 + low);
    i += 2;
  }

  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0) return tl::unexpected<std::string>("the path contains a NUL byte");
    if (byte < 0x20 || byte == 0x7f) return tl::unexpected<std::string>("the path contains a control character");
    if (c == '\\') return tl::unexpected<std::string>("the path contains a backslash");
  }
  if (find_invalid_utf8(path) != std::string::npos)
    return tl::unexpected<std::string>("the path is not valid UTF-8 after percent-decoding");

  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment(path.data() + start, end - start);
    if (segment == ".." || segment == ".")
      return tl::unexpected<std::string>("the path contains a `" + std::string(segment) + "` segment");
    start = end + 1;
  }
  return result;
}

}  // namespace privascore::server
