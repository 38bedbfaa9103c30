// Tests of the text helpers: UTF-8 validation, typo suggestions, ids.
#include "util/text.h"

#include <gtest/gtest.h>

namespace privascore {
namespace {

TEST(Utf8, FindsTheFirstInvalidByte) {
  struct Case {
    std::string text;
    std::size_t expected;
  } cases[] = {
      {"plain ASCII", std::string::npos},
      {"Gr\xC3\xBC\xC3\x9F"
       "e \xE2\x97\x90 \xF0\x9F\x94\x92",
       std::string::npos},  // ü ß ◐ 🔒
      {"a\xFC"
       "b",
       1},                            // Latin-1 ü
      {"ab\xC3", 2},                  // truncated at the end
      {"\xE2\x97", 0},                // truncated three-byte sequence
      {"x\xC0\xAF", 1},               // overlong '/'
      {"\xE0\x80\xAF", 0},            // overlong in three bytes
      {"\xED\xA0\x80", 0},            // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},        // above U+10FFFF
      {"\x80", 0},                    // a lone continuation byte
      {"ok\xF8\x88\x80\x80\x80", 2},  // five-byte form
  };
  for (const auto& c : cases) EXPECT_EQ(find_invalid_utf8(c.text), c.expected) << c.text;
}

TEST(ClosestMatch, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> keys = {"id", "name", "vendor", "website", "licence", "repository"};
  EXPECT_EQ(closest_match("licnce", keys), "licence");
  EXPECT_EQ(closest_match("license", keys), "licence");
  EXPECT_EQ(closest_match("nmae", keys), "name");
  EXPECT_EQ(closest_match("webiste", keys), "website");
  EXPECT_EQ(closest_match("vednor", keys), "vendor");
  EXPECT_EQ(closest_match("repository", keys), "repository");
  EXPECT_EQ(closest_match("homepage", keys), "");
  EXPECT_EQ(closest_match("x", {}), "");
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("green", "gren"), 1u);
  EXPECT_EQ(edit_distance("webiste", "website"), 1u);  // a swap counts once
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);  // optimal string alignment, not full Damerau
}

TEST(Ids, LowercaseAsciiDigitsAndInnerDashes) {
  for (const char* ok : {"a", "video-conferencing", "e2e", "v1"}) EXPECT_TRUE(is_valid_id(ok)) << ok;
  EXPECT_TRUE(is_valid_id(std::string(64, 'a')));
  for (const char* bad : {"", "-a", "a-", "Video", "a_b", "a b", "ä"}) EXPECT_FALSE(is_valid_id(bad)) << bad;
  EXPECT_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST(DisplayWidth, CountsCodePoints) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("\xE2\x97\x90G"), 2u);  // ◐G
  EXPECT_EQ(display_width("Gr\xC3\xBC\xC3\x9F"
                          "e"),
            5u);
}

}  // namespace
TEST(Text, IdHintSuggestsTheIdTheTextMeant) {
  EXPECT_EQ(id_hint("grün"),
            "use lowercase ASCII letters, digits and '-' (write ae for ä, ss for ß), for example \"gruen\"");
  EXPECT_NE(id_hint("Video Conferencing").find("\"video-conferencing\""), std::string::npos);
  EXPECT_NE(id_hint("Straße_Öffentlich ").find("\"strasse-oeffentlich\""), std::string::npos);
  EXPECT_NE(id_hint("-zoom--meet-").find("\"zoom-meet\""), std::string::npos);
  // A character that cannot be transliterated: the rule alone, no guess.
  EXPECT_EQ(id_hint("café"), "use lowercase ASCII letters, digits and '-' (write ae for ä, ss for ß)");
  EXPECT_EQ(id_hint(std::string(70, 'a')).find("for example"), std::string::npos);
}

TEST(Text, IsBlankMeansOnlySpacesTabsAndLineBreaks) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\r\n "));
  EXPECT_FALSE(is_blank(" x "));
  EXPECT_FALSE(is_blank("\xC2\xA0"));  // a no-break space is text, not blank
}

TEST(Text, TrimRemovesSpacesTabsAndLineBreaksAtBothEnds) {
  EXPECT_EQ(trim("  a b\t\r\n"), "a b");
  EXPECT_EQ(trim("\ta"), "a");
  EXPECT_EQ(trim("a"), "a");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim(""), "");
  const std::string text = " x ";
  EXPECT_EQ(trim(text).data(), text.data() + 1);  // a view into the text, no copy
}

TEST(Text, LowerChangesOnlyAsciiCapitals) {
  EXPECT_EQ(lower("HTTPS://Example.ORG/Path"), "https://example.org/path");
  EXPECT_EQ(lower("@[Z]`"), "@[z]`");                            // the neighbours of A and Z stay
  EXPECT_EQ(lower("GR\xC3\x9C\xC3\x9F"), "gr\xC3\x9C\xC3\x9F");  // ÜSS: UTF-8 bytes unchanged
  EXPECT_EQ(lower(""), "");
}

}  // namespace privascore
