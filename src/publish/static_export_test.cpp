#include "publish/static_export.h"
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace privascore::publish {
namespace {

namespace fs = std::filesystem;

// A tiny site: pages link each other with root-relative and relative links.
struct FakeSite {
  std::map<std::string, Fetched> pages;

  FakeSite() {
    html("/", "");  // replaced by a redirect below
    pages["/"] = Fetched{302, "text/plain", "", "/en/"};
    html("/en/",
         "<a href=\"/en/cats\">cats</a> <a href=\"cats/tom?x=1#f\">tom</a> <link rel=stylesheet "
         "href=\"/static/s.css\"> <a href=\"https://elsewhere.org/\">out</a> <a href=\"#top\">top</a>");
    html("/en/cats", "<a href=\"/en/\">home</a> <img src=\"/en/cats/graphic.png\"> <a href=\"/api/v1/list\">api</a>");
    html("/en/cats/tom", "<a href=\"..\">up</a> <a href=\"/en/old\">old</a>");
    pages["/en/old"] = Fetched{301, "text/plain", "", "/en/cats"};
    pages["/en/cats/graphic.png"] = Fetched{200, "image/png", "PNG", ""};
    pages["/static/s.css"] = Fetched{200, "text/css", "a{background:url(/static/bg.svg)}", ""};
    pages["/static/bg.svg"] = Fetched{200, "image/svg+xml", "<svg/>", ""};
    pages["/api/v1/list"] = Fetched{200, "application/json", "[1]", ""};
    pages["/404"] = Fetched{404, "text/html; charset=utf-8", "<a href=\"/en/\">home</a>", ""};
  }
  void html(const std::string& path, const std::string& body) {
    pages[path] = Fetched{200, "text/html; charset=utf-8", "<!DOCTYPE html>" + body, ""};
  }
  Fetcher fetcher() const {
    return [this](const std::string& path, const std::string& query) {
      auto it = pages.find(query.empty() ? path : path + "?" + query);
      return it == pages.end() ? Fetched{} : it->second;
    };
  }
};

ExportPlan plan() {
  ExportPlan p;
  p.seeds = {"/"};
  p.fixed = {{"/api/v1/list", "", "api/v1/list.json"}};
  p.not_found_path = "/404";
  p.base_url = "https://example.org/sub";
  return p;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream b;
  b << in.rdbuf();
  return b.str();
}

class StaticExport : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("privascore-export-test-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(StaticExport, WritesPagesFilesAndRewritesLinksRelative) {
  FakeSite site;
  auto summary = export_site(plan(), site.fetcher(), (m_dir / "out").string());
  ASSERT_TRUE(summary) << summary.error().message;
  const fs::path out = m_dir / "out";
  EXPECT_EQ(read(out / "en/index.html"),
            "<!DOCTYPE html><a href=\"cats/\">cats</a> <a href=\"cats/tom/?x=1#f\">tom</a> <link rel=stylesheet "
            "href=\"../static/s.css\"> <a href=\"https://elsewhere.org/\">out</a> <a href=\"#top\">top</a>");
  EXPECT_EQ(
      read(out / "en/cats/index.html"),
      "<!DOCTYPE html><a href=\"../\">home</a> <img src=\"graphic.png\"> <a href=\"../../api/v1/list.json\">api</a>");
  // ".." from /en/cats/tom is /en/ (as a browser resolves it on the server).
  EXPECT_EQ(read(out / "en/cats/tom/index.html"),
            "<!DOCTYPE html><a href=\"../../\">up</a> <a href=\"../../old/\">old</a>");
  EXPECT_EQ(read(out / "static/s.css"), "a{background:url(bg.svg)}");
  EXPECT_EQ(read(out / "api/v1/list.json"), "[1]");
  EXPECT_NE(read(out / "index.html").find("url=en/"), std::string::npos);             // "/" redirects
  EXPECT_NE(read(out / "index.html").find("<html lang=\"en\">"), std::string::npos);  // the target's language
  EXPECT_NE(read(out / "en/old/index.html").find("url=../cats/"), std::string::npos);
  EXPECT_EQ(read(out / "404.html"), "<a href=\"https://example.org/sub/en/\">home</a>");
  const std::string sitemap = read(out / "sitemap.xml");
  EXPECT_NE(sitemap.find("<loc>https://example.org/sub/en/cats/tom/</loc>"), std::string::npos);
  EXPECT_EQ(sitemap.find("/en/old/"), std::string::npos);  // redirects are not listed
  EXPECT_NE(read(out / "robots.txt").find("Sitemap: https://example.org/sub/sitemap.xml"), std::string::npos);
  EXPECT_EQ(summary->pages, 6);  // 3 pages, 2 redirects, 404
  EXPECT_TRUE(summary->sitemap);
}

TEST_F(StaticExport, TwoExportsAreByteIdenticalAndTheSecondReplacesTheFirst) {
  FakeSite site;
  ASSERT_TRUE(export_site(plan(), site.fetcher(), (m_dir / "a").string()));
  ASSERT_TRUE(export_site(plan(), site.fetcher(), (m_dir / "b").string()));
  site.html("/en/cats/tom", "<p>changed</p>");
  ASSERT_TRUE(export_site(plan(), site.fetcher(), (m_dir / "b").string())) << "an earlier export is replaced";
  EXPECT_EQ(read(m_dir / "b/en/cats/tom/index.html"), "<!DOCTYPE html><p>changed</p>");
  ASSERT_TRUE(export_site(plan(), FakeSite().fetcher(), (m_dir / "b").string()));
  for (const auto& entry : fs::recursive_directory_iterator(m_dir / "a")) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), m_dir / "a");
    EXPECT_EQ(read(entry.path()), read(m_dir / "b" / rel)) << rel;
  }
  for (const auto& entry : fs::directory_iterator(m_dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << "temporary folder left behind";
}

TEST_F(StaticExport, BrokenLinksFailAndNameThePage) {
  FakeSite site;
  site.html("/en/cats/tom", "<a href=\"/en/dogs\">dogs</a>");
  auto result = export_site(plan(), site.fetcher(), (m_dir / "out").string());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("/en/dogs (linked from /en/cats/tom)"), std::string::npos)
      << result.error().message;
  EXPECT_FALSE(fs::exists(m_dir / "out"));
}

TEST_F(StaticExport, RefusesAFolderThatIsNotAnEarlierExport) {
  fs::create_directories(m_dir / "out");
  std::ofstream(m_dir / "out/precious.txt") << "keep me";
  auto result = export_site(plan(), FakeSite().fetcher(), (m_dir / "out").string());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("is not an earlier export"), std::string::npos);
  EXPECT_EQ(read(m_dir / "out/precious.txt"), "keep me");
}

TEST_F(StaticExport, TheTargetIsCheckedWithoutExporting) {
  EXPECT_TRUE(check_export_target((m_dir / "new").string())) << "a folder that does not exist yet";
  fs::create_directories(m_dir / "empty");
  EXPECT_TRUE(check_export_target((m_dir / "empty").string()));
  ASSERT_TRUE(export_site(plan(), FakeSite().fetcher(), (m_dir / "earlier").string()));
  EXPECT_TRUE(check_export_target((m_dir / "earlier").string())) << "an earlier export may be replaced";
  fs::create_directories(m_dir / "foreign");
  std::ofstream(m_dir / "foreign/precious.txt") << "keep me";
  auto result = check_export_target((m_dir / "foreign").string());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find((m_dir / "foreign").string() + " exists and is not an earlier export"),
            std::string::npos);
  EXPECT_EQ(result.error().hint, "choose an empty or new folder, or remove it first");
  std::ofstream(m_dir / "a-file") << "not a folder";
  EXPECT_FALSE(check_export_target((m_dir / "a-file").string())) << "a file is no folder to export into";
}

TEST_F(StaticExport, WithoutABaseUrlThereIsNoSitemap) {
  ExportPlan p = plan();
  p.base_url.clear();
  auto summary = export_site(p, FakeSite().fetcher(), (m_dir / "out").string());
  ASSERT_TRUE(summary);
  EXPECT_FALSE(summary->sitemap);
  EXPECT_FALSE(fs::exists(m_dir / "out/sitemap.xml"));
  EXPECT_EQ(read(m_dir / "out/404.html"), "<a href=\"/en/\">home</a>");
}

TEST_F(StaticExport, AFileWhereAFolderIsNeededIsAnError) {
  FakeSite site;
  ExportPlan p = plan();
  p.fixed.clear();  // /api/v1/list is then written as the file api/v1/list …
  p.fixed.push_back({"/api/v1/list", "q=1", "api/v1/list/q.json"});  // … and needed as a folder
  site.pages["/api/v1/list?q=1"] = Fetched{200, "application/json", "[2]", ""};
  auto result = export_site(p, site.fetcher(), (m_dir / "out").string());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("api/v1/list would sit where api/v1/list/q.json needs a folder"),
            std::string::npos)
      << result.error().message;
}

// Regression: a service page of an older edition links its API document with
// "?edition=…"; the bare path answers for the latest edition only, where a
// service that left is missing. The link names a fixed file, so the export
// neither crawls the bare path nor reports it broken.
TEST_F(StaticExport, ALinkToAFixedFileWithAQueryNeedsNoBarePath) {
  FakeSite site;
  site.html("/en/cats/tom", "<a href=\"/api/v1/cat/tom?edition=old\">api</a>");
  site.pages["/api/v1/cat/tom?edition=old"] = Fetched{200, "application/json", "[3]", ""};
  ExportPlan p = plan();
  p.fixed.push_back({"/api/v1/cat/tom", "edition=old", "api/v1/cat/old/tom.json"});
  auto summary = export_site(p, site.fetcher(), (m_dir / "out").string());
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(read(m_dir / "out/api/v1/cat/old/tom.json"), "[3]");
  EXPECT_EQ(read(m_dir / "out/en/cats/tom/index.html"),
            "<!DOCTYPE html><a href=\"../../../api/v1/cat/old/tom.json\">api</a>");
  EXPECT_FALSE(fs::exists(m_dir / "out/api/v1/cat/tom"));
}

TEST(OutputFile, PagesBecomeIndexFiles) {
  EXPECT_EQ(output_file("/", true), "index.html");
  EXPECT_EQ(output_file("/de/x", true), "de/x/index.html");
  EXPECT_EQ(output_file("/de/x/", true), "de/x/index.html");
  EXPECT_EQ(output_file("/de/x/grafik.svg", false), "de/x/grafik.svg");
}

}  // namespace
}  // namespace privascore::publish
