// Credentials: password hashing (argon2id), session tokens and the other
// secrets of the editor, all from libsodium.
//
// Passwords are hashed with crypto_pwhash_str (argon2id) at the INTERACTIVE
// cost: 2 passes over 64 MiB. MODERATE (3 passes, 256 MiB, about 0.7 s) was
// rejected because the server shares two cores with the public site: four
// logins at once would hold 1 GiB and stall page rendering. 64 MiB × 2
// passes is above the OWASP minimum for argon2id (19 MiB, 2 passes). At most
// k_max_parallel_hashes hashes run at once; further callers wait, so memory
// stays bounded under a burst of logins (throttling bounds the rate).
//
// Tokens are 256 random bits (randombytes_buf) written as base64url without
// padding; only their SHA-256 is stored. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "util/error.h"
namespace privascore::editor {

/// Parallel argon2id computations allowed at once (64 MiB each).
constexpr int k_max_parallel_hashes = 2;
/// Passwords are at least this long when set.
constexpr std::size_t k_min_password_length = 12;
/// Longer passwords are refused before hashing (a login form cannot make
/// the server hash megabytes).
constexpr std::size_t k_max_password_length = 1024;

/// Initialises libsodium; false when it cannot (no entropy source). Safe to
/// call more than once.
bool init_crypto();

/// The argon2id hash string ("$argon2id$v=19$m=65536,t=2,p=1$…"). Fails
/// with a message when the memory cannot be allocated.
Result<std::string> hash_password(std::string_view password);

/// True when password matches the stored hash string. A malformed hash
/// never matches.
bool verify_password(std::string_view stored_hash, std::string_view password);

/// Spends the time of one verification without a real hash, so that a
/// login with an unknown name takes as long as one with a wrong password.
void verify_dummy_password(std::string_view password);

/// True when the hash was made with other parameters than the current ones.
bool password_needs_rehash(std::string_view stored_hash);

/// Why a new password is not acceptable; "" when it is.
std::string password_problem(std::string_view password);

/// A new random password: 24 characters from an alphabet without look-alike
/// characters (57 symbols, about 140 bits).
std::string generate_password();

/// 256 random bits as base64url without padding (43 characters).
std::string random_token();

/// SHA-256 of bytes as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// Compares two strings in time independent of where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace privascore::editor
