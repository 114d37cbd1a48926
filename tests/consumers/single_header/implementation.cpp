// The one file of the consumer that compiles dynafake's definitions.
#define DYNAFAKE_IMPLEMENTATION
#include <dynafake/dynafake.hpp>
