#include "publish/open_data.h"

#include <nlohmann/json.hpp>

#include "publish/phrases.h"
#include "render/messages.h"
#include "render/score_text.h"
#include "render/toml_writer.h"

namespace privascore::publish {

namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json text_json(const Text& t) {
  return ordered_json{{"de", t.de}, {"en", t.en}};
}

std::string evidence_urls(const Rating* rating) {
  std::string urls;
  if (!rating) return urls;
  for (const auto& e : rating->evidence) {
    if (!urls.empty()) urls += ' ';
    urls += e.url;
  }
  return urls;
}

std::string level_id(const FeatureScore& f) {
  return f.unknown ? std::string(Rating::k_unknown) : f.level->id;
}

std::string status_text(const FeatureScore& f) {
  return f.rating ? to_string(f.rating->status) : "unverified";
}

// Markdown table cells must not contain '|' or line breaks.
std::string md_cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string toml_comment(const std::string& text) {
  std::string out;
  std::string line;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      out += "# " + line + "\n";
      line.clear();
    } else {
      line += text[i];
    }
  }
  return out;
}

}  // namespace

std::string spreadsheet_safe(const std::string& text) {
  if (text.empty()) return text;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return "'" + text;
    default: return text;
  }
}

std::string licence_notice(const Methodology& methodology, const std::string& source, Lang lang) {
  std::string notice = tr(lang, "publish_licence_notice", {{"source", source.empty() ? "privascore.org" : source}});
  if (methodology.weights_provenance == WeightsProvenance::reconstructed)
    notice += " " + tr(lang, "publish_licence_reconstruction");
  return notice;
}

std::string licence_notice(const EditionScore& score, Lang lang) {
  return licence_notice(*score.methodology, score.edition->source, lang);
}

std::string edition_csv(const EditionScore& score) {
  const std::string crlf = "\r\n";
  std::string out =
      "category,edition,rank,service,service_name,feature,level,points,max_points,weight,status,evidence_urls,"
      "licence" +
      crlf;
  const std::string category = score.edition->category;
  const std::string date = score.edition->date.to_string();
  for (const auto& s : score.services) {
    for (const auto& f : s.features) {
      // Every text cell is spreadsheet-safe; numbers are written as numbers.
      auto text = [](const std::string& value) { return csv_field(spreadsheet_safe(value)); };
      out += text(category) + ',' + date + ',' + std::to_string(s.rank) + ',' + text(s.assessment->id) + ',' +
             text(s.assessment->name) + ',' + text(f.feature->id) + ',' + text(level_id(f)) + ',' +
             std::to_string(f.points) + ',' + std::to_string(f.max_points) + ',' + std::to_string(f.feature->weight) +
             ',' + text(status_text(f)) + ',' + text(evidence_urls(f.rating)) + ',' + k_data_licence + crlf;
    }
  }
  return out;
}

std::string edition_json(const EditionScore& score) {
  const Methodology& m = *score.methodology;
  const Edition& e = *score.edition;
  ordered_json doc;
  doc["licence"] = {{"id", k_data_licence},
                    {"url", k_data_licence_url},
                    {"notice", {{"de", licence_notice(score, Lang::de)}, {"en", licence_notice(score, Lang::en)}}}};
  doc["category"] = e.category;
  doc["edition"] = e.date.to_string();
  doc["title"] = text_json(e.title);
  doc["summary"] = text_json(e.summary);
  doc["source"] = e.source;
  ordered_json methodology;
  methodology["version"] = m.version;
  methodology["effective"] = m.effective.to_string();
  methodology["name"] = text_json(m.name);
  methodology["weights_provenance"] = to_string(m.weights_provenance);
  methodology["provenance_note"] = text_json(m.provenance_note);
  methodology["max_points"] = score.max_points;
  methodology["min_points"] = score.min_points;
  ordered_json levels = ordered_json::array();
  for (const auto& l : m.levels)
    levels.push_back({{"id", l.id},
                      {"points", l.points},
                      {"colour", l.colour},
                      {"symbol", l.symbol},
                      {"label", text_json(l.label)}});
  methodology["levels"] = levels;
  ordered_json features = ordered_json::array();
  for (const auto& f : m.features) {
    ordered_json jf = {{"id", f.id},
                       {"anchor", f.anchor},
                       {"weight", f.weight},
                       {"name", text_json(f.name)},
                       {"explanation", text_json(f.explanation)}};
    if (f.knockout)
      jf["knockout"] = {
          {"level", f.knockout->level}, {"cap", f.knockout->cap}, {"reason", text_json(f.knockout->reason)}};
    features.push_back(jf);
  }
  methodology["features"] = features;
  ordered_json classes = ordered_json::array();
  for (const auto& c : m.classes)
    classes.push_back({{"id", c.id},
                       {"colour", c.colour},
                       {"symbol", c.symbol},
                       {"label", text_json(c.label)},
                       {"range", {{"de", c.range_text(Lang::de)}, {"en", c.range_text(Lang::en)}}}});
  methodology["classes"] = classes;
  doc["methodology"] = methodology;
  ordered_json notes = ordered_json::array();
  for (const auto& n : e.notes)
    notes.push_back({{"kind", n.kind},
                     {"service", n.service},
                     {"feature", n.feature},
                     {"text", text_json(n.text)},
                     {"reason", text_json(n.reason)}});
  doc["notes"] = notes;
  ordered_json services = ordered_json::array();
  for (const auto& s : score.services) {
    const Assessment& a = *s.assessment;
    ordered_json js;
    js["id"] = a.id;
    js["name"] = a.name;
    js["vendor"] = a.vendor;
    js["website"] = a.website;
    js["licence"] = a.licence;
    js["repository"] = a.repository;
    js["note"] = a.note ? text_json(*a.note) : ordered_json(nullptr);
    js["rank"] = s.rank;
    js["points"] = s.points;
    js["max_points"] = s.max_points;
    js["class"] = s.klass->id;
    js["computed_class"] = s.computed_class->id;
    js["provisional"] = s.provisional;
    ordered_json ratings = ordered_json::array();
    for (const auto& f : s.features) {
      ordered_json jr;
      jr["feature"] = f.feature->id;
      jr["level"] = level_id(f);
      jr["points"] = f.points;
      jr["max_points"] = f.max_points;
      jr["weight"] = f.feature->weight;
      jr["status"] = status_text(f);
      jr["knockout"] = f.knockout_fired;
      jr["justification"] = f.rating ? text_json(f.rating->justification) : ordered_json(nullptr);
      ordered_json evidence = ordered_json::array();
      if (f.rating) {
        for (const auto& ev : f.rating->evidence) {
          evidence.push_back({{"url", ev.url},
                              {"title", ev.title},
                              {"quote", ev.quote},
                              {"retrieved", ev.retrieved ? ev.retrieved->to_string() : std::string()}});
        }
      }
      jr["evidence"] = evidence;
      ratings.push_back(jr);
    }
    js["ratings"] = ratings;
    services.push_back(js);
  }
  doc["services"] = services;
  return doc.dump(2) + "\n";
}

std::string edition_markdown(const EditionScore& score, Lang lang) {
  const Methodology& m = *score.methodology;
  const Edition& e = *score.edition;
  std::string out = "# " + md_cell(e.title.get(lang)) + "\n\n";
  out += tr(lang, "publish_edition_of", {{"date", long_date(e.date, lang)}}) + " · " +
         tr(lang, "publish_maximum_points",
            {{"max", std::to_string(score.max_points)}, {"level", m.highest_level().label.get(lang)}}) +
         "\n\n";
  out += "| # | " + tr(lang, "publish_service") + " |";
  for (const auto& f : m.features) out += " " + md_cell(f.name.get(lang)) + " (×" + std::to_string(f.weight) + ") |";
  out += " " + tr(lang, "publish_score") + " | " + tr(lang, "publish_class") + " |\n|---:|---|";
  for (std::size_t i = 0; i < m.features.size(); ++i) out += ":---:|";
  out += "---:|---|\n";
  bool any_unverified = false;
  for (const auto& s : score.services) {
    out += "| " + std::to_string(s.rank) + " | " + md_cell(s.assessment->name) + " |";
    for (const auto& f : s.features) {
      std::string cell = f.unknown ? "? " + md_cell(tr(lang, "publish_unknown_word"))
                                   : f.level->symbol + " " + md_cell(f.level->label.get(lang));
      if (f.unverified()) {
        cell += " †";
        any_unverified = true;
      }
      out += " " + cell + " |";
    }
    out += " " + std::to_string(s.points) + "/" + std::to_string(s.max_points) + (s.provisional ? "*" : "") + " | " +
           s.klass->symbol + " " + md_cell(s.klass->label.get(lang)) + " |\n";
  }
  out += "\n";
  if (any_unverified) out += tr(lang, "publish_mark_unverified") + "\n\n";
  out += licence_notice(score, lang) + "\n";
  return out;
}

std::vector<DataFile> edition_toml_files(const Category& category, const Edition& edition) {
  std::vector<DataFile> files;
  const Methodology* m = category.methodology(edition.methodology);
  if (!m) return files;
  const std::string header = toml_comment(licence_notice(*m, edition.source, Lang::en)) + "\n";
  const std::string dir = category.id + "/editions/" + edition.date.to_string() + "/";
  files.push_back({dir + "edition.toml", header + edition_toml(edition)});
  for (const auto& a : edition.assessments)
    files.push_back({dir + "services/" + a.id + ".toml", header + assessment_toml(a)});
  return files;
}

DataFile methodology_toml_file(const Methodology& methodology) {
  return {methodology.category + "/methodology/v" + std::to_string(methodology.version) + ".toml",
          toml_comment(licence_notice(methodology, "", Lang::en)) + "\n" + methodology_toml(methodology)};
}

std::string open_data_readme(const Catalogue& catalogue) {
  std::string out;
  out += "# privascore open data / Offene Daten\n\n";
  out += "## Licence\n\n";
  out +=
      "The data in this folder (ratings, justifications, scores, weights as used here) is licensed under the "
      "Creative Commons Attribution 4.0 International licence (CC BY 4.0, " +
      std::string(k_data_licence_url) +
      "). Please credit \"privascore\" and the original rating, PRIVA SCORE (privascore.org). Quotes in the "
      "evidence are from the sources named with them and remain under their owners' terms.\n\n";
  out +=
      "Where a category's weights are marked `reconstructed` (`weights_provenance`), the weights and every "
      "rating with status `unverified` are a reconstruction that reproduces the published totals; they are not "
      "the official PRIVA SCORE table.\n\n";
  out += "## Lizenz\n\n";
  out +=
      "Die Daten in diesem Ordner (Bewertungen, Begründungen, Punkte, Gewichte in der hier verwendeten Form) "
      "stehen unter der Lizenz Creative Commons Namensnennung 4.0 International (CC BY 4.0, " +
      std::string(k_data_licence_url) +
      "). Bitte nennen Sie „privascore“ und die ursprüngliche Bewertung, PRIVA SCORE (privascore.org). Zitate in "
      "den Belegen stammen aus den jeweils genannten Quellen und unterliegen deren Bedingungen.\n\n";
  out +=
      "Wo die Gewichte einer Kategorie als `reconstructed` markiert sind (`weights_provenance`), sind die "
      "Gewichte und jede Bewertung mit Status `unverified` eine Rekonstruktion, die die veröffentlichten Summen "
      "reproduziert – nicht die offizielle PRIVA-SCORE-Tabelle.\n\n";
  out += "## Files / Dateien\n\n";
  out += "| file | content |\n|---|---|\n";
  out +=
      "| `<category>/<edition>.csv` | one row per service × feature: category, edition, rank, service, "
      "service_name, feature, level, points, max_points, weight, status, evidence_urls (space-separated), "
      "licence |\n";
  out +=
      "| `<category>/<edition>.json` | the whole edition: methodology, notes, scores, every rating with "
      "justification and evidence (texts in de and en) |\n";
  out += "| `<category>/<edition>.de.md`, `.en.md` | the ranked table in Markdown |\n";
  out +=
      "| `toml/<category>/…` | the source files (docs/formats.md); the folder `toml/` loads with `privascore "
      "check --data toml` |\n\n";
  out += "## Editions / Ausgaben\n\n";
  for (const auto& c : catalogue.categories) {
    for (const auto& e : c.editions) {
      const std::string stem = c.id + "/" + e.date.to_string();
      out += "- " + c.id + " " + e.date.to_string() + ": [CSV](" + stem + ".csv), [JSON](" + stem +
             ".json), [Markdown de](" + stem + ".de.md), [Markdown en](" + stem + ".en.md), [TOML](toml/" + c.id +
             "/editions/" + e.date.to_string() + "/edition.toml)\n";
    }
  }
  return out;
}

}  // namespace privascore::publish
