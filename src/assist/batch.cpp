#include "assist/batch.h"
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "assist/geo_db.h"
#include "assist/location.h"
#include "assist/policy_analyser.h"
#include "loader/toml_reader.h"

namespace privascore::assist {

using nlohmann::json;

namespace {

Result<std::vector<BatchTarget>> read_jsonl_targets(const std::string& path, const std::string& content) {
  std::vector<BatchTarget> out;
  std::istringstream in(content);
  std::string line;
  std::size_t number = 0;
  std::vector<std::string> problems;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos || line[line.find_first_not_of(" \t\r")] == '#') continue;
    const std::string where = path + ":" + std::to_string(number);
    auto j = json::parse(line, nullptr, false);
    if (j.is_string()) j = json{{"url", j.get<std::string>()}};
    if (!j.is_object()) {
      problems.push_back(where + ": expected a JSON object such as {\"url\": \"https://meet.example.org/\"}");
      continue;
    }
    BatchTarget t;
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& key = it.key();
      if (key == "hosts") {
        if (!it->is_array()) {
          problems.push_back(where + ": `hosts` must be an array of host names");
          continue;
        }
        for (const auto& h : *it)
          if (h.is_string()) t.hosts.push_back(h.get<std::string>());
        continue;
      }
      std::string* field = key == "id"        ? &t.id
                           : key == "url"     ? &t.url
                           : key == "policy"  ? &t.policy
                           : key == "service" ? &t.service
                           : key == "lang"    ? &t.lang
                                              : nullptr;
      if (!field) {
        problems.push_back(where + ": unknown key `" + key + "` (expected id, url, hosts, policy, service, lang)");
        continue;
      }
      if (!it->is_string()) {
        problems.push_back(where + ": `" + key + "` must be a string");
        continue;
      }
      *field = it->get<std::string>();
    }
    if (t.url.empty() && t.hosts.empty() && t.policy.empty())
      problems.push_back(where + ": a target needs at least one of url, hosts or policy");
    if (t.id.empty()) t.id = !t.url.empty() ? t.url : !t.hosts.empty() ? t.hosts.front() : t.policy;
    out.push_back(std::move(t));
  }
  if (!problems.empty()) {
    std::string message = problems.front();
    if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    return fail(message, "fix the target file; one JSON object per line");
  }
  return out;
}

Result<std::vector<BatchTarget>> read_toml_targets(const std::string& path, const std::string& content) {
  DiagnosticSink sink;
  TomlDocument doc = TomlDocument::parse(content, path, sink);
  std::vector<BatchTarget> out;
  if (doc.root()) {
    TableReader root(*doc.root(), path, "the file", sink);
    root.tables("target", true, [&](TableReader& r) {
      BatchTarget t;
      t.url = r.string("url", false).value_or("");
      t.id = r.string("id", false).value_or(t.url);
      t.policy = r.string("policy", false).value_or("");
      t.service = r.string("service", false).value_or("");
      t.lang = r.string("lang", false).value_or("auto");
      t.hosts = r.string_array("hosts", false).value_or(std::vector<std::string>{});
      if (t.id.empty()) t.id = !t.hosts.empty() ? t.hosts.front() : t.policy;
      if (t.url.empty() && t.hosts.empty() && t.policy.empty())
        sink.error(r.loc(), "a target needs at least one of url, hosts or policy");
      r.finish({"id", "url", "hosts", "policy", "service", "lang"});
      out.push_back(std::move(t));
    });
    root.finish({"target"});
  }
  if (sink.has_errors()) {
    const Diagnostic& d = sink.items().front();
    std::string message = d.to_string();
    if (sink.error_count() > 1) message += "\n(and " + std::to_string(sink.error_count() - 1) + " more errors)";
    return fail(message);
  }
  return out;
}

// Ids already written, after cutting off a half-written last line.
Result<std::set<std::string>> done_ids(const std::string& path) {
  std::set<std::string> ids;
  int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return ids;
    return fail("cannot open " + path + ": " + std::strerror(errno));
  }
  std::string content;
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(n));
  if (!content.empty() && content.back() != '\n') {
    // The previous run stopped in the middle of a line: drop it.
    std::size_t keep = content.rfind('\n');
    keep = keep == std::string::npos ? 0 : keep + 1;
    if (ftruncate(fd, static_cast<off_t>(keep)) != 0) {
      close(fd);
      return fail("cannot repair " + path + ": " + std::strerror(errno));
    }
    content.resize(keep);
  }
  close(fd);
  std::istringstream in(content);
  std::string line;
  while (std::getline(in, line)) {
    auto j = json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("id") && j["id"].is_string()) ids.insert(j["id"].get<std::string>());
  }
  return ids;
}

struct Shared {
  const BatchOptions& options;
  HttpClient client;
  PolicyAnalyser analyser;
  std::unique_ptr<GeoDb> db;
  std::string db_error;
  std::shared_ptr<Resolver> resolver;
  std::mutex mutex;  // output file and progress
  FILE* out = nullptr;
  std::size_t finished = 0, failed = 0, total = 0;
  explicit Shared(const BatchOptions& o) : options(o), client(o.probe.http) {}
};

std::string read_policy_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read policy file " + path;
    return {};
  }
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (content.size() > 8 * 1024 * 1024) {
    error = "policy file " + path + " is larger than 8 MiB";
    return {};
  }
  return content;
}

json run_target(Shared& shared, const BatchTarget& target) {
  const auto start = Clock::now();
  const auto deadline = start + shared.options.target_timeout;
  json line = {{"id", target.id}, {"url", target.url}, {"started", utc_now()}};
  json errors = json::array();
  std::vector<Suggestion> suggestions;
  std::vector<std::string> hosts = target.hosts;
  std::string privacy_url;

  if (!target.url.empty()) {
    ProbeOptions po = shared.options.probe;
    po.service = target.service;
    po.total_timeout = std::min(po.total_timeout, shared.options.target_timeout);
    auto report = probe_instance(target.url, shared.client, po);
    if (report) {
      line["probe"] = to_json(*report);
      hosts.insert(hosts.begin(), report->location_hosts.begin(), report->location_hosts.end());
      privacy_url = report->privacy_url;
      suggestions.insert(suggestions.end(), report->suggestions.begin(), report->suggestions.end());
    } else {
      errors.push_back({{"step", "probe"}, {"error", report.error().message}});
    }
  }
  if (!hosts.empty()) {
    if (hosts.size() > 8) hosts.resize(8);
    if (!shared.db) {
      errors.push_back({{"step", "location"}, {"error", shared.db_error}});
    } else if (Clock::now() >= deadline) {
      errors.push_back({{"step", "location"}, {"error", "time budget used up"}});
    } else {
      LocationOptions lo;
      lo.service = target.service;
      auto report = locate_hosts(hosts, *shared.resolver, *shared.db, lo);
      line["location"] = to_json(report);
      suggestions.insert(suggestions.end(), report.suggestions.begin(), report.suggestions.end());
    }
  }
  std::string policy = target.policy == "auto" ? privacy_url : target.policy;
  if (!policy.empty()) {
    std::string document, error, retrieved = utc_now();
    if (policy.find("://") != std::string::npos) {
      auto response = shared.client.get(policy, {}, deadline);
      if (!response)
        error = response.error().message;
      else if (response->status != 200)
        error = "HTTP " + std::to_string(response->status) + " for " + policy;
      else {
        document = std::move(response->body);
        retrieved = response->retrieved;
      }
    } else {
      document = read_policy_file(policy, error);
    }
    if (error.empty()) {
      PolicyOptions po;
      po.lang = target.lang;
      po.service = target.service;
      if (auto u = parse_url(target.url)) po.variant = u->host;
      auto report = shared.analyser.analyse(document, policy, retrieved, po);
      line["policy"] = to_json(report);
      suggestions.insert(suggestions.end(), report.suggestions.begin(), report.suggestions.end());
    } else {
      errors.push_back({{"step", "policy"}, {"error", error}});
    }
  }
  json list = json::array();
  for (const auto& s : suggestions) list.push_back(to_json(s));
  line["suggestions"] = list;
  line["errors"] = errors;
  line["status"] = errors.empty() ? "ok" : "error";
  line["duration_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  if (shared.options.queue && !suggestions.empty()) {
    if (auto added = shared.options.queue->add(suggestions); !added)
      line["errors"].push_back({{"step", "queue"}, {"error", added.error().message}});
  }
  return line;
}

void draw_progress(const Shared& s) {
  const int width = 30;
  const std::size_t filled = s.total ? s.finished * width / s.total : width;
  std::string bar(filled, '#');
  bar.resize(width, '.');
  std::fprintf(stderr, "\r[%s] %zu/%zu  failed %zu ", bar.c_str(), s.finished, s.total, s.failed);
  std::fflush(stderr);
}

}  // namespace

Result<std::vector<BatchTarget>> read_batch_targets(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read " + path, "give a .jsonl or .toml file of targets");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<std::vector<BatchTarget>> targets =
      path.ends_with(".toml") ? read_toml_targets(path, content) : read_jsonl_targets(path, content);
  if (!targets) return targets;
  std::set<std::string> ids;
  for (const auto& t : *targets)
    if (!ids.insert(t.id).second)
      return fail(path + ": target id `" + t.id + "` appears twice", "ids must be unique so a run can resume");
  return targets;
}

Result<BatchSummary> run_batch(const std::vector<BatchTarget>& targets, const BatchOptions& options) {
  if (options.output.empty()) return fail("no output file", "pass --output FILE.jsonl");
  auto done = done_ids(options.output);
  if (!done) return tl::unexpected(done.error());
  BatchSummary summary;
  summary.targets = targets.size();
  std::vector<const BatchTarget*> todo;
  for (const auto& t : targets) {
    if (done->count(t.id))
      ++summary.skipped;
    else
      todo.push_back(&t);
  }
  Shared shared(options);
  shared.resolver = options.resolver ? options.resolver : system_resolver();
  if (auto db = GeoDb::open(options.geo_db.empty() ? default_geo_db_path() : options.geo_db))
    shared.db = std::move(*db);
  else
    shared.db_error = db.error().to_string();
  if (!shared.db &&
      std::any_of(todo.begin(), todo.end(), [](const BatchTarget* t) { return !t->url.empty() || !t->hosts.empty(); }))
    summary.warnings.push_back("location skipped: " + shared.db_error);
  shared.out = std::fopen(options.output.c_str(), "a");
  if (!shared.out) return fail("cannot write " + options.output + ": " + std::strerror(errno));
  shared.total = todo.size();
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    while (true) {
      std::size_t i = next.fetch_add(1);
      if (i >= todo.size()) return;
      json line = run_target(shared, *todo[i]);
      const std::string text = dump_json(line) + "\n";
      std::lock_guard lock(shared.mutex);
      std::fwrite(text.data(), 1, text.size(), shared.out);
      std::fflush(shared.out);
      ++shared.finished;
      if (line["status"] != "ok") ++shared.failed;
      if (options.progress) draw_progress(shared);
    }
  };
  const int jobs = std::max(1, std::min<int>(options.jobs, 64));
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs && j < static_cast<int>(todo.size()); ++j) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (options.progress && !todo.empty()) std::fprintf(stderr, "\n");
  const bool write_error = std::ferror(shared.out);
  std::fclose(shared.out);
  if (write_error) return fail("error writing " + options.output);
  summary.done = shared.finished;
  summary.failed = shared.failed;
  return summary;
}

}  // namespace privascore::assist
