// Batch assessment: many instances or services at once. Each target is
// probed, its host names located and its privacy policy analysed, with a
// bounded number of targets in flight and a time budget per target. Results
// go to a JSON Lines file, one line per target, written as each finishes; a
// run that was interrupted continues where it stopped (targets already in the
// output file are skipped). Suggestions can also go to a queue.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "assist/probe.h"
#include "assist/suggestion_queue.h"
#include "util/error.h"

namespace privascore::assist {

struct BatchTarget {
  std::string id;                  // unique key in the output; defaults to the URL
  std::string url;                 // instance to probe; "" = no probe
  std::vector<std::string> hosts;  // extra host names to locate
  std::string policy;              // policy URL or file; "auto" = the link the probe found; "" = none
  std::string service;             // service id for the suggestions
  std::string lang = "auto";       // policy language
};

/// Reads targets from JSON Lines (one object per line: id, url, hosts,
/// policy, service, lang) or TOML (`[[target]]` tables with the same keys),
/// chosen by the file's extension (.jsonl/.json or .toml). Every problem is
/// reported with its line; fails when there is any.
Result<std::vector<BatchTarget>> read_batch_targets(const std::string& path);

struct BatchOptions {
  int jobs = 4;                                     // targets in flight
  std::chrono::milliseconds target_timeout{60000};  // per target, all steps
  ProbeOptions probe;                               // its http options are used for every request
  std::string geo_db;                  // "" = default_geo_db_path(); location is skipped if it cannot be opened
  std::shared_ptr<Resolver> resolver;  // nullptr = system resolver
  std::string output;                  // JSON Lines file, appended to
  SuggestionQueue* queue = nullptr;    // also queue every suggestion
  bool progress = false;               // draw a progress bar on stderr
};

struct BatchSummary {
  std::size_t targets = 0;
  std::size_t skipped = 0;  // already in the output file
  std::size_t done = 0;
  std::size_t failed = 0;  // at least one step failed
  std::vector<std::string> warnings;
};

/// Runs every target not yet in options.output. Fails only when the output
/// file cannot be read or written; per-target problems are in its lines.
Result<BatchSummary> run_batch(const std::vector<BatchTarget>& targets, const BatchOptions& options);

}  // namespace privascore::assist
