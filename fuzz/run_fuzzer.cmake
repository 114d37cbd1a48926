# cmake -P script: fuzz FUZZER for SECONDS, starting from a fresh copy of the
# SEEDS folder in SCRATCH (libFuzzer adds what it finds to its first folder;
# the committed seeds stay as they are). Fails on any crash, leak or
# sanitizer report, and prints the number of executions that ran clean.
foreach(var FUZZER SEEDS SCRATCH SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${var} is not set")
  endif()
endforeach()
file(REMOVE_RECURSE "${SCRATCH}")
file(COPY "${SEEDS}/" DESTINATION "${SCRATCH}")
get_filename_component(workdir "${SCRATCH}" DIRECTORY)
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -max_len=65536 -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 "${SCRATCH}"
  WORKING_DIRECTORY "${workdir}"
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" executed "${err}")
message(STATUS "${FUZZER}: ${executed} in ${SECONDS} s")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fuzzer failed (${rc}):\n${err}")
endif()
