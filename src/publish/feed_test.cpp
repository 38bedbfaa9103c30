#include "publish/feed.h"

#include <gtest/gtest.h>

#include <set>

#include "publish/test_fixture.h"
#include "publish/xml_check.h"

namespace privascore::publish {
namespace {

using testing::bundled;
using testing::XmlElement;

// RFC 4287: the feed has id, title, updated, an author and a self link;
// every entry has id, title, updated and a link; ids are unique.
void expect_valid_atom(const std::string& xml) {
  std::string error;
  auto feed = testing::parse_xml(xml, &error);
  ASSERT_TRUE(feed) << error;
  EXPECT_EQ(feed->name, "feed");
  EXPECT_EQ(feed->attributes.at("xmlns"), "http://www.w3.org/2005/Atom");
  for (const char* required : {"id", "title", "updated", "author"})
    EXPECT_EQ(feed->all(required).size(), 1u) << required;
  ASSERT_NE(feed->first("author")->first("name"), nullptr);
  bool self = false;
  for (const auto* link : feed->all("link")) self = self || link->attributes.at("rel") == "self";
  EXPECT_TRUE(self);
  std::set<std::string> ids = {feed->first("id")->text};
  const auto entries = feed->all("entry");
  EXPECT_FALSE(entries.empty());
  for (const auto* e : entries) {
    for (const char* required : {"id", "title", "updated", "link", "content"})
      EXPECT_EQ(e->all(required).size(), 1u) << required;
    EXPECT_TRUE(ids.insert(e->first("id")->text).second) << "duplicate id " << e->first("id")->text;
    const std::string updated = e->first("updated")->text;
    EXPECT_EQ(updated.size(), 20u);
    EXPECT_EQ(updated.substr(10), "T00:00:00Z");
    EXPECT_FALSE(e->first("link")->attributes.at("href").empty());
  }
}

TEST(CategoryFeed, IsValidAtomWithEditionsAndChanges) {
  const Category& c = *bundled().category("video-conferencing");
  const std::string xml = category_feed(c, Lang::en, testing::test_links(), "/feeds/en/video-conferencing.atom");
  expect_valid_atom(xml);
  std::string error;
  auto feed = testing::parse_xml(xml, &error);
  EXPECT_EQ(feed->first("id")->text, "https://example.org/feeds/en/video-conferencing.atom");
  EXPECT_EQ(feed->first("updated")->text, "2024-10-29T00:00:00Z");  // the newest edition, not the clock
  const auto entries = feed->all("entry");
  // Newest first: the October edition, then its changes, then August.
  EXPECT_EQ(entries.front()->first("title")->text, c.editions.back().title.en);
  std::vector<std::string> titles;
  for (const auto* e : entries) titles.push_back(e->first("title")->text);
  auto has = [&](const std::string& t) { return std::find(titles.begin(), titles.end(), t) != titles.end(); };
  EXPECT_TRUE(has("Joined: OpenTalk – 225/270, recommended"));
  EXPECT_TRUE(has("Jitsi Meet: 222 → 243 points"));
  EXPECT_TRUE(has("GoTo Meeting: 90 → 111 points – class avoid → less recommended"));
  EXPECT_EQ(titles.back(), c.editions.front().title.en);
  const auto* jitsi = entries[static_cast<std::size_t>(
      std::find(titles.begin(), titles.end(), "Jitsi Meet: 222 → 243 points") - titles.begin())];
  EXPECT_EQ(jitsi->first("link")->attributes.at("href"),
            "https://example.org/en/video-conferencing/2024-10-29/jitsi-meet");
  EXPECT_NE(jitsi->first("content")->text.find("End-to-end encryption: ○ poor → ◐ fair (+21)"), std::string::npos);
}

TEST(SiteFeed, MergesEveryCategoryNewestFirstInGerman) {
  const std::string xml = site_feed(bundled(), Lang::de, testing::test_links(), "/feeds/de.atom");
  expect_valid_atom(xml);
  std::string error;
  auto feed = testing::parse_xml(xml, &error);
  EXPECT_EQ(feed->attributes.at("xml:lang"), "de");
  std::string previous = "9999";
  bool messengers = false, video = false;
  for (const auto* e : feed->all("entry")) {
    const std::string updated = e->first("updated")->text;
    EXPECT_LE(updated, previous);
    previous = updated;
    const std::string href = e->first("link")->attributes.at("href");
    messengers = messengers || href.find("/de/messenger/") != std::string::npos;
    video = video || href.find("/de/videokonferenz/") != std::string::npos;
  }
  EXPECT_TRUE(messengers);
  EXPECT_TRUE(video);
}

TEST(Feed, IsDeterministicAndUsesUrnIdsWithoutABaseUrl) {
  const Category& c = *bundled().category("messengers");
  const std::string a = category_feed(c, Lang::en, testing::test_links(""), "/feeds/en/messengers.atom");
  EXPECT_EQ(a, category_feed(c, Lang::en, testing::test_links(""), "/feeds/en/messengers.atom"));
  expect_valid_atom(a);
  EXPECT_NE(a.find("<id>urn:privascore:en:messengers:feed</id>"), std::string::npos);
  EXPECT_NE(a.find("<id>urn:privascore:en:messengers:2024-10-07</id>"), std::string::npos);
}

}  // namespace
}  // namespace privascore::publish
