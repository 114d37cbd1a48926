# Runs journal_on_failure (-DBINARY=...) and checks what GoogleTest printed:
# the failed tests' journals, one line a call with offsets from the test's
# start, and no journal for the test that passed. The binary must exit non-zero.
execute_process(COMMAND "${BINARY}" OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
set(out "${out}${err}")
if(rc EQUAL 0)
  message(FATAL_ERROR "journal_on_failure passed, but two of its tests fail on purpose:\n${out}")
endif()
set(expected
  "[ dynafake ] journal of a Sandbox of JournalOnFailure.FailsOnPurpose (2 calls, times from its start):\n#1 +0:00:00.000 CreateTable table \"orders\": ok\n#2 +0:00:03.000 CreateBackup table \"orders\": TableInUseException (state) \"Table is being created: orders\"\n[  FAILED  ] JournalOnFailure.FailsOnPurpose"
  "[ dynafake ] journal of a Service of JournalOnFailure.AServiceOfItsOwn (1 call, times from its start):\n#1 +0:01:00.000 DescribeTable table \"gone\": ResourceNotFoundException (state) \"Requested resource not found: Table: gone not found\"\n[  FAILED  ] JournalOnFailure.AServiceOfItsOwn")
foreach(text IN LISTS expected)
  string(FIND "${out}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the output lacks:\n${text}\n--- output:\n${out}")
  endif()
endforeach()
string(FIND "${out}" "journal of a Sandbox of JournalOnFailure.Passes" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "a journal was printed for a test that passed:\n${out}")
endif()
