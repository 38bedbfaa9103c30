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
  EXPECT_EQ(host(r, "www.youtube.com"), nullptr) << "liveStreaming is switched off: its links do not count";
  EXPECT_TRUE(noted(r, "liveStreaming is switched off"));
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
  // An unknown platform gets evidence only: no verdict, nothing for the queue.
  EXPECT_TRUE(r.suggestions.empty());
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

// Error classes found on the corpus of real configurations (tests/assist/real/).

const Suggestion* probe_jitsi_config(Probe& p, const std::string& host, const std::string& config, ProbeReport& r) {
  p.server.route("/", 200, "<html><body>Jitsi Meet</body></html>", {{"Content-Type", "text/html"}});
  p.server.route("/config.js", 200, config);
  r = p.run(host);
  return suggestion(r, "e2e");
}

bool observed(const ProbeReport& r, const std::string& setting, const std::string& meaning) {
  return std::any_of(r.observations.begin(), r.observations.end(),
                     [&](const ProbeObservation& o) { return o.setting == setting && o.meaning == meaning; });
}

std::string talk_capabilities(const std::string& call, const std::string& features) {
  return R"({"ocs":{"meta":{"status":"ok"},"data":{"capabilities":{"spreed":{"features":[)" + features +
         R"(],"config":{"call":)" + call +
         R"(,"signaling":{"hello-v2-token-key":"-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n"}},"version":"18.0.0"}}}}})";
}

ProbeReport probe_talk(const std::string& capabilities) {
  Probe p({"talk.example.test"});
  p.server.route("/", 200, "<html></html>", {{"Content-Type", "text/html"}});
  p.server.route("/status.php", 200, fixture("nextcloud-status.json"));
  p.server.route("/ocs/v2.php/cloud/capabilities", 200, capabilities);
  return p.run("talk.example.test");
}

TEST(ProbeErrorClass, TalkTokenKeyIsNotAHighPerformanceBackend) {
  // Talk creates hello-v2-token-key on demand: every server publishes it.
  ProbeReport r = probe_talk(talk_capabilities(R"({"recording":false,"recording-consent":0})", R"("guest-signaling")"));
  EXPECT_EQ(level(r, "e2e"), "") << "Talk 18 does not publish whether calls are end-to-end encrypted";
  ASSERT_NE(suggestion(r, "e2e"), nullptr);
  EXPECT_EQ(suggestion(r, "e2e")->rule, "talk.e2e.not-published");
}

TEST(ProbeErrorClass, TalkAnnouncesExternalSignallingAndE2ee) {
  ProbeReport sfu = probe_talk(talk_capabilities(R"({"recording":false,"end-to-end-encryption":false})",
                                                 R"("guest-signaling","call-end-to-end-encryption")"));
  EXPECT_EQ(level(sfu, "e2e"), "red");
  EXPECT_TRUE(observed(sfu, "spreed.config.call.end-to-end-encryption", "end-to-end encryption of calls switched off"))
      << "the explanation follows the value";
  ProbeReport mesh = probe_talk(talk_capabilities(R"({"recording":false,"end-to-end-encryption":false})", "\"audio\""));
  EXPECT_EQ(level(mesh, "e2e"), "yellow");
}

TEST(ProbeErrorClass, RecordingWithoutConsentIsOneRuleForEveryPlatform) {
  ProbeReport talk = probe_talk(talk_capabilities(R"({"recording":true,"recording-consent":0})", "\"audio\""));
  EXPECT_EQ(level(talk, "recording-consent"), "yellow");
  Probe p({"rec.example.test"});
  ProbeReport jitsi;
  probe_jitsi_config(p, "rec.example.test",
                     "var config = { hosts: { domain: 'rec.example.test' }, bosh: '//rec.example.test/http-bind',"
                     " recordingService: { enabled: true } };",
                     jitsi);
  EXPECT_EQ(level(jitsi, "recording-consent"), "yellow");
  ASSERT_NE(suggestion(talk, "recording-consent"), nullptr);
  ASSERT_NE(suggestion(jitsi, "recording-consent"), nullptr);
  EXPECT_EQ(suggestion(talk, "recording-consent")->rule, "talk.recording.no-consent");
  EXPECT_EQ(suggestion(jitsi, "recording-consent")->rule, "jitsi.recording.no-consent");
}

TEST(ProbeErrorClass, JitsiConfigurationInlinedInTheRoomPage) {
  Probe p({"inline.example.test"});
  p.server.route("/", 200,
                 "<html><head><script src=\"libs/app.bundle.min.js\"></script>\n<script>var config = {\n"
                 "  hosts: { domain: 'inline.example.test', muc: 'conference.inline.example.test' },\n"
                 "  bosh: '//inline.example.test/http-bind',\n  testing: { disableE2EE: false }\n};\n"
                 "</script></head><body></body></html>",
                 {{"Content-Type", "text/html"}});
  ProbeReport r = p.run("inline.example.test");
  EXPECT_EQ(r.platform, Platform::jitsi_meet) << "/config.js answers 404; the page carries the configuration";
  EXPECT_EQ(level(r, "e2e"), "yellow");
}

TEST(ProbeErrorClass, EsModuleConfigurations) {
  for (const char* config :
       {"export default {\n  hosts: { domain: 'es.example.test' },\n  bosh: '//es.example.test/http-bind'\n};\n",
        "const options = {\n  hosts: { domain: 'es.example.test' },\n  websocket: "
        "'wss://es.example.test/xmpp-websocket'\n};"
        "\nexport default options;\n"}) {
    Probe p({"es.example.test"});
    ProbeReport r;
    probe_jitsi_config(p, "es.example.test", config, r);
    EXPECT_EQ(r.platform, Platform::jitsi_meet) << config;
    EXPECT_TRUE(has_location(r, "es.example.test")) << config;
  }
}

TEST(ProbeErrorClass, UnrenderedPlaceholdersAreNotValues) {
  Probe p({"ot.example.test"});
  p.server.route("/", 200, "<html></html>", {{"Content-Type", "text/html"}});
  p.server.route("/config.js", 200,
                 "window.config = { controller: '${CONTROLLER_HOST}', dataProtectionUrl: '${DATA_PROTECTION_URL}',"
                 " imprintUrl: '${IMPRINT_URL}', version: { product: '${PRODUCT_VERSION}' },"
                 " glitchtip: { dsn: '${SENTRY_DSN}' }, oidcConfig: { authority: '${KEYCLOAK_HOST}' } };");
  ProbeReport r = p.run("ot.example.test");
  EXPECT_EQ(r.platform, Platform::opentalk);
  EXPECT_EQ(r.privacy_url, "");
  EXPECT_EQ(level(r, "transparency"), "red");
  EXPECT_EQ(r.version.find("${"), std::string::npos) << r.version;
  EXPECT_TRUE(observed(r, "dataProtectionUrl", "unrendered template placeholder: not configured"));
}

TEST(ProbeErrorClass, ReleasesBeforeE2eeAreNotToldItIsAvailable) {
  Probe p({"old.example.test"});
  ProbeReport r;
  const Suggestion* e2e =
      probe_jitsi_config(p, "old.example.test",
                         "var config = { hosts: { domain: 'old.example.test', muc: 'conference.old.example.test' },\n"
                         "  useNicks: false, bosh: '//old.example.test/http-bind', desktopSharing: 'ext' };",
                         r);
  ASSERT_NE(e2e, nullptr);
  EXPECT_EQ(e2e->level, "") << e2e->summary;
  EXPECT_FALSE(e2e->evidence.empty());
}

TEST(ProbeErrorClass, XmppDomainsAreNotHosts) {
  Probe p({"meet.example.test"});
  ProbeReport r;
  probe_jitsi_config(p, "meet.example.test",
                     "var config = { hosts: { domain: 'xmpp.other.test', muc: 'conference.other.test',"
                     " focus: 'focus.other.test', anonymousdomain: 'guest.other.test' },"
                     " bosh: '//meet.example.test/http-bind' };",
                     r);
  for (const char* name : {"xmpp.other.test", "conference.other.test", "focus.other.test", "guest.other.test"}) {
    EXPECT_EQ(host(r, name), nullptr) << name;
    EXPECT_FALSE(has_location(r, name)) << name;
  }
  EXPECT_TRUE(has_location(r, "meet.example.test"));
}

TEST(ProbeErrorClass, ExplanationsFollowTheValue) {
  Probe p({"meet.example.test"});
  ProbeReport r;
  probe_jitsi_config(p, "meet.example.test",
                     "var config = { hosts: { domain: 'meet.example.test' }, bosh: '//meet.example.test/http-bind',"
                     " requireDisplayName: false, localRecording: { disable: false } };",
                     r);
  EXPECT_TRUE(observed(r, "requireDisplayName", "no display name required"));
  EXPECT_TRUE(observed(r, "localRecording.disable", "local (browser) recording available"));
  EXPECT_EQ(level(r, "recording-consent"), "yellow") << "local recording available, nobody asked";
}

TEST(ProbeErrorClass, DisabledBlocksDoNotCount) {
  Probe p({"meet.example.test"});
  ProbeReport r;
  probe_jitsi_config(p, "meet.example.test",
                     "var config = { hosts: { domain: 'meet.example.test' }, bosh: '//meet.example.test/http-bind',"
                     " rttMonitor: { enabled: false, stunServers: { 'eu': 'all-eu-turn.jitsi.example:443' } },"
                     " disableThirdPartyRequests: true };",
                     r);
  EXPECT_EQ(host(r, "all-eu-turn.jitsi.example"), nullptr);
  EXPECT_TRUE(noted(r, "rttMonitor is switched off"));
}

TEST(ProbeErrorClass, RedSummaryNamesEveryTrackingHost) {
  Probe p({"meet.example.test"});
  ProbeReport r;
  probe_jitsi_config(p, "meet.example.test",
                     "var config = { hosts: { domain: 'meet.example.test' }, bosh: '//meet.example.test/http-bind',"
                     " callStatsID: '123', analytics: { amplitudeAPPKey: 'abc' } };",
                     r);
  const Suggestion* m = suggestion(r, "metadata");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->level, "red");
  EXPECT_NE(m->summary.find("api.callstats.io"), std::string::npos) << m->summary;
  EXPECT_NE(m->summary.find("api.amplitude.com"), std::string::npos) << m->summary;
}

TEST(ProbeErrorClass, KnownHostsGetNoExodusLabel) {
  Probe p({"meet.example.test"});
  ProbeReport r;
  probe_jitsi_config(p, "meet.example.test",
                     "var config = { hosts: { domain: 'meet.example.test' }, bosh: '//meet.example.test/http-bind',"
                     " googleApiApplicationClientID: 'x.apps.googleusercontent.com' };",
                     r);
  const ProbeHost* login = host(r, "accounts.google.com");
  ASSERT_NE(login, nullptr);
  for (const auto& o : r.observations)
    if (o.feature == "metadata" && o.value.rfind("accounts.google.com", 0) == 0)
      EXPECT_EQ(o.value.find("Exodus"), std::string::npos)
          << o.value << " (the built-in list knows it: " << login->kind << ")";
}

TEST(ProbeErrorClass, SuggestionsCarryTheirRuleAndItsMeasuredPrecision) {
  Probe p({"meet.example.test"});
  ProbeReport r;
  probe_jitsi_config(p, "meet.example.test",
                     "var config = { hosts: { domain: 'meet.example.test' }, bosh: '//meet.example.test/http-bind' };",
                     r);
  const Suggestion* os = suggestion(r, "open-source");
  ASSERT_NE(os, nullptr);
  EXPECT_EQ(os->rule, "common.open-source.platform");
  ASSERT_TRUE(os->rule_total.has_value()) << "the corpus exercises this rule (assist-data/probe-accuracy)";
  EXPECT_GT(*os->rule_total, 0);
  const nlohmann::json j = to_json(*os);
  EXPECT_EQ(j["rule"], "common.open-source.platform");
  EXPECT_EQ(j["rule_accuracy"]["total"], *os->rule_total);
  auto back = suggestion_from_json(j);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->rule_right, os->rule_right);
  EXPECT_NE(render_text(r).find("real configurations"), std::string::npos);
}

}  // namespace
}  // namespace privascore::assist
