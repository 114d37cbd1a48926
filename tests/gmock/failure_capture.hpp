// Collects the GoogleTest failures a block of code reports (gMock reports
// through the same channel), so a test can assert on their text. Public
// gtest-spi API only: testing::ScopedFakeTestPartResultReporter.
#pragma once

#include <string>  // std::string

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace testutil {

class FailureCapture {
 public:
  FailureCapture() : reporter_(::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results_) {}

  int Count() const { return results_.size(); }
  /// The message of failure i.
  std::string Message(int i) const { return results_.GetTestPartResult(i).message(); }
  /// Every failure's message, one after the other.
  std::string AllMessages() const {
    std::string all;
    for (int i = 0; i < results_.size(); ++i) all += results_.GetTestPartResult(i).message() + std::string("\n");
    return all;
  }

 private:
  ::testing::TestPartResultArray results_;
  ::testing::ScopedFakeTestPartResultReporter reporter_;
};

}  // namespace testutil
