# Writes OUT: a copy of one source of the check cache with one safety
# planted out of it, the break that the mutant MUTANT carries
# (tests/check_cache/mutants_catch.sh). Fails the build when the text to
# replace is not in the source, so a mutant never quietly stays the
# unbroken program after the source moved on.
set(stamp "${SOURCE_DIR}/src/record/client_stamp.cpp")
set(store "${SOURCE_DIR}/src/record/client_cache.cpp")
set(cache "${SOURCE_DIR}/src/check/check_cache.cpp")
# A stamp without the modification time, or without the size, is no
# mutant here: any change of a file's bytes also changes its ctime, which
# the stamp keeps, so no edit could tell them from the program.
if(MUTANT STREQUAL "stamp-no-ctime")
  # An edit that sets the modification time back shows only in ctime.
  set(source "${stamp}")
  set(from [[static_cast<std::int64_t>(st.st_ctim.tv_sec), static_cast<std::int64_t>(st.st_ctim.tv_nsec),]])
  set(to [[0, 0,]])
elseif(MUTANT STREQUAL "stamp-unread")
  # A kept report (or row) served whatever the folder holds now.
  set(source "${store}")
  set(from [[found->second.digest != digest]])
  set(to [[(found->second.digest != digest && false)]])
elseif(MUTANT STREQUAL "key-no-as-of")
  # A report of one date served for another.
  set(source "${cache}")
  set(from [[key += "as of " + options.today.str() + '\n';]])
  set(to [[key += "as of\n";]])
elseif(MUTANT STREQUAL "key-no-settings")
  # A report made under other settings served after casekit.yaml changed.
  set(source "${cache}")
  set(from [[put_text(key, settings_text);]])
  set(to [[(void)settings_text;]])
else()
  message(FATAL_ERROR "plant.cmake: no mutant '${MUTANT}'")
endif()
file(READ "${source}" text)
string(FIND "${text}" "${from}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "plant.cmake: the text ${MUTANT} replaces is not in ${source}: update the mutant")
endif()
string(REPLACE "${from}" "${to}" text "${text}")
file(WRITE "${OUT}" "${text}")
