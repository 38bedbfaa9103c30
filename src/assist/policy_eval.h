// Measuring the policy analyser: precision and recall per topic and per
// feature on labelled data — the ToS;DR points (cases mapped to our topics,
// see tosdr_case_topics) and our own bilingual sentence sets
// (tests/assist/policy/*.tsv). Reads files; otherwise pure.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assist/policy_analyser.h"
#include "util/error.h"

namespace privascore::assist {

struct Score {
  std::string name;
  std::size_t positives = 0;  // labelled items
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fp); }
  double recall() const { return tp + fn == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fn); }
};

struct Evaluation {
  std::string name;
  std::size_t items = 0;
  std::vector<Score> topics;    // only topics with labels in this data
  std::vector<Score> features;  // features of those topics
};

/// ToS;DR case title -> our topic. Cases not listed are negatives for every topic.
const std::vector<std::pair<std::string, std::string>>& tosdr_case_topics();

/// Which ToS;DR points to use: all, the development half (odd ids: the
/// patterns were adjusted looking at its errors) or the test half (even ids:
/// never looked at, the reported figures).
enum class TosdrSplit { all, dev, test };

/// Evaluates on points.jsonl (one ToS;DR point per line: id, case, quote,
/// status). approved_only keeps points curators approved. Each quote is
/// analysed as a small document (language detected per quote); it counts as
/// found for a topic when any of its sentences is.
Result<Evaluation> evaluate_tosdr(const std::string& points_path, const PolicyAnalyser& analyser, bool approved_only,
                                  TosdrSplit split = TosdrSplit::all);

/// Evaluates on a labelled sentence file (language, topics, sentence; TSV).
Result<Evaluation> evaluate_sentences(const std::string& tsv_path, const PolicyAnalyser& analyser);

/// The ToS;DR points shipped in assist-data/tosdr/ and our held-out
/// sentence set, in the source tree this binary was built from.
std::string default_tosdr_points_path();
std::string default_sentence_set_path();

nlohmann::json to_json(const Evaluation& evaluation);
/// A Markdown table: topic or feature, labelled, TP, FP, FN, precision, recall.
std::string render_markdown(const Evaluation& evaluation);

}  // namespace privascore::assist
