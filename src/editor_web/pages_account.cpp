// Login, logout and the start page of the editor.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "editor/audit.h"
#include "editor/corrections.h"
#include "editor/credentials.h"
#include "editor/drafts.h"
#include "editor_web/editor_pages.h"
#include "editor_web/request_origin.h"
#include "util/text.h"

namespace privascore::editor {

using nlohmann::json;

namespace {

Result<void> record(Ctx& ctx, const std::string& actor, const char* action, const std::string& subject = {}) {
  AuditEvent e;
  e.at = iso_time(ctx.clock.now());
  e.actor = actor;
  e.action = action;
  e.subject = subject;
  if (auto r = record_event(ctx.db, e); !r) return fail(ErrorKind::internal, r.error());
  return {};
}

json draft_row(const Ctx& ctx, const Draft& d) {
  return {{"id", d.id},
          {"href", "/edit/drafts/" + std::to_string(d.id)},
          {"kind", ctx.t(std::string("edit_kind_") + to_string(d.kind))},
          {"category", d.category},
          {"service", d.service},
          {"variant", d.variant},
          {"feature", d.feature},
          {"status", ctx.t(std::string("edit_status_") + to_string(d.status))},
          {"status_css", to_string(d.status)},
          {"author", d.author},
          {"updated", display_time(ctx, d.updated_at)}};
}

}  // namespace

web::Response login_page(Ctx& ctx, int status, const std::string& error) {
  json v = frame_view(ctx, ctx.t("edit_login_title"));
  v["error"] = error;
  v["username"] = ctx.form.get("username");
  return render(ctx, "edit_login", v, status);
}

web::Response page_start(Ctx& ctx) {
  if (!ctx.session) return login_page(ctx, 200, "");
  const User& me = ctx.user();
  json v = frame_view(ctx, ctx.t("edit_dashboard_title"));
  auto live = list_drafts(ctx.db, DraftFilter{"", {DraftStatus::open, DraftStatus::approved}, ""});
  if (!live) return error_page(ctx, live.error());
  json mine = json::array();
  json to_review = json::array();
  json approved = json::array();
  for (const Draft& d : *live) {
    const bool authored = std::find(d.authors.begin(), d.authors.end(), me.name) != d.authors.end();
    if (authored) mine.push_back(draft_row(ctx, d));
    if (d.status == DraftStatus::open && !authored && can_review(me.role)) to_review.push_back(draft_row(ctx, d));
    if (d.status == DraftStatus::approved) approved.push_back(draft_row(ctx, d));
  }
  json categories = json::array();
  for (const Category& c : ctx.catalogue->categories) {
    const Methodology* m = c.latest_methodology();
    const Edition* e = c.latest_edition();
    const auto live_here =
        std::count_if(live->begin(), live->end(), [&](const Draft& d) { return d.category == c.id; });
    categories.push_back({{"href", "/edit/c/" + c.id},
                          {"name", m ? m->name.get(ctx.lang) : c.id},
                          {"latest", e ? e->date.to_string() : "–"},
                          {"drafts", live_here}});
  }
  auto reports = list_corrections(ctx.db, CorrectionFilter{"", "", {CorrectionStatus::open}});
  if (!reports) return error_page(ctx, reports.error());
  v["categories"] = categories;
  v["mine"] = mine;
  v["has_mine"] = !mine.empty();
  v["to_review"] = to_review;
  v["has_to_review"] = !to_review.empty();
  v["approved"] = approved;
  v["has_approved"] = !approved.empty();
  v["can_review"] = can_review(me.role);
  v["open_reports"] = ctx.f("edit_open_reports", {{"count", std::to_string(reports->size())}});
  return render(ctx, "edit_dashboard", v);
}

web::Response do_login(Ctx& ctx) {
  const std::string name = ctx.form.get("username");
  const std::string password = ctx.form.get("password");
  const std::string account = lower(name.substr(0, 64));
  const std::string client = client_address(ctx.request, ctx.config);
  // Throttled attempts are answered before the password is looked at.
  if (const std::int64_t wait = ctx.throttle.retry_after(account, client); wait > 0) {
    web::Response r = login_page(ctx, 429, ctx.f("edit_login_throttled", {{"seconds", std::to_string(wait)}}));
    r.set_header("retry-after", std::to_string(wait));
    return r;
  }
  std::optional<UserRecord> found;
  if (user_name_problem(name).empty() && password.size() <= k_max_password_length) {
    auto lookup = find_user(ctx.db, name);
    if (!lookup) return store_error_page(ctx, lookup.error());
    found = std::move(*lookup);
  }
  // argon2id takes a while and 64 MiB: do not hold the database meanwhile.
  ctx.db_lock.unlock();
  bool ok = false;
  if (found && !found->user.disabled)
    ok = verify_password(found->password_hash, password);
  else
    verify_dummy_password(password);
  const bool rehash = ok && password_needs_rehash(found->password_hash);
  std::string new_hash;
  if (rehash) new_hash = hash_password(password).value_or("");
  ctx.db_lock.lock();

  if (!ok) {
    ctx.throttle.record_failure(account, client);
    if (found) {
      if (auto r = record(ctx, found->user.name, "login-failed"); !r) return error_page(ctx, r.error());
    }
    return login_page(ctx, 401, ctx.t("edit_login_failed"));
  }
  ctx.throttle.record_success(account);
  auto tx = store::Transaction::begin(ctx.db);
  if (!tx) return store_error_page(ctx, tx.error());
  if (!new_hash.empty()) {
    if (auto r = replace_password_hash(ctx.db, found->user.id, new_hash); !r) {
      return store_error_page(ctx, r.error());
    }
  }
  // A new token at every login: a token planted before cannot be carried over.
  if (ctx.session) {
    if (auto r = end_session(ctx.db, ctx.session->token_hash); !r) return store_error_page(ctx, r.error());
  }
  auto session = create_session(ctx.db, found->user, ctx.clock);
  if (!session) return store_error_page(ctx, session.error());
  if (auto r = record(ctx, found->user.name, "login"); !r) return error_page(ctx, r.error());
  if (auto r = tx->commit(); !r) return store_error_page(ctx, r.error());
  web::Response response = see_other("/edit");
  response.set_header("set-cookie", session_cookie(ctx, session->token));
  return response;
}

web::Response do_logout(Ctx& ctx) {
  auto tx = store::Transaction::begin(ctx.db);
  if (!tx) return store_error_page(ctx, tx.error());
  if (auto r = end_session(ctx.db, ctx.session->token_hash); !r) return store_error_page(ctx, r.error());
  if (auto r = record(ctx, ctx.user().name, "logout"); !r) return error_page(ctx, r.error());
  if (auto r = tx->commit(); !r) return store_error_page(ctx, r.error());
  web::Response response = see_other("/edit");
  response.set_header("set-cookie", clear_session_cookie(ctx));
  return response;
}

web::Response do_logout_everywhere(Ctx& ctx) {
  auto tx = store::Transaction::begin(ctx.db);
  if (!tx) return store_error_page(ctx, tx.error());
  auto ended = end_all_sessions(ctx.db, ctx.user().id);
  if (!ended) return store_error_page(ctx, ended.error());
  if (auto r = record(ctx, ctx.user().name, "logout-everywhere", std::to_string(*ended) + " sessions"); !r) {
    return error_page(ctx, r.error());
  }
  if (auto r = tx->commit(); !r) return store_error_page(ctx, r.error());
  web::Response response = see_other("/edit");
  response.set_header("set-cookie", clear_session_cookie(ctx));
  return response;
}

}  // namespace privascore::editor
