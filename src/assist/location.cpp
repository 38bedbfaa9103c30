#include "assist/location.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "assist/content_hash.h"

namespace privascore::assist {

using nlohmann::json;

namespace {

std::string describe(const LocatedAddress& a) {
  if (a.country.empty()) return a.address + " (country unknown)";
  std::string out = a.address + " (" + a.country + ", " + to_string(a.jurisdiction);
  if (!a.note.empty()) out += "; " + a.note;
  return out + ")";
}

std::string evidence_text(const LocatedHost& h) {
  std::string text = h.host;
  for (const auto& c : h.cname_chain) text += " -> CNAME " + c;
  if (!h.error.empty()) return text + ": " + h.error;
  text += " -> ";
  for (std::size_t i = 0; i < h.addresses.size(); ++i) text += (i ? ", " : "") + describe(h.addresses[i]);
  return text;
}

}  // namespace

LocationReport locate_hosts(const std::vector<std::string>& hosts, Resolver& resolver, const GeoDb& db,
                            const LocationOptions& options) {
  LocationReport report;
  report.started = utc_now();
  report.database = db.path() + " (" + db.description() + ")";
  std::set<std::string> seen;
  for (const auto& name : hosts) {
    if (name.empty() || !seen.insert(name).second) continue;
    LocatedHost h;
    h.host = name;
    if (auto chain = resolver.cname_chain(name))
      h.cname_chain = std::move(*chain);
    else
      h.error = chain.error().message;
    if (auto addresses = resolver.addresses(name)) {
      for (const auto& a : *addresses) {
        LocatedAddress la;
        la.address = a;
        if (auto country = db.country(a); country && *country) {
          la.country = **country;
          la.jurisdiction = classify_country(la.country);
          if (const AdequacyDecision* d = adequacy_for(la.country)) {
            la.note = std::string(d->partial ? "partial adequacy: " : "adequacy: ") + d->decision + " of " + d->date;
            if (d->partial) la.note += ", " + std::string(d->scope);
          }
        }
        h.addresses.push_back(std::move(la));
      }
      h.error.clear();
    } else {
      h.error = addresses.error().message;
    }
    report.hosts.push_back(std::move(h));
  }

  // One suggestion for the whole set: the worst jurisdiction found decides.
  std::size_t located = 0, eu = 0, adequacy = 0, third = 0;
  for (const auto& h : report.hosts)
    for (const auto& a : h.addresses) {
      if (a.jurisdiction == Jurisdiction::unknown) continue;
      ++located;
      if (a.jurisdiction == Jurisdiction::eu || a.jurisdiction == Jurisdiction::eea) ++eu;
      if (a.jurisdiction == Jurisdiction::adequacy) ++adequacy;
      if (a.jurisdiction == Jurisdiction::third_country) ++third;
    }
  if (located > 0) {
    Suggestion s;
    s.origin = "location";
    s.category = options.category;
    s.service = options.service;
    s.variant = options.variant.empty() ? report.hosts.front().host : options.variant;
    s.feature = "server-location";
    s.created = utc_now();
    std::string counts = std::to_string(located) + " located address" + (located == 1 ? "" : "es");
    if (third > 0) {
      s.level = "red";
      s.confidence = Confidence::medium;
      s.summary = counts + ": " + std::to_string(third) + " in a third country outside the EU/EEA.";
    } else if (adequacy > 0) {
      s.level = "yellow";
      s.confidence = Confidence::low;
      s.summary =
          counts + ": " + std::to_string(adequacy) + " in a country with an adequacy decision, the rest in the EU/EEA.";
    } else {
      s.level = "green";
      s.confidence = Confidence::medium;
      s.summary = counts + ", all in the EU/EEA.";
    }
    for (const auto& h : report.hosts) {
      SuggestionEvidence e;
      e.kind = "dns";
      e.text = evidence_text(h);
      e.url = "dns:" + h.host;
      e.retrieved = report.started;
      e.content_sha256 = sha256_hex(e.text + "\n" + report.database);
      s.evidence.push_back(std::move(e));
    }
    s.caveats = {k_caveat_geoip, k_caveat_presence};
    s.make_id();
    report.suggestions.push_back(std::move(s));
  }
  report.caveats = {k_caveat_geoip,
                    std::string("Adequacy decisions as of ") + k_adequacy_list_date +
                        " (the latest decision in the list); check the Commission's current list before relying on "
                        "it."};
  report.attributions = {k_geo_db_attribution};
  return report;
}

json to_json(const LocationReport& r) {
  json hosts = json::array();
  for (const auto& h : r.hosts) {
    json addresses = json::array();
    for (const auto& a : h.addresses) {
      json j = {{"address", a.address}, {"country", a.country}, {"jurisdiction", to_string(a.jurisdiction)}};
      if (!a.note.empty()) j["note"] = a.note;
      addresses.push_back(std::move(j));
    }
    json j = {{"host", h.host}, {"cname_chain", h.cname_chain}, {"addresses", addresses}};
    if (!h.error.empty()) j["error"] = h.error;
    hosts.push_back(std::move(j));
  }
  json suggestions = json::array();
  for (const auto& s : r.suggestions) suggestions.push_back(to_json(s));
  return {{"hosts", hosts},
          {"database", r.database},
          {"started", r.started},
          {"suggestions", suggestions},
          {"caveats", r.caveats},
          {"attributions", r.attributions},
          {"adequacy_list_date", k_adequacy_list_date}};
}

std::string render_text(const LocationReport& r) {
  std::ostringstream out;
  out << "Server location (" << r.started << ")\n";
  out << "Database: " << r.database << "\n\n";
  for (const auto& h : r.hosts) {
    out << h.host << "\n";
    for (const auto& c : h.cname_chain) out << "  CNAME " << c << "\n";
    if (!h.error.empty()) out << "  error: " << h.error << "\n";
    for (const auto& a : h.addresses) out << "  " << describe(a) << "\n";
  }
  for (const auto& s : r.suggestions)
    out << "\nsuggestion for " << s.feature << ": " << s.level << ", confidence " << to_string(s.confidence) << ": "
        << s.summary << "\n";
  if (r.suggestions.empty()) out << "\nno suggestion: no address could be located\n";
  out << "\nThese are suggestions for an editor, not ratings.\n";
  for (const auto& c : r.caveats) out << "  * " << c << "\n";
  for (const auto& a : r.attributions) out << "Source: " << a << "\n";
  return out.str();
}

}  // namespace privascore::assist
