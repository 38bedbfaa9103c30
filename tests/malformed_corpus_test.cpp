// A corpus of malformed and hostile requests against the real `privascore
// serve` on 127.0.0.1: request smuggling, obsolete line folding, NUL bytes,
// oversized parts, path traversal, invalid UTF-8 in path, query, headers
// and bodies, HTTP/0.9, the HTTP/2 preface and unknown transfer codings.
// Each case has the status it must get; none may get a 5xx other than 501
// (not implemented), and the server must log no error.
#include <gtest/gtest.h>

#include <signal.h>

#include <cstdio>

#include <string>
#include <vector>

#include "e2e_support.h"

namespace privascore {
namespace {

using test::Client;
using test::Reply;
using test::ServeProcess;

struct Case {
  std::string name;
  std::string request;
  int status;  // 0: the server closes without answering
};

std::string with_host(const std::string& line, const std::string& headers = {}, const std::string& body = {}) {
  return line + "\r\nHost: 127.0.0.1\r\n" + headers + "\r\n" + body;
}

std::vector<Case> corpus() {
  std::vector<Case> c;
  const std::string api = "/api/v1/categories";
  const std::string vc = api + "/video-conferencing";
  const std::string chunked = "5\r\nhello\r\n0\r\n\r\n";

  // Smuggling: framing two parsers could read differently.
  c.push_back({"te and cl",
               with_host("POST /en/ HTTP/1.1", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", chunked), 400});
  c.push_back({"cl and te",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", chunked), 400});
  c.push_back({"two different cl",
               with_host("POST /en/ HTTP/1.1", "Content-Length: 5\r\nContent-Length: 6\r\n", "hello!"), 400});
  c.push_back({"cl list", with_host("POST /en/ HTTP/1.1", "Content-Length: 5, 6\r\n", "hello!"), 400});
  c.push_back({"cl plus sign", with_host("POST /en/ HTTP/1.1", "Content-Length: +5\r\n", "hello"), 400});
  c.push_back({"cl negative", with_host("POST /en/ HTTP/1.1", "Content-Length: -5\r\n", "hello"), 400});
  c.push_back({"cl hex", with_host("POST /en/ HTTP/1.1", "Content-Length: 0x5\r\n", "hello"), 400});
  c.push_back({"cl letters", with_host("POST /en/ HTTP/1.1", "Content-Length: five\r\n", "hello"), 400});
  c.push_back(
      {"cl huge", with_host("POST /en/ HTTP/1.1", "Content-Length: 99999999999999999999999\r\n", "hello"), 400});
  c.push_back(
      {"cl over the body limit", with_host("POST /en/ HTTP/1.1", "Content-Length: 10000000\r\n", "hello"), 413});
  c.push_back(
      {"te chunked twice", with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked, chunked\r\n", chunked), 400});
  c.push_back({"te chunked then identity",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked, identity\r\n", chunked), 400});
  c.push_back({"te two headers",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", chunked),
               400});
  c.push_back({"te empty", with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: \r\n", chunked), 400});
  c.push_back({"te vertical tab",
               with_host("POST /en/ HTTP/1.1",
                         "Transfer-Encoding: \x0b"
                         "chunked\r\n",
                         chunked),
               400});
  c.push_back({"te in http/1.0", "POST /en/ HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked, 400});
  c.push_back({"te name with space", with_host("POST /en/ HTTP/1.1", "Transfer-Encoding : chunked\r\n", chunked), 400});
  c.push_back(
      {"chunk size overflow",
       with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n", "fffffffffffffffffffff\r\nx\r\n0\r\n\r\n"),
       400});
  c.push_back({"chunk size not hex",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n", "zz\r\nx\r\n0\r\n\r\n"), 400});
  c.push_back({"chunk size negative",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n", "-5\r\nhello\r\n0\r\n\r\n"), 400});
  c.push_back({"chunk size 0x",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n", "0x5\r\nhello\r\n0\r\n\r\n"), 400});
  c.push_back({"chunk too long for its size",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n", "2\r\nhello\r\n0\r\n\r\n"), 400});
  c.push_back(
      {"chunked body over the limit",
       with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n", "100000\r\n" + std::string(70000, 'a')), 413});
  c.push_back({"valid chunked post to a page",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n", chunked), 405});
  c.push_back({"valid cl post to a page", with_host("POST /en/ HTTP/1.1", "Content-Length: 5\r\n", "hello"), 405});

  // Obsolete line folding: RFC 9112 5.2 lets a server replace it by a space,
  // which the parser does; the folded value is then an ordinary value (and
  // "chunked folded" an unknown transfer-coding).
  for (const std::string header : {"X-A: a", "Accept-Language: de", "User-Agent: x"}) {
    c.push_back({"obs-fold space " + header,
                 "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n  folded\r\n\r\n", 200});
    c.push_back(
        {"obs-fold tab " + header, "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n\tfolded\r\n\r\n", 200});
  }
  c.push_back({"obs-fold space te",
               with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: chunked\r\n  folded\r\n", chunked), 400});
  c.push_back(
      {"obs-fold tab te", with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: gzip,\r\n\tchunked\r\n", chunked), 501});
  c.push_back(
      {"obs-fold content-length", with_host("POST /en/ HTTP/1.1", "Content-Length: 5\r\n 5\r\n", "hello"), 400});
  c.push_back({"obs-fold host", "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n  folded\r\n\r\n", 200});
  c.push_back({"fold as first header", "GET /en/ HTTP/1.1\r\n folded\r\nHost: 127.0.0.1\r\n\r\n", 400});

  // NUL and control bytes.
  const std::string nul(1, '\0');
  c.push_back({"nul in method", "GE" + nul + "T /en/ HTTP/1.1\r\nHost: x\r\n\r\n", 400});
  c.push_back({"nul in target", "GET /en/" + nul + " HTTP/1.1\r\nHost: x\r\n\r\n", 400});
  c.push_back({"escaped nul in path", with_host("GET /en/%00 HTTP/1.1"), 400});
  c.push_back({"escaped nul in api path", with_host("GET " + vc + "%00 HTTP/1.1"), 400});
  c.push_back({"nul in version", "GET /en/ HTTP/1.1" + nul + "\r\nHost: x\r\n\r\n", 400});
  c.push_back({"nul in header name", "GET /en/ HTTP/1.1\r\nHost: x\r\nX-" + nul + "A: b\r\n\r\n", 400});
  c.push_back({"nul in header value", "GET /en/ HTTP/1.1\r\nHost: x\r\nX-A: b" + nul + "c\r\n\r\n", 400});
  c.push_back({"nul in the query", with_host("GET " + api + "?lang=%00 HTTP/1.1"), 400});
  c.push_back({"nul in a body", with_host("POST /en/ HTTP/1.1", "Content-Length: 3\r\n", "a" + nul + "b"), 405});
  c.push_back({"escaped control in path", with_host("GET /en/%01 HTTP/1.1"), 400});
  c.push_back({"escaped del in path", with_host("GET /en/%7f HTTP/1.1"), 400});
  c.push_back({"bare cr in header", "GET /en/ HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", 400});
  c.push_back({"bare lf line ends", "GET /en/ HTTP/1.1\nHost: x\n\n", 400});
  c.push_back({"escaped cr lf in path", with_host("GET /en/%0d%0aSet-Cookie:x HTTP/1.1"), 400});

  // Oversized.
  c.push_back({"long header", with_host("GET /en/ HTTP/1.1", "X-A: " + std::string(9000, 'a') + "\r\n"), 431});
  c.push_back({"many headers",
               with_host("GET /en/ HTTP/1.1",
                         [] {
                           std::string h;
                           for (int i = 0; i < 1000; ++i) h += "X-" + std::to_string(i) + ": v\r\n";
                           return h;
                         }()),
               431});
  c.push_back({"long target", with_host("GET /en/" + std::string(9000, 'a') + " HTTP/1.1"), 431});
  c.push_back({"long query", with_host("GET " + api + "?lang=" + std::string(9000, 'a') + " HTTP/1.1"), 431});
  c.push_back({"long method", std::string(9000, 'G') + " /en/ HTTP/1.1\r\nHost: x\r\n\r\n", 431});
  c.push_back({"long header name", with_host("GET /en/ HTTP/1.1", std::string(9000, 'X') + ": a\r\n"), 431});
  c.push_back({"long cookie", with_host("GET /en/ HTTP/1.1", "Cookie: " + std::string(8500, 'c') + "\r\n"), 431});
  c.push_back({"body over limit on the api",
               with_host("POST " + api + " HTTP/1.1", "Content-Length: 70000\r\n", std::string(70000, 'a')), 413});
  c.push_back({"many query parameters",
               with_host("GET " + api + "?" +
                         [] {
                           std::string q;
                           for (int i = 0; i < 100; ++i) q += "w." + std::to_string(i) + "=1&";
                           return q;
                         }() +
                         " HTTP/1.1"),
               400});
  c.push_back({"long accept-language",
               with_host("GET /en/ HTTP/1.1", "Accept-Language: " + std::string(4000, 'd') + "\r\n"), 200});

  // Traversal.
  for (const std::string path : {"/../etc/passwd",
                                 "/en/../../etc/passwd",
                                 "/%2e%2e/etc/passwd",
                                 "/%2E%2E/etc/passwd",
                                 "/en/%2e%2e%2f%2e%2e%2fetc",
                                 "/static/..%2f..%2fetc%2fpasswd",
                                 "/.%2e/x",
                                 "/%2e/x",
                                 "/./en/",
                                 "/en/./",
                                 "/static/../../x",
                                 "/api/v1/../../etc/passwd",
                                 "/api/v1/categories/%2e%2e",
                                 "/en/..%2F",
                                 "/..",
                                 "/.",
                                 "/%2e",
                                 "/en/%5c..%5c..%5cetc",
                                 "/en/\\..\\etc",
                                 "/en/%c0%ae%c0%ae/etc",
                                 "/en/%e0%80%ae%e0%80%ae/etc"})
    c.push_back({"traversal " + path, with_host("GET " + path + " HTTP/1.1"), 400});
  c.push_back({"double-encoded dots are only text", with_host("GET /en/%252e%252e/etc HTTP/1.1"), 404});
  c.push_back({"absolute path target to another host", with_host("GET http://evil.example/../etc HTTP/1.1"), 400});
  c.push_back({"no leading slash", with_host("GET en/ HTTP/1.1"), 400});
  c.push_back({"asterisk for get", with_host("GET * HTTP/1.1"), 400});
  c.push_back({"fragment", with_host("GET /en/#x HTTP/1.1"), 400});
  c.push_back({"bad escape in path", with_host("GET /en/%zz HTTP/1.1"), 400});
  c.push_back({"truncated escape in path", with_host("GET /en/%4 HTTP/1.1"), 400});

  // Invalid UTF-8 in the path.
  for (const std::string bytes : {"%ff", "%fe", "%c3%28", "%a0%a1", "%e2%28%a1", "%e2%82%28", "%f0%28%8c%bc",
                                  "%f0%90%28%bc", "%c0%af", "%ed%a0%80", "%f8%88%80%80%80", "%f4%90%80%80"}) {
    c.push_back({"utf-8 path /en/" + bytes, with_host("GET /en/" + bytes + " HTTP/1.1"), 400});
    c.push_back({"utf-8 api path " + bytes, with_host("GET " + vc + "/services/" + bytes + " HTTP/1.1"), 400});
  }
  c.push_back({"raw 0xff in path", with_host("GET /en/\xff HTTP/1.1"), 400});

  // Invalid UTF-8 in the query: every API endpoint answers a JSON 400.
  for (const std::string& target :
       {api + "?lang=%ff", api + "?%ff=1", vc + "?lang=%c3%28", vc + "/editions?lang=%ff", vc + "/scores?edition=%ff",
        vc + "/scores?lang=%ed%a0%80", vc + "/diff?from=%c3%28", vc + "/diff?to=%ff", vc + "/personal?w.%ff=1",
        vc + "/personal?w.e2e=%ff", vc + "/robustness?model=%ff", vc + "/services/zoom?lang=%ed%a0%80",
        vc + "/services/zoom?edition=%c0%af", api + "?lang=\xff", vc + "/scores?%c3=1"})
    c.push_back({"utf-8 query " + target, with_host("GET " + target + " HTTP/1.1"), 400});
  // Repeated, unknown and malformed parameters.
  for (const std::string& target :
       {api + "?lang=en&lang=en", api + "?lang=en&lang=de", vc + "/scores?edition=latest&edition=latest",
        vc + "/personal?w.e2e=more&w.e2e=less", api + "?x=1", vc + "/scores?lang=%zz", vc + "/scores?lang=%4",
        api + "?=1", vc + "/robustness?model=pm25&model=order", vc + "/diff?from=x"})
    c.push_back({"query " + target, with_host("GET " + target + " HTTP/1.1"), 400});
  // HTML pages ignore what they do not know.
  c.push_back({"utf-8 query on a page", with_host("GET /en/?x=%ff HTTP/1.1"), 200});
  c.push_back(
      {"utf-8 query on the personal page", with_host("GET /en/video-conferencing/personal?w.e2e=%ff HTTP/1.1"), 400});

  // Invalid UTF-8 in headers (obs-text is allowed in values, never in names).
  c.push_back({"utf-8 accept-language", with_host("GET /en/ HTTP/1.1", "Accept-Language: \xff\xfe\r\n"), 200});
  c.push_back({"utf-8 user-agent", with_host("GET /en/ HTTP/1.1", "User-Agent: \xc3\x28\r\n"), 200});
  c.push_back({"utf-8 if-none-match", with_host("GET " + api + " HTTP/1.1", "If-None-Match: \"\xff\"\r\n"), 200});
  c.push_back({"utf-8 cookie", with_host("GET /en/ HTTP/1.1", "Cookie: a=\xff\r\n"), 200});
  c.push_back({"utf-8 header name", with_host("GET /en/ HTTP/1.1", "X-\xff: a\r\n"), 400});
  c.push_back({"utf-8 host", "GET /en/ HTTP/1.1\r\nHost: \xff\r\n\r\n", 200});

  // Invalid UTF-8 in bodies.
  c.push_back({"utf-8 body to a page", with_host("POST /en/ HTTP/1.1", "Content-Length: 2\r\n", "\xff\xfe"), 405});
  c.push_back(
      {"utf-8 body to the api", with_host("POST " + api + " HTTP/1.1", "Content-Length: 2\r\n", "\xff\xfe"), 405});
  c.push_back({"utf-8 form to the probe",
               with_host("POST /en/probe HTTP/1.1",
                         "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 8\r\n", "url=%ff1"),
               200});
  c.push_back({"utf-8 query to the probe", with_host("GET /en/probe?url=%ff HTTP/1.1"), 200});

  // Old and new protocols.
  c.push_back({"http/0.9", "GET /\r\n\r\n", 400});
  c.push_back({"http/0.9 with path", "GET /en/\r\n\r\n", 400});
  c.push_back({"http/2 preface", std::string("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), 400});
  c.push_back({"http/2.0 request line", with_host("GET /en/ HTTP/2.0"), 400});
  c.push_back({"http/1.2", with_host("GET /en/ HTTP/1.2"), 400});
  c.push_back({"http/3.0", with_host("GET /en/ HTTP/3.0"), 400});
  c.push_back({"lowercase http", with_host("GET /en/ http/1.1"), 400});
  c.push_back({"no version", with_host("GET /en/"), 400});
  c.push_back({"tls client hello", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + "\r\n\r\n", 400});

  // Unknown transfer codings (RFC 9112 6.1: 501).
  for (const std::string te :
       {"gzip, chunked", "deflate, chunked", "compress, chunked", "br, chunked", "x-custom, chunked",
        "identity, chunked", "gzip,chunked", "GZIP, chunked", "gzip;q=1, chunked"})
    c.push_back({"te " + te, with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: " + te + "\r\n", chunked), 501});
  for (const std::string te : {"gzip", "identity", "chunked, gzip", "deflate"})
    c.push_back({"te without chunked last " + te,
                 with_host("POST /en/ HTTP/1.1", "Transfer-Encoding: " + te + "\r\n", "hello"), 400});

  // Request line and header syntax.
  c.push_back({"no host", "GET /en/ HTTP/1.1\r\n\r\n", 400});
  c.push_back({"two hosts", "GET /en/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400});
  c.push_back({"header without colon", with_host("GET /en/ HTTP/1.1", "X-A b\r\n"), 400});
  c.push_back({"space before colon", with_host("GET /en/ HTTP/1.1", "X-A : b\r\n"), 400});
  c.push_back({"empty header name", with_host("GET /en/ HTTP/1.1", ": b\r\n"), 400});
  c.push_back({"two spaces in request line", with_host("GET  /en/ HTTP/1.1"), 400});
  c.push_back({"tab in request line", with_host("GET\t/en/ HTTP/1.1"), 400});
  c.push_back({"space in target", with_host("GET /en/ x HTTP/1.1"), 400});
  c.push_back({"unknown method", with_host("BREW /en/ HTTP/1.1"), 501});
  c.push_back({"lowercase method", with_host("get /en/ HTTP/1.1"), 501});
  c.push_back({"connect", with_host("CONNECT 127.0.0.1:22 HTTP/1.1"), 501});
  c.push_back({"trace", with_host("TRACE /en/ HTTP/1.1"), 501});
  c.push_back({"delete on the api", with_host("DELETE " + api + " HTTP/1.1"), 405});
  c.push_back({"put on a page", with_host("PUT /en/ HTTP/1.1", "Content-Length: 0\r\n"), 405});
  c.push_back({"options on the api", with_host("OPTIONS " + api + " HTTP/1.1"), 204});
  c.push_back({"empty request line", "\r\n\r\n", 400});
  c.push_back({"garbage", "\x01\x02\x03\x04\r\n\r\n", 400});
  c.push_back({"only a method", "GET\r\n\r\n", 400});
  return c;
}

TEST(MalformedCorpus, EveryCaseGetsItsStatusAndNoneA5xx) {
  ServeProcess serve({});
  ASSERT_NE(serve.port(), 0) << serve.first_line() << serve.stderr_text();
  const std::vector<Case> cases = corpus();
  EXPECT_GE(cases.size(), 150u);
  std::printf("malformed corpus: %zu cases\n", cases.size());
  int server_errors = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Client client(serve.port());
    ASSERT_TRUE(client.connected());
    client.send(c.request);
    const Reply reply = client.read_reply();
    EXPECT_EQ(reply.status, c.status);
    if (reply.status >= 500 && reply.status != 501) ++server_errors;
  }
  EXPECT_EQ(server_errors, 0);
  EXPECT_EQ(test::request_once(serve.port(), test::get("/en/")).status, 200);
  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait_for_exit(), 0);
  const std::string log = serve.stderr_text();
  EXPECT_EQ(log.find("error"), std::string::npos) << log;
  EXPECT_EQ(log.find("exception"), std::string::npos) << log;
}

}  // namespace
}  // namespace privascore
