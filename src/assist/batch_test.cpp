#include "assist/batch.h"
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "assist/fixture_server.h"
#include "test_support.h"

namespace privascore::assist {
namespace {

std::string temp_path(const char* suffix) {
  char name[] = "/tmp/privascore-batch-XXXXXX";
  int fd = mkstemp(name);
  close(fd);
  unlink(name);
  return std::string(name) + suffix;
}

std::vector<nlohmann::json> read_lines(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

class Batch : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string config = test::read_text(test::source_path("tests/assist/fixtures/jitsi-hardened.js"));
    for (const char* instance : {"a", "b", "c"}) {
      m_server.route(std::string("/") + instance + "/", 200, "<html></html>");
      m_server.route(std::string("/") + instance + "/config.js", 200, config);
    }
    test::FixtureResponse slow;
    slow.body = std::string(400, ' ');
    slow.drip = std::chrono::milliseconds(20);
    m_server.route("/slow/", slow);
    m_output = temp_path(".jsonl");
    m_options.jobs = 2;
    m_options.output = m_output;
    m_options.geo_db = "/nonexistent.mmdb";  // location is reported as skipped
    m_options.probe.http.limits.request_timeout = std::chrono::milliseconds(3000);
  }
  void TearDown() override { unlink(m_output.c_str()); }

  std::vector<BatchTarget> targets(std::initializer_list<const char*> names) {
    std::vector<BatchTarget> out;
    for (const char* n : names) {
      BatchTarget t;
      t.id = n;
      t.url = m_server.base() + "/" + n + "/";
      t.service = "jitsi-meet";
      out.push_back(t);
    }
    return out;
  }

  test::FixtureServer m_server;
  std::string m_output;
  BatchOptions m_options;
};

TEST_F(Batch, WritesOneLinePerTargetAndResumes) {
  auto summary = run_batch(targets({"a", "b", "c"}), m_options);
  ASSERT_TRUE(summary) << summary.error().to_string();
  EXPECT_EQ(summary->done, 3u);
  EXPECT_EQ(summary->skipped, 0u);
  auto lines = read_lines(m_output);
  ASSERT_EQ(lines.size(), 3u);
  for (const auto& l : lines) {
    EXPECT_EQ(l["probe"]["platform"]["id"], "jitsi-meet");
    EXPECT_FALSE(l["suggestions"].empty());
    EXPECT_EQ(l["errors"][0]["step"], "location");
  }
  EXPECT_FALSE(summary->warnings.empty());
  auto again = run_batch(targets({"a", "b", "c"}), m_options);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->skipped, 3u);
  EXPECT_EQ(again->done, 0u);
  EXPECT_EQ(read_lines(m_output).size(), 3u);
}

TEST_F(Batch, RepairsAHalfWrittenLineAfterAnInterruption) {
  {
    std::ofstream out(m_output);
    out << R"({"id":"a","status":"ok"})"
        << "\n"
        << R"({"id":"b","sta)";
  }
  auto summary = run_batch(targets({"a", "b", "c"}), m_options);
  ASSERT_TRUE(summary) << summary.error().to_string();
  EXPECT_EQ(summary->skipped, 1u);
  EXPECT_EQ(summary->done, 2u);
  auto lines = read_lines(m_output);  // every line parses
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "a");
}

TEST_F(Batch, PerTargetTimeOut) {
  m_options.target_timeout = std::chrono::milliseconds(300);
  auto summary = run_batch(targets({"a", "slow"}), m_options);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->failed, 2u) << "both lack location; the slow one also times out";
  bool timed_out = false;
  for (const auto& l : read_lines(m_output))
    if (l["id"] == "slow")
      for (const auto& e : l["errors"])
        timed_out |= e["step"] == "probe" && e["error"].get<std::string>().find("time-out") != std::string::npos;
  EXPECT_TRUE(timed_out);
}

TEST_F(Batch, PolicyFromAFileAndQueue) {
  auto t = targets({"a"});
  t[0].policy = test::source_path("tests/assist/policy/datenschutz.html");
  const std::string queue_path = temp_path(".queue.jsonl");
  JsonlSuggestionQueue queue(queue_path);
  m_options.queue = &queue;
  auto summary = run_batch(t, m_options);
  ASSERT_TRUE(summary);
  auto lines = read_lines(m_output);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["policy"]["lang"], "de");
  auto entries = queue.entries();
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->size(), lines[0]["suggestions"].size());
  unlink(queue_path.c_str());
}

TEST(BatchTargets, ReadsJsonLinesAndToml) {
  const std::string jsonl = temp_path(".jsonl");
  std::ofstream(jsonl) << "# comment\n{\"url\": \"https://meet.example.org/\", \"policy\": \"auto\"}\n"
                       << "\"https://bbb.example.org/\"\n{\"id\": \"loc\", \"hosts\": [\"example.org\"]}\n";
  auto a = read_batch_targets(jsonl);
  ASSERT_TRUE(a) << a.error().to_string();
  ASSERT_EQ(a->size(), 3u);
  EXPECT_EQ((*a)[0].id, "https://meet.example.org/");
  EXPECT_EQ((*a)[1].url, "https://bbb.example.org/");
  EXPECT_EQ((*a)[2].hosts.front(), "example.org");
  unlink(jsonl.c_str());

  const std::string toml = temp_path(".toml");
  std::ofstream(toml) << "[[target]]\nid = \"x\"\nurl = \"https://meet.example.org/\"\n\n[[target]]\nurl = "
                         "\"https://y.example/\"\nhots = [\"a\"]\n";
  auto b = read_batch_targets(toml);
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find(":7:"), std::string::npos) << b.error().message;
  EXPECT_NE(b.error().message.find("hosts"), std::string::npos) << "names the closest key: " << b.error().message;
  unlink(toml.c_str());

  const std::string bad = temp_path(".jsonl");
  std::ofstream(bad) << "{\"url\": \"https://a.example/\"}\n{\"ur\": \"x\"}\n";
  auto c = read_batch_targets(bad);
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find(":2: unknown key `ur`"), std::string::npos) << c.error().message;
  unlink(bad.c_str());
}

}  // namespace
}  // namespace privascore::assist
