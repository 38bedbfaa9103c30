// Prng: the pseudo-random generator of the method's samplings, specified so
// that a seed gives the same sequence with every compiler and standard
// library (std::uniform_real_distribution does not).
//
// xoshiro256** 1.0 (Blackman and Vigna, https://prng.di.unimi.it/), seeded by
// four outputs of splitmix64 from the user's seed. Doubles are built from the
// top 53 bits, so every value is exact. One generator per thread; not
// thread-safe to share.
#pragma once

#include <cstdint>

namespace privascore::method {

/// splitmix64: advances state and returns the next output.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Prng {
 public:
  explicit Prng(std::uint64_t seed) {
    std::uint64_t state = seed;
    for (auto& word : m_s) word = splitmix64(state);
  }

  /// The next 64 random bits.
  std::uint64_t next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
  }

  /// A double uniformly in [0, 1), a multiple of 2^-53.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t m_s[4];
};

}  // namespace privascore::method
