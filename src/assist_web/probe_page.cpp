#include "assist_web/probe_page.h"
#include <nlohmann/json.hpp>

#include <algorithm>

#include "web/assets.h"
#include "web/messages.h"
#include "web/query.h"
#include "web/responses.h"
#include "web/router.h"
#include "web/site.h"
#include "web/site_data.h"
#include "web/templates.h"
#include "web/urls.h"
#include "web/view.h"

namespace privascore::assist {

using nlohmann::json;

long RateLimiter::acquire(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(m_mutex);
  if (now - m_last_prune > m_window) {
    for (auto it = m_hits.begin(); it != m_hits.end();) {
      while (!it->second.empty() && now - it->second.front() >= m_window) it->second.pop_front();
      it = it->second.empty() ? m_hits.erase(it) : std::next(it);
    }
    m_last_prune = now;
  }
  auto& hits = m_hits[key];
  while (!hits.empty() && now - hits.front() >= m_window) hits.pop_front();
  if (static_cast<int>(hits.size()) >= m_limit) {
    auto wait = std::chrono::duration_cast<std::chrono::seconds>(hits.front() + m_window - now).count();
    return std::max<long>(1, static_cast<long>(wait));
  }
  hits.push_back(now);
  return 0;
}

Result<ProbeReport> probe_for_web(const std::string& url, const std::string& client_key, RateLimiter& per_client,
                                  RateLimiter& total, const HttpClient& client, const ProbeOptions& options) {
  if (!client.options().public_only) return fail("the web probe needs a client that refuses non-public addresses");
  auto parsed = parse_url(url);
  if (!parsed) return tl::unexpected(parsed.error());
  if (long wait = per_client.acquire(client_key); wait > 0)
    return fail("rate limited: wait " + std::to_string(wait) + " s", std::to_string(wait));
  if (long wait = total.acquire("*"); wait > 0)
    return fail("rate limited: wait " + std::to_string(wait) + " s", std::to_string(wait));
  return probe_instance(parsed->to_string(), client, options);
}

namespace {

std::string path_for(Lang lang) {
  return web::probe_path(lang);
}

json report_view(const ProbeReport& r, const web::Messages& messages, Lang lang) {
  auto w = [&](const char* key) { return messages.get(lang, std::string("probe_") + key); };
  json features = json::array();
  for (const auto& [id, name] : probe_features()) {
    json observations = json::array();
    for (const auto& o : r.observations)
      if (o.feature == id) observations.push_back({{"setting", o.setting}, {"value", o.value}, {"meaning", o.meaning}});
    json f = {{"name", name}, {"observations", observations}, {"has_observations", !observations.empty()}};
    for (const auto& s : r.suggestions) {
      if (s.feature != id) continue;
      const std::string css = s.level.empty() ? "none" : s.level;
      const std::string symbol = s.level == "green" ? "●" : s.level == "yellow" ? "◐" : s.level == "red" ? "○" : "–";
      f["suggestion"] = {{"css", css},
                         {"symbol", symbol},
                         {"level", s.level.empty() ? w("evidence_only") : s.level},
                         {"confidence", to_string(s.confidence)},
                         {"summary", s.summary}};
      break;
    }
    features.push_back(std::move(f));
  }
  json hosts = json::array();
  for (const auto& h : r.hosts)
    hosts.push_back({{"host", h.host},
                     {"how", h.link_only ? w("link") : w("contacted")},
                     {"site", h.same_site ? w("same_site") : w("other_site")},
                     {"service", h.service.empty() ? h.kind : h.service + " (" + h.kind + ")"}});
  return {{"platform", platform_name(r.platform)},
          {"version", r.version},
          {"base", r.base},
          {"features", features},
          {"hosts", hosts},
          {"has_hosts", !hosts.empty()},
          {"notes", r.notes},
          {"has_notes", !r.notes.empty()},
          {"caveats", r.caveats},
          {"attributions", r.attributions}};
}

std::string peer_address(const web::Request& request, const std::vector<std::string>& trusted) {
  if (std::find(trusted.begin(), trusted.end(), request.client) == trusted.end()) return request.client;
  const std::string& forwarded = request.header("x-forwarded-for");
  if (forwarded.empty()) return request.client;
  std::string last =
      forwarded.substr(forwarded.find_last_of(',') == std::string::npos ? 0 : forwarded.find_last_of(',') + 1);
  last.erase(0, last.find_first_not_of(' '));
  return last.empty() ? request.client : last;
}

}  // namespace

struct ProbePage::State {
  std::shared_ptr<const web::Site> site;
  ProbePageOptions options;
  web::Assets assets;
  web::Messages messages;
  web::Templates templates;
  std::unique_ptr<HttpClient> client;
  mutable RateLimiter per_client;
  mutable RateLimiter total;
  mutable std::mutex data_mutex;
  mutable std::shared_ptr<const Catalogue> data_for;
  mutable std::shared_ptr<const web::SiteData> data;

  State(std::shared_ptr<const web::Site> s, ProbePageOptions o, web::Assets a, web::Messages m, web::Templates t)
      : site(std::move(s)),
        options(std::move(o)),
        assets(std::move(a)),
        messages(std::move(m)),
        templates(std::move(t)),
        per_client(options.per_client_per_minute),
        total(options.total_per_minute) {
    options.http.public_only = true;
    options.http.name_refused_addresses = false;
    client = std::make_unique<HttpClient>(options.http);
  }

  std::shared_ptr<const web::SiteData> site_data() const {
    auto catalogue = site->catalogue();
    std::lock_guard lock(data_mutex);
    if (!data || data_for != catalogue) {
      data = std::make_shared<const web::SiteData>(catalogue);
      data_for = catalogue;
    }
    return data;
  }
};

ProbePage::ProbePage(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ProbePage::~ProbePage() = default;

Result<std::shared_ptr<ProbePage>> ProbePage::create(std::shared_ptr<const web::Site> site, ProbePageOptions options) {
  const auto& config = site->config();
  web::Assets assets = web::Assets::embedded();
  if (!config.web_dir.empty()) {
    auto dir = web::Assets::from_directory(config.web_dir);
    if (!dir) return tl::unexpected(dir.error());
    assets = std::move(*dir);
  }
  auto messages = web::Messages::load(assets);
  if (!messages) return tl::unexpected(messages.error());
  auto templates = web::Templates::load(assets);
  if (!templates) return tl::unexpected(templates.error());
  if (!templates->has("probe")) return fail("the web assets have no templates/probe.mustache");
  return std::make_shared<ProbePage>(std::make_unique<State>(std::move(site), std::move(options), std::move(assets),
                                                             std::move(*messages), std::move(*templates)));
}

web::Response ProbePage::handle(const web::Request& request) const {
  const State& s = *m_state;
  const Lang lang = web::choose_language(request);
  auto w = [&](const char* key) { return s.messages.get(lang, std::string("probe_") + key); };
  if (request.method != "GET" && request.method != "HEAD" && request.method != "POST") {
    web::Response r = web::method_not_allowed(false);
    r.set_header("allow", "GET, HEAD, POST");
    return r;
  }
  // The address: ?url=… or a form body url=….
  std::string url;
  if (auto q = web::parse_query(request.query)) url = q->get("url").value_or("");
  if (request.method == "POST") {
    if (request.body.size() > 4096)
      return web::Response{413, {{"content-type", "text/plain; charset=utf-8"}}, "413 Payload Too Large\n"};
    if (auto form = web::parse_query(request.body)) url = form->get("url").value_or(url);
  }
  if (url.size() > 2048) url.resize(2048);

  json page = {
      {"heading", w("heading")}, {"intro", w("intro")},      {"label", w("label")}, {"hint", w("hint")},
      {"button", w("button")},   {"action", path_for(lang)}, {"url", url},          {"not_ratings", w("not_ratings")}};
  int status = 200;
  long retry_after = 0;
  if (!url.empty() && request.method != "HEAD") {
    ProbeOptions po;
    po.total_timeout = s.options.probe_timeout;
    po.max_requests = 12;
    auto report =
        probe_for_web(url, peer_address(request, s.options.trusted_proxies), s.per_client, s.total, *s.client, po);
    if (report) {
      json view = report_view(*report, s.messages, lang);
      view["heading"] = w("report_heading");
      // The report itself is written in English; a page in another language says so.
      view["english_note"] = lang == Lang::en ? std::string() : w("english_note");
      view["platform_label"] = w("platform");
      view["suggestion_label"] = w("suggestion");
      view["confidence_label"] = w("confidence");
      view["hosts_heading"] = w("hosts_heading");
      view["nothing"] = w("nothing");
      view["notes_heading"] = w("notes");
      page["report"] = view;
    } else if (report.error().message.rfind("rate limited", 0) == 0) {
      retry_after = std::stol(report.error().hint);
      page["error"] = s.messages.format(lang, "probe_rate_limited", {{"seconds", std::to_string(retry_after)}});
      status = 429;
    } else {
      page["error"] = s.messages.format(lang, "probe_failed", {{"reason", report.error().message}});
      status = 200;
    }
  }
  auto data = s.site_data();
  const web::PageEnv env{*data, s.site->config(), s.assets, s.messages, s.templates, lang};
  web::Frame frame;
  frame.title = w("heading");
  frame.path = path_for(lang);
  frame.alternate_path = path_for(lang == Lang::de ? Lang::en : Lang::de);
  frame.crumbs = {{w("heading"), ""}};
  json view = web::page_view(env, frame);
  view["probe"] = page;
  web::Response r = web::render_page(env, "probe", view, status);
  r.set_header("cache-control", "no-store");
  if (retry_after > 0) r.set_header("retry-after", std::to_string(retry_after));
  web::with_security_headers(r);
  return r;
}

std::vector<web::Route> routes(std::shared_ptr<ProbePage> page) {
  web::RouteHandler handler = [page = std::move(page)](const web::Request& request,
                                                       const web::RouteMatch&) -> web::Response {
    try {
      return page->handle(request);  // a method other than GET, HEAD, POST: its own 405
    } catch (const std::exception&) {
      // The edge: a bug becomes a 500 page, not a dead server.
      return web::Response{500, {{"content-type", "text/plain; charset=utf-8"}}, "500 Internal Server Error\n"};
    }
  };
  // Slow: the probe waits for another server.
  return {web::Route{web::k_get | web::k_post, "/:lang/{probe}", "probe", 0, std::move(handler)}};
}

}  // namespace privascore::assist
