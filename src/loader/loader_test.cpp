// Tests of the loaders: every problem reported with its place and a fix,
// unknown keys with the closest valid key, texts in both languages, and the
// cross-file checks of load_catalogue on an in-memory tree.
#include "loader/loader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace privascore {
namespace {

const char* const k_methodology = R"(category = "demo"
version = 1
effective = 2024-01-01
name = { de = "Demo", en = "Demo" }
summary = { de = "Kurz.", en = "Short." }
slug = { de = "demo", en = "demo" }
weights_provenance = "published"
provenance_note = { de = "Wie veröffentlicht.", en = "As published." }

[[level]]
id = "green"
points = 3
colour = "#1a7f37"
symbol = "G"
label = { de = "gut", en = "good" }

[[level]]
id = "red"
points = 1
colour = "#c62828"
symbol = "R"
label = { de = "schlecht", en = "poor" }

[[feature]]
id = "e2e"
anchor = "e2e"
weight = 3
name = { de = "E2E", en = "E2E" }
explanation = { de = "Verschlüsselt.", en = "Encrypted." }

[[feature]]
id = "open-source"
anchor = "open-source"
weight = 1
name = { de = "Open Source", en = "Open source" }
explanation = { de = "Offen.", en = "Open." }

[[class]]
id = "green"
colour = "#1a7f37"
symbol = "A"
label = { de = "gut", en = "good" }
more_than = 8

[[class]]
id = "red"
colour = "#c62828"
symbol = "C"
label = { de = "schlecht", en = "poor" }
at_most = 8
)";

const char* const k_assessment = R"(id = "alpha"
name = "Alpha"
vendor = "Alpha GmbH"
website = "https://alpha.example.org/"

[[rating]]
feature = "e2e"
level = "green"
status = "unverified"
justification = { de = "Ja.", en = "Yes." }

[[rating]]
feature = "open-source"
level = "red"
status = "unverified"
justification = { de = "Nein.", en = "No." }
)";

const char* const k_edition = R"(category = "demo"
date = 2024-01-01
methodology = 1
title = { de = "Demo", en = "Demo" }
summary = { de = "Ein Dienst.", en = "One service." }
services = ["alpha"]
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> errors(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.items())
    if (d.severity == Severity::error) out.push_back(d.to_string());
  return out;
}

std::string all_text(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += d.to_string() + "\n";
  return out;
}

TEST(Loader, ValidFilesParseWithoutDiagnostics) {
  DiagnosticSink sink;
  auto m = parse_methodology(k_methodology, "m.toml", sink);
  auto a = parse_assessment(k_assessment, "a.toml", sink);
  auto e = parse_edition(k_edition, "e.toml", sink);
  ASSERT_TRUE(m && a && e) << all_text(sink);
  validate_methodology(*m, sink);
  validate_assessment(*a, *m, sink);
  EXPECT_TRUE(sink.items().empty()) << all_text(sink);
  EXPECT_EQ(m->max_points(), 12);
  EXPECT_EQ(m->min_points(), 4);
  EXPECT_EQ(e->services, std::vector<std::string>{"alpha"});
  EXPECT_EQ(e->methodology_loc.line, 3);
}

struct KeyCase {
  const char* typo;
  const char* expected_hint;
};

TEST(Loader, UnknownKeySuggestsTheClosestValidKey) {
  const KeyCase cases[] = {
      {"licnce = \"MIT\"", "did you mean `licence`?"},
      {"webiste = \"x\"", "did you mean `website`?"},
      {"webiste2 = \"x\"", "did you mean `website`?"},
      {"repo = \"x\"",
       "valid keys here: id, name, vendor, website, licence, repository, note, rating"},  // + later keys
      {"Vendor = \"x\"", "did you mean `vendor`?"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.typo);
    DiagnosticSink sink;
    const std::string text = replace(k_assessment, "website", std::string(c.typo) + "\nwebsite");
    EXPECT_FALSE(parse_assessment(text, "a.toml", sink));
    ASSERT_EQ(sink.error_count(), 1) << all_text(sink);
    EXPECT_EQ(sink.items()[0].loc.line, 4);
    EXPECT_EQ(sink.items()[0].loc.column, 1);
    // No close key: the hint lists the valid keys (a prefix, so that new keys do not break this case).
    EXPECT_EQ(sink.items()[0].hint.rfind(c.expected_hint, 0), 0u) << sink.items()[0].hint;
  }
}

TEST(Loader, UnknownKeyInsideARatingNamesTheRating) {
  DiagnosticSink sink;
  const std::string text = replace(k_assessment, "status = \"unverified\"\njustification = { de = \"Nein.\"",
                                   "status = \"unverified\"\nlevle = \"red\"\njustification = { de = \"Nein.\"");
  EXPECT_FALSE(parse_assessment(text, "a.toml", sink));
  ASSERT_EQ(sink.error_count(), 1) << all_text(sink);
  EXPECT_EQ(sink.items()[0].to_string(),
            "a.toml:16:1: error: unknown key `levle` in [[rating]] number 2\n  hint: did you mean `level`?");
}

struct TextCase {
  const char* name;
  const char* text;
  const char* message;
};

TEST(Loader, TextsNeedGermanAndEnglish) {
  const TextCase cases[] = {
      {"without English", "name = { de = \"Demo\" }", "missing English text `en` in `name` of the methodology"},
      {"without German", "name = { en = \"Demo\" }", "missing German text `de` in `name` of the methodology"},
      {"empty English", "name = { de = \"Demo\", en = \" \" }",
       "English text `en` in `name` of the methodology is empty"},
      {"one string", "name = \"Demo\"",
       "`name` in the methodology must be given in German and English, found a single string"},
      {"a number", "name = 3",
       "`name` in the methodology must be a table { de = \"…\", en = \"…\" }, found an integer"},
      {"a third language", "name = { de = \"Demo\", en = \"Demo\", fr = \"Démo\" }",
       "unknown key `fr` in `name` of the methodology"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    DiagnosticSink sink;
    const std::string text = replace(k_methodology, "name = { de = \"Demo\", en = \"Demo\" }", c.text);
    EXPECT_FALSE(parse_methodology(text, "m.toml", sink));
    ASSERT_EQ(sink.error_count(), 1) << all_text(sink);
    EXPECT_EQ(sink.items()[0].message, c.message);
    EXPECT_EQ(sink.items()[0].loc.line, 4);
  }
}

TEST(Loader, EveryProblemOfAFileIsReportedInOneRun) {
  std::string text = k_assessment;
  text = replace(text, "vendor = \"Alpha GmbH\"\n", "");                             // missing key
  text = replace(text, "https://alpha.example.org/", "alpha.example.org");           // not a URL
  text = replace(text, "status = \"unverified\"", "status = \"sourced\"\nfoo = 1");  // unknown key
  text = replace(text, "justification = { de = \"Nein.\", en = \"No.\" }", "justification = { de = \"Nein.\" }");
  DiagnosticSink sink;
  EXPECT_FALSE(parse_assessment(text, "a.toml", sink));
  const auto list = errors(sink);
  ASSERT_EQ(list.size(), 4u) << all_text(sink);
  auto has = [&](const std::string& needle) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& e) { return e.find(needle) != e.npos; });
  };
  EXPECT_TRUE(has("missing required key `vendor`"));
  EXPECT_TRUE(has("a.toml:3:11: error: `website` in the assessment is not a web address"));
  EXPECT_TRUE(has("unknown key `foo` in [[rating]] number 1"));
  EXPECT_TRUE(has("missing English text `en` in `justification` of [[rating]] number 2"));
}

TEST(Loader, DatesMustBeRealDaysWithoutQuotes) {
  struct Case {
    const char* value;
    const char* message;
  } cases[] = {
      {"\"2024-01-01\"", "`effective` in the methodology must be a date (YYYY-MM-DD), found a string"},
      {"\"2024-02-30\"", "`effective` in the methodology is not a valid date: \"2024-02-30\""},
      {"2024-01-01T10:00:00", "`effective` in the methodology must be a date (YYYY-MM-DD), found a date-time"},
      {"1800-01-01", "`effective` in the methodology is not a valid date: 1800-01-01"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    DiagnosticSink sink;
    const std::string text = replace(k_methodology, "effective = 2024-01-01", std::string("effective = ") + c.value);
    EXPECT_FALSE(parse_methodology(text, "m.toml", sink));
    ASSERT_EQ(sink.error_count(), 1) << all_text(sink);
    EXPECT_EQ(sink.items()[0].message, c.message);
    EXPECT_EQ(sink.items()[0].loc.line, 3);
    EXPECT_EQ(sink.items()[0].loc.column, 13);
  }
}

TEST(Loader, SyntaxErrorsAreLocatedAndExplained) {
  DiagnosticSink sink;
  EXPECT_FALSE(parse_assessment(replace(k_assessment, "name = \"Alpha\"", "name = \"Alpha"), "a.toml", sink));
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.items()[0].to_string(),
            "a.toml:2:14: error: TOML syntax error: the string is not closed: the line ends before its closing \"\n"
            "  hint: add the closing double quote; text over several lines needs \"\"\"…\"\"\"");

  DiagnosticSink at_end;  // an unclosed string on the last line, without a newline
  EXPECT_FALSE(parse_edition("category = \"demo", "e.toml", at_end));
  ASSERT_EQ(at_end.error_count(), 1);
  EXPECT_EQ(at_end.items()[0].loc.line, 1);
}

// Regression (fuzz/fuzz_loader): toml++ 3.3.0 reaches __builtin_unreachable()
// for some non-ASCII characters where whitespace may appear, so the loader
// stops them before parsing, and must still accept them in strings and
// comments.
TEST(Loader, NonAsciiIsAcceptedInStringsAndCommentsOnly) {
  struct Case {
    const char* name;
    std::string line;   // replaces `vendor = "Alpha GmbH"`
    std::string error;  // "" when valid
  } cases[] = {
      {"basic string", "vendor = \"Grüße ÄÖÜ ß ◐\"", ""},
      {"literal string", "vendor = 'Grüße'", ""},
      {"escaped quote before", "vendor = \"\\\"ü\\\"\"", ""},
      {"comment", "vendor = \"A\" # Anmerkung: Überwachung", ""},
      {"multi-line", "vendor = \"\"\"\nÜber\nmehrere Zeilen\"\"\"", ""},
      {"multi-line literal", "vendor = '''\nÜber'''", ""},
      {"multi-line ending in quotes", "vendor = \"\"\"Über \"zwei\"\"\"\"", ""},
      {"line continuation, ASCII next", "vendor = \"\"\"Alpha \\\n   GmbH ü\"\"\"", ""},
      {"quoted key", "vendor = \"A\"\nnote = { de = \"ä\", \"en\" = \"ü\" }", ""},
      {"unquoted text", "vendor = Überwachung", "unexpected 'Ü' outside quotes"},
      {"no space", "vendor =ü", "unexpected 'ü' outside quotes"},
      {"bare key", "vendör = \"A\"", "unexpected 'ö' outside quotes"},
      {"after a closed string", "vendor = \"A\" ü", "unexpected 'ü' outside quotes"},
      {"no-break space", "vendor =\u00a0\"A\"", "unexpected '\u00a0' outside quotes"},
      {"line continuation, non-ASCII next", "vendor = \"\"\"Alpha \\\n  Über\"\"\"",
       "a line ending in \\ inside \"\"\"…\"\"\" text must not be followed by a line starting with 'Ü' (not "
       "supported by the TOML reader)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    DiagnosticSink sink;
    auto a = parse_assessment(replace(k_assessment, "vendor = \"Alpha GmbH\"", c.line), "a.toml", sink);
    if (c.error.empty()) {
      EXPECT_TRUE(a) << all_text(sink);
      EXPECT_TRUE(sink.items().empty()) << all_text(sink);
    } else {
      ASSERT_EQ(sink.error_count(), 1) << all_text(sink);
      EXPECT_EQ(sink.items()[0].message, "TOML syntax error: " + c.error);
    }
  }
  DiagnosticSink sink;
  parse_assessment(replace(k_assessment, "vendor = \"Alpha GmbH\"", "vendor = \"A\" ü"), "a.toml", sink);
  ASSERT_EQ(sink.items().size(), 1u);
  EXPECT_EQ(sink.items()[0].loc.to_string(), "a.toml:3:14");
}

TEST(Loader, RejectsEmptyHugeAndNonUtf8FilesBeforeParsing) {
  struct Case {
    std::string content;
    std::string message;
  } cases[] = {
      {"", "file is empty"},
      {" \n\t\n", "file is empty"},
      {std::string(1 << 20, '#') + "\n", "file is larger than 1024 KiB"},
      {"id = \"a\"\nname = \"\xC3\x28\"\n", "invalid UTF-8 byte 0xC3"},
      {"name = \"\xED\xA0\x80\"", "invalid UTF-8 byte 0xED"},  // a UTF-16 surrogate
      {"name = \"\xC0\xAF\"", "invalid UTF-8 byte 0xC0"},      // overlong '/'
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    DiagnosticSink sink;
    EXPECT_FALSE(parse_assessment(c.content, "a.toml", sink));
    ASSERT_EQ(sink.error_count(), 1) << all_text(sink);
    EXPECT_EQ(sink.items()[0].message, c.message);
  }
  DiagnosticSink sink;
  parse_assessment("id = \"a\"\nname = \"\xC3\x28\"\n", "a.toml", sink);
  EXPECT_EQ(sink.items()[0].loc.to_string(), "a.toml:2:9");
}

TEST(Loader, ValidationSuggestsLevelsAndFeatures) {
  DiagnosticSink sink;
  auto m = parse_methodology(k_methodology, "m.toml", sink);
  ASSERT_TRUE(m);
  std::string text = replace(k_assessment, "level = \"green\"", "level = \"gren\"");
  text = replace(text, "feature = \"open-source\"", "feature = \"opensource\"");
  auto a = parse_assessment(text, "a.toml", sink);
  ASSERT_TRUE(a) << all_text(sink);
  validate_assessment(*a, *m, sink);
  const auto list = errors(sink);
  ASSERT_EQ(list.size(), 3u) << all_text(sink);
  EXPECT_EQ(list[0],
            "a.toml:8:9: error: level `gren` of feature `e2e` is not in the scale\n  hint: did you mean `green`?");
  EXPECT_EQ(list[1],
            "a.toml:12:1: error: rating for unknown feature `opensource` (methodology version 1)\n"
            "  hint: did you mean `open-source`?");
  EXPECT_EQ(list[2],
            "a.toml:1:1: error: service `alpha` has no rating for feature `open-source`\n"
            "  hint: add a [[rating]] with feature = \"open-source\" (use level = \"unknown\" if it has not been "
            "assessed)");
}

// Regression: with large weights the class walk and the engine's points table
// grew with the score range (a weight of 100000 and level points of 1000 gave
// 10^8 entries per feature, and 22 such features overflowed int), and more
// than 255 unknown features wrapped the engine's count so the result no longer
// looked provisional. Validation now enforces limits that keep the engine's
// types exact.
TEST(Loader, MethodologyLimitsKeepTheEngineExact) {
  struct Case {
    const char* name;
    int extra_features;  // added to the two of the base methodology
    const char* weight;  // weight of feature e2e
    const char* points;  // points of level green
    std::string message;
  } cases[] = {
      {"32 features", 30, "3", "3", ""},
      {"33 features", 31, "3", "3", "a methodology has at most 32 features; this one has 33"},
      {"scores up to 99999", 0, "33332", "3", ""},
      {"scores up to 100002", 0, "33333", "3",
       "the weights and level points allow scores up to 100002; at most 100000 are supported"},
      {"largest weight and points", 0, "100000", "1000",
       "the weights and level points allow scores up to 100001000; at most 100000 are supported"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string text = replace(k_methodology, "weight = 3", std::string("weight = ") + c.weight);
    text = replace(text, "points = 3", std::string("points = ") + c.points);
    std::string features;
    for (int i = 0; i < c.extra_features; ++i) {
      const std::string id = "extra-" + std::to_string(i);
      features += "[[feature]]\nid = \"" + id + "\"\nanchor = \"" + id +
                  "\"\nweight = 1\nname = { de = \"X\", en = \"X\" }\nexplanation = { de = \"X\", en = \"X\" }\n\n";
    }
    text = replace(text, "[[class]]", features + "[[class]]");
    DiagnosticSink sink;
    auto m = parse_methodology(text, "m.toml", sink);
    ASSERT_TRUE(m) << all_text(sink);
    validate_methodology(*m, sink);
    std::vector<std::string> messages;
    for (const auto& d : sink.items()) messages.push_back(d.message);
    if (c.message.empty()) {
      // Within the limits, only the class bounds (made for 4 to 12) may complain.
      for (const auto& msg : messages) EXPECT_EQ(msg.find("at most"), std::string::npos) << msg;
    } else {
      EXPECT_EQ(messages, std::vector<std::string>{c.message});
    }
  }
}

struct ClassCase {
  const char* name;
  const char* green;  // bound lines of the green class
  const char* red;    // bound lines of the red class
  std::vector<std::string> messages;
};

TEST(Loader, ClassesMustCoverEveryScoreOnce) {
  // Scores run from 4 to 12.
  const ClassCase cases[] = {
      {"meeting bounds", "more_than = 8", "at_most = 8", {}},
      {"meeting bounds, other kinds", "at_least = 9", "less_than = 9", {}},
      {"gap of one",
       "more_than = 9",
       "at_most = 8",
       {"no class covers the score 9, between class `red` and class `green` (possible scores: 4 to 12)"}},
      {"gap of three",
       "at_least = 10",
       "less_than = 7",
       {"no class covers the scores 7 to 9, between class `red` and class `green` (possible scores: 4 to 12)"}},
      {"overlap",
       "at_least = 8",
       "at_most = 8",
       {"classes `green` and `red` overlap at the score 8 (possible scores: 4 to 12)"}},
      {"gap at the top",
       "at_least = 9\nat_most = 11",
       "at_most = 8",
       {"no class covers the score 12, above class `green` (possible scores: 4 to 12)"}},
      {"bound above the maximum",
       "more_than = 8\nat_most = 13",
       "at_most = 8",
       {"class `green` has a bound of 13, outside the possible scores 4 to 12"}},
      {"empty class",
       "more_than = 8\nless_than = 9",
       "at_most = 8",
       {"class `green` contains no score: more than 8 and less than 9",
        "no class covers the scores 9 to 12, above class `red` (possible scores: 4 to 12)"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string text = replace(k_methodology, "more_than = 8", c.green);
    text = replace(text, "at_most = 8\n", std::string(c.red) + "\n");
    DiagnosticSink sink;
    auto m = parse_methodology(text, "m.toml", sink);
    ASSERT_TRUE(m) << all_text(sink);
    validate_methodology(*m, sink);
    std::vector<std::string> messages;
    for (const auto& d : sink.items()) messages.push_back(d.message);
    EXPECT_EQ(messages, c.messages);
  }
}

MemorySource demo_tree() {
  MemorySource source("<test>");
  source.add("demo/methodology/v1.toml", k_methodology);
  source.add("demo/editions/2024-01-01/edition.toml", k_edition);
  source.add("demo/editions/2024-01-01/services/alpha.toml", k_assessment);
  return source;
}

TEST(LoadCatalogue, LoadsAValidTree) {
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(demo_tree(), sink);
  EXPECT_TRUE(sink.items().empty()) << all_text(sink);
  ASSERT_NE(catalogue.category("demo"), nullptr);
  EXPECT_EQ(catalogue.category("demo")->latest_edition()->assessments.size(), 1u);
}

TEST(LoadCatalogue, EditionNamingAMissingServiceSuggestsTheClosestFile) {
  MemorySource source = demo_tree();
  source.add("demo/editions/2024-01-01/edition.toml", replace(k_edition, "[\"alpha\"]", "[\"alpah\"]"));
  DiagnosticSink sink;
  load_catalogue(source, sink);
  const auto list = errors(sink);
  ASSERT_EQ(list.size(), 2u) << all_text(sink);
  EXPECT_EQ(list[0],
            "<test>/demo/editions/2024-01-01/edition.toml:6:12: error: edition names service `alpah`, but "
            "demo/editions/2024-01-01/services/alpah.toml does not exist\n  hint: did you mean `alpha`?");
  EXPECT_NE(list[1].find("assessment of `alpha` is not listed in the edition's `services`"), std::string::npos);
}

// Regression: a methodology with a syntax error also produced "category has
// no methodology", telling the user to add a file that exists.
TEST(LoadCatalogue, BrokenMethodologyIsReportedOnce) {
  MemorySource source = demo_tree();
  source.add("demo/methodology/v1.toml", replace(k_methodology, "weight = 3", "weight = "));
  DiagnosticSink sink;
  load_catalogue(source, sink);
  const auto list = errors(sink);
  ASSERT_EQ(list.size(), 1u) << all_text(sink);
  EXPECT_EQ(list[0],
            "<test>/demo/methodology/v1.toml:27:10: error: TOML syntax error: the value after `=` is missing\n"
            "  hint: write a value after the `=`: \"text\", a number, a date, or { de = \"…\", en = \"…\" }");
  EXPECT_EQ(sink.warning_count(), 0);
}

// Regression: an edition.toml that failed to parse also produced the warning
// "category has no edition yet".
TEST(LoadCatalogue, BrokenEditionIsReportedOnce) {
  MemorySource source = demo_tree();
  source.add("demo/editions/2024-01-01/edition.toml", replace(k_edition, "methodology = 1", "methodology = \"1\""));
  DiagnosticSink sink;
  load_catalogue(source, sink);
  EXPECT_EQ(sink.error_count(), 1) << all_text(sink);
  EXPECT_EQ(sink.warning_count(), 0) << all_text(sink);
}

TEST(LoadCatalogue, EmptySourceSaysWhatToAdd) {
  MemorySource source("<empty>");
  DiagnosticSink sink;
  load_catalogue(source, sink);
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.items()[0].to_string(),
            "<empty>/: error: no category found\n"
            "  hint: the data folder needs <category>/methodology/v1.toml (see docs/formats.md)");
}

}  // namespace
}  // namespace privascore
