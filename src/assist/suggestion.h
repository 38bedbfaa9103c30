// Suggestion: what an analyser (instance probe, server location, policy
// analyser) proposes for one feature of one service or hosting variant, with
// the evidence it rests on. A suggestion is never a verdict: it goes to a
// queue (suggestion_queue.h) where an editor accepts or rejects it; only an
// accepted suggestion becomes a rating. Plain values; thread-compatible.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/model.h"
#include "util/error.h"

namespace privascore::assist {

enum class Confidence { low, medium, high };
const char* to_string(Confidence confidence);
std::optional<Confidence> parse_confidence(std::string_view text);

/// One piece of evidence: an observed setting, a quoted sentence, a DNS answer.
struct SuggestionEvidence {
  std::string kind;                   // "setting", "header", "quote", "dns", "link"
  std::string text;                   // the observed setting ("e2ee.disabled = true") or the verbatim sentence
  std::string url;                    // where it was read
  std::string retrieved;              // UTC time it was read, "YYYY-MM-DDTHH:MM:SSZ"
  std::string content_sha256;         // SHA-256 of the document the text was read from; "" when none
  std::optional<std::size_t> offset;  // byte offset in that document (quotes)
  std::optional<std::size_t> line;    // 1-based line in that document (quotes, settings)
};

/// Caveats shown wherever they apply (reports, web page, queue).
inline constexpr const char* k_caveat_presence =
    "Presence is not proof: a setting or sentence found here shows what is configured or promised, not what the "
    "service actually does.";
inline constexpr const char* k_caveat_absence =
    "Absence is not proof either: not finding a setting or sentence does not show that the service lacks it.";
inline constexpr const char* k_caveat_geoip =
    "IP-to-country data gives the country a network is registered in, not where a server stands or where data is "
    "stored; CDNs and anycast addresses say little about the origin server.";

struct Suggestion {
  std::string id;      // stable: derived from the content (see make_id); equal content, equal id
  std::string origin;  // "probe", "location", "policy"
  std::string category = "video-conferencing";
  std::string service;  // a service id when known ("jitsi-meet"); may be empty
  std::string variant;  // a hosting variant, e.g. the instance host "meet.example.org"; may be empty
  std::string feature;  // a feature id of the category's methodology ("e2e")
  std::string level;    // suggested level id ("green", "yellow", "red"); "" = evidence only, no level
  Confidence confidence = Confidence::low;
  std::string summary;  // one sentence: why this level
  std::vector<SuggestionEvidence> evidence;
  std::vector<std::string> caveats;
  std::string created;  // UTC time the suggestion was made
  // The analyser rule that gave the level ("jitsi.e2e.available"); "" when none.
  std::string rule;
  // How often that rule was right on the probe corpus of real configurations
  // (probe_accuracy.h); absent when not measured.
  std::optional<int> rule_right;
  std::optional<int> rule_total;

  /// The subject as shown to an editor: "service (variant)", "service" or "variant".
  std::string subject() const;
  /// Sets id from origin, subject, feature, level and the evidence (texts,
  /// URLs, content hashes); not from times, so re-running on unchanged
  /// sources yields the same id.
  void make_id();
};

/// "rule jitsi.e2e.available, right in 12 of 13 real configurations"; "" for
/// a suggestion without a rule.
std::string rule_text(const Suggestion& suggestion);

nlohmann::json to_json(const SuggestionEvidence& evidence);
nlohmann::json to_json(const Suggestion& suggestion);
/// Fails naming the first missing or mistyped field.
Result<Suggestion> suggestion_from_json(const nlohmann::json& json);

/// The evidence of an accepted suggestion in the form a rating carries
/// (url, title, verbatim quote, retrieval date).
std::vector<Evidence> to_rating_evidence(const Suggestion& suggestion);

/// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now();

/// JSON text of value; invalid UTF-8 from untrusted input (pages, configs,
/// policies) becomes U+FFFD instead of an exception.
std::string dump_json(const nlohmann::json& value, int indent = -1);

}  // namespace privascore::assist
