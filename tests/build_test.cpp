// privascore build: the static export of the bundled data, end to end: the
// file list, two builds byte-identical, every internal link of every page
// resolving to a file, and the folder served from a sub-path by a plain
// static server.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "static_http_server.h"
#include "test_support.h"

namespace privascore::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_base_url = "https://example.org/privascore";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream b;
  b << in.rdbuf();
  return b.str();
}

std::set<std::string> file_list(const fs::path& root) {
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files.insert(fs::relative(e.path(), root).generic_string());
  return files;
}

class Build : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new fs::path(fs::temp_directory_path() / ("privascore-build-test-" + std::to_string(::getpid())));
    fs::remove_all(*s_dir);
    // The second build names the base URL with a trailing '/': the same site.
    for (const char* name : {"a", "b"}) {
      const std::string base_url = std::string(k_base_url) + (name[0] == 'b' ? "/" : "");
      const RunResult r = run_privascore({"build", (*s_dir / name).string(), "--base-url", base_url});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      EXPECT_NE(r.out.find("pages"), std::string::npos);
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*s_dir);
    delete s_dir;
  }
  static fs::path out() { return *s_dir / "a"; }
  static fs::path* s_dir;
};
fs::path* Build::s_dir = nullptr;

TEST_F(Build, WritesEveryKindOfFile) {
  const auto files = file_list(out());
  for (const char* f : {"index.html",
                        "de/index.html",
                        "en/index.html",
                        "404.html",
                        "robots.txt",
                        "sitemap.xml",
                        "de/videokonferenz/index.html",
                        "en/video-conferencing/index.html",
                        "de/videokonferenz/2024-08-29/index.html",
                        "en/video-conferencing/2024-10-29/zoom/index.html",
                        "de/messenger/2023-12-10/signal/index.html",
                        "de/videokonferenz/grafik.svg",
                        "de/videokonferenz/grafik.png",
                        "de/videokonferenz/grafik.pdf",
                        "en/video-conferencing/2024-08-29/graphic.png",
                        "og/de/video-conferencing.png",
                        "og/en/messengers/2023-12-10.png",
                        "badge/de/video-conferencing/zoom.svg",
                        "feeds/de.atom",
                        "feeds/en/messengers.atom",
                        "data/README.md",
                        "data/video-conferencing/2024-10-29.csv",
                        "data/video-conferencing/2024-10-29.json",
                        "data/messengers/2024-10-07.en.md",
                        "data/toml/video-conferencing/methodology/v1.toml",
                        "data/toml/video-conferencing/editions/2024-10-29/services/zoom.toml",
                        "embed/de/video-conferencing/index.html",
                        "embed/embed.css",
                        "api/v1/categories.json",
                        "api/v1/categories/video-conferencing.json",
                        "api/v1/categories/video-conferencing/scores.de.json",
                        "api/v1/categories/video-conferencing/editions/2024-08-29/scores.en.json",
                        "api/v1/categories/video-conferencing/editions/2024-10-29/services/jitsi-meet.de.json",
                        "api/v1/categories/video-conferencing/diff/2024-08-29..2024-10-29.en.json"}) {
    EXPECT_TRUE(files.count(f)) << f;
  }
  // Assets under content-hashed names.
  const std::regex hashed(R"(static/[a-z0-9_-]+\.[0-9a-f]{8,}\.(css|svg|js))");
  int assets = 0;
  for (const auto& f : files) assets += std::regex_match(f, hashed) ? 1 : 0;
  EXPECT_GE(assets, 1);
  EXPECT_NE(read(out() / "de/videokonferenz/index.html").find("Nextcloud Talk"), std::string::npos);
  EXPECT_EQ(read(out() / "de/videokonferenz/grafik.png").substr(1, 3), "PNG");
  EXPECT_NE(read(out() / "sitemap.xml").find("<loc>https://example.org/privascore/de/videokonferenz/</loc>"),
            std::string::npos);
  EXPECT_EQ(read(out() / "sitemap.xml").find("/embed/"), std::string::npos);
}

TEST_F(Build, TwoBuildsAreByteIdentical) {
  const auto a = file_list(*s_dir / "a");
  const auto b = file_list(*s_dir / "b");
  ASSERT_EQ(a, b);
  for (const auto& f : a) EXPECT_EQ(read(*s_dir / "a" / f), read(*s_dir / "b" / f)) << f;
}

// Every href and src of every page names a file of the output (read with a
// scanner of its own, independent of the exporter's).
TEST_F(Build, EveryInternalLinkResolves) {
  const std::regex attribute(R"re(\s(?:href|src)\s*=\s*"([^"]*)")re");
  int checked = 0;
  for (const auto& f : file_list(out())) {
    if (!f.ends_with(".html") || f == "404.html") continue;
    const std::string html = read(out() / f);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute); it != std::sregex_iterator(); ++it) {
      std::string link = (*it)[1];
      for (std::size_t at; (at = link.find("&amp;")) != std::string::npos;) link.replace(at, 5, "&");
      if (link.empty() || link[0] == '#' || link.find(':') != std::string::npos || link.rfind("//", 0) == 0) continue;
      ASSERT_NE(link[0], '/') << "root-relative link " << link << " in " << f << " breaks under a sub-path";
      link = link.substr(0, link.find_first_of("?#"));
      fs::path target = (out() / f).parent_path() / link;
      if (link.empty() || link.back() == '/' || fs::is_directory(target)) target /= "index.html";
      EXPECT_TRUE(fs::is_regular_file(target)) << f << " links to " << link;
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

TEST_F(Build, ServedFromASubPathByAPlainStaticServer) {
  StaticHttpServer server(out(), "/some/sub/path");
  const HttpReply page = http_get(server.port(), "/some/sub/path/en/video-conferencing/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Nextcloud Talk"), std::string::npos);
  // The stylesheet and the graphic the page uses load from relative links.
  std::smatch css;
  ASSERT_TRUE(std::regex_search(page.body, css, std::regex(R"re(href="([^"]+\.css)")re")));
  // Resolved as a browser resolves a relative link (RFC 3986, 5.2.4).
  const std::string css_path =
      fs::path("/some/sub/path/en/video-conferencing/" + css[1].str()).lexically_normal().generic_string();
  EXPECT_EQ(http_get(server.port(), css_path).status, 200) << css_path;
  const HttpReply png = http_get(server.port(), "/some/sub/path/en/video-conferencing/graphic.png");
  EXPECT_EQ(png.status, 200);
  EXPECT_EQ(png.content_type, "image/png");
  const HttpReply root = http_get(server.port(), "/some/sub/path/");
  EXPECT_EQ(root.status, 200);
  EXPECT_NE(root.body.find("http-equiv=\"refresh\""), std::string::npos);
}

TEST(BuildCommand, RefusesAForeignFolderAndABadBaseUrl) {
  const fs::path dir = fs::temp_directory_path() / ("privascore-build-refuse-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "keep.txt") << "mine";
  RunResult r = run_privascore({"build", dir.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is not an earlier export"), std::string::npos) << r.err;
  EXPECT_EQ(read(dir / "keep.txt"), "mine");
  r = run_privascore({"build", (dir / "out").string(), "--base-url", "example.org/"});
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("--base-url `example.org/` is not usable"), std::string::npos) << r.err;
  r = run_privascore({"build", (dir / "out").string(), "--base-url", "https:///privascore"});
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("it must name a host"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out"));
  r = run_privascore({"build", (dir / "out").string(), "--data", (dir / "no-such-data").string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(fs::exists(dir / "out"));
  fs::remove_all(dir);
}

// The static export takes the same configuration as `serve`: the
// operator's imprint from the file, the base URL from the file unless
// --base-url overrides it (both through the same check).
TEST(BuildCommand, ReadsTheConfigurationAndTheFlagOverridesItsBaseUrl) {
  const fs::path dir = fs::temp_directory_path() / ("privascore-build-config-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "privascore.toml") << "[site]\nbase_url = \"https://file.example.org/\"\n\n"
                                            "[operator]\nname = \"Beispiel e. V.\"\nemail = \"kontakt@example.org\"\n";
  std::ofstream(dir / "bad.toml") << "[sites]\nbase_url = \"https://file.example.org/\"\n";
  RunResult r = run_privascore({"build", (dir / "out").string(), "--config", (dir / "bad.toml").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("bad.toml:1:2: error: unknown key `sites`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean `site`?"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out"));

  r = run_privascore({"build", (dir / "out").string(), "--config", (dir / "privascore.toml").string(), "--base-url",
                      "https://flag.example.org/sub/"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string sitemap = read(dir / "out" / "sitemap.xml");
  EXPECT_NE(sitemap.find("<loc>https://flag.example.org/sub/en/</loc>"), std::string::npos) << sitemap;
  EXPECT_EQ(sitemap.find("file.example.org"), std::string::npos) << sitemap;
  EXPECT_NE(read(dir / "out" / "feeds" / "en.atom").find("<id>https://flag.example.org/sub/feeds/en.atom</id>"),
            std::string::npos);
  EXPECT_NE(read(dir / "out" / "en" / "imprint" / "index.html").find("Beispiel e. V."), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace privascore::test
