#include "assist/http_client.h"

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <set>

#include "assist/address_policy.h"
#include "assist/suggestion.h"
#include "util/text.h"

namespace privascore::assist {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string to_std(beast::string_view s) {
  return std::string(s.data(), s.size());
}

struct Outcome {
  beast::error_code ec;
  std::string stage;  // what was being done when ec happened
  std::string peer;
  long verify_result = X509_V_OK;
  bool done = false;
};

using Parser = http::response_parser<http::string_body>;

template <class Stream>
asio::awaitable<void> exchange(Stream& stream, http::request<http::empty_body>& request, Parser& parser,
                               Clock::time_point deadline, std::uint64_t max_body, Outcome& out) {
  beast::get_lowest_layer(stream).expires_at(deadline);
  out.stage = "sending the request";
  co_await http::async_write(stream, request, asio::redirect_error(asio::use_awaitable, out.ec));
  if (out.ec) co_return;
  beast::flat_buffer buffer;
  out.stage = "reading the response";
  // Header first: Beast 1.74 skips its own Content-Length check against the
  // body limit when the header and the start of the body arrive together.
  co_await http::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, out.ec));
  if (out.ec) co_return;
  if (auto length = parser.content_length(); length && *length > max_body) {
    out.ec = http::error::body_limit;
    co_return;
  }
  co_await http::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, out.ec));
  if (out.ec) co_return;
  out.done = true;
}

asio::awaitable<void> run(asio::ssl::context* ssl, const Url& url, std::vector<tcp::endpoint> endpoints,
                          http::request<http::empty_body>& request, Parser& parser, Clock::time_point deadline,
                          std::uint64_t max_body, Outcome& out) {
  auto executor = co_await asio::this_coro::executor;
  beast::tcp_stream tcp_stream(executor);
  tcp_stream.expires_at(deadline);
  out.stage = "connecting";
  tcp::endpoint connected =
      co_await tcp_stream.async_connect(endpoints, asio::redirect_error(asio::use_awaitable, out.ec));
  if (out.ec) co_return;
  out.peer = connected.address().to_string();
  if (!url.https()) {
    co_await exchange(tcp_stream, request, parser, deadline, max_body, out);
    co_return;
  }
  beast::ssl_stream<beast::tcp_stream> tls(std::move(tcp_stream), *ssl);
  // SNI for names; OpenSSL's own name or address check (so a mismatch gets a
  // precise verify result), and Asio's host_name_verification on top.
  if (is_ip_literal(url.host)) {
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(tls.native_handle()), url.host.c_str());
  } else {
    SSL_set_tlsext_host_name(tls.native_handle(), url.host.c_str());
    SSL_set1_host(tls.native_handle(), url.host.c_str());
  }
  tls.set_verify_mode(asio::ssl::verify_peer);
  tls.set_verify_callback(asio::ssl::host_name_verification(url.host));
  out.stage = "the TLS handshake";
  beast::get_lowest_layer(tls).expires_at(deadline);
  co_await tls.async_handshake(asio::ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, out.ec));
  if (out.ec) {
    out.verify_result = SSL_get_verify_result(tls.native_handle());
    co_return;
  }
  co_await exchange(tls, request, parser, deadline, max_body, out);
}

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

}  // namespace

struct HttpClient::Impl {
  asio::ssl::context ssl{asio::ssl::context::tls_client};
  std::string ssl_setup_error;
};

const std::string& HttpResponse::header(const std::string& name) const {
  static const std::string k_empty;
  for (const auto& [n, v] : headers)
    if (n == name) return v;
  return k_empty;
}

HttpClient::HttpClient(HttpOptions options) : m_options(std::move(options)), m_impl(std::make_unique<Impl>()) {
  if (!m_options.resolver) m_options.resolver = system_resolver();
  beast::error_code ec;
  m_impl->ssl.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                              asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                              asio::ssl::context::no_tlsv1_1,
                          ec);
  if (m_options.ca_file.empty())
    m_impl->ssl.set_default_verify_paths(ec);
  else
    m_impl->ssl.load_verify_file(m_options.ca_file, ec);
  if (ec)
    m_impl->ssl_setup_error = "cannot load the trusted certificates" +
                              (m_options.ca_file.empty() ? std::string() : " from " + m_options.ca_file) + ": " +
                              ec.message();
  m_impl->ssl.set_verify_mode(asio::ssl::verify_peer);
}

HttpClient::~HttpClient() = default;

Result<HttpResponse> HttpClient::fetch_once(const Url& url, const Headers& headers, Clock::time_point deadline) const {
  const auto now = Clock::now();
  deadline = std::min(deadline, now + m_options.limits.request_timeout);
  if (now >= deadline)
    return fail("time-out before requesting " + url.to_string(), "the probe's time budget is used up");
  if (url.https() && !m_impl->ssl_setup_error.empty()) return fail(m_impl->ssl_setup_error);

  const bool generic = m_options.public_only && !m_options.name_refused_addresses;
  auto refused = [&] {
    return fail(
        "`" + url.host + "` cannot be probed from here: it has no public internet address, or not only public ones",
        "only hosts on the public internet can be probed here");
  };
  auto addresses = m_options.resolver->addresses(url.host);
  if (!addresses) return generic ? refused() : tl::unexpected(addresses.error());
  std::vector<tcp::endpoint> endpoints;
  for (const auto& a : *addresses) {
    if (m_options.public_only) {
      if (generic && non_public_range(a)) return refused();
      if (auto range = non_public_range(a))
        return fail("refused to connect to `" + url.host + "`: it resolves to " + a + ", a " + *range + " address",
                    "only public internet addresses can be probed from here");
    }
    beast::error_code ec;
    auto address = asio::ip::make_address(a, ec);
    if (!ec) endpoints.emplace_back(address, url.port);
  }
  if (endpoints.empty()) return fail("`" + url.host + "` has no usable address");

  http::request<http::empty_body> request{http::verb::get, url.target, 11};
  request.set(http::field::host, url.authority());
  request.set(http::field::user_agent, m_options.user_agent);
  request.set(http::field::accept, "*/*");
  request.set(http::field::accept_encoding, "identity");
  request.set(http::field::connection, "close");
  for (const auto& [name, value] : headers) request.set(name, value);

  Parser parser;
  parser.body_limit(m_options.limits.max_body_bytes);
  parser.header_limit(static_cast<std::uint32_t>(m_options.limits.max_header_bytes));
  Outcome out;
  asio::io_context ioc;
  asio::co_spawn(
      ioc,
      run(&m_impl->ssl, url, std::move(endpoints), request, parser, deadline, m_options.limits.max_body_bytes, out),
      asio::detached);
  ioc.run();

  const std::string where = url.to_string();
  if (!out.done) {
    const auto& ec = out.ec;
    if (ec == beast::error::timeout || ec == asio::error::operation_aborted)
      return fail("time-out while " + out.stage + " (" + where + ")",
                  "the server answered too slowly; limit " + std::to_string(m_options.limits.request_timeout.count()) +
                      " ms per request");
    if (ec == http::error::body_limit)
      return fail("response from " + where + " is larger than " + std::to_string(m_options.limits.max_body_bytes) +
                  " bytes; not read");
    if (ec == http::error::header_limit)
      return fail("response headers from " + where + " are larger than " +
                  std::to_string(m_options.limits.max_header_bytes) + " bytes; not read");
    if (out.stage == "the TLS handshake") {
      if (out.verify_result == X509_V_ERR_HOSTNAME_MISMATCH || out.verify_result == X509_V_ERR_IP_ADDRESS_MISMATCH ||
          out.verify_result == X509_V_ERR_UNSPECIFIED)
        return fail("TLS certificate of `" + url.host + "` does not match that host name",
                    "the certificate must name the host that was asked for");
      if (out.verify_result != X509_V_OK)
        return fail(
            "TLS certificate of `" + url.host + "` not accepted: " + X509_verify_cert_error_string(out.verify_result),
            "the certificate must be valid and issued by a trusted authority");
      if (ec.category() == asio::error::get_ssl_category() &&
          ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == SSL_R_CERTIFICATE_VERIFY_FAILED)
        return fail("TLS certificate of `" + url.host + "` does not match that host name",
                    "the certificate must name the host that was asked for");
      return fail("TLS handshake with `" + url.host + "` failed: " + ec.message());
    }
    if (ec == http::error::partial_message || ec == http::error::end_of_stream || ec == asio::error::eof)
      return fail("connection to " + where + " closed before the response was complete");
    return fail("error while " + out.stage + " (" + where + "): " + ec.message());
  }
  const auto& message = parser.get();
  HttpResponse response;
  response.status = message.result_int();
  for (const auto& field : message)
    response.headers.emplace_back(lower(to_std(field.name_string())), to_std(field.value()));
  response.body = message.body();
  response.url = where;
  response.peer = out.peer;
  response.retrieved = utc_now();
  return response;
}

Result<HttpResponse> HttpClient::get(const std::string& url_text, const Headers& headers,
                                     Clock::time_point deadline) const {
  auto url = parse_url(url_text);
  if (!url) return tl::unexpected(url.error());
  std::vector<std::string> chain;
  std::set<std::string> seen{url->to_string()};
  for (int hops = 0;; ++hops) {
    auto response = fetch_once(*url, headers, deadline);
    if (!response) return response;
    const std::string& location = response->header("location");
    if (!is_redirect(response->status) || location.empty()) {
      response->redirects = chain;
      return response;
    }
    if (hops >= m_options.limits.max_redirects)
      return fail("more than " + std::to_string(m_options.limits.max_redirects) + " redirects, starting at " +
                      (chain.empty() ? url->to_string() : chain.front()),
                  "give the final address of the instance");
    auto next = resolve_url(*url, location);
    if (!next) return fail("redirect from " + url->to_string() + " to an unusable address: " + next.error().message);
    if (url->https() && !next->https())
      return fail("redirect from https to http refused (" + url->to_string() + " -> " + next->to_string() + ")",
                  "a downgrade to plain http would expose the request");
    if (!seen.insert(next->to_string()).second)
      return fail("redirect loop: " + url->to_string() + " -> " + next->to_string());
    chain.push_back(url->to_string());
    url = std::move(next);
  }
}

}  // namespace privascore::assist
