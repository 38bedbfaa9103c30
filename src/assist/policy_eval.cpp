#include "assist/policy_eval.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "assist/policy_patterns.h"
#include "assist/policy_text.h"

namespace privascore::assist {

using nlohmann::json;

const std::vector<std::pair<std::string, std::string>>& tosdr_case_topics() {
  static const std::vector<std::pair<std::string, std::string>> k_map = {
      {"Your data may be processed and stored anywhere in the world", "third-country"},
      {"If the service shares personal information outside of its jurisdiction, it is processed according to the "
       "original jurisdiction's data protection standards",
       "third-country"},
      {"Your personal data is given to third parties", "third-parties"},
      {"This service can share your personal information to third parties ", "third-parties"},
      {"The service does not share user information with third parties", "third-parties"},
      {"Third parties may be involved in operating the service", "third-parties"},
      {"Many third parties are involved in operating the service", "third-parties"},
      {"This service only shares user information with third parties when given specific consent", "third-parties"},
      {"Only aggregate data is given to third parties", "third-parties"},
      {"The service will not allow third parties to access your personal information without a legal basis",
       "third-parties"},
      {"Third parties used by the service are bound by confidentiality obligations", "third-parties"},
      {"The service allows you to opt out of providing personal information to third parties", "third-parties"},
      {"The service explains how to prevent disclosure of personal information to third parties", "third-parties"},
      {"This service reserves the right to disclose your personal information without notifying you", "third-parties"},
      {"This service does not sell your personal data", "sale"},
      {"The service may sell your data unless you opt out", "sale"},
      {"The service can sell or otherwise transfer your personal data as part of a bankruptcy proceeding or other "
       "type of financial transaction.",
       "sale"},
      {"The service uses your personal data to employ targeted third-party advertising", "advertising"},
      {"The service uses your personal data for advertising", "advertising"},
      {"This service may use your personal information for marketing purposes", "advertising"},
      {"You can opt out of targeted advertising", "advertising"},
      {"Your identity is used in ads that are shown to other users", "advertising"},
      {"This service uses third-party cookies for statistics", "analytics"},
      {"The service may use tracking pixels, web beacons, browser fingerprinting, and/or device fingerprinting on "
       "users.",
       "analytics"},
      {"Tracking via third-party cookies for other purposes without your consent.", "analytics"},
      {"This service employs third-party cookies, but with opt-out instructions", "analytics"},
      {"This service tracks you on other websites", "analytics"},
      {"The service does not use third-party analytics or tracking platforms", "analytics"},
      {"The service uses social media cookies/pixels", "analytics"},
      {"Tracking pixels are used in service-to-user communication", "analytics"},
      {"This service ignores the Do Not Track (DNT) header and tracks users anyway even if they set this header.",
       "analytics"},
      {"This service respects your browser's Do Not Track (DNT) headers", "analytics"},
      {"This service does not track you", "analytics"},
      {"IP addresses of website visitors are not tracked", "analytics"},
      {"The service deletes tracking data after a period of time and allows you to opt out", "analytics"},
      {"Device fingerprinting", "analytics"},
      {"The service provides information about how they intend to use your personal data", "purposes"},
      {"Your personal data is used for limited purposes", "purposes"},
      {"This service uses your personal information for many different purposes", "purposes"},
      {"The service's data retention period is kept to the minimum necessary for fulfilling its purposes", "retention"},
      {"This service keeps user logs for an undefined period of time", "retention"},
      {"User logs are deleted after a finite period of time", "retention"},
      {"This service may keep personal data after a request for erasure for business interests or legal obligations",
       "retention"},
      {"The service may keep a secure, anonymized record of users' data for analytical purposes even after the data "
       "retention period",
       "retention"},
      {"The service deletes tracking data after a period of time and allows you to opt out", "retention"},
      {"You can request access and deletion of personal data", "rights"},
      {"The service provides a complaint mechanism for the handling of personal data", "complaint"},
      {"The service allows you to use pseudonyms", "anonymous"},
      {"You must provide your legal name, pseudonyms are not allowed", "anonymous"},
      {"You must provide your legal name-bad-10", "anonymous"},
      {"No need to register", "anonymous"},
      {"You must create an account to use this service", "anonymous"},
      {"Users can access most of the pages on the service's website without revealing any personal information",
       "anonymous"},
      {"Users are not allowed to use pseudonyms, as trust and transparency between users regarding their identities "
       "is relevant to the service.",
       "anonymous"},
      {"User pseudonyms are allowed due to the service's billing policies", "anonymous"},
      {"User-generated content is encrypted, and this service cannot decrypt it", "e2e"},
  };
  return k_map;
}

namespace {

std::string feature_of(const std::string& topic) {
  for (const auto& t : policy_topics())
    if (topic == t.id) return t.feature;
  return {};
}

struct Item {
  std::set<std::string> labels;
  std::set<std::string> found;
};

Evaluation score(std::string name, const std::vector<Item>& items) {
  Evaluation e;
  e.name = std::move(name);
  e.items = items.size();
  // Evaluate the topics that have labels in this data (and their features).
  std::set<std::string> labelled_topics, labelled_features;
  for (const auto& item : items)
    for (const auto& l : item.labels) {
      labelled_topics.insert(l);
      labelled_features.insert(feature_of(l));
    }
  for (const auto& t : policy_topics()) {
    if (!labelled_topics.count(t.id)) continue;
    Score s;
    s.name = t.id;
    for (const auto& item : items) {
      const bool label = item.labels.count(t.id) > 0;
      const bool found = item.found.count(t.id) > 0;
      s.positives += label;
      s.tp += label && found;
      s.fp += !label && found;
      s.fn += label && !found;
    }
    e.topics.push_back(s);
  }
  std::vector<std::string> features;
  for (const auto& t : policy_topics())
    if (labelled_features.count(t.feature) && std::find(features.begin(), features.end(), t.feature) == features.end())
      features.push_back(t.feature);
  for (const auto& f : features) {
    Score s;
    s.name = f;
    for (const auto& item : items) {
      const bool label =
          std::any_of(item.labels.begin(), item.labels.end(), [&](const std::string& l) { return feature_of(l) == f; });
      const bool found =
          std::any_of(item.found.begin(), item.found.end(), [&](const std::string& l) { return feature_of(l) == f; });
      s.positives += label;
      s.tp += label && found;
      s.fp += !label && found;
      s.fn += label && !found;
    }
    e.features.push_back(s);
  }
  return e;
}

std::set<std::string> topics_of_document(const PolicyAnalyser& analyser, const std::string& text) {
  std::set<std::string> found;
  PolicyText pt = extract_text(text);
  const PolicyLang lang = PolicyAnalyser::detect_language(pt.text);
  for (const auto& s : split_sentences(pt, text))
    for (auto& t : analyser.topics_of(std::string_view(pt.text).substr(s.begin, s.end - s.begin), lang))
      found.insert(t);
  return found;
}

}  // namespace

Result<Evaluation> evaluate_tosdr(const std::string& points_path, const PolicyAnalyser& analyser, bool approved_only,
                                  TosdrSplit split) {
  std::ifstream in(points_path);
  if (!in) return fail("cannot read " + points_path, "give the path of the ToS;DR points.jsonl file");
  std::map<std::string, std::vector<std::string>> topics_by_case;
  for (const auto& [c, t] : tosdr_case_topics()) topics_by_case[c].push_back(t);
  std::vector<Item> items;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    auto j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return fail(points_path + ":" + std::to_string(number) + ": not a JSON object");
    if (approved_only && j.value("status", "") != "approved") continue;
    const long id = j.value("id", 0L);
    if ((split == TosdrSplit::dev && id % 2 == 0) || (split == TosdrSplit::test && id % 2 != 0)) continue;
    Item item;
    if (auto it = topics_by_case.find(j.value("case", "")); it != topics_by_case.end())
      item.labels.insert(it->second.begin(), it->second.end());
    item.found = topics_of_document(analyser, j.value("quote", ""));
    items.push_back(std::move(item));
  }
  const char* half = split == TosdrSplit::dev    ? ", development half (odd ids)"
                     : split == TosdrSplit::test ? ", test half (even ids)"
                                                 : "";
  return score(std::string("ToS;DR points") + (approved_only ? " (approved" : " (all") + half + ")", items);
}

Result<Evaluation> evaluate_sentences(const std::string& tsv_path, const PolicyAnalyser& analyser) {
  std::ifstream in(tsv_path);
  if (!in) return fail("cannot read " + tsv_path);
  std::vector<Item> items;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::size_t a = line.find('\t');
    std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos)
      return fail(tsv_path + ":" + std::to_string(number) +
                  ": expected language, topics and sentence separated by tabs");
    const std::string lang = line.substr(0, a);
    if (lang != "de" && lang != "en")
      return fail(tsv_path + ":" + std::to_string(number) + ": language `" + lang + "` is not de or en");
    Item item;
    std::istringstream topics(line.substr(a + 1, b - a - 1));
    std::string t;
    while (std::getline(topics, t, ','))
      if (t != "-") {
        if (feature_of(t).empty() && t != "consent")
          return fail(tsv_path + ":" + std::to_string(number) + ": unknown topic `" + t + "`");
        item.labels.insert(t);
      }
    for (auto& f : analyser.topics_of(line.substr(b + 1), lang == "de" ? PolicyLang::de : PolicyLang::en))
      item.found.insert(f);
    items.push_back(std::move(item));
  }
  std::string name = tsv_path.substr(tsv_path.find_last_of('/') + 1);
  return score(name, items);
}

std::string default_tosdr_points_path() {
  return std::string(PRIVASCORE_ASSIST_DATA_DIR) + "/tosdr/points.jsonl";
}
std::string default_sentence_set_path() {
  return std::string(PRIVASCORE_ASSIST_SOURCE_DIR) + "/tests/assist/policy/heldout.tsv";
}

json to_json(const Evaluation& e) {
  auto scores = [](const std::vector<Score>& list) {
    json out = json::array();
    for (const auto& s : list)
      out.push_back({{"name", s.name},
                     {"labelled", s.positives},
                     {"tp", s.tp},
                     {"fp", s.fp},
                     {"fn", s.fn},
                     {"precision", s.precision()},
                     {"recall", s.recall()}});
    return out;
  };
  return {{"name", e.name}, {"items", e.items}, {"topics", scores(e.topics)}, {"features", scores(e.features)}};
}

std::string render_markdown(const Evaluation& e) {
  std::ostringstream out;
  auto table = [&](const char* title, const std::vector<Score>& list) {
    out << "| " << title << " | labelled | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& s : list) {
      char p[16], r[16];
      std::snprintf(p, sizeof p, "%.2f", s.precision());
      std::snprintf(r, sizeof r, "%.2f", s.recall());
      out << "| " << s.name << " | " << s.positives << " | " << s.tp << " | " << s.fp << " | " << s.fn << " | " << p
          << " | " << r << " |\n";
    }
  };
  out << "### " << e.name << " (" << e.items << " items)\n\n";
  table("feature", e.features);
  out << "\n";
  table("topic", e.topics);
  return out.str();
}

}  // namespace privascore::assist
