// dynafake — gzip without zlib: a writer of stored-block gzip streams (what
// exports write) and a bounds-checked inflate decoder (what imports read:
// stored, fixed and dynamic Huffman blocks, as python's gzip module and the
// gzip tool write them). RFC 1951 (DEFLATE) and RFC 1952 (gzip). The decoder
// never reads past its input, never writes more than its output limit and
// always ends: every loop consumes input or output, so hostile bytes get an
// error, never a crash or a hang.
#pragma once

#include <array>    // std::array
#include <cstddef>  // std::size_t
#include <cstdint>  // uint8_t, uint16_t, uint32_t
#include <string>   // std::string

namespace dynafake {
namespace detail {
namespace gzip {

/// CRC-32 (IEEE 802.3, the one gzip's trailer holds) of `data`, continuing `crc`.
inline uint32_t Crc32(const std::string& data, uint32_t crc = 0) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (unsigned char b : data) crc = table[(crc ^ b) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

/// `data` as a gzip stream of stored (uncompressed) DEFLATE blocks.
inline std::string Compress(const std::string& data) {
  std::string out;
  out.reserve(data.size() + data.size() / 65535 * 5 + 32);
  // header: magic, CM=8 (deflate), no flags, MTIME 0, XFL 0, OS 255 (unknown)
  const unsigned char header[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255};
  out.append(reinterpret_cast<const char*>(header), sizeof header);
  std::size_t at = 0;
  do {
    const std::size_t n = data.size() - at < 65535 ? data.size() - at : 65535;
    const bool last = at + n == data.size();
    out.push_back(static_cast<char>(last ? 1 : 0));  // BFINAL, BTYPE=00
    out.push_back(static_cast<char>(n & 0xFF));
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(~n & 0xFF));
    out.push_back(static_cast<char>((~n >> 8) & 0xFF));
    out.append(data, at, n);
    at += n;
  } while (at < data.size());
  const uint32_t crc = Crc32(data);
  const uint32_t size = static_cast<uint32_t>(data.size() & 0xFFFFFFFFu);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((crc >> (8 * i)) & 0xFF));
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
  return out;
}

/// Why a stream could not be read ("" when it was).
struct Result {
  std::string data;
  std::string error;
  bool Ok() const { return error.empty(); }
};

namespace inflate_detail {

struct Bits {
  const unsigned char* p;
  std::size_t size;
  std::size_t pos = 0;  // in bytes
  uint32_t buf = 0;
  int count = 0;
  bool overrun = false;
  /// `n` (<= 16) bits, least significant first; past the end: zeros and `overrun`.
  uint32_t Get(int n) {
    while (count < n) {
      if (pos >= size) {
        overrun = true;
        return 0;
      }
      buf |= static_cast<uint32_t>(p[pos++]) << count;
      count += 8;
    }
    const uint32_t v = buf & ((1u << n) - 1u);
    buf >>= n;
    count -= n;
    return v;
  }
  void AlignToByte() {
    buf = 0;
    count = 0;
  }
};

/// A canonical Huffman code: symbol counts per length and symbols in code order (RFC 1951 3.2.2).
struct Huffman {
  std::array<uint16_t, 16> counts{};
  std::array<uint16_t, 320> symbols{};
  /// False when the lengths describe an over-subscribed code.
  bool Build(const uint8_t* lengths, int n) {
    counts.fill(0);
    for (int i = 0; i < n; ++i) ++counts[lengths[i]];
    counts[0] = 0;
    int left = 1;
    for (int len = 1; len < 16; ++len) {
      left <<= 1;
      left -= counts[len];
      if (left < 0) return false;
    }
    std::array<uint16_t, 16> offs{};
    for (int len = 1; len < 15; ++len) offs[len + 1] = static_cast<uint16_t>(offs[len] + counts[len]);
    for (int i = 0; i < n; ++i)
      if (lengths[i] != 0) symbols[offs[lengths[i]]++] = static_cast<uint16_t>(i);
    return true;
  }
  /// The next symbol, or -1 when the bits name no symbol (or the input ended).
  int Decode(Bits& in) const {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; ++len) {
      code |= static_cast<int>(in.Get(1));
      if (in.overrun) return -1;
      const int count = counts[len];
      if (code - count < first) return symbols[index + (code - first)];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    return -1;
  }
};

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistBase[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                    33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                    1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                    6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

inline std::string Codes(Bits& in, std::string& out, const Huffman& lit, const Huffman& dist, std::size_t limit) {
  for (;;) {
    const int sym = lit.Decode(in);
    if (sym < 0) return "invalid literal/length code";
    if (sym < 256) {
      if (out.size() >= limit) return "output larger than the limit";
      out.push_back(static_cast<char>(sym));
      continue;
    }
    if (sym == 256) return {};
    const int li = sym - 257;
    if (li >= 29) return "invalid length symbol";
    const std::size_t len = kLengthBase[li] + in.Get(kLengthExtra[li]);
    const int ds = dist.Decode(in);
    if (ds < 0 || ds >= 30) return "invalid distance code";
    const std::size_t d = kDistBase[ds] + in.Get(kDistExtra[ds]);
    if (in.overrun) return "truncated stream";
    if (d > out.size()) return "distance too far back";
    if (out.size() + len > limit) return "output larger than the limit";
    const std::size_t from = out.size() - d;
    for (std::size_t k = 0; k < len; ++k) out.push_back(out[from + k]);
  }
}

inline std::string Dynamic(Bits& in, std::string& out, std::size_t limit) {
  const int nlen = static_cast<int>(in.Get(5)) + 257, ndist = static_cast<int>(in.Get(5)) + 1,
            ncode = static_cast<int>(in.Get(4)) + 4;
  if (in.overrun) return "truncated stream";
  if (nlen > 286 || ndist > 30) return "too many length or distance codes";
  static constexpr uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  uint8_t lengths[320] = {};
  for (int i = 0; i < ncode; ++i) lengths[order[i]] = static_cast<uint8_t>(in.Get(3));
  if (in.overrun) return "truncated stream";
  Huffman lencode;
  if (!lencode.Build(lengths, 19)) return "invalid code lengths";
  int i = 0;
  while (i < nlen + ndist) {
    const int sym = lencode.Decode(in);
    if (sym < 0) return "invalid code length code";
    if (sym < 16) {
      lengths[i++] = static_cast<uint8_t>(sym);
      continue;
    }
    uint8_t value = 0;
    int repeat = 0;
    if (sym == 16) {
      if (i == 0) return "repeat with no previous length";
      value = lengths[i - 1];
      repeat = 3 + static_cast<int>(in.Get(2));
    } else if (sym == 17) {
      repeat = 3 + static_cast<int>(in.Get(3));
    } else {
      repeat = 11 + static_cast<int>(in.Get(7));
    }
    if (in.overrun) return "truncated stream";
    if (i + repeat > nlen + ndist) return "too many code lengths";
    while (repeat--) lengths[i++] = value;
  }
  if (lengths[256] == 0) return "no end-of-block code";
  Huffman lit, dist;
  if (!lit.Build(lengths, nlen)) return "invalid literal/length code lengths";
  if (!dist.Build(lengths + nlen, ndist)) return "invalid distance code lengths";
  return Codes(in, out, lit, dist, limit);
}

inline std::string Fixed(Bits& in, std::string& out, std::size_t limit) {
  uint8_t lengths[320] = {};
  int i = 0;
  for (; i < 144; ++i) lengths[i] = 8;
  for (; i < 256; ++i) lengths[i] = 9;
  for (; i < 280; ++i) lengths[i] = 7;
  for (; i < 288; ++i) lengths[i] = 8;
  for (i = 288; i < 318; ++i) lengths[i] = 5;
  Huffman lit, dist;
  lit.Build(lengths, 288);
  dist.Build(lengths + 288, 30);
  return Codes(in, out, lit, dist, limit);
}

}  // namespace inflate_detail

/// Inflates a raw DEFLATE stream starting at `data[at]`; `at` ends after the last block's byte.
inline std::string Inflate(const std::string& data, std::size_t& at, std::string& out, std::size_t limit) {
  using namespace inflate_detail;
  Bits in{reinterpret_cast<const unsigned char*>(data.data()), data.size(), at};
  for (;;) {
    const uint32_t last = in.Get(1), type = in.Get(2);
    if (in.overrun) return "truncated stream";
    std::string e;
    if (type == 0) {
      in.AlignToByte();
      if (in.size - in.pos < 4) return "truncated stream";
      const std::size_t len = in.p[in.pos] | (in.p[in.pos + 1] << 8);
      const std::size_t nlen = in.p[in.pos + 2] | (in.p[in.pos + 3] << 8);
      in.pos += 4;
      if (len != (~nlen & 0xFFFFu)) return "stored block length does not match its complement";
      if (in.size - in.pos < len) return "truncated stream";
      if (out.size() + len > limit) return "output larger than the limit";
      out.append(data, in.pos, len);
      in.pos += len;
    } else if (type == 1) {
      e = Fixed(in, out, limit);
    } else if (type == 2) {
      e = Dynamic(in, out, limit);
    } else {
      return "invalid block type";
    }
    if (!e.empty()) return e;
    if (last) break;
  }
  at = in.pos;  // the rest of the last byte is padding
  return {};
}

/// Reads a gzip file (one member or several, concatenated) into its bytes, at most `limit` of them.
inline Result Decompress(const std::string& data, std::size_t limit = std::size_t(1) << 32) {
  Result r;
  std::size_t at = 0;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(data[i]); };
  do {
    if (data.size() - at < 18) return Result{{}, "not a gzip stream: too short"};
    if (byte(at) != 0x1f || byte(at + 1) != 0x8b) return Result{{}, "not a gzip stream: bad magic number"};
    if (byte(at + 2) != 8) return Result{{}, "not a gzip stream: unknown compression method"};
    const unsigned flags = byte(at + 3);
    if (flags & 0xE0) return Result{{}, "not a gzip stream: reserved flags set"};
    std::size_t p = at + 10;
    if (flags & 4) {  // FEXTRA
      if (data.size() - p < 2) return Result{{}, "truncated gzip header"};
      const std::size_t xlen = byte(p) | (byte(p + 1) << 8);
      p += 2;
      if (data.size() - p < xlen) return Result{{}, "truncated gzip header"};
      p += xlen;
    }
    for (unsigned f : {8u, 16u})  // FNAME, FCOMMENT: zero-terminated
      if (flags & f) {
        while (p < data.size() && data[p] != '\0') ++p;
        if (p >= data.size()) return Result{{}, "truncated gzip header"};
        ++p;
      }
    if (flags & 2) p += 2;  // FHCRC
    if (p > data.size()) return Result{{}, "truncated gzip header"};
    const std::size_t begin = r.data.size();
    std::string e = Inflate(data, p, r.data, limit);
    if (!e.empty()) return Result{{}, e};
    if (data.size() - p < 8) return Result{{}, "truncated gzip trailer"};
    uint32_t crc = 0, size = 0;
    for (int i = 0; i < 4; ++i) crc |= static_cast<uint32_t>(byte(p + i)) << (8 * i);
    for (int i = 0; i < 4; ++i) size |= static_cast<uint32_t>(byte(p + 4 + i)) << (8 * i);
    const std::string member = r.data.substr(begin);
    if (Crc32(member) != crc) return Result{{}, "CRC-32 does not match"};
    if (static_cast<uint32_t>(member.size() & 0xFFFFFFFFu) != size) return Result{{}, "length does not match"};
    at = p + 8;
  } while (at < data.size());
  return r;
}

}  // namespace gzip
}  // namespace detail
}  // namespace dynafake
