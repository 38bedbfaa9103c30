// A draft category from the pages of the old site: what a WordPress page
// (German, English, or both) says, mapped onto the data format of
// docs/formats.md, and everything it says that has no place there.
//
// The pages give the title, the date, the summary, the update notes, the
// stated maximum and one paragraph per feature (`<p id="ANCHOR"><strong>
// Name</strong>: text</p>`); the ranked results are an image. So the draft
// has no weights, no level scale, no classes and no services: each of these
// is a `# TODO` line in the files, which `privascore check` reports as a
// missing key until an editor fills it in. Nothing is guessed: what cannot
// be mapped is listed with its HTML fragment and why. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "migrate/wordpress_page.h"
#include "model/date.h"
#include "model/model.h"
#include "render/toml_writer.h"
#include "util/error.h"

namespace privascore::migrate {

struct DraftService {
  std::string id;
  std::string name;
};

struct DraftOptions {
  std::string category;                // the category id; "" derives it from the name
  std::vector<DraftService> services;  // rated services, named by the editor (the page shows them in an image)
};

struct DraftFeature {
  std::string id;      // the anchor when it is a valid id
  std::string anchor;  // as on the page
  Text name;
  Text explanation;
};

/// Something on a page that the draft does not carry.
struct Unmapped {
  std::string where;     // "en content.rendered offset 1234"
  std::string fragment;  // the HTML, shortened
  std::string why;
};

struct Draft {
  std::string category;
  Date date;
  std::optional<int> maximum;  // as the page states it
  Text title;
  Text name;  // the category's name: the title without "PRIVA SCORE:" and "(Update …)"
  Text summary;
  std::vector<Text> notes;
  std::vector<DraftFeature> features;
  std::vector<DraftService> services;  // from the options: every rating unknown, unverified
  std::string source;                  // the link of the German page when there is one
  std::vector<std::string> pages;      // "en: FILE (WordPress page 749; language from …)"
  std::vector<std::string> mapped;     // one line per mapped field, with where it came from
  std::vector<Unmapped> not_mapped;    // in page order
  std::vector<std::string> missing;    // what the format needs and no page says
  int empty_paragraphs = 0;            // <p></p> without an anchor: nothing to map
};

/// The draft from one page, or from a German and an English page of the
/// same edition (features matched by anchor). Fails when there are no or
/// more than two pages, two pages in the same language, a page whose body is
/// not well-formed (split_blocks), a page with no feature paragraph, or two
/// pages naming different dates, or a service id that is not a valid id or
/// is given twice.
Result<Draft> propose_draft(const std::vector<WordPressPage>& pages, const DraftOptions& options);

/// The draft as files below the output folder, marked as drafts:
/// "<category>/methodology/v1.toml",
/// "<category>/editions/<date>/edition.toml" and, per service given,
/// "<category>/editions/<date>/services/<id>.toml" with one rating per
/// feature, each `unknown` and `unverified`.
std::vector<TomlFile> draft_files(const Draft& draft);

/// The printed summary: the pages read, "mapped:" lines, "not mapped:" lines
/// (fragment and why), and what the editor has to add.
std::string draft_summary(const Draft& draft);

}  // namespace privascore::migrate
