// dynafake — the typed Client's one instantiation, compiled with dynafake's
// definitions: client.hpp declares it `extern`, so a test file that makes a
// Client instantiates only the calls it makes (dynafake/detail/linkage.hpp says
// where the compiled part is). Header-only use instantiates it where used.
#pragma once

#include "dynafake/client.hpp"

namespace dynafake {

#if !defined(DYNAFAKE_HEADER_ONLY)
template class BasicClient<InProcess>;
#endif

}  // namespace dynafake
