#include "store/catalogue_reader.h"

#include <sqlite3.h>

#include <functional>
#include <map>
#include <tuple>

namespace privascore::store {

namespace {

using Row = const Statement&;

// Runs a query and calls each(row) for every row; stops at the first error.
Result<void> for_each_row(Database& db, std::string_view sql, const std::function<Result<void>(Row)>& each) {
  auto stmt = db.prepare(sql);
  if (!stmt) return tl::unexpected(stmt.error());
  for (;;) {
    auto row = stmt->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return {};
    if (auto r = each(*stmt); !r) return r;
  }
}

Text text_at(Row row, int column) {
  return Text{row.column_text(column), row.column_text(column + 1)};
}

std::optional<Text> optional_text_at(Row row, int column) {
  if (row.column_null(column)) return std::nullopt;
  return text_at(row, column);
}

int int_at(Row row, int column) {
  return static_cast<int>(row.column_int(column));
}

// Builds the catalogue table by table; parents are complete before children
// point into them, so the pointers in the maps stay valid.
class Reader {
 public:
  explicit Reader(Database& db) : m_db(db) {}

  Result<Catalogue> read() {
    for (auto step : {&Reader::categories, &Reader::methodologies, &Reader::levels, &Reader::classes, &Reader::features,
                      &Reader::standards, &Reader::sources, &Reader::editions, &Reader::assessments, &Reader::ratings,
                      &Reader::evidence, &Reader::variants, &Reader::variant_ratings, &Reader::variant_evidence,
                      &Reader::notes, &Reader::published}) {
      if (auto r = (this->*step)(); !r) return tl::unexpected(r.error());
    }
    return std::move(m_catalogue);
  }

 private:
  Loc loc(const std::string& relative) const { return Loc{relative + " in " + m_db.path()}; }

  Error broken(const std::string& what) const {
    return Error{"database " + m_db.path() + " holds an inconsistent row: " + what,
                 "run `sqlite3 " + m_db.path() + " 'PRAGMA foreign_key_check'`, or restore a backup"};
  }

  Result<Date> date_at(Row row, int column, const std::string& what) const {
    const std::string text = row.column_text(column);
    if (auto d = Date::parse(text)) return *d;
    return tl::unexpected(broken(what + ": \"" + text + "\" is not a date"));
  }

  // url, title, quote, retrieved from column `first` on.
  Result<Evidence> evidence_at(Row row, int first, const Loc& where) const {
    Evidence ev;
    ev.url = row.column_text(first);
    ev.title = row.column_text(first + 1);
    ev.quote = row.column_text(first + 2);
    if (!row.column_null(first + 3)) {
      auto date = date_at(row, first + 3, "evidence retrieved");
      if (!date) return tl::unexpected(date.error());
      ev.retrieved = *date;
    }
    ev.loc = where;
    return ev;
  }

  Result<Methodology*> methodology(const std::string& category, int version) {
    auto it = m_methodologies.find({category, version});
    if (it == m_methodologies.end()) {
      return tl::unexpected(broken("a row names methodology " + category + " v" + std::to_string(version) +
                                   ", which is not in the table methodology"));
    }
    return it->second;
  }

  Result<Edition*> edition(const std::string& category, const std::string& date) {
    auto it = m_editions.find({category, date});
    if (it == m_editions.end()) {
      return tl::unexpected(broken("a row names edition " + category + " " + date + ", which does not exist"));
    }
    return it->second;
  }

  Result<void> categories() {
    auto r = for_each_row(m_db, "SELECT id FROM category ORDER BY id", [&](Row row) -> Result<void> {
      Category c;
      c.id = row.column_text(0);
      m_catalogue.categories.push_back(std::move(c));
      return {};
    });
    if (!r) return r;
    for (auto& c : m_catalogue.categories) m_categories[c.id] = &c;
    return {};
  }

  Result<void> methodologies() {
    return for_each_row(
        m_db,
        "SELECT category_id, version, effective, name_de, name_en, summary_de, summary_en, slug_de, slug_en, "
        "weights_provenance, provenance_note_de, provenance_note_en, hosting_note_de, hosting_note_en, "
        "derivation_rule, derivation_lowest, derivation_step, derivation_factor "
        "FROM methodology ORDER BY category_id, version",
        [&](Row row) -> Result<void> {
          Methodology m;
          m.category = row.column_text(0);
          m.version = int_at(row, 1);
          const std::string key = m.category + " v" + std::to_string(m.version);
          auto effective = date_at(row, 2, "methodology " + key + " effective");
          if (!effective) return tl::unexpected(effective.error());
          m.effective = *effective;
          m.name = text_at(row, 3);
          m.summary = text_at(row, 5);
          m.slug = text_at(row, 7);
          const std::string provenance = row.column_text(9);
          if (provenance == "published")
            m.weights_provenance = WeightsProvenance::published;
          else if (provenance == "derived")
            m.weights_provenance = WeightsProvenance::derived;
          else
            m.weights_provenance = WeightsProvenance::reconstructed;
          m.provenance_note = text_at(row, 10);
          m.hosting_note = optional_text_at(row, 12);
          if (!row.column_null(14)) {
            DerivationRule d;
            d.rule = row.column_text(14);
            d.lowest = int_at(row, 15);
            d.step = int_at(row, 16);
            d.factor = int_at(row, 17);
            m.derivation = std::move(d);
          }
          m.loc = loc(m.category + "/methodology/v" + std::to_string(m.version) + ".toml");
          auto category = m_categories.find(m.category);
          if (category == m_categories.end()) return tl::unexpected(broken("methodology " + key + " has no category"));
          auto [it, fresh] = category->second->methodologies.emplace(m.version, std::move(m));
          m_methodologies[{it->second.category, it->second.version}] = &it->second;
          return {};
        });
  }

  Result<void> levels() {
    return for_each_row(m_db,
                        "SELECT category_id, version, id, points, colour, symbol, label_de, label_en "
                        "FROM methodology_level ORDER BY category_id, version, position",
                        [&](Row row) -> Result<void> {
                          auto m = methodology(row.column_text(0), int_at(row, 1));
                          if (!m) return tl::unexpected(m.error());
                          Level l;
                          l.id = row.column_text(2);
                          l.points = int_at(row, 3);
                          l.colour = row.column_text(4);
                          l.symbol = row.column_text(5);
                          l.label = text_at(row, 6);
                          l.loc = (*m)->loc;
                          (*m)->levels.push_back(std::move(l));
                          return {};
                        });
  }

  Result<void> classes() {
    return for_each_row(
        m_db,
        "SELECT category_id, version, id, colour, symbol, label_de, label_en, lower_bound, lower_inclusive, "
        "upper_bound, upper_inclusive FROM methodology_class ORDER BY category_id, version, position",
        [&](Row row) -> Result<void> {
          auto m = methodology(row.column_text(0), int_at(row, 1));
          if (!m) return tl::unexpected(m.error());
          ClassBand c;
          c.id = row.column_text(2);
          c.colour = row.column_text(3);
          c.symbol = row.column_text(4);
          c.label = text_at(row, 5);
          if (!row.column_null(7)) c.lower = Bound{int_at(row, 7), row.column_int(8) != 0};
          if (!row.column_null(9)) c.upper = Bound{int_at(row, 9), row.column_int(10) != 0};
          c.loc = (*m)->loc;
          (*m)->classes.push_back(std::move(c));
          return {};
        });
  }

  Result<void> features() {
    return for_each_row(
        m_db,
        "SELECT category_id, version, id, anchor, name_de, name_en, explanation_de, explanation_en, weight, "
        "knockout_level, knockout_cap, knockout_reason_de, knockout_reason_en "
        "FROM methodology_feature ORDER BY category_id, version, position",
        [&](Row row) -> Result<void> {
          auto m = methodology(row.column_text(0), int_at(row, 1));
          if (!m) return tl::unexpected(m.error());
          Feature f;
          f.id = row.column_text(2);
          f.anchor = row.column_text(3);
          f.name = text_at(row, 4);
          f.explanation = text_at(row, 6);
          f.weight = int_at(row, 8);
          f.loc = (*m)->loc;
          if (!row.column_null(9)) {
            f.knockout = Knockout{row.column_text(9), row.column_text(10), text_at(row, 11), (*m)->loc};
          }
          (*m)->features.push_back(std::move(f));
          return {};
        });
  }

  Result<void> standards() {
    return for_each_row(m_db,
                        "SELECT category_id, version, id, name_de, name_en, reason_de, reason_en "
                        "FROM methodology_standard ORDER BY category_id, version, position",
                        [&](Row row) -> Result<void> {
                          auto m = methodology(row.column_text(0), int_at(row, 1));
                          if (!m) return tl::unexpected(m.error());
                          Standard s;
                          s.id = row.column_text(2);
                          s.name = text_at(row, 3);
                          s.reason = text_at(row, 5);
                          s.loc = (*m)->loc;
                          (*m)->standards.push_back(std::move(s));
                          return {};
                        });
  }

  Result<void> sources() {
    auto r = for_each_row(m_db,
                          "SELECT category_id, version, id, title, year, url, kind "
                          "FROM methodology_source ORDER BY category_id, version, position",
                          [&](Row row) -> Result<void> {
                            auto m = methodology(row.column_text(0), int_at(row, 1));
                            if (!m) return tl::unexpected(m.error());
                            LiteratureSource src;
                            src.id = row.column_text(2);
                            src.title = row.column_text(3);
                            src.year = int_at(row, 4);
                            src.url = row.column_text(5);
                            src.kind = row.column_text(6);
                            src.loc = src.names_loc = (*m)->loc;
                            (*m)->sources.push_back(std::move(src));
                            return {};
                          });
    if (!r) return r;
    return for_each_row(m_db,
                        "SELECT category_id, version, source_id, name FROM methodology_source_name "
                        "ORDER BY category_id, version, source_id, position",
                        [&](Row row) -> Result<void> {
                          auto m = methodology(row.column_text(0), int_at(row, 1));
                          if (!m) return tl::unexpected(m.error());
                          const std::string id = row.column_text(2);
                          for (auto& src : (*m)->sources) {
                            if (src.id != id) continue;
                            src.names.push_back(row.column_text(3));
                            return {};
                          }
                          return tl::unexpected(
                              broken("a source name belongs to source " + id + ", which is not in methodology_source"));
                        });
  }

  Result<void> editions() {
    auto r = for_each_row(
        m_db,
        "SELECT category_id, date, methodology_version, title_de, title_en, summary_de, summary_en, source "
        "FROM edition ORDER BY category_id, date",
        [&](Row row) -> Result<void> {
          Edition e;
          e.category = row.column_text(0);
          auto date = date_at(row, 1, "edition " + e.category);
          if (!date) return tl::unexpected(date.error());
          e.date = *date;
          e.methodology = int_at(row, 2);
          e.title = text_at(row, 3);
          e.summary = text_at(row, 5);
          e.source = row.column_text(7);
          e.loc = loc(e.category + "/editions/" + e.date.to_string() + "/edition.toml");
          auto category = m_categories.find(e.category);
          if (category == m_categories.end()) {
            return tl::unexpected(broken("edition " + e.category + " " + e.date.to_string() + " has no category"));
          }
          category->second->editions.push_back(std::move(e));
          return {};
        });
    if (!r) return r;
    for (auto& c : m_catalogue.categories) {
      for (auto& e : c.editions) m_editions[{c.id, e.date.to_string()}] = &e;
    }
    return {};
  }

  Result<void> assessments() {
    auto r = for_each_row(
        m_db,
        "SELECT category_id, edition_date, service_id, name, vendor, website, licence, repository, note_de, note_en "
        "FROM assessment ORDER BY category_id, edition_date, position",
        [&](Row row) -> Result<void> {
          auto e = edition(row.column_text(0), row.column_text(1));
          if (!e) return tl::unexpected(e.error());
          Assessment a;
          a.id = row.column_text(2);
          a.name = row.column_text(3);
          a.vendor = row.column_text(4);
          a.website = row.column_text(5);
          a.licence = row.column_text(6);
          a.repository = row.column_text(7);
          a.note = optional_text_at(row, 8);
          a.loc = loc((*e)->category + "/editions/" + (*e)->date.to_string() + "/services/" + a.id + ".toml");
          (*e)->services.push_back(a.id);
          (*e)->service_locs.push_back((*e)->loc);
          (*e)->assessments.push_back(std::move(a));
          return {};
        });
    if (!r) return r;
    for (auto& c : m_catalogue.categories) {
      for (auto& e : c.editions) {
        for (auto& a : e.assessments) m_assessments[{c.id, e.date.to_string(), a.id}] = &a;
      }
    }
    return {};
  }

  Result<void> ratings() {
    auto r = for_each_row(
        m_db,
        "SELECT category_id, edition_date, service_id, feature_id, level_id, status, justification_de, "
        "justification_en FROM rating ORDER BY category_id, edition_date, service_id, position",
        [&](Row row) -> Result<void> {
          auto it = m_assessments.find({row.column_text(0), row.column_text(1), row.column_text(2)});
          if (it == m_assessments.end()) {
            return tl::unexpected(broken("a rating names assessment " + row.column_text(0) + " " + row.column_text(1) +
                                         " " + row.column_text(2) + ", which does not exist"));
          }
          Rating rating;
          rating.feature = row.column_text(3);
          rating.level = row.column_text(4);
          rating.status = row.column_text(5) == "sourced" ? RatingStatus::sourced : RatingStatus::unverified;
          rating.justification = text_at(row, 6);
          rating.loc = it->second->loc;
          rating.level_loc = it->second->loc;
          it->second->ratings.push_back(std::move(rating));
          return {};
        });
    if (!r) return r;
    for (auto& [key, a] : m_assessments) {
      for (auto& rating : a->ratings) {
        m_ratings[{std::get<0>(key), std::get<1>(key), std::get<2>(key), rating.feature}] = &rating;
      }
    }
    return {};
  }

  Result<void> evidence() {
    return for_each_row(
        m_db,
        "SELECT category_id, edition_date, service_id, feature_id, url, title, quote, retrieved "
        "FROM evidence ORDER BY category_id, edition_date, service_id, feature_id, position",
        [&](Row row) -> Result<void> {
          auto it = m_ratings.find({row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)});
          if (it == m_ratings.end()) {
            return tl::unexpected(broken("evidence names rating " + row.column_text(0) + " " + row.column_text(1) +
                                         " " + row.column_text(2) + " " + row.column_text(3) +
                                         ", which does not exist"));
          }
          auto ev = evidence_at(row, 4, it->second->loc);
          if (!ev) return tl::unexpected(ev.error());
          it->second->evidence.push_back(std::move(*ev));
          return {};
        });
  }

  Result<void> variants() {
    auto r = for_each_row(
        m_db,
        "SELECT category_id, edition_date, service_id, id, name_de, name_en, operator, url, is_default, note_de, "
        "note_en FROM variant ORDER BY category_id, edition_date, service_id, position",
        [&](Row row) -> Result<void> {
          auto it = m_assessments.find({row.column_text(0), row.column_text(1), row.column_text(2)});
          if (it == m_assessments.end()) {
            return tl::unexpected(broken("a variant names assessment " + row.column_text(0) + " " + row.column_text(1) +
                                         " " + row.column_text(2) + ", which does not exist"));
          }
          Variant v;
          v.id = row.column_text(3);
          v.name = text_at(row, 4);
          v.operator_name = row.column_text(6);
          v.url = row.column_text(7);
          v.is_default = row.column_int(8) != 0;
          v.note = optional_text_at(row, 9);
          v.loc = it->second->loc;
          it->second->variants.push_back(std::move(v));
          return {};
        });
    if (!r) return r;
    for (auto& [key, a] : m_assessments) {
      for (auto& v : a->variants) m_variants[{std::get<0>(key), std::get<1>(key), std::get<2>(key), v.id}] = &v;
    }
    return {};
  }

  Result<void> variant_ratings() {
    auto r = for_each_row(
        m_db,
        "SELECT category_id, edition_date, service_id, variant_id, feature_id, level_id, status, justification_de, "
        "justification_en FROM variant_rating ORDER BY category_id, edition_date, service_id, variant_id, position",
        [&](Row row) -> Result<void> {
          auto it = m_variants.find({row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)});
          if (it == m_variants.end()) {
            return tl::unexpected(broken("a variant rating names variant " + row.column_text(3) + " of " +
                                         row.column_text(2) + ", which does not exist"));
          }
          Rating rating;
          rating.feature = row.column_text(4);
          rating.level = row.column_text(5);
          rating.status = row.column_text(6) == "sourced" ? RatingStatus::sourced : RatingStatus::unverified;
          rating.justification = text_at(row, 7);
          rating.loc = rating.level_loc = it->second->loc;
          it->second->ratings.push_back(std::move(rating));
          return {};
        });
    if (!r) return r;
    for (auto& [key, v] : m_variants) {
      for (auto& rating : v->ratings) {
        m_variant_ratings[{std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), rating.feature}] =
            &rating;
      }
    }
    return {};
  }

  Result<void> variant_evidence() {
    return for_each_row(
        m_db,
        "SELECT category_id, edition_date, service_id, variant_id, feature_id, url, title, quote, retrieved "
        "FROM variant_evidence ORDER BY category_id, edition_date, service_id, variant_id, feature_id, position",
        [&](Row row) -> Result<void> {
          auto it = m_variant_ratings.find(
              {row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3), row.column_text(4)});
          if (it == m_variant_ratings.end()) {
            return tl::unexpected(broken("variant evidence names a rating of " + row.column_text(4) + " in variant " +
                                         row.column_text(3) + ", which does not exist"));
          }
          auto ev = evidence_at(row, 5, it->second->loc);
          if (!ev) return tl::unexpected(ev.error());
          it->second->evidence.push_back(std::move(*ev));
          return {};
        });
  }

  Result<void> notes() {
    return for_each_row(m_db,
                        "SELECT category_id, edition_date, kind, service_id, feature_id, text_de, text_en, "
                        "reason_de, reason_en FROM edition_note ORDER BY category_id, edition_date, position",
                        [&](Row row) -> Result<void> {
                          auto e = edition(row.column_text(0), row.column_text(1));
                          if (!e) return tl::unexpected(e.error());
                          EditionNote n;
                          n.kind = row.column_text(2);
                          n.service = row.column_text(3);
                          n.feature = row.column_text(4);
                          n.text = text_at(row, 5);
                          n.reason = text_at(row, 7);
                          n.loc = (*e)->loc;
                          (*e)->notes.push_back(std::move(n));
                          return {};
                        });
  }

  Result<void> published() {
    return for_each_row(m_db,
                        "SELECT category_id, edition_date, service_id, points, class_id, methodology_version "
                        "FROM published_figure ORDER BY category_id, edition_date, position",
                        [&](Row row) -> Result<void> {
                          auto e = edition(row.column_text(0), row.column_text(1));
                          if (!e) return tl::unexpected(e.error());
                          PublishedFigure p;
                          p.service = row.column_text(2);
                          if (auto v = row.column_optional_int(3)) p.points = static_cast<int>(*v);
                          p.class_id = row.column_text(4);
                          if (auto v = row.column_optional_int(5)) p.methodology = static_cast<int>(*v);
                          p.loc = (*e)->loc;
                          (*e)->published.push_back(std::move(p));
                          return {};
                        });
  }

  Database& m_db;
  Catalogue m_catalogue;
  std::map<std::string, Category*, std::less<>> m_categories;
  std::map<std::pair<std::string, int>, Methodology*> m_methodologies;
  std::map<std::pair<std::string, std::string>, Edition*> m_editions;
  std::map<std::tuple<std::string, std::string, std::string>, Assessment*> m_assessments;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, Rating*> m_ratings;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, Variant*> m_variants;
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, Rating*> m_variant_ratings;
};

}  // namespace

Result<Catalogue> read_catalogue(Database& db) {
  std::optional<Transaction> tx;
  if (sqlite3_get_autocommit(db.handle())) {
    auto begun = Transaction::begin(db, Transaction::Kind::deferred);
    if (!begun) return tl::unexpected(begun.error());
    tx.emplace(std::move(*begun));
  }
  auto catalogue = Reader(db).read();
  if (!catalogue) return catalogue;
  if (tx) {
    if (auto r = tx->commit(); !r) return tl::unexpected(r.error());
  }
  return catalogue;
}

}  // namespace privascore::store
