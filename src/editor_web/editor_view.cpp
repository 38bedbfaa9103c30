#include "editor_web/editor_view.h"
#include <nlohmann/json.hpp>

#include "editor_web/request_origin.h"
#include "web/responses.h"

namespace privascore::editor {

using nlohmann::json;

namespace {
constexpr const char* k_cookie_path = "/edit";
}  // namespace

const std::string& Ctx::param(const std::string& name) const {
  static const std::string k_empty;
  auto it = params.find(name);
  return it == params.end() ? k_empty : it->second;
}

web::PageEnv Ctx::page_env() const {
  return web::PageEnv{*site_data, site_config, assets.assets, assets.messages, assets.templates, lang};
}

std::string session_cookie_name(const web::Request& request, const config::EditorConfig& config) {
  return secure_context(request, config) ? "__Secure-psedit" : "psedit";
}

std::string session_cookie(const Ctx& ctx, const std::string& token) {
  CookieOptions o;
  o.path = k_cookie_path;
  o.secure = secure_context(ctx.request, ctx.config);
  return set_cookie_header(session_cookie_name(ctx.request, ctx.config), token, o);
}

std::string clear_session_cookie(const Ctx& ctx) {
  CookieOptions o;
  o.path = k_cookie_path;
  o.secure = secure_context(ctx.request, ctx.config);
  o.max_age = 0;
  return set_cookie_header(session_cookie_name(ctx.request, ctx.config), "", o);
}

std::string role_label(const Ctx& ctx, Role role) {
  return ctx.t(std::string("edit_role_") + to_string(role));
}

json frame_view(const Ctx& ctx, const std::string& title) {
  json v;
  v["lang"] = lang_code(ctx.lang);
  v["title"] = title + " – " + ctx.t("edit_brand");
  v["heading"] = title;
  v["t"] = ctx.assets.messages.catalog(ctx.lang);
  v["assets"] = {{"css", ctx.assets.assets.static_url("site.css")},
                 {"edit_css", ctx.assets.assets.static_url("edit.css")}};
  if (ctx.session) {
    const User& u = ctx.session->user;
    v["user"] = {{"name", u.name}, {"role", role_label(ctx, u.role)}};
    v["csrf"] = ctx.session->csrf_token;
    json categories = json::array();
    for (const Category& c : ctx.catalogue->categories) {
      const Methodology* m = c.latest_methodology();
      categories.push_back({{"href", "/edit/c/" + c.id}, {"name", m ? m->name.get(ctx.lang) : c.id}});
    }
    v["nav"] = {{"categories", categories},
                {"drafts", "/edit/drafts"},
                {"corrections", "/edit/corrections"},
                {"audit", "/edit/audit"}};
  }
  return v;
}

void private_headers(web::Response& response) {
  response.set_header("cache-control", "no-store");
  web::with_security_headers(response);
}

web::Response render(const Ctx& ctx, std::string_view name, json view, int status) {
  auto body = ctx.assets.templates.render(name, view);
  if (!body) {
    web::Response r{500, {{"content-type", "text/plain; charset=utf-8"}}, "500 Internal Server Error\n"};
    private_headers(r);
    return r;
  }
  view["content"] = std::move(*body);
  auto page = ctx.assets.templates.render("edit_layout", view);
  if (!page) {
    web::Response r{500, {{"content-type", "text/plain; charset=utf-8"}}, "500 Internal Server Error\n"};
    private_headers(r);
    return r;
  }
  web::Response r = web::html_response(std::move(*page), lang_code(ctx.lang), status);
  private_headers(r);
  return r;
}

web::Response message_page(const Ctx& ctx, int status, const std::string& title, const std::string& message,
                           const std::string& hint) {
  json v = frame_view(ctx, title);
  v["message"] = message;
  v["hint"] = hint;
  v["back"] = ctx.session ? "/edit" : "";
  return render(ctx, "edit_message", v, status);
}

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid: return 400;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::internal: return 500;
  }
  return 500;
}

web::Response error_page(const Ctx& ctx, const Error& error) {
  const int status = status_for(error.kind);
  const std::string title = ctx.t(status == 403   ? "edit_forbidden_title"
                                  : status == 404 ? "edit_not_found_title"
                                  : status == 409 ? "edit_conflict_title"
                                                  : "edit_error_title");
  if (error.kind == ErrorKind::internal) {
    // The details go to the log, not to the page.
    std::fprintf(stderr, "privascore: error: editor: %s\n", error.to_string().c_str());
    return message_page(ctx, status, title, ctx.t("edit_internal_error"));
  }
  return message_page(ctx, status, title, error.message, error.hint);
}

web::Response store_error_page(const Ctx& ctx, const Error& error) {
  return error_page(ctx, Error{error.message, error.hint, ErrorKind::internal});
}

web::Response see_other(const std::string& location) {
  web::Response r{
      303, {{"location", location}, {"content-type", "text/plain; charset=utf-8"}}, "See " + location + "\n"};
  private_headers(r);
  return r;
}

std::string display_time(const Ctx& ctx, const std::string& iso) {
  // "2024-10-29T13:45:07Z"
  if (iso.size() < 16) return iso;
  const std::string date = iso.substr(0, 10);
  const std::string time = iso.substr(11, 5);
  if (ctx.lang == Lang::de)
    return date.substr(8, 2) + "." + date.substr(5, 2) + "." + date.substr(0, 4) + " " + time + " UTC";
  return date + " " + time + " UTC";
}

json level_options(const Ctx& ctx, const Methodology& m, const std::string& selected) {
  json out = json::array();
  for (const Level& l : m.levels) {
    out.push_back({{"id", l.id}, {"label", l.symbol + " " + l.label.get(ctx.lang)}, {"selected", l.id == selected}});
  }
  out.push_back({{"id", Rating::k_unknown},
                 {"label", "? " + ctx.t("level_unknown")},
                 {"selected", selected == Rating::k_unknown}});
  return out;
}

json rating_view(const Ctx& ctx, const Methodology& m, const Rating& r) {
  const web::PageEnv env = ctx.page_env();
  json evidence = json::array();
  for (const Evidence& e : r.evidence) {
    json link = web::external_link(e.url, e.title.empty() ? e.url : e.title);
    evidence.push_back({{"url", e.url},
                        {"title", e.title},
                        {"href", link.value("href", "")},
                        {"quote", e.quote},
                        {"retrieved", e.retrieved ? e.retrieved->to_string() : ""}});
  }
  return {{"level", web::level_view(env, m.level(r.level), r.unknown())},
          {"status", ctx.t(r.status == RatingStatus::sourced ? "status_sourced" : "status_unverified")},
          {"justification_de", r.justification.de},
          {"justification_en", r.justification.en},
          {"evidence", evidence},
          {"has_evidence", !evidence.empty()}};
}

}  // namespace privascore::editor
