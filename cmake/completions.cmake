# Writes the completion scripts with the casekit just built:
# cmake -DCASEKIT=path/to/casekit -DOUT=folder -P completions.cmake
foreach(pair "bash;casekit" "zsh;_casekit" "fish;casekit.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(COMMAND ${CASEKIT} completion ${shell} OUTPUT_FILE ${OUT}/${name} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "casekit completion ${shell} failed: ${status}")
  endif()
endforeach()
