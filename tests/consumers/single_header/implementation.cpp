// The one file of the consumer that compiles dynafake's definitions. It
// includes the header plainly first, as a file does that reaches it through
// one of its own headers, and then again with DYNAFAKE_IMPLEMENTATION: the
// definitions' own guard lets the second inclusion compile them.
#include <dynafake/dynafake.hpp>

#define DYNAFAKE_IMPLEMENTATION
#include <dynafake/dynafake.hpp>
#include <dynafake/dynafake.hpp>  // a third inclusion is a no-op
