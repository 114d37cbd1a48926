# Shared by the consumer projects: for each optional part the consumer sees
# (dynafake::wire, dynafake::gmock, dynafake::testing, dynafake::http, dynafake::aws_sdk), build one small program
# that includes its header and links that target only.
set(_dynafake_consumer_common "${CMAKE_CURRENT_LIST_DIR}")  # (CMAKE_CURRENT_FUNCTION_LIST_DIR needs 3.17)

function(dynafake_consumer_parts exe)
  foreach(part wire gmock testing http aws_sdk)
    if(NOT TARGET dynafake::${part})
      message(STATUS "consumer: dynafake::${part} not available, skipped")
      continue()
    endif()
    set(prelude "")
    if(part STREQUAL "gmock" OR part STREQUAL "testing")
      set(prelude "#include <gmock/gmock.h>")
    endif()
    configure_file("${_dynafake_consumer_common}/parts.cpp.in"
                   "${CMAKE_CURRENT_BINARY_DIR}/uses_${part}.cpp" @ONLY)
    add_executable(uses_${part} "${CMAKE_CURRENT_BINARY_DIR}/uses_${part}.cpp")
    target_link_libraries(uses_${part} PRIVATE dynafake::${part})
    add_dependencies(${exe} uses_${part})
    message(STATUS "consumer: dynafake::${part} available")
  endforeach()
endfunction()
