#pragma once

#include "core/result.h"

#include <string>

namespace fi {

/// A part of the program built as its own shared object and opened the first time it is
/// needed, so that the libraries under it are not mapped at every start: libcurl with the
/// transport and its parsers (sync/curlmodule.h), the TPM and Secret Service stores with
/// tpm2-tss, libsecret and GLib (platform/secretstore.h). docs/performance-notes.md says what
/// each saves.
///
/// `file` is a bare file name ("libfieldinspect-secretstores.so"), looked for where the dynamic
/// loader looks for the executable's own libraries: its run path (build/<preset>/modules in a
/// build tree, <libdir>/fieldinspect when installed) among them, never the working directory
/// or beside a data file. A module is never closed again. Each one exports
/// `fieldinspect_module_version`, which must be this build's version: a module left over from
/// another build is refused, not called. Returns the address of `symbol`; errors:
/// `module_unavailable`, saying which module and why, for the user's "details".
Result<void*> module_symbol(const std::string& file, const std::string& symbol);

/// A data file that ships beside the modules (the interface's font, platform/uifont.h), found
/// the same way and only there: its absolute path, or "" when no directory of the run path has
/// it or `file` is not a bare file name.
std::string module_file(const std::string& file);

} // namespace fi

/// Defined once in each module (the FI_MODULE_VERSION definition comes from fi_add_module).
#define FI_MODULE_EXPORT extern "C" __attribute__((visibility("default")))
