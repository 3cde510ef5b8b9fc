#include "platform/processhardening.h"

#include <sys/prctl.h>

namespace fi::platform {

bool deny_core_dumps() {
#ifdef NDEBUG
    return ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return false;
#endif
}

} // namespace fi::platform
