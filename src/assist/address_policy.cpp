#include "assist/address_policy.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace privascore::assist {

namespace {

struct Range4 {
  std::uint32_t network;
  int prefix;
  const char* name;
};

// IANA IPv4 special-purpose registry (RFC 6890 and successors), plus multicast.
constexpr std::array<Range4, 17> k_ranges4 = {{
    {0x00000000, 8, "\"this network\" (0.0.0.0/8)"},
    {0x0A000000, 8, "private (10.0.0.0/8, RFC 1918)"},
    {0x64400000, 10, "shared address space (100.64.0.0/10, carrier-grade NAT)"},
    {0x7F000000, 8, "loopback (127.0.0.0/8)"},
    {0xA9FE0000, 16, "link-local (169.254.0.0/16)"},
    {0xAC100000, 12, "private (172.16.0.0/12, RFC 1918)"},
    {0xC0000000, 24, "IETF protocol assignments (192.0.0.0/24)"},
    {0xC0000200, 24, "documentation (192.0.2.0/24)"},
    {0xC0586300, 24, "6to4 relay anycast (192.88.99.0/24)"},
    {0xC0A80000, 16, "private (192.168.0.0/16, RFC 1918)"},
    {0xC6120000, 15, "benchmarking (198.18.0.0/15)"},
    {0xC6336400, 24, "documentation (198.51.100.0/24)"},
    {0xCB007100, 24, "documentation (203.0.113.0/24)"},
    {0xE0000000, 4, "multicast (224.0.0.0/4)"},
    {0xF0000000, 4, "reserved (240.0.0.0/4)"},
    {0xFFFFFFFF, 32, "broadcast (255.255.255.255)"},
    {0xC01FC400, 24, "AS112 (192.31.196.0/24)"},
}};

std::optional<std::string> check4(std::uint32_t a) {
  for (const auto& r : k_ranges4) {
    std::uint32_t mask = r.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - r.prefix);
    if ((a & mask) == r.network) return std::string(r.name);
  }
  return std::nullopt;
}

bool prefix6(const unsigned char* a, const unsigned char* net, int bits) {
  int full = bits / 8;
  if (std::memcmp(a, net, static_cast<std::size_t>(full)) != 0) return false;
  int rest = bits % 8;
  if (rest == 0) return true;
  unsigned char mask = static_cast<unsigned char>(0xFF << (8 - rest));
  return (a[full] & mask) == (net[full] & mask);
}

std::uint32_t v4_at(const unsigned char* a, int offset) {
  return (std::uint32_t{a[offset]} << 24) | (std::uint32_t{a[offset + 1]} << 16) | (std::uint32_t{a[offset + 2]} << 8) |
         a[offset + 3];
}

}  // namespace

std::optional<std::string> non_public_range(std::string_view address) {
  std::string text(address);
  unsigned char a[16];
  if (inet_pton(AF_INET, text.c_str(), a) == 1) return check4(v4_at(a, 0));
  if (inet_pton(AF_INET6, text.c_str(), a) != 1) return std::string("not an IP address");
  static const unsigned char zero[16] = {};
  static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  static const unsigned char nat64[12] = {0x00, 0x64, 0xFF, 0x9B};
  if (std::memcmp(a, zero, 15) == 0 && (a[15] == 0 || a[15] == 1))
    return std::string(a[15] == 0 ? "unspecified (::)" : "loopback (::1)");
  if (std::memcmp(a, mapped, 12) == 0) {
    if (auto r = check4(v4_at(a, 12))) return "IPv4-mapped " + *r;
    return std::nullopt;
  }
  if (std::memcmp(a, nat64, 12) == 0) {  // 64:ff9b::/96 embeds a public IPv4 address
    if (auto r = check4(v4_at(a, 12))) return "NAT64 of " + *r;
    return std::nullopt;
  }
  if ((a[0] & 0xE0) != 0x20) {
    if ((a[0] & 0xFE) == 0xFC) return std::string("unique local (fc00::/7)");
    if (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) return std::string("link-local (fe80::/10)");
    if (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0) return std::string("site-local (fec0::/10)");
    if (a[0] == 0xFF) return std::string("multicast (ff00::/8)");
    return std::string("not global unicast (outside 2000::/3)");
  }
  static const unsigned char ietf[3] = {0x20, 0x01, 0x00};
  static const unsigned char doc[4] = {0x20, 0x01, 0x0D, 0xB8};
  static const unsigned char six_to_four[2] = {0x20, 0x02};
  static const unsigned char doc3fff[3] = {0x3F, 0xFF, 0x00};
  if (prefix6(a, doc, 32)) return std::string("documentation (2001:db8::/32)");
  if (prefix6(a, ietf, 23)) return std::string("IETF protocol assignments (2001::/23, includes Teredo)");
  if (prefix6(a, six_to_four, 16)) return std::string("6to4 (2002::/16)");
  if (prefix6(a, doc3fff, 20)) return std::string("documentation (3fff::/20)");
  return std::nullopt;
}

}  // namespace privascore::assist
