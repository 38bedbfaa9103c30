// Corrections from outside: readers report an error in a rating through a
// public form; editors answer each report; the answers are public, so that
// anyone can see how a dispute was handled.
//
// A report keeps only what the sender wrote: the service (and optionally
// the feature) it is about, the message, and an optional contact, which is
// never shown publicly and can be erased when the report is answered. No
// address, browser or cookie data is stored. Statuses: open (new),
// accepted (the rating is or will be corrected), declined (the rating
// stays; the answer says why), spam (hidden everywhere but the queue).
// Every answer is recorded in the audit trail. Functions take the
// connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "editor/accounts.h"
#include "editor/clock.h"
#include "model/model.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

/// Longest message and contact accepted, in characters.
constexpr std::size_t k_max_report_message = 5000;
constexpr std::size_t k_max_report_contact = 200;
constexpr std::size_t k_max_answer = 5000;

enum class CorrectionStatus { open, accepted, declined, spam };
const char* to_string(CorrectionStatus status);
std::optional<CorrectionStatus> parse_correction_status(std::string_view text);

struct Correction {
  std::int64_t id = 0;
  std::string received_at;
  Lang lang = Lang::de;
  std::string category;
  std::string service;
  std::string feature;  // "" when the report is about the whole service
  std::string message;
  std::optional<std::string> contact;
  CorrectionStatus status = CorrectionStatus::open;
  std::string answer;
  std::string answered_by;
  std::string answered_at;
  bool show_message = true;
};

struct ReportInput {
  Lang lang = Lang::de;
  std::string category;
  std::string service;
  std::string feature;
  std::string message;
  std::string contact;  // "" = none
};

/// Why a report cannot be accepted as written ("" when it can): empty or
/// too long message, too long contact, invalid UTF-8 or control characters.
std::string report_problem(const ReportInput& input);

/// Stores a report (the caller has checked that the category, service and
/// feature exist). Invalid when report_problem finds one.
Result<std::int64_t> submit_report(store::Database& db, const ReportInput& input, const Clock& clock);

struct CorrectionFilter {
  std::string category;                    // "" = all
  std::string service;                     // "" = all
  std::vector<CorrectionStatus> statuses;  // empty = all
};
/// Reports matching the filter, newest first.
Result<std::vector<Correction>> list_corrections(store::Database& db, const CorrectionFilter& filter);
Result<Correction> get_correction(store::Database& db, std::int64_t id);

struct Answer {
  CorrectionStatus status = CorrectionStatus::accepted;
  std::string text;           // required unless status is spam
  bool show_message = true;   // show the reader's message on the public page
  bool erase_contact = true;  // delete the sender's contact now
};

/// Answers (or re-answers) a report. Invalid without an answer text (except
/// for spam) or with status open.
Result<Correction> answer_report(store::Database& db, std::int64_t id, const Answer& answer, const User& by,
                                 const Clock& clock);

}  // namespace privascore::editor
