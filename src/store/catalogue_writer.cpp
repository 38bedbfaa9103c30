#include "store/catalogue_writer.h"

namespace privascore::store {

namespace {

// Absent optional strings are stored as NULL, never as ''.
std::optional<std::string> or_null(const std::string& value) {
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<std::string> de_of(const std::optional<Text>& text) {
  return text ? std::optional<std::string>(text->de) : std::nullopt;
}

std::optional<std::string> en_of(const std::optional<Text>& text) {
  return text ? std::optional<std::string>(text->en) : std::nullopt;
}

// Adds what was being written to an error.
Error within(const std::string& what, const Error& error) {
  return Error{"cannot write " + what + ": " + error.message, error.hint};
}

// Inserts ratings with their evidence, of an assessment (variant == nullptr)
// or of one of its hosting variants.
Result<void> insert_ratings(Database& db, const std::string& category, const std::string& date,
                            const std::string& service, const Variant* variant, const std::vector<Rating>& ratings) {
  const std::string where = "service " + service + (variant ? ", variant " + variant->id : "");
  auto rating = variant
                    ? db.prepare(
                          "INSERT INTO variant_rating (category_id, edition_date, service_id, variant_id, "
                          "feature_id, position, level_id, status, justification_de, justification_en) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    : db.prepare(
                          "INSERT INTO rating (category_id, edition_date, service_id, feature_id, position, "
                          "level_id, status, justification_de, justification_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto evidence = variant ? db.prepare(
                                "INSERT INTO variant_evidence (category_id, edition_date, service_id, variant_id, "
                                "feature_id, position, url, title, quote, retrieved) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                          : db.prepare(
                                "INSERT INTO evidence (category_id, edition_date, service_id, feature_id, position, "
                                "url, title, quote, retrieved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!rating) return tl::unexpected(rating.error());
  if (!evidence) return tl::unexpected(evidence.error());
  // Parameters after the key columns shift by one for variants.
  const int shift = variant ? 1 : 0;
  for (std::size_t j = 0; j < ratings.size(); ++j) {
    const Rating& rt = ratings[j];
    rating->bind_all(category, date, service);
    if (variant) rating->bind(4, variant->id);
    rating->bind(4 + shift, rt.feature)
        .bind(5 + shift, static_cast<int>(j))
        .bind(6 + shift, rt.level)
        .bind(7 + shift, to_string(rt.status))
        .bind(8 + shift, rt.justification.de)
        .bind(9 + shift, rt.justification.en);
    if (auto r = rating->run(); !r) return tl::unexpected(within(where + ", rating " + rt.feature, r.error()));
    for (std::size_t k = 0; k < rt.evidence.size(); ++k) {
      const Evidence& ev = rt.evidence[k];
      evidence->bind_all(category, date, service);
      if (variant) evidence->bind(4, variant->id);
      evidence->bind(4 + shift, rt.feature)
          .bind(5 + shift, static_cast<int>(k))
          .bind(6 + shift, ev.url)
          .bind(7 + shift, ev.title)
          .bind(8 + shift, or_null(ev.quote))
          .bind(9 + shift, ev.retrieved ? std::optional<std::string>(ev.retrieved->to_string()) : std::nullopt);
      if (auto r = evidence->run(); !r) {
        return tl::unexpected(within(where + ", evidence of " + rt.feature, r.error()));
      }
    }
  }
  return {};
}

}  // namespace

Result<void> insert_category(Database& db, const std::string& id) {
  auto stmt = db.prepare("INSERT OR IGNORE INTO category (id) VALUES (?)");
  if (!stmt) return tl::unexpected(stmt.error());
  if (auto r = stmt->bind_all(id).run(); !r) return tl::unexpected(within("category " + id, r.error()));
  return {};
}

Result<void> insert_methodology(Database& db, const Methodology& m) {
  const std::string what = "methodology " + m.category + " v" + std::to_string(m.version);
  auto fail_with = [&](const Error& e) { return tl::unexpected(within(what, e)); };

  auto head = db.prepare(
      "INSERT INTO methodology (category_id, version, effective, name_de, name_en, summary_de, summary_en, slug_de, "
      "slug_en, weights_provenance, provenance_note_de, provenance_note_en, hosting_note_de, hosting_note_en, "
      "derivation_rule, derivation_lowest, derivation_step, derivation_factor) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!head) return fail_with(head.error());
  const auto& d = m.derivation;
  head->bind_all(m.category, m.version, m.effective.to_string(), m.name.de, m.name.en, m.summary.de, m.summary.en,
                 m.slug.de, m.slug.en, to_string(m.weights_provenance), m.provenance_note.de, m.provenance_note.en,
                 de_of(m.hosting_note), en_of(m.hosting_note), d ? std::optional<std::string>(d->rule) : std::nullopt,
                 d ? std::optional<int>(d->lowest) : std::nullopt, d ? std::optional<int>(d->step) : std::nullopt,
                 d ? std::optional<int>(d->factor) : std::nullopt);
  if (auto r = head->run(); !r) return fail_with(r.error());

  auto level = db.prepare(
      "INSERT INTO methodology_level (category_id, version, position, id, points, colour, symbol, label_de, "
      "label_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!level) return fail_with(level.error());
  for (std::size_t i = 0; i < m.levels.size(); ++i) {
    const Level& l = m.levels[i];
    level->bind_all(m.category, m.version, static_cast<int>(i), l.id, l.points, l.colour, l.symbol, l.label.de,
                    l.label.en);
    if (auto r = level->run(); !r) return fail_with(r.error());
  }

  // Classes before features: a knock-out's cap refers to a class.
  auto klass = db.prepare(
      "INSERT INTO methodology_class (category_id, version, position, id, colour, symbol, label_de, label_en, "
      "lower_bound, lower_inclusive, upper_bound, upper_inclusive) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!klass) return fail_with(klass.error());
  for (std::size_t i = 0; i < m.classes.size(); ++i) {
    const ClassBand& c = m.classes[i];
    auto value = [](const std::optional<Bound>& b) { return b ? std::optional<int>(b->value) : std::nullopt; };
    auto inclusive = [](const std::optional<Bound>& b) {
      return b ? std::optional<int>(b->inclusive ? 1 : 0) : std::nullopt;
    };
    klass->bind_all(m.category, m.version, static_cast<int>(i), c.id, c.colour, c.symbol, c.label.de, c.label.en,
                    value(c.lower), inclusive(c.lower), value(c.upper), inclusive(c.upper));
    if (auto r = klass->run(); !r) return fail_with(r.error());
  }

  auto feature = db.prepare(
      "INSERT INTO methodology_feature (category_id, version, position, id, anchor, name_de, name_en, "
      "explanation_de, explanation_en, weight, knockout_level, knockout_cap, knockout_reason_de, "
      "knockout_reason_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!feature) return fail_with(feature.error());
  for (std::size_t i = 0; i < m.features.size(); ++i) {
    const Feature& f = m.features[i];
    const auto& k = f.knockout;
    feature->bind_all(m.category, m.version, static_cast<int>(i), f.id, f.anchor, f.name.de, f.name.en,
                      f.explanation.de, f.explanation.en, f.weight,
                      k ? std::optional<std::string>(k->level) : std::nullopt,
                      k ? std::optional<std::string>(k->cap) : std::nullopt,
                      k ? std::optional<std::string>(k->reason.de) : std::nullopt,
                      k ? std::optional<std::string>(k->reason.en) : std::nullopt);
    if (auto r = feature->run(); !r) return fail_with(r.error());
  }

  auto standard = db.prepare(
      "INSERT INTO methodology_standard (category_id, version, position, id, name_de, name_en, reason_de, "
      "reason_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!standard) return fail_with(standard.error());
  for (std::size_t i = 0; i < m.standards.size(); ++i) {
    const Standard& s = m.standards[i];
    standard->bind_all(m.category, m.version, static_cast<int>(i), s.id, s.name.de, s.name.en, s.reason.de,
                       s.reason.en);
    if (auto r = standard->run(); !r) return fail_with(r.error());
  }

  auto source = db.prepare(
      "INSERT INTO methodology_source (category_id, version, position, id, title, year, url, kind) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  auto name = db.prepare(
      "INSERT INTO methodology_source_name (category_id, version, source_id, position, name) VALUES (?, ?, ?, ?, ?)");
  if (!source) return fail_with(source.error());
  if (!name) return fail_with(name.error());
  for (std::size_t i = 0; i < m.sources.size(); ++i) {
    const LiteratureSource& src = m.sources[i];
    source->bind_all(m.category, m.version, static_cast<int>(i), src.id, src.title, src.year, or_null(src.url),
                     src.kind);
    if (auto r = source->run(); !r) return fail_with(r.error());
    for (std::size_t j = 0; j < src.names.size(); ++j) {
      name->bind_all(m.category, m.version, src.id, static_cast<int>(j), src.names[j]);
      if (auto r = name->run(); !r) return fail_with(r.error());
    }
  }
  return {};
}

Result<void> insert_edition(Database& db, const Edition& e) {
  const std::string date = e.date.to_string();
  const std::string what = "edition " + e.category + " " + date;
  auto fail_with = [&](const std::string& part, const Error& err) {
    return tl::unexpected(within(what + (part.empty() ? "" : " (" + part + ")"), err));
  };

  auto service = db.prepare("INSERT OR IGNORE INTO service (category_id, id) VALUES (?, ?)");
  if (!service) return fail_with("", service.error());
  for (const Assessment& a : e.assessments) {
    if (auto r = service->bind_all(e.category, a.id).run(); !r) return fail_with("service " + a.id, r.error());
  }

  auto head = db.prepare(
      "INSERT INTO edition (category_id, date, methodology_version, title_de, title_en, summary_de, summary_en, "
      "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!head) return fail_with("", head.error());
  head->bind_all(e.category, date, e.methodology, e.title.de, e.title.en, e.summary.de, e.summary.en,
                 or_null(e.source));
  if (auto r = head->run(); !r) return fail_with("", r.error());

  auto assessment = db.prepare(
      "INSERT INTO assessment (category_id, edition_date, service_id, position, name, vendor, website, licence, "
      "repository, note_de, note_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto variant = db.prepare(
      "INSERT INTO variant (category_id, edition_date, service_id, id, position, name_de, name_en, operator, url, "
      "is_default, note_de, note_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!assessment) return fail_with("", assessment.error());
  if (!variant) return fail_with("", variant.error());
  for (std::size_t i = 0; i < e.assessments.size(); ++i) {
    const Assessment& a = e.assessments[i];
    assessment->bind_all(e.category, date, a.id, static_cast<int>(i), a.name, a.vendor, a.website, or_null(a.licence),
                         or_null(a.repository), de_of(a.note), en_of(a.note));
    if (auto r = assessment->run(); !r) return fail_with("service " + a.id, r.error());
    if (auto r = insert_ratings(db, e.category, date, a.id, nullptr, a.ratings); !r) return fail_with("", r.error());
    for (std::size_t j = 0; j < a.variants.size(); ++j) {
      const Variant& v = a.variants[j];
      variant->bind_all(e.category, date, a.id, v.id, static_cast<int>(j), v.name.de, v.name.en,
                        or_null(v.operator_name), or_null(v.url), v.is_default ? 1 : 0, de_of(v.note), en_of(v.note));
      if (auto r = variant->run(); !r) return fail_with("service " + a.id + ", variant " + v.id, r.error());
      if (auto r = insert_ratings(db, e.category, date, a.id, &v, v.ratings); !r) return fail_with("", r.error());
    }
  }

  auto note = db.prepare(
      "INSERT INTO edition_note (category_id, edition_date, position, kind, service_id, feature_id, text_de, "
      "text_en, reason_de, reason_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!note) return fail_with("", note.error());
  for (std::size_t i = 0; i < e.notes.size(); ++i) {
    const EditionNote& n = e.notes[i];
    note->bind_all(e.category, date, static_cast<int>(i), n.kind, or_null(n.service), or_null(n.feature), n.text.de,
                   n.text.en, n.reason.de, n.reason.en);
    if (auto r = note->run(); !r) return fail_with("note " + std::to_string(i + 1), r.error());
  }

  auto figure = db.prepare(
      "INSERT INTO published_figure (category_id, edition_date, position, service_id, points, class_id, "
      "methodology_version) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!figure) return fail_with("", figure.error());
  for (std::size_t i = 0; i < e.published.size(); ++i) {
    const PublishedFigure& p = e.published[i];
    figure->bind_all(e.category, date, static_cast<int>(i), p.service, p.points, or_null(p.class_id), p.methodology);
    if (auto r = figure->run(); !r) return fail_with("published figure " + std::to_string(i + 1), r.error());
  }
  return {};
}

}  // namespace privascore::store
