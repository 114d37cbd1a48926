// The Aws::SDKOptions every test binary that drives aws-sdk-cpp initialises
// the SDK with (sdk_environment.cpp eagerly, sdk_client.cpp at its first use).
#pragma once

#include <memory>

#include <aws/core/Aws.h>

namespace dynafake_test {

inline Aws::SDKOptions TestSdkOptions() {
  Aws::SDKOptions options;
  // CTest runs every test in its own process, so InitAPI runs once per test.
  // By default it builds the CRT's TLS context, parsing the whole CA store
  // (about 200 ms of CPU); only the CRT's own clients (S3-CRT, MQTT) use it,
  // never DynamoDB's curl client, so the tests skip it.
  options.ioOptions.tlsConnectionOptions_create_fn = [] {
    return std::shared_ptr<Aws::Crt::Io::TlsConnectionOptions>();
  };
  return options;
}

}  // namespace dynafake_test
