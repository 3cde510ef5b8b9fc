#pragma once

namespace fi::platform {

/// Called first thing by the app's and the command line's main(). In release builds (NDEBUG)
/// it makes the process non-dumpable (prctl PR_SET_DUMPABLE 0): a crash writes no core file
/// holding the PIN, the data key or decrypted records, and another process of the same user
/// cannot ptrace it or read its memory through /proc. Debug builds (the tests', a developer's
/// debugger) are left as they are. Returns whether the process is now non-dumpable.
bool deny_core_dumps();

} // namespace fi::platform
