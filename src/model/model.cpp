#include "model/model.h"

#include <algorithm>

namespace privascore {

const char* lang_code(Lang lang) {
  return lang == Lang::de ? "de" : "en";
}

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "de") return Lang::de;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

bool ClassBand::contains(int points) const {
  if (lower && (lower->inclusive ? points < lower->value : points <= lower->value)) return false;
  if (upper && (upper->inclusive ? points > upper->value : points >= upper->value)) return false;
  return true;
}

std::string ClassBand::range_text(Lang lang) const {
  const bool de = lang == Lang::de;
  auto lower_text = [&] {
    return std::string(lower->inclusive ? (de ? "mindestens " : "at least ") : (de ? "mehr als " : "more than ")) +
           std::to_string(lower->value);
  };
  auto upper_text = [&] {
    return std::string(upper->inclusive ? (de ? "höchstens " : "at most ") : (de ? "weniger als " : "less than ")) +
           std::to_string(upper->value);
  };
  if (lower && upper) {
    if (lower->inclusive && upper->inclusive) {
      return std::to_string(lower->value) + (de ? " bis " : " to ") + std::to_string(upper->value);
    }
    return lower_text() + (de ? " und " : " and ") + upper_text();
  }
  if (lower) return lower_text();
  if (upper) return upper_text();
  return de ? "alle Punktzahlen" : "any score";
}

const char* to_string(WeightsProvenance provenance) {
  switch (provenance) {
    case WeightsProvenance::published: return "published";
    case WeightsProvenance::derived: return "derived";
    case WeightsProvenance::reconstructed: return "reconstructed";
  }
  return "reconstructed";
}

const char* to_string(RatingStatus status) {
  return status == RatingStatus::sourced ? "sourced" : "unverified";
}

int Methodology::weight_sum() const {
  int sum = 0;
  for (const auto& f : features) sum += f.weight;
  return sum;
}

int Methodology::max_points() const {
  return levels.empty() ? 0 : weight_sum() * highest_level().points;
}

int Methodology::min_points() const {
  return levels.empty() ? 0 : weight_sum() * lowest_level().points;
}

const Level* Methodology::level(std::string_view id) const {
  for (const auto& l : levels)
    if (l.id == id) return &l;
  return nullptr;
}

const Feature* Methodology::feature(std::string_view id) const {
  for (const auto& f : features)
    if (f.id == id) return &f;
  return nullptr;
}

const ClassBand* Methodology::class_band(std::string_view id) const {
  for (const auto& c : classes)
    if (c.id == id) return &c;
  return nullptr;
}

int Methodology::class_index(std::string_view id) const {
  for (std::size_t i = 0; i < classes.size(); ++i)
    if (classes[i].id == id) return static_cast<int>(i);
  return -1;
}

const Level& Methodology::lowest_level() const {
  return *std::min_element(levels.begin(), levels.end(),
                           [](const Level& a, const Level& b) { return a.points < b.points; });
}

const Level& Methodology::highest_level() const {
  return *std::max_element(levels.begin(), levels.end(),
                           [](const Level& a, const Level& b) { return a.points < b.points; });
}

const ClassBand* Methodology::class_for(int points) const {
  for (const auto& c : classes)
    if (c.contains(points)) return &c;
  return nullptr;
}

const Rating* Assessment::rating(std::string_view feature) const {
  for (const auto& r : ratings)
    if (r.feature == feature) return &r;
  return nullptr;
}

const Variant* Assessment::variant(std::string_view variant_id) const {
  for (const auto& v : variants)
    if (v.id == variant_id) return &v;
  return nullptr;
}

const Variant* Assessment::default_variant() const {
  for (const auto& v : variants)
    if (v.is_default) return &v;
  return nullptr;
}

const Rating* Variant::rating(std::string_view feature) const {
  for (const auto& r : ratings)
    if (r.feature == feature) return &r;
  return nullptr;
}

const Assessment* Edition::assessment(std::string_view id) const {
  for (const auto& a : assessments)
    if (a.id == id) return &a;
  return nullptr;
}

const Methodology* Category::methodology(int version) const {
  auto it = methodologies.find(version);
  return it == methodologies.end() ? nullptr : &it->second;
}

const Methodology* Category::latest_methodology() const {
  return methodologies.empty() ? nullptr : &methodologies.rbegin()->second;
}

const Edition* Category::edition(const Date& date) const {
  for (const auto& e : editions)
    if (e.date == date) return &e;
  return nullptr;
}

const Edition* Category::latest_edition() const {
  return editions.empty() ? nullptr : &editions.back();
}

const Edition* Category::previous(const Edition& edition) const {
  const Edition* before = nullptr;
  for (const auto& e : editions) {
    if (e.date >= edition.date) break;
    before = &e;
  }
  return before;
}

const Edition* Category::find_edition(std::string_view spec) const {
  if (spec == "latest") return latest_edition();
  auto date = Date::parse(spec);
  return date ? edition(*date) : nullptr;
}

const Category* Catalogue::category(std::string_view id) const {
  for (const auto& c : categories)
    if (c.id == id) return &c;
  return nullptr;
}

std::vector<std::string> Catalogue::category_ids() const {
  std::vector<std::string> ids;
  for (const auto& c : categories) ids.push_back(c.id);
  return ids;
}

}  // namespace privascore
