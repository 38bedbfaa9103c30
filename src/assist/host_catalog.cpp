#include "assist/host_catalog.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "assist/url.h"
#include "resources/resources.h"
#include "util/text.h"

namespace privascore::resources {
const std::vector<EmbeddedFile>& files_assist();
}

namespace privascore::assist {

namespace {

struct Entry {
  const char* domain;
  KnownHost host;
};

// Services an instance's configuration commonly points browsers at. Matched
// on the domain and its subdomains.
const std::vector<Entry>& builtin() {
  static const std::vector<Entry> k_entries = {
      {"google-analytics.com", {"Google Analytics", "analytics", "US"}},
      {"analytics.google.com", {"Google Analytics", "analytics", "US"}},
      {"googletagmanager.com", {"Google Tag Manager", "analytics", "US"}},
      {"amplitude.com", {"Amplitude", "analytics", "US"}},
      {"callstats.io", {"callstats.io", "analytics (call statistics)", ""}},
      {"matomo.cloud", {"Matomo Cloud", "analytics", "NZ"}},
      {"hotjar.com", {"Hotjar", "analytics", "MT"}},
      {"mixpanel.com", {"Mixpanel", "analytics", "US"}},
      {"segment.io", {"Segment", "analytics", "US"}},
      {"testrtc.com", {"testRTC watchRTC", "analytics (call statistics)", "US"}},
      {"gravatar.com", {"Gravatar (Automattic)", "avatars", "US"}},
      {"libravatar.org", {"Libravatar", "avatars", ""}},
      {"sentry.io", {"Sentry", "error reporting", "US"}},
      {"glitchtip.com", {"GlitchTip (hosted)", "error reporting", ""}},
      {"bugsnag.com", {"Bugsnag", "error reporting", "US"}},
      {"rollbar.com", {"Rollbar", "error reporting", "US"}},
      {"stun.l.google.com", {"Google STUN", "STUN/TURN", "US"}},
      {"stun.nextcloud.com", {"Nextcloud STUN", "STUN/TURN", "DE"}},
      {"stun.services.mozilla.com", {"Mozilla STUN", "STUN/TURN", "US"}},
      {"stun.twilio.com", {"Twilio STUN/TURN", "STUN/TURN", "US"}},
      {"jitsi.net", {"8x8 / Jitsi infrastructure", "STUN/TURN, statistics and other 8x8 services", "US"}},
      {"8x8.vc", {"8x8 Jitsi as a Service", "video infrastructure", "US"}},
      {"jitsi.org", {"Jitsi project website (8x8)", "website", "US"}},
      {"fonts.googleapis.com", {"Google Fonts", "fonts/CDN", "US"}},
      {"fonts.gstatic.com", {"Google Fonts", "fonts/CDN", "US"}},
      {"ajax.googleapis.com", {"Google Hosted Libraries", "fonts/CDN", "US"}},
      {"cdnjs.cloudflare.com", {"cdnjs (Cloudflare)", "fonts/CDN", "US"}},
      {"cdn.jsdelivr.net", {"jsDelivr", "fonts/CDN", ""}},
      {"unpkg.com", {"unpkg", "fonts/CDN", "US"}},
      {"code.jquery.com", {"jQuery CDN", "fonts/CDN", "US"}},
      {"bootstrapcdn.com", {"BootstrapCDN", "fonts/CDN", "US"}},
      {"fontawesome.com", {"Font Awesome CDN", "fonts/CDN", "US"}},
      {"typekit.net", {"Adobe Fonts", "fonts/CDN", "US"}},
      {"accounts.google.com", {"Google sign-in", "login", "US"}},
      {"googleapis.com", {"Google APIs", "Google services", "US"}},
      {"login.microsoftonline.com", {"Microsoft sign-in", "login", "US"}},
      {"graph.microsoft.com", {"Microsoft Graph", "login / calendar", "US"}},
      {"github.com", {"GitHub", "login", "US"}},
      {"facebook.com", {"Facebook", "login", "US"}},
      {"facebook.net", {"Facebook", "analytics", "US"}},
      {"hcaptcha.com", {"hCaptcha", "captcha", "US"}},
      {"recaptcha.net", {"Google reCAPTCHA", "captcha", "US"}},
      {"giphy.com", {"GIPHY", "GIF search", "US"}},
      {"dropbox.com", {"Dropbox", "recording storage", "US"}},
      {"dropboxapi.com", {"Dropbox", "recording storage", "US"}},
      {"youtube.com", {"YouTube", "live streaming", "US"}},
      {"measurementlab.net", {"Measurement Lab (M-Lab)", "speed test", "US"}},
      {"excalidraw.com", {"Excalidraw", "whiteboard", ""}},
      {"page.link", {"Firebase Dynamic Links", "app links", "US"}},
      {"firebaseio.com", {"Google Firebase", "app backend", "US"}},
  };
  return k_entries;
}

constexpr std::array<std::string_view, 22> k_two_level_suffixes = {
    "co.uk",  "org.uk", "ac.uk", "gov.uk", "me.uk", "co.at",  "or.at",  "ac.at", "gv.at",  "com.au", "net.au",
    "org.au", "edu.au", "co.nz", "co.jp",  "ne.jp", "com.br", "com.tr", "co.za", "com.pl", "com.es", "com.cn"};

}  // namespace

std::string site_of(std::string_view host) {
  std::string h(host);
  if (is_ip_literal(h)) return h;
  std::size_t last = h.rfind('.');
  if (last == std::string::npos || last == 0) return h;
  std::size_t second = h.rfind('.', last - 1);
  if (second == std::string::npos) return h;
  std::string_view two = std::string_view(h).substr(second + 1);
  for (auto suffix : k_two_level_suffixes) {
    if (two == suffix) {
      std::size_t third = second == 0 ? std::string::npos : h.rfind('.', second - 1);
      return third == std::string::npos ? h : h.substr(third + 1);
    }
  }
  return std::string(two);
}

std::optional<std::string> host_in(std::string_view value, bool allow_bare_name) {
  std::string v(value);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.erase(0, 1);
  if (v.empty() || v.size() > 2048) return std::nullopt;
  std::string rest;
  std::size_t scheme = v.find("://");
  std::string lowered = v;
  lowered = lower(lowered);
  if (scheme != std::string::npos) {
    std::string s = lowered.substr(0, scheme);
    if (s != "http" && s != "https" && s != "ws" && s != "wss") return std::nullopt;
    rest = v.substr(scheme + 3);
    std::size_t end = rest.find_first_of("/?#");
    rest = rest.substr(0, end);
    std::size_t at = rest.rfind('@');  // Sentry DSN: https://key@host/1
    if (at != std::string::npos) rest = rest.substr(at + 1);
  } else if (lowered.rfind("stun:", 0) == 0 || lowered.rfind("turn:", 0) == 0 || lowered.rfind("stuns:", 0) == 0 ||
             lowered.rfind("turns:", 0) == 0) {
    rest = v.substr(v.find(':') + 1);
    rest = rest.substr(0, rest.find('?'));
  } else if (lowered.rfind("//", 0) == 0) {
    rest = v.substr(2);
    rest = rest.substr(0, rest.find_first_of("/?#"));
  } else {
    // A bare "host:port", or a bare "host" where the key says it is one.
    rest = v.substr(0, v.find_first_of("/?#"));
    if (rest.find('.') == std::string::npos) return std::nullopt;
    std::size_t colon = rest.rfind(':');
    const bool with_port = colon != std::string::npos && colon + 1 < rest.size() &&
                           std::all_of(rest.begin() + static_cast<long>(colon) + 1, rest.end(),
                                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!with_port && !allow_bare_name) return std::nullopt;
  }
  if (!rest.empty() && rest.front() == '[') {
    std::size_t close = rest.find(']');
    if (close == std::string::npos) return std::nullopt;
    return rest.substr(1, close - 1);
  }
  rest = rest.substr(0, rest.find(':'));
  rest = lower(rest);
  while (!rest.empty() && rest.back() == '.') rest.pop_back();
  if (rest.empty() || rest.find('.') == std::string::npos) return std::nullopt;
  for (char c : rest)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_')) return std::nullopt;
  // A version number or a file name is not a host.
  if (std::all_of(rest.begin(), rest.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }) &&
      !is_ip_literal(rest))
    return std::nullopt;
  const std::string tld = rest.substr(rest.rfind('.') + 1);
  if (tld == "js" || tld == "css" || tld == "png" || tld == "svg" || tld == "html" || tld == "json" || tld == "mp3" ||
      tld == "wav" || tld == "jpg")
    return std::nullopt;
  return rest;
}

struct HostCatalog::Impl {
  std::unique_ptr<RE2::Set> set;
  std::vector<ExodusMatch> trackers;  // by set index
};

HostCatalog::HostCatalog() : m_impl(std::make_unique<Impl>()) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  m_impl->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& file : resources::files_assist()) {
    if (file.path != "trackers.json") continue;
    auto json = nlohmann::json::parse(file.content, nullptr, false);
    if (!json.is_object() || !json.contains("trackers")) break;
    for (const auto& t : json["trackers"]) {
      const std::string signature = t.value("network_signature", "");
      if (signature.empty()) continue;
      std::string error;
      if (m_impl->set->Add(signature, &error) < 0) continue;
      ExodusMatch m;
      m.id = t.value("id", 0);
      m.name = t.value("name", "");
      if (t.contains("categories") && t["categories"].is_array())
        for (const auto& c : t["categories"])
          if (c.is_string()) m.categories.push_back(c.get<std::string>());
      m_impl->trackers.push_back(std::move(m));
    }
  }
  if (!m_impl->set->Compile()) m_impl->trackers.clear();
}

HostCatalog::~HostCatalog() = default;

const HostCatalog& HostCatalog::instance() {
  static const HostCatalog k_catalog;
  return k_catalog;
}

std::optional<KnownHost> HostCatalog::lookup(std::string_view host) const {
  for (const auto& e : builtin()) {
    std::string_view d = e.domain;
    if (host == d || (host.size() > d.size() && host.ends_with(d) && host[host.size() - d.size() - 1] == '.'))
      return e.host;
  }
  return std::nullopt;
}

std::vector<ExodusMatch> HostCatalog::exodus(std::string_view host) const {
  std::vector<ExodusMatch> out;
  if (m_impl->trackers.empty()) return out;
  std::vector<int> hits;
  m_impl->set->Match(re2::StringPiece(host.data(), host.size()), &hits);
  std::sort(hits.begin(), hits.end());
  for (int i : hits) out.push_back(m_impl->trackers[static_cast<std::size_t>(i)]);
  return out;
}

std::size_t HostCatalog::exodus_signatures() const {
  return m_impl->trackers.size();
}

}  // namespace privascore::assist
