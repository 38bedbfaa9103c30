#include "web/site_data.h"

#include "model/url_words.h"

namespace privascore::web {

const EditionScore* CategoryView::score(const Edition& edition) const {
  for (const auto& s : scores)
    if (s.edition == &edition) return &s;
  return nullptr;
}

const RobustnessMemo::Result& RobustnessMemo::get(std::size_t index, const std::function<Result()>& compute) const {
  Slot& slot = m_slots.at(index);
  std::call_once(slot.once, [&] { slot.result = compute(); });
  return slot.result;
}

SiteData::SiteData(std::shared_ptr<const Catalogue> catalogue) : m_catalogue(std::move(catalogue)) {
  if (!m_catalogue) m_catalogue = std::make_shared<const Catalogue>();
  for (const Category& c : m_catalogue->categories) {
    CategoryView view;
    view.category = &c;
    view.methodology = c.latest_methodology();
    if (!view.methodology) continue;
    view.slug = category_slugs(c);
    for (const Edition& e : c.editions) {
      const Methodology* m = c.methodology(e.methodology);
      if (!m || m->levels.empty() || m->classes.empty()) continue;
      view.scores.push_back(score_edition(*m, e));
    }
    if (view.scores.empty()) continue;
    view.robustness = std::make_shared<const RobustnessMemo>(view.scores.size());
    m_categories.push_back(std::move(view));
  }
}

const CategoryView* SiteData::by_id(std::string_view id) const {
  for (const auto& c : m_categories)
    if (c.category->id == id) return &c;
  return nullptr;
}

const CategoryView* SiteData::by_slug(Lang lang, std::string_view segment, bool* canonical) const {
  for (const auto& c : m_categories) {
    if (c.slug.get(lang) == segment) {
      *canonical = true;
      return &c;
    }
  }
  for (const auto& c : m_categories) {
    if (c.slug.de == segment || c.slug.en == segment || c.category->id == segment) {
      *canonical = false;
      return &c;
    }
  }
  return nullptr;
}

}  // namespace privascore::web
