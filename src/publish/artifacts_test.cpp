#include "publish/artifacts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "publish/test_fixture.h"

namespace privascore::publish {
namespace {

using testing::bundled;

bool has(const std::vector<std::string>& paths, const std::string& p) {
  return std::binary_search(paths.begin(), paths.end(), p);
}

TEST(Artifacts, ListsStablePathsForEveryCategoryEditionAndLanguage) {
  const Artifacts artifacts(testing::bundled_shared(), testing::test_links());
  const auto paths = artifacts.paths();
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (const char* p :
       {"/de/videokonferenz/grafik.svg", "/de/videokonferenz/grafik.png", "/de/videokonferenz/grafik.pdf",
        "/en/video-conferencing/graphic.png", "/en/video-conferencing/2024-08-29/graphic.svg",
        "/og/de/video-conferencing.png", "/og/en/messengers/2023-12-10.png", "/badge/de/video-conferencing/zoom.svg",
        "/badge/en/video-conferencing/2024-08-29/zoom.svg", "/feeds/de.atom", "/feeds/en/messengers.atom",
        "/data/README.md", "/data/video-conferencing/2024-10-29.csv", "/data/video-conferencing/2024-10-29.json",
        "/data/video-conferencing/2024-10-29.de.md", "/data/toml/video-conferencing/methodology/v1.toml",
        "/data/toml/messengers/editions/2024-10-07/services/signal.toml", "/embed/de/video-conferencing",
        "/embed/embed.css"}) {
    EXPECT_TRUE(has(paths, p)) << p;
    EXPECT_TRUE(artifacts.contains(p)) << p;
  }
  // OpenTalk joined in October: no badge in the August edition.
  EXPECT_FALSE(has(paths, "/badge/en/video-conferencing/2024-08-29/opentalk.svg"));
  EXPECT_FALSE(artifacts.get("/de/videokonferenz"));
  EXPECT_FALSE(artifacts.get("/de/videokonferenz/grafik.gif"));
}

TEST(Artifacts, ServesEachWithItsTypeAndTheLatestEqualsItsEdition) {
  const Artifacts artifacts(testing::bundled_shared(), testing::test_links());
  auto svg = artifacts.get("/de/videokonferenz/grafik.svg");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->content_type, "image/svg+xml");
  EXPECT_EQ(svg->cache_control, "public, max-age=300");
  auto dated = artifacts.get("/de/videokonferenz/2024-10-29/grafik.svg");
  EXPECT_EQ(dated->body, svg->body);
  EXPECT_EQ(dated->cache_control, "public, max-age=86400");
  auto png = artifacts.get("/og/en/video-conferencing.png");
  ASSERT_TRUE(png);
  EXPECT_EQ(png->content_type, "image/png");
  EXPECT_EQ(png->body.substr(1, 3), "PNG");
  auto pdf = artifacts.get("/en/video-conferencing/graphic.pdf");
  EXPECT_EQ(pdf->content_type, "application/pdf");
  EXPECT_EQ(artifacts.get("/feeds/en.atom")->content_type, "application/atom+xml; charset=utf-8");
  EXPECT_EQ(artifacts.get("/data/video-conferencing/2024-10-29.csv")->content_type, "text/csv; charset=utf-8");
  auto embed = artifacts.get("/embed/en/video-conferencing");
  EXPECT_EQ(embed->content_type, "text/html; charset=utf-8");
  EXPECT_NE(embed->content_security_policy.find("frame-ancestors *"), std::string::npos);
  EXPECT_TRUE(artifacts.get("/feeds/en.atom")->content_security_policy.empty());
  EXPECT_NE(artifacts.get("/badge/de/video-conferencing/zoom.svg")->body.find("sollte vermieden werden"),
            std::string::npos);
}

TEST(Artifacts, ConcurrentRequestsGetTheSameBytes) {
  const Artifacts artifacts(testing::bundled_shared(), testing::test_links());
  std::vector<std::string> bodies(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < bodies.size(); ++i)
    threads.emplace_back([&, i] { bodies[i] = artifacts.get("/og/de/messengers.png")->body; });
  for (auto& t : threads) t.join();
  for (const auto& b : bodies) EXPECT_EQ(b, bodies[0]);
}

TEST(Artifacts, SharedBytesAreTheCachedOnesAndEqualTheCopies) {
  const Artifacts artifacts(testing::bundled_shared(), testing::test_links());
  const auto first = artifacts.get_shared("/de/videokonferenz/grafik.svg");
  const auto second = artifacts.get_shared("/de/videokonferenz/grafik.svg");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body.get(), second->body.get()) << "the cached bytes, not a copy";
  const auto copy = artifacts.get("/de/videokonferenz/grafik.svg");
  EXPECT_EQ(copy->body, *first->body);
  EXPECT_EQ(copy->content_type, first->content_type);
  EXPECT_EQ(copy->cache_control, first->cache_control);
  // The latest graphic and its dated twin share bytes but not the policy.
  const auto dated = artifacts.get_shared("/de/videokonferenz/2024-10-29/grafik.svg");
  ASSERT_TRUE(dated);
  EXPECT_EQ(dated->body.get(), first->body.get());
  EXPECT_NE(dated->cache_control, first->cache_control);
  EXPECT_FALSE(artifacts.get_shared("/de/videokonferenz/keine.svg"));
}

}  // namespace
}  // namespace privascore::publish
