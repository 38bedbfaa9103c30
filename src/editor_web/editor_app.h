// Editor: the editorial workflow as a web::Handler: the /edit pages for
// people with an account, and the public routes for readers' reports
// (POST /de/melden, /en/report; GET /de/meldungen/<category>,
// /en/reports/<category>).
//
// The editor holds one connection to the database, used by one request at
// a time (editorial traffic is light; the public site never waits for it,
// it serves its catalogue from memory). After a publication the editor
// reloads the published record from the database and hands it to the
// on_published callback, which swaps the site's catalogue.
//
// Security (docs/operations.md): a session cookie only under /edit
// (HttpOnly, SameSite=Strict, Secure when served over TLS or configured),
// a CSRF token in every form checked on every POST together with
// Origin/Sec-Fetch-Site, login throttling per account and per client.
// Public routes never set a cookie. Every response is no-store.
//
// Thread safety: handle() may be called from many threads at once.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "util/error.h"

#include "config/config.h"
#include "editor/clock.h"
#include "editor/publication.h"
#include "model/model.h"
#include "web/http.h"
#include "web/router.h"

namespace privascore::editor {

class EditorState;

class Editor {
 public:
  struct Options {
    config::EditorConfig config;
    config::SiteConfig site;             // the frame of the public report pages; web_dir for development
    std::shared_ptr<const Clock> clock;  // nullptr: the system clock
    PublishHooks hooks;                  // fault injection for tests
  };
  using PublishedCallback = std::function<void(std::shared_ptr<const Catalogue>)>;

  /// Opens the database at db_path (it must exist and hold the published
  /// record: the server creates it), creates or migrates the editor's
  /// tables, loads the templates and catalogs, and writes open data that is
  /// missing (a crash after a publication's commit). The error says what
  /// failed.
  static Result<std::shared_ptr<Editor>> open(const std::string& db_path, Options options,
                                              PublishedCallback on_published = {});

  /// True for the paths this handler answers (see above): those of
  /// routes(), the prefixes /edit/ and /de/meldungen/, /en/reports/ included.
  static bool handles(const web::Request& request);

  /// Answers one request. Never throws: a bug becomes a 500 page.
  web::Response handle(const web::Request& request) const;

  /// The published record as the editor last loaded it.
  std::shared_ptr<const Catalogue> catalogue() const;

  explicit Editor(std::unique_ptr<EditorState> state);
  ~Editor();

 private:
  std::unique_ptr<EditorState> m_state;
};

/// The editor's routes for the site's table (web::Site::mount), all of
/// them slow (they hash passwords and write the database). A path below
/// /edit/ or a report prefix that no route takes is the editor's 404.
std::vector<web::Route> routes(std::shared_ptr<Editor> editor);

}  // namespace privascore::editor
