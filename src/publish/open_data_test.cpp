#include "publish/open_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "loader/loader.h"
#include "publish/test_fixture.h"

namespace privascore::publish {
namespace {

using testing::bundled;
using testing::scores;

std::vector<std::string> lines(const std::string& text, const std::string& separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + separator.size();
  }
  return out;
}

TEST(EditionCsv, OneRowPerServiceAndFeatureWithEvidenceAndLicence) {
  const auto score = scores("video-conferencing");
  const std::string csv = edition_csv(score);
  const auto rows = lines(csv, "\r\n");
  ASSERT_EQ(rows.size(), 1 + score.services.size() * score.methodology->features.size());
  EXPECT_EQ(rows[0],
            "category,edition,rank,service,service_name,feature,level,points,max_points,weight,status,evidence_urls,"
            "licence");
  EXPECT_EQ(rows[2],
            "video-conferencing,2024-10-29,1,nextcloud-talk,Nextcloud Talk,e2e,yellow,42,63,21,sourced,"
            "https://www.heise.de/select/ct/2020/14/2014711011799596960,CC-BY-4.0");
  int points = 0;
  for (std::size_t i = 1; i <= score.methodology->features.size(); ++i) points += std::stoi(lines(rows[i], ",")[7]);
  EXPECT_EQ(points, 249);  // the rows add up to the total
  EXPECT_NE(csv.find("https://www.heise.de/select/ct/2020/14/2014711011799596960 https://github.com/nextcloud/spreed"),
            std::string::npos);
}

TEST(EditionJson, HasEverythingWithEvidenceAndTheLicence) {
  const auto score = scores("video-conferencing");
  const auto doc = nlohmann::json::parse(edition_json(score));
  EXPECT_EQ(doc["licence"]["id"], "CC-BY-4.0");
  EXPECT_NE(doc["licence"]["notice"]["en"].get<std::string>().find("reconstruction"), std::string::npos);
  EXPECT_EQ(doc["methodology"]["max_points"], 270);
  EXPECT_EQ(doc["methodology"]["weights_provenance"], "reconstructed");
  EXPECT_EQ(doc["services"].size(), score.services.size());
  const auto& first = doc["services"][0];
  EXPECT_EQ(first["id"], "nextcloud-talk");
  EXPECT_EQ(first["points"], 249);
  EXPECT_EQ(first["ratings"].size(), 7u);
  EXPECT_FALSE(first["ratings"][0]["evidence"].empty());
  EXPECT_TRUE(first["ratings"][0]["evidence"][0].contains("url"));
  EXPECT_TRUE(first["ratings"][0]["justification"].contains("de"));
}

TEST(EditionMarkdown, TableWithSymbolsWordsAndNotice) {
  const std::string md = edition_markdown(scores("video-conferencing"), Lang::en);
  EXPECT_NE(md.find("| 1 | Nextcloud Talk | ● good | ◐ fair |"), std::string::npos);
  EXPECT_NE(md.find("| 249/270 | ✓ recommended |"), std::string::npos);
  EXPECT_NE(md.find("CC BY 4.0"), std::string::npos);
  EXPECT_NE(md.find("† unverified"), std::string::npos);
  testing::expect_golden("video-conferencing-2024-10-29.de.md",
                         edition_markdown(scores("video-conferencing"), Lang::de));
}

// The TOML files are the source format: they load back to the same scores.
TEST(EditionToml, LoadsBackToTheSameScores) {
  const Category& c = *bundled().category("messengers");
  MemorySource source;
  for (const auto& [version, m] : c.methodologies) {
    const DataFile f = methodology_toml_file(m);
    EXPECT_EQ(f.content.rfind("# Data: privascore, licensed under Creative Commons Attribution 4.0", 0), 0u);
    source.add(f.path, f.content);
  }
  for (const auto& e : c.editions)
    for (const auto& f : edition_toml_files(c, e)) source.add(f.path, f.content);
  DiagnosticSink sink;
  const Catalogue loaded = load_catalogue(source, sink);
  ASSERT_FALSE(sink.has_errors()) << sink.items()[0].to_string();
  const Category& back = *loaded.category("messengers");
  for (std::size_t i = 0; i < c.editions.size(); ++i) {
    const auto a = score_edition(*c.methodology(c.editions[i].methodology), c.editions[i]);
    const auto b = score_edition(*back.methodology(back.editions[i].methodology), back.editions[i]);
    ASSERT_EQ(a.services.size(), b.services.size());
    for (std::size_t k = 0; k < a.services.size(); ++k) {
      EXPECT_EQ(a.services[k].assessment->id, b.services[k].assessment->id);
      EXPECT_EQ(a.services[k].points, b.services[k].points);
    }
  }
}

TEST(OpenDataReadme, StatesTheLicenceInBothLanguagesAndListsEveryEdition) {
  const std::string readme = open_data_readme(bundled());
  EXPECT_NE(readme.find("Creative Commons Attribution 4.0 International"), std::string::npos);
  EXPECT_NE(readme.find("Creative Commons Namensnennung 4.0 International"), std::string::npos);
  EXPECT_NE(readme.find("video-conferencing/2024-08-29.csv"), std::string::npos);
  EXPECT_NE(readme.find("messengers/2023-12-10.json"), std::string::npos);
}

}  // namespace
}  // namespace privascore::publish
