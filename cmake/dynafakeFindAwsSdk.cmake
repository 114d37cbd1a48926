# Finds aws-sdk-cpp's DynamoDB client for dynafake::aws_sdk, quietly.
# Sets DYNAFAKE_AWSSDK_FOUND, AWSSDK_LINK_LIBRARIES (the SDK's imported
# targets) and DYNAFAKE_AWSSDK_PREFIX. Used by the build and by the installed
# package's config.
set(DYNAFAKE_AWSSDK_FOUND FALSE)
if(NOT TARGET aws-cpp-sdk-dynamodb)
  # A static SDK's package names ZLIB::ZLIB without finding it (aws/aws-sdk-cpp#2635).
  find_package(ZLIB QUIET)
  find_package(AWSSDK QUIET COMPONENTS dynamodb)
endif()
if(TARGET aws-cpp-sdk-dynamodb AND TARGET aws-cpp-sdk-core)
  set(DYNAFAKE_AWSSDK_FOUND TRUE)
  if(NOT AWSSDK_LINK_LIBRARIES)
    set(AWSSDK_LINK_LIBRARIES aws-cpp-sdk-dynamodb aws-cpp-sdk-core)
  endif()
  set(DYNAFAKE_AWSSDK_PREFIX "${AWSSDK_ROOT_DIR}")
  if(NOT DYNAFAKE_AWSSDK_PREFIX AND AWSSDK_DIR)
    get_filename_component(DYNAFAKE_AWSSDK_PREFIX "${AWSSDK_DIR}/../../.." ABSOLUTE)
  endif()
endif()
