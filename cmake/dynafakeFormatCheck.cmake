# The format check (ctest format_check): every hand-written C++ file follows
# .clang-format. Generated files (folders named generated/, single_include/)
# are written by their generators and left out.
#
#   cmake -DCLANG_FORMAT=/usr/bin/clang-format -DSOURCE_DIR=<repo> -P dynafakeFormatCheck.cmake
#
# Fails naming each file that clang-format would change and the command that
# fixes them all.
if(NOT CLANG_FORMAT OR CLANG_FORMAT MATCHES "NOTFOUND$")
  message(FATAL_ERROR "format_check needs clang-format 14 (Debian: apt-get install clang-format); "
                      "bash scripts/test.sh installs it")
endif()
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}"
  "${SOURCE_DIR}/include/*.hpp" "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/tests/*.hpp" "${SOURCE_DIR}/tests/*.cpp"
  "${SOURCE_DIR}/examples/*.cpp" "${SOURCE_DIR}/examples/*.hpp" "${SOURCE_DIR}/bench/*.cpp"
  "${SOURCE_DIR}/bench/*.hpp" "${SOURCE_DIR}/fuzz/*.cpp" "${SOURCE_DIR}/fuzz/*.hpp" "${SOURCE_DIR}/tools/*.cpp"
  "${SOURCE_DIR}/tools/*.hpp")
list(FILTER files EXCLUDE REGEX "(^|/)generated/")
list(SORT files)
set(bad "")
foreach(f IN LISTS files)
  execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror "--style=file" "${f}"
    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    list(APPEND bad "${f}")
  endif()
endforeach()
list(LENGTH files checked)
if(bad)
  list(LENGTH bad n)
  list(JOIN bad "\n  " listed)
  list(JOIN bad " " args)
  message(FATAL_ERROR "${n} of ${checked} hand-written C++ files are not formatted as .clang-format says:\n  ${listed}\n"
                      "Fix: (cd ${SOURCE_DIR} && ${CLANG_FORMAT} -i ${args})")
endif()
message(STATUS "${checked} hand-written C++ files follow .clang-format")
