#include "editor/draft_apply.h"
#include <nlohmann/json.hpp>

#include <algorithm>

#include "editor/draft_payload.h"
#include "loader/loader.h"

namespace privascore::editor {

namespace {

Text level_label(const Methodology& m, const std::string& level) {
  if (level == Rating::k_unknown) return Text{"unbekannt", "unknown"};
  if (const Level* l = m.level(level)) return l->label;
  return Text{level, level};
}

Text feature_name(const Methodology& m, const std::string& feature) {
  if (const Feature* f = m.feature(feature)) return f->name;
  return Text{feature, feature};
}

std::string service_name(const Edition& edition, const std::string& id) {
  const Assessment* a = edition.assessment(id);
  return a ? a->name : id;
}

EditionNote rating_note(const Methodology& m, const Edition& edition, const Draft& draft, const Rating* old_rating,
                        const Rating& rating) {
  const bool correction = draft.payload.value("note_kind", "") == "correction";
  EditionNote n;
  n.kind = correction ? "correction" : "reassessment";
  n.service = draft.service;
  n.feature = draft.feature;
  n.reason = draft.reason;
  const std::string name =
      service_name(edition, draft.service) + (draft.variant.empty() ? "" : " (" + draft.variant + ")");
  const Text feature = feature_name(m, draft.feature);
  const Text to = level_label(m, rating.level);
  if (old_rating && old_rating->level == rating.level) {
    n.text.de = name + ", " + feature.de + ": Begründung und Belege " + (correction ? "korrigiert" : "aktualisiert") +
                " (Stufe unverändert: " + to.de + ").";
    n.text.en = name + ", " + feature.en + ": justification and evidence " + (correction ? "corrected" : "updated") +
                " (level unchanged: " + to.en + ").";
  } else {
    const Text from = old_rating ? level_label(m, old_rating->level) : Text{"–", "–"};
    n.text.de = name + ", " + feature.de + (correction ? ": korrigiert von " : ": neu bewertet, von ") + from.de +
                " auf " + to.de + ".";
    n.text.en = name + ", " + feature.en + (correction ? ": corrected from " : ": reassessed from ") + from.en +
                " to " + to.en + ".";
  }
  return n;
}

Assessment* find_assessment(Edition& e, const std::string& id) {
  auto it = std::find_if(e.assessments.begin(), e.assessments.end(), [&](const Assessment& a) { return a.id == id; });
  return it == e.assessments.end() ? nullptr : &*it;
}

int latest_version(const Category& category) {
  return category.methodologies.empty() ? 0 : category.methodologies.rbegin()->first;
}

}  // namespace

Result<DraftEdition> build_draft_edition(const Category& category, const std::vector<Draft>& drafts,
                                         const EditionPlan& plan) {
  const Edition* latest = category.latest_edition();
  if (!latest) {
    return fail(ErrorKind::invalid, "category `" + category.id + "` has no edition yet",
                "import its first edition with `privascore import`");
  }
  const Methodology* base_methodology = category.methodology(latest->methodology);
  if (!base_methodology) {
    return fail(ErrorKind::invalid, "the latest edition of `" + category.id + "` uses methodology version " +
                                        std::to_string(latest->methodology) + ", which is missing");
  }
  if (!plan.date.valid() || plan.date <= latest->date) {
    return fail(ErrorKind::invalid,
                "the new edition's date must be after the latest edition (" + latest->date.to_string() + ")",
                "choose a later date; there is at most one edition per day");
  }

  DraftEdition out;
  Edition& e = out.edition;
  e = *latest;
  e.date = plan.date;
  e.loc = Loc{};
  e.methodology_loc = Loc{};
  e.source.clear();
  e.notes.clear();
  e.published.clear();
  e.service_locs.clear();
  if (!plan.title.empty()) e.title = plan.title;
  if (!plan.summary.empty()) e.summary = plan.summary;
  const Methodology* m = base_methodology;

  // Methodology first: the notes of the other drafts name its levels.
  for (const Draft& d : drafts) {
    if (d.kind != DraftKind::methodology) continue;
    if (out.methodology) {
      out.skipped.emplace_back(d.id, "another methodology change applies to this edition");
      continue;
    }
    auto change = methodology_edit_from_json(d.payload);
    if (!change) return tl::unexpected(change.error());
    const Methodology* newest = category.methodology(latest_version(category));
    out.methodology = apply_methodology_edit(*newest, *change, latest_version(category) + 1, plan.date);
    e.methodology = out.methodology->version;
    m = &*out.methodology;
    EditionNote n;
    n.kind = "methodology";
    n.text = Text{"Neue Methodik-Version " + std::to_string(out.methodology->version) +
                      ": Gewichte und Schwellen der Klassen geändert.",
                  "New methodology version " + std::to_string(out.methodology->version) +
                      ": weights and class thresholds changed."};
    n.reason = d.reason;
    e.notes.push_back(std::move(n));
    out.applied.push_back(d.id);
  }

  for (const Draft& d : drafts) {
    if (d.kind != DraftKind::service_add) continue;
    if (e.assessment(d.service)) {
      out.skipped.emplace_back(d.id, "service `" + d.service + "` is already in the edition");
      continue;
    }
    auto service = service_from_json(d.payload);
    if (!service) return tl::unexpected(service.error());
    Assessment a = std::move(*service);
    a.id = d.service;
    for (const Feature& f : m->features) {
      Rating r;
      r.feature = f.id;
      r.level = Rating::k_unknown;
      r.status = RatingStatus::unverified;
      r.justification = Text{"Noch nicht bewertet.", "Not assessed yet."};
      a.ratings.push_back(std::move(r));
    }
    e.services.push_back(a.id);
    e.assessments.push_back(std::move(a));
    EditionNote n;
    n.kind = "joined";
    n.service = d.service;
    n.text = Text{e.assessments.back().name + " ist neu dabei.", e.assessments.back().name + " has joined."};
    n.reason = d.reason;
    e.notes.push_back(std::move(n));
    out.applied.push_back(d.id);
  }

  for (const Draft& d : drafts) {
    if (d.kind != DraftKind::variant_add) continue;
    Assessment* a = find_assessment(e, d.service);
    if (!a) {
      out.skipped.emplace_back(d.id, "service `" + d.service + "` is not in the edition");
      continue;
    }
    if (a->variant(d.variant)) {
      out.skipped.emplace_back(d.id, "service `" + d.service + "` already has a variant `" + d.variant + "`");
      continue;
    }
    auto variant = variant_from_json(d.payload);
    if (!variant) return tl::unexpected(variant.error());
    variant->id = d.variant;
    // The first variant of a service makes the rated offer the default.
    if (a->variants.empty()) {
      Variant rated;
      rated.id = "default";
      rated.name = Text{a->name, a->name};
      rated.operator_name = a->vendor;
      rated.url = a->website;
      rated.is_default = true;
      if (variant->id != rated.id) a->variants.push_back(std::move(rated));
    }
    variant->is_default = false;
    const Text name = variant->name;
    a->variants.push_back(std::move(*variant));
    EditionNote n;
    n.kind = "other";
    n.service = d.service;
    n.text = Text{a->name + ": neue Variante " + name.de + ".", a->name + ": new variant " + name.en + "."};
    n.reason = d.reason;
    e.notes.push_back(std::move(n));
    out.applied.push_back(d.id);
  }

  for (const Draft& d : drafts) {
    if (d.kind != DraftKind::rating) continue;
    Assessment* a = find_assessment(e, d.service);
    if (!a) {
      out.skipped.emplace_back(d.id, "service `" + d.service + "` is not in the edition (is its addition approved?)");
      continue;
    }
    auto rating = rating_from_json(d.payload);
    if (!rating) return tl::unexpected(rating.error());
    rating->feature = d.feature;
    std::vector<Rating>* ratings = &a->ratings;
    const Rating* inherited = a->rating(d.feature);
    if (!d.variant.empty()) {
      auto v =
          std::find_if(a->variants.begin(), a->variants.end(), [&](const Variant& x) { return x.id == d.variant; });
      if (v == a->variants.end()) {
        out.skipped.emplace_back(d.id, "service `" + d.service + "` has no variant `" + d.variant + "`");
        continue;
      }
      if (v->is_default) {
        out.skipped.emplace_back(d.id, "the default variant is the rated service; change the service's rating");
        continue;
      }
      ratings = &v->ratings;
    }
    auto slot = std::find_if(ratings->begin(), ratings->end(), [&](const Rating& r) { return r.feature == d.feature; });
    const Rating* old = slot != ratings->end() ? &*slot : inherited;
    const std::optional<Rating> old_copy = old ? std::optional<Rating>(*old) : std::nullopt;
    EditionNote note = rating_note(*m, e, d, old_copy ? &*old_copy : nullptr, *rating);
    if (slot != ratings->end())
      *slot = std::move(*rating);
    else
      ratings->push_back(std::move(*rating));
    e.notes.push_back(std::move(note));
    out.applied.push_back(d.id);
  }

  for (const Draft& d : drafts) {
    if (d.kind != DraftKind::variant_retire) continue;
    Assessment* a = find_assessment(e, d.service);
    const Variant* v = a ? a->variant(d.variant) : nullptr;
    if (!v) {
      out.skipped.emplace_back(d.id, "service `" + d.service + "` has no variant `" + d.variant + "`");
      continue;
    }
    if (v->is_default) {
      out.skipped.emplace_back(d.id, "the default variant is the rated service; retire the service instead");
      continue;
    }
    const Text name = v->name;
    std::erase_if(a->variants, [&](const Variant& x) { return x.id == d.variant; });
    // A lone default variant says nothing: the service no longer depends on the host.
    if (a->variants.size() == 1 && a->variants[0].is_default) a->variants.clear();
    EditionNote n;
    n.kind = "other";
    n.service = d.service;
    n.text = Text{a->name + ": Variante " + name.de + " entfällt.", a->name + ": variant " + name.en + " retired."};
    n.reason = d.reason;
    e.notes.push_back(std::move(n));
    out.applied.push_back(d.id);
  }

  for (const Draft& d : drafts) {
    if (d.kind != DraftKind::service_retire) continue;
    auto it = std::find(e.services.begin(), e.services.end(), d.service);
    if (it == e.services.end()) {
      out.skipped.emplace_back(d.id, "service `" + d.service + "` is not in the edition");
      continue;
    }
    const std::string name = service_name(e, d.service);
    e.services.erase(it);
    std::erase_if(e.assessments, [&](const Assessment& a) { return a.id == d.service; });
    // Notes about a service that left would point at nothing: keep only
    // the "left" note for it.
    std::erase_if(e.notes, [&](const EditionNote& n) { return n.service == d.service; });
    EditionNote n;
    n.kind = "left";
    n.service = d.service;
    n.text = Text{name + " ist nicht mehr dabei.", name + " has left."};
    n.reason = d.reason;
    e.notes.push_back(std::move(n));
    out.applied.push_back(d.id);
  }

  if (plan.note) e.notes.push_back(*plan.note);
  // Locations name the service and feature, so that a validation message
  // says where the problem is (there is no file).
  auto locate = [](std::vector<Rating>& ratings, const std::string& where) {
    for (Rating& r : ratings) {
      r.loc = r.level_loc = Loc{where + ", feature " + r.feature};
      for (Evidence& ev : r.evidence) ev.loc = r.loc;
    }
  };
  for (Assessment& a : e.assessments) {
    a.loc = Loc{"service " + a.id};
    locate(a.ratings, "service " + a.id);
    for (Variant& v : a.variants) {
      v.loc = Loc{"service " + a.id + ", variant " + v.id};
      locate(v.ratings, "service " + a.id + ", variant " + v.id);
    }
  }
  return out;
}

std::vector<std::string> validate_draft_edition(const Category& category, const DraftEdition& draft) {
  std::vector<std::string> problems;
  const Methodology* m = draft.methodology ? &*draft.methodology : category.methodology(draft.edition.methodology);
  if (!m) return {"methodology version " + std::to_string(draft.edition.methodology) + " is missing"};
  DiagnosticSink sink;
  if (draft.methodology) validate_methodology(*draft.methodology, sink);
  for (const Assessment& a : draft.edition.assessments) validate_assessment(a, *m, sink);
  auto check_text = [&](const Text& t, const std::string& what) {
    if (t.de.empty() || t.en.empty()) problems.push_back(what + " needs a German and an English text");
  };
  check_text(draft.edition.title, "the edition's title");
  check_text(draft.edition.summary, "the edition's summary");
  for (const EditionNote& n : draft.edition.notes) {
    check_text(n.text, "note \"" + n.text.en + "\"");
    check_text(n.reason, "the reason of note \"" + n.text.en + "\"");
  }
  for (const Diagnostic& d : sink.items()) {
    if (d.severity != Severity::error) continue;
    std::string where = d.loc.file.empty() ? std::string() : d.loc.file + ": ";
    problems.push_back(where + d.message + (d.hint.empty() ? "" : " (" + d.hint + ")"));
  }
  return problems;
}

Category with_draft_edition(const Category& category, const DraftEdition& draft) {
  Category c = category;
  if (draft.methodology) c.methodologies[draft.methodology->version] = *draft.methodology;
  c.editions.push_back(draft.edition);
  return c;
}

}  // namespace privascore::editor
