// ProbeReport: what the instance probe read from one Jitsi Meet,
// BigBlueButton/Greenlight, Nextcloud Talk or OpenTalk instance, sorted by
// rating feature, with the suggestions derived from it. Renders as a
// readable text report and as JSON. Plain values; thread-compatible.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assist/suggestion.h"

namespace privascore::assist {

enum class Platform { unknown, jitsi_meet, bigbluebutton, nextcloud_talk, opentalk };
const char* platform_name(Platform platform);        // "Jitsi Meet"
const char* platform_service_id(Platform platform);  // "jitsi-meet"; "" for unknown
const char* platform_licence(Platform platform);     // "Apache-2.0"; "" for unknown

/// One document fetched (or attempted).
struct ProbeDocument {
  std::string purpose;  // "start page", "config.js", ...
  std::string url;
  int status = 0;  // 0 when no response
  std::size_t bytes = 0;
  std::string sha256;
  std::string retrieved;
  std::string error;  // why there is no usable response
};

/// One setting or fact read, attributed to a feature.
struct ProbeObservation {
  std::string feature;  // a feature id ("e2e"), or "platform"
  std::string setting;  // "e2ee.disabled", "header X-Jitsi-Region", "capabilities ... recording"
  std::string value;    // as read; "absent" when the key is not set
  std::string meaning;  // what it means for the feature
  std::string url;
  std::size_t line = 0;
  std::string sha256;
  std::string retrieved;
};

/// A host name the instance makes browsers contact or links to.
struct ProbeHost {
  std::string host;
  bool same_site = false;  // same registrable domain as the instance
  bool link_only = true;   // only in links a person clicks, never contacted by itself
  std::string service;     // from the built-in list, "" when unknown
  std::string kind;
  std::string operator_country;
  std::vector<std::string> exodus;   // Exodus tracker names whose network signature matches
  std::vector<std::string> seen_in;  // settings or page elements it appears in
};

struct ProbeReport {
  std::string url;   // as given
  std::string base;  // normalised
  std::string host;
  Platform platform = Platform::unknown;
  std::string platform_evidence;
  std::string version;
  std::string started;
  long duration_ms = 0;
  std::vector<ProbeDocument> documents;
  std::vector<ProbeObservation> observations;
  std::vector<ProbeHost> hosts;
  std::vector<std::pair<std::string, std::string>> region_headers;
  std::vector<std::string> location_hosts;  // host names worth locating (instance, signalling, media, login)
  std::string privacy_url;
  std::string imprint_url;
  std::vector<Suggestion> suggestions;
  std::vector<std::string> notes;    // what could not be read and why
  std::vector<std::string> caveats;  // always shown
  std::vector<std::string> attributions;

  /// Hosts contacted without a click that belong to another site.
  std::vector<const ProbeHost*> third_party_requests() const;
};

nlohmann::json to_json(const ProbeReport& report);
/// The readable report (English), grouped by feature.
std::string render_text(const ProbeReport& report);

/// The rating features in methodology order, with English names.
const std::vector<std::pair<std::string, std::string>>& probe_features();

}  // namespace privascore::assist
