// dynafake — MD5 (RFC 1321), for the checksums an export's manifest lists
// (md5Checksum, base64; etag, hex). Not for security.
#pragma once

#include <array>    // std::array
#include <cstddef>  // std::size_t
#include <cstdint>  // uint32_t, uint64_t
#include <string>   // std::string
#include <vector>   // std::vector

namespace dynafake {
namespace detail {

/// The 16-byte MD5 digest of `data`.
inline std::array<unsigned char, 16> Md5(const std::string& data) {
  static constexpr uint32_t k[64] = {
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
      0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
      0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
      0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
      0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
      0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
      0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
  static constexpr int r[64] = {7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 5,  9,  14, 20, 5,  9,
                                14, 20, 5,  9,  14, 20, 5,  9,  14, 20, 4,  11, 16, 23, 4,  11, 16, 23, 4,  11, 16, 23,
                                4,  11, 16, 23, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21};
  uint32_t h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476;
  const uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  std::size_t total = data.size() + 1;
  while (total % 64 != 56) ++total;
  total += 8;
  auto byteAt = [&](std::size_t i) -> unsigned char {
    if (i < data.size()) return static_cast<unsigned char>(data[i]);
    if (i == data.size()) return 0x80;
    if (i >= total - 8) return static_cast<unsigned char>((bits >> (8 * (i - (total - 8)))) & 0xFF);
    return 0;
  };
  for (std::size_t chunk = 0; chunk < total; chunk += 64) {
    uint32_t w[16];
    if (chunk + 64 <= data.size()) {
      for (int i = 0; i < 16; ++i) {
        const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + chunk + 4 * i;
        w[i] = uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
      }
    } else {
      for (int i = 0; i < 16; ++i) {
        const std::size_t at = chunk + 4 * static_cast<std::size_t>(i);
        w[i] = uint32_t(byteAt(at)) | (uint32_t(byteAt(at + 1)) << 8) | (uint32_t(byteAt(at + 2)) << 16) |
               (uint32_t(byteAt(at + 3)) << 24);
      }
    }
    uint32_t a = h0, b = h1, c = h2, d = h3;
    for (int i = 0; i < 64; ++i) {
      uint32_t f;
      int g;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const uint32_t t = d;
      d = c;
      c = b;
      const uint32_t x = a + f + k[i] + w[g];
      b = b + ((x << r[i]) | (x >> (32 - r[i])));
      a = t;
    }
    h0 += a;
    h1 += b;
    h2 += c;
    h3 += d;
  }
  std::array<unsigned char, 16> out{};
  const uint32_t hs[4] = {h0, h1, h2, h3};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<unsigned char>((hs[i] >> (8 * j)) & 0xFF);
  return out;
}

inline std::string Md5Hex(const std::string& data) {
  const auto d = Md5(data);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : d) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

inline std::vector<unsigned char> Md5Bytes(const std::string& data) {
  const auto d = Md5(data);
  return std::vector<unsigned char>(d.begin(), d.end());
}

}  // namespace detail
}  // namespace dynafake
