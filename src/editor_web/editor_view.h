// What the editor's pages share: the request context a page handler gets,
// and the helpers that render a page in the editor's layout
// (web/templates/edit_layout.mustache) with the site's stylesheet and
// message catalogs.
//
// Every value reaches the HTML through a {{name}} of a logic-less template,
// which escapes it. Responses from here are private and never cached
// (Cache-Control: no-store) and carry the site's security headers.
// Internal to src/editor.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "config/config.h"
#include "editor/accounts.h"
#include "editor/clock.h"
#include "editor/publication.h"
#include "editor/sessions.h"
#include "editor/throttle.h"
#include "editor_web/form.h"
#include "model/model.h"
#include "store/database.h"
#include "util/error.h"
#include "web/assets.h"
#include "web/http.h"
#include "web/messages.h"
#include "web/site_data.h"
#include "web/templates.h"
#include "web/view.h"

namespace privascore::editor {

struct EditorAssets {
  web::Assets assets;
  web::Messages messages;
  web::Templates templates;
};

/// Everything a page handler reads and may change for one request.
struct Ctx {
  const web::Request& request;
  std::unique_lock<std::mutex>& db_lock;  // held while the page runs; login releases it while hashing
  store::Database& db;
  std::shared_ptr<const Catalogue> catalogue;
  std::shared_ptr<const web::SiteData> site_data;
  const EditorAssets& assets;
  const config::EditorConfig& config;
  const config::SiteConfig& site_config;
  const Clock& clock;
  LoginThrottle& throttle;
  RateLimiter& report_limiter;
  RateLimiter& report_total;
  const PublishHooks& hooks;
  /// Called after a publication with the published record now in the database.
  std::function<void(std::shared_ptr<const Catalogue>)> published;
  Lang lang = Lang::de;
  std::optional<Session> session;
  Form form;                                  // the POST body
  Form query;                                 // the query string
  std::map<std::string, std::string> params;  // path parameters of the route

  std::string t(std::string_view key) const { return assets.messages.get(lang, key); }
  std::string f(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    return assets.messages.format(lang, key, args);
  }
  const std::string& param(const std::string& name) const;
  const User& user() const { return session->user; }
  web::PageEnv page_env() const;
};

/// The frame of every editor page: lang, title, catalog (t), stylesheet,
/// the logged-in user, the CSRF token and the navigation.
nlohmann::json frame_view(const Ctx& ctx, const std::string& title);

/// Renders template `name` inside edit_layout as a private HTML response.
web::Response render(const Ctx& ctx, std::string_view name, nlohmann::json view, int status = 200);

/// A page with a heading and a message (errors, confirmations).
web::Response message_page(const Ctx& ctx, int status, const std::string& title, const std::string& message,
                           const std::string& hint = {});

/// The page for an Error, with the status of its kind.
web::Response error_page(const Ctx& ctx, const Error& error);
int status_for(ErrorKind kind);
/// The page for a database failure (internal; details go to the log).
web::Response store_error_page(const Ctx& ctx, const Error& error);

/// 303 See Other to location (after a successful POST).
web::Response see_other(const std::string& location);

/// The session cookie's name: "__Secure-psedit" in a secure context (a
/// browser accepts that prefix only over HTTPS, so a network attacker
/// cannot plant it), "psedit" otherwise. __Host- would be stronger but
/// requires Path=/, which would send the cookie with every public page.
std::string session_cookie_name(const web::Request& request, const config::EditorConfig& config);
/// Set-Cookie for a new session token: Path=/edit; HttpOnly;
/// SameSite=Strict; Secure in a secure context; no Max-Age (the browser
/// drops it when it closes; the server ends it after the time-outs).
std::string session_cookie(const Ctx& ctx, const std::string& token);
/// Set-Cookie that deletes the session cookie.
std::string clear_session_cookie(const Ctx& ctx);

/// Adds no-store and the security headers to an editor response.
void private_headers(web::Response& response);

/// "2024-10-29T13:45:07Z" as "29.10.2024 13:45 UTC" / "29 Oct 2024 13:45 UTC".
std::string display_time(const Ctx& ctx, const std::string& iso);

/// The level choices of a methodology for a form: [{id, label, selected}],
/// best first, then "unknown".
nlohmann::json level_options(const Ctx& ctx, const Methodology& m, const std::string& selected);

/// A rating for display: {level: level view, status, justification, evidence: [...]}.
nlohmann::json rating_view(const Ctx& ctx, const Methodology& m, const Rating& rating);

/// The role's name in the reader's language.
std::string role_label(const Ctx& ctx, Role role);

}  // namespace privascore::editor
