// Reading a BigBlueButton instance: the API root (the only call without a
// checksum) and, when present, Greenlight v3's public JSON API (env.json,
// site settings, instance-wide room policies).

#include <nlohmann/json.hpp>
#include <string>

#include "assist/probe_context.h"

namespace privascore::assist {

using nlohmann::json;

namespace {

std::string xml_value(const std::string& xml, const std::string& tag) {
  const std::string open = "<" + tag + ">";
  std::size_t start = xml.find(open);
  if (start == std::string::npos) return {};
  start += open.size();
  std::size_t end = xml.find("</" + tag + ">", start);
  if (end == std::string::npos || end - start > 512) return {};
  std::string value = xml.substr(start, end - start);
  if (value.rfind("<![CDATA[", 0) == 0 && value.size() >= 12) value = value.substr(9, value.size() - 12);
  return value;
}

// The `data` member of a Greenlight answer, or nullptr.
const json* greenlight_data(const HttpResponse* doc, json& storage) {
  if (!doc || doc->status != 200) return nullptr;
  storage = json::parse(doc->body, nullptr, false);
  if (!storage.is_object() || !storage.contains("data")) return nullptr;
  return &storage["data"];
}

}  // namespace

void read_bigbluebutton(ProbeContext& ctx, const HttpResponse* api, const HttpResponse* env_doc) {
  ProbeReport& report = ctx.report();
  if (api) {
    const std::string version = xml_value(api->body, "version");
    const std::string bbb = xml_value(api->body, "bbbVersion");
    report.version = bbb.empty() ? "API " + version : "BigBlueButton " + bbb;
    ctx.observe("platform", "bigbluebutton/api version", version, "API version", api);
    for (const char* tag : {"graphqlWebsocketUrl", "graphqlApiUrl"}) {
      const std::string url = xml_value(api->body, tag);
      if (url.empty()) continue;
      ctx.observe("server-location", std::string("bigbluebutton/api ") + tag, url, "client API endpoint", api);
      if (auto u = parse_url(url)) ctx.location_host(u->host);
    }
  }
  ctx.observe("e2e", "platform", "BigBlueButton", "no end-to-end encryption exists in BigBlueButton's configuration",
              api ? api : env_doc);
  ctx.suggest("bbb.e2e.none", "e2e", "red", Confidence::medium,
              "BigBlueButton has no end-to-end encryption: audio, video and chat pass the server, which can read "
              "them.");

  json env_storage;
  const json* env = greenlight_data(env_doc, env_storage);
  if (!env || !env->is_object()) {
    ctx.note(
        "no Greenlight front end found: recording and guest policies are server settings that need the API "
        "secret and are not visible");
    return;
  }
  report.platform_evidence += report.platform_evidence.empty() ? "Greenlight v3" : "; Greenlight v3";
  if (env->contains("VERSION_TAG"))
    report.version +=
        std::string(report.version.empty() ? "" : ", ") + "Greenlight " + value_text(&(*env)["VERSION_TAG"]);
  auto env_value = [&](const char* key) -> const json* { return env->contains(key) ? &(*env)[key] : nullptr; };
  const json* hcaptcha = env_value("HCAPTCHA_KEY");
  ctx.observe(
      "metadata", "env.json HCAPTCHA_KEY", value_text(hcaptcha),
      hcaptcha && hcaptcha->is_string() ? "hCaptcha (a third party) checks visitors on sign-up/sign-in" : "no hCaptcha",
      env_doc);
  if (hcaptcha && hcaptcha->is_string() && !hcaptcha->get<std::string>().empty())
    ctx.add_host("hcaptcha.com", "env.json HCAPTCHA_KEY", false);
  ctx.observe("anonymous", "env.json EXTERNAL_AUTH", value_text(env_value("EXTERNAL_AUTH")),
              "accounts come from an external identity provider (OpenID Connect)", env_doc);

  // Site settings: legal links and registration.
  json settings_storage;
  const HttpResponse* settings_doc = ctx.fetch(
      "api/v1/site_settings.json?names[]=Terms&names[]=PrivacyPolicy&names[]=HelpCenter&names[]=RegistrationMethod",
      "Greenlight site settings");
  if (const json* settings = greenlight_data(settings_doc, settings_storage); settings && settings->is_object()) {
    for (const char* key : {"PrivacyPolicy", "Terms", "HelpCenter"}) {
      if (!settings->contains(key)) continue;
      const std::string v = value_text(&(*settings)[key]);
      ctx.observe("transparency", std::string("site setting ") + key, v.empty() ? "(empty)" : v,
                  v.empty() ? "not configured" : "link shown by Greenlight", settings_doc);
      if (std::string(key) == "PrivacyPolicy" && !v.empty() && report.privacy_url.empty()) report.privacy_url = v;
    }
    if (settings->contains("RegistrationMethod"))
      ctx.observe("anonymous", "site setting RegistrationMethod", value_text(&(*settings)["RegistrationMethod"]),
                  "how accounts are created (open, invite, approval)", settings_doc);
  }

  // Instance-wide room policies: optional, true, false, default_enabled.
  auto policy = [&](const char* name, const char* feature, const char* meaning) -> std::string {
    json storage;
    const HttpResponse* doc = ctx.fetch(std::string("api/v1/rooms_configurations/") + name + ".json",
                                        std::string("Greenlight policy ") + name);
    const json* data = greenlight_data(doc, storage);
    if (!data) return {};
    const std::string value = value_text(data);
    ctx.observe(feature, std::string("room policy ") + name, value, meaning, doc);
    return value;
  };
  const std::string record = policy("record", "recording-consent",
                                    "optional = owner decides, true = forced on, false = forced off, default_enabled = "
                                    "on unless the owner switches it off");
  if (record == "false")
    ctx.suggest("greenlight.recording.off", "recording-consent", "green", Confidence::medium,
                "Recording is switched off for every room.");
  else if (!record.empty())
    ctx.suggest("greenlight.recording.possible", "recording-consent", "yellow", Confidence::low,
                "Rooms may record (policy `" + record +
                    "`); Greenlight asks people joining a recording room for consent, but BigBlueButton's server "
                    "defaults (recordFullDurationMedia, notifyRecordingIsOn) are not visible.");
  const std::string auth = policy("glRequireAuthentication", "anonymous", "whether joining a room needs a sign-in");
  if (auth == "true")
    ctx.suggest("greenlight.anonymous.sign-in", "anonymous", "red", Confidence::medium,
                "Every room requires participants to sign in.");
  else if (auth == "false" || auth == "optional")
    ctx.suggest("greenlight.anonymous.guests", "anonymous", "green", Confidence::medium,
                "Participants can join rooms without an account" +
                    std::string(auth == "optional" ? " unless a room owner requires a sign-in." : "."));
  else if (auth == "default_enabled")
    ctx.suggest("greenlight.anonymous.sign-in-default", "anonymous", "yellow", Confidence::low,
                "Rooms require a sign-in unless their owner switches it off.");
  policy("guestPolicy", "anonymous", "whether guests wait for a moderator");
}

}  // namespace privascore::assist
