// The gzip reader and writer imports and exports use (detail/formats/gzip.hpp):
// what python's gzip module writes (fixed and dynamic Huffman blocks) reads
// back exactly; what dynafake writes, python reads (tests/python); hostile
// bytes get an error, never a crash or a hang.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include <dynafake/detail/formats/gzip.hpp>
#include <dynafake/detail/formats/md5.hpp>

namespace {

namespace gz = dynafake::detail::gzip;

// gzip.compress(b'{"Item":{"id":{"S":"a"}}}\n', mtime=0): one fixed-Huffman block
const std::string kSmall(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xab\x56\xf2\x2c\x49\xcd\x55\xb2\xaa\x56\xca\x4c\x01\x91"
    "\xc1\x4a\x56\x4a\x89\x4a\xb5\xb5\xb5\x5c\x00\x55\x24\xf5\xed\x1a\x00\x00\x00",
    43);

// gzip.compress(lines, mtime=0) of 200 lines {"Item":{"id":{"S":"order-NNNN"},"quantity":{"N":"n"}}}:
// one dynamic-Huffman block with back references
const std::string kBig(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x9d\xd7\x3d\x6e\x54\x31\x18\x85\xe1\x9e\x65\xdc\x1a\x24"
    "\x1f\x7f\xff\xd9\x01\x0d\x0d\x2b\x40\x4a\x8a\x14\x80\x88\x86\x02\x8d\x66\xef\x4c\xfa\xab\x8c\xf4"
    "\xba\x70\x61\xeb\x54\x6f\xf5\x5c\x8f\xaf\x97\x97\x9f\xc7\xd3\xf5\x78\x7d\x7e\xbf\xbf\x1f\x4f\xc7"
    "\xef\xb7\xe7\x97\xb7\x2f\xeb\x7e\x8e\xdb\xe7\xe3\xcf\xdf\x1f\xbf\x2e\xaf\x97\x7f\xef\xbf\xdf\xee"
    "\xbf\xf7\xc7\xdb\xed\xd3\xf5\xa3\x9d\xce\x76\x7a\xbc\xdb\x67\xbb\xfd\x78\x67\x67\x3b\x7b\xbc\xf3"
    "\xb3\x9d\x3f\xde\xc5\xd9\x2e\x1e\xef\xf2\x6c\x97\x8f\x77\x05\x3b\x34\xec\x30\xac\x83\x16\xeb\x20"
    "\xb1\x0e\xda\xac\x83\x8c\x75\x90\xb3\x0e\x0a\xd6\x41\x09\x3b\x14\xec\xd0\xb0\xc3\xb0\x0e\x7b\xb1"
    "\x0e\x5b\xac\xc3\xde\xac\xc3\x36\xd6\x61\x3b\xeb\xb0\x83\x75\xd8\x09\x3b\x14\xec\xd0\xb0\xc3\xb0"
    "\x0e\xb6\x58\x07\x13\xeb\x60\x9b\x75\x30\x63\x1d\xcc\x59\x07\x0b\xd6\xc1\x12\x76\x28\xd8\xa1\x61"
    "\x87\x61\x1d\x7c\xb1\x0e\x2e\xd6\xc1\x37\xeb\xe0\xc6\x3a\xb8\xb3\x0e\x1e\xac\x83\x27\xec\x50\xb0"
    "\x43\xc3\x0e\xc3\x3a\xc4\x62\x1d\x42\xac\x43\x6c\xd6\x21\x8c\x75\x08\x67\x1d\x22\x58\x87\x48\xd8"
    "\xa1\x60\x87\x86\x1d\x86\x75\xc8\xc5\x3a\xa4\x58\x87\xdc\xac\x43\x1a\xeb\x90\xce\x3a\x64\xb0\x0e"
    "\x99\xb0\x43\xc1\x0e\x0d\x3b\x0c\xeb\x50\xd0\xd3\x05\x3d\x5d\xd0\xd3\x05\x3d\x5d\xd0\xd3\x05\x3d"
    "\x5d\xd0\xd3\x05\x3d\x5d\xd0\xd3\x05\x3d\xdd\xd0\xd3\x0d\x3d\xdd\xd0\xd3\x0d\x3d\xdd\xd0\xd3\x0d"
    "\x3d\xdd\xd0\xd3\x0d\x3d\xdd\xd0\xd3\x0d\x3d\x3d\xd0\xd3\x03\x3d\x3d\xd0\xd3\x03\x3d\x3d\xd0\xd3"
    "\x03\x3d\x3d\xd0\xd3\x03\x3d\x3d\xd0\xd3\xc3\x3c\xad\xc5\x3c\xad\xc5\x3c\xad\xc5\x3c\xad\xc5\x3c"
    "\xad\xc5\x3c\xad\xc5\x3c\xad\x95\xb0\x43\xc1\x0e\x0d\x3b\x30\x4f\x4b\xcc\xd3\x12\xf3\xb4\xc4\x3c"
    "\x2d\x31\x4f\x4b\xcc\xd3\x12\xf3\xb4\x94\xb0\x43\xc1\x0e\x0d\x3b\x30\x4f\x6b\x33\x4f\x6b\x33\x4f"
    "\x6b\x33\x4f\x6b\x33\x4f\x6b\x33\x4f\x6b\x33\x4f\x6b\x27\xec\x50\xb0\x43\xc3\x0e\xcc\xd3\x32\xe6"
    "\x69\x19\xf3\xb4\x8c\x79\x5a\xc6\x3c\x2d\x63\x9e\x96\x31\x4f\xcb\x12\x76\x28\xd8\xa1\x61\x07\xe6"
    "\x69\x39\xf3\xb4\x9c\x79\x5a\xce\x3c\x2d\x67\x9e\x96\x33\x4f\xcb\x99\xa7\xe5\x09\x3b\x14\xec\xd0"
    "\xb0\x03\xf3\xb4\x82\x79\x5a\xc1\x3c\xad\x60\x9e\x56\x30\x4f\x2b\x98\xa7\x15\xcc\xd3\x8a\x84\x1d"
    "\x0a\x76\x68\xd8\x81\x79\x5a\xc9\x3c\xad\x64\x9e\x56\x32\x4f\x2b\x99\xa7\x95\xcc\xd3\x4a\xe6\x69"
    "\x65\xc2\x0e\x05\x3b\x34\xec\x00\x3d\x5d\xd0\xd3\x05\x3d\x5d\xd0\xd3\x05\x3d\x5d\xd0\xd3\x05\x3d"
    "\x5d\xd0\xd3\x05\x3d\x5d\xd0\xd3\x05\x3d\xdd\xd0\xd3\x0d\x3d\xdd\xd0\xd3\x0d\x3d\xdd\xd0\xd3\x0d"
    "\x3d\xdd\xd0\xd3\x0d\x3d\xdd\xd0\xd3\x0d\x3d\x3d\xd0\xd3\x03\x3d\x3d\xd0\xd3\x03\x3d\x3d\xd0\xd3"
    "\x03\x3d\x3d\xd0\xd3\x03\x3d\x3d\xd0\xd3\xf3\x81\xa7\xff\x03\xac\x0a\xa1\x3b\xc0\x2b\x00\x00",
    647);

std::string BigText() {
  std::string out;
  for (int i = 0; i < 200; ++i) {
    char line[96];
    std::snprintf(line, sizeof line, "{\"Item\":{\"id\":{\"S\":\"order-%04d\"},\"quantity\":{\"N\":\"%d\"}}}\n", i,
                  i % 7);
    out += line;
  }
  return out;
}

TEST(Gzip, ReadsAFixedHuffmanStreamPythonWrote) {
  const gz::Result r = gz::Decompress(kSmall);
  ASSERT_TRUE(r.Ok()) << r.error;
  EXPECT_EQ(r.data, "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n");
}

TEST(Gzip, ReadsADynamicHuffmanStreamPythonWrote) {
  const gz::Result r = gz::Decompress(kBig);
  ASSERT_TRUE(r.Ok()) << r.error;
  EXPECT_EQ(r.data, BigText());
}

TEST(Gzip, ReadsConcatenatedMembersAsOneFile) {
  const gz::Result r = gz::Decompress(kSmall + kBig);
  ASSERT_TRUE(r.Ok()) << r.error;
  EXPECT_EQ(r.data, "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n" + BigText());
}

TEST(Gzip, WhatItWritesReadsBackWhateverTheSize) {
  for (std::size_t size :
       {std::size_t(0), std::size_t(1), std::size_t(65535), std::size_t(65536), std::size_t(200000)}) {
    std::string data(size, '\0');
    for (std::size_t i = 0; i < size; ++i) data[i] = static_cast<char>((i * 131) % 251);
    const std::string packed = gz::Compress(data);
    const gz::Result r = gz::Decompress(packed);
    ASSERT_TRUE(r.Ok()) << size << ": " << r.error;
    EXPECT_EQ(r.data, data) << size;
  }
}

TEST(Gzip, Crc32IsGzipsCrc) {
  EXPECT_EQ(gz::Crc32(""), 0u);
  EXPECT_EQ(gz::Crc32("123456789"), 0xCBF43926u);  // the CRC-32 check value
}

TEST(Gzip, Md5IsTheStandardDigest) {
  EXPECT_EQ(dynafake::detail::Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(dynafake::detail::Md5Hex("The quick brown fox jumps over the lazy dog"),
            "9e107d9d372bb6826bd81d3542a419d6");
}

TEST(Gzip, RefusesWhatIsNotGzip) {
  EXPECT_FALSE(gz::Decompress("").Ok());
  EXPECT_FALSE(gz::Decompress("{\"Item\":{}}\n").Ok());
  std::string badCrc = kBig;
  badCrc[badCrc.size() - 6] ^= 1;
  EXPECT_EQ(gz::Decompress(badCrc).error, "CRC-32 does not match");
  EXPECT_FALSE(gz::Decompress(kBig.substr(0, kBig.size() - 9)).Ok()) << "a truncated stream";
}

TEST(Gzip, StopsAtTheOutputLimit) {
  const gz::Result r = gz::Decompress(kBig, 1000);
  EXPECT_EQ(r.error, "output larger than the limit");
}

TEST(Gzip, HostileBytesGetAnErrorNeverACrash) {
  std::mt19937 random(20120810);
  int failures = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string data = round % 2 ? kBig : kSmall;
    const int flips = 1 + static_cast<int>(random() % 8);
    for (int f = 0; f < flips; ++f) data[random() % data.size()] = static_cast<char>(random() & 0xFF);
    if (round % 3 == 0) data.resize(random() % data.size());
    const gz::Result r = gz::Decompress(data, 1 << 20);
    failures += r.Ok() ? 0 : 1;
    EXPECT_LE(r.data.size(), std::size_t(1) << 20);
  }
  EXPECT_GT(failures, 2500) << "nearly every mutation is caught (header, block structure or CRC)";
  for (int round = 0; round < 2000; ++round) {  // pure noise behind a valid header
    std::string data("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    const std::size_t n = random() % 300;
    for (std::size_t i = 0; i < n; ++i) data += static_cast<char>(random() & 0xFF);
    EXPECT_FALSE(gz::Decompress(data, 1 << 20).data.size() > (std::size_t(1) << 20));
  }
}

}  // namespace
