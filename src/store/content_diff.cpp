#include "store/content_diff.h"

#include <vector>

#include "util/text.h"

namespace privascore::store {

namespace {

// Shows a value in a message: quoted, and for long texts an excerpt around
// the first byte where it differs from `other`.
std::string show(const std::string& value, const std::string& other) {
  constexpr std::size_t k_max = 60;
  if (value.size() <= k_max) return "\"" + value + "\"";
  std::size_t at = 0;
  while (at < value.size() && at < other.size() && value[at] == other[at]) ++at;
  std::size_t from = at > 20 ? at - 20 : 0;
  while (from > 0 && (static_cast<unsigned char>(value[from]) & 0xC0) == 0x80) --from;  // UTF-8 boundary
  std::size_t to = std::min(value.size(), from + k_max);
  while (to < value.size() && (static_cast<unsigned char>(value[to]) & 0xC0) == 0x80) ++to;
  return std::string("\"") + (from > 0 ? "…" : "") + value.substr(from, to - from) + (to < value.size() ? "…" : "") +
         "\"";
}

std::string show(int value, int) {
  return std::to_string(value);
}

// Walks two values side by side and keeps the first difference.
class Comparer {
 public:
  explicit Comparer(const DiffLabels& labels) : m_labels(labels) {}

  std::optional<std::string> result() const { return m_diff; }
  bool found() const { return m_diff.has_value(); }

  template <class T>
  void value(const std::string& where, const T& a, const T& b) {
    if (found() || a == b) return;
    m_diff = where + " is " + show(a, b) + " " + m_labels.a + ", " + show(b, a) + " " + m_labels.b;
  }

  void text(const std::string& where, const Text& a, const Text& b) {
    value(where + ".de", a.de, b.de);
    value(where + ".en", a.en, b.en);
  }

  void optional_text(const std::string& where, const std::optional<Text>& a, const std::optional<Text>& b) {
    if (found()) return;
    if (a.has_value() != b.has_value()) {
      m_diff =
          where + " is " + (a ? "present " : "absent ") + m_labels.a + ", " + (b ? "present " : "absent ") + m_labels.b;
      return;
    }
    if (a) text(where, *a, *b);
  }

  template <class T>
  void optional_int(const std::string& where, const std::optional<T>& a, const std::optional<T>& b) {
    if (found()) return;
    auto str = [](const std::optional<T>& v) { return v ? std::to_string(*v) : std::string("absent"); };
    if (a != b) m_diff = where + " is " + str(a) + " " + m_labels.a + ", " + str(b) + " " + m_labels.b;
  }

  void date(const std::string& where, const std::optional<Date>& a, const std::optional<Date>& b) {
    if (found()) return;
    auto str = [](const std::optional<Date>& d) { return d ? d->to_string() : std::string("absent"); };
    if (a != b) m_diff = where + " is " + str(a) + " " + m_labels.a + ", " + str(b) + " " + m_labels.b;
  }

  /// Compares the lengths of two lists; the caller compares the elements.
  template <class T>
  bool same_count(const std::string& where, const std::vector<T>& a, const std::vector<T>& b) {
    if (found()) return false;
    if (a.size() == b.size()) return true;
    m_diff =
        where + ": " + std::to_string(a.size()) + " " + m_labels.a + ", " + std::to_string(b.size()) + " " + m_labels.b;
    return false;
  }

  void bound(const std::string& where, const std::optional<Bound>& a, const std::optional<Bound>& b) {
    if (found()) return;
    auto str = [](const std::optional<Bound>& x) {
      if (!x) return std::string("absent");
      return std::to_string(x->value) + (x->inclusive ? " (inclusive)" : " (exclusive)");
    };
    const bool same = a.has_value() == b.has_value() && (!a || (a->value == b->value && a->inclusive == b->inclusive));
    if (!same) m_diff = where + " is " + str(a) + " " + m_labels.a + ", " + str(b) + " " + m_labels.b;
  }

  void methodology(const Methodology& a, const Methodology& b) {
    value("category", a.category, b.category);
    value("version", a.version, b.version);
    value("effective", a.effective.to_string(), b.effective.to_string());
    text("name", a.name, b.name);
    text("summary", a.summary, b.summary);
    text("slug", a.slug, b.slug);
    value("weights_provenance", std::string(to_string(a.weights_provenance)),
          std::string(to_string(b.weights_provenance)));
    text("provenance_note", a.provenance_note, b.provenance_note);
    optional_text("hosting_note", a.hosting_note, b.hosting_note);
    if (same_count("number of levels", a.levels, b.levels)) {
      for (std::size_t i = 0; i < a.levels.size(); ++i) {
        const Level &x = a.levels[i], &y = b.levels[i];
        const std::string at = "level " + std::to_string(i + 1) + " (`" + x.id + "`)";
        value(at + " id", x.id, y.id);
        value(at + " points", x.points, y.points);
        value(at + " colour", x.colour, y.colour);
        value(at + " symbol", x.symbol, y.symbol);
        text(at + " label", x.label, y.label);
      }
    }
    if (same_count("number of features", a.features, b.features)) {
      for (std::size_t i = 0; i < a.features.size(); ++i) {
        const Feature &x = a.features[i], &y = b.features[i];
        const std::string at = "feature " + std::to_string(i + 1) + " (`" + x.id + "`)";
        value(at + " id", x.id, y.id);
        value(at + " anchor", x.anchor, y.anchor);
        text(at + " name", x.name, y.name);
        text(at + " explanation", x.explanation, y.explanation);
        value(at + " weight", x.weight, y.weight);
        if (found()) return;
        if (x.knockout.has_value() != y.knockout.has_value()) {
          m_diff = at + " knockout is " + (x.knockout ? "present " : "absent ") + m_labels.a + ", " +
                   (y.knockout ? "present " : "absent ") + m_labels.b;
          return;
        }
        if (x.knockout) {
          value(at + " knockout.level", x.knockout->level, y.knockout->level);
          value(at + " knockout.cap", x.knockout->cap, y.knockout->cap);
          text(at + " knockout.reason", x.knockout->reason, y.knockout->reason);
        }
      }
    }
    if (same_count("number of standards", a.standards, b.standards)) {
      for (std::size_t i = 0; i < a.standards.size(); ++i) {
        const Standard &x = a.standards[i], &y = b.standards[i];
        const std::string at = "standard " + std::to_string(i + 1) + " (`" + x.id + "`)";
        value(at + " id", x.id, y.id);
        text(at + " name", x.name, y.name);
        text(at + " reason", x.reason, y.reason);
      }
    }
    if (same_count("number of classes", a.classes, b.classes)) {
      for (std::size_t i = 0; i < a.classes.size(); ++i) {
        const ClassBand &x = a.classes[i], &y = b.classes[i];
        const std::string at = "class " + std::to_string(i + 1) + " (`" + x.id + "`)";
        value(at + " id", x.id, y.id);
        value(at + " colour", x.colour, y.colour);
        value(at + " symbol", x.symbol, y.symbol);
        text(at + " label", x.label, y.label);
        bound(at + " lower bound", x.lower, y.lower);
        bound(at + " upper bound", x.upper, y.upper);
      }
    }
    if (same_count("number of sources", a.sources, b.sources)) {
      for (std::size_t i = 0; i < a.sources.size(); ++i) {
        const LiteratureSource &x = a.sources[i], &y = b.sources[i];
        const std::string at = "source " + std::to_string(i + 1) + " (`" + x.id + "`)";
        value(at + " id", x.id, y.id);
        value(at + " title", x.title, y.title);
        value(at + " year", x.year, y.year);
        value(at + " url", x.url, y.url);
        value(at + " kind", x.kind, y.kind);
        value(at + " names", join(x.names, ", "), join(y.names, ", "));
      }
    }
    if (found()) return;
    if (a.derivation.has_value() != b.derivation.has_value()) {
      m_diff = std::string("derivation is ") + (a.derivation ? "present " : "absent ") + m_labels.a + ", " +
               (b.derivation ? "present " : "absent ") + m_labels.b;
      return;
    }
    if (a.derivation) {
      value("derivation rule", a.derivation->rule, b.derivation->rule);
      value("derivation lowest", a.derivation->lowest, b.derivation->lowest);
      value("derivation step", a.derivation->step, b.derivation->step);
      value("derivation factor", a.derivation->factor, b.derivation->factor);
    }
  }

  void ratings(const std::string& where, const std::vector<Rating>& a, const std::vector<Rating>& b) {
    if (!same_count(where + "number of ratings", a, b)) return;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const Rating &x = a[i], &y = b[i];
      const std::string at = where + "rating " + std::to_string(i + 1) + " (`" + x.feature + "`)";
      value(at + " feature", x.feature, y.feature);
      value(at + " level", x.level, y.level);
      value(at + " status", std::string(to_string(x.status)), std::string(to_string(y.status)));
      text(at + " justification", x.justification, y.justification);
      if (!same_count(at + " number of evidence entries", x.evidence, y.evidence)) return;
      for (std::size_t j = 0; j < x.evidence.size(); ++j) {
        const Evidence &p = x.evidence[j], &q = y.evidence[j];
        const std::string e = at + " evidence " + std::to_string(j + 1);
        value(e + " url", p.url, q.url);
        value(e + " title", p.title, q.title);
        value(e + " quote", p.quote, q.quote);
        date(e + " retrieved", p.retrieved, q.retrieved);
      }
    }
  }

  void assessment(const Assessment& a, const Assessment& b) {
    const std::string file = "services/" + a.id + ".toml: ";
    value(file + "id", a.id, b.id);
    value(file + "name", a.name, b.name);
    value(file + "vendor", a.vendor, b.vendor);
    value(file + "website", a.website, b.website);
    value(file + "licence", a.licence, b.licence);
    value(file + "repository", a.repository, b.repository);
    optional_text(file + "note", a.note, b.note);
    ratings(file, a.ratings, b.ratings);
    if (!same_count(file + "number of variants", a.variants, b.variants)) return;
    for (std::size_t i = 0; i < a.variants.size(); ++i) {
      const Variant &x = a.variants[i], &y = b.variants[i];
      const std::string at = file + "variant " + std::to_string(i + 1) + " (`" + x.id + "`)";
      value(at + " id", x.id, y.id);
      text(at + " name", x.name, y.name);
      value(at + " operator", x.operator_name, y.operator_name);
      value(at + " url", x.url, y.url);
      value(at + " default", std::string(x.is_default ? "true" : "false"),
            std::string(y.is_default ? "true" : "false"));
      optional_text(at + " note", x.note, y.note);
      ratings(at + ": ", x.ratings, y.ratings);
    }
  }

  void edition(const Edition& a, const Edition& b) {
    const std::string file = "edition.toml: ";
    value(file + "category", a.category, b.category);
    value(file + "date", a.date.to_string(), b.date.to_string());
    value(file + "methodology", a.methodology, b.methodology);
    text(file + "title", a.title, b.title);
    text(file + "summary", a.summary, b.summary);
    value(file + "source", a.source, b.source);
    if (same_count(file + "number of services", a.services, b.services)) {
      for (std::size_t i = 0; i < a.services.size(); ++i) {
        value(file + "service " + std::to_string(i + 1), a.services[i], b.services[i]);
      }
    }
    if (same_count(file + "number of notes", a.notes, b.notes)) {
      for (std::size_t i = 0; i < a.notes.size(); ++i) {
        const EditionNote &x = a.notes[i], &y = b.notes[i];
        const std::string at = file + "note " + std::to_string(i + 1);
        value(at + " kind", x.kind, y.kind);
        value(at + " service", x.service, y.service);
        value(at + " feature", x.feature, y.feature);
        text(at + " text", x.text, y.text);
        text(at + " reason", x.reason, y.reason);
      }
    }
    if (same_count(file + "number of published figures", a.published, b.published)) {
      for (std::size_t i = 0; i < a.published.size(); ++i) {
        const PublishedFigure &x = a.published[i], &y = b.published[i];
        const std::string at = file + "published figure " + std::to_string(i + 1);
        value(at + " service", x.service, y.service);
        optional_int(at + " points", x.points, y.points);
        value(at + " class", x.class_id, y.class_id);
        optional_int(at + " methodology", x.methodology, y.methodology);
      }
    }
    if (same_count("number of assessments", a.assessments, b.assessments)) {
      for (std::size_t i = 0; i < a.assessments.size() && !found(); ++i) assessment(a.assessments[i], b.assessments[i]);
    }
  }

 private:
  const DiffLabels& m_labels;
  std::optional<std::string> m_diff;
};

std::string prefixed(const std::string& prefix, const std::string& diff) {
  return prefix + ": " + diff;
}

}  // namespace

std::optional<std::string> methodology_difference(const Methodology& a, const Methodology& b,
                                                  const DiffLabels& labels) {
  Comparer c(labels);
  c.methodology(a, b);
  return c.result();
}

std::optional<std::string> edition_difference(const Edition& a, const Edition& b, const DiffLabels& labels) {
  Comparer c(labels);
  c.edition(a, b);
  return c.result();
}

std::optional<std::string> catalogue_difference(const Catalogue& a, const Catalogue& b, const DiffLabels& labels) {
  Comparer c(labels);
  const auto ids_a = a.category_ids(), ids_b = b.category_ids();
  if (ids_a != ids_b) {
    c.value("categories", join(ids_a, ", "), join(ids_b, ", "));
    return c.result();
  }
  for (std::size_t i = 0; i < a.categories.size(); ++i) {
    const Category &x = a.categories[i], &y = b.categories[i];
    std::vector<std::string> versions_a, versions_b;
    for (const auto& [v, m] : x.methodologies) versions_a.push_back(std::to_string(v));
    for (const auto& [v, m] : y.methodologies) versions_b.push_back(std::to_string(v));
    c.value(x.id + ": methodology versions", join(versions_a, ", "), join(versions_b, ", "));
    std::vector<std::string> dates_a, dates_b;
    for (const auto& e : x.editions) dates_a.push_back(e.date.to_string());
    for (const auto& e : y.editions) dates_b.push_back(e.date.to_string());
    c.value(x.id + ": editions", join(dates_a, ", "), join(dates_b, ", "));
    if (c.found()) return c.result();
    for (const auto& [v, m] : x.methodologies) {
      if (auto d = methodology_difference(m, y.methodologies.at(v), labels)) {
        return prefixed(x.id + "/methodology/v" + std::to_string(v) + ".toml", *d);
      }
    }
    for (std::size_t j = 0; j < x.editions.size(); ++j) {
      if (auto d = edition_difference(x.editions[j], y.editions[j], labels)) {
        return prefixed(x.id + "/editions/" + x.editions[j].date.to_string(), *d);
      }
    }
  }
  return std::nullopt;
}

}  // namespace privascore::store
