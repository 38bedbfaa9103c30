// PolicyAnalyser: finds the sentences of a privacy policy (German or
// English, HTML or text) that bear on each rating feature, quotes them with
// their position, and derives suggestions. Matching uses RE2::Set, one pass
// per sentence for all patterns, linear in the input whatever it contains.
// Construction compiles the patterns; analyse() is const and thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assist/suggestion.h"

namespace privascore::assist {

enum class PolicyLang { de, en };
const char* to_string(PolicyLang lang);

struct PolicyFinding {
  std::string topic;
  std::string sentence;    // verbatim from the extracted text
  std::size_t offset = 0;  // byte offset in the source document
  std::size_t line = 0;    // 1-based line in the source document
  bool negated = false;    // the sentence contains a negation ("not", "keine")
};

struct PolicyReport {
  std::string source;  // file path or URL
  std::string sha256;  // of the source bytes
  std::string retrieved;
  PolicyLang lang = PolicyLang::en;
  bool lang_detected = false;
  bool html = false;
  std::size_t bytes = 0;
  std::size_t sentences = 0;
  std::vector<PolicyFinding> findings;       // document order; one per sentence and topic
  std::map<std::string, bool> transparency;  // Art. 13 item -> a sentence on it was found
  std::vector<Suggestion> suggestions;
  std::vector<std::string> caveats;

  std::size_t count(const std::string& topic) const;
};

struct PolicyOptions {
  std::string lang = "auto";  // "de", "en" or "auto"
  std::string service;
  std::string variant;
  std::string category = "video-conferencing";
  std::size_t quotes_per_suggestion = 5;
};

class PolicyAnalyser {
 public:
  PolicyAnalyser();
  ~PolicyAnalyser();
  PolicyAnalyser(const PolicyAnalyser&) = delete;
  PolicyAnalyser& operator=(const PolicyAnalyser&) = delete;

  /// The topics one sentence bears on, in policy_topics() order, with the
  /// derived "recording-consent" and without the helper "consent".
  std::vector<std::string> topics_of(std::string_view sentence, PolicyLang lang) const;
  bool negated(std::string_view sentence, PolicyLang lang) const;

  /// Analyses a whole document. retrieved is the time it was read.
  PolicyReport analyse(std::string_view document, const std::string& source, const std::string& retrieved,
                       const PolicyOptions& options = {}) const;

  /// German or English, by counting frequent function words.
  static PolicyLang detect_language(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

nlohmann::json to_json(const PolicyReport& report);
std::string render_text(const PolicyReport& report);

}  // namespace privascore::assist
