#include "editor/credentials.h"

#include <sodium.h>

#include <semaphore>

namespace privascore::editor {

namespace {

std::counting_semaphore<k_max_parallel_hashes>& hash_slots() {
  static std::counting_semaphore<k_max_parallel_hashes> slots(k_max_parallel_hashes);
  return slots;
}

// Holds one of the hash slots for the lifetime of the guard.
class HashSlot {
 public:
  HashSlot() { hash_slots().acquire(); }
  ~HashSlot() { hash_slots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  static const char k_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += k_digits[bytes[i] >> 4];
    out += k_digits[bytes[i] & 15];
  }
  return out;
}

}  // namespace

bool init_crypto() {
  return sodium_init() >= 0;
}

Result<std::string> hash_password(std::string_view password) {
  if (!init_crypto()) return fail(ErrorKind::internal, "libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  HashSlot slot;
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return fail(ErrorKind::internal, "cannot hash the password: out of memory (argon2id needs 64 MiB)");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  if (!init_crypto()) return false;
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  if (password.size() > k_max_password_length) return false;
  char hash[crypto_pwhash_STRBYTES] = {};
  stored_hash.copy(hash, stored_hash.size());
  HashSlot slot;
  return crypto_pwhash_str_verify(hash, password.data(), password.size()) == 0;
}

void verify_dummy_password(std::string_view password) {
  // A hash of a random password, made once; verifying against it costs the
  // same as a real verification and never succeeds in practice.
  static const std::string k_dummy = hash_password(random_token()).value_or("");
  (void)verify_password(k_dummy, password);
}

bool password_needs_rehash(std::string_view stored_hash) {
  if (!init_crypto()) return false;
  if (stored_hash.size() >= crypto_pwhash_STRBYTES) return true;
  char hash[crypto_pwhash_STRBYTES] = {};
  stored_hash.copy(hash, stored_hash.size());
  return crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) !=
         0;
}

std::string password_problem(std::string_view password) {
  // Length in characters, not bytes: a German passphrase with umlauts is
  // not penalised.
  std::size_t chars = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < k_min_password_length)
    return "the password is too short: use at least " + std::to_string(k_min_password_length) + " characters";
  if (password.size() > k_max_password_length)
    return "the password is too long: use at most " + std::to_string(k_max_password_length) + " bytes";
  for (unsigned char c : password)
    if (c < 0x20 || c == 0x7f) return "the password contains a control character";
  return {};
}

std::string generate_password() {
  (void)init_crypto();
  // 57 characters: no 0/O, 1/l/I; randombytes_uniform avoids modulo bias.
  static constexpr char k_alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  constexpr std::uint32_t n = sizeof k_alphabet - 1;
  std::string out;
  for (int i = 0; i < 24; ++i) out += k_alphabet[randombytes_uniform(n)];
  return out;
}

std::string random_token() {
  (void)init_crypto();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  (void)init_crypto();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return to_hex(digest, sizeof digest);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace privascore::editor
