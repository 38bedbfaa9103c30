// ProbeContext: the state of one running probe, shared by the platform
// readers (probe_jitsi.cpp, probe_bbb.cpp, probe_nextcloud.cpp,
// probe_opentalk.cpp): fetching within the probe's budgets, recording
// documents, observations, hosts and suggestions. Internal to src/assist.
// Not thread-safe; one per probe.
#pragma once

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assist/http_client.h"
#include "assist/js_literal.h"
#include "assist/probe.h"

namespace privascore::assist {

class ProbeContext {
 public:
  ProbeContext(const HttpClient& client, const ProbeOptions& options, ProbeReport& report, Url base,
               Clock::time_point deadline)
      : m_client(client), m_options(options), m_report(report), m_base(std::move(base)), m_deadline(deadline) {}

  /// Fetches a path below the base URL (or an absolute URL). Returns the
  /// response whatever its status, or nullptr when there is none (error,
  /// budget used up); the attempt is recorded in report().documents either way.
  const HttpResponse* fetch(std::string_view relative, const std::string& purpose, const Headers& headers = {});
  const HttpResponse* fetch_url(const Url& url, const std::string& purpose, const Headers& headers = {});
  /// The SHA-256 of a fetched response's body.
  const std::string& sha256(const HttpResponse* response) const;

  /// Records an observation read from doc (nullptr: derived, no document).
  void observe(const std::string& feature, const std::string& setting, const std::string& value,
               const std::string& meaning, const HttpResponse* doc, std::size_t line = 0);
  /// Observes a JavaScript configuration key, "absent" when not set. An
  /// unrendered template placeholder ("${DATA_PROTECTION_URL}") is observed
  /// as such and returned as nullptr: it is not a value.
  const nlohmann::json* observe_js(const JsDocument& js, const std::string& feature, const std::string& path,
                                   const std::string& meaning_if_set, const std::string& meaning_if_absent,
                                   const HttpResponse* doc);
  /// Observes a switch: the meaning follows its value (true, false, other).
  const nlohmann::json* observe_switch(const JsDocument& js, const std::string& feature, const std::string& path,
                                       const std::string& meaning_if_true, const std::string& meaning_if_false,
                                       const std::string& meaning_if_absent, const HttpResponse* doc);
  /// Records a host seen at `where`. A host once seen as contacted stays so.
  /// kind_hint says what the setting is for ("error reporting") when the
  /// host is not in the catalog.
  void add_host(const std::string& host, const std::string& where, bool link_only, const std::string& kind_hint = {});
  /// Every host name in the string values of json; keys for which is_link
  /// returns true are links a person clicks, keys for which is_skipped
  /// returns true (XMPP domains) are not hosts at all. Blocks switched off
  /// (`enabled: false`, `disabled: true`) are left out, with a note.
  void hosts_in_json(const nlohmann::json& value, const std::string& path, bool (*is_link)(std::string_view path),
                     bool (*is_skipped)(std::string_view path) = nullptr);
  /// A host name worth locating (instance, signalling, media, login).
  void location_host(const std::string& host);
  void note(std::string text) { m_report.notes.push_back(std::move(text)); }

  /// Adds a suggestion for feature made by `rule` (an id such as
  /// "jitsi.e2e.available", with its measured precision from
  /// probe_accuracy.h); its evidence is the observations of that feature
  /// (only those whose setting is in `settings`, when given).
  void suggest(const std::string& rule, const std::string& feature, const std::string& level, Confidence confidence,
               std::string summary, const std::vector<std::string>& settings = {}, bool rests_on_absence = false);
  bool has_suggestion(const std::string& feature) const;

  const Url& base() const { return m_base; }
  ProbeReport& report() { return m_report; }

 private:
  const HttpClient& m_client;
  const ProbeOptions& m_options;
  ProbeReport& m_report;
  Url m_base;
  Clock::time_point m_deadline;
  int m_requests = 0;
  std::deque<HttpResponse> m_responses;
  std::map<const HttpResponse*, std::string> m_hashes;
};

/// Text form of a configuration value: strings as they are, others as JSON,
/// "absent" for nullptr.
std::string value_text(const nlohmann::json* value);
/// True for a JSON true.
bool is_true(const nlohmann::json* value);
/// A non-empty string value, or "" (also for an unrendered placeholder).
std::string string_value(const nlohmann::json* value);
/// True for text that is a template placeholder left unrendered:
/// "${DATA_PROTECTION_URL}", "${IS_BETA:-true}", "$(cat /version)",
/// "{{ .Env.X }}", "<!--# echo var=\"x\" -->".
bool is_placeholder(std::string_view text);

/// Suggests the recording verdict, one rule for every platform: recording
/// not available green; available with consent for every recording green;
/// available without a consent requirement yellow (participants see that a
/// recording runs, nobody is asked).
enum class RecordingState { none, with_consent, without_consent, consent_optional };
void suggest_recording(ProbeContext& context, const std::string& platform_rule, RecordingState state,
                       const std::string& what, bool rests_on_absence);

// The platform readers. Each is called once the platform is recognised.
/// `source` is the configuration's text (config.js, or the inline script of a room page).
void read_jitsi(ProbeContext& context, const HttpResponse& config_js, const JsDocument& config,
                std::string_view source);
void read_opentalk(ProbeContext& context, const HttpResponse& config_js, const JsDocument& config);
void read_nextcloud(ProbeContext& context, const HttpResponse& status_php, const nlohmann::json& status);
void read_bigbluebutton(ProbeContext& context, const HttpResponse* api, const HttpResponse* greenlight_env);

/// Suggestions every platform gets once its reader is done: third-party
/// requests (metadata), transparency links, open source, region.
void suggest_common(ProbeContext& context);

}  // namespace privascore::assist
