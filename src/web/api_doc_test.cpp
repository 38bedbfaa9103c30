// Every example in docs/api.md is the real answer of the site: the status,
// and for objects exactly the keys shown with the values shown (lists in
// the examples may be shortened to their first entries).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "web/site_test_support.h"

namespace privascore::web {
namespace {

using nlohmann::json;

// Checks that example is the start of actual: same keys in objects, equal
// scalars, arrays no longer than the real ones. where names the position.
void expect_prefix(const json& example, const json& actual, const std::string& where) {
  if (example.is_object()) {
    ASSERT_TRUE(actual.is_object()) << where;
    for (const auto& [key, value] : example.items()) {
      ASSERT_TRUE(actual.contains(key)) << where << "." << key << " is shown but not served";
      expect_prefix(value, actual[key], where + "." + key);
    }
    for (const auto& [key, value] : actual.items())
      EXPECT_TRUE(example.contains(key)) << where << "." << key << " is served but not shown";
  } else if (example.is_array()) {
    ASSERT_TRUE(actual.is_array()) << where;
    ASSERT_LE(example.size(), actual.size()) << where;
    for (std::size_t i = 0; i < example.size(); ++i)
      expect_prefix(example[i], actual[i], where + "[" + std::to_string(i) + "]");
  } else {
    EXPECT_EQ(example, actual) << where;
  }
}

TEST(ApiDocTest, EveryExampleIsTheRealAnswer) {
  std::ifstream in(std::string(PRIVASCORE_SOURCE_DIR) + "/docs/api.md");
  ASSERT_TRUE(in) << "docs/api.md";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  auto site = test::make_site(test::bundled_catalogue());
  const std::regex example("Example[^`\\n]*: `GET ([^`]+)` → ([0-9]{3})\\n+```json\\n([\\s\\S]*?)```");
  int examples = 0;
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), example); it != std::sregex_iterator(); ++it) {
    ++examples;
    const std::string target = (*it)[1].str();
    SCOPED_TRACE(target);
    const json shown = json::parse((*it)[3].str(), nullptr, false);
    ASSERT_FALSE(shown.is_discarded()) << "the example is not valid JSON";
    const Response r = site->handle(test::get(target));
    EXPECT_EQ(r.status, std::stoi((*it)[2].str()));
    const json served = json::parse(r.body, nullptr, false);
    ASSERT_FALSE(served.is_discarded());
    expect_prefix(shown, served, "$");
  }
  EXPECT_GE(examples, 5);
}

}  // namespace
}  // namespace privascore::web
