// Assist benchmarks (see docs/performance.md, "Assist"):
//   - the policy analyser (RE2::Set, all patterns in one pass per sentence) on
//     the ToS;DR quotes in assist-data/tosdr/, in MB/s;
//   - a naive baseline in the same run: std::regex, one pattern at a time,
//     on the same sentences (a subset, since it is slow);
//   - a batch of 1,000 Jitsi instances served by a fixture server on 127.0.0.1.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "assist/batch.h"
#include "assist/fixture_server.h"
#include "assist/policy_analyser.h"
#include "assist/policy_eval.h"
#include "assist/policy_patterns.h"
#include "assist/policy_text.h"

namespace {

using namespace privascore::assist;

const std::vector<std::string>& quotes() {
  static const std::vector<std::string> k_quotes = [] {
    std::vector<std::string> out;
    std::ifstream in(default_tosdr_points_path());
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object()) out.push_back(j.value("quote", ""));
    }
    return out;
  }();
  return k_quotes;
}

struct Prepared {
  std::string text;
  std::vector<Sentence> sentences;
  PolicyLang lang;
  std::size_t bytes;
};

// Text extraction and sentence splitting, shared by both matchers.
std::vector<Prepared> prepare(std::size_t count) {
  std::vector<Prepared> out;
  for (std::size_t i = 0; i < count && i < quotes().size(); ++i) {
    const std::string& q = quotes()[i];
    PolicyText pt = extract_text(q);
    Prepared p{pt.text, split_sentences(pt, q), PolicyAnalyser::detect_language(pt.text), q.size()};
    out.push_back(std::move(p));
  }
  return out;
}

std::size_t total_bytes(const std::vector<Prepared>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs) n += d.bytes;
  return n;
}

void run_re2(benchmark::State& state, std::size_t count) {
  const auto docs = prepare(count);
  PolicyAnalyser analyser;
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& d : docs)
      for (const auto& s : d.sentences)
        found += analyser.topics_of(std::string_view(d.text).substr(s.begin, s.end - s.begin), d.lang).size();
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
  state.counters["quotes"] = static_cast<double>(docs.size());
  state.counters["topic_hits"] = static_cast<double>(found);
}

void run_std_regex(benchmark::State& state, std::size_t count) {
  const auto docs = prepare(count);
  struct Compiled {
    std::string lang;
    std::regex re;
  };
  std::vector<Compiled> patterns;
  for (const auto& p : policy_patterns())
    patterns.push_back({p.lang, std::regex(p.regex, std::regex::ECMAScript | std::regex::icase)});
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& d : docs) {
      const std::string code = to_string(d.lang);
      for (const auto& s : d.sentences) {
        const std::string sentence = d.text.substr(s.begin, s.end - s.begin);
        for (const auto& p : patterns) {
          if (p.lang != "*" && p.lang != code) continue;
          found += std::regex_search(sentence, p.re) ? 1 : 0;  // one pattern at a time
        }
      }
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
  state.counters["quotes"] = static_cast<double>(docs.size());
  state.counters["pattern_hits"] = static_cast<double>(found);
}

// The whole analyser on every ToS;DR quote (extraction, splitting, matching, suggestions).
void BM_PolicyAnalyseAllToSDRQuotes(benchmark::State& state) {
  PolicyAnalyser analyser;
  std::size_t bytes = 0;
  for (const auto& q : quotes()) bytes += q.size();
  for (auto _ : state)
    for (const auto& q : quotes()) benchmark::DoNotOptimize(analyser.analyse(q, "tosdr", "now").findings.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["quotes"] = static_cast<double>(quotes().size());
}
BENCHMARK(BM_PolicyAnalyseAllToSDRQuotes)->Unit(benchmark::kMillisecond);

// Matching only, RE2::Set vs std::regex one pattern at a time, on the same first 1,000 quotes.
void BM_PolicyMatchRE2Set(benchmark::State& state) {
  run_re2(state, 1000);
}
void BM_PolicyMatchStdRegexBaseline(benchmark::State& state) {
  run_std_regex(state, 1000);
}
BENCHMARK(BM_PolicyMatchRE2Set)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PolicyMatchStdRegexBaseline)->Unit(benchmark::kMillisecond)->Iterations(2);

// A batch of 1,000 Jitsi Meet instances on a fixture server (probe only; no
// location database, no policy), 8 targets in flight.
void BM_BatchThousandFixtureInstances(benchmark::State& state) {
  const std::string config =
      "var config = { hosts: { domain: 'meet.example.test', muc: 'conference.meet.example.test' },"
      " bosh: '//meet.example.test/http-bind', p2p: { stunServers: [ { urls: 'stun:stun.example.test:3478' } ] },"
      " analytics: { disabled: true }, disableThirdPartyRequests: true, recordings: { requireConsent: true } };";
  privascore::test::FixtureServer server;
  server.fallback([&](const std::string& target) -> std::optional<privascore::test::FixtureResponse> {
    privascore::test::FixtureResponse r;
    if (target.ends_with("/config.js")) {
      r.body = config;
    } else if (target.ends_with("/")) {
      r.body = "<html><a href=\"/privacy\">Privacy</a></html>";
      r.headers = {{"Content-Type", "text/html"}};
    } else {
      r.status = 404;
    }
    return r;
  });
  std::vector<BatchTarget> targets;
  for (int i = 0; i < 1000; ++i) {
    BatchTarget t;
    t.id = "instance-" + std::to_string(i);
    t.url = server.base() + "/i/" + std::to_string(i) + "/";
    targets.push_back(t);
  }
  std::size_t done = 0;
  for (auto _ : state) {
    char name[] = "/tmp/privascore-bench-batch-XXXXXX";
    int fd = mkstemp(name);
    close(fd);
    unlink(name);
    BatchOptions o;
    o.jobs = 8;
    o.output = name;
    o.geo_db = "/nonexistent.mmdb";
    auto summary = run_batch(targets, o);
    done = summary ? summary->done : 0;
    unlink(name);
  }
  state.counters["targets"] = static_cast<double>(done);
  state.counters["targets_per_s"] =
      benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BatchThousandFixtureInstances)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

}  // namespace
