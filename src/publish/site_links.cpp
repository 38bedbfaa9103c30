#include "publish/site_links.h"

namespace privascore::publish {

std::string category_slug(const Category& category, Lang lang) {
  const Methodology* m = category.latest_methodology();
  if (m && !m->slug.get(lang).empty()) return m->slug.get(lang);
  return category.id;
}

}  // namespace privascore::publish
