// TomlDocument and TableReader: parse a TOML file and read typed fields from
// its tables, reporting every problem to a DiagnosticSink with file:line:col.
//
// The only place that includes toml++ (built with TOML_EXCEPTIONS=0, so
// parsing returns errors as values). A TableReader remembers which keys were
// read; finish() reports the rest as unknown keys with the closest valid key.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/model.h"
#include "util/diagnostic.h"

namespace toml {
inline namespace v3 {
class table;
class node;
}  // namespace v3
}  // namespace toml

namespace privascore {

/// Largest file the loaders accept.
constexpr std::size_t k_max_file_bytes = 1 << 20;

/// A parsed TOML file. Empty (root() == nullptr) when it could not be parsed;
/// the reasons went to the sink.
class TomlDocument {
 public:
  /// Checks size, emptiness and UTF-8, then parses. display_name is used in
  /// messages.
  static TomlDocument parse(std::string content, const std::string& display_name, DiagnosticSink& sink);

  TomlDocument(TomlDocument&&) noexcept;
  TomlDocument& operator=(TomlDocument&&) noexcept;
  ~TomlDocument();

  const toml::table* root() const;
  const std::string& file() const { return m_file; }

 private:
  TomlDocument() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::string m_file;
};

class TableReader {
 public:
  /// what names the table in messages ("[[feature]] 2", "the file").
  TableReader(const toml::table& table, std::string file, std::string what, DiagnosticSink& sink);

  Loc loc() const;
  Loc loc_of(const std::string& key) const;
  bool has(const std::string& key) const;

  std::optional<std::string> string(const std::string& key, bool required);
  /// A string that must be an id (lowercase letters, digits, '-').
  std::optional<std::string> id(const std::string& key, bool required);
  /// An http(s) URL.
  std::optional<std::string> url(const std::string& key, bool required);
  std::optional<std::int64_t> integer(const std::string& key, bool required);
  std::optional<bool> boolean(const std::string& key, bool required);
  std::optional<Date> date(const std::string& key, bool required);
  /// `{ de = "…", en = "…" }`: both languages required and non-empty.
  std::optional<Text> text(const std::string& key, bool required);
  std::optional<std::vector<std::string>> string_array(const std::string& key, bool required);
  /// Calls each(reader) for each table of an array of tables.
  void tables(const std::string& key, bool required, const std::function<void(TableReader&)>& each);
  /// Calls each(reader) for a sub-table (inline or not) when present.
  bool table(const std::string& key, bool required, const std::function<void(TableReader&)>& each);

  /// Reports every key that was not read as unknown, with the closest
  /// valid key. `allowed` lists every valid key of this table.
  void finish(const std::vector<std::string>& allowed);

  DiagnosticSink& sink() { return m_sink; }
  const std::string& file() const { return m_file; }

 private:
  const toml::node* get(const std::string& key, bool required, const std::string& expected);
  void type_error(const std::string& key, const toml::node& node, const char* expected);

  const toml::table& m_table;
  std::string m_file;
  std::string m_what;
  DiagnosticSink& m_sink;
  std::set<std::string> m_read;
};

}  // namespace privascore
