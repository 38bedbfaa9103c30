#include "assist/content_hash.h"

#include <sodium.h>

#include <array>
#include <cstdio>

namespace privascore::assist {

std::string sha256_hex(std::string_view bytes) {
  // sodium_init is idempotent and thread-safe; SHA-256 itself needs no
  // initialisation, but calling it keeps libsodium's contract.
  static const int k_init = sodium_init();
  (void)k_init;
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace privascore::assist
