// The walk through a data directory: the categories, their methodology
// files and edition folders, and the rules across files (an edition names
// a methodology that exists, its folder holds exactly the listed services).
// Parsing one file is in parse.cpp, the rules of one value in validate.cpp.
#include "loader/loader.h"

#include <algorithm>
#include <set>

#include "loader/toml_reader.h"
#include "util/text.h"

namespace privascore {

namespace {

std::optional<std::string> read_file(const FileSource& source, const std::string& path, DiagnosticSink& sink) {
  std::string error;
  auto content = source.read(path, k_max_file_bytes, &error);
  if (!content)
    sink.error(Loc{source.display_path(path)}, "cannot read file: " + error, "check that it exists and is readable");
  return content;
}

// What the methodology folder of a category held.
struct MethodologyFiles {
  int count = 0;  // .toml files, read or not
  // Files that exist but could not be read or parsed: their problems are
  // already reported, so editions using them get no second error.
  std::set<std::string> broken;
};

// One methodology file: parsed, in the right folder and file name, valid,
// and its version defined once.
void load_methodology(const FileSource& source, const std::string& id, const std::string& name, Category& category,
                      MethodologyFiles& files, DiagnosticSink& sink) {
  const std::string path = id + "/methodology/" + name;
  const std::string shown = source.display_path(path);
  auto content = read_file(source, path, sink);
  auto m = content ? parse_methodology(std::move(*content), shown, sink) : std::nullopt;
  if (!m) {
    files.broken.insert(name);
    return;
  }
  if (m->category != id) {
    sink.error(m->loc, "methodology says category `" + m->category + "` but lies in the folder of `" + id + "`",
               "set category = \"" + id + "\" or move the file");
  }
  if (name != "v" + std::to_string(m->version) + ".toml") {
    sink.error(m->loc, "methodology version " + std::to_string(m->version) + " is in a file named " + name,
               "name the file v" + std::to_string(m->version) + ".toml");
  }
  validate_methodology(*m, sink);
  if (category.methodologies.count(m->version)) {
    sink.error(m->loc, "methodology version " + std::to_string(m->version) + " is defined twice",
               "give each version its own number");
  } else {
    category.methodologies.emplace(m->version, std::move(*m));
  }
}

MethodologyFiles load_methodologies(const FileSource& source, const std::string& id, Category& category,
                                    DiagnosticSink& sink) {
  MethodologyFiles files;
  const std::string base = id + "/";
  for (const auto& name : source.list(base + "methodology")) {
    if (!name.ends_with(".toml")) {
      sink.warning(Loc{source.display_path(base + "methodology/" + name)},
                   "ignoring a file that is not a .toml methodology", "methodology files are named v<N>.toml");
      continue;
    }
    ++files.count;
    load_methodology(source, id, name, category, files, sink);
  }
  if (files.count == 0) {
    sink.error(Loc{source.display_path(base)}, "category `" + id + "` has no methodology",
               "add " + base + "methodology/v1.toml (see docs/formats.md)");
  }
  return files;
}

// The edition's category and date agree with the folders it lies in.
void check_edition_place(const Edition& edition, const std::string& id, const std::string& date_text,
                         DiagnosticSink& sink) {
  if (edition.category != id) {
    sink.error(edition.loc, "edition says category `" + edition.category + "` but lies in the folder of `" + id + "`",
               "set category = \"" + id + "\"");
  }
  if (edition.date.to_string() != date_text) {
    sink.error(edition.loc, "edition date " + edition.date.to_string() + " does not match its folder " + date_text,
               "name the folder after the date, or fix the date");
  }
}

// The edition's methodology, or nullptr (reported unless its file is broken).
const Methodology* edition_methodology(const Edition& edition, const Category& category, const std::string& id,
                                       const MethodologyFiles& files, DiagnosticSink& sink) {
  const Methodology* m = category.methodology(edition.methodology);
  const bool broken = files.broken.count("v" + std::to_string(edition.methodology) + ".toml") > 0;
  if (!m && !broken && files.count > 0) {
    std::vector<std::string> versions;
    for (const auto& [v, unused] : category.methodologies) versions.push_back(std::to_string(v));
    sink.error(edition.methodology_loc,
               "edition uses methodology version " + std::to_string(edition.methodology) + ", which does not exist",
               versions.empty() ? "no methodology version loaded without errors; fix " + id + "/methodology/ first"
                                : "versions available: " + join(versions, ", "));
  }
  return m;
}

// The service ids of the .toml files in dir/services.
std::set<std::string> assessment_files(const FileSource& source, const std::string& dir, DiagnosticSink& sink) {
  std::set<std::string> files;
  for (const auto& name : source.list(dir + "services")) {
    if (!name.ends_with(".toml")) {
      sink.warning(Loc{source.display_path(dir + "services/" + name)},
                   "ignoring a file that is not a .toml assessment");
      continue;
    }
    files.insert(name.substr(0, name.size() - 5));
  }
  return files;
}

// The assessment of the edition's i-th service, when its file exists and parses.
std::optional<Assessment> load_assessment(const FileSource& source, const std::string& dir, const Edition& edition,
                                          std::size_t i, const std::set<std::string>& files, DiagnosticSink& sink) {
  const std::string& service = edition.services[i];
  if (!files.count(service)) {
    std::vector<std::string> present(files.begin(), files.end());
    std::string close = closest_match(service, present);
    sink.error(edition.service_locs[i],
               "edition names service `" + service + "`, but " + dir + "services/" + service + ".toml does not exist",
               close.empty() ? "add the assessment file or remove the service from `services`"
                             : "did you mean `" + close + "`?");
    return std::nullopt;
  }
  const std::string path = dir + "services/" + service + ".toml";
  auto text = read_file(source, path, sink);
  if (!text) return std::nullopt;
  auto assessment = parse_assessment(std::move(*text), source.display_path(path), sink);
  if (assessment && assessment->id != service) {
    sink.error(assessment->loc,
               "assessment id `" + assessment->id + "` does not match its file name " + service + ".toml",
               "set id = \"" + service + "\"");
  }
  return assessment;
}

// Assessments: exactly the listed services.
void load_assessments(const FileSource& source, const std::string& dir, const Methodology* m, Edition& edition,
                      DiagnosticSink& sink) {
  const std::set<std::string> files = assessment_files(source, dir, sink);
  for (std::size_t i = 0; i < edition.services.size(); ++i) {
    auto assessment = load_assessment(source, dir, edition, i, files, sink);
    if (!assessment) continue;
    if (m) validate_assessment(*assessment, *m, sink);
    edition.assessments.push_back(std::move(*assessment));
  }
  for (const auto& file : files) {
    if (std::find(edition.services.begin(), edition.services.end(), file) == edition.services.end()) {
      sink.error(Loc{source.display_path(dir + "services/" + file + ".toml")},
                 "assessment of `" + file + "` is not listed in the edition's `services`",
                 "add \"" + file + "\" to services in " + dir + "edition.toml, or delete the file");
    }
  }
}

// Notes name features of the methodology; published figures name services
// of the edition, and methodologies and classes that exist.
void check_edition_references(const Edition& edition, const Category& category, const Methodology* m,
                              DiagnosticSink& sink) {
  for (const auto& note : edition.notes) {
    if (!note.feature.empty() && m && !m->feature(note.feature)) {
      sink.error(note.loc, "note names unknown feature `" + note.feature + "`",
                 "use a feature id of methodology " + std::to_string(m->version));
    }
  }
  for (const auto& p : edition.published) {
    if (std::find(edition.services.begin(), edition.services.end(), p.service) == edition.services.end()) {
      sink.error(p.loc, "published figure for `" + p.service + "`, which is not in this edition", "fix the service id");
    }
    const Methodology* pm = p.methodology ? category.methodology(*p.methodology) : m;
    if (p.methodology && !pm) {
      sink.error(p.loc, "published figure names methodology version " + std::to_string(*p.methodology) +
                            ", which does not exist");
    }
    if (pm && !p.class_id.empty() && !pm->class_band(p.class_id)) {
      sink.error(p.loc, "published class `" + p.class_id + "` is not a class of the methodology");
    }
  }
}

// One edition folder (folder ends in '/') with its assessments.
void load_edition(const FileSource& source, const std::string& id, const std::string& folder, Category& category,
                  const MethodologyFiles& methodology_files, DiagnosticSink& sink) {
  const std::string dir = id + "/editions/" + folder;
  auto content = read_file(source, dir + "edition.toml", sink);
  if (!content) return;
  auto edition = parse_edition(std::move(*content), source.display_path(dir + "edition.toml"), sink);
  if (!edition) return;
  check_edition_place(*edition, id, folder.substr(0, folder.size() - 1), sink);
  const Methodology* m = edition_methodology(*edition, category, id, methodology_files, sink);
  load_assessments(source, dir, m, *edition, sink);
  check_edition_references(*edition, category, m, sink);
  category.editions.push_back(std::move(*edition));
}

// Editions sorted by date, one a day.
void sort_editions(Category& category, DiagnosticSink& sink) {
  std::sort(category.editions.begin(), category.editions.end(),
            [](const Edition& a, const Edition& b) { return a.date < b.date; });
  for (std::size_t i = 1; i < category.editions.size(); ++i) {
    if (category.editions[i].date == category.editions[i - 1].date) {
      sink.error(category.editions[i].loc, "two editions on " + category.editions[i].date.to_string(),
                 "one edition per day");
    }
  }
}

// Notes may name services that left (present in the previous edition).
void check_note_services(const Category& category, DiagnosticSink& sink) {
  for (std::size_t i = 0; i < category.editions.size(); ++i) {
    const Edition& e = category.editions[i];
    for (const auto& note : e.notes) {
      if (note.service.empty()) continue;
      bool known = e.assessment(note.service) != nullptr;
      if (!known && i > 0) known = category.editions[i - 1].assessment(note.service) != nullptr;
      if (!known) {
        sink.error(note.loc,
                   "note names service `" + note.service + "`, which is in neither this edition nor the one before",
                   "fix the service id");
      }
    }
  }
}

void load_category(const FileSource& source, const std::string& id, Catalogue& catalogue, DiagnosticSink& sink) {
  Category category;
  category.id = id;
  const std::string base = id + "/";
  const MethodologyFiles methodology_files = load_methodologies(source, id, category, sink);
  int edition_folders = 0;
  for (const auto& folder : source.list(base + "editions")) {
    if (folder.back() != '/') {
      sink.warning(Loc{source.display_path(base + "editions/" + folder)}, "ignoring a file outside an edition folder",
                   "editions live in editions/<YYYY-MM-DD>/edition.toml");
      continue;
    }
    ++edition_folders;
    load_edition(source, id, folder, category, methodology_files, sink);
  }
  sort_editions(category, sink);
  check_note_services(category, sink);
  if (edition_folders == 0) {
    sink.warning(Loc{source.display_path(base)}, "category `" + id + "` has no edition yet",
                 "add editions/<YYYY-MM-DD>/edition.toml");
  }
  catalogue.categories.push_back(std::move(category));
}

}  // namespace

Catalogue load_catalogue(const FileSource& source, DiagnosticSink& sink) {
  Catalogue catalogue;
  for (const auto& entry : source.list("")) {
    if (entry.back() != '/') continue;  // README files and the like at the top level
    std::string id = entry.substr(0, entry.size() - 1);
    if (!is_valid_id(id)) {
      sink.warning(Loc{source.display_path(entry)}, "ignoring folder `" + id + "`: not a valid category id",
                   "category folders are named like video-conferencing");
      continue;
    }
    load_category(source, id, catalogue, sink);
  }
  if (catalogue.categories.empty()) {
    sink.error(Loc{source.display_path("")}, "no category found",
               "the data folder needs <category>/methodology/v1.toml (see docs/formats.md)");
  }
  return catalogue;
}

}  // namespace privascore
