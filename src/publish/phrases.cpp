#include "publish/phrases.h"

#include <map>

namespace privascore::publish {

namespace {

struct Entry {
  const char* key;
  const char* de;
  const char* en;
};

// "{}" marks an argument, filled by format().
const Entry k_phrases[] = {
    // The comparison graphic and the card.
    {"edition_of", "Ausgabe vom {}", "Edition of {}"},
    {"maximum_points", "Höchstwert: {} Punkte (jede Funktion „{}“)", "Maximum: {} points (every feature ‘{}’)"},
    {"points", "Punkte", "points"},
    {"points_short", "Pkt.", "pts"},
    {"rank", "Rang", "Rank"},
    {"service", "Dienst", "Service"},
    {"score", "Punkte", "Points"},
    {"class", "Klasse", "Class"},
    {"weight", "Gewicht", "weight"},
    {"levels", "Stufen", "Levels"},
    {"classes", "Klassen", "Classes"},
    {"level_points", "{} × Gewicht", "{} × weight"},
    {"unknown_level", "? unbekannt (zählt als „{}“)", "? unknown (counts as ‘{}’)"},
    {"weight_note", "×N über einer Spalte: das Gewicht der Funktion", "×N above a column: the feature's weight"},
    {"mark_unverified", "† unverifiziert: Stufe rekonstruiert, noch von keiner Quelle bestätigt",
     "† unverified: level reconstructed, not yet confirmed by a source"},
    {"mark_provisional", "* vorläufig: mindestens eine Funktion ist unbekannt und zählt als niedrigste Stufe",
     "* provisional: at least one feature is unknown and counts as the lowest level"},
    {"mark_knockout", "K.O.: ein K.-o.-Kriterium begrenzt die Klasse; die Punkte bleiben",
     "K.O.: a knock-out criterion caps the class; the points stay as computed"},
    {"mark_host", "⌂ hängt vom Anbieter ab: Punkte wie bewertet; je nach Hosting weichen sie ab (siehe Dienstseite)",
     "⌂ depends on the host: points as rated; other hosting gives other points (see the service page)"},
    {"reconstruction_note",
     "Gewichte und mit † markierte Stufen sind eine Rekonstruktion, die die veröffentlichten Summen reproduziert – "
     "nicht die offizielle Tabelle.",
     "Weights and levels marked † are a reconstruction that reproduces the published totals, not the official "
     "table."},
    {"derived_note", "Die Gewichte sind aus Quellen abgeleitet, nicht veröffentlicht.",
     "The weights are derived from sources, not published."},
    {"edition_word", "Ausgabe", "edition"},
    {"unknown_word", "unbekannt", "unknown"},
    {"more_services", "und {} weitere", "and {} more"},
    {"services_rated", "{} Dienste bewertet", "{} services rated"},
    {"desc_graphic", "Rangliste der {} Dienste nach PRIVA SCORE, Ausgabe vom {}, höchstens {} Punkte: {}.",
     "Ranking of {} services by PRIVA SCORE, edition of {}, at most {} points: {}."},
    {"desc_item", "{}. {}, {} von {} Punkten, {}", "{}. {}, {} of {} points, {}"},
    {"weights_published", "Gewichte veröffentlicht", "weights published"},
    {"weights_derived", "Gewichte abgeleitet", "weights derived"},
    {"weights_reconstructed", "Gewichte rekonstruiert", "weights reconstructed"},
    // Badges.
    {"badge_title", "PRIVA SCORE von {}: {} von {} Punkten, {} (Ausgabe vom {})",
     "PRIVA SCORE of {}: {} of {} points, {} (edition of {})"},
    {"badge_link_text", "PRIVA SCORE von {}: {}/{} – {}", "PRIVA SCORE of {}: {}/{} – {}"},
    // The category PDF.
    {"features_heading", "Die Datenschutzfunktionen", "The data-protection features"},
    {"method_heading", "So wird gerechnet", "How the score is computed"},
    {"standards_heading", "Nicht bewertet, weil alle Dienste sie erfüllen",
     "Not scored because every service meets them"},
    {"provenance_heading", "Herkunft der Gewichte", "Where the weights come from"},
    {"notes_heading", "Hinweise zu dieser Ausgabe", "Notes on this edition"},
    {"hosting_heading", "Selbst betreiben", "Self-hosting"},
    {"method_points",
     "Jede Funktion hat ein ganzzahliges Gewicht. Eine Stufe ist so viele Punkte wert: {}. Die Punkte eines "
     "Dienstes sind die Summe aus Gewicht × Stufenwert über alle Funktionen; höchstens {} Punkte sind möglich.",
     "Each feature has an integer weight. A level is worth: {}. A service's points are the sum of weight × level "
     "value over all features; at most {} points are possible."},
    {"method_classes", "Die Summe ergibt die Klasse: {}.", "The total decides the class: {}."},
    {"method_unknown",
     "Eine unbekannte Stufe zählt wie die niedrigste und macht das Ergebnis vorläufig; so kann Unwissen nie besser "
     "aussehen als eine bekannt schlechte Bewertung.",
     "An unknown level counts as the lowest and makes the result provisional, so not knowing can never look better "
     "than a known poor rating."},
    {"page_of", "Seite {} von {}", "Page {} of {}"},
    {"knockout_rule", "K.-o.-Kriterium: {}", "Knock-out criterion: {}"},
    // Feeds.
    {"feed_title_site", "PRIVA SCORE: Ausgaben und Änderungen", "PRIVA SCORE: editions and changes"},
    {"feed_title_category", "PRIVA SCORE {}: Ausgaben und Änderungen", "PRIVA SCORE {}: editions and changes"},
    {"feed_change_class", "Klasse {} → {}", "class {} → {}"},
    {"feed_joined", "Neu dabei: {}", "Joined: {}"},
    {"feed_left", "Nicht mehr dabei: {}", "Left: {}"},
    {"feed_change_entry", "{}: {} → {} Punkte", "{}: {} → {} points"},
    {"feed_ranking", "Rangliste", "Ranking"},
    {"feed_author", "privascore", "privascore"},
    // Open data.
    {"licence_notice",
     "Daten: privascore, lizenziert unter Creative Commons Namensnennung 4.0 International (CC BY 4.0), "
     "https://creativecommons.org/licenses/by/4.0/. Quelle der Bewertung: PRIVA SCORE ({}).",
     "Data: privascore, licensed under Creative Commons Attribution 4.0 International (CC BY 4.0), "
     "https://creativecommons.org/licenses/by/4.0/. Source of the rating: PRIVA SCORE ({})."},
    {"licence_reconstruction",
     "Gewichte und als unverifiziert markierte Bewertungen sind eine Rekonstruktion aus veröffentlichten Summen, "
     "nicht die offizielle Tabelle.",
     "Weights and ratings marked unverified are a reconstruction from published totals, not the official table."},
};

const std::map<std::string, std::pair<std::string, std::string>, std::less<>>& catalogue() {
  static const auto* k_map = [] {
    auto* m = new std::map<std::string, std::pair<std::string, std::string>, std::less<>>();
    for (const auto& e : k_phrases) m->emplace(e.key, std::make_pair(e.de, e.en));
    return m;
  }();
  return *k_map;
}

const char* const k_months_de[] = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                                   "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
const char* const k_months_en[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

}  // namespace

const std::string& phrase(Lang lang, std::string_view key) {
  const auto& m = catalogue();
  auto it = m.find(key);
  if (it == m.end()) {
    static thread_local std::string missing;
    missing = std::string(key);
    return missing;
  }
  return lang == Lang::de ? it->second.first : it->second.second;
}

std::vector<std::string> phrase_keys() {
  std::vector<std::string> keys;
  for (const auto& e : k_phrases) keys.emplace_back(e.key);
  return keys;
}

std::string long_date(const Date& date, Lang lang) {
  if (date.month < 1 || date.month > 12) return date.to_string();
  const std::size_t m = static_cast<std::size_t>(date.month - 1);
  if (lang == Lang::de) return std::to_string(date.day) + ". " + k_months_de[m] + " " + std::to_string(date.year);
  return std::to_string(date.day) + " " + k_months_en[m] + " " + std::to_string(date.year);
}

std::string format(std::string_view text, std::initializer_list<std::string> args) {
  std::string out;
  auto arg = args.begin();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}' && arg != args.end()) {
      out += *arg++;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

const std::string& provenance_words(WeightsProvenance provenance, Lang lang) {
  switch (provenance) {
    case WeightsProvenance::published: return phrase(lang, "weights_published");
    case WeightsProvenance::derived: return phrase(lang, "weights_derived");
    case WeightsProvenance::reconstructed: break;
  }
  return phrase(lang, "weights_reconstructed");
}

}  // namespace privascore::publish
