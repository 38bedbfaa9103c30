// Reading a Jitsi Meet instance: config.js (object or statement layout),
// interface_config.js and the X-Jitsi-* headers, as documented for the
// upstream, Debian, docker-jitsi-meet and meet.jit.si deployments.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "assist/host_catalog.h"
#include "assist/probe_context.h"

namespace privascore::assist {

using nlohmann::json;

namespace {

// Keys whose URLs a person clicks (legal pages, app stores, help), as
// opposed to endpoints the browser contacts by itself.
bool jitsi_link_key(std::string_view path) {
  for (std::string_view part :
       {"legalUrls", "deploymentUrls", "deeplinking", "termsLink", "dataPrivacyLink", "consentLearnMoreLink",
        "chromeExtensionBanner", "helpCentre", "SUPPORT_URL", "WATERMARK_LINK", "MOBILE_DOWNLOAD", "APP_SCHEME",
        "liveStreaming.helpLink", "userDocumentationURL", "downloadAppsUrl", "noticeMessage", "clientNode"})
    if (path.find(part) != std::string_view::npos) return true;
  return false;
}

// Keys that hold signalling endpoints of the instance (HTTP or WebSocket
// URLs browsers open).
bool location_key(std::string_view path) {
  return path == "config.bosh" || path == "config.websocket" || path == "config.websocketKeepAliveUrl" ||
         path == "config.conferenceRequestUrl";
}

// `hosts.*` are XMPP domains (domain, muc, focus, anonymousdomain, bridge):
// names inside the XMPP server, not hosts a browser contacts or that can be
// located.
bool xmpp_key(std::string_view path) {
  return path.rfind("config.hosts.", 0) == 0 || path == "config.hosts" || path == "config.focusUserJid" ||
         path == "config.hiddenDomain";
}

bool contains_ci(std::string_view text, std::string_view word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != text.end();
}

// Whether the file comes from a release with end-to-end encryption (spring
// 2020 on): it sets or documents an E2EE option, or it has keys only releases
// after that have.
std::string e2ee_release_sign(const JsDocument& js, std::string_view source) {
  for (const char* path : {"config.e2ee", "config.testing.disableE2EE", "config.enableEncodedTransformSupport"})
    if (js.find(path) || js.expressions.count(path)) return std::string(path + 7) + " is set";
  if (contains_ci(source, "e2ee")) return "the file documents the E2EE options of its release";
  for (const char* path : {"config.prejoinConfig", "config.localRecording.disable", "config.flags",
                           "config.welcomePage", "config.breakoutRooms", "config.toolbarButtons", "config.recordings"})
    if (js.find(path)) return std::string(path + 7) + " is set (a key of releases with E2EE)";
  return {};
}

}  // namespace

void read_jitsi(ProbeContext& ctx, const HttpResponse& doc, const JsDocument& js, std::string_view source) {
  ProbeReport& report = ctx.report();
  auto get = [&](const std::string& path) { return js.find("config." + path); };
  const HttpResponse* d = &doc;

  // Version and deployment.
  if (const json* release = get("deploymentInfo.releaseNumber")) report.version = "release " + value_text(release);
  for (const auto& [name, value] : doc.headers) {
    if (name == "x-jitsi-release" && report.version.empty()) report.version = "release " + value;
    if (name == "x-jitsi-region" || name == "x-jitsi-shard") {
      bool known = std::any_of(report.region_headers.begin(), report.region_headers.end(),
                               [&](const auto& h) { return h.first == name; });
      if (!known) report.region_headers.emplace_back(name, value);
      if (name == "x-jitsi-region" && !known)
        ctx.observe("server-location", "header x-jitsi-region", value, "cloud region of the shard that answered", d);
    }
  }

  // Server location: the instance's signalling endpoints and the region it reports.
  for (const char* path : {"bosh", "websocket"}) {
    if (auto host = host_in(string_value(get(path)))) {
      ctx.observe("server-location", path, value_text(get(path)), "signalling endpoint of the instance", d,
                  js.line_of(std::string("config.") + path));
      ctx.location_host(*host);
    }
  }
  if (const json* xmpp = get("hosts.domain"))
    ctx.observe("server-location", "hosts.domain", value_text(xmpp),
                "XMPP domain: a name inside the XMPP server, not a host browsers contact", d,
                js.line_of("config.hosts.domain"));
  ctx.observe_js(js, "server-location", "deploymentInfo.region", "region the deployment reports for itself", "", d);
  ctx.observe_js(js, "server-location", "deploymentInfo.userRegion", "region of the visitor as seen by the server", "",
                 d);
  ctx.observe_js(js, "server-location", "deploymentInfo.shard", "shard (server group) that served the file", "", d);

  // End-to-end encryption.
  const std::string e2ee_sign = e2ee_release_sign(js, source);
  const json* e2ee_disabled = ctx.observe_switch(
      js, "e2e", "e2ee.disabled", "end-to-end encryption switched off", "end-to-end encryption not switched off",
      e2ee_sign.empty() ? "" : "not disabled (default): E2EE is offered where the browser supports it", d);
  const json* testing_disabled =
      ctx.observe_switch(js, "e2e", "testing.disableE2EE", "older switch: end-to-end encryption switched off",
                         "older switch: end-to-end encryption not switched off", "", d);
  ctx.observe_switch(js, "e2e", "enableEncodedTransformSupport", "E2EE also in browsers with the encoded-transform API",
                     "E2EE only in browsers with insertable streams", "", d);
  ctx.observe("e2e", "release with E2EE", e2ee_sign.empty() ? "no sign" : "yes",
              e2ee_sign.empty() ? "config.js neither sets nor documents end-to-end encryption; releases before 2020 "
                                  "had none, and a trimmed file does not say"
                                : e2ee_sign,
              d);
  if (is_true(e2ee_disabled) || is_true(testing_disabled))
    ctx.suggest("jitsi.e2e.disabled", "e2e", "red", Confidence::medium,
                "End-to-end encryption is switched off in the instance's configuration.");
  else if (!e2ee_sign.empty())
    ctx.suggest("jitsi.e2e.available", "e2e", "yellow", Confidence::medium,
                "End-to-end encryption is available but off by default: participants switch it on per meeting, and "
                "only browsers with insertable streams support it; otherwise media are encrypted hop by hop.");
  else
    ctx.suggest("jitsi.e2e.release-unknown", "e2e", "", Confidence::low,
                "The configuration does not show whether this release has end-to-end encryption (Jitsi Meet has it "
                "since 2020); check the version the instance runs.",
                {}, true);

  // Recording and its consent.
  const char* rec = "recording-consent";
  const json* file_rec = ctx.observe_switch(js, rec, "fileRecordingsEnabled", "server recording (Jibri) switched on",
                                            "server recording (Jibri) switched off", "", d);
  const json* rec_service = ctx.observe_switch(js, rec, "recordingService.enabled", "server recording (Jibri) on",
                                               "server recording (Jibri) off", "", d);
  const json* streaming_old = ctx.observe_switch(js, rec, "liveStreamingEnabled", "live streaming switched on",
                                                 "live streaming switched off", "", d);
  const json* streaming = ctx.observe_switch(js, rec, "liveStreaming.enabled", "live streaming (e.g. YouTube) on",
                                             "live streaming off", "", d);
  const json* dropbox = ctx.observe_js(js, rec, "dropbox.appKey", "recordings to Dropbox", "", d);
  // The browser-side local recording of 2022 on is available unless
  // switched off; the release documents it (disable, notifyAllParticipants).
  const bool new_local_release = js.find("config.localRecording.disable") ||
                                 source.find("disableSelfRecording") != std::string_view::npos ||
                                 source.find("notifyAllParticipants") != std::string_view::npos;
  const json* local_disable =
      ctx.observe_switch(js, rec, "localRecording.disable", "local (browser) recording switched off",
                         "local (browser) recording available",
                         new_local_release ? "not set: local (browser) recording is available by default in this "
                                             "release"
                                           : "",
                         d);
  const json* local_enabled = ctx.observe_switch(js, rec, "localRecording.enabled", "local recording (older) on",
                                                 "local recording (older) off", "", d);
  ctx.observe_switch(js, rec, "localRecording.notifyAllParticipants", "everyone is told when someone records locally",
                     "others are not told when someone records locally", "", d);
  const json* consent = ctx.observe_switch(js, rec, "recordings.requireConsent",
                                           "participants must confirm before a recording includes them",
                                           "no consent dialog", "no consent dialog configured", d);
  ctx.observe_switch(js, rec, "recordings.skipConsentInMeeting", "consent dialog skipped in the meeting",
                     "consent dialog shown in the meeting", "", d);
  ctx.observe_switch(js, rec, "transcription.enabled", "transcription on", "transcription off", "", d);
  ctx.observe_switch(js, rec, "hideRecordingLabel", "the recording label is hidden", "the recording label is shown", "",
                     d);
  const bool server_recording = is_true(file_rec) || is_true(rec_service) || is_true(streaming_old) ||
                                is_true(streaming) || !string_value(dropbox).empty();
  const bool local_recording = is_true(local_enabled) || (local_disable ? !is_true(local_disable) : new_local_release);
  if ((server_recording || local_recording) && is_true(consent))
    suggest_recording(ctx, "jitsi", RecordingState::with_consent, "recordings.requireConsent is on", false);
  else if (server_recording)
    suggest_recording(ctx, "jitsi", RecordingState::without_consent,
                      "server recording or streaming is on and recordings.requireConsent is not", false);
  else if (local_recording)
    suggest_recording(ctx, "jitsi", RecordingState::without_consent,
                      "local (browser) recording is available to moderators and nobody is asked", false);
  else
    suggest_recording(ctx, "jitsi", RecordingState::none,
                      "no server recording, streaming or local recording is switched on in the configuration", true);

  // Metadata: analytics and other services, as settings and as hosts.
  const json* analytics_disabled = ctx.observe_switch(
      js, "metadata", "analytics.disabled", "all analytics switched off", "analytics not switched off", "", d);
  const json* no_third = ctx.observe_switch(js, "metadata", "disableThirdPartyRequests",
                                            "no other server is contacted (avatars generated locally)",
                                            "third-party requests allowed", "", d);
  struct Implied {
    const char* path;
    const char* host;
    const char* meaning;
  };
  const bool analytics_on = !is_true(analytics_disabled);
  for (const Implied& i :
       {Implied{"analytics.googleAnalyticsTrackingId", "www.google-analytics.com", "Google Analytics"},
        Implied{"analytics.amplitudeAPPKey", "api.amplitude.com", "Amplitude analytics"},
        Implied{"callStatsID", "api.callstats.io", "callstats.io call statistics"}}) {
    const json* v = ctx.observe_js(js, "metadata", i.path, i.meaning, "", d);
    if (!string_value(v).empty() && (analytics_on || std::string_view(i.path) == "callStatsID") && !is_true(no_third))
      ctx.add_host(i.host, i.path, false);
  }
  for (const char* path :
       {"analytics.matomoEndpoint", "analytics.scriptURLs", "analytics.rtcstatsEnabled", "analytics.rtcstatsEndpoint",
        "analytics.watchRTCEnabled", "enableDisplayNameInStats", "enableEmailInStats", "giphy.enabled",
        "googleApiApplicationClientID", "microsoftApiApplicationClientID", "enableCalendarIntegration",
        "p2p.stunServers", "gravatar.disabled", "gravatar.baseUrl", "gravatarBaseURL", "whiteboard.enabled"})
    ctx.observe_js(js, "metadata", path, "", "", d);
  if (analytics_on && !is_true(no_third)) {
    if (!string_value(get("googleApiApplicationClientID")).empty())
      ctx.add_host("accounts.google.com", "googleApiApplicationClientID", false);
    if (!string_value(get("microsoftApiApplicationClientID")).empty())
      ctx.add_host("login.microsoftonline.com", "microsoftApiApplicationClientID", false);
  }
  if (is_true(get("giphy.enabled"))) ctx.add_host("api.giphy.com", "giphy.enabled", false);
  // Avatars: Gravatar is the default of newer releases unless switched off.
  const bool gravatar_off = is_true(get("gravatar.disabled")) || is_true(no_third);
  if (!gravatar_off && !get("gravatar.baseUrl") && !get("gravatarBaseURL"))
    ctx.add_host("www.gravatar.com",
                 "gravatar (default avatar service of newer releases, for users who enter an "
                 "e-mail address)",
                 false);
  // Every host in the configuration, except those of disabled analytics.
  if (const json* config = js.find("config")) {
    json copy = *config;
    if (!analytics_on && copy.contains("analytics")) copy.erase("analytics");
    if (gravatar_off) {
      copy.erase("gravatar");
      copy.erase("gravatarBaseURL");
    }
    ctx.hosts_in_json(copy, "config", jitsi_link_key, xmpp_key);
    for (auto it = copy.begin(); it != copy.end(); ++it) {
      if (!location_key("config." + it.key())) continue;
      if (it->is_string()) {
        if (auto host = host_in(it->get<std::string>(), true)) ctx.location_host(*host);
      } else if (it->is_object()) {
        for (auto h = it->begin(); h != it->end(); ++h)
          if (h->is_string())
            if (auto host = host_in(h->get<std::string>(), true)) ctx.location_host(*host);
      }
    }
  }

  // Transparency.
  if (const json* privacy =
          ctx.observe_js(js, "transparency", "legalUrls.privacy", "privacy policy link in the app", "", d);
      privacy && report.privacy_url.empty())
    report.privacy_url = string_value(privacy);
  ctx.observe_js(js, "transparency", "legalUrls.terms", "terms link in the app", "", d);
  ctx.observe_js(js, "transparency", "legalUrls.helpCentre", "help centre link in the app", "", d);
  if (const HttpResponse* iface = ctx.fetch("interface_config.js", "interface_config.js");
      iface && iface->status == 200) {
    JsDocument ui = read_js_config(iface->body);
    for (const char* key : {"PROVIDER_NAME", "SUPPORT_URL"}) {
      const json* v = ui.find(std::string("interfaceConfig.") + key);
      if (v)
        ctx.observe("transparency", std::string("interfaceConfig.") + key, value_text(v),
                    std::string(key) == "PROVIDER_NAME" ? "operator name shown in the app" : "support link", iface,
                    ui.line_of(std::string("interfaceConfig.") + key));
    }
    if (const json* ui_config = ui.find("interfaceConfig"))
      ctx.hosts_in_json(*ui_config, "interfaceConfig", jitsi_link_key, xmpp_key);
  }

  // Anonymous participation.
  const json* anonymous = ctx.observe_js(
      js, "anonymous", "hosts.anonymousdomain", "secure domain: creating a room needs a login, guests join without one",
      "no guest domain: without token authentication anyone may create and join rooms without an account", d);
  const json* token =
      ctx.observe_js(js, "anonymous", "tokenAuthUrl", "login (JWT/SSO) through an external page", "", d);
  ctx.observe_switch(js, "anonymous", "requireDisplayName", "a display name (any name) must be entered",
                     "no display name required", "", d);
  ctx.observe_switch(js, "anonymous", "prejoinConfig.enabled", "pre-join screen with a name field",
                     "no pre-join screen", "", d);
  if (!string_value(token).empty() && !anonymous)
    ctx.suggest("jitsi.anonymous.token-only", "anonymous", "red", Confidence::low,
                "Token authentication without a guest domain: participants appear to need a login to join.");
  else if (anonymous)
    ctx.suggest("jitsi.anonymous.guest-domain", "anonymous", "green", Confidence::medium,
                "Guests join without an account; only creating a room needs a login.");
  else
    ctx.suggest("jitsi.anonymous.open", "anonymous", "green", Confidence::medium,
                "Anyone can create and join meetings without an account (no guest domain, no token "
                "authentication configured).",
                {}, true);
}

}  // namespace privascore::assist
