// The page handlers of the editor, one function per route of the dispatch
// table in editor_app.cpp. Each gets the request's Ctx (editor_view.h)
// with the database locked; handlers behind a login get a live session,
// and a POST handler runs only after its CSRF token and origin were
// checked. Internal to src/editor.
#pragma once

#include "editor_web/editor_view.h"

namespace privascore::editor {

// pages_account.cpp: login, logout, the start page.
web::Response page_start(Ctx& ctx);  // GET /edit: the login form or the dashboard
web::Response do_login(Ctx& ctx);
web::Response do_logout(Ctx& ctx);
web::Response do_logout_everywhere(Ctx& ctx);
/// The login form, with an error message and status (401 after a wrong
/// password, 429 when throttled).
web::Response login_page(Ctx& ctx, int status, const std::string& error);

// pages_edit.cpp: proposing changes.
web::Response page_category(Ctx& ctx);
web::Response page_service(Ctx& ctx);
web::Response page_rating(Ctx& ctx);
web::Response save_rating(Ctx& ctx);
web::Response page_new_service(Ctx& ctx);
web::Response save_new_service(Ctx& ctx);
web::Response save_retire_service(Ctx& ctx);
web::Response page_new_variant(Ctx& ctx);
web::Response save_new_variant(Ctx& ctx);
web::Response save_retire_variant(Ctx& ctx);
web::Response page_methodology(Ctx& ctx);
web::Response save_methodology(Ctx& ctx);

// pages_review.cpp: drafts, review, preview, publication.
web::Response page_drafts(Ctx& ctx);
web::Response page_draft(Ctx& ctx);
web::Response do_review(Ctx& ctx);
web::Response do_withdraw(Ctx& ctx);
web::Response page_preview(Ctx& ctx);
web::Response page_publish(Ctx& ctx);
web::Response do_publish(Ctx& ctx);

// pages_audit.cpp: the audit trail and the queue of readers' reports.
web::Response page_audit(Ctx& ctx);
web::Response audit_json_export(Ctx& ctx);
web::Response page_corrections(Ctx& ctx);
web::Response do_answer(Ctx& ctx);

// public_reports.cpp: the public side of readers' reports (no session,
// never a cookie).
web::Response do_public_report(Ctx& ctx);
web::Response page_public_reports(Ctx& ctx);

}  // namespace privascore::editor
