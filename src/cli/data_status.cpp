#include "cli/data_status.h"

#include "loader/loader.h"
#include "store/import_plan.h"

namespace privascore {

std::optional<std::string> data_status_line(const FileSource& data, const std::string& data_dir,
                                            const Catalogue& database, const std::string& db_path) {
  const std::string shown = data_dir.empty() ? "the bundled data" : data_dir;
  const std::string data_option = data_dir.empty() ? "" : " --data " + data_dir;
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(data, sink);
  if (sink.has_errors()) {
    return "privascore: note: " + shown + " has " + std::to_string(sink.error_count()) +
           " error(s), so it was not compared with " + db_path + ", which is served as it is; `privascore check" +
           data_option + "` shows them";
  }
  const store::ImportPlan plan = store::plan_import(database, catalogue);
  if (!plan.adds() && !plan.refuses()) return std::nullopt;
  const std::string dry_run = "`privascore import" + data_option + " --db " + db_path + " --dry-run`";
  if (!plan.adds()) {
    return "privascore: note: " + shown + " differs from " + db_path + " in " + plan.counts() +
           "; the database is served as it is (published editions never change: a correction is a new edition); " +
           dry_run + " shows where";
  }
  return "privascore: note: " + shown + " has " + plan.counts() + " not in " + db_path +
         ", which is served as it is; " + dry_run + " shows them, the same command without --dry-run " +
         (plan.refuses() ? "refuses until the published elements are restored" : "imports them") +
         " (restart the server afterwards)";
}

}  // namespace privascore
