// dynafake — the compiled part of the core, built once by the CMake target
// dynafake::dynafake: every definition dynafake/dynafake.hpp declares.
#define DYNAFAKE_IMPLEMENTATION
#include "dynafake/dynafake.hpp"
