// Applying drafts: the edition that publishing a set of drafts would
// create, built in memory from the category's latest edition, so that the
// preview and the publication use the same code.
//
// The new edition copies the latest edition's services and assessments,
// then applies new services (appended, every feature `unknown` until rated),
// new hosting variants (inheriting every rating), changed ratings (of a
// service, or overrides of a variant), retired variants and retired
// services, and adds one note per draft (kind joined, reassessment or
// correction, left, methodology, other) with the draft's reason. A methodology draft creates the next methodology
// version, effective on the edition's date, and the edition uses it. Drafts that do not apply (a rating of a service
// that is not in the edition) are listed as skipped and stay approved. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "editor/drafts.h"
#include "model/model.h"
#include "util/error.h"

namespace privascore::editor {

/// What the publisher writes for the new edition.
struct EditionPlan {
  Date date;
  Text title;                       // empty: the latest edition's
  Text summary;                     // empty: the latest edition's
  std::optional<EditionNote> note;  // an editorial note (kind "other")
};

struct DraftEdition {
  Edition edition;
  std::optional<Methodology> methodology;                     // the new version, when a methodology draft applied
  std::vector<std::int64_t> applied;                          // draft ids, in the order applied
  std::vector<std::pair<std::int64_t, std::string>> skipped;  // draft id, why
};

/// Builds the new edition. Fails (invalid) when the category has no edition
/// or methodology, when plan.date is not after the latest edition's date,
/// or when a draft's payload is malformed.
Result<DraftEdition> build_draft_edition(const Category& category, const std::vector<Draft>& drafts,
                                         const EditionPlan& plan);

/// Everything wrong with the new edition by the rules of the loader
/// (levels in the scale, evidence for sourced ratings, classes that cover
/// every score, …), one message per problem; empty when it may be published.
std::vector<std::string> validate_draft_edition(const Category& category, const DraftEdition& draft);

/// A copy of category with the new edition (and methodology version)
/// added, for scoring and the diff against the latest edition.
Category with_draft_edition(const Category& category, const DraftEdition& draft);

}  // namespace privascore::editor
