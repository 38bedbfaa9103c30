// Reading an OpenTalk instance: the frontend's config.js (`window.config =
// {...}`, generated from environment variables at container start) and
// /.well-known/opentalk/client.
#include <nlohmann/json.hpp>
#include "assist/host_catalog.h"
#include "assist/probe_context.h"

namespace privascore::assist {

using nlohmann::json;

namespace {

bool opentalk_link_key(std::string_view path) {
  for (std::string_view part : {"imprintUrl", "dataProtectionUrl", "helpdeskUrl", "contactSupportUrl",
                                "accountManagementUrl", "badgeUrl", "changePassword", "signOutRedirectUri"})
    if (path.find(part) != std::string_view::npos) return true;
  return false;
}

}  // namespace

void read_opentalk(ProbeContext& ctx, const HttpResponse& doc, const JsDocument& js) {
  ProbeReport& report = ctx.report();
  auto get = [&](const std::string& path) { return js.find("config." + path); };
  const HttpResponse* d = &doc;
  if (const std::string v = string_value(get("version.product")); !v.empty()) report.version = v;

  // Server location: controller, identity provider.
  for (const char* path : {"controller", "oidcConfig.authority", "baseUrl"}) {
    const json* v = ctx.observe_js(js, "server-location", path,
                                   std::string(path) == "controller" ? "controller (API and signalling) host"
                                   : std::string(path) == "baseUrl"  ? "frontend address"
                                                                     : "login (OpenID Connect) provider",
                                   "", d);
    if (auto host = host_in(string_value(v), true)) ctx.location_host(*host);
  }
  if (const HttpResponse* wk = ctx.fetch(".well-known/opentalk/client", "OpenTalk well-known client");
      wk && wk->status == 200) {
    auto j = json::parse(wk->body, nullptr, false);
    if (j.is_object() && j.contains("opentalk_controller") && j["opentalk_controller"].is_object()) {
      const std::string url = j["opentalk_controller"].value("base_url", "");
      ctx.observe("server-location", "opentalk_controller.base_url", url, "controller base URL", wk);
      if (auto host = host_in(url)) ctx.location_host(*host);
    }
  }

  // End-to-end encryption: a frontend feature flag.
  const json* e2ee = ctx.observe_switch(
      js, "e2e", "features.e2eEncryption", "end-to-end encryption feature of the frontend switched on",
      "end-to-end encryption feature of the frontend switched off", "not set (default false)", d);
  ctx.observe_js(js, "e2e", "livekit.e2eeSalt", "salt for LiveKit E2EE keys", "", d);
  if (is_true(e2ee))
    ctx.suggest("opentalk.e2e.flag-on", "e2e", "green", Confidence::low,
                "The frontend's end-to-end encryption feature is switched on; whether the controller's E2EE module "
                "is enabled is not visible.");
  else
    ctx.suggest("opentalk.e2e.flag-off", "e2e", "red", Confidence::low,
                "The frontend's end-to-end encryption feature is off (default); media pass the server unencrypted "
                "end to end.",
                {}, !e2ee);

  // Metadata: avatars, error reporting, speed test, survey.
  for (const char* path : {"libravatarDefaultImage", "glitchtip.dsn", "speedTest.ndtServer", "userSurveyUrl"})
    ctx.observe_js(js, "metadata", path, "", "", d);
  if (!string_value(get("libravatarDefaultImage")).empty())
    ctx.add_host("seccdn.libravatar.org", "libravatarDefaultImage (avatars by e-mail hash)", false);
  if (auto host = host_in(string_value(get("glitchtip.dsn"))))
    ctx.add_host(*host, "config.glitchtip.dsn", false, "error reporting");
  if (auto host = host_in(string_value(get("speedTest.ndtServer")), true))
    ctx.add_host(*host, "config.speedTest.ndtServer", false, "speed test");
  if (const json* config = js.find("config")) ctx.hosts_in_json(*config, "config", opentalk_link_key);

  // Transparency.
  const json* imprint = ctx.observe_js(js, "transparency", "imprintUrl", "imprint link in the app", "", d);
  const json* privacy =
      ctx.observe_js(js, "transparency", "dataProtectionUrl", "privacy policy link in the app", "", d);
  if (!string_value(privacy).empty() && report.privacy_url.empty()) report.privacy_url = string_value(privacy);
  if (!string_value(imprint).empty() && report.imprint_url.empty()) report.imprint_url = string_value(imprint);

  // Anonymous participation.
  ctx.observe_switch(js, "anonymous", "disallowCustomDisplayName", "guests cannot choose their display name",
                     "guests choose their display name", "", d);
  ctx.observe_switch(js, "anonymous", "settings.waitingRoomDefaultValue", "waiting room on by default",
                     "waiting room off by default", "", d);
  ctx.note("OpenTalk: recording and guest access are controller settings, not visible in the public configuration");
}

}  // namespace privascore::assist
