// docs/json.md documents the JSON of `score`, `explain` and `diff`. Each
// example there is preceded by `<!-- json-example: ARGS -->`; this test runs
// privascore with ARGS and checks that the example and the real output have
// the same fields (the same set of key paths; values may differ), and that
// every field name is mentioned in the prose of the page.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace privascore::test {
namespace {

struct JsonExample {
  std::vector<std::string> args;
  std::string json;
};

std::vector<JsonExample> examples(const std::string& doc) {
  std::vector<JsonExample> out;
  const std::string marker = "<!-- json-example: ";
  for (std::size_t at = doc.find(marker); at != std::string::npos; at = doc.find(marker, at + 1)) {
    const std::size_t end = doc.find(" -->", at);
    std::istringstream words(doc.substr(at + marker.size(), end - at - marker.size()));
    JsonExample example;
    for (std::string word; words >> word;) {
      // Paths in the docs are relative to the source tree.
      example.args.push_back(word.rfind("tests/", 0) == 0 ? source_path(word) : word);
    }
    const std::size_t open = doc.find("```json\n", end);
    const std::size_t close = doc.find("\n```", open);
    example.json = doc.substr(open + 8, close - open - 8);
    out.push_back(example);
  }
  return out;
}

// "services[].features[].id" for every key; arrays contribute the union of
// their elements' paths.
void key_paths(const nlohmann::json& j, const std::string& prefix, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      out.insert(path);
      key_paths(value, path, out);
    }
  } else if (j.is_array()) {
    for (const auto& item : j) key_paths(item, prefix + "[]", out);
  }
}

// The field name at the end of a key path ("services[].rank" → "rank").
std::string last_name(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

TEST(JsonDoc, ExamplesHaveExactlyTheFieldsOfTheRealOutput) {
  const std::string doc = read_text(source_path("docs/json.md"));
  const std::vector<JsonExample> found = examples(doc);
  ASSERT_EQ(found.size(), 3u) << "one example each for score, explain and diff";
  for (const auto& example : found) {
    SCOPED_TRACE(example.args.at(0));
    const RunResult r = run_privascore(example.args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto shown = nlohmann::json::parse(example.json, nullptr, false);
    ASSERT_FALSE(shown.is_discarded()) << "the example is not valid JSON";
    const auto real = nlohmann::json::parse(r.out);
    std::set<std::string> shown_paths, real_paths;
    key_paths(shown, "", shown_paths);
    key_paths(real, "", real_paths);
    for (const auto& path : shown_paths) EXPECT_TRUE(real_paths.count(path)) << "documented but not output: " << path;
    for (const auto& path : real_paths) EXPECT_TRUE(shown_paths.count(path)) << "output but not documented: " << path;
    for (const auto& path : shown_paths) {
      const std::string name = last_name(path);
      const bool described = doc.find("`" + name + "`") != std::string::npos ||
                             doc.find("`" + name + "[]`") != std::string::npos;  // arrays: `levels[]`
      EXPECT_TRUE(described) << "field `" << name << "` is not described";
    }
  }
}

TEST(JsonDoc, ScoreExampleIsTheRealOutput) {
  // The score example comes from a fixed test tree, so it must match exactly.
  const std::string doc = read_text(source_path("docs/json.md"));
  const JsonExample example = examples(doc).at(0);
  ASSERT_EQ(example.args.at(0), "score");
  const RunResult r = run_privascore(example.args);
  EXPECT_EQ(nlohmann::json::parse(example.json), nlohmann::json::parse(r.out));
}

TEST(JsonDoc, OptionalExplainFieldsAppearWhenTheDataHasThem) {
  // licence, repository and note are documented as optional; Jitsi Meet has all three.
  const RunResult r = run_privascore({"explain", "jitsi-meet", "-c", "video-conferencing", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"licence", "repository", "note"}) EXPECT_TRUE(j.contains(key)) << key;
  const std::string doc = read_text(source_path("docs/json.md"));
  for (const char* key : {"licence", "repository", "note", "quote"})
    EXPECT_NE(doc.find(std::string("`") + key + "`"), std::string::npos) << key;
}

}  // namespace
}  // namespace privascore::test
