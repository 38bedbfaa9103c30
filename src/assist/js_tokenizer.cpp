#include "assist/js_tokenizer.h"

#include <array>
#include <cctype>

namespace privascore::assist {

void append_utf8(std::string& out, unsigned long cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

bool is_ident_start(unsigned char c) {
  return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80;
}
bool is_ident_part(unsigned char c) {
  return is_ident_start(c) || std::isdigit(c);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Longest first, so that "===" wins over "==" and "=".
constexpr std::array<std::string_view, 30> k_operators = {
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "\?\?=", "=>", "==", "!=", "<=",
    ">=",   "&&",  "||",  "??",  "?.",  "++",  "--",  "+=",  "-=",  "*=",  "/=",    "%=", "<<", ">>", "**"};

}  // namespace

bool JsTokenizer::skip_space_and_comments(JsToken& token) {
  while (m_pos < m_source.size()) {
    char c = m_source[m_pos];
    if (c == '\n') {
      ++m_line;
      ++m_pos;
      token.newline_before = true;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++m_pos;
    } else if (static_cast<unsigned char>(c) == 0xEF && m_source.substr(m_pos, 3) == "\xEF\xBB\xBF") {
      m_pos += 3;  // byte-order mark
    } else if (c == '/' && m_pos + 1 < m_source.size() && m_source[m_pos + 1] == '/') {
      while (m_pos < m_source.size() && m_source[m_pos] != '\n') ++m_pos;
    } else if (c == '/' && m_pos + 1 < m_source.size() && m_source[m_pos + 1] == '*') {
      std::size_t close = m_source.find("*/", m_pos + 2);
      if (close == std::string_view::npos) {
        token.kind = JsTok::error;
        token.line = m_line;
        token.text = "unterminated /* comment";
        return false;
      }
      for (std::size_t i = m_pos; i < close; ++i)
        if (m_source[i] == '\n') {
          ++m_line;
          token.newline_before = true;
        }
      m_pos = close + 2;
    } else {
      return true;
    }
  }
  return true;
}

void JsTokenizer::read_string(JsToken& token, char quote) {
  token.kind = JsTok::string;
  ++m_pos;
  std::string& out = token.text;
  while (m_pos < m_source.size()) {
    char c = m_source[m_pos];
    if (c == quote) {
      ++m_pos;
      return;
    }
    if (c == '\n') break;  // JavaScript strings cannot span lines
    if (c != '\\') {
      out += c;
      ++m_pos;
      continue;
    }
    if (m_pos + 1 >= m_source.size()) break;
    char e = m_source[m_pos + 1];
    m_pos += 2;
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '0': out += '\0'; break;
      case '\r':
        if (m_pos < m_source.size() && m_source[m_pos] == '\n') ++m_pos;
        ++m_line;
        break;
      case '\n': ++m_line; break;  // line continuation
      case 'x': {
        int h1 = m_pos + 1 < m_source.size() ? hex_value(m_source[m_pos]) : -1;
        int h2 = h1 >= 0 ? hex_value(m_source[m_pos + 1]) : -1;
        if (h2 < 0) {
          out += 'x';
          break;
        }
        append_utf8(out, static_cast<unsigned long>(h1 * 16 + h2));
        m_pos += 2;
        break;
      }
      case 'u': {
        unsigned long cp = 0;
        bool ok = true;
        if (m_pos < m_source.size() && m_source[m_pos] == '{') {
          std::size_t close = m_source.find('}', m_pos);
          if (close == std::string_view::npos || close - m_pos > 7 || close == m_pos + 1) {
            ok = false;
          } else {
            for (std::size_t i = m_pos + 1; i < close && ok; ++i) {
              int h = hex_value(m_source[i]);
              ok = h >= 0;
              cp = cp * 16 + static_cast<unsigned long>(h);
            }
            if (ok) m_pos = close + 1;
          }
        } else if (m_pos + 4 <= m_source.size()) {
          for (std::size_t i = 0; i < 4 && ok; ++i) {
            int h = hex_value(m_source[m_pos + i]);
            ok = h >= 0;
            cp = cp * 16 + static_cast<unsigned long>(h);
          }
          if (ok) m_pos += 4;
          // A surrogate pair written as two escapes.
          if (ok && cp >= 0xD800 && cp <= 0xDBFF && m_source.substr(m_pos, 2) == "\\u" &&
              m_pos + 6 <= m_source.size()) {
            unsigned long low = 0;
            bool low_ok = true;
            for (std::size_t i = 0; i < 4 && low_ok; ++i) {
              int h = hex_value(m_source[m_pos + 2 + i]);
              low_ok = h >= 0;
              low = low * 16 + static_cast<unsigned long>(h);
            }
            if (low_ok && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              m_pos += 6;
            }
          }
        } else {
          ok = false;
        }
        if (ok)
          append_utf8(out, cp);
        else
          out += 'u';
        break;
      }
      default: out += e;  // \' \" \\ and identity escapes
    }
  }
  token.kind = JsTok::error;
  token.text = "unterminated string";
}

void JsTokenizer::read_template(JsToken& token) {
  std::size_t start = m_pos;
  ++m_pos;
  std::string value;
  bool substitution = false;
  int depth = 0;  // brace depth inside ${ }
  while (m_pos < m_source.size()) {
    char c = m_source[m_pos];
    if (c == '\n') ++m_line;
    if (depth == 0) {
      if (c == '`') {
        ++m_pos;
        token.kind = substitution ? JsTok::templ : JsTok::string;
        token.text = substitution ? std::string(m_source.substr(start, m_pos - start)) : value;
        return;
      }
      if (c == '\\' && m_pos + 1 < m_source.size()) {
        char e = m_source[m_pos + 1];
        value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        if (e == '\n') ++m_line;
        m_pos += 2;
        continue;
      }
      if (c == '$' && m_pos + 1 < m_source.size() && m_source[m_pos + 1] == '{') {
        substitution = true;
        depth = 1;
        m_pos += 2;
        continue;
      }
      value += c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
    }
    ++m_pos;
  }
  token.kind = JsTok::error;
  token.text = "unterminated template literal";
}

void JsTokenizer::read_number(JsToken& token) {
  std::size_t start = m_pos;
  auto digits = [&](auto accept) {
    while (m_pos < m_source.size() && (accept(m_source[m_pos]) || m_source[m_pos] == '_')) ++m_pos;
  };
  auto is_dec = [](char c) { return c >= '0' && c <= '9'; };
  if (m_source[m_pos] == '0' && m_pos + 1 < m_source.size() &&
      std::string_view("xXoObB").find(m_source[m_pos + 1]) != std::string_view::npos) {
    m_pos += 2;
    digits([](char c) { return hex_value(c) >= 0; });
  } else {
    digits(is_dec);
    if (m_pos < m_source.size() && m_source[m_pos] == '.') {
      ++m_pos;
      digits(is_dec);
    }
    if (m_pos < m_source.size() && (m_source[m_pos] == 'e' || m_source[m_pos] == 'E')) {
      std::size_t save = m_pos++;
      if (m_pos < m_source.size() && (m_source[m_pos] == '+' || m_source[m_pos] == '-')) ++m_pos;
      if (m_pos < m_source.size() && is_dec(m_source[m_pos]))
        digits(is_dec);
      else
        m_pos = save;
    }
  }
  if (m_pos < m_source.size() && m_source[m_pos] == 'n') ++m_pos;  // BigInt suffix
  token.kind = JsTok::number;
  token.text = std::string(m_source.substr(start, m_pos - start));
}

JsToken JsTokenizer::next() {
  JsToken token;
  if (m_failed) {
    token.kind = JsTok::error;
    token.text = "after an earlier error";
    token.begin = token.end = m_pos;
    token.line = m_line;
    return token;
  }
  if (!skip_space_and_comments(token)) {
    m_failed = true;
    token.begin = token.end = m_pos;
    return token;
  }
  token.begin = m_pos;
  token.line = m_line;
  if (m_pos >= m_source.size()) {
    token.kind = JsTok::end;
    token.end = m_pos;
    return token;
  }
  const unsigned char c = static_cast<unsigned char>(m_source[m_pos]);
  if (c == '"' || c == '\'') {
    read_string(token, static_cast<char>(c));
  } else if (c == '`') {
    read_template(token);
  } else if (std::isdigit(c) || (c == '.' && m_pos + 1 < m_source.size() &&
                                 std::isdigit(static_cast<unsigned char>(m_source[m_pos + 1])))) {
    read_number(token);
  } else if (is_ident_start(c) || c == '\\') {
    token.kind = JsTok::ident;
    while (m_pos < m_source.size() &&
           (is_ident_part(static_cast<unsigned char>(m_source[m_pos])) || m_source[m_pos] == '\\'))
      ++m_pos;
    token.text = std::string(m_source.substr(token.begin, m_pos - token.begin));
  } else {
    token.kind = JsTok::punct;
    std::string_view rest = m_source.substr(m_pos);
    for (auto op : k_operators) {
      if (rest.substr(0, op.size()) == op) {
        token.text = std::string(op);
        break;
      }
    }
    if (token.text.empty()) {
      if (std::string_view("{}[]().,;:=+-*/%!?<>&|^~#@").find(static_cast<char>(c)) == std::string_view::npos) {
        token.kind = JsTok::error;
        token.text = "unexpected character";
        m_failed = true;
        token.end = m_pos;
        return token;
      }
      token.text = std::string(1, static_cast<char>(c));
    }
    m_pos += token.text.size();
  }
  if (token.kind == JsTok::error) m_failed = true;
  token.end = m_pos;
  return token;
}

}  // namespace privascore::assist
