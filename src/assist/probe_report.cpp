#include "assist/probe_report.h"
#include <nlohmann/json.hpp>

#include <sstream>

namespace privascore::assist {

using nlohmann::json;

const char* platform_name(Platform platform) {
  switch (platform) {
    case Platform::jitsi_meet: return "Jitsi Meet";
    case Platform::bigbluebutton: return "BigBlueButton";
    case Platform::nextcloud_talk: return "Nextcloud Talk";
    case Platform::opentalk: return "OpenTalk";
    case Platform::unknown: return "unknown";
  }
  return "unknown";
}

const char* platform_service_id(Platform platform) {
  switch (platform) {
    case Platform::jitsi_meet: return "jitsi-meet";
    case Platform::bigbluebutton: return "bigbluebutton";
    case Platform::nextcloud_talk: return "nextcloud-talk";
    case Platform::opentalk: return "opentalk";
    case Platform::unknown: return "";
  }
  return "";
}

const char* platform_licence(Platform platform) {
  switch (platform) {
    case Platform::jitsi_meet: return "Apache-2.0";
    case Platform::bigbluebutton: return "LGPL-3.0";
    case Platform::nextcloud_talk: return "AGPL-3.0";
    case Platform::opentalk: return "EUPL-1.2";
    case Platform::unknown: return "";
  }
  return "";
}

const std::vector<std::pair<std::string, std::string>>& probe_features() {
  static const std::vector<std::pair<std::string, std::string>> k_features = {
      {"server-location", "Server location"},
      {"e2e", "End-to-end encryption"},
      {"metadata", "No metadata transfer to third parties"},
      {"recording-consent", "No recording without consent"},
      {"transparency", "Transparency about data processing"},
      {"open-source", "Open source"},
      {"anonymous", "Anonymous participation"},
  };
  return k_features;
}

std::vector<const ProbeHost*> ProbeReport::third_party_requests() const {
  std::vector<const ProbeHost*> out;
  for (const auto& h : hosts)
    if (!h.link_only && !h.same_site) out.push_back(&h);
  return out;
}

json to_json(const ProbeReport& r) {
  json documents = json::array();
  for (const auto& d : r.documents) {
    json j = {{"purpose", d.purpose}, {"url", d.url}, {"status", d.status}, {"bytes", d.bytes}};
    if (!d.sha256.empty()) j["sha256"] = d.sha256;
    if (!d.retrieved.empty()) j["retrieved"] = d.retrieved;
    if (!d.error.empty()) j["error"] = d.error;
    documents.push_back(std::move(j));
  }
  json features = json::object();
  for (const auto& [id, name] : probe_features()) features[id] = {{"name", name}, {"observations", json::array()}};
  features["platform"] = {{"name", "Platform"}, {"observations", json::array()}};
  for (const auto& o : r.observations) {
    json j = {{"setting", o.setting}, {"value", o.value}, {"meaning", o.meaning}};
    if (!o.url.empty()) j["url"] = o.url;
    if (o.line) j["line"] = o.line;
    if (!o.sha256.empty()) j["sha256"] = o.sha256;
    features[o.feature]["observations"].push_back(std::move(j));
  }
  json hosts = json::array();
  for (const auto& h : r.hosts) {
    json j = {{"host", h.host},
              {"same_site", h.same_site},
              {"contacted_without_click", !h.link_only},
              {"seen_in", h.seen_in}};
    if (!h.service.empty()) j["service"] = h.service;
    if (!h.kind.empty()) j["kind"] = h.kind;
    if (!h.operator_country.empty()) j["operator_country"] = h.operator_country;
    if (!h.exodus.empty()) j["exodus_signatures"] = h.exodus;
    hosts.push_back(std::move(j));
  }
  json third = json::array();
  for (const ProbeHost* h : r.third_party_requests()) third.push_back(h->host);
  json region = json::object();
  for (const auto& [n, v] : r.region_headers) region[n] = v;
  json suggestions = json::array();
  for (const auto& s : r.suggestions) suggestions.push_back(to_json(s));
  return {{"url", r.url},
          {"base", r.base},
          {"host", r.host},
          {"platform",
           {{"id", platform_service_id(r.platform)},
            {"name", platform_name(r.platform)},
            {"evidence", r.platform_evidence},
            {"version", r.version}}},
          {"started", r.started},
          {"duration_ms", r.duration_ms},
          {"documents", documents},
          {"features", features},
          {"hosts", hosts},
          {"third_party_requests", third},
          {"region_headers", region},
          {"location_hosts", r.location_hosts},
          {"privacy_policy", r.privacy_url},
          {"imprint", r.imprint_url},
          {"suggestions", suggestions},
          {"notes", r.notes},
          {"caveats", r.caveats},
          {"attributions", r.attributions}};
}

std::string render_text(const ProbeReport& r) {
  std::ostringstream out;
  out << "Instance probe of " << r.base << "\n";
  out << "Platform: " << platform_name(r.platform);
  if (!r.version.empty()) out << " (" << r.version << ")";
  out << "\n";
  if (!r.platform_evidence.empty()) out << "  recognised by: " << r.platform_evidence << "\n";
  out << "Read " << r.started << " in " << r.duration_ms << " ms; " << r.documents.size() << " documents:\n";
  for (const auto& d : r.documents) {
    out << "  " << (d.status ? std::to_string(d.status) : std::string("---")) << "  " << d.purpose << "  " << d.url;
    if (!d.error.empty())
      out << "  (" << d.error << ")";
    else
      out << "  " << d.bytes << " bytes, sha256 " << d.sha256.substr(0, 12) << "…";
    out << "\n";
  }
  auto suggestion_for = [&](const std::string& feature) -> const Suggestion* {
    for (const auto& s : r.suggestions)
      if (s.feature == feature) return &s;
    return nullptr;
  };
  for (const auto& [id, name] : probe_features()) {
    out << "\n" << name << "\n";
    bool any = false;
    for (const auto& o : r.observations) {
      if (o.feature != id) continue;
      any = true;
      out << "  - " << o.setting << " = " << o.value;
      if (!o.meaning.empty()) out << "  (" << o.meaning << ")";
      if (o.line) out << "  [line " << o.line << "]";
      out << "\n";
    }
    if (id == "server-location" && !r.location_hosts.empty()) {
      out << "  - host names to locate: ";
      for (std::size_t i = 0; i < r.location_hosts.size(); ++i) out << (i ? ", " : "") << r.location_hosts[i];
      out << "\n";
      any = true;
    }
    if (!any) out << "  (nothing visible)\n";
    if (const Suggestion* s = suggestion_for(id)) {
      out << "  suggestion: " << (s->level.empty() ? "no level (evidence only)" : s->level) << ", confidence "
          << to_string(s->confidence) << ": " << s->summary << "\n";
      if (!s->rule.empty()) out << "    (" << rule_text(*s) << ")\n";
    }
  }
  out << "\nHosts (" << r.hosts.size() << ")\n";
  for (const auto& h : r.hosts) {
    out << "  " << (h.link_only ? "link     " : "contacted") << "  " << (h.same_site ? "same site  " : "other site ")
        << h.host;
    if (!h.service.empty()) out << "  " << h.service << " (" << h.kind << ")";
    for (const auto& e : h.exodus) out << "  [Exodus: " << e << "]";
    out << "  ← " << h.seen_in.front() << "\n";
  }
  if (!r.region_headers.empty()) {
    out << "\nRegion and CDN headers\n";
    for (const auto& [n, v] : r.region_headers) out << "  " << n << ": " << v << "\n";
  }
  if (!r.notes.empty()) {
    out << "\nNotes\n";
    for (const auto& n : r.notes) out << "  - " << n << "\n";
  }
  out << "\nThese are suggestions for an editor, not ratings.\n";
  for (const auto& c : r.caveats) out << "  * " << c << "\n";
  for (const auto& a : r.attributions) out << "Source: " << a << "\n";
  return out.str();
}

}  // namespace privascore::assist
