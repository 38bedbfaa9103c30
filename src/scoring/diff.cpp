#include "scoring/diff.h"

#include <algorithm>

namespace privascore {

namespace {

std::string bounds_text(const ClassBand& c) {
  return c.range_text(Lang::en);
}

}  // namespace

std::vector<MethodologyChange> diff_methodologies(const Methodology& from, const Methodology& to) {
  std::vector<MethodologyChange> changes;
  for (const auto& f : from.features) {
    const Feature* g = to.feature(f.id);
    if (!g) {
      changes.push_back({"feature-removed", f.id, std::to_string(f.weight), ""});
      continue;
    }
    if (g->weight != f.weight) changes.push_back({"weight", f.id, std::to_string(f.weight), std::to_string(g->weight)});
    auto ko = [](const Feature& x) {
      return x.knockout ? "at or below " + x.knockout->level + ": at best " + x.knockout->cap : std::string("none");
    };
    if (ko(f) != ko(*g)) changes.push_back({"knockout", f.id, ko(f), ko(*g)});
  }
  for (const auto& g : to.features) {
    if (!from.feature(g.id)) changes.push_back({"feature-added", g.id, "", std::to_string(g.weight)});
  }
  for (const auto& l : from.levels) {
    const Level* k = to.level(l.id);
    if (!k)
      changes.push_back({"level", l.id, std::to_string(l.points), ""});
    else if (k->points != l.points)
      changes.push_back({"level", l.id, std::to_string(l.points), std::to_string(k->points)});
  }
  for (const auto& k : to.levels) {
    if (!from.level(k.id)) changes.push_back({"level", k.id, "", std::to_string(k.points)});
  }
  for (const auto& c : from.classes) {
    const ClassBand* d = to.class_band(c.id);
    if (!d)
      changes.push_back({"class", c.id, bounds_text(c), ""});
    else if (bounds_text(c) != bounds_text(*d))
      changes.push_back({"class", c.id, bounds_text(c), bounds_text(*d)});
  }
  for (const auto& d : to.classes) {
    if (!from.class_band(d.id)) changes.push_back({"class", d.id, "", bounds_text(d)});
  }
  return changes;
}

EditionDiff diff_editions(const Category& category, const Edition& from, const Edition& to) {
  EditionDiff diff;
  diff.from = &from;
  diff.to = &to;
  diff.from_methodology = category.methodology(from.methodology);
  diff.to_methodology = category.methodology(to.methodology);
  if (!diff.from_methodology || !diff.to_methodology) return diff;
  if (diff.methodology_changed())
    diff.methodology_changes = diff_methodologies(*diff.from_methodology, *diff.to_methodology);

  const EditionScore before = score_edition(*diff.from_methodology, from);
  const EditionScore after = score_edition(*diff.to_methodology, to);
  // The new ratings under the old methodology separate the two causes.
  const EditionScore bridge = score_edition(*diff.from_methodology, to);

  for (const auto& id : to.services)
    if (!from.assessment(id)) diff.joined.push_back(id);
  for (const auto& id : from.services)
    if (!to.assessment(id)) diff.left.push_back(id);

  for (const auto& now : after.services) {
    const ServiceScore* then = before.service(now.assessment->id);
    if (!then) continue;
    ServiceChange change;
    change.id = now.assessment->id;
    change.name = now.assessment->name;
    change.from_points = then->points;
    change.to_points = now.points;
    change.from_class = then->klass->id;
    change.to_class = now.klass->id;
    change.from_rank = then->rank;
    change.to_rank = now.rank;
    const ServiceScore* middle = bridge.service(change.id);
    change.delta_from_ratings = middle->points - then->points;
    change.delta_from_methodology = now.points - middle->points;

    std::vector<std::string> feature_ids;
    for (const auto& f : diff.from_methodology->features) feature_ids.push_back(f.id);
    for (const auto& f : diff.to_methodology->features)
      if (!diff.from_methodology->feature(f.id)) feature_ids.push_back(f.id);
    for (const auto& id : feature_ids) {
      const FeatureScore* a = then->feature(id);
      const FeatureScore* b = now.feature(id);
      FeatureChange fc;
      fc.feature = id;
      if (a) {
        fc.from_level = a->unknown ? Rating::k_unknown : a->level->id;
        fc.from_points = a->points;
        fc.from_weight = a->feature->weight;
        fc.from_status = a->rating ? to_string(a->rating->status) : "unverified";
      }
      if (b) {
        fc.to_level = b->unknown ? Rating::k_unknown : b->level->id;
        fc.to_points = b->points;
        fc.to_weight = b->feature->weight;
        fc.to_status = b->rating ? to_string(b->rating->status) : "unverified";
      }
      fc.status_changed = a && b && fc.from_status != fc.to_status;
      if (fc.from_level != fc.to_level || fc.delta() != 0 || fc.status_changed) change.causes.push_back(fc);
    }
    const bool any = change.delta() != 0 || change.from_class != change.to_class ||
                     change.from_rank != change.to_rank || !change.causes.empty();
    if (any)
      diff.changed.push_back(std::move(change));
    else
      ++diff.unchanged;
  }
  return diff;
}

}  // namespace privascore
