#include "check/check.h"

#include "scoring/scoring.h"

namespace privascore {

namespace {

// The same day `months` calendar months earlier; the 31st becomes the last
// day of a shorter month (2024-03-31 minus one month is 2024-02-29).
Date months_before(const Date& date, int months) {
  int index = date.year * 12 + (date.month - 1) - months;
  Date out{index / 12, index % 12 + 1, date.day};
  static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
  const int last = out.month == 2 && leap ? 29 : k_days[out.month - 1];
  if (out.day > last) out.day = last;
  return out;
}

}  // namespace

void check_catalogue(const Catalogue& catalogue, const CheckOptions& options, DiagnosticSink& sink) {
  for (const auto& category : catalogue.categories) {
    for (const auto& edition : category.editions) {
      const Methodology* own = category.methodology(edition.methodology);
      if (!own) continue;
      const EditionScore own_score = score_edition(*own, edition);
      for (const auto& p : edition.published) {
        const Methodology* m = p.methodology ? category.methodology(*p.methodology) : own;
        if (!m) continue;
        const EditionScore score = m == own ? own_score : score_edition(*m, edition);
        const ServiceScore* s = score.service(p.service);
        if (!s) continue;
        const std::string under =
            p.methodology ? " under methodology version " + std::to_string(*p.methodology) : std::string();
        if (p.points && *p.points != s->points) {
          std::string causes;
          for (const auto& f : s->features) {
            causes += "\n    " + f.feature->id + ": " + (f.unknown ? std::string("unknown") : f.level->id) + " = " +
                      std::to_string(f.feature->weight) + " x " + std::to_string(f.level->points) + " = " +
                      std::to_string(f.points);
          }
          sink.error(p.loc,
                     "`" + p.service + "` computes to " + std::to_string(s->points) + " points" + under + ", but " +
                         std::to_string(*p.points) + " were published" + causes,
                     "a rating or weight differs from the published result; fix the data, or record a correction "
                     "in a new edition");
        }
        if (!p.class_id.empty() && p.class_id != s->klass->id) {
          sink.error(p.loc,
                     "`" + p.service + "` computes to class " + s->klass->id + under + ", but " + p.class_id +
                         " was published",
                     "check the ratings, the thresholds and the knock-out rules");
        }
      }
      // The method: a feature every service meets alike is a standard, not a score.
      if (edition.assessments.size() >= 3) {
        for (const auto& f : own->features) {
          std::string first;
          bool same = true;
          for (const auto& a : edition.assessments) {
            const Rating* r = a.rating(f.id);
            const std::string level = r ? r->level : std::string(Rating::k_unknown);
            if (first.empty())
              first = level;
            else if (level != first)
              same = false;
          }
          // The method's rule: a feature every service fulfils *well* is a standard, not a score. A feature
          // every service fails alike still says something about the category, so it stays quiet.
          if (same && first == own->highest_level().id) {
            sink.warning(edition.loc,
                         "feature `" + f.id + "` is rated " + first +
                             " (the best level) for every service of edition " + edition.date.to_string(),
                         "the method does not score what every service meets well; consider moving it to [[standard]]");
          }
        }
      }
      // Stale evidence.
      for (const auto& a : edition.assessments) {
        std::vector<const Rating*> ratings;  // the assessment's and its hosting variants'
        for (const auto& r : a.ratings) ratings.push_back(&r);
        for (const auto& v : a.variants)
          for (const auto& r : v.ratings) ratings.push_back(&r);
        for (const Rating* rating : ratings) {
          const Rating& r = *rating;
          for (const auto& e : r.evidence) {
            if (!e.retrieved) continue;
            // Older than N calendar months before the edition: exactly N months old is still fine.
            if (*e.retrieved < months_before(edition.date, options.max_evidence_age_months)) {
              sink.warning(e.loc,
                           "evidence for `" + a.id + "`/`" + r.feature + "` was retrieved on " +
                               e.retrieved->to_string() + ", more than " +
                               std::to_string(options.max_evidence_age_months) + " months before edition " +
                               edition.date.to_string(),
                           "check the source again and update `retrieved`");
            }
            if (*e.retrieved > options.today && options.today.valid()) {
              sink.error(e.loc, "evidence retrieval date " + e.retrieved->to_string() + " lies in the future",
                         "use the day the source was read");
            }
          }
        }
      }
    }
  }
}

}  // namespace privascore
