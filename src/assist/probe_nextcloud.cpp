// Reading a Nextcloud Talk instance: status.php, the public OCS capabilities
// (capabilities.spreed) and the login page's footer links.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "assist/html_scan.h"
#include "assist/probe_context.h"

namespace privascore::assist {

using nlohmann::json;

namespace {

const json* at(const json& root, std::initializer_list<const char*> path) {
  const json* node = &root;
  for (const char* key : path) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

}  // namespace

void read_nextcloud(ProbeContext& ctx, const HttpResponse& status_doc, const json& status) {
  ProbeReport& report = ctx.report();
  report.version = "Nextcloud " + value_text(at(status, {"versionstring"}));
  ctx.observe("platform", "status.php productname", value_text(at(status, {"productname"})), "", &status_doc);

  const HttpResponse* caps_doc =
      ctx.fetch("ocs/v2.php/cloud/capabilities?format=json", "Nextcloud capabilities", {{"OCS-APIRequest", "true"}});
  json caps;
  if (caps_doc && caps_doc->status == 200) caps = json::parse(caps_doc->body, nullptr, false);
  const json* capabilities = caps.is_object() ? at(caps, {"ocs", "data", "capabilities"}) : nullptr;
  const json* spreed = capabilities ? at(*capabilities, {"spreed"}) : nullptr;
  if (!spreed) {
    ctx.note("Nextcloud answers, but its public capabilities show no Talk (spreed) app; Talk may be disabled");
    report.platform_evidence += "; no Talk capability visible";
  } else {
    report.platform_evidence += "; public capabilities include Talk (spreed)";
    if (const json* v = at(*spreed, {"version"})) report.version += ", Talk " + value_text(v);
    const json* call = at(*spreed, {"config", "call"});
    std::vector<std::string> features;
    if (const json* f = at(*spreed, {"features"}); f && f->is_array())
      for (const auto& x : *f)
        if (x.is_string()) features.push_back(x.get<std::string>());
    auto has_feature = [&](const char* name) {
      return std::find(features.begin(), features.end(), name) != features.end();
    };
    auto observe_call = [&](const char* feature, const char* key, const char* meaning_true, const char* meaning_false,
                            const char* meaning_absent) {
      const json* v = call ? at(*call, {key}) : nullptr;
      const char* meaning = !v                ? meaning_absent
                            : v->is_boolean() ? (v->get<bool>() ? meaning_true : meaning_false)
                                              : meaning_true;
      ctx.observe(feature, std::string("spreed.config.call.") + key, value_text(v), meaning, caps_doc);
      return v;
    };
    // Recording: one rule for every platform (suggest_recording).
    const json* recording =
        observe_call("recording-consent", "recording", "server recording available", "no server recording",
                     "not published: this Talk version has no server recording");
    const json* consent = observe_call("recording-consent", "recording-consent",
                                       "0 = no consent, 1 = consent for every call, 2 = moderator decides", "",
                                       "not published: this Talk version has no recording consent");
    const int consent_value = consent && consent->is_number_integer() ? consent->get<int>() : -1;
    if (!is_true(recording))
      suggest_recording(
          ctx, "talk", RecordingState::none,
          recording ? "spreed.config.call.recording is false" : "this Talk version has no server recording", false);
    else if (consent_value == 1)
      suggest_recording(ctx, "talk", RecordingState::with_consent, "recording-consent 1: consent for every call",
                        false);
    else if (consent_value == 2)
      suggest_recording(ctx, "talk", RecordingState::consent_optional,
                        "recording-consent 2: moderators decide per conversation", false);
    else
      suggest_recording(ctx, "talk", RecordingState::without_consent,
                        consent ? "recording-consent 0" : "this Talk version has no recording consent", false);
    // End-to-end encryption. Only Talk 21 and later publish it, with the
    // feature call-end-to-end-encryption announcing external signalling.
    // hello-v2-token-key says nothing: Talk creates that key on demand, so
    // every server publishes one.
    const json* e2ee =
        observe_call("e2e", "end-to-end-encryption", "end-to-end encrypted calls switched on",
                     "end-to-end encryption of calls switched off", "not published: this Talk version does not say");
    // Server recording also needs external signalling (lib/Config.php isRecordingEnabled).
    const bool external = has_feature("call-end-to-end-encryption") || is_true(recording);
    ctx.observe("e2e", "spreed.features call-end-to-end-encryption",
                has_feature("call-end-to-end-encryption") ? "present" : "absent",
                external ? "external signalling (high-performance backend, SFU) in use"
                : e2ee   ? "no external signalling: calls are a peer-to-peer mesh"
                         : "not published by this Talk version",
                caps_doc);
    if (const json* key = at(*spreed, {"config", "signaling", "hello-v2-token-key"}))
      ctx.observe("e2e", "spreed.config.signaling.hello-v2-token-key", "present",
                  "Talk creates this key on demand: present on every server, with or without a backend", caps_doc);
    if (is_true(e2ee))
      ctx.suggest("talk.e2e.enabled", "e2e", "green", Confidence::medium,
                  "Calls are end-to-end encrypted on this instance.");
    else if (e2ee && e2ee->is_boolean() && external)
      ctx.suggest("talk.e2e.sfu-without-e2ee", "e2e", "red", Confidence::medium,
                  "Calls run through the high-performance backend (SFU) without end-to-end encryption.");
    else if (e2ee && e2ee->is_boolean())
      ctx.suggest("talk.e2e.mesh", "e2e", "yellow", Confidence::low,
                  "No high-performance backend: calls are a peer-to-peer mesh (DTLS-SRTP between browsers), "
                  "end to end between participants but without a separate E2EE layer; group calls are limited.");
    else
      ctx.suggest("talk.e2e.not-published", "e2e", "", Confidence::low,
                  "This Talk version does not publish whether calls go through a high-performance backend or are "
                  "end-to-end encrypted (Talk 21 and later do); ask the operator.",
                  {}, true);
    // Anonymous participation and retention.
    ctx.observe("anonymous", "spreed.features guest-signaling", has_feature("guest-signaling") ? "present" : "absent",
                "guests (without an account) can join public conversations", caps_doc);
    if (const json* force = at(*spreed, {"config", "conversations", "force-passwords"}))
      ctx.observe("anonymous", "spreed.config.conversations.force-passwords", value_text(force),
                  "public conversations need a password", caps_doc);
    if (has_feature("guest-signaling"))
      ctx.suggest("talk.anonymous.guests", "anonymous", "green", Confidence::low,
                  "Guests can join public conversations by link without an account.");
    for (const char* key : {"retention-event", "retention-phone", "retention-instant-meetings"})
      if (const json* v = at(*spreed, {"config", "conversations", key}))
        ctx.observe("transparency", std::string("spreed.config.conversations.") + key, value_text(v),
                    "days until such conversations are deleted", caps_doc);
    if (const json* tr = at(*spreed, {"config", "chat", "has-translation-providers"}); is_true(tr))
      ctx.observe("metadata", "spreed.config.chat.has-translation-providers", "true",
                  "chat translation providers configured (may be an external service)", caps_doc);
    ctx.note(
        "Nextcloud Talk: STUN/TURN servers are only given to participants of a conversation; the default STUN "
        "server stun.nextcloud.com is not visible here");
    ctx.observe("metadata", "STUN/TURN servers", "not public",
                "given only to participants of a conversation; the default is stun.nextcloud.com (Nextcloud GmbH)",
                caps_doc);
    ctx.suggest("talk.metadata.not-visible", "metadata", "", Confidence::low,
                "The hosts that matter for Talk (STUN/TURN, default stun.nextcloud.com; the signalling server) are "
                "only given to participants; the public documents cannot show them.",
                {}, true);
  }
  if (capabilities)
    if (const json* url = at(*capabilities, {"theming", "url"}); url && url->is_string())
      ctx.observe("transparency", "theming.url", value_text(url), "operator's web address", caps_doc);

  // The login page's footer holds the imprint and privacy links.
  if (const HttpResponse* login = ctx.fetch("login", "Nextcloud login page"); login && login->status == 200) {
    HtmlScan scan = scan_html(login->body);
    auto base = parse_url(login->url);
    for (const auto& link : scan.links) {
      LinkKind kind = classify_link(link);
      if (!base || (kind != LinkKind::privacy && kind != LinkKind::imprint)) continue;
      auto target = resolve_url(*base, link.href);
      if (!target) continue;
      std::string& slot = kind == LinkKind::privacy ? report.privacy_url : report.imprint_url;
      if (!slot.empty()) continue;
      slot = target->to_string();
      ctx.observe("transparency",
                  kind == LinkKind::privacy ? "link privacy policy (login page)" : "link imprint (login page)", slot,
                  "link text: " + link.text, login, link.line);
    }
    for (const auto& r : scan.resources)
      if (base)
        if (auto target = resolve_url(*base, r.url))
          ctx.add_host(target->host, "login page <" + r.tag + ">", !loaded_by_browser(r));
  }
}

}  // namespace privascore::assist
