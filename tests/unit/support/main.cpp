// The typed suite's main: gmock_main's, leaving out the tests a transport
// cannot run (fixtures.hpp, TestsTheSdkCannotRun), whatever --gtest_filter says.
#include <string>

#include <gmock/gmock.h>

#include "fixtures.hpp"

int main(int argc, char** argv) {
  testing::InitGoogleMock(&argc, argv);
#ifdef DYNAFAKE_TEST_AWS_SDK
  std::string filter = testing::GTEST_FLAG(filter);
  bool negative = filter.find('-') != std::string::npos;
  for (const std::string& test : dynafake_test::TestsTheSdkCannotRun()) {
    filter += (negative ? ":" : "-") + test;
    negative = true;
  }
  testing::GTEST_FLAG(filter) = filter;
#endif
  return RUN_ALL_TESTS();
}
