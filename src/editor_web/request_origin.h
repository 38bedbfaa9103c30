// Where a request comes from: the client's address for throttling, whether
// it reached us over TLS, and whether a state-changing request was sent by
// one of our own pages (the Origin / Sec-Fetch-Site check that backs up the
// CSRF token).
//
// X-Forwarded-Proto and X-Forwarded-For are believed only from a peer
// listed in trusted_proxies (the reverse proxy in front of the server);
// anyone else could send them. Pure; thread-safe.
#pragma once

#include <string>

#include "config/config.h"
#include "web/http.h"

namespace privascore::editor {

/// True when the request arrived over TLS at a trusted proxy
/// (X-Forwarded-Proto: https).
bool via_tls(const web::Request& request, const config::EditorConfig& config);

/// Cookies must carry Secure: via_tls() or configured secure_cookies.
bool secure_context(const web::Request& request, const config::EditorConfig& config);

/// The peer address, or for a trusted proxy the last address it appended
/// to X-Forwarded-For. Kept in memory only (throttling), never stored.
std::string client_address(const web::Request& request, const config::EditorConfig& config);

/// "https://example.org" (scheme from secure_context, host from Host).
std::string request_origin(const web::Request& request, const config::EditorConfig& config);

/// False when the browser says the request comes from another site: an
/// Origin header that is not request_origin() (or "null"), or a
/// Sec-Fetch-Site that is neither same-origin nor none. Requests without
/// either header (non-browser clients) pass; they cannot carry a victim's
/// cookie anyway, and the CSRF token is still checked.
bool same_origin(const web::Request& request, const config::EditorConfig& config);

}  // namespace privascore::editor
