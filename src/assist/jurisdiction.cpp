#include "assist/jurisdiction.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "util/text.h"

namespace privascore::assist {

const char* to_string(Jurisdiction jurisdiction) {
  switch (jurisdiction) {
    case Jurisdiction::eu: return "EU";
    case Jurisdiction::eea: return "EEA";
    case Jurisdiction::adequacy: return "adequacy decision";
    case Jurisdiction::third_country: return "third country";
    case Jurisdiction::unknown: return "unknown";
  }
  return "unknown";
}

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

constexpr std::array<std::string_view, 27> k_eu = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                                   "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
                                                   "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
constexpr std::array<std::string_view, 3> k_eea_only = {"IS", "LI", "NO"};

}  // namespace

const std::vector<AdequacyDecision>& adequacy_decisions() {
  static const std::vector<AdequacyDecision> k_list = {
      {"CH", "Switzerland", "Commission Decision 2000/518/EC", "2000-07-26", ""},
      {"CA", "Canada", "Commission Decision 2002/2/EC", "2001-12-20", "commercial organisations subject to PIPEDA"},
      {"AR", "Argentina", "Commission Decision 2003/490/EC", "2003-06-30", ""},
      {"GG", "Guernsey", "Commission Decision 2003/821/EC", "2003-11-21", ""},
      {"IM", "Isle of Man", "Commission Decision 2004/411/EC", "2004-04-28", ""},
      {"JE", "Jersey", "Commission Decision 2008/393/EC", "2008-05-08", ""},
      {"FO", "Faroe Islands", "Commission Decision 2010/146/EU", "2010-03-05", ""},
      {"AD", "Andorra", "Commission Decision 2010/625/EU", "2010-10-19", ""},
      {"IL", "Israel", "Commission Decision 2011/61/EU", "2011-01-31", ""},
      {"UY", "Uruguay", "Commission Implementing Decision 2012/484/EU", "2012-08-21", ""},
      {"NZ", "New Zealand", "Commission Implementing Decision 2013/65/EU", "2012-12-19", ""},
      {"JP", "Japan", "Commission Implementing Decision (EU) 2019/419", "2019-01-23",
       "private sector under the Act on the Protection of Personal Information"},
      {"GB", "United Kingdom", "Commission Implementing Decision (EU) 2021/1772", "2021-06-28",
       "transfers under the UK GDPR (immigration control excluded); adopted with a sunset clause, check whether it "
       "is still in force"},
      {"KR", "Republic of Korea", "Commission Implementing Decision (EU) 2022/254", "2021-12-17",
       "processing subject to the Personal Information Protection Act"},
      {"US", "United States", "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
       "2023-07-10", "only organisations certified under the EU-US Data Privacy Framework", true},
  };
  return k_list;
}

const AdequacyDecision* adequacy_for(std::string_view country_code) {
  const std::string code = upper(country_code);
  for (const auto& d : adequacy_decisions())
    if (code == d.country) return &d;
  return nullptr;
}

Jurisdiction classify_country(std::string_view country_code) {
  const std::string code = upper(country_code);
  if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) ||
      !std::isalpha(static_cast<unsigned char>(code[1])))
    return Jurisdiction::unknown;
  if (std::find(k_eu.begin(), k_eu.end(), code) != k_eu.end()) return Jurisdiction::eu;
  if (std::find(k_eea_only.begin(), k_eea_only.end(), code) != k_eea_only.end()) return Jurisdiction::eea;
  // A partial decision (the EU-US Data Privacy Framework) covers only
  // certified recipients: the country stays a third country until a
  // recipient is shown to be covered.
  if (const AdequacyDecision* d = adequacy_for(code); d && !d->partial) return Jurisdiction::adequacy;
  return Jurisdiction::third_country;
}

std::string country_of_region(std::string_view region) {
  static const std::map<std::string, std::string, std::less<>> k_regions = {
      // AWS
      {"eu-central-1", "DE"},
      {"eu-central-2", "CH"},
      {"eu-west-1", "IE"},
      {"eu-west-2", "GB"},
      {"eu-west-3", "FR"},
      {"eu-north-1", "SE"},
      {"eu-south-1", "IT"},
      {"eu-south-2", "ES"},
      {"us-east-1", "US"},
      {"us-east-2", "US"},
      {"us-west-1", "US"},
      {"us-west-2", "US"},
      {"ca-central-1", "CA"},
      {"sa-east-1", "BR"},
      {"ap-south-1", "IN"},
      {"ap-southeast-1", "SG"},
      {"ap-southeast-2", "AU"},
      {"ap-northeast-1", "JP"},
      {"ap-northeast-2", "KR"},
      {"me-south-1", "BH"},
      {"af-south-1", "ZA"},
      // Jitsi's short names
      {"ap-se-1", "SG"},
      {"ap-se-2", "AU"},
      // Oracle Cloud
      {"eu-frankfurt-1", "DE"},
      {"eu-amsterdam-1", "NL"},
      {"eu-zurich-1", "CH"},
      {"eu-stockholm-1", "SE"},
      {"eu-madrid-1", "ES"},
      {"eu-milan-1", "IT"},
      {"eu-paris-1", "FR"},
      {"uk-london-1", "GB"},
      {"us-ashburn-1", "US"},
      {"us-phoenix-1", "US"},
      {"us-sanjose-1", "US"},
      {"ca-toronto-1", "CA"},
      {"sa-saopaulo-1", "BR"},
      {"ap-mumbai-1", "IN"},
      {"ap-sydney-1", "AU"},
      {"ap-tokyo-1", "JP"},
      {"ap-singapore-1", "SG"},
  };
  std::string r(region);
  r = lower(r);
  auto it = k_regions.find(r);
  return it == k_regions.end() ? std::string() : it->second;
}

}  // namespace privascore::assist
