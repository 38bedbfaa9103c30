#include "assist/policy_analyser.h"
#include <nlohmann/json.hpp>

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "assist/content_hash.h"
#include "assist/policy_patterns.h"
#include "assist/policy_text.h"

namespace privascore::assist {

using nlohmann::json;

const char* to_string(PolicyLang lang) {
  return lang == PolicyLang::de ? "de" : "en";
}

std::size_t PolicyReport::count(const std::string& topic) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const PolicyFinding& f) { return f.topic == topic; }));
}

namespace {

struct LangSet {
  std::unique_ptr<RE2::Set> set;
  std::vector<std::size_t> topic_of;  // set index -> index in policy_topics()
  std::unique_ptr<RE2> negation;
};

RE2::Options options() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

std::size_t topic_index(const char* id) {
  const auto& topics = policy_topics();
  for (std::size_t i = 0; i < topics.size(); ++i)
    if (std::string_view(topics[i].id) == id) return i;
  return topics.size();
}

}  // namespace

struct PolicyAnalyser::Impl {
  LangSet sets[2];  // de, en
  std::size_t recording = 0, consent = 0, recording_consent = 0;
};

PolicyAnalyser::PolicyAnalyser() : m_impl(std::make_unique<Impl>()) {
  for (PolicyLang lang : {PolicyLang::de, PolicyLang::en}) {
    LangSet& ls = m_impl->sets[lang == PolicyLang::de ? 0 : 1];
    ls.set = std::make_unique<RE2::Set>(options(), RE2::UNANCHORED);
    const std::string code = to_string(lang);
    for (const auto& p : policy_patterns()) {
      if (std::string_view(p.lang) != "*" && p.lang != code) continue;
      std::string error;
      // The patterns are ours and tested; a bad one is a programming error
      // that the unit tests catch, so it is skipped rather than fatal here.
      if (ls.set->Add(p.regex, &error) < 0) continue;
      ls.topic_of.push_back(topic_index(p.topic));
    }
    ls.set->Compile();
    for (const auto& n : negation_patterns())
      if (n.lang == code) ls.negation = std::make_unique<RE2>(n.regex, options());
  }
  m_impl->recording = topic_index("recording");
  m_impl->consent = topic_index("consent");
  m_impl->recording_consent = topic_index("recording-consent");
}

PolicyAnalyser::~PolicyAnalyser() = default;

std::vector<std::string> PolicyAnalyser::topics_of(std::string_view sentence, PolicyLang lang) const {
  const LangSet& ls = m_impl->sets[lang == PolicyLang::de ? 0 : 1];
  std::vector<int> hits;
  ls.set->Match(re2::StringPiece(sentence.data(), sentence.size()), &hits);
  const auto& topics = policy_topics();
  std::vector<bool> found(topics.size() + 1, false);
  for (int h : hits) found[ls.topic_of[static_cast<std::size_t>(h)]] = true;
  if (found[m_impl->recording] && found[m_impl->consent]) found[m_impl->recording_consent] = true;
  found[m_impl->consent] = false;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < topics.size(); ++i)
    if (found[i]) out.emplace_back(topics[i].id);
  return out;
}

bool PolicyAnalyser::negated(std::string_view sentence, PolicyLang lang) const {
  const LangSet& ls = m_impl->sets[lang == PolicyLang::de ? 0 : 1];
  return ls.negation && RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), *ls.negation);
}

PolicyLang PolicyAnalyser::detect_language(std::string_view text) {
  static const std::set<std::string, std::less<>> k_de = {"der",  "die",    "das",  "und", "ist", "nicht", "wir", "sie",
                                                          "ihre", "werden", "mit",  "von", "zu",  "den",   "auf", "im",
                                                          "des",  "eine",   "oder", "dem", "zur", "bei"};
  static const std::set<std::string, std::less<>> k_en = {"the",  "and", "is",  "not", "we",   "you", "your", "with",
                                                          "for",  "of",  "to",  "are", "will", "be",  "or",   "this",
                                                          "that", "by",  "may", "our", "in",   "on"};
  std::size_t de = 0, en = 0;
  std::string word;
  const std::size_t limit = std::min<std::size_t>(text.size(), 20000);
  for (std::size_t i = 0; i <= limit; ++i) {
    char c = i < limit ? text[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (!word.empty()) {
      de += k_de.count(word);
      en += k_en.count(word);
      word.clear();
    }
  }
  return de > en ? PolicyLang::de : PolicyLang::en;
}

namespace {

SuggestionEvidence quote(const PolicyReport& r, const PolicyFinding& f) {
  SuggestionEvidence e;
  e.kind = "quote";
  e.text = f.sentence;
  e.url = r.source;
  e.retrieved = r.retrieved;
  e.content_sha256 = r.sha256;
  e.offset = f.offset;
  e.line = f.line;
  return e;
}

void suggest_from_policy(PolicyReport& r, const PolicyOptions& o) {
  auto make = [&](const std::string& feature, const std::string& level, Confidence c, std::string summary,
                  const std::vector<const PolicyFinding*>& evidence, std::vector<std::string> caveats) {
    Suggestion s;
    s.origin = "policy";
    s.category = o.category;
    s.service = o.service;
    s.variant = o.variant;
    s.feature = feature;
    s.level = level;
    s.confidence = c;
    s.summary = std::move(summary);
    s.created = utc_now();
    for (std::size_t i = 0; i < evidence.size() && i < o.quotes_per_suggestion; ++i)
      s.evidence.push_back(quote(r, *evidence[i]));
    s.caveats = std::move(caveats);
    s.caveats.insert(s.caveats.begin(), k_caveat_presence);
    s.make_id();
    r.suggestions.push_back(std::move(s));
  };
  auto findings = [&](std::initializer_list<const char*> topics, int negation /* -1 any, 0 plain, 1 negated */) {
    std::vector<const PolicyFinding*> out;
    for (const auto& f : r.findings) {
      if (std::none_of(topics.begin(), topics.end(), [&](const char* t) { return f.topic == t; })) continue;
      if (negation == 0 && f.negated) continue;
      if (negation == 1 && !f.negated) continue;
      out.push_back(&f);
    }
    // Whole sentences make better evidence than headings.
    std::stable_partition(out.begin(), out.end(), [](const PolicyFinding* f) {
      const char last = f->sentence.empty() ? ' ' : f->sentence.back();
      return last == '.' || last == '!' || last == '?';
    });
    return out;
  };
  const std::string sentence_caveat =
      "A sentence found by its wording may be about something else; read each quote in its context.";

  // Server location: transfers to third countries.
  if (auto transfers = findings({"third-country"}, 0); !transfers.empty())
    make("server-location", "red", Confidence::low,
         "The policy speaks of transfers to third countries or their safeguards (" + std::to_string(transfers.size()) +
             " sentences).",
         transfers, {sentence_caveat});
  else if (auto eu = findings({"eu-only"}, -1); !eu.empty())
    make("server-location", "green", Confidence::low,
         "The policy says data is processed in the EU/EEA or a member state, and mentions no third-country transfer "
         "without a negation.",
         eu, {sentence_caveat, k_caveat_absence});
  else if (auto negated_transfers = findings({"third-country"}, 1); !negated_transfers.empty())
    make("server-location", "", Confidence::low, "The policy mentions third countries only in negated sentences.",
         negated_transfers, {sentence_caveat});

  // Metadata to third parties.
  if (auto selling = findings({"sale", "advertising"}, 0); !selling.empty())
    make("metadata", "red", Confidence::low,
         "The policy speaks of selling data or of advertising (" + std::to_string(selling.size()) + " sentences).",
         selling, {sentence_caveat});
  else if (auto sharing = findings({"third-parties", "analytics"}, 0); !sharing.empty())
    make("metadata", "yellow", Confidence::low,
         "The policy speaks of sharing with third parties or of analytics and tracking (" +
             std::to_string(sharing.size()) + " sentences).",
         sharing, {sentence_caveat});
  else if (auto denied = findings({"third-parties", "sale", "advertising", "analytics"}, 1); !denied.empty())
    make("metadata", "green", Confidence::low,
         "The policy mentions sharing, advertising or tracking only to rule them out.", denied,
         {sentence_caveat, k_caveat_absence});

  // Recording and consent.
  if (auto with_consent = findings({"recording-consent"}, -1); !with_consent.empty())
    make("recording-consent", "green", Confidence::low,
         "The policy ties recording to consent (" + std::to_string(with_consent.size()) + " sentences).", with_consent,
         {sentence_caveat});
  else if (auto recording = findings({"recording"}, -1); !recording.empty())
    make("recording-consent", "", Confidence::low, "The policy mentions recording without speaking of consent.",
         recording, {sentence_caveat});

  // Transparency: the Art. 13 items.
  std::vector<const PolicyFinding*> items;
  std::vector<std::string> missing;
  for (const auto& item : transparency_items()) {
    auto found = findings({item.c_str()}, -1);
    if (found.empty())
      missing.push_back(item);
    else
      items.push_back(found.front());
  }
  const std::size_t present = transparency_items().size() - missing.size();
  std::string summary = std::to_string(present) + " of " + std::to_string(transparency_items().size()) +
                        " Art. 13 GDPR items are mentioned";
  if (!missing.empty()) {
    summary += "; not found: ";
    for (std::size_t i = 0; i < missing.size(); ++i) summary += (i ? ", " : "") + missing[i];
  }
  summary += ".";
  const std::string level = present == transparency_items().size() ? "green" : present >= 5 ? "yellow" : "red";
  {
    Suggestion s;
    s.origin = "policy";
    s.category = o.category;
    s.service = o.service;
    s.variant = o.variant;
    s.feature = "transparency";
    s.level = level;
    s.confidence = present == transparency_items().size() ? Confidence::medium : Confidence::low;
    s.summary = summary;
    s.created = utc_now();
    for (const auto* f : items) s.evidence.push_back(quote(r, *f));
    s.caveats = {k_caveat_presence, "Mentioning an item does not show that it is answered completely or correctly.",
                 k_caveat_absence};
    s.make_id();
    r.suggestions.push_back(std::move(s));
  }

  // Anonymous use and end-to-end encryption: evidence for an editor, no level.
  if (auto anon = findings({"anonymous"}, -1); !anon.empty())
    make("anonymous", "", Confidence::low, "The policy speaks of anonymous, pseudonymous or account-free use.", anon,
         {sentence_caveat});
  if (auto e2e = findings({"e2e"}, -1); !e2e.empty())
    make("e2e", "", Confidence::low, "The policy speaks of end-to-end encryption.", e2e, {sentence_caveat});
}

}  // namespace

PolicyReport PolicyAnalyser::analyse(std::string_view document, const std::string& source, const std::string& retrieved,
                                     const PolicyOptions& options) const {
  PolicyReport r;
  r.source = source;
  r.sha256 = sha256_hex(document);
  r.retrieved = retrieved;
  r.bytes = document.size();
  PolicyText text = extract_text(document);
  r.html = text.html;
  if (options.lang == "de") {
    r.lang = PolicyLang::de;
  } else if (options.lang == "en") {
    r.lang = PolicyLang::en;
  } else {
    r.lang = detect_language(text.text);
    r.lang_detected = true;
  }
  const auto sentences = split_sentences(text, document);
  r.sentences = sentences.size();
  for (const auto& s : sentences) {
    std::string_view sentence = std::string_view(text.text).substr(s.begin, s.end - s.begin);
    auto topics = topics_of(sentence, r.lang);
    if (topics.empty()) continue;
    const bool neg = negated(sentence, r.lang);
    for (auto& t : topics)
      r.findings.push_back(PolicyFinding{std::move(t), std::string(sentence), s.offset, s.line, neg});
  }
  for (const auto& item : transparency_items()) r.transparency[item] = r.count(item) > 0;
  suggest_from_policy(r, options);
  r.caveats = {k_caveat_presence, k_caveat_absence,
               "Sentences are found by their wording (regular expressions), not understood; negations are only "
               "flagged."};
  return r;
}

json to_json(const PolicyReport& r) {
  json topics = json::object();
  for (const auto& t : policy_topics()) {
    if (std::string_view(t.feature).empty()) continue;
    json list = json::array();
    for (const auto& f : r.findings)
      if (f.topic == t.id)
        list.push_back({{"sentence", f.sentence}, {"offset", f.offset}, {"line", f.line}, {"negated", f.negated}});
    topics[t.id] = {{"feature", t.feature}, {"name", t.name}, {"findings", list}};
  }
  json suggestions = json::array();
  for (const auto& s : r.suggestions) suggestions.push_back(to_json(s));
  return {{"source", r.source},
          {"sha256", r.sha256},
          {"retrieved", r.retrieved},
          {"lang", to_string(r.lang)},
          {"lang_detected", r.lang_detected},
          {"html", r.html},
          {"bytes", r.bytes},
          {"sentences", r.sentences},
          {"topics", topics},
          {"transparency_items", r.transparency},
          {"suggestions", suggestions},
          {"caveats", r.caveats}};
}

std::string render_text(const PolicyReport& r) {
  std::ostringstream out;
  out << "Privacy policy analysis of " << r.source << "\n";
  out << (r.html ? "HTML" : "text") << ", " << r.bytes << " bytes, " << r.sentences << " sentences, language "
      << to_string(r.lang) << (r.lang_detected ? " (detected)" : "") << ", sha256 " << r.sha256 << "\n";
  std::string feature;
  for (const auto& t : policy_topics()) {
    if (std::string_view(t.feature).empty()) continue;
    if (feature != t.feature) {
      feature = t.feature;
      out << "\n[" << feature << "]\n";
    }
    const std::size_t n = r.count(t.id);
    out << "  " << t.name << ": " << n << (n == 1 ? " sentence" : " sentences") << "\n";
    std::size_t shown = 0;
    for (const auto& f : r.findings) {
      if (f.topic != t.id) continue;
      if (++shown > 3) {
        out << "    … " << (n - 3) << " more (see --format json)\n";
        break;
      }
      std::string s = f.sentence.size() > 300 ? f.sentence.substr(0, 300) + "…" : f.sentence;
      out << "    line " << f.line << ", byte " << f.offset << (f.negated ? ", negated" : "") << ": \"" << s << "\"\n";
    }
  }
  out << "\nSuggestions (for an editor, not ratings)\n";
  for (const auto& s : r.suggestions)
    out << "  " << s.feature << ": " << (s.level.empty() ? "no level (evidence only)" : s.level) << ", confidence "
        << to_string(s.confidence) << ": " << s.summary << "\n";
  out << "\n";
  for (const auto& c : r.caveats) out << "  * " << c << "\n";
  return out.str();
}

}  // namespace privascore::assist
