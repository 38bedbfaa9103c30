// The instance probe: given the address of a Jitsi Meet, BigBlueButton (with
// Greenlight), Nextcloud Talk or OpenTalk instance, fetch its public
// configuration as an anonymous visitor would, recognise the platform and
// report what matters for each rating feature, with suggestions for editors.
// JavaScript configuration is read as data (js_literal.h), never executed.
// All requests go through HttpClient with its limits, plus a time budget and a
// request budget per probe. Thread-safe: concurrent probes share nothing but
// the client.
#pragma once

#include <chrono>
#include <string>

#include "assist/http_client.h"
#include "assist/probe_report.h"
#include "util/error.h"

namespace privascore::assist {

struct ProbeOptions {
  HttpOptions http;                                // used when probe_instance makes its own client
  std::chrono::milliseconds total_timeout{30000};  // the whole probe
  int max_requests = 16;                           // documents fetched per probe
  std::string service;                             // service id for the suggestions ("" = from the platform)
};

/// Probes the instance at url. Fails only when url is not a usable http(s)
/// URL or the instance's start page cannot be fetched at all; everything
/// else (missing documents, malformed configuration) is in the report.
Result<ProbeReport> probe_instance(const std::string& url, const HttpClient& client, const ProbeOptions& options);
Result<ProbeReport> probe_instance(const std::string& url, const ProbeOptions& options);

}  // namespace privascore::assist
