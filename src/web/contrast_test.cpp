// WCAG 2.1 AA: every colour pair the stylesheet declares (--c-NAME-fg on
// --c-NAME-bg) has a contrast ratio of at least 4.5:1.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>

#include "web/assets.h"

namespace privascore::web {
namespace {

double channel(int value) {
  const double c = value / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const std::string& hex) {
  const int r = std::stoi(hex.substr(1, 2), nullptr, 16);
  const int g = std::stoi(hex.substr(3, 2), nullptr, 16);
  const int b = std::stoi(hex.substr(5, 2), nullptr, 16);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

double contrast(const std::string& a, const std::string& b) {
  double la = luminance(a);
  double lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

TEST(ContrastTest, ReferenceValues) {
  EXPECT_NEAR(contrast("#000000", "#ffffff"), 21.0, 0.01);
  EXPECT_NEAR(contrast("#777777", "#ffffff"), 4.48, 0.01);
}

TEST(ContrastTest, EveryDeclaredColourPairReachesAA) {
  const Assets assets = Assets::embedded();  // owns the text css points into
  const std::string* css = assets.file("static/site.css");
  ASSERT_NE(css, nullptr);
  const std::regex declaration("--c-([a-z0-9-]+)-(fg|bg):\\s*(#[0-9a-fA-F]{6})\\s*;");
  std::map<std::string, std::map<std::string, std::string>> pairs;
  for (auto it = std::sregex_iterator(css->begin(), css->end(), declaration); it != std::sregex_iterator(); ++it)
    pairs[(*it)[1].str()][(*it)[2].str()] = (*it)[3].str();
  EXPECT_GE(pairs.size(), 15u);
  for (const auto& [name, pair] : pairs) {
    ASSERT_TRUE(pair.count("fg") && pair.count("bg")) << "--c-" << name << " needs both -fg and -bg";
    EXPECT_GE(contrast(pair.at("fg"), pair.at("bg")), 4.5)
        << "--c-" << name << ": " << pair.at("fg") << " on " << pair.at("bg");
  }
  for (const char* required : {"lvl-green", "lvl-yellow", "lvl-red", "cls-green", "cls-yellow", "cls-red", "focus"})
    EXPECT_TRUE(pairs.count(required)) << required;
}

}  // namespace
}  // namespace privascore::web
