// Jurisdiction: where a country stands under the GDPR's rules on transfers
// (Art. 44-49): an EU member state, an EEA state, a country with an adequacy
// decision of the European Commission (Art. 45), or a third country.
//
// The adequacy list carries the date of each Commission decision and the
// date of the list itself (k_adequacy_list_date): decisions after that date
// are not in it, and a decision can be withdrawn or annulled, so the list
// must be checked before relying on it. Pure data; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace privascore::assist {

enum class Jurisdiction { eu, eea, adequacy, third_country, unknown };
const char* to_string(Jurisdiction jurisdiction);

struct AdequacyDecision {
  const char* country;  // ISO 3166-1 alpha-2
  const char* name;
  const char* decision;  // the Commission act
  const char* date;      // YYYY-MM-DD, the date of the act
  const char* scope;     // "" = whole country; otherwise what it covers
  bool partial = false;  // true when ordinary businesses are not covered as such (a recipient must be certified)
};

/// The latest Commission decision the list below includes.
inline constexpr const char* k_adequacy_list_date = "2023-07-10";

const std::vector<AdequacyDecision>& adequacy_decisions();

/// For an ISO 3166-1 alpha-2 code (case-insensitive); unknown for "" or junk.
Jurisdiction classify_country(std::string_view country_code);

/// The adequacy decision for a country, or nullptr.
const AdequacyDecision* adequacy_for(std::string_view country_code);

/// Country of a cloud region code ("eu-central-1" -> "DE"), for the AWS,
/// Oracle Cloud and Jitsi short names seen in Jitsi deployments; "" when
/// unknown. From the providers' public region lists (general knowledge).
std::string country_of_region(std::string_view region);

}  // namespace privascore::assist
