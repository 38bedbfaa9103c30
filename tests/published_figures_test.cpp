// Acceptance test: the bundled data reproduces the figures PRIVA SCORE
// published. The numbers below are the published facts (from the original
// pages, see data/*/editions/*/edition.toml `source`); they live here and in
// the editions' [[published]] tables, never in the code. Everything compared
// against them is computed by the engine from the ratings and weights.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "loader/loader.h"
#include "resources/resources.h"
#include "scoring/diff.h"
#include "scoring/scoring.h"
#include "test_support.h"

namespace privascore {
namespace {

// The bundled data, loaded once, exactly as the binary loads it.
const Catalogue& bundled() {
  static const Catalogue catalogue = [] {
    MemorySource source("<bundled>");
    for (const auto& file : resources::files("data")) source.add(std::string(file.path), std::string(file.content));
    DiagnosticSink sink;
    Catalogue c = load_catalogue(source, sink);
    for (const auto& d : sink.items()) ADD_FAILURE() << d.to_string();
    return c;
  }();
  return catalogue;
}

const Category& category(const std::string& id) {
  const Category* c = bundled().category(id);
  EXPECT_NE(c, nullptr) << id;
  return *c;
}

// Scores an edition under its own methodology, or under `version`.
EditionScore score(const std::string& category_id, const std::string& date, int version = 0) {
  const Category& c = category(category_id);
  const Edition* e = c.find_edition(date);
  EXPECT_NE(e, nullptr) << date;
  const Methodology* m = c.methodology(version ? version : e->methodology);
  EXPECT_NE(m, nullptr);
  return score_edition(*m, *e);
}

struct Figure {
  const char* service;
  int points;         // -1: not published
  const char* klass;  // nullptr: not published
};

void expect_figures(const EditionScore& s, const std::vector<Figure>& figures) {
  for (const auto& f : figures) {
    SCOPED_TRACE(f.service);
    const ServiceScore* service = s.service(f.service);
    ASSERT_NE(service, nullptr);
    if (f.points >= 0) {
      EXPECT_EQ(service->points, f.points);
    }
    if (f.klass) {
      EXPECT_EQ(service->klass->id, f.klass);
    }
  }
}

TEST(PublishedFigures, VideoConferencingOctober2024) {
  const EditionScore s = score("video-conferencing", "2024-10-29");
  EXPECT_EQ(s.max_points, 270);
  expect_figures(s, {{"nextcloud-talk", 249, "green"},
                     {"jitsi-meet", 243, "green"},
                     {"bigbluebutton", 228, "green"},
                     {"opentalk", 225, "green"},
                     {"consularia-office", 209, "green"},
                     {"gotomeeting", -1, "yellow"},
                     {"zoom", 90, "red"},
                     {"google-meet", 90, "red"},
                     {"skype", 90, "red"}});
  EXPECT_EQ(s.services.size(), 9u);
  // The ranking as published: the five green services by points.
  std::vector<std::string> order;
  for (const auto& service : s.services) order.push_back(service.assessment->id);
  EXPECT_EQ(std::vector<std::string>(order.begin(), order.begin() + 6),
            (std::vector<std::string>{"nextcloud-talk", "jitsi-meet", "bigbluebutton", "opentalk", "consularia-office",
                                      "gotomeeting"}));
  // Zoom, Google Meet and Skype tie for the last place.
  EXPECT_EQ(s.service("zoom")->rank, 7);
  EXPECT_EQ(s.service("google-meet")->rank, 7);
  EXPECT_EQ(s.service("skype")->rank, 7);
}

TEST(PublishedFigures, VideoConferencingAugust2024) {
  const EditionScore s = score("video-conferencing", "2024-08-29");
  EXPECT_EQ(s.max_points, 270);
  expect_figures(s, {{"nextcloud-talk", 249, nullptr},
                     {"jitsi-meet", 222, nullptr},
                     {"bigbluebutton", 228, nullptr},
                     {"consularia-office", 258, nullptr},
                     {"zoom", 90, nullptr},
                     {"google-meet", 90, nullptr},
                     {"skype", 90, nullptr}});
  EXPECT_EQ(s.service("opentalk"), nullptr) << "OpenTalk joined in October";
  // GoToMeeting in last place: no service has fewer points.
  const ServiceScore* goto_meeting = s.service("gotomeeting");
  ASSERT_NE(goto_meeting, nullptr);
  for (const auto& service : s.services) EXPECT_GE(service.points, goto_meeting->points) << service.assessment->id;
  EXPECT_EQ(goto_meeting->rank, s.services.back().rank);
}

TEST(PublishedFigures, VideoConferencingDiffAugustToOctober) {
  const Category& c = category("video-conferencing");
  const EditionDiff d = diff_editions(c, *c.find_edition("2024-08-29"), *c.find_edition("2024-10-29"));
  EXPECT_EQ(d.joined, std::vector<std::string>{"opentalk"});
  EXPECT_TRUE(d.left.empty());
  EXPECT_FALSE(d.methodology_changed());
  const auto jitsi =
      std::find_if(d.changed.begin(), d.changed.end(), [](const auto& ch) { return ch.id == "jitsi-meet"; });
  ASSERT_NE(jitsi, d.changed.end());
  EXPECT_EQ(jitsi->from_points, 222);
  EXPECT_EQ(jitsi->to_points, 243);
  EXPECT_EQ(jitsi->delta(), 21);
  // The whole +21 comes from the end-to-end encryption feature.
  int from_e2e = 0, from_others = 0;
  for (const auto& cause : jitsi->causes) (cause.feature == "e2e" ? from_e2e : from_others) += cause.delta();
  EXPECT_EQ(from_e2e, 21);
  EXPECT_EQ(from_others, 0);
}

TEST(PublishedFigures, VideoConferencingThroughTheBinary) {
  const test::RunResult r = test::run_privascore({"score", "-c", "video-conferencing", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["edition"], "2024-10-29");
  EXPECT_EQ(j["max_points"], 270);
  std::map<std::string, std::pair<int, std::string>> got;
  for (const auto& s : j["services"]) got[s["id"]] = {s["points"], s["class"]};
  EXPECT_EQ(got.size(), 9u);
  const std::map<std::string, std::pair<int, std::string>> published = {
      {"nextcloud-talk", {249, "green"}},    {"jitsi-meet", {243, "green"}},
      {"bigbluebutton", {228, "green"}},     {"opentalk", {225, "green"}},
      {"consularia-office", {209, "green"}}, {"zoom", {90, "red"}},
      {"google-meet", {90, "red"}},          {"skype", {90, "red"}}};
  for (const auto& [id, figure] : published) EXPECT_EQ(got[id], figure) << id;
  EXPECT_EQ(got["gotomeeting"].second, "yellow");
}

TEST(PublishedFigures, MessengersDecember2023) {
  expect_figures(score("messengers", "2023-12-10"), {{"signal", 242, nullptr}, {"telegram", 145, nullptr}});
}

TEST(PublishedFigures, MessengersOctober2024UnderMethodologyOne) {
  // PRIVA SCORE published these totals for the October 2024 ratings with the
  // weights of methodology 1.
  const EditionScore s = score("messengers", "2024-10-07", 1);
  expect_figures(s, {{"signal", 272, nullptr}, {"telegram", 140, nullptr}});
}

TEST(PublishedFigures, MessengersOctober2024Classes) {
  const EditionScore s = score("messengers", "2024-10-07");
  expect_figures(s, {{"signal", -1, "green"},
                     {"threema", -1, "green"},
                     {"whatsapp", -1, "yellow"},
                     {"telegram", -1, "yellow"},
                     {"discord", -1, "red"}});
  const ServiceScore* discord = s.service("discord");
  ASSERT_NE(discord, nullptr);
  EXPECT_FALSE(discord->knockouts.empty()) << "Discord is red by a knock-out";
  EXPECT_LT(discord->points, 100) << "and by its points";
}

TEST(PublishedFigures, DataPassesItsOwnPublishedFigureCheck) {
  // `check` cross-checks every [[published]] figure of the data.
  const test::RunResult r = test::run_privascore({"check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace privascore
