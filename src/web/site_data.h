// SiteData: one published state of the catalogue as the site serves it,
// with every edition scored once and the categories' URL slugs indexed.
//
// Built when the catalogue is loaded or an editor publishes; the site swaps
// the whole SiteData at once, so a request always sees one consistent
// state. Immutable after construction; thread-safe. The scores point into
// the catalogue, which SiteData keeps alive.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "method/robustness.h"
#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore::web {

/// The robustness of each scored edition of a category under both weight
/// models (docs/methodology.md), computed once, on first use: every service
/// page of an edition shows its service's line of the same result.
/// Thread-safe.
class RobustnessMemo {
 public:
  struct Result {
    std::optional<method::RobustnessResult> pm25;  // nullopt: could not be computed
    std::optional<method::RobustnessResult> order;
  };
  explicit RobustnessMemo(std::size_t editions) : m_slots(editions) {}
  /// The result of edition index (into CategoryView::scores), computing it
  /// with compute the first time.
  const Result& get(std::size_t index, const std::function<Result()>& compute) const;
  std::size_t size() const { return m_slots.size(); }

 private:
  struct Slot {
    std::once_flag once;
    Result result;
  };
  mutable std::vector<Slot> m_slots;
};

/// A category as the site shows it.
struct CategoryView {
  const Category* category = nullptr;
  const Methodology* methodology = nullptr;          // the latest version: names and slugs
  Text slug;                                         // from the latest methodology; the id when it has none
  std::vector<EditionScore> scores;                  // one per edition with a known methodology, oldest first
  std::shared_ptr<const RobustnessMemo> robustness;  // one slot per entry of scores

  const Text& name() const { return methodology->name; }
  /// The score of an edition; nullptr when it could not be scored.
  const EditionScore* score(const Edition& edition) const;
  const EditionScore* latest() const { return scores.empty() ? nullptr : &scores.back(); }
};

class SiteData {
 public:
  /// Scores every edition of every category that has a methodology.
  explicit SiteData(std::shared_ptr<const Catalogue> catalogue);

  const Catalogue& catalogue() const { return *m_catalogue; }
  /// Categories with at least one scored edition, by id.
  const std::vector<CategoryView>& categories() const { return m_categories; }
  const CategoryView* by_id(std::string_view id) const;

  /// The category whose slug in lang is segment. When segment is instead
  /// the other language's slug or the id, the category is returned with
  /// *canonical set to false (the caller redirects); nullptr when unknown.
  const CategoryView* by_slug(Lang lang, std::string_view segment, bool* canonical) const;

 private:
  std::shared_ptr<const Catalogue> m_catalogue;
  std::vector<CategoryView> m_categories;
};

}  // namespace privascore::web
