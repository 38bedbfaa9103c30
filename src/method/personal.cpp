#include "method/personal.h"

#include <algorithm>

#include "util/text.h"

namespace privascore::method {

namespace {

const std::vector<std::string> k_importance_ids = {"ignore", "less", "published", "more"};
constexpr const char* k_prefix = "w.";

// Products of points and maxima can exceed 64 bits for extreme (valid) data.
__extension__ typedef __int128 Wide;

}  // namespace

const char* to_string(Importance importance) {
  switch (importance) {
    case Importance::ignore: return "ignore";
    case Importance::less: return "less";
    case Importance::published: return "published";
    case Importance::more: return "more";
  }
  return "published";
}

std::optional<Importance> parse_importance(std::string_view text) {
  if (text == "ignore") return Importance::ignore;
  if (text == "less") return Importance::less;
  if (text == "published") return Importance::published;
  if (text == "more") return Importance::more;
  return std::nullopt;
}

int importance_halves(Importance importance) {
  switch (importance) {
    case Importance::ignore: return 0;
    case Importance::less: return 1;
    case Importance::published: return 2;
    case Importance::more: return 4;
  }
  return 2;
}

PersonalWeights PersonalWeights::as_published(const Methodology& m) {
  PersonalWeights w;
  w.importance.assign(m.features.size(), Importance::published);
  return w;
}

bool PersonalWeights::all_published() const {
  return std::all_of(importance.begin(), importance.end(), [](Importance i) { return i == Importance::published; });
}

Result<PersonalWeights> parse_personal_weights(const Methodology& m,
                                               const std::vector<std::pair<std::string, std::string>>& parameters) {
  PersonalWeights w = PersonalWeights::as_published(m);
  std::vector<std::string> feature_ids;
  for (const auto& f : m.features) feature_ids.push_back(f.id);
  for (const auto& [key, value] : parameters) {
    if (key.rfind(k_prefix, 0) != 0) continue;
    const std::string id = key.substr(2);
    auto it = std::find(feature_ids.begin(), feature_ids.end(), id);
    if (it == feature_ids.end()) {
      std::string close = closest_match(id, feature_ids);
      return fail("unknown feature `" + id + "` in parameter `" + key + "`" +
                  (close.empty() ? "; features: " + join(feature_ids, ", ") : "; did you mean `w." + close + "`?"));
    }
    auto importance = parse_importance(value);
    if (!importance) {
      return fail("`" + key + "=" + value + "`: the importance must be one of " + join(k_importance_ids, ", "));
    }
    w.importance[static_cast<std::size_t>(it - feature_ids.begin())] = *importance;
  }
  return w;
}

std::string personal_query(const Methodology& m, const PersonalWeights& w) {
  std::string out;
  for (std::size_t i = 0; i < m.features.size() && i < w.importance.size(); ++i) {
    if (w.importance[i] == Importance::published) continue;
    if (!out.empty()) out += '&';
    out += k_prefix + m.features[i].id + "=" + to_string(w.importance[i]);
  }
  return out;
}

const PersonalServiceScore* PersonalRanking::service(std::string_view id) const {
  for (const auto& s : services)
    if (s.official->assessment->id == id) return &s;
  return nullptr;
}

Result<PersonalRanking> personal_ranking(const EditionScore& official, const PersonalWeights& weights) {
  const Methodology& m = *official.methodology;
  if (weights.importance.size() != m.features.size())
    return fail("the personal weights do not match the methodology's " + std::to_string(m.features.size()) +
                " features");
  if (m.levels.empty() || m.classes.empty()) return fail("the methodology has no levels or classes");
  PersonalRanking r;
  r.official = &official;
  r.weights = weights;
  const long long top = m.highest_level().points;
  for (std::size_t i = 0; i < m.features.size(); ++i) {
    r.half_weights.push_back(m.features[i].weight * importance_halves(weights.importance[i]));
    r.half_max += r.half_weights.back() * top;
  }
  if (r.half_max == 0) {
    return fail(
        "every feature is set to ignore (or the scale's best level is worth 0 points), so there is nothing to "
        "score; set at least one feature to less, published or more");
  }
  const long long official_max = m.max_points();
  // Class by share of the maximum: points / half_max compared with bound / official_max.
  auto satisfies_lower = [&](const ClassBand& c, long long half_points) {
    if (!c.lower) return true;
    const Wide lhs = static_cast<Wide>(half_points) * official_max;
    const Wide rhs = static_cast<Wide>(c.lower->value) * r.half_max;
    return c.lower->inclusive ? lhs >= rhs : lhs > rhs;
  };
  for (const auto& s : official.services) {
    PersonalServiceScore p;
    p.official = &s;
    int cap = 0;
    for (std::size_t i = 0; i < s.features.size() && i < m.features.size(); ++i) {
      const FeatureScore& f = s.features[i];
      p.half_points += static_cast<long long>(r.half_weights[i]) * f.level->points;
      if (f.knockout_fired && r.half_weights[i] > 0) {
        p.knockouts.push_back(f.feature);
        cap = std::max(cap, m.class_index(f.feature->knockout->cap));
      }
    }
    p.half_max = r.half_max;
    p.scaled_tenths =
        static_cast<int>((static_cast<Wide>(20) * p.half_points * official_max + r.half_max) / (2 * r.half_max));
    p.permille = static_cast<int>((static_cast<Wide>(2000) * p.half_points + r.half_max) / (2 * r.half_max));
    int klass = static_cast<int>(m.classes.size()) - 1;
    for (std::size_t c = 0; c < m.classes.size(); ++c) {
      if (satisfies_lower(m.classes[c], p.half_points)) {
        klass = static_cast<int>(c);
        break;
      }
    }
    p.klass = &m.classes[static_cast<std::size_t>(std::max(klass, cap))];
    r.services.push_back(std::move(p));
  }
  auto class_of = [&](const PersonalServiceScore& p) { return m.class_index(p.klass->id); };
  std::stable_sort(r.services.begin(), r.services.end(),
                   [&](const PersonalServiceScore& a, const PersonalServiceScore& b) {
                     if (class_of(a) != class_of(b)) return class_of(a) < class_of(b);
                     if (a.half_points != b.half_points) return a.half_points > b.half_points;
                     return a.official->assessment->name < b.official->assessment->name;
                   });
  for (std::size_t i = 0; i < r.services.size(); ++i) {
    auto& s = r.services[i];
    const bool tie =
        i > 0 && class_of(r.services[i - 1]) == class_of(s) && r.services[i - 1].half_points == s.half_points;
    s.rank = tie ? r.services[i - 1].rank : static_cast<int>(i) + 1;
  }
  return r;
}

}  // namespace privascore::method
