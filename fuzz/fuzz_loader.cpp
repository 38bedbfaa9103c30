// libFuzzer target for the TOML loaders: the input is read as a methodology,
// an assessment and an edition, each parsed and validated, and scored when it
// forms a valid methodology. Every outcome must be diagnostics, never a
// crash, a sanitizer report, a hang or unbounded memory.
//
// Build and run: `make fuzz FUZZ_SECONDS=300` (see fuzz/CMakeLists.txt).
// A crashing input belongs in tests/fuzz-regressions/ as a regression case.
#include <cstddef>
#include <cstdint>
#include <string>

#include "loader/loader.h"
#include "scoring/scoring.h"

namespace {

using namespace privascore;

// A small valid methodology that fuzzed assessments are validated and scored
// against, and that fuzzed editions are loaded with.
const char* const k_fixed_methodology = R"(category = "demo"
version = 1
effective = 2024-01-01
name = { de = "D", en = "D" }
summary = { de = "D", en = "D" }
slug = { de = "d", en = "d" }
weights_provenance = "published"
provenance_note = { de = "D", en = "D" }
[[level]]
id = "green"
points = 3
colour = "#00aa00"
symbol = "G"
label = { de = "g", en = "g" }
[[level]]
id = "red"
points = 1
colour = "#aa0000"
symbol = "R"
label = { de = "r", en = "r" }
[[feature]]
id = "e2e"
anchor = "e2e"
weight = 3
name = { de = "E", en = "E" }
explanation = { de = "E", en = "E" }
knockout = { level = "red", cap = "red", reason = { de = "K", en = "K" } }
[[feature]]
id = "open-source"
anchor = "open-source"
weight = 1
name = { de = "O", en = "O" }
explanation = { de = "O", en = "O" }
[[class]]
id = "green"
colour = "#00aa00"
symbol = "A"
label = { de = "g", en = "g" }
more_than = 8
[[class]]
id = "red"
colour = "#aa0000"
symbol = "C"
label = { de = "r", en = "r" }
at_most = 8
)";

const Methodology& fixed_methodology() {
  static const Methodology m = [] {
    DiagnosticSink sink;
    auto parsed = parse_methodology(k_fixed_methodology, "fixed.toml", sink);
    if (!parsed || sink.has_errors()) __builtin_trap();
    return *parsed;
  }();
  return m;
}

// Every diagnostic must render (to_string walks message, hint and location).
std::size_t consume(const DiagnosticSink& sink) {
  std::size_t n = 0;
  for (const auto& d : sink.items()) n += d.to_string().size();
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  DiagnosticSink sink;

  if (auto m = parse_methodology(content, "m.toml", sink)) {
    DiagnosticSink validation;
    validate_methodology(*m, validation);
    if (!validation.has_errors()) {
      // Score one service with every level, and one with nothing rated.
      Edition edition;
      for (std::size_t l = 0; l <= m->levels.size(); ++l) {
        Assessment a;
        a.id = "s" + std::to_string(l);
        a.name = a.id;
        for (const auto& f : m->features) {
          Rating r;
          r.feature = f.id;
          r.level = l < m->levels.size() ? m->levels[l].id : std::string(Rating::k_unknown);
          a.ratings.push_back(r);
        }
        edition.assessments.push_back(a);
      }
      const EditionScore score = score_edition(*m, edition);
      for (const auto& s : score.services) {
        if (s.points < score.min_points || s.points > score.max_points) __builtin_trap();
      }
    }
    consume(validation);
  }

  if (auto a = parse_assessment(content, "a.toml", sink)) {
    DiagnosticSink validation;
    validate_assessment(*a, fixed_methodology(), validation);
    if (!validation.has_errors()) {
      Edition edition;
      edition.assessments.push_back(*a);
      const EditionScore score = score_edition(fixed_methodology(), edition);
      if (score.services.size() != 1) __builtin_trap();
    }
    consume(validation);
  }

  if (parse_edition(content, "e.toml", sink)) {
    // Cross-file checks: the edition in a tree with the fixed methodology.
    MemorySource source("<fuzz>");
    source.add("demo/methodology/v1.toml", k_fixed_methodology);
    source.add("demo/editions/2024-01-01/edition.toml", content);
    source.add("demo/editions/2024-01-01/services/alpha.toml", R"(id = "alpha"
name = "Alpha"
vendor = "A"
website = "https://alpha.example.org/"
[[rating]]
feature = "e2e"
level = "green"
status = "unverified"
justification = { de = "j", en = "j" }
[[rating]]
feature = "open-source"
level = "unknown"
status = "unverified"
justification = { de = "j", en = "j" }
)");
    DiagnosticSink load;
    load_catalogue(source, load);
    consume(load);
  }
  consume(sink);
  return 0;
}
