// The method's subcommands and options through the real binary: weights,
// robustness, explain --variant, K.O. reasons in the JSON, re-scoring the
// messengers under another methodology, and check failing on derived weights
// that disagree.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.h"

namespace privascore::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A copy of tests/bad-input/valid-base in a fresh temporary folder, removed
// when the test ends.
class DataCopy {
 public:
  DataCopy() {
    char dir[] = "/tmp/privascore-method-XXXXXX";
    m_root = mkdtemp(dir);
    fs::copy(source_path("tests/bad-input/valid-base"), m_root, fs::copy_options::recursive);
  }
  ~DataCopy() { fs::remove_all(m_root); }
  const std::string& root() const { return m_root; }
  std::string methodology() const { return m_root + "/demo/methodology/v1.toml"; }

  void append(const std::string& path, const std::string& text) const {
    std::ofstream out(path, std::ios::app);
    out << text;
  }
  void replace(const std::string& path, const std::string& from, const std::string& to) const {
    std::string text = read_text(path);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(path, std::ios::trunc) << text;
  }

 private:
  std::string m_root;
};

// Two sources name e2e, one names open source: rank-frequency with lowest 2
// and step 1 gives 3 and 2, the weights of the base tree.
const char* k_literature = R"(
[derivation]
rule = "rank-frequency"
lowest = 2
step = 1

[[source]]
id = "magazine"
title = "A magazine test"
year = 2023
kind = "trade-press"
names = ["e2e", "open-source"]

[[source]]
id = "advice"
title = "Consumer advice"
year = 2023
kind = "consumer-advice"
names = ["e2e"]
)";

void make_derived(const DataCopy& data) {
  data.replace(data.methodology(), "weights_provenance = \"published\"", "weights_provenance = \"derived\"");
  data.append(data.methodology(), k_literature);
}

TEST(MethodCli, WeightsSaysWhenTheDerivationIsNotPublished) {
  const RunResult r = run_privascore({"weights", "--category", "video-conferencing"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("weights: reconstructed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("the literature table and the derivation were not published"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("21"), std::string::npos);
  const RunResult j = run_privascore({"weights", "-c", "messengers", "-m", "1", "--format", "json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const json doc = json::parse(j.out);
  EXPECT_EQ(doc["weights_provenance"], "reconstructed");
  EXPECT_EQ(doc["derivation_published"], false);
  EXPECT_TRUE(doc["derivation"].is_null());
  EXPECT_EQ(doc["weights"][0]["id"], "e2e");
}

TEST(MethodCli, WeightsShowsCountRankingAndDerivedWeights) {
  DataCopy data;
  make_derived(data);
  const RunResult check = run_privascore({"check", "--data", data.root()});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  const RunResult r = run_privascore({"weights", "--data", data.root(), "-c", "demo", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["derivation"]["rule"]["rule"], "rank-frequency");
  EXPECT_EQ(doc["derivation"]["source_count"], 2);
  EXPECT_EQ(doc["derivation"]["agrees"], true);
  EXPECT_EQ(doc["derivation"]["features"][0]["id"], "e2e");
  EXPECT_EQ(doc["derivation"]["features"][0]["count"], 2);
  EXPECT_EQ(doc["derivation"]["features"][0]["rank"], 1);
  EXPECT_EQ(doc["derivation"]["features"][0]["derived_weight"], 3);
  EXPECT_EQ(doc["derivation"]["features"][1]["derived_weight"], 2);
  const RunResult text = run_privascore({"weights", "--data", data.root(), "-c", "demo"});
  EXPECT_NE(text.out.find("Rule rank-frequency: weight = 2 + 1 × (2 − rank)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("The stated weights follow from the rule."), std::string::npos) << text.out;
}

TEST(MethodCli, CheckFailsWhenAStatedWeightDisagreesWithTheDerivation) {
  DataCopy data;
  make_derived(data);
  // One more source naming open source ties it with e2e: one rank only, so
  // both weigh lowest + step × 0 = 2, and e2e's stated 3 is wrong.
  data.append(data.methodology(),
              "\n[[source]]\nid = \"third\"\ntitle = \"Third\"\nyear = 2022\nkind = \"authority\"\nnames = "
              "[\"open-source\"]\n");
  const RunResult r = run_privascore({"check", "--data", data.root()});
  EXPECT_EQ(r.exit_code, 2);
  // file:line:col of e2e's weight (line 34 of the base file, after `weight = `).
  EXPECT_NE(r.err.find("demo/methodology/v1.toml:34:10: error: weight of feature `e2e` is 3, but rule rank-frequency "
                       "derives 2 from the literature table (named by 2 of 3 sources, rank 1 of 1)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("hint: set weight = 2"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("`open-source` is"), std::string::npos) << "open source agrees with the rule";
}

TEST(MethodCli, RobustnessIsDeterministicPerSeed) {
  const std::vector<std::string> args = {"robustness", "-c", "video-conferencing", "--samples", "2000",
                                         "--seed",     "5",  "--format",           "json"};
  const RunResult a = run_privascore(args);
  const RunResult b = run_privascore(args);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const json doc = json::parse(a.out);
  EXPECT_EQ(doc["model"], "pm25");
  EXPECT_EQ(doc["samples"], 2000);
  EXPECT_EQ(doc["seed"], 5);
  ASSERT_EQ(doc["services"].size(), 9u);
  for (const auto& s : doc["services"]) {
    EXPECT_TRUE(s["verdict"] == "stable" || s["verdict"] == "borderline");
    EXPECT_LE(s["min_rank"].get<int>(), s["official_rank"].get<int>());
  }
  const RunResult order = run_privascore({"robustness", "-c", "messengers", "--model", "order", "-n", "500"});
  ASSERT_EQ(order.exit_code, 0) << order.err;
  EXPECT_NE(order.out.find("keeps the published order of importance"), std::string::npos) << order.out;
  EXPECT_NE(order.out.find("Discord"), std::string::npos);
  const RunResult bad = run_privascore({"robustness", "-c", "messengers", "--samples", "0"});
  EXPECT_EQ(bad.exit_code, 64) << bad.err;
}

TEST(MethodCli, ExplainAVariant) {
  const RunResult r = run_privascore({"explain", "jitsi-meet", "--variant", "meet-jit-si", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["variant"], "meet-jit-si");
  EXPECT_EQ(doc["points"], 201);
  EXPECT_EQ(doc["depends_on_host"], true);
  ASSERT_EQ(doc["variants"].size(), 3u);
  EXPECT_EQ(doc["variants"][0]["id"], "as-rated");
  EXPECT_EQ(doc["variants"][0]["default"], true);
  EXPECT_EQ(doc["variants"][0]["points"], 243);
  EXPECT_EQ(doc["variants"][1]["operator"], "8x8, Inc.");
  EXPECT_EQ(doc["variants"][2]["points"], 249);
  const RunResult text = run_privascore({"explain", "jitsi-meet", "--variant", "meet-jit-si"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Variant: Public instance meet.jit.si · operator: 8x8, Inc."), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("201 of 270"), std::string::npos) << text.out;
  const RunResult wrong = run_privascore({"explain", "jitsi-meet", "--variant", "meet-jitsi"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("did you mean `meet-jit-si`?"), std::string::npos) << wrong.err;
}

TEST(MethodCli, TheRankedTableMarksServicesThatDependOnTheHost) {
  const RunResult r = run_privascore({"score", "-c", "video-conferencing", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  for (const auto& s : doc["services"]) {
    const bool jitsi = s["id"] == "jitsi-meet";
    EXPECT_EQ(s["depends_on_host"], jitsi) << s["id"];
    EXPECT_EQ(s["variant_count"], jitsi ? 3 : 0) << s["id"];
    if (jitsi) {
      EXPECT_EQ(s["default_variant"], "as-rated");
      EXPECT_EQ(s["points"], 243);
    }
  }
  const RunResult table = run_privascore({"score", "-c", "video-conferencing"});
  EXPECT_NE(table.out.find("⌂ depends on the host"), std::string::npos) << table.out;
}

TEST(MethodCli, KnockOutReasonAndTheAbsentLevelInTheJson) {
  const RunResult r = run_privascore({"explain", "discord", "-c", "messengers", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["class"], "red");
  EXPECT_LT(doc["points"].get<int>(), 100);
  ASSERT_EQ(doc["knockouts"].size(), 1u);
  EXPECT_EQ(doc["knockouts"][0]["feature"], "e2e");
  EXPECT_EQ(doc["knockouts"][0]["level"], "absent");
  EXPECT_EQ(doc["knockouts"][0]["cap"], "red");
  EXPECT_NE(doc["knockouts"][0]["reason"].get<std::string>().find("end-to-end encryption"), std::string::npos);
  EXPECT_EQ(doc["features"][0]["level"], "absent");
  EXPECT_EQ(doc["features"][0]["points"], 0);
  EXPECT_EQ(doc["features"][0]["knockout"], true);
}

TEST(MethodCli, RescoringTheMessengersUnderTheFirstMethodology) {
  // Published for the October 2024 ratings under the December 2023 weights.
  const RunResult r = run_privascore({"score", "-c", "messengers", "-e", "2024-10-07", "-m", "1", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["max_points"], 330);
  EXPECT_EQ(doc["scored_under_other_methodology"], true);
  for (const auto& s : doc["services"]) {
    if (s["id"] == "signal") EXPECT_EQ(s["points"], 272);
    if (s["id"] == "telegram") EXPECT_EQ(s["points"], 140);
  }
  const RunResult own = run_privascore({"score", "-c", "messengers", "-e", "2024-10-07", "--format", "json"});
  const json own_doc = json::parse(own.out);
  EXPECT_EQ(own_doc["max_points"], 324);
  for (const auto& s : own_doc["services"]) {
    if (s["id"] == "signal") EXPECT_EQ(s["points"], 270);
    if (s["id"] == "telegram") EXPECT_EQ(s["points"], 138);
  }
  // The diff splits Signal's +28 into +30 from its ratings and −2 from the methodology.
  const RunResult diff = run_privascore({"diff", "-c", "messengers", "2023-12-10", "2024-10-07", "--format", "json"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  const json d = json::parse(diff.out);
  bool seen = false;
  for (const auto& c : d["changed"]) {
    if (c["id"] != "signal") continue;
    seen = true;
    EXPECT_EQ(c["from_points"], 242);
    EXPECT_EQ(c["to_points"], 270);
    EXPECT_EQ(c["delta_from_ratings"], 30);
    EXPECT_EQ(c["delta_from_methodology"], -2);
  }
  EXPECT_TRUE(seen);
  const RunResult text = run_privascore({"diff", "-c", "messengers", "2023-12-10", "2024-10-07"});
  EXPECT_NE(text.out.find("+30 from ratings"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("-2 from the methodology"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace privascore::test
