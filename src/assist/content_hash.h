// Content hashes for evidence: SHA-256 (libsodium) of the exact bytes a
// finding was read from, so an editor can tell later whether a document changed.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace privascore::assist {

/// Lower-case hex SHA-256 of bytes (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace privascore::assist
