#include "method/robustness.h"

#include <algorithm>

#include "method/prng.h"
#include "scoring/scoring.h"

namespace privascore::method {

namespace {

// Draws one weight vector of the model into out, rescaled to sum.
class WeightSampler {
 public:
  WeightSampler(const std::vector<int>& weights, const RobustnessOptions& options)
      : m_weights(weights.begin(), weights.end()), m_model(options.model), m_spread(options.spread) {
    for (int w : weights) m_sum += w;
    // order: groups of equal published weight, heaviest first.
    std::vector<int> distinct(weights.begin(), weights.end());
    std::sort(distinct.begin(), distinct.end(), std::greater<>());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    m_group_of.resize(weights.size());
    m_cumulative.assign(distinct.size(), 0.0);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      const auto g =
          static_cast<std::size_t>(std::find(distinct.begin(), distinct.end(), weights[i]) - distinct.begin());
      m_group_of[i] = g;
    }
    std::vector<double> sizes(distinct.size(), 0.0);
    for (std::size_t g : m_group_of) sizes[g] += 1.0;
    double running = 0;
    for (std::size_t t = 0; t < sizes.size(); ++t) m_cumulative[t] = running += sizes[t];
    m_cuts.resize(distinct.size());
    m_group_weight.resize(distinct.size());
  }

  void draw(Prng& prng, double* out) {
    const std::size_t n = m_weights.size();
    if (m_model == WeightModel::pm25) {
      double total = 0;
      for (std::size_t i = 0; i < n; ++i) {
        out[i] = m_weights[i] * (1.0 + m_spread * (2.0 * prng.uniform() - 1.0));
        total += out[i];
      }
      const double scale = m_sum / total;
      for (std::size_t i = 0; i < n; ++i) out[i] *= scale;
      return;
    }
    // order: spacings of m - 1 sorted uniforms are uniform on the simplex;
    // group t's increment is its spacing × sum / (features in groups 1..t),
    // and a group's weight is the sum of the increments from it downwards.
    const std::size_t m = m_cumulative.size();
    for (std::size_t t = 0; t + 1 < m; ++t) m_cuts[t] = prng.uniform();
    std::sort(m_cuts.begin(), m_cuts.begin() + static_cast<std::ptrdiff_t>(m - 1));
    double below = 0;
    for (std::size_t t = m; t-- > 0;) {
      const double upper = t + 1 < m ? m_cuts[t] : 1.0;
      const double lower = t > 0 ? m_cuts[t - 1] : 0.0;
      below += (upper - lower) * m_sum / m_cumulative[t];
      m_group_weight[t] = below;
    }
    for (std::size_t i = 0; i < n; ++i) out[i] = m_group_weight[m_group_of[i]];
  }

 private:
  std::vector<double> m_weights;
  WeightModel m_model;
  double m_spread;
  double m_sum = 0;
  std::vector<std::size_t> m_group_of;
  std::vector<double> m_cumulative;  // features in groups 0..t
  std::vector<double> m_cuts;
  std::vector<double> m_group_weight;
};

struct Entry {
  std::uint8_t klass;
  double points;
  std::uint32_t service;
};

}  // namespace

const char* to_string(WeightModel model) {
  return model == WeightModel::order ? "order" : "pm25";
}

std::optional<WeightModel> parse_weight_model(std::string_view text) {
  if (text == "pm25") return WeightModel::pm25;
  if (text == "order") return WeightModel::order;
  return std::nullopt;
}

double ServiceRobustness::kept_share() const {
  std::uint64_t total = 0;
  for (auto c : class_counts) total += c;
  return total == 0 ? 0.0 : static_cast<double>(kept_class) / static_cast<double>(total);
}

const ServiceRobustness* RobustnessResult::service(std::string_view id) const {
  for (const auto& s : services)
    if (s.id == id) return &s;
  return nullptr;
}

RobustnessProblem robustness_problem(const Methodology& m, const Edition& edition) {
  RobustnessProblem p;
  for (const auto& f : m.features) p.weights.push_back(f.weight);
  for (std::size_t c = 0; c + 1 < m.classes.size(); ++c) {
    const auto& lower = m.classes[c].lower;
    p.lower_bound.push_back(lower ? lower->value : m.min_points());
    p.lower_inclusive.push_back(lower ? lower->inclusive : true);
  }
  const EditionScore score = score_edition(m, edition);
  for (const auto& s : score.services) {
    for (const auto& f : s.features) p.level_points.push_back(f.level->points);
    int cap = 0;
    for (const Feature* f : s.knockouts) cap = std::max(cap, m.class_index(f->knockout->cap));
    p.knockout_cap.push_back(static_cast<std::uint8_t>(cap));
    p.official_class.push_back(static_cast<std::uint8_t>(m.class_index(s.klass->id)));
    p.official_rank.push_back(s.rank);
  }
  return p;
}

Result<RobustnessResult> robustness(const RobustnessProblem& p, const RobustnessOptions& options) {
  if (options.samples < 1 || options.samples > 100000000)
    return fail("the number of samples must be from 1 to 100000000");
  if (!(options.spread > 0.0 && options.spread < 1.0))
    return fail("the spread must lie between 0 and 1 (0.25 is ±25 %)");
  if (!(options.stable_share > 0.0 && options.stable_share <= 1.0))
    return fail("the share needed for \"stable\" must lie in (0, 1]");
  const std::size_t n = p.service_count();
  const std::size_t k = p.feature_count();
  if (k == 0) return fail("the methodology has no features to weigh");
  if (n == 0) return fail("the edition rates no service");
  if (p.level_points.size() != n * k || p.knockout_cap.size() != n || p.official_rank.size() != n)
    return fail("inconsistent robustness problem");

  RobustnessResult result;
  result.options = options;
  result.services.resize(n);
  for (std::size_t s = 0; s < n; ++s) {
    auto& r = result.services[s];
    r.official_rank = p.official_rank[s];
    r.official_class = p.official_class[s];
    r.class_counts.assign(p.class_count(), 0);
    r.min_rank = static_cast<int>(n) + 1;
    r.max_rank = 0;
    r.min_points = 1e300;
    r.max_points = -1e300;
  }
  const std::vector<double> levels(p.level_points.begin(), p.level_points.end());
  const std::size_t bounds = p.lower_bound.size();
  auto class_of = [&](double points) {
    for (std::size_t c = 0; c < bounds; ++c) {
      if (p.lower_inclusive[c] ? points >= p.lower_bound[c] : points > p.lower_bound[c])
        return static_cast<std::uint8_t>(c);
    }
    return static_cast<std::uint8_t>(bounds);
  };

  Prng prng(options.seed);
  WeightSampler sampler(p.weights, options);
  std::vector<double> w(k);
  std::vector<Entry> entries(n);
  for (std::uint64_t sample = 0; sample < options.samples; ++sample) {
    sampler.draw(prng, w.data());
    for (std::size_t s = 0; s < n; ++s) {
      const double* row = levels.data() + s * k;
      double points = 0;
      for (std::size_t i = 0; i < k; ++i) points += w[i] * row[i];
      const std::uint8_t klass = std::max(class_of(points), p.knockout_cap[s]);
      entries[s] = Entry{klass, points, static_cast<std::uint32_t>(s)};
      auto& r = result.services[s];
      ++r.class_counts[klass];
      r.kept_class += klass == r.official_class;
      r.min_points = std::min(r.min_points, points);
      r.max_points = std::max(r.max_points, points);
    }
    // Ranks as the engine gives them: class first, then points; ties share.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      if (a.klass != b.klass) return a.klass < b.klass;
      if (a.points != b.points) return a.points > b.points;
      return a.service < b.service;
    });
    int rank = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const bool tie = i > 0 && entries[i].klass == entries[i - 1].klass && entries[i].points == entries[i - 1].points;
      if (!tie) rank = static_cast<int>(i) + 1;
      auto& r = result.services[entries[i].service];
      r.min_rank = std::min(r.min_rank, rank);
      r.max_rank = std::max(r.max_rank, rank);
    }
  }
  for (auto& r : result.services) r.stable = r.kept_share() >= options.stable_share;
  return result;
}

Result<RobustnessResult> robustness(const Methodology& m, const Edition& edition, const RobustnessOptions& options) {
  if (m.levels.empty() || m.classes.empty()) return fail("the methodology has no levels or classes");
  auto result = robustness(robustness_problem(m, edition), options);
  if (!result) return result;
  const EditionScore score = score_edition(m, edition);
  for (std::size_t s = 0; s < score.services.size() && s < result->services.size(); ++s) {
    result->services[s].id = score.services[s].assessment->id;
    result->services[s].name = score.services[s].assessment->name;
  }
  return result;
}

}  // namespace privascore::method
