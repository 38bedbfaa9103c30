// The audit trail (page and JSON export) and the queue of readers' reports.
#include <nlohmann/json.hpp>
#include "editor/audit.h"
#include "editor/corrections.h"
#include "editor_web/editor_pages.h"
#include "web/responses.h"

namespace privascore::editor {

using nlohmann::json;

namespace {

constexpr std::size_t k_audit_page_limit = 500;

// One line per value, "path: text", strings as written (the JSON export
// keeps the exact structure): the people who read the trail are editors.
void flatten(const json& value, const std::string& path, std::string& out) {
  if (value.is_object()) {
    if (value.empty()) out += path + ": {}\n";
    for (const auto& [key, item] : value.items()) flatten(item, path.empty() ? key : path + "." + key, out);
  } else if (value.is_array()) {
    if (value.empty()) out += path + ": []\n";
    for (std::size_t i = 0; i < value.size(); ++i) flatten(value[i], path + "[" + std::to_string(i + 1) + "]", out);
  } else {
    const std::string text =
        value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, json::error_handler_t::replace);
    out += (path.empty() ? std::string() : path + ": ") + text + "\n";
  }
}

std::string pretty(const std::optional<json>& value) {
  if (!value) return {};
  std::string out;
  flatten(*value, "", out);
  return out;
}

AuditFilter filter_of(const Ctx& ctx) {
  AuditFilter filter;
  filter.category = ctx.query.get("category");
  filter.service = ctx.query.get("service");
  return filter;
}

std::string service_name(const Ctx& ctx, const std::string& category, const std::string& service) {
  if (const Category* c = ctx.catalogue->category(category)) {
    for (auto it = c->editions.rbegin(); it != c->editions.rend(); ++it)
      if (const Assessment* a = it->assessment(service)) return a->name;
  }
  return service;
}

}  // namespace

web::Response page_audit(Ctx& ctx) {
  AuditFilter filter = filter_of(ctx);
  filter.limit = k_audit_page_limit;
  auto events = audit_events(ctx.db, filter);
  if (!events) return store_error_page(ctx, events.error());
  json v = frame_view(ctx, ctx.t("edit_audit_title"));
  json rows = json::array();
  for (const AuditEvent& e : *events) {
    rows.push_back({{"id", e.id},
                    {"at", display_time(ctx, e.at)},
                    {"actor", e.actor},
                    {"action", e.action},
                    {"category", e.category},
                    {"service", e.service},
                    {"service_href", e.service.empty() ? "" : "/edit/audit?service=" + e.service},
                    {"subject", e.subject},
                    {"reason", e.reason},
                    {"before", pretty(e.before)},
                    {"after", pretty(e.after)},
                    {"has_details", e.before.has_value() || e.after.has_value()}});
  }
  v["events"] = rows;
  v["has_events"] = !rows.empty();
  v["service"] = filter.service;
  v["category"] = filter.category;
  v["filtered"] = !filter.service.empty() || !filter.category.empty();
  v["limited"] = events->size() == k_audit_page_limit;
  v["json_href"] = "/edit/audit.json" + (ctx.request.query.empty() ? std::string() : "?" + ctx.request.query);
  return render(ctx, "edit_audit", v);
}

web::Response audit_json_export(Ctx& ctx) {
  auto events = audit_events(ctx.db, filter_of(ctx));
  if (!events) return store_error_page(ctx, events.error());
  web::Response r = web::json_response(audit_json(*events).dump(2, ' ', false, json::error_handler_t::replace));
  // The audit trail is private: not the public API's open CORS.
  std::erase_if(r.headers, [](const auto& h) { return h.first.rfind("access-control-", 0) == 0; });
  r.set_header("content-disposition", "inline; filename=\"audit.json\"");
  return r;
}

web::Response page_corrections(Ctx& ctx) {
  CorrectionFilter filter;
  if (ctx.query.get("status") != "all") filter.statuses = {CorrectionStatus::open};
  filter.service = ctx.query.get("service");
  auto reports = list_corrections(ctx.db, filter);
  if (!reports) return error_page(ctx, reports.error());
  json v = frame_view(ctx, ctx.t("edit_corrections_title"));
  json rows = json::array();
  for (const Correction& c : *reports) {
    const Category* category = ctx.catalogue->category(c.category);
    const Methodology* m = category ? category->latest_methodology() : nullptr;
    const Feature* f = m && !c.feature.empty() ? m->feature(c.feature) : nullptr;
    rows.push_back({{"id", c.id},
                    {"action", "/edit/corrections/" + std::to_string(c.id)},
                    {"received", display_time(ctx, c.received_at)},
                    {"lang", lang_code(c.lang)},
                    {"category", m ? m->name.get(ctx.lang) : c.category},
                    {"service", service_name(ctx, c.category, c.service)},
                    {"service_href", "/edit/c/" + c.category + "/s/" + c.service},
                    {"feature", f ? f->name.get(ctx.lang) : c.feature},
                    {"message", c.message},
                    {"contact", c.contact.value_or("")},
                    {"status", ctx.t(std::string("edit_report_status_") + to_string(c.status))},
                    {"open", c.status == CorrectionStatus::open},
                    {"answer", c.answer},
                    {"answered_by", c.answered_by},
                    {"answered", display_time(ctx, c.answered_at)},
                    {"accepted", c.status == CorrectionStatus::accepted},
                    {"declined", c.status == CorrectionStatus::declined},
                    {"spam", c.status == CorrectionStatus::spam},
                    {"show_message", c.show_message}});
  }
  v["reports"] = rows;
  v["has_reports"] = !rows.empty();
  v["all"] = ctx.query.get("status") == "all";
  return render(ctx, "edit_corrections", v);
}

web::Response do_answer(Ctx& ctx) {
  const std::string& id_text = ctx.param("id");
  if (id_text.empty() || id_text.size() > 12 || id_text.find_first_not_of("0123456789") != std::string::npos) {
    return message_page(ctx, 404, ctx.t("edit_not_found_title"), ctx.t("edit_not_found"));
  }
  Answer answer;
  auto status = parse_correction_status(ctx.form.get("status"));
  if (!status) return message_page(ctx, 400, ctx.t("edit_error_title"), ctx.t("edit_error_report_status"));
  answer.status = *status;
  for (char c : ctx.form.get("answer"))
    if (c != '\r') answer.text += c;
  answer.show_message = ctx.form.get("show_message") == "1";
  answer.erase_contact = ctx.form.get("erase_contact") == "1";
  auto answered = answer_report(ctx.db, std::stoll(id_text), answer, ctx.user(), ctx.clock);
  if (!answered) return error_page(ctx, answered.error());
  return see_other("/edit/corrections");
}

}  // namespace privascore::editor
