// The TOML writer: string escaping, unquoted dates, inline de/en tables, and
// files that the loader parses back to the same values. The full round trip
// of the bundled data is in src/store/toml_export_test.cpp.
#include "render/toml_writer.h"

#include <gtest/gtest.h>

#include <tuple>

#include "loader/loader.h"

namespace privascore {
namespace {

TEST(TomlString, EscapesQuoteBackslashAndControlCharacters) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      {"plain", "\"plain\""},
      {"", "\"\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"C:\\path\\", "\"C:\\\\path\\\\\""},
      {"line\nnext", "\"line\\nnext\""},
      {"tab\there", "\"tab\\there\""},
      {"cr\rlf", "\"cr\\rlf\""},
      {"\b\f", "\"\\b\\f\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"\x01\x1f\x7f", "\"\\u0001\\u001F\\u007F\""},
      {"Datenschutz für alle ● ✗", "\"Datenschutz für alle ● ✗\""},
      {"\"\"\"", "\"\\\"\\\"\\\"\""},
      {"'single'", "\"'single'\""},
  };
  for (const auto& c : cases) EXPECT_EQ(toml_string(c.in), c.out) << c.in;
}

TEST(TomlString, ReplacesInvalidUtf8WithReplacementCharacter) {
  EXPECT_EQ(toml_string("a\xff"
                        "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");
  EXPECT_EQ(toml_string("\xC3"), "\"\xEF\xBF\xBD\"");  // truncated sequence
}

TEST(TomlText, IsAnInlineTable) {
  EXPECT_EQ(toml_text(Text{"ä \"x\"", "a"}), "{ de = \"ä \\\"x\\\"\", en = \"a\" }");
}

// Every string a reader sees, full of characters that need escaping.
const std::string k_nasty = "quote \" backslash \\ newline\nTab\tCR\r ctrl\x01 DEL\x7f ümlaut ● \"\"\" ''' # [x] = {y}";

Assessment nasty_assessment() {
  Assessment a;
  a.id = "nasty";
  a.name = k_nasty;
  a.vendor = k_nasty + " GmbH";
  a.website = "https://example.org/a?b=c&d=%22e%22";
  a.licence = "AGPL-3.0";
  a.note = Text{k_nasty + " de", k_nasty + " en"};
  Rating r;
  r.feature = "e2e";
  r.level = "green";
  r.status = RatingStatus::sourced;
  r.justification = Text{"J " + k_nasty, "J en " + k_nasty};
  Evidence e;
  e.url = "https://example.org/x";
  e.title = "Title " + k_nasty;
  e.quote = "Quote " + k_nasty;
  e.retrieved = Date{2024, 2, 29};
  r.evidence.push_back(e);
  a.ratings.push_back(r);
  return a;
}

TEST(AssessmentToml, ParsesBackToTheSameStrings) {
  const Assessment a = nasty_assessment();
  const std::string text = assessment_toml(a);
  EXPECT_NE(text.find("retrieved = 2024-02-29\n"), std::string::npos) << "dates are written unquoted:\n" << text;
  EXPECT_NE(text.find("[[rating.evidence]]"), std::string::npos);
  DiagnosticSink sink;
  auto back = parse_assessment(text, "nasty.toml", sink);
  for (const auto& d : sink.items()) ADD_FAILURE() << d.to_string() << "\nin:\n" << text;
  ASSERT_TRUE(back);
  EXPECT_EQ(back->name, a.name);
  EXPECT_EQ(back->vendor, a.vendor);
  EXPECT_EQ(back->website, a.website);
  EXPECT_EQ(back->licence, a.licence);
  EXPECT_EQ(back->repository, "");
  ASSERT_TRUE(back->note);
  EXPECT_EQ(back->note->de, a.note->de);
  EXPECT_EQ(back->note->en, a.note->en);
  ASSERT_EQ(back->ratings.size(), 1u);
  EXPECT_EQ(back->ratings[0].justification.de, a.ratings[0].justification.de);
  EXPECT_EQ(back->ratings[0].justification.en, a.ratings[0].justification.en);
  ASSERT_EQ(back->ratings[0].evidence.size(), 1u);
  EXPECT_EQ(back->ratings[0].evidence[0].title, a.ratings[0].evidence[0].title);
  EXPECT_EQ(back->ratings[0].evidence[0].quote, a.ratings[0].evidence[0].quote);
  EXPECT_EQ(back->ratings[0].evidence[0].retrieved, a.ratings[0].evidence[0].retrieved);
}

TEST(AssessmentToml, OmitsAbsentOptionalKeys) {
  Assessment a;
  a.id = "min";
  a.name = "Min";
  a.vendor = "V";
  a.website = "https://example.org/";
  Rating r;
  r.feature = "e2e";
  r.level = "unknown";
  r.justification = Text{"d", "e"};
  Evidence e;
  e.url = "https://example.org/e";
  e.title = "T";
  r.evidence.push_back(e);
  a.ratings.push_back(r);
  const std::string text = assessment_toml(a);
  for (const char* absent : {"licence", "repository", "note", "quote", "retrieved"}) {
    EXPECT_EQ(text.find(absent), std::string::npos) << absent << " written although absent:\n" << text;
  }
}

TEST(EditionToml, WritesDateUnquotedAndServicesAsArray) {
  Edition e;
  e.category = "example-category";
  e.date = Date{2024, 10, 29};
  e.methodology = 2;
  e.title = Text{"Titel", "Title"};
  e.summary = Text{"Zusammenfassung", "Summary"};
  e.services = {"b-service", "a-service"};
  EditionNote note;
  note.kind = "joined";
  note.service = "b-service";
  note.text = note.reason = Text{"t", "t"};
  e.notes.push_back(note);
  PublishedFigure first;
  first.service = "a-service";
  first.points = 20;
  first.class_id = "yellow";
  first.methodology = 1;
  e.published.push_back(first);
  PublishedFigure second;
  second.service = "b-service";
  second.class_id = "red";
  e.published.push_back(second);
  const std::string text = edition_toml(e);
  EXPECT_NE(text.find("date = 2024-10-29\n"), std::string::npos) << text;
  EXPECT_NE(text.find("title = { de = \"Titel\", en = \"Title\" }\n"), std::string::npos) << text;
  DiagnosticSink sink;
  auto back = parse_edition(text, "edition.toml", sink);
  for (const auto& d : sink.items()) ADD_FAILURE() << d.to_string() << "\nin:\n" << text;
  ASSERT_TRUE(back);
  EXPECT_EQ(back->date, e.date);
  EXPECT_EQ(back->methodology, 2);
  EXPECT_EQ(back->services, e.services);
  ASSERT_EQ(back->notes.size(), 1u);
  EXPECT_EQ(back->notes[0].service, "b-service");
  EXPECT_EQ(back->notes[0].feature, "");
  ASSERT_EQ(back->published.size(), 2u);
  EXPECT_EQ(back->published[0].points, 20);
  EXPECT_EQ(back->published[0].methodology, 1);
  EXPECT_EQ(back->published[1].points, std::nullopt);
  EXPECT_EQ(back->published[1].class_id, "red");
}

TEST(MethodologyToml, KeepsBoundsKnockoutsAndOptionalHostingNote) {
  Methodology m;
  m.category = "c";
  m.version = 3;
  m.effective = Date{2024, 1, 1};
  m.name = m.summary = m.provenance_note = Text{"x", "y"};
  m.slug = Text{"c-de", "c-en"};
  m.weights_provenance = WeightsProvenance::published;
  m.hosting_note = Text{"h \"de\"", "h en"};
  for (auto [id, points, symbol] : {std::tuple{"good", 2, "●"}, std::tuple{"bad", 0, "✗"}}) {
    Level l;
    l.id = id;
    l.points = points;
    l.colour = "#00ff00";
    l.symbol = symbol;
    l.label = Text{id, id};
    m.levels.push_back(l);
  }
  Feature f;
  f.id = "f";
  f.anchor = "anchor-f";
  f.name = f.explanation = Text{"F", "F"};
  f.weight = 5;
  f.knockout = Knockout();
  f.knockout->level = "bad";
  f.knockout->cap = "low";
  f.knockout->reason = Text{"k", "k"};
  m.features.push_back(f);
  Standard s;
  s.id = "s";
  s.name = s.reason = Text{"S", "S"};
  m.standards.push_back(s);
  ClassBand high;
  high.id = "high";
  high.colour = "#00ff00";
  high.symbol = "A";
  high.label = Text{"a", "a"};
  high.lower = Bound{5, false};
  m.classes.push_back(high);
  ClassBand low = high;
  low.id = "low";
  low.symbol = "C";
  low.lower.reset();
  low.upper = Bound{5, true};
  m.classes.push_back(low);
  const std::string text = methodology_toml(m);
  EXPECT_NE(text.find("effective = 2024-01-01\n"), std::string::npos) << text;
  EXPECT_NE(text.find("more_than = 5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("at_most = 5\n"), std::string::npos) << text;
  DiagnosticSink sink;
  auto back = parse_methodology(text, "v3.toml", sink);
  ASSERT_TRUE(back) << text;
  validate_methodology(*back, sink);
  for (const auto& d : sink.items()) ADD_FAILURE() << d.to_string() << "\nin:\n" << text;
  EXPECT_EQ(back->weights_provenance, WeightsProvenance::published);
  ASSERT_TRUE(back->hosting_note);
  EXPECT_EQ(back->hosting_note->de, "h \"de\"");
  ASSERT_EQ(back->features.size(), 1u);
  ASSERT_TRUE(back->features[0].knockout);
  EXPECT_EQ(back->features[0].knockout->cap, "low");
  ASSERT_EQ(back->classes.size(), 2u);
  ASSERT_TRUE(back->classes[0].lower);
  EXPECT_FALSE(back->classes[0].lower->inclusive);
  EXPECT_FALSE(back->classes[0].upper);
  ASSERT_TRUE(back->classes[1].upper);
  EXPECT_TRUE(back->classes[1].upper->inclusive);
  EXPECT_EQ(back->standards.size(), 1u);
}

}  // namespace
}  // namespace privascore
