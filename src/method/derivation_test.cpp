// Weights from sources: the frequency count, the dense ranking, both rules,
// the check against stated weights, and the literature table's validation.
#include "method/derivation.h"

#include <gtest/gtest.h>

#include "method/method_testing.h"

namespace privascore::method {
namespace {

using testing::classes;
using testing::diagnostics;
using testing::feature;
using testing::methodology_head;

std::string source(const std::string& id, const std::string& names, int year = 2023,
                   const std::string& kind = "trade-press") {
  return "[[source]]\nid = \"" + id + "\"\ntitle = \"Source " + id + "\"\nyear = " + std::to_string(year) +
         "\nkind = \"" + kind + "\"\nnames = [" + names + "]\n";
}

// Five sources: a named by 5, b by 3, c by 3, d by 1; the standard s by 2.
std::string literature() {
  return source("s1", R"("a", "b", "c", "d")") + source("s2", R"("a", "b", "s")", 2022, "consumer-advice") +
         source("s3", R"("a", "c")", 2021, "expert-interview") + source("s4", R"("a", "b", "s")", 2020, "authority") +
         source("s5", R"("a", "c")", 2024, "academic");
}

std::string standard() {
  return "[[standard]]\nid = \"s\"\nname = { de = \"s\", en = \"s\" }\nreason = { de = \"r\", en = \"r\" }\n";
}

std::string with_table(int wa, int wb, int wc, int wd, const std::string& rule) {
  // Maximum 3 × (wa + wb + wc + wd); class bounds well inside.
  return methodology_head("derived") + feature("a", wa) + feature("b", wb) + feature("c", wc) + feature("d", wd) +
         standard() + classes(20, 10) + rule + literature();
}

TEST(Derivation, RankFrequencyCountsRanksDenselyAndWeighs) {
  // Counts 5, 3, 3, 1 → dense ranks 1, 2, 2, 3 (R = 3); weight = 2 + 3 × (3 − rank).
  const Methodology m =
      testing::methodology(with_table(8, 5, 5, 2, "[derivation]\nrule = \"rank-frequency\"\nlowest = 2\nstep = 3\n"));
  const auto d = derive_weights(m);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->source_count, 5);
  EXPECT_EQ(d->rank_count, 3);
  ASSERT_EQ(d->features.size(), 5u);  // four scored features and the named standard
  const int counts[] = {5, 3, 3, 1};
  const int ranks[] = {1, 2, 2, 3};
  const int weights[] = {8, 5, 5, 2};
  const char* ids[] = {"a", "b", "c", "d"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(d->features[i].id, ids[i]);
    EXPECT_EQ(d->features[i].count, counts[i]) << ids[i];
    EXPECT_EQ(d->features[i].rank, ranks[i]) << ids[i];
    EXPECT_EQ(d->features[i].derived_weight, weights[i]) << ids[i];
    EXPECT_TRUE(d->features[i].agrees());
  }
  EXPECT_EQ(d->features[4].id, "s");
  EXPECT_FALSE(d->features[4].scored());
  EXPECT_EQ(d->features[4].count, 2);
  EXPECT_EQ(d->features[4].derived_weight, 0);
  EXPECT_TRUE(d->agrees());
  EXPECT_EQ(d->sources_by_kind.at("trade-press"), 1);
  EXPECT_EQ(d->sources_by_kind.at("academic"), 1);
}

TEST(Derivation, DefaultParametersGiveOnePerRankAbove) {
  const Methodology m = testing::methodology(with_table(3, 2, 2, 1, "[derivation]\nrule = \"rank-frequency\"\n"));
  const auto d = derive_weights(m);
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->agrees());
}

TEST(Derivation, ProportionalIsFactorTimesCount) {
  const Methodology m =
      testing::methodology(with_table(10, 6, 6, 2, "[derivation]\nrule = \"proportional\"\nfactor = 2\n"));
  const auto d = derive_weights(m);
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->agrees());
  EXPECT_EQ(d->features[0].derived_weight, 10);
  EXPECT_EQ(d->features[3].derived_weight, 2);
}

TEST(Derivation, NoLiteratureTableMeansNoDerivation) {
  const Methodology m =
      testing::methodology(methodology_head("reconstructed") + feature("a", 2) + feature("b", 1) + classes(6, 3));
  EXPECT_FALSE(derive_weights(m));
}

TEST(Derivation, CheckFailsAtTheStatedWeightThatDisagrees) {
  // b is stated 6 but the rule gives 5; the error points at b's `weight`.
  const std::string text = with_table(8, 6, 5, 2, "[derivation]\nrule = \"rank-frequency\"\nlowest = 2\nstep = 3\n");
  MemorySource source;
  source.add("t/methodology/v1.toml", text);
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(source, sink);
  ASSERT_FALSE(sink.has_errors()) << diagnostics(sink);
  check_weight_derivations(catalogue, sink);
  ASSERT_EQ(sink.error_count(), 1) << diagnostics(sink);
  const Diagnostic* error = nullptr;
  for (const auto& d : sink.items())
    if (d.severity == Severity::error) error = &d;
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->message.find("weight of feature `b` is 6, but rule rank-frequency derives 5"), std::string::npos)
      << error->message;
  EXPECT_NE(error->message.find("named by 3 of 5 sources, rank 2 of 3"), std::string::npos) << error->message;
  EXPECT_NE(error->hint.find("set weight = 5"), std::string::npos);
  // The location is the line of b's weight (the second [[feature]]), column of the value.
  std::size_t line = 1, at = 0;
  const std::size_t b = text.find("id = \"b\"");
  const std::size_t weight = text.find("weight = 6", b);
  for (; at < weight; ++at) line += text[at] == '\n';
  EXPECT_EQ(error->loc.line, static_cast<int>(line));
  EXPECT_GT(error->loc.column, 0);
  EXPECT_NE(error->loc.file.find("t/methodology/v1.toml"), std::string::npos);
}

// Loader validation of the literature table: one case per defect.
struct BadTable {
  const char* name;
  std::string text;
  const char* message;
};

TEST(Derivation, LiteratureTableDefectsAreReported) {
  const std::string rule = "[derivation]\nrule = \"rank-frequency\"\n";
  const std::string head = methodology_head("derived") + feature("a", 2) + feature("b", 1) + classes(6, 3);
  const BadTable cases[] = {
      {"unknown feature", head + rule + source("s1", R"("a", "b", "e2ee")"), "names `e2ee`, which is neither"},
      {"named twice", head + rule + source("s1", R"("a", "a", "b")"), "names `a` twice"},
      {"duplicate source", head + rule + source("s1", R"("a", "b")") + source("s1", R"("a")"),
       "duplicate source id `s1`"},
      {"source after effective", head + rule + source("s1", R"("a", "b")", 2025), "after the methodology took effect"},
      {"unknown kind", head + rule + source("s1", R"("a", "b")", 2023, "blog"), "unknown source kind \"blog\""},
      {"no rule", head + source("s1", R"("a", "b")"), "lists sources but no [derivation] rule"},
      {"rule without table", head + rule, "[derivation] needs a literature table"},
      {"unknown rule", head + "[derivation]\nrule = \"rank\"\n" + source("s1", R"("a", "b")"),
       "unknown derivation rule \"rank\""},
      {"parameter of the other rule",
       head + "[derivation]\nrule = \"proportional\"\nstep = 2\n" + source("s1", R"("a", "b")"),
       "`step` is not a parameter of rule \"proportional\""},
      {"feature named by nobody", head + rule + source("s1", R"("a")"), "feature `b` is named by no source"},
      {"derived without table", methodology_head("derived") + feature("a", 2) + feature("b", 1) + classes(6, 3),
       "weights_provenance is \"derived\" but"},
      {"table but reconstructed",
       methodology_head("reconstructed") + feature("a", 2) + feature("b", 1) + classes(6, 3) + rule +
           source("s1", R"("a", "b")"),
       "weights_provenance is \"reconstructed\""},
  };
  for (const auto& c : cases) {
    DiagnosticSink sink;
    auto m = parse_methodology(c.text, "t.toml", sink);
    if (m) validate_methodology(*m, sink);
    const std::string all = diagnostics(sink);
    EXPECT_TRUE(sink.has_errors()) << c.name;
    EXPECT_NE(all.find(c.message), std::string::npos) << c.name << ":\n" << all;
    EXPECT_NE(all.find("t.toml:"), std::string::npos) << c.name << ": every error names the file";
  }
}

}  // namespace
}  // namespace privascore::method
