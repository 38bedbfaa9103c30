#include "editor_web/form.h"

namespace privascore::editor {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const std::string k_empty;

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static const char k_digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_digits[c >> 4];
      out += k_digits[c & 15];
    }
  }
  return out;
}

Form Form::parse(std::string_view text) {
  Form form;
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::string name = percent_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
    form.m_fields.emplace_back(std::move(name), std::move(value));
  }
  return form;
}

const std::string& Form::get(std::string_view name) const {
  for (const auto& [key, value] : m_fields)
    if (key == name) return value;
  return k_empty;
}

bool Form::has(std::string_view name) const {
  for (const auto& field : m_fields)
    if (field.first == name) return true;
  return false;
}

std::string cookie_value(const web::Request& request, std::string_view name) {
  for (const auto& [header, value] : request.headers) {
    if (header != "cookie") continue;
    std::string_view rest(value);
    while (!rest.empty()) {
      const std::size_t semi = rest.find(';');
      std::string_view item = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      const std::size_t eq = item.find('=');
      if (eq == std::string_view::npos) continue;
      if (item.substr(0, eq) == name) {
        std::string_view v = item.substr(eq + 1);
        while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
        return std::string(v);
      }
    }
  }
  return {};
}

std::string set_cookie_header(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out = std::string(name) + "=" + std::string(value) + "; Path=" + o.path;
  if (o.max_age >= 0) out += "; Max-Age=" + std::to_string(o.max_age);
  if (o.http_only) out += "; HttpOnly";
  if (!o.same_site.empty()) out += "; SameSite=" + o.same_site;
  if (o.secure) out += "; Secure";
  return out;
}

}  // namespace privascore::editor
