#include "store/import_plan.h"

#include "store/content_diff.h"

namespace privascore::store {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

ImportPlan plan_import(const Catalogue& database, const Catalogue& incoming) {
  ImportPlan plan;
  const DiffLabels labels{"in the database", "in the data"};
  for (const Category& category : incoming.categories) {
    const Category* old = database.category(category.id);
    if (!old) plan.new_categories.push_back(category.id);
    for (const auto& [version, methodology] : category.methodologies) {
      ImportPlan::Item item{category.id, "methodology v" + std::to_string(version),
                            category.id + "/methodology/v" + std::to_string(version) + ".toml", ""};
      const Methodology* stored = old ? old->methodology(version) : nullptr;
      if (!stored) {
        plan.new_methodologies.push_back(std::move(item));
      } else if (auto diff = methodology_difference(*stored, methodology, labels)) {
        item.difference = *diff;
        plan.refused.push_back(std::move(item));
      } else {
        ++plan.unchanged_methodologies;
      }
    }
    for (const Edition& edition : category.editions) {
      const std::string date = edition.date.to_string();
      ImportPlan::Item item{category.id, "edition " + date, category.id + "/editions/" + date + "/", ""};
      const Edition* stored = old ? old->edition(edition.date) : nullptr;
      if (!stored) {
        plan.new_editions.push_back(std::move(item));
      } else if (auto diff = edition_difference(*stored, edition, labels)) {
        item.difference = *diff;
        plan.refused.push_back(std::move(item));
      } else {
        ++plan.unchanged_editions;
      }
    }
  }
  return plan;
}

std::string ImportPlan::counts() const {
  std::vector<std::string> parts;
  if (!new_categories.empty()) parts.push_back(plural(new_categories.size(), "new category", "new categories"));
  if (!new_methodologies.empty()) {
    parts.push_back(plural(new_methodologies.size(), "new methodology version", "new methodology versions"));
  }
  if (!new_editions.empty()) parts.push_back(plural(new_editions.size(), "new edition", "new editions"));
  if (!refused.empty()) {
    parts.push_back(plural(refused.size(), "published element", "published elements") +
                    " with different content (refused)");
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string ImportPlan::to_text() const {
  std::string out;
  for (const auto& id : new_categories) out += "+ category " + id + "\n";
  for (const auto& item : new_methodologies)
    out += "+ " + item.what + " of " + item.category + " (" + item.file + ")\n";
  for (const auto& item : new_editions) out += "+ " + item.what + " of " + item.category + " (" + item.file + ")\n";
  for (const auto& item : refused) {
    out += "! " + item.what + " of " + item.category + " is published with different content, refused (" + item.file +
           (item.file.back() == '/' ? "" : ": ") + item.difference + ")\n";
  }
  out += std::to_string(unchanged_methodologies) + " methodology version(s) and " + std::to_string(unchanged_editions) +
         " edition(s) unchanged\n";
  return out;
}

}  // namespace privascore::store
