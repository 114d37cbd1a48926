// dynafake — where the compiled part of dynafake is defined: DYNAFAKE_IMPL.
//
// The public headers declare; the definitions (the Service's operations, the
// validation rules, the printers) are compiled once:
//   - by the CMake target dynafake::dynafake (one translation unit per
//     header detail/implementation.hpp lists), or
//   - in the one file of yours that defines DYNAFAKE_IMPLEMENTATION before
//     including dynafake/dynafake.hpp (the copied single header), or
//   - in every file, as inline functions, when DYNAFAKE_HEADER_ONLY is defined
//     for the whole program (slower to compile; nothing to link).
// Every out-of-line definition is written `DYNAFAKE_IMPL Type Name(...)`.
#pragma once

#if defined(DYNAFAKE_HEADER_ONLY)
#define DYNAFAKE_IMPL inline
#else
#define DYNAFAKE_IMPL
#endif
