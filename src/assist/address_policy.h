// Which IP addresses a request may go to. The web form's probe must never
// reach private networks, the loopback interface or other special ranges of
// the machine it runs on (server-side request forgery); the command line may.
// The check runs on the addresses DNS returned, and the client then connects
// to exactly those checked addresses, so a name cannot be re-resolved to a
// different address in between (DNS rebinding). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace privascore::assist {

/// The name of the special-purpose range address lies in ("loopback",
/// "private (RFC 1918)", "link-local", ...), or nullopt for a public unicast
/// address. A string that is not an IP address gets "not an IP address".
std::optional<std::string> non_public_range(std::string_view address);

}  // namespace privascore::assist
