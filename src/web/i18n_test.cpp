// The i18n catalogs and the templates agree: the same keys in German and
// English, every key a template or page uses exists, and templates never
// print data unescaped.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "web/assets.h"
#include "web/messages.h"
#include "web/templates.h"

namespace privascore::web {
namespace {

TEST(I18nTest, BothCatalogsHaveTheSameKeysAndNoEmptyMessage) {
  auto messages = Messages::load(Assets::embedded());
  ASSERT_TRUE(messages.has_value()) << messages.error().to_string();
  const auto de = messages->keys(Lang::de);
  const auto en = messages->keys(Lang::en);
  EXPECT_EQ(de, en);
  EXPECT_GT(de.size(), 100u);
  for (const auto& key : de) {
    EXPECT_FALSE(messages->get(Lang::de, key).empty()) << key;
    EXPECT_FALSE(messages->get(Lang::en, key).empty()) << key;
  }
}

TEST(I18nTest, PlaceholdersMatchBetweenLanguages) {
  auto messages = Messages::load(Assets::embedded());
  ASSERT_TRUE(messages.has_value());
  const std::regex placeholder("\\{[a-z_]+\\}");
  for (const auto& key : messages->keys(Lang::de)) {
    std::set<std::string> de, en;
    const std::string de_text = messages->get(Lang::de, key);
    const std::string en_text = messages->get(Lang::en, key);
    for (auto it = std::sregex_iterator(de_text.begin(), de_text.end(), placeholder); it != std::sregex_iterator();
         ++it)
      de.insert(it->str());
    for (auto it = std::sregex_iterator(en_text.begin(), en_text.end(), placeholder); it != std::sregex_iterator();
         ++it)
      en.insert(it->str());
    EXPECT_EQ(de, en) << key;
  }
}

TEST(I18nTest, EveryKeyATemplateUsesExists) {
  const Assets assets = Assets::embedded();
  auto messages = Messages::load(assets);
  ASSERT_TRUE(messages.has_value());
  const auto keys = messages->keys(Lang::de);
  const std::set<std::string> known(keys.begin(), keys.end());
  const std::regex use("\\{\\{[#^/]?\\s*t\\.([a-z_0-9]+)\\s*\\}\\}");
  int templates = 0;
  for (const std::string& path : assets.paths()) {
    if (path.rfind("templates/", 0) != 0) continue;
    ++templates;
    const std::string& text = *assets.file(path);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), use); it != std::sregex_iterator(); ++it)
      EXPECT_TRUE(known.count((*it)[1].str())) << path << ": t." << (*it)[1].str();
  }
  EXPECT_GE(templates, 8);
}

TEST(I18nTest, TemplatesNeverPrintUnescaped) {
  const Assets assets = Assets::embedded();
  for (const std::string& path : assets.paths()) {
    if (path.rfind("templates/", 0) != 0) continue;
    const std::string& text = *assets.file(path);
    const std::regex raw("\\{\\{\\{\\s*([a-z_.]+)\\s*\\}\\}\\}|\\{\\{&");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), raw); it != std::sregex_iterator(); ++it) {
      const bool layout = path.ends_with("layout.mustache");
      EXPECT_TRUE(layout && (*it)[1].str() == "content") << path << " prints " << it->str() << " unescaped";
    }
    // No inline script (the CSP allows none): a script element only loads a
    // file of the site and has no content.
    const std::regex script("<script([^>]*)>([^<]*)</script>");
    std::size_t scripts = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), script); it != std::sregex_iterator(); ++it) {
      ++scripts;
      EXPECT_NE((*it)[1].str().find(" src=\"{{"), std::string::npos) << path << ": " << it->str();
      EXPECT_EQ((*it)[2].str(), "") << path << ": " << it->str();
    }
    std::size_t opened = 0;
    for (std::size_t at = text.find("<script"); at != std::string::npos; at = text.find("<script", at + 1)) ++opened;
    EXPECT_EQ(opened, scripts) << path << ": a script element that is not <script src=…></script>";
    EXPECT_EQ(text.find(" style="), std::string::npos) << path;
  }
  EXPECT_TRUE(Templates::load(assets).has_value());
}

TEST(I18nTest, FormatFillsPlaceholders) {
  auto m = Messages::parse(R"({"a": "{x} von {y}", "b": "{unknown} bleibt"})", R"({"a": "{x} of {y}", "b": "x"})");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->format(Lang::de, "a", {{"x", "1"}, {"y", "2"}}), "1 von 2");
  EXPECT_EQ(m->format(Lang::en, "a", {{"y", "2"}, {"x", "1"}}), "1 of 2");
  EXPECT_EQ(m->format(Lang::de, "b", {{"x", "1"}}), "{unknown} bleibt");
  EXPECT_EQ(m->get(Lang::de, "missing"), "missing");
  EXPECT_FALSE(Messages::parse("[]", "{}").has_value());
  EXPECT_FALSE(Messages::parse("{\"a\": 1}", "{}").has_value());
  EXPECT_NE(Messages::parse("{", "{}").error().message.find("web/i18n/de.json"), std::string::npos);
}

}  // namespace
}  // namespace privascore::web
