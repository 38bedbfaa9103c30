#include "assist/probe.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

#include "assist/content_hash.h"
#include "assist/host_catalog.h"
#include "assist/html_scan.h"
#include "assist/jurisdiction.h"
#include "assist/probe_accuracy.h"
#include "assist/probe_context.h"
#include "util/text.h"

namespace privascore::assist {

using nlohmann::json;

std::string value_text(const json* value) {
  if (!value) return "absent";
  if (value->is_string()) return value->get<std::string>();
  return dump_json(*value);
}

bool is_true(const json* value) {
  return value && value->is_boolean() && value->get<bool>();
}

std::string string_value(const json* value) {
  if (!value || !value->is_string()) return {};
  const std::string& text = value->get_ref<const std::string&>();
  return is_placeholder(text) ? std::string() : text;
}

bool is_placeholder(std::string_view text) {
  // Shell (${VAR}, ${VAR:-x}, $(command)), Go/Jinja ({{ ... }}, {% ... %}) and
  // nginx SSI (<!--# ... -->) placeholders that nothing has substituted.
  for (std::string_view open : {"${", "$(", "{{", "{%", "<!--#"})
    if (text.find(open) != std::string_view::npos) return true;
  return false;
}

const HttpResponse* ProbeContext::fetch(std::string_view relative, const std::string& purpose, const Headers& headers) {
  return fetch_url(child_url(m_base, relative), purpose, headers);
}

const HttpResponse* ProbeContext::fetch_url(const Url& url, const std::string& purpose, const Headers& headers) {
  ProbeDocument doc;
  doc.purpose = purpose;
  doc.url = url.to_string();
  if (m_requests >= m_options.max_requests) {
    doc.error = "not fetched: the probe's limit of " + std::to_string(m_options.max_requests) + " requests is reached";
    m_report.documents.push_back(std::move(doc));
    return nullptr;
  }
  ++m_requests;
  auto response = m_client.get(doc.url, headers, m_deadline);
  if (!response) {
    doc.error = response.error().message;
    m_report.documents.push_back(std::move(doc));
    return nullptr;
  }
  doc.url = response->url;
  doc.status = response->status;
  doc.bytes = response->body.size();
  doc.sha256 = sha256_hex(response->body);
  doc.retrieved = response->retrieved;
  m_responses.push_back(std::move(*response));
  const HttpResponse* stored = &m_responses.back();
  m_hashes[stored] = doc.sha256;
  m_report.documents.push_back(std::move(doc));
  return stored;
}

const std::string& ProbeContext::sha256(const HttpResponse* response) const {
  static const std::string k_none;
  auto it = m_hashes.find(response);
  return it == m_hashes.end() ? k_none : it->second;
}

void ProbeContext::observe(const std::string& feature, const std::string& setting, const std::string& value,
                           const std::string& meaning, const HttpResponse* doc, std::size_t line) {
  ProbeObservation o;
  o.feature = feature;
  o.setting = setting;
  o.value = value.size() > 300 ? value.substr(0, 300) + "..." : value;
  o.meaning = meaning;
  o.line = line;
  if (doc) {
    o.url = doc->url;
    o.sha256 = sha256(doc);
    o.retrieved = doc->retrieved;
  }
  m_report.observations.push_back(std::move(o));
}

const json* ProbeContext::observe_js(const JsDocument& js, const std::string& feature, const std::string& path,
                                     const std::string& meaning_if_set, const std::string& meaning_if_absent,
                                     const HttpResponse* doc) {
  const json* value = js.find("config." + path);
  auto expression = js.expressions.find("config." + path);
  if (!value && expression != js.expressions.end()) {
    observe(feature, path, "expression `" + expression->second.source + "` (not evaluated)",
            "set by code the probe does not run; value unknown", doc, expression->second.line);
    return nullptr;
  }
  if (value && value->is_string() && is_placeholder(value->get_ref<const std::string&>())) {
    observe(feature, path, value_text(value), "unrendered template placeholder: not configured", doc,
            js.line_of("config." + path));
    return nullptr;
  }
  if (!value && meaning_if_absent.empty()) return nullptr;
  observe(feature, path, value_text(value), value ? meaning_if_set : meaning_if_absent, doc,
          js.line_of("config." + path));
  return value;
}

const json* ProbeContext::observe_switch(const JsDocument& js, const std::string& feature, const std::string& path,
                                         const std::string& meaning_if_true, const std::string& meaning_if_false,
                                         const std::string& meaning_if_absent, const HttpResponse* doc) {
  const json* value = js.find("config." + path);
  if (value && value->is_boolean()) {
    observe(feature, path, value_text(value), value->get<bool>() ? meaning_if_true : meaning_if_false, doc,
            js.line_of("config." + path));
    return value;
  }
  if (value) {
    observe(feature, path, value_text(value),
            is_placeholder(value_text(value)) ? "unrendered template placeholder: not configured"
                                              : "not a true/false value; not read as a switch",
            doc, js.line_of("config." + path));
    return nullptr;
  }
  return observe_js(js, feature, path, "", meaning_if_absent, doc);
}

void ProbeContext::add_host(const std::string& host, const std::string& where, bool link_only,
                            const std::string& kind_hint) {
  for (auto& h : m_report.hosts) {
    if (h.host != host) continue;
    h.link_only = h.link_only && link_only;
    if (h.kind.empty()) h.kind = kind_hint;
    if (h.seen_in.size() < 8 && std::find(h.seen_in.begin(), h.seen_in.end(), where) == h.seen_in.end())
      h.seen_in.push_back(where);
    return;
  }
  if (m_report.hosts.size() >= 500) return;
  ProbeHost h;
  h.host = host;
  h.link_only = link_only;
  h.kind = kind_hint;
  h.seen_in.push_back(where);
  m_report.hosts.push_back(std::move(h));
}

void ProbeContext::hosts_in_json(const json& value, const std::string& path, bool (*is_link)(std::string_view path),
                                 bool (*is_skipped)(std::string_view path)) {
  if (is_skipped && is_skipped(path)) return;
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (is_placeholder(text)) return;
    // Keys that hold bare host names: servers, STUN lists.
    std::string key = path.substr(path.find_last_of('.') + 1);
    key = lower(key);
    const bool bare = path.find("stunServers") != std::string::npos || key.ends_with("domain") ||
                      key.ends_with("server") || key == "controller";
    if (auto host = host_in(text, bare)) add_host(*host, path, is_link && is_link(path));
  } else if (value.is_object()) {
    // A block switched off contacts nobody (`rttMonitor: {enabled: false, stunServers: ...}`).
    auto enabled = value.find("enabled");
    auto disabled = value.find("disabled");
    if ((enabled != value.end() && enabled->is_boolean() && !enabled->get<bool>()) ||
        (disabled != value.end() && disabled->is_boolean() && disabled->get<bool>())) {
      bool has_host = false;
      for (auto it = value.begin(); it != value.end() && !has_host; ++it)
        has_host = it->is_string() ? host_in(it->get<std::string>()).has_value() : (it->is_object() || it->is_array());
      if (has_host) note(path.substr(path.find('.') + 1) + " is switched off; its hosts are not counted");
      return;
    }
    for (auto it = value.begin(); it != value.end(); ++it)
      hosts_in_json(it.value(), path + "." + it.key(), is_link, is_skipped);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      hosts_in_json(value[i], path + "[" + std::to_string(i) + "]", is_link, is_skipped);
  }
}

void ProbeContext::location_host(const std::string& host) {
  if (host.empty()) return;
  auto& list = m_report.location_hosts;
  if (std::find(list.begin(), list.end(), host) == list.end() && list.size() < 32) list.push_back(host);
}

void ProbeContext::suggest(const std::string& rule, const std::string& feature, const std::string& level,
                           Confidence confidence, std::string summary, const std::vector<std::string>& settings,
                           bool rests_on_absence) {
  Suggestion s;
  s.origin = "probe";
  s.rule = rule;
  if (auto accuracy = rule_accuracy(rule); accuracy && accuracy->total > 0) {
    s.rule_right = accuracy->right;
    s.rule_total = accuracy->total;
  }
  s.service = m_options.service.empty() ? platform_service_id(m_report.platform) : m_options.service;
  s.variant = m_report.host;
  s.feature = feature;
  s.level = level;
  s.confidence = confidence;
  s.summary = std::move(summary);
  s.created = utc_now();
  for (const auto& o : m_report.observations) {
    if (o.feature != feature) continue;
    if (!settings.empty() && std::find(settings.begin(), settings.end(), o.setting) == settings.end()) continue;
    SuggestionEvidence e;
    e.kind = o.setting.rfind("header ", 0) == 0 ? "header" : o.setting.rfind("link ", 0) == 0 ? "link" : "setting";
    e.text = o.setting + " = " + o.value;
    e.url = o.url;
    e.retrieved = o.retrieved;
    e.content_sha256 = o.sha256;
    if (o.line) e.line = o.line;
    s.evidence.push_back(std::move(e));
  }
  s.caveats.push_back(k_caveat_presence);
  if (rests_on_absence) s.caveats.push_back(k_caveat_absence);
  s.make_id();
  m_report.suggestions.push_back(std::move(s));
}

bool ProbeContext::has_suggestion(const std::string& feature) const {
  return std::any_of(m_report.suggestions.begin(), m_report.suggestions.end(),
                     [&](const Suggestion& s) { return s.feature == feature; });
}

namespace {

bool looks_like_html(const HttpResponse& r) {
  const std::string& type = r.header("content-type");
  if (type.find("html") != std::string::npos) return true;
  auto start = r.body.find_first_not_of(" \t\r\n");
  return start != std::string::npos && r.body[start] == '<';
}

// The inline scripts of an HTML page (no src attribute), at most 64.
std::vector<std::string_view> inline_scripts(std::string_view html) {
  std::vector<std::string_view> scripts;
  std::size_t pos = 0;
  auto lower_find = [&](std::string_view what, std::size_t from) {
    auto it =
        std::search(html.begin() + static_cast<std::ptrdiff_t>(std::min(from, html.size())), html.end(), what.begin(),
                    what.end(), [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it == html.end() ? std::string_view::npos : static_cast<std::size_t>(it - html.begin());
  };
  while (scripts.size() < 64) {
    const std::size_t open = lower_find("<script", pos);
    if (open == std::string_view::npos) break;
    const std::size_t tag_end = html.find('>', open);
    if (tag_end == std::string_view::npos) break;
    const std::size_t close = lower_find("</script", tag_end);
    if (close == std::string_view::npos) break;
    const std::size_t src = lower_find("src=", open);
    if (src == std::string_view::npos || src > tag_end)
      scripts.push_back(html.substr(tag_end + 1, close - tag_end - 1));
    pos = close + 8;
  }
  return scripts;
}

// Makes the configuration object available as "config" when a file names it
// otherwise: `export default {...}` ("default") or `const options = {...}`
// (the first object with Jitsi's `hosts` and `bosh`/`websocket`).
void alias_config(JsDocument& js) {
  if (js.globals.contains("config") && js.globals["config"].is_object()) return;
  std::string name;
  if (js.globals.contains("default") && js.globals["default"].is_object()) name = "default";
  for (auto it = js.globals.begin(); name.empty() && it != js.globals.end(); ++it)
    if (it->is_object() && it->contains("hosts") && (it->contains("bosh") || it->contains("websocket")))
      name = it.key();
  if (name.empty()) return;
  js.globals["config"] = js.globals[name];
  auto rename = [&](auto& map) {
    std::vector<std::pair<std::string, typename std::decay_t<decltype(map)>::mapped_type>> moved;
    for (const auto& [key, value] : map)
      if (key == name || key.rfind(name + ".", 0) == 0 || key.rfind(name + "[", 0) == 0)
        moved.emplace_back("config" + key.substr(name.size()), value);
    for (auto& [key, value] : moved) map[key] = value;
  };
  rename(js.lines);
  rename(js.expressions);
  js.notes.push_back({0, "the configuration object is `" + name + "`; read as `config`"});
}

bool jitsi_layout(const JsDocument& js) {
  return js.find("config.hosts") || js.find("config.bosh") || js.find("config.websocket") ||
         js.expressions.count("config.hosts") || js.expressions.count("config.bosh");
}

void read_start_page(ProbeContext& ctx, const HttpResponse& page) {
  ProbeReport& report = ctx.report();
  for (const auto& [name, value] : page.headers) {
    // Headers that name a region, shard or CDN location.
    if (name.rfind("x-jitsi-", 0) == 0 || name == "cf-ray" || name == "x-amz-cf-pop" || name == "x-served-by" ||
        name == "x-region" || name == "x-server-region" || name == "server") {
      report.region_headers.emplace_back(name, value);
      if (name == "x-jitsi-region" || name == "x-region" || name == "x-server-region")
        ctx.observe("server-location", "header " + name, value, "region the server reports for itself", &page);
    }
  }
  if (!looks_like_html(page)) return;
  HtmlScan scan = scan_html(page.body);
  auto base = parse_url(page.url);
  for (const auto& link : scan.links) {
    LinkKind kind = classify_link(link);
    if (kind == LinkKind::none || !base) continue;
    auto target = resolve_url(*base, link.href);
    if (!target) continue;
    const std::string url = target->to_string();
    if (kind == LinkKind::privacy && report.privacy_url.empty()) {
      report.privacy_url = url;
      ctx.observe("transparency", "link privacy policy (start page)", url, "link text: " + link.text, &page, link.line);
    } else if (kind == LinkKind::imprint && report.imprint_url.empty()) {
      report.imprint_url = url;
      ctx.observe("transparency", "link imprint (start page)", url, "link text: " + link.text, &page, link.line);
    }
    if (auto host = host_in(url)) ctx.add_host(*host, "start page link", true);
  }
  for (const auto& r : scan.resources) {
    if (!base) break;
    auto target = resolve_url(*base, r.url);
    if (!target) continue;
    ctx.add_host(target->host, "start page <" + r.tag + ">", !loaded_by_browser(r));
  }
}

// Fills in site and catalog information for every host.
void annotate_hosts(ProbeReport& report) {
  const std::string instance_site = site_of(report.host);
  const HostCatalog& catalog = HostCatalog::instance();
  bool exodus_used = false;
  for (auto& h : report.hosts) {
    h.same_site = site_of(h.host) == instance_site;
    if (auto known = catalog.lookup(h.host)) {
      h.service = known->service;
      h.kind = known->kind;
      h.operator_country = known->operator_country;
    }
    if (!h.same_site) {
      for (const auto& m : catalog.exodus(h.host)) {
        std::string categories;
        for (const auto& c : m.categories) categories += (categories.empty() ? "" : ", ") + c;
        h.exodus.push_back(m.name + (categories.empty() ? "" : " (" + categories + ")"));
        exodus_used = true;
      }
    }
  }
  std::stable_sort(report.hosts.begin(), report.hosts.end(), [](const ProbeHost& a, const ProbeHost& b) {
    return std::tie(a.link_only, a.same_site, a.host) < std::tie(b.link_only, b.same_site, b.host);
  });
  if (exodus_used)
    report.attributions.push_back(
        "Tracker network signatures: Exodus Privacy / ETIP (εxodus tracker list), Open Database License 1.0, "
        "https://reports.exodus-privacy.eu.org/");
}

}  // namespace

namespace {

// "a, b and c" for the first `shown` items, "… and N more" beyond.
std::string list_text(const std::vector<std::string>& items, std::size_t shown) {
  std::string out;
  const std::size_t n = std::min(items.size(), shown);
  for (std::size_t i = 0; i < n; ++i)
    out += (i == 0 ? "" : i + 1 == n && n == items.size() ? " and " : ", ") + items[i];
  if (items.size() > n) out += " and " + std::to_string(items.size() - n) + " more";
  return out;
}

}  // namespace

void suggest_recording(ProbeContext& ctx, const std::string& platform_rule, RecordingState state,
                       const std::string& what, bool rests_on_absence) {
  switch (state) {
    case RecordingState::none:
      ctx.suggest(platform_rule + ".recording.none", "recording-consent", "green",
                  rests_on_absence ? Confidence::low : Confidence::medium, "No recording is available: " + what + ".",
                  {}, rests_on_absence);
      break;
    case RecordingState::with_consent:
      ctx.suggest(
          platform_rule + ".recording.consent", "recording-consent", "green", Confidence::medium,
          "Recording is available and participants must consent before a recording includes them: " + what + ".");
      break;
    case RecordingState::consent_optional:
      ctx.suggest(
          platform_rule + ".recording.consent-optional", "recording-consent", "yellow", Confidence::medium,
          "Recording is available; whether participants are asked for consent is decided per meeting: " + what + ".");
      break;
    case RecordingState::without_consent:
      ctx.suggest(platform_rule + ".recording.no-consent", "recording-consent", "yellow", Confidence::low,
                  "Recording is available without a consent requirement; participants are notified at most, not "
                  "asked: " +
                      what + ".",
                  {}, rests_on_absence);
      break;
  }
}

void suggest_common(ProbeContext& ctx) {
  ProbeReport& report = ctx.report();
  annotate_hosts(report);
  const Platform platform = report.platform;
  report.caveats.push_back(k_caveat_presence);
  report.caveats.push_back(k_caveat_absence);
  report.caveats.push_back(
      "The probe sees only what an anonymous visitor sees; server-side settings (logs, retention, recording "
      "storage) are not visible.");

  // Hosts are evidence whatever the platform.
  std::vector<std::string> tracking, other;
  for (const ProbeHost* h : report.third_party_requests()) {
    bool is_tracking = h->kind.find("analytics") != std::string::npos || h->kind == "error reporting";
    std::string label = h->host + (h->service.empty() ? "" : " (" + h->service + ")");
    // Exodus signatures are broad (`\.google\.com` is "Google Ads"): they
    // only label and count for hosts the built-in list does not know.
    if (h->service.empty()) {
      for (const auto& e : h->exodus)
        if (e.find("Analytics") != std::string::npos || e.find("Advertisement") != std::string::npos ||
            e.find("Profiling") != std::string::npos)
          is_tracking = true;
      if (!h->exodus.empty()) label += " [Exodus: " + h->exodus.front() + "]";
    }
    ctx.observe("metadata", "third-party host", label,
                (h->kind.empty() ? std::string("other site") : h->kind) + ", seen in " + h->seen_in.front(), nullptr);
    (is_tracking ? tracking : other).push_back(label);
  }

  // An unrecognised platform gets evidence only: a verdict needs to know what was read.
  if (platform == Platform::unknown) return;

  // Open source: the platform itself.
  if (!ctx.has_suggestion("open-source")) {
    ctx.observe("open-source", "platform", platform_name(platform), report.platform_evidence, nullptr);
    ctx.suggest("common.open-source.platform", "open-source", "green", Confidence::high,
                std::string(platform_name(platform)) + " is open source (" + platform_licence(platform) +
                    "); the instance was recognised from its public configuration. A host may run a modified "
                    "version.");
  }

  // Metadata: third-party hosts browsers contact without a click.
  if (!ctx.has_suggestion("metadata")) {
    if (!tracking.empty())
      ctx.suggest("common.metadata.tracking", "metadata", "red", Confidence::medium,
                  "Browsers of participants are made to contact analytics, error-reporting or tracking services of "
                  "third parties: " +
                      list_text(tracking, 8) + "." +
                      (other.empty() ? "" : " Other sites contacted: " + list_text(other, 3) + "."));
    else if (!other.empty())
      ctx.suggest("common.metadata.other-sites", "metadata", "yellow", Confidence::low,
                  "No analytics found, but browsers contact other sites (" + list_text(other, 3) +
                      "), which see participants' IP addresses.");
    else {
      ctx.observe("metadata", "third-party hosts", "none",
                  "no host of another site in " + std::to_string(report.documents.size()) + " documents read", nullptr);
      ctx.suggest("common.metadata.none-found", "metadata", "green", Confidence::low,
                  "No third-party host found in the public configuration or the start page.", {}, true);
    }
  }

  // Transparency: a privacy policy must exist; its content needs the policy analyser.
  if (!ctx.has_suggestion("transparency")) {
    if (report.privacy_url.empty()) {
      ctx.observe("transparency", "privacy policy link", "none",
                  "no link to a privacy policy in the configuration or on the start page", nullptr);
      ctx.suggest("common.transparency.no-privacy-link", "transparency", "red", Confidence::low,
                  "No link to a privacy policy found in the configuration or on the start page.", {}, true);
    } else
      ctx.suggest("common.transparency.privacy-link", "transparency", "", Confidence::low,
                  "Privacy policy found at " + report.privacy_url +
                      "; whether it meets Art. 13 GDPR needs `privascore assist policy " + report.privacy_url + "`." +
                      (report.imprint_url.empty() ? " No imprint link found." : ""));
  }

  // Server location from a region the instance reports.
  if (!ctx.has_suggestion("server-location")) {
    for (const auto& o : report.observations) {
      if (o.feature != "server-location" || o.value.empty() || o.value == "absent") continue;
      const std::string country = country_of_region(o.value);
      if (country.empty()) continue;
      const Jurisdiction j = classify_country(country);
      const std::string level = j == Jurisdiction::eu || j == Jurisdiction::eea ? "green"
                                : j == Jurisdiction::adequacy                   ? "yellow"
                                                                                : "red";
      ctx.suggest("common.server-location.region", "server-location", level, Confidence::low,
                  "The instance reports the cloud region " + o.value + " (" + country + ", " + to_string(j) +
                      "). Run `privascore assist location` on its host names for the addresses.",
                  {o.setting});
      break;
    }
  }
}

Result<ProbeReport> probe_instance(const std::string& url, const HttpClient& client, const ProbeOptions& options) {
  auto parsed = parse_url(url);
  if (!parsed) return tl::unexpected(parsed.error());
  ProbeReport report;
  report.url = url;
  report.base = parsed->to_string();
  report.host = parsed->host;
  report.started = utc_now();
  const auto start = Clock::now();
  ProbeContext ctx(client, options, report, *parsed, start + options.total_timeout);

  const HttpResponse* page = ctx.fetch_url(*parsed, "start page");
  if (!page)
    return fail("instance " + parsed->to_string() + " not reachable: " + report.documents.back().error,
                "check the address; the probe needs the instance's start page");
  ctx.location_host(parsed->host);
  if (auto final_url = parse_url(page->url); final_url && final_url->host != parsed->host) {
    ctx.location_host(final_url->host);
    ctx.note("the start page redirected to another host: " + page->url);
  }
  read_start_page(ctx, *page);

  // Jitsi Meet and OpenTalk serve config.js; Nextcloud status.php; BigBlueButton its API root.
  auto notes_of = [&](const JsDocument& js, const std::string& where) {
    for (const auto& n : js.notes)
      ctx.note(where + (n.line ? " line " + std::to_string(n.line) : std::string()) + ": " + n.message);
    if (!js.complete) ctx.note(where + " could not be read to the end; settings after the error are missing");
  };
  if (const HttpResponse* config = ctx.fetch("config.js", "config.js"); config && config->status == 200) {
    JsDocument js = read_js_config(config->body);
    alias_config(js);
    const bool jitsi = jitsi_layout(js);
    const bool opentalk = js.find("config.controller") || js.find("config.oidcConfig");
    if (jitsi || opentalk) notes_of(js, "config.js");
    if (jitsi) {
      report.platform = Platform::jitsi_meet;
      report.platform_evidence = "config.js defines `config` with hosts/bosh/websocket (Jitsi Meet layout)";
      read_jitsi(ctx, *config, js, config->body);
    } else if (opentalk) {
      report.platform = Platform::opentalk;
      report.platform_evidence = "config.js defines `window.config` with `controller` (OpenTalk frontend layout)";
      read_opentalk(ctx, *config, js);
    }
  }
  // A Jitsi Meet room page carries its configuration inline (nginx includes
  // config.js into the page), as meet.jit.si serves it.
  if (report.platform == Platform::unknown && looks_like_html(*page)) {
    for (std::string_view script : inline_scripts(page->body)) {
      if (script.find("config") == std::string_view::npos && script.find("export") == std::string_view::npos) continue;
      JsDocument js = read_js_config(script);
      alias_config(js);
      if (!jitsi_layout(js)) continue;
      notes_of(js, "inline configuration of the start page");
      report.platform = Platform::jitsi_meet;
      report.platform_evidence =
          "the start page carries the configuration inline (`config` with hosts/bosh/websocket, Jitsi Meet "
          "layout); line numbers count from the start of its <script>";
      read_jitsi(ctx, *page, js, script);
      break;
    }
  }
  if (report.platform == Platform::unknown) {
    if (const HttpResponse* status = ctx.fetch("status.php", "Nextcloud status.php"); status && status->status == 200) {
      auto body = json::parse(status->body, nullptr, false);
      if (body.is_object() && body.contains("installed") &&
          (body.contains("productname") || body.contains("version"))) {
        report.platform = Platform::nextcloud_talk;
        report.platform_evidence = "status.php answers with Nextcloud's status object";
        read_nextcloud(ctx, *status, body);
      }
    }
  }
  if (report.platform == Platform::unknown) {
    const HttpResponse* api = ctx.fetch("bigbluebutton/api", "BigBlueButton API root");
    if (api && (api->status != 200 || api->body.find("<returncode>SUCCESS</returncode>") == std::string::npos))
      api = nullptr;
    const HttpResponse* env = ctx.fetch("api/v1/env.json", "Greenlight env.json");
    if (env) {
      auto body = json::parse(env->body, nullptr, false);
      if (env->status != 200 || !body.is_object() || !body.contains("data") || !body["data"].is_object() ||
          !(body["data"].contains("VERSION_TAG") || body["data"].contains("EXTERNAL_AUTH")))
        env = nullptr;
    }
    if (api || env) {
      report.platform = Platform::bigbluebutton;
      report.platform_evidence = std::string(api ? "the BigBlueButton API root answers SUCCESS" : "") +
                                 (api && env ? "; " : "") + (env ? "Greenlight's env.json answers" : "");
      read_bigbluebutton(ctx, api, env);
    }
  }
  if (report.platform == Platform::unknown)
    ctx.note(
        "platform not recognised: no Jitsi Meet or OpenTalk config.js, no Nextcloud status.php, no "
        "BigBlueButton API root or Greenlight env.json below " +
        report.base);
  suggest_common(ctx);
  report.duration_ms =
      static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
  return report;
}

Result<ProbeReport> probe_instance(const std::string& url, const ProbeOptions& options) {
  HttpClient client(options.http);
  return probe_instance(url, client, options);
}

}  // namespace privascore::assist
