// Helpers for the store's tests: temporary folders, the bundled catalogue,
// row counts. Only included by *_test.cpp files.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "loader/file_source.h"
#include "loader/loader.h"
#include "resources/resources.h"
#include "store/database.h"

namespace privascore::store::testing {

/// A fresh folder under /tmp, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = "/tmp/privascore-store-test-XXXXXX";
    if (::mkdtemp(pattern.data())) m_path = pattern;
    EXPECT_FALSE(m_path.empty()) << "cannot create a temporary folder";
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
  }
  std::string path(const std::string& name = "") const { return name.empty() ? m_path : m_path + "/" + name; }

 private:
  std::string m_path;
};

inline MemorySource bundled_source() {
  MemorySource source("<bundled>");
  for (const auto& file : resources::files("data")) source.add(std::string(file.path), std::string(file.content));
  return source;
}

/// The data compiled into the binary; fails the test when it has errors.
inline Catalogue bundled_catalogue() {
  DiagnosticSink sink;
  Catalogue catalogue = load_catalogue(bundled_source(), sink);
  for (const auto& d : sink.items()) {
    if (d.severity == Severity::error) ADD_FAILURE() << d.to_string();
  }
  return catalogue;
}

/// The whole file ("" when it cannot be read, which fails the test).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// The worked example of docs/formats.md (methodology with a literature
/// table, an assessment with hosting variants, an edition) as a catalogue of
/// one category, so that the store is tested with every optional part of the
/// formats, not only with what the bundled data happens to use.
inline Catalogue docs_example_catalogue() {
  const std::string doc = read_file(std::string(PRIVASCORE_SOURCE_DIR) + "/docs/formats.md");
  auto example = [&](const std::string& kind) {
    const std::string marker = "<!-- example: " + kind + " -->\n```toml\n";
    const std::size_t at = doc.find(marker);
    EXPECT_NE(at, std::string::npos) << "docs/formats.md has no " << kind << " example";
    if (at == std::string::npos) return std::string();
    const std::size_t open = at + marker.size();
    return doc.substr(open, doc.find("\n```", open) - open + 1);
  };
  MemorySource source("<docs/formats.md>");
  source.add("example-category/methodology/v1.toml", example("methodology"));
  source.add("example-category/editions/2024-10-29/edition.toml", example("edition"));
  source.add("example-category/editions/2024-10-29/services/example-meet.toml", example("assessment"));
  DiagnosticSink sink;
  Catalogue catalogue = load_catalogue(source, sink);
  for (const auto& d : sink.items()) {
    if (d.severity == Severity::error) ADD_FAILURE() << d.to_string();
  }
  return catalogue;
}

/// Number of rows in every table (and trigger/index count in sqlite_schema).
inline std::map<std::string, long long> row_counts(Database& db) {
  std::map<std::string, long long> counts;
  auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  EXPECT_TRUE(tables) << tables.error().message;
  if (!tables) return counts;
  std::vector<std::string> names;
  while (auto row = tables->step()) {
    if (!*row) break;
    names.push_back(tables->column_text(0));
  }
  for (const auto& name : names) {
    auto n = db.query_int("SELECT count(*) FROM \"" + name + "\"");
    EXPECT_TRUE(n) << n.error().message;
    counts[name] = n ? *n : -1;
  }
  auto objects = db.query_int("SELECT count(*) FROM sqlite_schema");
  counts["<schema objects>"] = objects ? *objects : -1;
  return counts;
}

/// Row counts of the database file at path (opened read-only).
inline std::map<std::string, long long> row_counts(const std::string& path) {
  auto db = Database::open(path, Database::Mode::read_only);
  EXPECT_TRUE(db) << db.error().message;
  if (!db) return {};
  return row_counts(*db);
}

}  // namespace privascore::store::testing
