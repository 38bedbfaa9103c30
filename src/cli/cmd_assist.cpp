// privascore assist: semi-automated assessment. Every subcommand produces
// suggestions with evidence for editors; nothing is published by itself.
//   assist location HOST...       resolve and locate host names (offline .mmdb)
//   assist policy FILE|URL         find the sentences of a privacy policy that bear on each feature
//   assist batch FILE              probe, locate and analyse many targets (JSON Lines out, resumable)
//   assist queue list|accept|reject  the suggestion queue
//   assist evaluate                precision and recall of the policy analyser
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "assist/batch.h"
#include "assist/geo_db.h"
#include "assist/http_client.h"
#include "assist/location.h"
#include "assist/policy_analyser.h"
#include "assist/policy_eval.h"
#include "assist/suggestion_queue.h"
#include "cli/cli_common.h"
#include "cli/command.h"
#include "editor/clock.h"
#include "editor/suggestion_draft.h"

namespace privascore {

namespace {

// The options of every subcommand (each reads its own).
struct AssistOptions {
  std::vector<std::string> hosts;
  std::string db;
  std::string format = "text";
  std::string service;
  std::string variant;
  std::string queue;
  std::string source;
  std::string lang = "auto";
  bool public_only = false;
  std::string ca_file;
  std::string batch_file;
  std::string output;
  int jobs = 4;
  double timeout = 60;
  bool no_progress = false;
  std::string action;
  std::string id;
  std::string editor;
  std::string draft_db;  // queue accept: open a rating draft in this privascore database
  std::string note;
  std::string status;
  std::string tosdr;
  std::vector<std::string> sentences;
  std::string split = "test";
  bool all_statuses = false;
};

constexpr std::size_t k_max_policy_bytes = 8 * 1024 * 1024;

int fail_with(const Error& e) {
  print_error(e.message, e.hint);
  return k_exit_failure;
}

int queue_suggestions(const std::string& path, const std::vector<assist::Suggestion>& suggestions) {
  if (path.empty()) return k_exit_ok;
  assist::JsonlSuggestionQueue queue(path);
  auto added = queue.add(suggestions);
  if (!added) return fail_with(added.error());
  std::cerr << "privascore: queued " << *added << " new suggestion(s) in " << path << "\n";
  return k_exit_ok;
}

// --- assist location ---

CLI::App* add_location(CLI::App& app, AssistOptions& o) {
  CLI::App* location = app.add_subcommand("location", "Resolve host names and map their addresses to countries");
  location->add_option("hosts", o.hosts, "Host names, e.g. meet.example.org")->required();
  location->add_option("--db", o.db, "MaxMind DB file (default: the npm-installed IPtoASN database)");
  location->add_option("--format,-f", o.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  location->add_option("--service", o.service, "Service id for the suggestion");
  location->add_option("--variant", o.variant, "Hosting variant for the suggestion (default: the first host)");
  location->add_option("--queue", o.queue, "Also append the suggestion to this queue file");
  return location;
}

int run_location(const AssistOptions& o) {
  auto db = assist::GeoDb::open(o.db.empty() ? assist::default_geo_db_path() : o.db);
  if (!db) return fail_with(db.error());
  assist::LocationOptions lo;
  lo.service = o.service;
  lo.variant = o.variant;
  auto report = assist::locate_hosts(o.hosts, *assist::system_resolver(), **db, lo);
  if (o.format == "json")
    std::cout << assist::dump_json(assist::to_json(report), 2) << "\n";
  else
    std::cout << assist::render_text(report);
  return queue_suggestions(o.queue, report.suggestions);
}

// --- assist policy ---

CLI::App* add_policy(CLI::App& app, AssistOptions& o) {
  CLI::App* policy = app.add_subcommand("policy", "Find the sentences of a privacy policy that bear on each feature");
  policy->add_option("source", o.source, "Policy file (HTML or text) or http(s) URL")->required();
  policy->add_option("--format,-f", o.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  policy->add_option("--lang", o.lang, "de, en or auto (default)")->check(CLI::IsMember({"de", "en", "auto"}));
  policy->add_option("--service", o.service, "Service id for the suggestions");
  policy->add_option("--variant", o.variant, "Hosting variant for the suggestions");
  policy->add_option("--queue", o.queue, "Also append the suggestions to this queue file");
  policy->add_flag("--public-only", o.public_only, "Refuse non-public addresses when fetching a URL");
  policy->add_option("--ca-file", o.ca_file, "Trust the certificates in this PEM file instead of the system store");
  return policy;
}

struct PolicyDocument {
  std::string text;
  std::string retrieved;  // when it was read (UTC)
};

// The policy at o.source: fetched when it is a URL, else read from the file.
Result<PolicyDocument> read_policy(const AssistOptions& o) {
  if (o.source.find("://") != std::string::npos) {
    assist::HttpOptions ho;
    ho.public_only = o.public_only;
    ho.ca_file = o.ca_file;
    ho.limits.max_body_bytes = k_max_policy_bytes;
    assist::HttpClient client(ho);
    auto response = client.get(o.source, {}, assist::Clock::now() + std::chrono::seconds(60));
    if (!response) return tl::unexpected(response.error());
    if (response->status != 200)
      return fail("HTTP " + std::to_string(response->status) + " for " + o.source, "check the URL");
    return PolicyDocument{std::move(response->body), response->retrieved};
  }
  std::ifstream in(o.source, std::ios::binary);
  if (!in) return fail("cannot read " + o.source, "give a policy file (HTML or text) or an http(s) URL");
  PolicyDocument document{{}, assist::utc_now()};
  document.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (document.text.size() > k_max_policy_bytes)
    return fail(o.source + " is larger than 8 MiB", "a privacy policy is far smaller; check the file");
  return document;
}

int run_policy(const AssistOptions& o) {
  auto document = read_policy(o);
  if (!document) return fail_with(document.error());
  assist::PolicyAnalyser analyser;
  assist::PolicyOptions po;
  po.lang = o.lang;
  po.service = o.service;
  po.variant = o.variant;
  auto report = analyser.analyse(document->text, o.source, document->retrieved, po);
  if (o.format == "json")
    std::cout << assist::dump_json(assist::to_json(report), 2) << "\n";
  else
    std::cout << assist::render_text(report);
  return queue_suggestions(o.queue, report.suggestions);
}

// --- assist batch ---

CLI::App* add_batch(CLI::App& app, AssistOptions& o) {
  CLI::App* batch = app.add_subcommand("batch", "Probe, locate and analyse many targets; JSON Lines out, resumable");
  batch->add_option("file", o.batch_file, "Targets: .jsonl (one object per line) or .toml ([[target]])")->required();
  batch->add_option("--output,-o", o.output, "Results file (JSON Lines); targets already in it are skipped")
      ->required();
  batch->add_option("--jobs,-j", o.jobs, "Targets in flight (default 4)")->check(CLI::Range(1, 64));
  batch->add_option("--timeout", o.timeout, "Time budget per target in seconds (default 60)")
      ->check(CLI::Range(1.0, 3600.0));
  batch->add_option("--db", o.db, "MaxMind DB file (default: the npm-installed IPtoASN database)");
  batch->add_option("--queue", o.queue, "Also append every suggestion to this queue file");
  batch->add_flag("--public-only", o.public_only, "Refuse non-public addresses");
  batch->add_option("--ca-file", o.ca_file, "Trust the certificates in this PEM file instead of the system store");
  batch->add_flag("--no-progress", o.no_progress, "No progress bar even on a terminal");
  return batch;
}

int run_batch(const AssistOptions& o) {
  auto targets = assist::read_batch_targets(o.batch_file);
  if (!targets) return fail_with(targets.error());
  std::unique_ptr<assist::JsonlSuggestionQueue> q;
  if (!o.queue.empty()) q = std::make_unique<assist::JsonlSuggestionQueue>(o.queue);
  assist::BatchOptions bo;
  bo.jobs = o.jobs;
  bo.target_timeout = std::chrono::milliseconds(static_cast<long>(o.timeout * 1000));
  bo.probe.http.public_only = o.public_only;
  bo.probe.http.ca_file = o.ca_file;
  bo.geo_db = o.db;
  bo.output = o.output;
  bo.queue = q.get();
  bo.progress = !o.no_progress && isatty(STDERR_FILENO);
  auto summary = assist::run_batch(*targets, bo);
  if (!summary) return fail_with(summary.error());
  for (const auto& w : summary->warnings) std::cerr << "privascore: warning: " << w << "\n";
  std::cerr << "privascore: " << summary->targets << " targets: " << summary->done << " run (" << summary->failed
            << " with errors), " << summary->skipped << " already in " << o.output << "\n";
  return static_cast<int>(k_exit_ok);
}

// --- assist queue ---

CLI::App* add_queue(CLI::App& app, AssistOptions& o) {
  CLI::App* queue = app.add_subcommand("queue", "List, accept or reject queued suggestions");
  queue->add_option("action", o.action, "list, accept or reject")
      ->required()
      ->check(CLI::IsMember({"list", "accept", "reject"}));
  queue->add_option("id", o.id, "Suggestion id (accept, reject)");
  queue->add_option("--queue", o.queue, "Queue file (JSON Lines)")->required();
  queue->add_option("--editor", o.editor, "Who decides (accept, reject)");
  queue->add_option("--note", o.note, "Why (accept, reject)");
  queue->add_option("--draft-db", o.draft_db,
                    "accept: also open a rating draft in this privascore database (--editor must be one of "
                    "its accounts); a second person reviews it in the editor");
  queue->add_option("--status", o.status, "list only pending, accepted or rejected")
      ->check(CLI::IsMember({"pending", "accepted", "rejected"}));
  queue->add_option("--format,-f", o.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  return queue;
}

int list_queue(assist::SuggestionQueue& q, const AssistOptions& o) {
  auto entries = q.entries();
  if (!entries) return fail_with(entries.error());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : *entries) {
    if (!o.status.empty() && o.status != assist::to_string(e.decision)) continue;
    if (o.format == "json") {
      auto j = assist::to_json(e.suggestion);
      j["decision"] = assist::to_string(e.decision);
      j["editor"] = e.editor;
      j["note"] = e.note;
      j["decided"] = e.decided;
      list.push_back(std::move(j));
      continue;
    }
    const auto& s = e.suggestion;
    std::cout << s.id << "  " << assist::to_string(e.decision) << "  " << s.subject() << "  " << s.feature << " -> "
              << (s.level.empty() ? "(evidence only)" : s.level) << " (" << assist::to_string(s.confidence) << ", "
              << s.origin << ")\n    " << s.summary << "\n";
    if (!s.rule.empty()) std::cout << "    (" << assist::rule_text(s) << ")\n";
  }
  if (o.format == "json") std::cout << assist::dump_json(list, 2) << "\n";
  return static_cast<int>(k_exit_ok);
}

int decide_queue(assist::SuggestionQueue& q, const AssistOptions& o) {
  if (o.id.empty())
    return fail_with({"`queue " + o.action + "` needs a suggestion id",
                      "list them with `privascore assist queue list --queue FILE`"});
  // The draft first: when it cannot be made, the suggestion stays pending.
  std::optional<editor::Draft> draft;
  if (o.action == "accept" && !o.draft_db.empty()) {
    editor::SystemClock clock;
    auto made = editor::draft_from_queue(q, o.id, o.editor, o.draft_db, clock);
    if (!made) {
      print_error(made.error().message, made.error().hint);
      return static_cast<int>(made.error().kind == ErrorKind::internal ? k_exit_failure : k_exit_invalid_data);
    }
    draft = std::move(*made);
  }
  auto decided =
      q.decide(o.id, o.action == "accept" ? assist::Decision::accepted : assist::Decision::rejected, o.editor, o.note);
  if (!decided) return fail_with(decided.error());
  std::cout << o.id << " " << assist::to_string(decided->decision) << " by " << decided->editor << "\n";
  if (draft)
    std::cout << "draft #" << draft->id << " opened in " << o.draft_db << ": " << draft->service << " · "
              << draft->feature << " (review it under /edit/drafts/" << draft->id << ")\n";
  return static_cast<int>(k_exit_ok);
}

int run_queue(const AssistOptions& o) {
  assist::JsonlSuggestionQueue q(o.queue);
  return o.action == "list" ? list_queue(q, o) : decide_queue(q, o);
}

// --- assist evaluate ---

CLI::App* add_evaluate(CLI::App& app, AssistOptions& o) {
  CLI::App* evaluate = app.add_subcommand("evaluate", "Precision and recall of the policy analyser");
  evaluate->add_option("--tosdr", o.tosdr, "ToS;DR points.jsonl (default: assist-data/tosdr/points.jsonl)");
  evaluate->add_option("--split", o.split, "ToS;DR half: test (default), dev or all")
      ->check(CLI::IsMember({"test", "dev", "all"}));
  evaluate->add_flag("--all-statuses", o.all_statuses, "Also use ToS;DR points that are pending or declined");
  evaluate->add_option("--sentences", o.sentences,
                       "Labelled sentence files (TSV); default: tests/assist/policy/heldout.tsv");
  evaluate->add_option("--format,-f", o.format, "md (default) or json")->check(CLI::IsMember({"text", "md", "json"}));
  return evaluate;
}

int run_evaluate(const AssistOptions& o) {
  assist::PolicyAnalyser analyser;
  std::vector<assist::Evaluation> results;
  const std::string tosdr = o.tosdr.empty() ? assist::default_tosdr_points_path() : o.tosdr;
  const auto split = o.split == "dev"   ? assist::TosdrSplit::dev
                     : o.split == "all" ? assist::TosdrSplit::all
                                        : assist::TosdrSplit::test;
  auto t = assist::evaluate_tosdr(tosdr, analyser, !o.all_statuses, split);
  if (!t) return fail_with(t.error());
  results.push_back(*t);
  std::vector<std::string> sets = o.sentences;
  if (sets.empty()) sets.push_back(assist::default_sentence_set_path());
  for (const auto& path : sets) {
    auto e = assist::evaluate_sentences(path, analyser);
    if (!e) return fail_with(e.error());
    results.push_back(*e);
  }
  if (o.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : results) list.push_back(assist::to_json(r));
    std::cout << assist::dump_json(list, 2) << "\n";
  } else {
    for (const auto& r : results) std::cout << assist::render_markdown(r) << "\n";
  }
  return static_cast<int>(k_exit_ok);
}

// One row per subcommand: its options and what runs it.
struct Subcommand {
  CLI::App* (*add)(CLI::App& app, AssistOptions& o);
  int (*run)(const AssistOptions& o);
};

constexpr Subcommand k_subcommands[] = {
    {add_location, run_location}, {add_policy, run_policy},     {add_batch, run_batch},
    {add_queue, run_queue},       {add_evaluate, run_evaluate},
};

}  // namespace

CommandSpec assist_command() {
  return {"assist", "Semi-automated assessment: location, policy analysis, batch runs, suggestion queue",
          [](CLI::App& app) -> CommandRunner {
            app.require_subcommand(1);
            auto o = std::make_shared<AssistOptions>();
            std::vector<std::pair<CLI::App*, int (*)(const AssistOptions&)>> parsed;
            for (const auto& sub : k_subcommands) parsed.emplace_back(sub.add(app, *o), sub.run);
            return [o, parsed]() -> int {
              for (const auto& [sub, run] : parsed)
                if (sub->parsed()) return run(*o);
              return static_cast<int>(k_exit_usage);
            };
          }};
}

}  // namespace privascore
