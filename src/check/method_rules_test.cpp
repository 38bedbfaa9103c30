// The method's own checks: evidence older than the allowed number of
// calendar months (exactly at the bound and one day past it, default and
// configured ages, hosting variants included), and a scored feature that
// every service of an edition meets well.
#include <gtest/gtest.h>

#include "check/check.h"
#include "loader/loader.h"
#include "loader/loader_testing.h"

namespace privascore {
namespace {

const char* const k_methodology = test_data::k_tiny_methodology;

std::string assessment(const std::string& id, const std::string& level_a, const std::string& level_b,
                       const std::string& retrieved, const std::string& variant_retrieved = "") {
  std::string out = "id = \"" + id + "\"\nname = \"" + id + "\"\nvendor = \"V\"\nwebsite = \"https://example.org\"\n" +
                    "[[rating]]\nfeature = \"a\"\nlevel = \"" + level_a +
                    "\"\nstatus = \"sourced\"\njustification = { de = \"j\", en = \"j\" }\n"
                    "[[rating.evidence]]\nurl = \"https://example.org/a\"\ntitle = \"A\"\nretrieved = " +
                    retrieved + "\n[[rating]]\nfeature = \"b\"\nlevel = \"" + level_b +
                    "\"\nstatus = \"unverified\"\njustification = { de = \"j\", en = \"j\" }\n";
  if (!variant_retrieved.empty()) {
    out +=
        "[[variant]]\nid = \"rated\"\nname = { de = \"r\", en = \"r\" }\ndefault = true\n"
        "[[variant]]\nid = \"hosted\"\nname = { de = \"h\", en = \"h\" }\n"
        "[[variant.rating]]\nfeature = \"b\"\nlevel = \"red\"\nstatus = \"sourced\"\n"
        "justification = { de = \"j\", en = \"j\" }\n[[variant.rating.evidence]]\nurl = \"https://example.org/b\"\n"
        "title = \"B\"\nretrieved = " +
        variant_retrieved + "\n";
  }
  return out;
}

struct Tree {
  std::string edition_date = "2024-10-29";
  std::vector<std::string> services;  // assessment texts, ids x1, x2, …
};

DiagnosticSink check(const Tree& tree, int months) {
  MemorySource source;
  source.add("t/methodology/v1.toml", k_methodology);
  std::string ids;
  for (std::size_t i = 0; i < tree.services.size(); ++i) {
    const std::string id = "x" + std::to_string(i + 1);
    ids += (i ? ", \"" : "\"") + id + "\"";
    source.add("t/editions/" + tree.edition_date + "/services/" + id + ".toml", tree.services[i]);
  }
  source.add("t/editions/" + tree.edition_date + "/edition.toml",
             "category = \"t\"\ndate = " + tree.edition_date +
                 "\nmethodology = 1\ntitle = { de = \"t\", en = \"t\" }\nsummary = { de = \"s\", en = \"s\" }\n"
                 "services = [" +
                 ids + "]\n");
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(source, sink);
  EXPECT_FALSE(sink.has_errors());
  for (const auto& d : sink.items()) ADD_FAILURE() << d.to_string();
  DiagnosticSink result;
  check_catalogue(catalogue, CheckOptions{Date{2025, 1, 1}, months}, result);
  return result;
}

int stale_warnings(const DiagnosticSink& sink) {
  int n = 0;
  for (const auto& d : sink.items()) n += d.message.find("was retrieved on") != std::string::npos;
  return n;
}

TEST(EvidenceAge, ExactlyTheAllowedAgeIsFineOneDayMoreWarns) {
  // Edition 2024-10-29, 12 months: 2023-10-29 is exactly 12 months before.
  EXPECT_EQ(stale_warnings(check({"2024-10-29", {assessment("x1", "green", "red", "2023-10-29")}}, 12)), 0);
  const DiagnosticSink old = check({"2024-10-29", {assessment("x1", "green", "red", "2023-10-28")}}, 12);
  ASSERT_EQ(stale_warnings(old), 1);
  const Diagnostic& d = old.items().front();
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_NE(d.message.find("evidence for `x1`/`a` was retrieved on 2023-10-28, more than 12 months before edition "
                           "2024-10-29"),
            std::string::npos)
      << d.message;
  EXPECT_NE(d.loc.file.find("x1.toml"), std::string::npos);
  EXPECT_GT(d.loc.line, 0);
}

TEST(EvidenceAge, TheAgeIsConfigurableInCalendarMonths) {
  // Six months before 2024-10-29 is 2024-04-29.
  EXPECT_EQ(stale_warnings(check({"2024-10-29", {assessment("x1", "green", "red", "2024-04-29")}}, 6)), 0);
  EXPECT_EQ(stale_warnings(check({"2024-10-29", {assessment("x1", "green", "red", "2024-04-28")}}, 6)), 1);
  // A month end: one month before 2024-03-31 is 2024-02-29 (a leap year).
  EXPECT_EQ(stale_warnings(check({"2024-03-31", {assessment("x1", "green", "red", "2024-02-29")}}, 1)), 0);
  EXPECT_EQ(stale_warnings(check({"2024-03-31", {assessment("x1", "green", "red", "2024-02-28")}}, 1)), 1);
  // The same evidence is fine under a longer allowance.
  EXPECT_EQ(stale_warnings(check({"2024-10-29", {assessment("x1", "green", "red", "2022-11-01")}}, 24)), 0);
}

TEST(EvidenceAge, VariantEvidenceIsCheckedToo) {
  const DiagnosticSink sink = check({"2024-10-29", {assessment("x1", "green", "red", "2024-10-01", "2020-01-01")}}, 12);
  ASSERT_EQ(stale_warnings(sink), 1);
  EXPECT_NE(sink.items().front().message.find("`x1`/`b` was retrieved on 2020-01-01"), std::string::npos);
}

int same_level_warnings(const DiagnosticSink& sink) {
  int n = 0;
  for (const auto& d : sink.items()) n += d.message.find("(the best level) for every service") != std::string::npos;
  return n;
}

TEST(MethodRule, AFeatureEveryServiceMeetsWellIsFlagged) {
  const std::string fresh = "2024-10-01";
  // Feature a green for all three services: warned, at the edition.
  const DiagnosticSink all_green =
      check({"2024-10-29",
             {assessment("x1", "green", "red", fresh), assessment("x2", "green", "green", fresh),
              assessment("x3", "green", "red", fresh)}},
            12);
  ASSERT_EQ(same_level_warnings(all_green), 1);
  EXPECT_NE(all_green.items().front().message.find("feature `a` is rated green"), std::string::npos);
  EXPECT_NE(all_green.items().front().loc.file.find("edition.toml"), std::string::npos);
  // One service differs: nothing to say.
  EXPECT_EQ(
      same_level_warnings(check({"2024-10-29",
                                 {assessment("x1", "green", "red", fresh), assessment("x2", "green", "green", fresh),
                                  assessment("x3", "red", "red", fresh)}},
                                12)),
      0);
  // Every service fails alike: that still tells readers something; no warning.
  const DiagnosticSink all_red = check({"2024-10-29",
                                        {assessment("x1", "red", "red", fresh), assessment("x2", "red", "red", fresh),
                                         assessment("x3", "red", "green", fresh)}},
                                       12);
  EXPECT_EQ(same_level_warnings(all_red), 0);
  // Fewer than three services: too few to call it a standard.
  EXPECT_EQ(
      same_level_warnings(check(
          {"2024-10-29", {assessment("x1", "green", "red", fresh), assessment("x2", "green", "red", fresh)}}, 12)),
      0);
}

}  // namespace
}  // namespace privascore
