#include "assist/probe.h"
#include <nlohmann/json.hpp>

#include <algorithm>

#include <gtest/gtest.h>

#include "assist/content_hash.h"
#include "assist/fixture_server.h"
#include "test_support.h"

namespace privascore::assist {
namespace {

using test::FixtureResponse;
using test::FixtureServer;

std::string fixture(const std::string& name) {
  return test::read_text(test::source_path("tests/assist/fixtures/" + name));
}

// A probe whose resolver sends the given names to the fixture server on 127.0.0.1.
struct Probe {
  FixtureServer server;
  std::shared_ptr<StubResolver> resolver = std::make_shared<StubResolver>();
  ProbeOptions options;

  explicit Probe(std::initializer_list<const char*> names) {
    for (const char* n : names) resolver->add_addresses(n, {"127.0.0.1"});
    options.http.resolver = resolver;
    options.http.limits.request_timeout = std::chrono::milliseconds(3000);
  }
  std::string url(const std::string& host) const {
    return "http://" + host + ":" + std::to_string(server.port()) + "/";
  }
  ProbeReport run(const std::string& host) {
    auto report = probe_instance(url(host), options);
    EXPECT_TRUE(report) << (report ? "" : report.error().to_string());
    return report ? *report : ProbeReport{};
  }
};

const Suggestion* suggestion(const ProbeReport& r, const std::string& feature) {
  for (const auto& s : r.suggestions)
    if (s.feature == feature) return &s;
  return nullptr;
}

std::string level(const ProbeReport& r, const std::string& feature) {
  const Suggestion* s = suggestion(r, feature);
  return s ? s->level : "(none)";
}

const ProbeHost* host(const ProbeReport& r, const std::string& name) {
  for (const auto& h : r.hosts)
    if (h.host == name) return &h;
  return nullptr;
}

bool has_location(const ProbeReport& r, const std::string& name) {
  return std::find(r.location_hosts.begin(), r.location_hosts.end(), name) != r.location_hosts.end();
}

bool noted(const ProbeReport& r, const std::string& text) {
  return std::any_of(r.notes.begin(), r.notes.end(),
                     [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

TEST(Probe, JitsiObjectLayoutUpstreamDefaults) {
  Probe p({"meet.example.test"});
  p.server.route("/", 200, fixture("jitsi-start.html"), {{"Content-Type", "text/html"}});
  p.server.route("/config.js", 200, fixture("jitsi-object.js"), {{"Content-Type", "application/javascript"}});
  ProbeReport r = p.run("meet.example.test");
  EXPECT_EQ(r.platform, Platform::jitsi_meet);
  EXPECT_EQ(level(r, "e2e"), "yellow");
  EXPECT_EQ(level(r, "open-source"), "green");
  EXPECT_EQ(level(r, "anonymous"), "green");
  EXPECT_EQ(level(r, "recording-consent"), "green");
  // Jitsi's STUN relay, the default Gravatar and Google Fonts from the start page: other sites, no analytics.
  ASSERT_NE(host(r, "meet-jit-si-turnrelay.jitsi.net"), nullptr);
  EXPECT_FALSE(host(r, "meet-jit-si-turnrelay.jitsi.net")->link_only);
  EXPECT_EQ(host(r, "meet-jit-si-turnrelay.jitsi.net")->kind, "STUN/TURN, statistics and other 8x8 services");
  ASSERT_NE(host(r, "www.gravatar.com"), nullptr);
  ASSERT_NE(host(r, "fonts.googleapis.com"), nullptr);
  EXPECT_FALSE(host(r, "fonts.googleapis.com")->link_only);
  ASSERT_NE(host(r, "www.example-canonical.test"), nullptr);
  EXPECT_TRUE(host(r, "www.example-canonical.test")->link_only) << "rel=canonical is not loaded";
  EXPECT_EQ(level(r, "metadata"), "yellow");
  EXPECT_EQ(host(r, "conference.meet.example.test"), nullptr) << "muc uses an SSI variable: not evaluated";
  EXPECT_TRUE(has_location(r, "meet.example.test"));
  // The commented-out examples are not settings.
  EXPECT_EQ(host(r, "your-matomo-endpoint"), nullptr);
  EXPECT_EQ(host(r, "guest.example.com"), nullptr);
  EXPECT_EQ(host(r, "conference-mapper.example.test"), nullptr) << "inside an if block";
  EXPECT_TRUE(noted(r, "SSI"));
  EXPECT_EQ(r.privacy_url, p.url("meet.example.test") + "static/privacy.html");
  EXPECT_EQ(r.imprint_url, "https://provider.example.test/imprint");
  EXPECT_EQ(level(r, "transparency"), "") << "a privacy policy exists: evidence only";
}

TEST(Probe, JitsiStatementLayoutFromDocker) {
  Probe p({"docker.example.test"});
  p.server.route("/", 200, "<html><body>Jitsi Meet</body></html>", {{"Content-Type", "text/html"}});
  p.server.route("/config.js", 200, fixture("jitsi-statements.js"));
  ProbeReport r = p.run("docker.example.test");
  EXPECT_EQ(r.platform, Platform::jitsi_meet);
  ASSERT_NE(host(r, "api.amplitude.com"), nullptr) << "implied by analytics.amplitudeAPPKey";
  EXPECT_EQ(level(r, "metadata"), "red");
  EXPECT_EQ(level(r, "recording-consent"), "yellow") << "recordingService on, no consent dialog";
  ASSERT_NE(host(r, "www.youtube.com"), nullptr);
  EXPECT_TRUE(host(r, "www.youtube.com")->link_only) << "liveStreaming.termsLink is a link";
  EXPECT_TRUE(has_location(r, "docker.example.test"));
  EXPECT_TRUE(noted(r, "config.stunServers: expression not evaluated"));
  // The operator's appended override wins.
  bool display_name_true = false;
  for (const auto& o : r.observations) display_name_true |= o.setting == "requireDisplayName" && o.value == "true";
  EXPECT_TRUE(display_name_true);
}

TEST(Probe, MeetJitSiLikeProductionWithRegionHeaders) {
  Probe p({"meet.example-prod.test"});
  const std::vector<std::pair<std::string, std::string>> headers = {{"X-Jitsi-Region", "eu-central-1"},
                                                                    {"X-Jitsi-Shard", "meet-jit-si-eu-central-1b-s1"},
                                                                    {"X-Jitsi-Release", "2846"}};
  p.server.route("/", 200, "<html><head><title>Jitsi Meet</title></head></html>", headers);
  p.server.route("/config.js", 200, fixture("meet-jit-si.js"), headers);
  ProbeReport r = p.run("meet.example-prod.test");
  EXPECT_EQ(r.platform, Platform::jitsi_meet);
  EXPECT_EQ(r.version, "release 2846");
  bool region_header = false;
  for (const auto& [n, v] : r.region_headers) region_header |= n == "x-jitsi-region" && v == "eu-central-1";
  EXPECT_TRUE(region_header);
  EXPECT_EQ(level(r, "server-location"), "green");
  EXPECT_NE(suggestion(r, "server-location")->summary.find("DE"), std::string::npos);
  for (const char* h : {"api.amplitude.com", "rtcstats-server.jitsi.net", "api.callstats.io", "accounts.google.com",
                        "login.microsoftonline.com", "api.jitsi.net"}) {
    ASSERT_NE(host(r, h), nullptr) << h;
    EXPECT_FALSE(host(r, h)->link_only) << h;
  }
  EXPECT_TRUE(host(r, "handbook.example-docs.test")->link_only);
  EXPECT_EQ(level(r, "metadata"), "red");
  EXPECT_EQ(level(r, "recording-consent"), "yellow");
  EXPECT_TRUE(has_location(r, "meet.example-prod.test"));
  EXPECT_TRUE(noted(r, "deploymentInfo.crossRegion: expression not evaluated"));
  // Exodus signatures matched and are credited.
  EXPECT_FALSE(host(r, "api.amplitude.com")->exodus.empty());
  ASSERT_FALSE(r.attributions.empty());
  EXPECT_NE(r.attributions.front().find("Exodus Privacy"), std::string::npos);
}

TEST(Probe, HardenedJitsi) {
  Probe p({"meet.school.example"});
  p.server.route("/", 200, "<html></html>", {{"Content-Type", "text/html"}});
  p.server.route("/config.js", 200, fixture("jitsi-hardened.js"));
  p.server.route("/interface_config.js", 200, "var interfaceConfig = { PROVIDER_NAME: 'Example School', };");
  ProbeReport r = p.run("meet.school.example");
  EXPECT_EQ(level(r, "metadata"), "green") << "every host is the school's own";
  EXPECT_EQ(host(r, "www.google-analytics.com"), nullptr) << "analytics are disabled";
  EXPECT_EQ(host(r, "www.gravatar.com"), nullptr);
  EXPECT_EQ(level(r, "recording-consent"), "green");
  EXPECT_EQ(level(r, "anonymous"), "green");
  EXPECT_EQ(r.privacy_url, "https://www.school.example/datenschutz");
  EXPECT_EQ(level(r, "transparency"), "");
  bool provider = false;
  for (const auto& o : r.observations)
    provider |= o.setting == "interfaceConfig.PROVIDER_NAME" && o.value == "Example School";
  EXPECT_TRUE(provider);
  const Suggestion* metadata = suggestion(r, "metadata");
  ASSERT_NE(metadata, nullptr);
  EXPECT_NE(std::find(metadata->caveats.begin(), metadata->caveats.end(), k_caveat_absence), metadata->caveats.end());
}

TEST(Probe, MalformedJavaScriptKeepsWhatWasReadAndSaysSo) {
  Probe p({"broken.example.test"});
  p.server.route("/", 200, "<html></html>");
  p.server.route("/config.js", 200, fixture("jitsi-malformed.js"));
  ProbeReport r = p.run("broken.example.test");
  EXPECT_EQ(r.platform, Platform::jitsi_meet);
  EXPECT_EQ(level(r, "e2e"), "red") << "e2ee.disabled was read before the error";
  EXPECT_TRUE(noted(r, "unterminated string"));
  EXPECT_TRUE(noted(r, "could not be read to the end"));
  EXPECT_TRUE(noted(r, "config.weird"));
}

TEST(Probe, OpenTalk) {
  Probe p({"meet.opentalk.example.test"});
  p.server.route("/", 200, "<html></html>");
  p.server.route("/config.js", 200, fixture("opentalk-config.js"));
  p.server.route("/.well-known/opentalk/client", 200, fixture("opentalk-well-known.json"));
  ProbeReport r = p.run("meet.opentalk.example.test");
  EXPECT_EQ(r.platform, Platform::opentalk);
  EXPECT_EQ(r.version, "v2.3.0");
  EXPECT_EQ(level(r, "e2e"), "red");
  EXPECT_EQ(level(r, "open-source"), "green");
  EXPECT_TRUE(has_location(r, "controller.opentalk.example.test"));
  EXPECT_TRUE(has_location(r, "accounts.opentalk.example.test"));
  ASSERT_NE(host(r, "errors.glitchtip-hosted.test"), nullptr);
  EXPECT_EQ(host(r, "errors.glitchtip-hosted.test")->kind, "error reporting");
  EXPECT_EQ(level(r, "metadata"), "red");
  EXPECT_EQ(r.imprint_url, "https://www.opentalk.example.test/impressum");
  EXPECT_EQ(r.privacy_url, "https://www.opentalk.example.test/datenschutz");
}

TEST(Probe, NextcloudTalk) {
  Probe p({"cloud.school.example"});
  p.server.route("/", 302, "", {{"Location", "/login"}});
  p.server.route("/login", 200, fixture("nextcloud-login.html"), {{"Content-Type", "text/html"}});
  p.server.route("/status.php", 200, fixture("nextcloud-status.json"));
  p.server.route("/ocs/v2.php/cloud/capabilities", 200, fixture("nextcloud-capabilities.json"));
  ProbeReport r = p.run("cloud.school.example");
  EXPECT_EQ(r.platform, Platform::nextcloud_talk);
  EXPECT_EQ(r.version, "Nextcloud 30.0.2, Talk 20.1.0");
  EXPECT_EQ(level(r, "recording-consent"), "green") << "recording-consent 1";
  EXPECT_EQ(level(r, "e2e"), "red") << "HPB without E2EE";
  EXPECT_EQ(level(r, "anonymous"), "green");
  EXPECT_EQ(r.privacy_url, "https://www.school.example/datenschutz");
  EXPECT_EQ(r.imprint_url, "https://www.school.example/impressum");
  bool ocs_header = false;
  for (const auto& q : p.server.requests())
    ocs_header |= q.target.rfind("/ocs/", 0) == 0 && q.header("ocs-apirequest") == "true";
  EXPECT_TRUE(ocs_header);
}

TEST(Probe, BigBlueButtonWithGreenlight) {
  Probe p({"bbb.example.test"});
  p.server.route("/", 200, "<html><title>Greenlight</title></html>");
  p.server.route("/bigbluebutton/api", 200, fixture("bbb-api.xml"), {{"Content-Type", "text/xml"}});
  p.server.route("/api/v1/env.json", 200, fixture("greenlight-env.json"));
  p.server.route("/api/v1/site_settings.json", 200, fixture("greenlight-site-settings.json"));
  p.server.route("/api/v1/rooms_configurations/record.json", 200, R"({"data":"default_enabled","errors":[]})");
  p.server.route("/api/v1/rooms_configurations/glRequireAuthentication.json", 200,
                 R"({"data":"optional","errors":[]})");
  p.server.route("/api/v1/rooms_configurations/guestPolicy.json", 200, R"({"data":"optional","errors":[]})");
  ProbeReport r = p.run("bbb.example.test");
  EXPECT_EQ(r.platform, Platform::bigbluebutton);
  EXPECT_EQ(r.version, "API 2.0, Greenlight v3.4.1");
  EXPECT_EQ(level(r, "e2e"), "red");
  EXPECT_EQ(level(r, "recording-consent"), "yellow");
  EXPECT_EQ(level(r, "anonymous"), "green");
  ASSERT_NE(host(r, "hcaptcha.com"), nullptr);
  EXPECT_EQ(level(r, "metadata"), "yellow") << "a captcha is a third party, not analytics";
  EXPECT_EQ(r.privacy_url, "https://bbb.example.test/datenschutz.html");
  EXPECT_TRUE(has_location(r, "bbb.example.test"));
}

TEST(Probe, UnknownPlatformIsReportedNotGuessed) {
  Probe p({"www.example.test"});
  p.server.route("/", 200, "<html><body>Hello</body></html>", {{"Content-Type", "text/html"}});
  ProbeReport r = p.run("www.example.test");
  EXPECT_EQ(r.platform, Platform::unknown);
  EXPECT_TRUE(noted(r, "platform not recognised"));
  EXPECT_EQ(suggestion(r, "open-source"), nullptr);
  EXPECT_EQ(level(r, "transparency"), "red");
}

TEST(Probe, HostileDocumentsDoNotStopTheProbe) {
  Probe p({"hostile.example.test"});
  p.server.route("/", 200, "<html></html>");
  FixtureResponse huge;
  huge.body = std::string(1 << 20, ' ');
  huge.repeat_body = 4;
  p.server.route("/config.js", huge);
  p.server.route("/status.php", 302, "", {{"Location", "/status.php"}});
  p.server.fallback([](const std::string& target) -> std::optional<FixtureResponse> {
    if (target.rfind("/bigbluebutton", 0) != 0) return std::nullopt;
    FixtureResponse r;
    r.status = 302;
    r.headers = {{"Location", target + "/again"}};
    return r;
  });
  ProbeReport r = p.run("hostile.example.test");
  EXPECT_EQ(r.platform, Platform::unknown);
  auto error_of = [&](const std::string& purpose) {
    for (const auto& d : r.documents)
      if (d.purpose == purpose) return d.error;
    return std::string("(not fetched)");
  };
  EXPECT_NE(error_of("config.js").find("larger than"), std::string::npos) << error_of("config.js");
  EXPECT_NE(error_of("Nextcloud status.php").find("redirect loop"), std::string::npos);
  EXPECT_NE(error_of("BigBlueButton API root").find("more than 5 redirects"), std::string::npos);
}

TEST(Probe, SlowStartPageFailsWithATimeOut) {
  Probe p({"slow.example.test"});
  FixtureResponse slow;
  slow.body = std::string(200, 'x');
  slow.drip = std::chrono::milliseconds(20);
  p.server.route("/", slow);
  p.options.http.limits.request_timeout = std::chrono::milliseconds(200);
  auto r = probe_instance(p.url("slow.example.test"), p.options);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("time-out"), std::string::npos) << r.error().message;
}

TEST(Probe, RequestBudgetIsRespected) {
  Probe p({"meet.example.test"});
  p.server.route("/", 200, "<html></html>");
  p.server.route("/config.js", 200, fixture("jitsi-object.js"));
  p.options.max_requests = 2;
  ProbeReport r = p.run("meet.example.test");
  EXPECT_EQ(p.server.requests().size(), 2u);
  EXPECT_EQ(r.platform, Platform::jitsi_meet);
}

TEST(Probe, EvidenceCarriesTheDocumentHashAndLine) {
  Probe p({"meet.school.example"});
  const std::string config = fixture("jitsi-hardened.js");
  p.server.route("/", 200, "<html></html>");
  p.server.route("/config.js", 200, config);
  ProbeReport r = p.run("meet.school.example");
  const Suggestion* rec = suggestion(r, "recording-consent");
  ASSERT_NE(rec, nullptr);
  bool found = false;
  for (const auto& e : rec->evidence) {
    if (e.text != "recordings.requireConsent = true") continue;
    found = true;
    EXPECT_EQ(e.content_sha256, sha256_hex(config));
    EXPECT_EQ(e.line, 34u);
    EXPECT_EQ(e.url, p.url("meet.school.example") + "config.js");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(rec->variant, "meet.school.example");
  EXPECT_EQ(rec->service, "jitsi-meet");
  EXPECT_EQ(rec->id.size(), 16u);
  const auto json = to_json(r);
  EXPECT_EQ(json["platform"]["id"], "jitsi-meet");
  EXPECT_FALSE(json["suggestions"].empty());
  const std::string text = render_text(r);
  EXPECT_NE(text.find("Presence is not proof"), std::string::npos);
  EXPECT_NE(text.find("not ratings"), std::string::npos);
}

TEST(Probe, RejectsBadUrls) {
  ProbeOptions o;
  for (const char* url : {"", "ftp://x.example/", "http://user:pw@x.example/", "http://x.example:99999/"}) {
    auto r = probe_instance(url, o);
    EXPECT_FALSE(r) << url;
  }
}

}  // namespace
}  // namespace privascore::assist
