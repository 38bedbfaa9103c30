#include "loader/toml_reader.h"

#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 1  // Debian's shared library is built with exceptions; compile the no-exception parser here
#include <toml++/toml.h>

#include <optional>
#include <string_view>

#include "util/text.h"

namespace privascore {

namespace {

Loc loc_from(const std::string& file, const toml::source_region& region) {
  return Loc{file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

const char* describe(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a floating-point number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
  }
}

// Line and column (1-based, in code points) of a byte offset.
Loc position_of(const std::string& file, std::string_view text, std::size_t offset) {
  Loc loc{file, 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++loc.column;
    }
  }
  return loc;
}

// The byte at a 1-based line and column (columns count code points), or '\0'.
char char_at(std::string_view text, const Loc& loc) {
  int line = 1, column = 1;
  for (char c : text) {
    if (line == loc.line && column == loc.column) return c;
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return '\0';
}

// Byte length of the UTF-8 sequence that starts with lead (valid UTF-8).
std::size_t utf8_length(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

struct NonAscii {
  std::size_t offset = 0;
  bool after_line_continuation = false;  // first character after a line-ending backslash in """…"""
};

// The first non-ASCII character that toml++ 3.3 would classify as possible
// whitespace: one outside strings and comments (never valid TOML), or the
// first character after a line-ending backslash in a multi-line basic string
// (valid TOML). For some of these code points toml++ reaches
// __builtin_unreachable() (upstream tomlplusplus issues #190 and #295), so
// such input must never reach toml::parse. Scans valid UTF-8.
std::optional<NonAscii> find_non_ascii_outside_strings(std::string_view text) {
  enum class State { normal, comment, basic, literal, ml_basic, ml_literal };
  State state = State::normal;
  const std::size_t n = text.size();
  auto starts = [&](std::size_t i, std::string_view token) { return text.substr(i, token.size()) == token; };
  // Skips the closing delimiter of a multi-line string plus up to two quotes
  // that belong to the content ("""a"""" ends with a quote).
  auto close_multiline = [&](std::size_t i, char quote) {
    i += 3;
    for (int extra = 0; extra < 2 && i < n && text[i] == quote; ++extra) ++i;
    return i;
  };
  std::size_t i = 0;
  while (i < n) {
    const char c = text[i];
    switch (state) {
      case State::normal:
        if (static_cast<unsigned char>(c) >= 0x80) return NonAscii{i, false};
        if (c == '#') {
          state = State::comment;
        } else if (starts(i, "\"\"\"")) {
          state = State::ml_basic;
          i += 3;
          continue;
        } else if (starts(i, "'''")) {
          state = State::ml_literal;
          i += 3;
          continue;
        } else if (c == '"') {
          state = State::basic;
        } else if (c == '\'') {
          state = State::literal;
        }
        ++i;
        break;
      case State::comment:
        if (c == '\n') state = State::normal;
        ++i;
        break;
      case State::basic:
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == '"' || c == '\n') state = State::normal;
        ++i;
        break;
      case State::literal:
        if (c == '\'' || c == '\n') state = State::normal;
        ++i;
        break;
      case State::ml_basic: {
        if (starts(i, "\"\"\"")) {
          i = close_multiline(i, '"');
          state = State::normal;
          continue;
        }
        if (c != '\\') {
          ++i;
          break;
        }
        // A backslash: an escape, or a line-ending backslash when only
        // spaces and tabs follow it on its line.
        std::size_t j = i + 1;
        while (j < n && (text[j] == ' ' || text[j] == '\t')) ++j;
        if (j < n && (text[j] == '\n' || text[j] == '\r')) {
          while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
          if (j < n && static_cast<unsigned char>(text[j]) >= 0x80) return NonAscii{j, true};
          i = j;
        } else {
          i += 2;
        }
        break;
      }
      case State::ml_literal:
        if (starts(i, "'''")) {
          i = close_multiline(i, '\'');
          state = State::normal;
          continue;
        }
        ++i;
        break;
    }
  }
  return std::nullopt;
}

// toml++'s description of a parse error, reworded where it is obscure, and
// a hint for the mistakes people make in these files.
std::pair<std::string, std::string> explain_syntax_error(std::string_view description, std::string_view content,
                                                         const Loc& where) {
  std::string message(description);
  const char c = char_at(content, where);
  if (message.find("control characters") != std::string::npos && (c == '\n' || c == '\r' || c == '\0')) {
    return {"the string is not closed: the line ends before its closing \"",
            "add the closing double quote; text over several lines needs \"\"\"…\"\"\""};
  }
  if (message.find("expected value") != std::string::npos && (c == '\n' || c == '\r' || c == '\0')) {
    return {"the value after `=` is missing",
            "write a value after the `=`: \"text\", a number, a date, or { de = \"…\", en = \"…\" }"};
  }
  if (message.find("parsing date") != std::string::npos || message.find("parsing time") != std::string::npos) {
    return {message, "write a real calendar day as YYYY-MM-DD, for example 2024-10-29"};
  }
  return {message,
          "see https://toml.io for the syntax; strings need double quotes, tables [name], arrays of tables [[name]]"};
}

}  // namespace

struct TomlDocument::Impl {
  toml::table table;
};

TomlDocument::TomlDocument(TomlDocument&&) noexcept = default;
TomlDocument& TomlDocument::operator=(TomlDocument&&) noexcept = default;
TomlDocument::~TomlDocument() = default;

const toml::table* TomlDocument::root() const {
  return m_impl ? &m_impl->table : nullptr;
}

TomlDocument TomlDocument::parse(std::string content, const std::string& display_name, DiagnosticSink& sink) {
  TomlDocument doc;
  doc.m_file = display_name;
  Loc whole{display_name, 0, 0};
  if (content.size() > k_max_file_bytes) {
    sink.error(whole, "file is larger than " + std::to_string(k_max_file_bytes / 1024) + " KiB",
               "a methodology or assessment file is a few KiB; split the data or check that this is the right file");
    return doc;
  }
  if (is_blank(content)) {
    sink.error(whole, "file is empty", "fill it in (see docs/formats.md) or delete it");
    return doc;
  }
  if (auto bad = find_invalid_utf8(content); bad != std::string::npos) {
    sink.error(
        position_of(display_name, content, bad),
        "invalid UTF-8 byte 0x" +
            [&] {
              static const char* k_hex = "0123456789ABCDEF";
              unsigned char c = static_cast<unsigned char>(content[bad]);
              return std::string{k_hex[c >> 4], k_hex[c & 15]};
            }(),
        "save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)");
    return doc;
  }
  if (auto bad = find_non_ascii_outside_strings(content)) {
    const std::string character = content.substr(bad->offset, utf8_length(content[bad->offset]));
    if (bad->after_line_continuation) {
      sink.error(position_of(display_name, content, bad->offset),
                 "TOML syntax error: a line ending in \\ inside \"\"\"…\"\"\" text must not be followed by a line "
                 "starting with '" +
                     character + "' (not supported by the TOML reader)",
                 "remove the \\ at the end of the line before, or start this line with an ASCII character");
    } else {
      sink.error(position_of(display_name, content, bad->offset),
                 "TOML syntax error: unexpected '" + character + "' outside quotes",
                 "text needs double quotes (key = \"…\"); keys are ASCII letters, digits, '-' and '_'");
    }
    return doc;
  }
  toml::parse_result result = toml::parse(content, display_name);
  if (!result) {
    const auto& error = result.error();
    const Loc where = loc_from(display_name, error.source());
    const auto [message, hint] = explain_syntax_error(error.description(), content, where);
    sink.error(where, "TOML syntax error: " + message, hint);
    return doc;
  }
  doc.m_impl = std::make_unique<Impl>();
  doc.m_impl->table = std::move(result).table();
  return doc;
}

TableReader::TableReader(const toml::table& table, std::string file, std::string what, DiagnosticSink& sink)
    : m_table(table), m_file(std::move(file)), m_what(std::move(what)), m_sink(sink) {}

Loc TableReader::loc() const {
  Loc l = loc_from(m_file, m_table.source());
  if (l.line == 0) l.line = 1, l.column = 1;
  return l;
}

Loc TableReader::loc_of(const std::string& key) const {
  if (const toml::node* node = m_table.get(key)) return loc_from(m_file, node->source());
  return loc();
}

bool TableReader::has(const std::string& key) const {
  return m_table.contains(key);
}

const toml::node* TableReader::get(const std::string& key, bool required, const std::string& expected) {
  m_read.insert(key);
  const toml::node* node = m_table.get(key);
  if (!node && required) {
    m_sink.error(loc(), "missing required key `" + key + "` in " + m_what,
                 expected.rfind("[[", 0) == 0 ? "add " + expected : "add `" + key + " = " + expected + "`");
  }
  return node;
}

void TableReader::type_error(const std::string& key, const toml::node& node, const char* expected) {
  std::string hint = std::string("write ") + expected;
  if (node.is_string() && (std::string(expected).find("integer") != std::string::npos ||
                           std::string(expected).find("date") != std::string::npos)) {
    hint += " without quotes";
  }
  if (node.is_floating_point() && std::string(expected).find("integer") != std::string::npos) {
    hint = "use a whole number (points and weights are integers)";
  }
  m_sink.error(loc_from(m_file, node.source()),
               "`" + key + "` in " + m_what + " must be " + expected + ", found " + describe(node), hint);
}

std::optional<std::string> TableReader::string(const std::string& key, bool required) {
  const toml::node* node = get(key, required, "\"…\"");
  if (!node) return std::nullopt;
  if (!node->is_string()) {
    type_error(key, *node, "a string in double quotes");
    return std::nullopt;
  }
  std::string value = **node->as_string();
  if (is_blank(value) && required) {
    m_sink.error(loc_from(m_file, node->source()), "`" + key + "` in " + m_what + " is empty", "write the value");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> TableReader::id(const std::string& key, bool required) {
  auto value = string(key, required);
  if (!value) return std::nullopt;
  if (!is_valid_id(*value)) {
    m_sink.error(loc_of(key), "`" + key + "` in " + m_what + " is not a valid id: \"" + *value + "\"", id_hint(*value));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> TableReader::url(const std::string& key, bool required) {
  auto value = string(key, required);
  if (!value) return std::nullopt;
  const bool http = value->rfind("https://", 0) == 0 || value->rfind("http://", 0) == 0;
  if (!http || value->size() < 10 || value->find_first_of(" \t\n\"<>") != std::string::npos) {
    m_sink.error(loc_of(key), "`" + key + "` in " + m_what + " is not a web address: \"" + *value + "\"",
                 "write a full address starting with https://");
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> TableReader::integer(const std::string& key, bool required) {
  const toml::node* node = get(key, required, "<integer>");
  if (!node) return std::nullopt;
  if (!node->is_integer()) {
    type_error(key, *node, "an integer");
    return std::nullopt;
  }
  return **node->as_integer();
}

std::optional<bool> TableReader::boolean(const std::string& key, bool required) {
  const toml::node* node = get(key, required, "true");
  if (!node) return std::nullopt;
  if (!node->is_boolean()) {
    type_error(key, *node, "true or false (without quotes)");
    return std::nullopt;
  }
  return **node->as_boolean();
}

std::optional<Date> TableReader::date(const std::string& key, bool required) {
  const toml::node* node = get(key, required, "YYYY-MM-DD");
  if (!node) return std::nullopt;
  if (node->is_string()) {
    std::string text = **node->as_string();
    if (!Date::parse(text)) {
      m_sink.error(loc_from(m_file, node->source()),
                   "`" + key + "` in " + m_what + " is not a valid date: \"" + text + "\"",
                   "write a real calendar day as YYYY-MM-DD without quotes, for example 2024-10-29");
      return std::nullopt;
    }
    type_error(key, *node, "a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  if (!node->is_date()) {
    type_error(key, *node, "a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  const toml::date d = **node->as_date();
  Date value{static_cast<int>(d.year), static_cast<int>(d.month), static_cast<int>(d.day)};
  if (!value.valid()) {
    m_sink.error(loc_from(m_file, node->source()),
                 "`" + key + "` in " + m_what + " is not a valid date: " + value.to_string(),
                 "write a real calendar day between 1900 and 9999");
    return std::nullopt;
  }
  return value;
}

std::optional<Text> TableReader::text(const std::string& key, bool required) {
  const toml::node* node = get(key, required, "{ de = \"…\", en = \"…\" }");
  if (!node) return std::nullopt;
  if (node->is_string()) {
    m_sink.error(loc_from(m_file, node->source()),
                 "`" + key + "` in " + m_what + " must be given in German and English, found a single string",
                 "write " + key + " = { de = \"…\", en = \"…\" }");
    return std::nullopt;
  }
  if (!node->is_table()) {
    type_error(key, *node, "a table { de = \"…\", en = \"…\" }");
    return std::nullopt;
  }
  TableReader sub(*node->as_table(), m_file, "`" + key + "` of " + m_what, m_sink);
  Text text;
  bool ok = true;
  for (const char* lang : {"de", "en"}) {
    const toml::node* value = sub.get(lang, false, "");
    std::string language = std::string(lang) == "de" ? "German" : "English";
    if (!value) {
      m_sink.error(sub.loc(), "missing " + language + " text `" + lang + "` in `" + key + "` of " + m_what,
                   std::string("add ") + lang + " = \"…\" (every text a reader sees is needed in German and English)");
      ok = false;
      continue;
    }
    if (!value->is_string()) {
      sub.type_error(lang, *value, "a string in double quotes");
      ok = false;
      continue;
    }
    std::string s = **value->as_string();
    if (is_blank(s)) {
      m_sink.error(loc_from(m_file, value->source()),
                   language + " text `" + lang + "` in `" + key + "` of " + m_what + " is empty",
                   "write the " + language + " text");
      ok = false;
      continue;
    }
    (std::string(lang) == "de" ? text.de : text.en) = std::move(s);
  }
  sub.finish({"de", "en"});
  if (!ok) return std::nullopt;
  return text;
}

std::optional<std::vector<std::string>> TableReader::string_array(const std::string& key, bool required) {
  const toml::node* node = get(key, required, "[\"…\", \"…\"]");
  if (!node) return std::nullopt;
  if (!node->is_array()) {
    type_error(key, *node, "an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> values;
  bool ok = true;
  for (const toml::node& item : *node->as_array()) {
    if (!item.is_string()) {
      m_sink.error(loc_from(m_file, item.source()),
                   "`" + key + "` in " + m_what + " must hold only strings, found " + describe(item),
                   "write each entry in double quotes");
      ok = false;
      continue;
    }
    values.push_back(**item.as_string());
  }
  if (!ok) return std::nullopt;
  return values;
}

void TableReader::tables(const std::string& key, bool required, const std::function<void(TableReader&)>& each) {
  const toml::node* node = get(key, required, "[[" + key + "]] sections");
  if (!node) return;
  if (!node->is_array() || !node->as_array()->is_array_of_tables()) {
    m_sink.error(loc_from(m_file, node->source()),
                 "`" + key + "` in " + m_what + " must be an array of tables, found " + describe(*node),
                 "write each entry as a [[" + key + "]] section");
    return;
  }
  int index = 0;
  for (const toml::node& item : *node->as_array()) {
    ++index;
    TableReader reader(*item.as_table(), m_file, "[[" + key + "]] number " + std::to_string(index), m_sink);
    each(reader);
  }
  if (required && index == 0) {
    m_sink.error(loc_of(key), "`" + key + "` in " + m_what + " is empty", "add at least one [[" + key + "]]");
  }
}

bool TableReader::table(const std::string& key, bool required, const std::function<void(TableReader&)>& each) {
  const toml::node* node = get(key, required, "{ … }");
  if (!node) return false;
  if (!node->is_table()) {
    type_error(key, *node, "a table");
    return false;
  }
  TableReader reader(*node->as_table(), m_file, "`" + key + "` of " + m_what, m_sink);
  each(reader);
  return true;
}

void TableReader::finish(const std::vector<std::string>& allowed) {
  for (auto&& [key, node] : m_table) {
    std::string name(key.str());
    if (m_read.count(name)) continue;
    std::string suggestion = closest_match(name, allowed);
    std::string hint =
        suggestion.empty() ? "valid keys here: " + join(allowed, ", ") : "did you mean `" + suggestion + "`?";
    m_sink.error(loc_from(m_file, key.source()), "unknown key `" + name + "` in " + m_what, hint);
  }
}

}  // namespace privascore
