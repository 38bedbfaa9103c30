// The instance probe measured on real configurations: every sample of
// tests/assist/real/ (see its SOURCES.md) is served from 127.0.0.1 and the
// probe's verdict per feature is compared with expected.toml, which was
// written from the files before the probe ran on them. The test prints the
// figures, requires at least 95 % of the verdicts right, every sample's
// platform recognised and evidence behind every level, and keeps the
// measured precision per rule (assist-data/probe-accuracy/accuracy.json,
// embedded in the binary) in step with the corpus:
// PRIVASCORE_UPDATE_GOLDEN=1 rewrites that file; review the diff.
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

// As in loader/toml_reader.cpp: header-only, without exceptions.
#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 1
#include <toml++/toml.h>

#include "assist/fixture_server.h"
#include "assist/probe.h"
#include "assist/probe_accuracy.h"
#include "test_support.h"

namespace privascore::assist {
namespace {

using test::FixtureServer;

const char* k_real = "tests/assist/real/";

struct Sample {
  std::string id, platform, host, nextcloud;
  std::map<std::string, std::string> serve;   // path -> corpus file
  std::map<std::string, std::string> expect;  // feature -> level, "" or "none"
};

std::vector<Sample> load_samples() {
  const std::string path = test::source_path(std::string(k_real) + "expected.toml");
  toml::parse_result parsed = toml::parse(test::read_text(path), path);
  std::vector<Sample> samples;
  if (!parsed) {
    ADD_FAILURE() << path << ":" << parsed.error().source().begin.line << ": " << parsed.error().description();
    return samples;
  }
  const toml::table& root = parsed.table();
  const toml::array* list = root["sample"].as_array();
  if (!list) return samples;
  for (const auto& node : *list) {
    const toml::table& t = *node.as_table();
    Sample s;
    s.id = t["id"].value_or(std::string());
    s.platform = t["platform"].value_or(std::string());
    s.host = t["host"].value_or(std::string());
    s.nextcloud = t["nextcloud"].value_or(std::string());
    if (const toml::table* serve = t["serve"].as_table())
      for (const auto& [k, v] : *serve) s.serve[std::string(k.str())] = v.value_or(std::string());
    if (const toml::table* expect = t["expect"].as_table())
      for (const auto& [k, v] : *expect) s.expect[std::string(k.str())] = v.value_or(std::string());
    samples.push_back(std::move(s));
  }
  return samples;
}

std::string content_type(const std::string& file) {
  if (file.ends_with(".html")) return "text/html; charset=utf-8";
  if (file.ends_with(".json")) return "application/json";
  return "application/javascript";
}

ProbeReport run_sample(const Sample& s) {
  FixtureServer server;
  auto resolver = std::make_shared<StubResolver>();
  resolver->add_addresses(s.host, {"127.0.0.1"});
  ProbeOptions options;
  options.http.resolver = resolver;
  options.http.limits.request_timeout = std::chrono::milliseconds(3000);
  if (!s.serve.count("/"))
    server.route("/", 200, test::read_text(test::source_path(std::string(k_real) + "start-page.html")),
                 {{"Content-Type", "text/html; charset=utf-8"}});
  for (const auto& [path, file] : s.serve)
    server.route(path, 200, test::read_text(test::source_path(k_real + file)), {{"Content-Type", content_type(file)}});
  if (!s.nextcloud.empty())
    server.route("/status.php", 200,
                 R"({"installed":true,"maintenance":false,"needsDbUpgrade":false,"version":")" + s.nextcloud +
                     R"(.0","versionstring":")" + s.nextcloud +
                     R"(","edition":"","productname":"Nextcloud","extendedSupport":false})",
                 {{"Content-Type", "application/json"}});
  auto report = probe_instance("http://" + s.host + ":" + std::to_string(server.port()) + "/", options);
  EXPECT_TRUE(report) << s.id << ": " << (report ? "" : report.error().to_string());
  return report ? *report : ProbeReport{};
}

struct Tally {
  int right = 0, total = 0;
  void add(bool ok) {
    right += ok;
    ++total;
  }
};

std::string percent(const Tally& t) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << (t.total ? 100.0 * t.right / t.total : 0.0) << " %";
  return out.str();
}

TEST(ProbeCorpus, VerdictsOnRealConfigurations) {
  const std::vector<Sample> samples = load_samples();
  ASSERT_GE(samples.size(), 40u) << "tests/assist/real/expected.toml lists too few samples";
  Tally verdicts, recognised;
  std::map<std::string, Tally> per_feature, per_platform;
  std::map<std::string, RuleAccuracy> per_rule;
  std::vector<std::string> wrong, without_evidence;
  for (const Sample& s : samples) {
    ProbeReport r = run_sample(s);
    recognised.add(platform_service_id(r.platform) == s.platform);
    if (platform_service_id(r.platform) != s.platform)
      wrong.push_back(s.id + ": platform " + platform_service_id(r.platform) + ", expected " + s.platform);
    for (const auto& [feature, expected] : s.expect) {
      const Suggestion* found = nullptr;
      for (const auto& x : r.suggestions)
        if (x.feature == feature) found = &x;
      const std::string actual = found ? found->level : "none";
      const bool ok = actual == expected;
      verdicts.add(ok);
      per_feature[feature].add(ok);
      per_platform[s.platform].add(ok);
      if (found && !found->rule.empty()) {
        RuleAccuracy& a = per_rule[found->rule];
        a.rule = found->rule;
        a.feature = feature;
        a.total += 1;
        a.right += ok;
      }
      if (!ok)
        wrong.push_back(s.id + ": " + feature + " = \"" + actual + "\", expected \"" + expected + "\"" +
                        (found ? " (" + found->rule + ": " + found->summary + ")" : ""));
    }
    for (const auto& x : r.suggestions)
      if (!x.level.empty() && x.evidence.empty()) without_evidence.push_back(s.id + ": " + x.feature + " " + x.level);
  }

  std::cout << "probe corpus: " << samples.size() << " samples, verdicts right " << verdicts.right << " of "
            << verdicts.total << " (" << percent(verdicts) << "), platforms recognised " << recognised.right << " of "
            << recognised.total << ", levels without evidence " << without_evidence.size() << "\n";
  for (const auto& [feature, t] : per_feature)
    std::cout << "  feature " << feature << ": " << t.right << " of " << t.total << "\n";
  for (const auto& [platform, t] : per_platform)
    std::cout << "  platform " << platform << ": " << t.right << " of " << t.total << "\n";
  for (const auto& line : wrong) std::cout << "  wrong: " << line << "\n";
  for (const auto& line : without_evidence) std::cout << "  no evidence: " << line << "\n";

  EXPECT_GE(verdicts.right * 100, verdicts.total * 95) << "fewer than 95 % of the verdicts are right";
  EXPECT_EQ(recognised.right, recognised.total);
  EXPECT_TRUE(without_evidence.empty()) << "a level without evidence";

  // The measured precision per rule, as the binary embeds it.
  std::vector<RuleAccuracy> rules;
  for (auto& [id, a] : per_rule) rules.push_back(a);
  const std::string text = accuracy_json(rules, samples.size());
  const std::string path = test::source_path("assist-data/probe-accuracy/accuracy.json");
  if (const char* update = std::getenv("PRIVASCORE_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << text;
  } else {
    EXPECT_EQ(test::read_text(path), text)
        << path << " does not match the corpus; run PRIVASCORE_UPDATE_GOLDEN=1 build/tests/privascore_tests "
        << "--gtest_filter='ProbeCorpus.*' and review the diff";
  }
}

}  // namespace
}  // namespace privascore::assist
