// dynafake — ServiceStats: how much a Service holds right now (Service::Stats()).
// Its own header so the components that count it need not include service.hpp.
#pragma once

#include <cstddef>  // std::size_t

namespace dynafake {

/// Counters for diagnostics: how much the Service holds right now.
struct ServiceStats {
  std::size_t tables = 0;
  std::size_t backups = 0;
  std::size_t histories = 0;        ///< distinct item histories alive (tables and backups share them)
  std::size_t historyVersions = 0;  ///< item versions held across all histories
  std::size_t pendingEvents = 0;    ///< scheduled transitions not yet applied
};

}  // namespace dynafake
