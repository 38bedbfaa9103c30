// Publishing: time to build the static site (`privascore build`) for the
// bundled data and for a synthetic catalogue of 20 categories × 100
// services (2 editions each), and to render the comparison graphic's PNG.
// Figures in docs/performance.md ("Publishing").
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "cli/site_build.h"
#include "loader/file_source.h"
#include "loader/loader.h"
#include "publish/graphic.h"
#include "publish/raster.h"
#include "resources/resources.h"
#include "scoring/scoring.h"

namespace privascore {
namespace {

std::shared_ptr<const Catalogue> load(const MemorySource& source) {
  DiagnosticSink sink;
  auto c = std::make_shared<Catalogue>(load_catalogue(source, sink));
  if (sink.has_errors()) {
    for (const auto& d : sink.items()) fprintf(stderr, "%s\n", d.to_string().c_str());
    std::abort();
  }
  return c;
}

std::shared_ptr<const Catalogue> bundled() {
  MemorySource source("<bundled>");
  for (const auto& file : resources::files("data")) source.add(std::string(file.path), std::string(file.content));
  return load(source);
}

// 20 categories, each with one methodology of seven features and two
// editions of 100 services; levels from a fixed pseudo-random sequence.
std::shared_ptr<const Catalogue> synthetic(int categories, int services) {
  MemorySource source("<synthetic>");
  const int weights[] = {21, 21, 21, 11, 7, 6, 3};
  const char* levels[] = {"green", "yellow", "red"};
  unsigned state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  for (int c = 0; c < categories; ++c) {
    const std::string id = "category-" + std::to_string(c);
    std::string m = "category = \"" + id + "\"\nversion = 1\neffective = 2024-01-01\n";
    m += "name = { de = \"Kategorie " + std::to_string(c) + "\", en = \"Category " + std::to_string(c) + "\" }\n";
    m += "summary = { de = \"Zusammenfassung.\", en = \"Summary.\" }\n";
    m += "slug = { de = \"kategorie-" + std::to_string(c) + "\", en = \"category-" + std::to_string(c) + "\" }\n";
    m += "weights_provenance = \"published\"\nprovenance_note = { de = \"Veröffentlicht.\", en = \"Published.\" }\n";
    m += R"([[level]]
id = "green"
points = 3
colour = "#1a7f37"
symbol = "●"
label = { de = "gut", en = "good" }
[[level]]
id = "yellow"
points = 2
colour = "#9a6700"
symbol = "◐"
label = { de = "mittel", en = "fair" }
[[level]]
id = "red"
points = 1
colour = "#c62828"
symbol = "○"
label = { de = "schlecht", en = "poor" }
)";
    for (int f = 0; f < 7; ++f) {
      m += "[[feature]]\nid = \"feature-" + std::to_string(f) + "\"\nanchor = \"f" + std::to_string(f) +
           "\"\nweight = " + std::to_string(weights[f]) + "\nname = { de = \"Funktion " + std::to_string(f) +
           "\", en = \"Feature " + std::to_string(f) +
           "\" }\nexplanation = { de = \"Erklärung.\", en = \"Explanation.\" }\n";
    }
    m += R"([[class]]
id = "green"
colour = "#1a7f37"
symbol = "✓"
label = { de = "empfehlenswert", en = "recommended" }
more_than = 200
[[class]]
id = "yellow"
colour = "#9a6700"
symbol = "~"
label = { de = "weniger empfehlenswert", en = "less recommended" }
at_least = 100
at_most = 200
[[class]]
id = "red"
colour = "#c62828"
symbol = "✗"
label = { de = "vermeiden", en = "avoid" }
less_than = 100
)";
    source.add(id + "/methodology/v1.toml", m);
    for (const char* date : {"2024-01-01", "2024-06-01"}) {
      std::string e = "category = \"" + id + "\"\ndate = " + date + "\nmethodology = 1\n";
      e += "title = { de = \"Ausgabe\", en = \"Edition\" }\nsummary = { de = \"Zusammenfassung.\", en = \"Summary.\" "
           "}\n";
      e += "services = [";
      for (int s = 0; s < services; ++s) e += (s ? ", " : "") + std::string("\"service-") + std::to_string(s) + "\"";
      e += "]\n";
      source.add(id + "/editions/" + date + "/edition.toml", e);
      for (int s = 0; s < services; ++s) {
        std::string a = "id = \"service-" + std::to_string(s) + "\"\nname = \"Service " + std::to_string(s) +
                        "\"\nvendor = \"Vendor\"\nwebsite = \"https://vendor.example/" + std::to_string(s) + "\"\n";
        for (int f = 0; f < 7; ++f) {
          a += "[[rating]]\nfeature = \"feature-" + std::to_string(f) + "\"\nlevel = \"" + levels[next() % 3] +
               "\"\nstatus = \"sourced\"\njustification = { de = \"Begründung.\", en = \"Justification.\" }\n"
               "[[rating.evidence]]\nurl = \"https://vendor.example/evidence/" +
               std::to_string(f) + "\"\ntitle = \"Evidence\"\n";
        }
        source.add(id + "/editions/" + date + "/services/service-" + std::to_string(s) + ".toml", a);
      }
    }
  }
  return load(source);
}

struct BenchDir {
  BenchDir() {
    std::string pattern = "/tmp/privascore-publish-bench-XXXXXX";
    if (!::mkdtemp(pattern.data())) std::abort();
    path = pattern;
  }
  ~BenchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string path;
};

void build(benchmark::State& state, const std::shared_ptr<const Catalogue>& catalogue) {
  BenchDir dir;
  publish::ExportSummary last;
  config::SiteConfig site;
  site.base_url = "https://example.org";
  for (auto _ : state) {
    auto summary = build_static_site(catalogue, site, dir.path + "/out");
    if (!summary) {
      state.SkipWithError(summary.error().message.c_str());
      return;
    }
    last = *summary;
  }
  state.counters["pages"] = last.pages;
  state.counters["files"] = last.files;
  state.counters["MB"] = static_cast<double>(last.bytes) / 1e6;
  state.counters["pages_per_second"] =
      benchmark::Counter(static_cast<double>(last.pages), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["files_per_second"] =
      benchmark::Counter(static_cast<double>(last.files), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_BuildBundled(benchmark::State& state) {
  build(state, bundled());
}
BENCHMARK(BM_BuildBundled)->Unit(benchmark::kSecond)->Iterations(3);

void BM_BuildSynthetic20x100(benchmark::State& state) {
  build(state, synthetic(20, 100));
}
BENCHMARK(BM_BuildSynthetic20x100)->Unit(benchmark::kSecond)->Iterations(1);

void BM_GraphicPng(benchmark::State& state) {
  const auto catalogue = bundled();
  const Category& c = *catalogue->category("video-conferencing");
  const Edition& e = *c.latest_edition();
  const EditionScore score = score_edition(*c.methodology(e.methodology), e);
  const std::string svg = publish::comparison_svg(c, score, Lang::en);
  for (auto _ : state) benchmark::DoNotOptimize(publish::svg_to_png(svg, 2));
}
BENCHMARK(BM_GraphicPng)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace privascore
