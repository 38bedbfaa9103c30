// privascore probe: read the public configuration of a Jitsi Meet,
// BigBlueButton/Greenlight, Nextcloud Talk or OpenTalk instance and report
// what matters for each rating feature, with suggestions for editors.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "assist/probe.h"
#include "assist/suggestion_queue.h"
#include "cli/cli_common.h"
#include "cli/command.h"

namespace privascore {

CommandSpec probe_command() {
  return {"probe", "Probe a video-conferencing instance's public configuration (suggestions, not ratings)",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              std::string url;
              std::string format = "text";
              double timeout = 30;
              bool public_only = false;
              std::string service;
              std::string queue;
              std::string ca_file;
            };
            auto o = std::make_shared<Options>();
            app.add_option("url", o->url, "Instance address, e.g. https://meet.example.org/")->required();
            app.add_option("--format,-f", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
            app.add_option("--timeout", o->timeout, "Time budget for the whole probe in seconds (default 30)")
                ->check(CLI::Range(1.0, 600.0));
            app.add_flag("--public-only", o->public_only,
                         "Refuse private, loopback and other non-public addresses (as the web form does)");
            app.add_option("--service", o->service, "Service id for the suggestions (default: from the platform)");
            app.add_option("--queue", o->queue, "Also append the suggestions to this queue file (JSON Lines)");
            app.add_option("--ca-file", o->ca_file,
                           "Trust the certificates in this PEM file instead of the system store");
            return [o]() {
              assist::ProbeOptions options;
              options.total_timeout = std::chrono::milliseconds(static_cast<long>(o->timeout * 1000));
              options.http.public_only = o->public_only;
              options.http.ca_file = o->ca_file;
              options.service = o->service;
              auto report = assist::probe_instance(o->url, options);
              if (!report) {
                print_error(report.error().message, report.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              if (o->format == "json")
                std::cout << assist::dump_json(assist::to_json(*report), 2) << "\n";
              else
                std::cout << assist::render_text(*report);
              if (!o->queue.empty()) {
                assist::JsonlSuggestionQueue queue(o->queue);
                auto added = queue.add(report->suggestions);
                if (!added) {
                  print_error(added.error().message, added.error().hint);
                  return static_cast<int>(k_exit_failure);
                }
                std::cerr << "privascore: queued " << *added << " new suggestion(s) in " << o->queue << "\n";
              }
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
