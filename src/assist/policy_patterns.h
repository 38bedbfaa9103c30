// The policy analyser's vocabulary: for each topic (third-country transfer,
// sharing with third parties, advertising, analytics, recording and consent,
// the Art. 13 GDPR transparency items, anonymous use, end-to-end
// encryption) the regular expressions, in German and English, that mark a
// sentence as bearing on it, and the rating feature the topic informs.
//
// The expressions use a syntax both RE2 and std::regex (ECMAScript) accept
// and are matched case-insensitively, so the benchmark can run the same
// patterns through both. Pure data; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace privascore::assist {

struct PolicyTopic {
  const char* id;       // "third-country"
  const char* feature;  // feature id it informs ("server-location"); "" for helper topics
  const char* name;     // English name for reports
};

struct PolicyPattern {
  const char* topic;
  const char* lang;  // "de", "en" or "*" (both)
  const char* regex;
};

/// Topics in report order. "consent" is a helper topic (feature "");
/// "recording-consent" is derived: a sentence on recording that also
/// speaks of consent.
const std::vector<PolicyTopic>& policy_topics();
const std::vector<PolicyPattern>& policy_patterns();

/// Patterns that mark a sentence as negated ("not", "never", "nicht", "keine").
const std::vector<PolicyPattern>& negation_patterns();

/// The Art. 13 GDPR items among the topics, in order.
const std::vector<std::string>& transparency_items();

}  // namespace privascore::assist
