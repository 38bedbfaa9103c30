// Loading a data directory (methodologies, editions, assessments) into the
// model, with every problem reported to a DiagnosticSink.
//
// Loading never stops at the first problem: it reads every file and reports
// each mistake with file:line:column and a fix. The caller must not use the
// catalogue when the sink has errors. The layout is documented in
// docs/formats.md.
#pragma once

#include <optional>
#include <string>

#include "loader/file_source.h"
#include "model/model.h"
#include "util/diagnostic.h"

namespace privascore {

/// Limits that validate_methodology enforces so that the scoring engine's
/// compact types hold (see scoring/scoring.h).
constexpr std::size_t k_max_features = 32;
constexpr std::size_t k_max_levels = 16;
constexpr int k_max_score = 100000;

/// Parses one methodology file. nullopt when it has errors (in the sink).
std::optional<Methodology> parse_methodology(std::string content, const std::string& file, DiagnosticSink& sink);
/// Parses one assessment file.
std::optional<Assessment> parse_assessment(std::string content, const std::string& file, DiagnosticSink& sink);
/// Parses one edition.toml (without its assessments).
std::optional<Edition> parse_edition(std::string content, const std::string& file, DiagnosticSink& sink);

/// Checks a methodology on its own: unique ids, weights, scale, knock-outs,
/// the limits above, and that the classes cover every score from minimum to
/// maximum once.
void validate_methodology(const Methodology& methodology, DiagnosticSink& sink);
/// Checks an assessment against its methodology: one rating per feature,
/// levels in the scale, evidence for sourced ratings.
void validate_assessment(const Assessment& assessment, const Methodology& methodology, DiagnosticSink& sink);

/// Loads every category below the source's root. Reports structural and
/// cross-file problems (edition naming an unknown service, a methodology
/// version that does not exist, ...).
Catalogue load_catalogue(const FileSource& source, DiagnosticSink& sink);

}  // namespace privascore
