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

// The id of every service in the edition, best first (as the engine ranks them).
std::vector<std::string> ranked_ids(const EditionScore& s) {
  std::vector<std::string> ids;
  for (const auto& service : s.services) ids.push_back(service.assessment->id);
  return ids;
}

// Every service of `better` scores more points than every service of `worse`.
void expect_above(const EditionScore& s, const std::vector<std::string>& better,
                  const std::vector<std::string>& worse) {
  for (const auto& b : better) {
    for (const auto& w : worse) {
      const ServiceScore* hi = s.service(b);
      const ServiceScore* lo = s.service(w);
      ASSERT_NE(hi, nullptr) << b;
      ASSERT_NE(lo, nullptr) << w;
      EXPECT_GT(hi->points, lo->points) << b << " above " << w;
    }
  }
}

// Whether `service` is rated at the methodology's best level on `feature`.
bool best_on(const EditionScore& s, const std::string& service, const std::string& feature) {
  const ServiceScore* score = s.service(service);
  EXPECT_NE(score, nullptr) << service;
  if (!score) return false;
  const FeatureScore* f = score->feature(feature);
  EXPECT_NE(f, nullptr) << service << "/" << feature;
  return f && !f->unknown && f->level->id == s.methodology->highest_level().id;
}

// The last place: no service has fewer points, and it holds the last rank.
void expect_last(const EditionScore& s, const std::string& id) {
  const ServiceScore* last = s.service(id);
  ASSERT_NE(last, nullptr) << id;
  for (const auto& service : s.services) EXPECT_GE(service.points, last->points) << service.assessment->id;
  EXPECT_EQ(last->rank, s.services.back().rank) << id;
}

TEST(PublishedFigures, Browsers) {
  // Source: https://privascore.org/priva-score-browser/ (undated page).
  const EditionScore s = score("browsers", "latest");
  EXPECT_EQ(s.max_points, 270);                      // maximum 270 points
  expect_figures(s, {{"brave", 270, nullptr},        // "270 bzw. 255 Punkte": Brave 270
                     {"tor-browser", 270, nullptr},  // Tor Browser 270
                     {"firefox", 255, nullptr},      // Firefox 255
                     {"duckduckgo", 255, nullptr},   // DuckDuckGo (Android) 255
                     {"edge", 97, nullptr},          // Edge 97
                     {"chrome", 85, nullptr},        // Chrome 85, "Schlusslicht"
                     {"opera", -1, "yellow"},        // Opera mediocre
                     {"safari", -1, "yellow"}});     // Safari mediocre
  EXPECT_EQ(s.services.size(), 8u);
  // Brave and Tor ahead; Firefox and DuckDuckGo "geringfügig schlechter".
  const std::vector<std::string> order = ranked_ids(s);
  std::vector<std::string> first(order.begin(), order.begin() + 2), next(order.begin() + 2, order.begin() + 4);
  std::sort(first.begin(), first.end());
  std::sort(next.begin(), next.end());
  EXPECT_EQ(first, (std::vector<std::string>{"brave", "tor-browser"}));
  EXPECT_EQ(next, (std::vector<std::string>{"duckduckgo", "firefox"}));
  expect_last(s, "chrome");
  // Chrome lies below the floor of red on every feature (a third of the maximum).
  EXPECT_LT(s.service("chrome")->points, s.max_points / 3);
}

TEST(PublishedFigures, VpnServicesOlderEdition) {
  // Source: https://privascore.org/priva-score-vpn-dienste/ (edition before the January 2026 update).
  const EditionScore s = score("vpn-services", "2024-05-16");
  EXPECT_EQ(s.max_points, 306);  // maximum 306 points
  EXPECT_EQ(s.services.size(), 6u);
  // Top: Perfect Privacy, Proton VPN, ExpressVPN, NordVPN ("machen alles oder fast alles richtig");
  // SurfShark and CyberGhost are marked down for how often they are audited.
  expect_above(s, {"perfect-privacy", "proton-vpn", "expressvpn", "nordvpn"}, {"surfshark", "cyberghost"});
  EXPECT_FALSE(best_on(s, "surfshark", "audits"));
  EXPECT_FALSE(best_on(s, "cyberghost", "audits"));
}

TEST(PublishedFigures, VpnServicesJanuary2026) {
  // Source: https://privascore.org/priva-score-vpn-dienste/ ("Update Januar 2026").
  const EditionScore s = score("vpn-services", "2026-01-13");
  EXPECT_EQ(s.max_points, 294);  // maximum 294 points
  EXPECT_EQ(s.services.size(), 5u);
  // Top group Proton VPN, ExpressVPN, CyberGhost; Mullvad and Surfshark just below it.
  const std::vector<std::string> order = ranked_ids(s);
  std::vector<std::string> top(order.begin(), order.begin() + 3);
  std::sort(top.begin(), top.end());
  EXPECT_EQ(top, (std::vector<std::string>{"cyberghost", "expressvpn", "proton-vpn"}));
  expect_above(s, {"proton-vpn", "expressvpn", "cyberghost"}, {"mullvad", "surfshark"});
  // ... because of their jurisdiction (#jurisdiktion); solid thanks to their no-logs policy (#protokoll).
  for (const char* id : {"mullvad", "surfshark"}) {
    EXPECT_FALSE(best_on(s, id, "jurisdiction")) << id;
    EXPECT_TRUE(best_on(s, id, "no-logs")) << id;
  }
  // Two methodology versions: the maximum fell from 306 to 294.
  const Category& c = category("vpn-services");
  ASSERT_NE(c.methodology(1), nullptr);
  ASSERT_NE(c.methodology(2), nullptr);
  EXPECT_EQ(c.methodology(1)->max_points(), 306);
  EXPECT_EQ(c.methodology(2)->max_points(), 294);
  const EditionDiff d = diff_editions(c, *c.find_edition("2024-05-16"), *c.find_edition("2026-01-13"));
  EXPECT_TRUE(d.methodology_changed());
}

TEST(PublishedFigures, EmailProviders) {
  // Source: https://privascore.org/priva-score-email-anbieter/ (undated page).
  const EditionScore s = score("email-providers", "latest");
  EXPECT_EQ(s.max_points, 294);                      // maximum 294 points
  expect_figures(s, {{"proton-mail", 294, nullptr},  // Proton Mail 294
                     {"tuta", 294, nullptr},         // Tuta (Tutanota) 294
                     {"posteo", 274, nullptr},       // Posteo 274
                     {"outlook", -1, "yellow"},      // middle group: Outlook,
                     {"icloud-mail", -1, "yellow"},  // iCloud,
                     {"gmx-web-de", -1, "yellow"},   // GMX/Web.de,
                     {"t-online", -1, "yellow"},     // T-Online
                     {"gmail", -1, "red"},           // last: Gmail
                     {"yahoo-mail", -1, "red"}});    // and Yahoo
  EXPECT_EQ(s.services.size(), 9u);
  // Of the three leaders only Posteo is not open source.
  EXPECT_FALSE(best_on(s, "posteo", "open-source"));
  EXPECT_TRUE(best_on(s, "proton-mail", "open-source"));
  EXPECT_TRUE(best_on(s, "tuta", "open-source"));
  // Gmail and Yahoo come last; only their partial use of EU servers earns points.
  expect_above(s, {"proton-mail", "tuta", "posteo", "outlook", "icloud-mail", "gmx-web-de", "t-online"},
               {"gmail", "yahoo-mail"});
  for (const char* id : {"gmail", "yahoo-mail"}) {
    const ServiceScore* service = s.service(id);
    ASSERT_NE(service, nullptr);
    for (const auto& f : service->features) {
      if (f.feature->id == "server-location") {
        EXPECT_GT(f.points, 0) << id;
      } else {
        EXPECT_EQ(f.points, 0) << id << "/" << f.feature->id;
      }
    }
  }
}

TEST(PublishedFigures, EmailClients) {
  // Source: https://privascore.org/priva-score-e-mail-clients (undated page).
  const EditionScore s = score("email-clients", "latest");
  EXPECT_EQ(s.max_points, 294);                 // maximum 294 points
  expect_figures(s, {{"tuta", 294, nullptr}});  // "trotzdem bekommt Tuta volle Punktzahl"
  EXPECT_EQ(s.services.size(), 8u);
  // Top: Thunderbird/Betterbird, eM Client, Postbox, FairEmail, K-9 Mail, Tuta; last: the Gmail and Yahoo apps.
  expect_above(s, {"thunderbird-betterbird", "em-client", "postbox", "fairemail", "k-9-mail", "tuta"},
               {"gmail-app", "yahoo-mail-app"});
  expect_last(s, "gmail-app");
  expect_last(s, "yahoo-mail-app");
}

TEST(PublishedFigures, CloudStorage) {
  // Source: https://privascore.org/priva-score-Cloud-anbieter (undated page).
  const EditionScore s = score("cloud-storage", "latest");
  EXPECT_EQ(s.max_points, 312);                       // maximum 312 points
  expect_figures(s, {{"pcloud", 312, nullptr},        // pCloud 312
                     {"tresorit", 312, nullptr},      // Tresorit 312
                     {"spideroak", 312, nullptr},     // SpiderOak 312
                     {"nextcloud", 312, nullptr},     // Nextcloud 312
                     {"dropbox", 119, nullptr},       // Dropbox 119
                     {"google-drive", 112, nullptr},  // Google Drive 112
                     {"amazon-drive", 92, nullptr},   // Amazon Drive 92
                     {"ionos", -1, "red"},            // IONOS red ...
                     {"onedrive", -1, "red"}});       // ... and OneDrive red
  EXPECT_EQ(s.services.size(), 9u);
  // IONOS and OneDrive score mediocre points but are red "da Eure Daten für Werbung genutzt werden":
  // a knock-out caps the class, the points stay as computed.
  for (const char* id : {"ionos", "onedrive"}) {
    const ServiceScore* service = s.service(id);
    ASSERT_NE(service, nullptr);
    EXPECT_EQ(service->computed_class->id, "yellow") << id;
    ASSERT_EQ(service->knockouts.size(), 1u) << id;
    EXPECT_EQ(service->knockouts.front()->id, "no-data-sale") << id;
  }
  // Amazon Drive lies below the floor of red on every feature (a third of the maximum).
  EXPECT_LT(s.service("amazon-drive")->points, s.max_points / 3);
}

TEST(PublishedFigures, PasswordManagers) {
  // Source: https://privascore.org/?p=813 and https://privascore.org/en/priva-score-passwortmanager (undated).
  const EditionScore s = score("password-managers", "latest");
  EXPECT_EQ(s.max_points, 312);                           // maximum 312 points
  expect_figures(s, {{"bitwarden", 312, "green"},         // recommended: Bitwarden 312
                     {"keepass", 276, "green"},           // KeePass 276
                     {"nordpass", 268, "yellow"},         // mediocre: NordPass 268
                     {"sticky-password", 202, "yellow"},  // ... Sticky Password 202
                     {"roboform", 202, "yellow"},         // RoboForm 202
                     {"1password", -1, "yellow"},         // 1Password, Keeper, Enpass in between
                     {"keeper", -1, "yellow"},
                     {"enpass", -1, "yellow"},
                     {"dashlane", 193, "red"},    // avoid: Dashlane 193
                     {"lastpass", 166, "red"}});  // LastPass 166
  EXPECT_EQ(s.services.size(), 10u);
  for (const char* id : {"1password", "keeper", "enpass"}) {
    const ServiceScore* service = s.service(id);
    ASSERT_NE(service, nullptr);
    EXPECT_LT(service->points, 268) << id;
    EXPECT_GT(service->points, 202) << id;
  }
  expect_last(s, "lastpass");
}

TEST(PublishedFigures, EveryCategoryThroughTheBinary) {
  // The published totals as `privascore score` prints them, per category (sources as in the tests above).
  const std::map<std::string, std::pair<int, std::map<std::string, int>>> published = {
      {"browsers",
       {270,
        {{"brave", 270}, {"tor-browser", 270}, {"firefox", 255}, {"duckduckgo", 255}, {"edge", 97}, {"chrome", 85}}}},
      {"vpn-services", {294, {}}},
      {"email-providers", {294, {{"proton-mail", 294}, {"tuta", 294}, {"posteo", 274}}}},
      {"email-clients", {294, {{"tuta", 294}}}},
      {"cloud-storage",
       {312,
        {{"pcloud", 312},
         {"tresorit", 312},
         {"spideroak", 312},
         {"nextcloud", 312},
         {"dropbox", 119},
         {"google-drive", 112},
         {"amazon-drive", 92}}}},
      {"password-managers",
       {312,
        {{"bitwarden", 312},
         {"keepass", 276},
         {"nordpass", 268},
         {"sticky-password", 202},
         {"roboform", 202},
         {"dashlane", 193},
         {"lastpass", 166}}}},
  };
  for (const auto& [category_id, figures] : published) {
    SCOPED_TRACE(category_id);
    const test::RunResult r = test::run_privascore({"score", "-c", category_id, "-f", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["max_points"], figures.first);
    std::map<std::string, int> got;
    for (const auto& service : j["services"]) got[service["id"]] = service["points"];
    for (const auto& [id, points] : figures.second) EXPECT_EQ(got[id], points) << id;
  }
}

TEST(PublishedFigures, DataPassesItsOwnPublishedFigureCheck) {
  // `check` cross-checks every [[published]] figure of the data.
  const test::RunResult r = test::run_privascore({"check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace privascore
