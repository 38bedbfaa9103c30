#include "assist/policy_analyser.h"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "assist/policy_patterns.h"
#include "assist/policy_text.h"
#include "test_support.h"

namespace privascore::assist {
namespace {

struct Labelled {
  std::string lang;
  std::vector<std::string> topics;
  std::string sentence;
  int line;
};

std::vector<Labelled> read_set(const std::string& name) {
  std::vector<Labelled> out;
  std::istringstream in(test::read_text(test::source_path("tests/assist/policy/" + name)));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::size_t a = line.find('\t');
    std::size_t b = line.find('\t', a + 1);
    Labelled l{line.substr(0, a), {}, line.substr(b + 1), number};
    std::string topics = line.substr(a + 1, b - a - 1);
    std::istringstream t(topics);
    std::string topic;
    while (std::getline(t, topic, ','))
      if (topic != "-") l.topics.push_back(topic);
    std::sort(l.topics.begin(), l.topics.end());
    out.push_back(std::move(l));
  }
  return out;
}

TEST(PolicyPatterns, EveryPatternCompilesInRe2AndStdRegex) {
  for (const auto& p : policy_patterns()) {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    RE2 re(p.regex, o);
    EXPECT_TRUE(re.ok()) << p.topic << ": " << re.error();
    EXPECT_NO_THROW(std::regex(p.regex, std::regex::ECMAScript | std::regex::icase)) << p.regex;
    const auto& topics = policy_topics();
    EXPECT_TRUE(std::any_of(topics.begin(), topics.end(), [&](const PolicyTopic& t) {
      return std::string(t.id) == p.topic;
    })) << p.topic;
  }
}

TEST(PolicyAnalyser, DevelopmentSetIsLabelledExactly) {
  PolicyAnalyser analyser;
  for (const auto& l : read_set("dev.tsv")) {
    auto found = analyser.topics_of(l.sentence, l.lang == "de" ? PolicyLang::de : PolicyLang::en);
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, l.topics) << "dev.tsv:" << l.line << ": " << l.sentence;
  }
}

TEST(PolicyAnalyser, DetectsLanguage) {
  EXPECT_EQ(PolicyAnalyser::detect_language("Wir verarbeiten Ihre Daten nicht und geben sie nicht an Dritte."),
            PolicyLang::de);
  EXPECT_EQ(PolicyAnalyser::detect_language("We do not share your data with third parties."), PolicyLang::en);
}

TEST(PolicyText, StripsHtmlKeepsPositions) {
  const std::string html = test::read_text(test::source_path("tests/assist/policy/datenschutz.html"));
  PolicyText text = extract_text(html);
  EXPECT_TRUE(text.html);
  EXPECT_EQ(text.text.find("Wir verkaufen"), std::string::npos) << "style content is not text";
  EXPECT_EQ(text.text.find("an Dritte weiter"), std::string::npos) << "script content is not text";
  EXPECT_EQ(text.text.find("für immer"), std::string::npos) << "comments are not text";
  EXPECT_NE(text.text.find("Datenschutzerklärung"), std::string::npos) << "&auml; decoded";
  auto sentences = split_sentences(text, html);
  bool found = false;
  for (const auto& s : sentences) {
    std::string sentence = text.text.substr(s.begin, s.end - s.begin);
    if (sentence.rfind("Wir verarbeiten Ihre Daten zur", 0) != 0) continue;
    found = true;
    EXPECT_EQ(sentence,
              "Wir verarbeiten Ihre Daten zur Durchführung der Videokonferenzen, z. B. Ihren Anzeigenamen und Ihre "
              "IP-Adresse.");
    EXPECT_EQ(html.substr(s.offset, 14), "Wir verarbeite");
    EXPECT_EQ(s.line, 16u);
  }
  EXPECT_TRUE(found);
}

TEST(PolicyText, SplitsSentencesButNotAbbreviations) {
  const std::string source =
      "Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO. Die Daten werden z. B. nach 7 Tagen gelöscht! "
      "Fragen? Schreiben Sie uns. We use e.g. cookies. Example Inc. is the controller.";
  PolicyText text = extract_text(source);
  auto sentences = split_sentences(text, source);
  std::vector<std::string> got;
  for (const auto& s : sentences) got.push_back(text.text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO.", "Die Daten werden z. B. nach 7 Tagen gelöscht!",
                     "Fragen?", "Schreiben Sie uns.", "We use e.g. cookies.", "Example Inc. is the controller."}));
}

TEST(PolicyText, HostileInputStaysBounded) {
  std::string source(1 << 20, 'a');
  source += std::string(100000, '<');
  source += "&#99999999999;&amp&;<script>";
  PolicyText text = extract_text(source);
  auto sentences = split_sentences(text, source);
  for (const auto& s : sentences) EXPECT_LE(s.end - s.begin, 2000u);
  EXPECT_GT(sentences.size(), 500u);
}

TEST(PolicyAnalyser, GermanHtmlPolicy) {
  PolicyAnalyser analyser;
  const std::string html = test::read_text(test::source_path("tests/assist/policy/datenschutz.html"));
  PolicyOptions o;
  o.service = "example-konferenz";
  PolicyReport r = analyser.analyse(html, "datenschutz.html", "2026-01-01T00:00:00Z", o);
  EXPECT_EQ(r.lang, PolicyLang::de);
  for (const auto& [item, found] : r.transparency) EXPECT_TRUE(found) << item;
  auto suggestion = [&](const std::string& feature) -> const Suggestion* {
    for (const auto& s : r.suggestions)
      if (s.feature == feature) return &s;
    return nullptr;
  };
  ASSERT_NE(suggestion("transparency"), nullptr);
  EXPECT_EQ(suggestion("transparency")->level, "green");
  EXPECT_EQ(suggestion("transparency")->evidence.size(), 8u);
  ASSERT_NE(suggestion("server-location"), nullptr);
  EXPECT_EQ(suggestion("server-location")->level, "red");
  ASSERT_NE(suggestion("recording-consent"), nullptr);
  EXPECT_EQ(suggestion("recording-consent")->level, "green");
  ASSERT_NE(suggestion("metadata"), nullptr);
  EXPECT_EQ(suggestion("metadata")->level, "green") << "sharing and advertising only ruled out";
  ASSERT_NE(suggestion("anonymous"), nullptr);
  const auto& e = suggestion("server-location")->evidence.front();
  EXPECT_EQ(e.kind, "quote");
  EXPECT_EQ(html.substr(*e.offset, 13), "Für den opti");
  EXPECT_EQ(e.content_sha256, r.sha256);
  const std::string text = render_text(r);
  EXPECT_NE(text.find("not ratings"), std::string::npos);
  EXPECT_NE(text.find("Presence is not proof"), std::string::npos);
}

TEST(PolicyAnalyser, EnglishTextPolicy) {
  PolicyAnalyser analyser;
  const std::string txt = test::read_text(test::source_path("tests/assist/policy/privacy.txt"));
  PolicyReport r = analyser.analyse(txt, "privacy.txt", "2026-01-01T00:00:00Z");
  EXPECT_EQ(r.lang, PolicyLang::en);
  EXPECT_FALSE(r.html);
  for (const auto& [item, found] : r.transparency) EXPECT_TRUE(found) << item;
  EXPECT_GE(r.count("third-country"), 1u);
  EXPECT_GE(r.count("analytics"), 1u);
  bool metadata_yellow = false;
  for (const auto& s : r.suggestions) metadata_yellow |= s.feature == "metadata" && s.level == "yellow";
  EXPECT_TRUE(metadata_yellow);
  // A sentence wrapped over two lines keeps the position of its first word.
  for (const auto& f : r.findings)
    if (f.topic == "controller") {
      EXPECT_EQ(f.line, 4u);
      EXPECT_EQ(txt.substr(f.offset, 8), "The data");
    }
}

}  // namespace
}  // namespace privascore::assist
