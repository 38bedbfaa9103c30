#include "scoring/scoring.h"

#include <algorithm>
#include <climits>

namespace privascore {

ScoringModel::ScoringModel(const Methodology& m) {
  for (const auto& level : m.levels) {
    m_level_points.push_back(level.points);
    m_level_ids.push_back(level.id);
  }
  m_level_points.push_back(m.levels.empty() ? 0 : m.lowest_level().points);  // unknown
  for (const auto& f : m.features) {
    m_weights.push_back(f.weight);
    int threshold = INT_MIN;
    std::uint8_t cap = 0;
    if (f.knockout) {
      if (const Level* l = m.level(f.knockout->level)) threshold = l->points;
      int c = m.class_index(f.knockout->cap);
      cap = static_cast<std::uint8_t>(c < 0 ? 0 : c);
    }
    m_knockout_points.push_back(threshold);
    m_knockout_cap.push_back(cap);
  }
  m_min = m.min_points();
  const int max = m.max_points();
  m_worst_class = static_cast<std::uint8_t>(m.classes.empty() ? 0 : m.classes.size() - 1);
  for (int p = m_min; p <= max; ++p) {
    int index = m_worst_class;
    for (std::size_t c = 0; c < m.classes.size(); ++c) {
      if (m.classes[c].contains(p)) {
        index = static_cast<int>(c);
        break;
      }
    }
    m_class_by_points.push_back(static_cast<std::uint8_t>(index));
  }
}

int ScoringModel::level_index(std::string_view id) const {
  if (id == Rating::k_unknown) return unknown_level();
  for (std::size_t i = 0; i < m_level_ids.size(); ++i)
    if (m_level_ids[i] == id) return static_cast<int>(i);
  return -1;
}

ScoringModel::Result ScoringModel::score(const std::uint8_t* levels) const {
  Result r;
  const std::size_t n = m_weights.size();
  const std::uint8_t unknown = unknown_level();
  int cap = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int level_points = m_level_points[levels[i]];
    r.points += m_weights[i] * level_points;
    r.unknown_count += levels[i] == unknown;
    if (level_points <= m_knockout_points[i]) {
      r.knockout_mask |= 1u << (i & 31);
      cap = std::max<int>(cap, m_knockout_cap[i]);
    }
  }
  const int offset = r.points - m_min;
  r.computed_class_index = offset >= 0 && offset < static_cast<int>(m_class_by_points.size())
                               ? m_class_by_points[static_cast<std::size_t>(offset)]
                               : m_worst_class;
  r.class_index = static_cast<std::uint8_t>(std::max<int>(r.computed_class_index, cap));
  return r;
}

void ScoringModel::score_many(const std::uint8_t* levels, std::size_t n, Result* out) const {
  const std::size_t stride = m_weights.size();
  for (std::size_t s = 0; s < n; ++s) out[s] = score(levels + s * stride);
}

const FeatureScore* ServiceScore::feature(std::string_view id) const {
  for (const auto& f : features)
    if (f.feature->id == id) return &f;
  return nullptr;
}

const ServiceScore* EditionScore::service(std::string_view id) const {
  for (const auto& s : services)
    if (s.assessment->id == id) return &s;
  return nullptr;
}

EditionScore score_edition(const Methodology& m, const Edition& edition) {
  EditionScore result;
  result.methodology = &m;
  result.edition = &edition;
  result.max_points = m.max_points();
  result.min_points = m.min_points();
  if (m.levels.empty() || m.classes.empty()) return result;

  const ScoringModel model(m);
  const Level& top = m.highest_level();
  const Level& lowest = m.lowest_level();
  std::vector<std::uint8_t> levels(m.features.size());
  for (const auto& assessment : edition.assessments) {
    ServiceScore s;
    s.assessment = &assessment;
    s.max_points = result.max_points;
    s.feature_count = static_cast<int>(m.features.size());
    for (std::size_t i = 0; i < m.features.size(); ++i) {
      const Feature& f = m.features[i];
      FeatureScore fs;
      fs.feature = &f;
      fs.rating = assessment.rating(f.id);
      int index = fs.rating ? model.level_index(fs.rating->level) : -1;
      if (index < 0) index = model.unknown_level();
      levels[i] = static_cast<std::uint8_t>(index);
      fs.unknown = index == model.unknown_level();
      fs.level = fs.unknown ? &lowest : &m.levels[static_cast<std::size_t>(index)];
      fs.points = f.weight * fs.level->points;
      fs.max_points = f.weight * top.points;
      s.total_weight += f.weight;
      if (!fs.unknown) {
        ++s.rated_features;
        s.rated_weight += f.weight;
      }
      if (fs.unverified()) ++s.unverified;
      s.features.push_back(fs);
    }
    const ScoringModel::Result r = model.score(levels.data());
    s.points = r.points;
    s.klass = &m.classes[r.class_index];
    s.computed_class = &m.classes[r.computed_class_index];
    s.provisional = r.unknown_count > 0;
    for (std::size_t i = 0; i < m.features.size(); ++i) {
      const Feature& f = m.features[i];
      if (!f.knockout) continue;
      const Level* threshold = m.level(f.knockout->level);
      if (threshold && s.features[i].level->points <= threshold->points) {
        s.features[i].knockout_fired = true;
        s.knockouts.push_back(&f);
      }
    }
    result.services.push_back(std::move(s));
  }

  auto class_of = [&](const ServiceScore& s) { return m.class_index(s.klass->id); };
  std::stable_sort(result.services.begin(), result.services.end(), [&](const ServiceScore& a, const ServiceScore& b) {
    if (class_of(a) != class_of(b)) return class_of(a) < class_of(b);
    if (a.points != b.points) return a.points > b.points;
    return a.assessment->name < b.assessment->name;
  });
  for (std::size_t i = 0; i < result.services.size(); ++i) {
    auto& s = result.services[i];
    const bool tie =
        i > 0 && class_of(result.services[i - 1]) == class_of(s) && result.services[i - 1].points == s.points;
    s.rank = tie ? result.services[i - 1].rank : static_cast<int>(i) + 1;
  }
  return result;
}

}  // namespace privascore
