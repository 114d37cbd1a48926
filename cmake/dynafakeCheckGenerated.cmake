# cmake -P script: regenerate files into a scratch directory and compare each
# with its committed copy.
#
#   cmake -DCOMMAND="python3;tools/generate_model.py;--out;<dir>"
#         -DOUT_DIR=<dir> -DCOMMITTED_DIR=<repo>
#         -DHINT="python3 tools/generate_model.py" -P dynafakeCheckGenerated.cmake
#
# COMMAND must write its files under OUT_DIR, with the same relative paths as
# under COMMITTED_DIR. Fails (and names every stale file) when any differs or
# is missing from COMMITTED_DIR. With -DOWNED_DIRS=<dir;...> (relative to
# COMMITTED_DIR) it also fails for a committed file in those folders that the
# generator no longer writes (a leftover nobody regenerates).
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
foreach(var COMMAND OUT_DIR COMMITTED_DIR HINT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "dynafakeCheckGenerated.cmake: ${var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "generator failed (${rc}): ${COMMAND}")
endif()

file(GLOB_RECURSE generated RELATIVE "${OUT_DIR}" "${OUT_DIR}/*")
list(SORT generated)
if(NOT generated)
  message(FATAL_ERROR "generator wrote nothing under ${OUT_DIR}: ${COMMAND}")
endif()

set(stale "")
foreach(rel IN LISTS generated)
  if(NOT EXISTS "${COMMITTED_DIR}/${rel}")
    list(APPEND stale "${rel} (not committed)")
    continue()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT_DIR}/${rel}" "${COMMITTED_DIR}/${rel}"
                  RESULT_VARIABLE differs)
  if(differs)
    list(APPEND stale "${rel}")
  endif()
endforeach()

if(DEFINED OWNED_DIRS)
  foreach(dir IN LISTS OWNED_DIRS)
    file(GLOB_RECURSE committed RELATIVE "${COMMITTED_DIR}" "${COMMITTED_DIR}/${dir}/*")
    foreach(rel IN LISTS committed)
      if(NOT rel IN_LIST generated AND NOT rel MATCHES "/\\.clang-format$")
        list(APPEND stale "${rel} (committed, but no longer generated: delete it)")
      endif()
    endforeach()
  endforeach()
endif()

list(LENGTH generated n)
if(stale)
  string(REPLACE ";" "\n  " stale_lines "${stale}")
  message(FATAL_ERROR
    "These generated files are out of date:\n  ${stale_lines}\n"
    "(fresh copies are in ${OUT_DIR})\n"
    "Regenerate them: run ${HINT}, then commit the result.")
endif()
message(STATUS "${n} generated files match their committed copies")
