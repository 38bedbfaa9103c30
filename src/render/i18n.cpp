#include "render/i18n.h"

#include <map>

namespace privascore {

namespace {

struct Entry {
  const char* key;
  const char* de;
  const char* en;
};

const Entry k_messages[] = {
    {"rank", "Rang", "Rank"},
    {"service", "Dienst", "Service"},
    {"points", "Punkte", "Points"},
    {"class", "Klasse", "Class"},
    {"edition", "Ausgabe", "edition"},
    {"methodology", "Methodik", "methodology"},
    {"maximum", "Maximum", "maximum"},
    {"minimum", "Minimum", "minimum"},
    {"of", "von", "of"},
    {"feature", "Datenschutzfunktion", "Feature"},
    {"weight", "Gewicht", "Weight"},
    {"level", "Stufe", "Level"},
    {"lost", "verloren", "Lost"},
    {"status", "Status", "Status"},
    {"sum", "Summe", "Total"},
    {"unknown", "unbekannt", "unknown"},
    {"provisional", "vorläufig", "provisional"},
    {"unverified", "unverifiziert", "unverified"},
    {"sourced", "belegt", "sourced"},
    {"coverage", "Abdeckung", "coverage"},
    {"legend", "Legende", "Legend"},
    {"columns", "Spalten", "Columns"},
    {"weights_reconstructed", "Gewichte rekonstruiert", "weights reconstructed"},
    {"weights_published", "Gewichte veröffentlicht", "weights published"},
    {"weights_derived", "Gewichte aus Quellen abgeleitet", "weights derived from sources"},
    {"knockout", "K.O.-Kriterium", "knock-out"},
    {"justification", "Begründung", "Justification"},
    {"evidence", "Belege", "Evidence"},
    {"no_evidence", "keine Belege", "no evidence"},
    {"retrieved", "abgerufen", "retrieved"},
    {"joined", "Neu dabei", "Joined"},
    {"left", "Nicht mehr dabei", "Left"},
    {"changed", "Geändert", "Changed"},
    {"unchanged", "unverändert", "unchanged"},
    {"methodology_changes", "Änderungen der Methodik", "Methodology changes"},
    {"from_ratings", "durch Bewertungen", "from ratings"},
    {"from_methodology", "durch die Methodik", "from the methodology"},
    {"notes", "Hinweise zur Ausgabe", "Notes of the edition"},
    {"reason", "Grund", "Reason"},
    {"marker_provisional", "* vorläufig: mindestens eine Funktion ist unbekannt und zählt als niedrigste Stufe",
     "* provisional: at least one feature is unknown and counts as the lowest level"},
    {"marker_unverified", "† Zahl der unverifizierten (rekonstruierten) Bewertungen",
     "† number of unverified (reconstructed) ratings"},
    {"marker_host",
     "⌂ hängt vom Betreiber ab: Punkte der bewerteten Variante; alle Varianten zeigt `privascore explain DIENST`",
     "⌂ depends on the host: points of the variant as rated; `privascore explain SERVICE` shows every variant"},
    {"rank_of", "Rang", "rank"},
    {"now_sourced", "jetzt belegt (gleiche Stufe)", "now sourced (same level)"},
    {"now_unverified", "jetzt unverifiziert (gleiche Stufe)", "now unverified (same level)"},
};

}  // namespace

const std::string& tr(Lang lang, const std::string& key) {
  static const auto* table = [] {
    auto* t = new std::map<std::string, std::pair<std::string, std::string>>();
    for (const auto& e : k_messages) (*t)[e.key] = {e.de, e.en};
    return t;
  }();
  auto it = table->find(key);
  if (it == table->end()) return key;
  return lang == Lang::de ? it->second.first : it->second.second;
}

std::vector<std::string> message_keys() {
  std::vector<std::string> keys;
  for (const auto& e : k_messages) keys.push_back(e.key);
  return keys;
}

}  // namespace privascore
