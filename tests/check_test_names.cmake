# A doctest name with a ';' becomes two ctest entries (CMake splits the list), each of which
# runs no test case and passes: the test is silently never run. This check lists every test
# case of each doctest executable given in BINARIES (separated by '|') and fails naming any
# name with a ';'.
string(REPLACE "|" ";" binaries "${BINARIES}")
set(bad "")
foreach(binary IN LISTS binaries)
  execute_process(COMMAND "${binary}" --list-test-cases --no-version=true
                  OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${binary} --list-test-cases failed (${rc})")
  endif()
  # Lines, without letting CMake split on the ';' we look for.
  string(REPLACE ";" "<SEMICOLON>" listing "${listing}")
  string(REPLACE "\n" ";" lines "${listing}")
  foreach(line IN LISTS lines)
    if(line MATCHES "<SEMICOLON>")
      string(REPLACE "<SEMICOLON>" ";" line "${line}")
      string(APPEND bad "\n  ${binary}: ${line}")
    endif()
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "test names with ';' (ctest would never run them):${bad}")
endif()
message(STATUS "no ';' in the test names of ${BINARIES}")
