// The public side of readers' reports: the form's POST target and the
// public list of handled reports per category. Neither sets a cookie; the
// POST is protected by the Origin check (in the dispatcher), a honeypot
// field, a rate limit per client and overall, and size limits.
#include <nlohmann/json.hpp>
#include "editor/corrections.h"
#include "editor_web/editor_pages.h"
#include "editor_web/request_origin.h"
#include "web/pages.h"
#include "web/responses.h"
#include "web/urls.h"

namespace privascore::editor {

using nlohmann::json;

namespace {

using web::reports_path;

web::Response public_page(Ctx& ctx, std::string_view name, const web::Frame& frame, json extra, int status) {
  const web::PageEnv env = ctx.page_env();
  json v = web::page_view(env, frame);
  v.update(extra);
  web::Response r = web::render_page(env, name, v, status);
  r.set_header("cache-control", "no-store");
  web::with_security_headers(r);
  return r;
}

// The form again, with what the reader wrote and why it was not accepted.
web::Response report_problem_page(Ctx& ctx, const web::CategoryView* c, const std::string& service_name, int status,
                                  const std::string& problem) {
  web::Frame frame;
  frame.title = ctx.t("report_title");
  frame.path = ctx.request.path;
  frame.alternate_path = web::report_path(ctx.lang == Lang::de ? Lang::en : Lang::de);
  json report = {{"action", ctx.request.path},         {"category", ctx.form.get("category")},
                 {"service", ctx.form.get("service")}, {"message", ctx.form.get("message")},
                 {"contact", ctx.form.get("contact")}, {"error", problem}};
  json features = json::array();
  if (c) {
    for (const Feature& f : c->methodology->features) {
      features.push_back({{"id", f.id}, {"name", f.name.get(ctx.lang)}, {"selected", f.id == ctx.form.get("feature")}});
    }
  }
  report["features"] = features;
  return public_page(ctx, "report_form_page", frame,
                     {{"report", report}, {"service_name", service_name}, {"problem", problem}}, status);
}

}  // namespace

web::Response do_public_report(Ctx& ctx) {
  const std::string client = client_address(ctx.request, ctx.config);
  const web::CategoryView* c = ctx.site_data->by_id(ctx.form.get("category"));
  const std::string& service_id = ctx.form.get("service");
  const Assessment* service = nullptr;
  if (c && c->latest()) {
    if (const ServiceScore* s = c->latest()->service(service_id)) service = s->assessment;
  }
  const std::string service_name = service ? service->name : std::string();
  std::int64_t wait = ctx.report_limiter.acquire(client);
  if (wait == 0) wait = ctx.report_total.acquire("*");
  if (wait > 0) {
    web::Response r = report_problem_page(
        ctx, c, service_name, 429, ctx.f("report_rate_limited", {{"minutes", std::to_string((wait + 59) / 60)}}));
    r.set_header("retry-after", std::to_string(wait));
    return r;
  }
  // The honeypot: a field people do not see and bots fill in. Answer as if
  // the report had been taken, so the bot learns nothing.
  const bool honeypot = !ctx.form.get("website").empty();
  if (!c || !service) return report_problem_page(ctx, c, service_name, 400, ctx.t("report_error_service"));
  ReportInput input;
  input.lang = ctx.lang;
  input.category = c->category->id;
  input.service = service->id;
  input.feature = ctx.form.get("feature");
  if (!input.feature.empty() && !c->methodology->feature(input.feature)) input.feature.clear();
  for (char ch : ctx.form.get("message"))
    if (ch != '\r') input.message += ch;
  input.contact = ctx.form.get("contact");
  if (auto problem = report_problem(input); !problem.empty()) {
    return report_problem_page(ctx, c, service_name, 400, ctx.f("report_error_invalid", {{"problem", problem}}));
  }
  if (!honeypot) {
    auto stored = submit_report(ctx.db, input, ctx.clock);
    if (!stored) {
      if (stored.error().kind == ErrorKind::internal)
        std::fprintf(stderr, "privascore: error: editor: %s\n", stored.error().to_string().c_str());
      return report_problem_page(ctx, c, service_name, status_for(stored.error().kind), ctx.t("report_error_store"));
    }
  }
  web::Response r = see_other(reports_path(ctx.lang, *c) + "?received=1");
  return r;
}

web::Response page_public_reports(Ctx& ctx) {
  bool canonical = true;
  const web::CategoryView* c = ctx.site_data->by_slug(ctx.lang, ctx.param("category"), &canonical);
  if (!c) {
    const web::PageEnv env = ctx.page_env();
    web::Response r = web::not_found_page(env, ctx.request.path);
    web::with_security_headers(r);
    return r;
  }
  if (!canonical) {
    web::Response r = web::redirect_response(reports_path(ctx.lang, *c), true);
    web::with_security_headers(r);
    return r;
  }
  CorrectionFilter filter{
      c->category->id, ctx.query.get("service"), {CorrectionStatus::accepted, CorrectionStatus::declined}};
  auto handled = list_corrections(ctx.db, filter);
  if (!handled) return error_page(ctx, handled.error());
  auto open = list_corrections(ctx.db, CorrectionFilter{c->category->id, "", {CorrectionStatus::open}});
  if (!open) return error_page(ctx, open.error());
  const web::PageEnv env = ctx.page_env();
  json rows = json::array();
  for (const Correction& r : *handled) {
    std::string service_name = r.service;
    std::string service_href;
    if (const ServiceScore* s = c->latest()->service(r.service)) {
      service_name = s->assessment->name;
      service_href = web::service_path(ctx.lang, *c, r.service);
    }
    const Feature* f = r.feature.empty() ? nullptr : c->methodology->feature(r.feature);
    rows.push_back({{"received", r.received_at.substr(0, 10)},
                    {"answered", r.answered_at.substr(0, 10)},
                    {"service", service_name},
                    {"service_href", service_href},
                    {"feature", f ? f->name.get(ctx.lang) : ""},
                    {"message", r.show_message ? r.message : ""},
                    {"message_hidden", !r.show_message},
                    {"outcome", ctx.t(std::string("report_outcome_") + to_string(r.status))},
                    {"outcome_css", to_string(r.status)},
                    {"answer", web::paragraphs(r.answer)}});
  }
  web::Frame frame;
  frame.title = ctx.f("reports_title", {{"category", c->name().get(ctx.lang)}});
  frame.path = reports_path(ctx.lang, *c);
  frame.alternate_path = reports_path(env.other(), *c);
  frame.category = c;
  frame.crumbs = {{c->name().get(ctx.lang), web::category_path(ctx.lang, *c)}, {ctx.t("reports_crumb"), frame.path}};
  json extra = {{"reports", rows},
                {"has_reports", !rows.empty()},
                {"received", ctx.query.get("received") == "1"},
                {"open_text", ctx.f("reports_open", {{"count", std::to_string(open->size())}})},
                {"heading", frame.title}};
  return public_page(ctx, "reports", frame, extra, 200);
}

}  // namespace privascore::editor
