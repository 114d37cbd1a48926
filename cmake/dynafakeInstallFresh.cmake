# cmake -P script: install the build tree BUILD_DIR into a fresh PREFIX, so the
# find_package consumer sees exactly what `cmake --install` ships (no files
# left over from an earlier install).
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${rc})")
endif()
