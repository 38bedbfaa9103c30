// Self-signed certificates made at test time (OpenSSL), for TLS tests of the
// probe's HTTP client. Header-only, for tests only.
#pragma once

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <string>

namespace privascore::test {

struct TestCert {
  std::string cert_pem;
  std::string key_pem;
};

/// A self-signed P-256 certificate for common_name with subjectAltName san
/// ("IP:127.0.0.1" or "DNS:other.example"), valid from an hour ago for a day.
inline TestCert make_self_signed(const std::string& common_name, const std::string& san) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* x = X509_new();
  X509_set_version(x, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
  X509_gmtime_adj(X509_getm_notBefore(x), -3600);
  X509_gmtime_adj(X509_getm_notAfter(x), 86400);
  X509_set_pubkey(x, key);
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name.c_str()), -1,
                             -1, 0);
  X509_set_issuer_name(x, name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, san.c_str());
  X509_add_ext(x, ext, -1);
  X509_EXTENSION_free(ext);
  X509_sign(x, key, EVP_sha256());
  TestCert out;
  BIO* cb = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(cb, x);
  char* data = nullptr;
  long n = BIO_get_mem_data(cb, &data);
  out.cert_pem.assign(data, static_cast<std::size_t>(n));
  BIO_free(cb);
  BIO* kb = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(kb, key, nullptr, nullptr, 0, nullptr, nullptr);
  n = BIO_get_mem_data(kb, &data);
  out.key_pem.assign(data, static_cast<std::size_t>(n));
  BIO_free(kb);
  X509_free(x);
  EVP_PKEY_free(key);
  return out;
}

}  // namespace privascore::test
