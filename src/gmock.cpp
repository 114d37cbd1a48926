// dynafake — the compiled part of the GoogleMock front, built once by the
// CMake target dynafake::gmock: MockClient's members.
#define DYNAFAKE_GMOCK_IMPLEMENTATION
#include "dynafake/gmock.hpp"
