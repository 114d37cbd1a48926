// dynafake — every definition the core's headers declare, in one place: the
// Service's pipeline, its components, the printers. Included at the end of
// dynafake/dynafake.hpp when DYNAFAKE_IMPLEMENTATION or DYNAFAKE_HEADER_ONLY
// is defined (see dynafake/detail/linkage.hpp). The CMake target
// dynafake::dynafake compiles each header listed here as its own translation
// unit (CMakeLists.txt reads this list): a new definitions header is added
// here and nowhere else. A guard rather
// than `#pragma once`: the single header keeps it, so its definitions are
// compiled at most once in a file however often the header is included.
#ifndef DYNAFAKE_DETAIL_IMPLEMENTATION_HPP
#define DYNAFAKE_DETAIL_IMPLEMENTATION_HPP

#include "dynafake/components/backup_records_impl.hpp"
#include "dynafake/components/backups_impl.hpp"
#include "dynafake/components/components_impl.hpp"
#include "dynafake/components/continuous_backups_impl.hpp"
#include "dynafake/components/exports_impl.hpp"
#include "dynafake/components/identity_impl.hpp"
#include "dynafake/components/imports_impl.hpp"
#include "dynafake/components/items_impl.hpp"
#include "dynafake/components/quotas_impl.hpp"
#include "dynafake/components/restores_impl.hpp"
#include "dynafake/components/table_lifecycle_impl.hpp"
#include "dynafake/components/table_schema_impl.hpp"
#include "dynafake/components/table_settings_impl.hpp"
#include "dynafake/components/table_tags_impl.hpp"
#include "dynafake/components/throughput_impl.hpp"
#include "dynafake/components/time_to_live_impl.hpp"
#include "dynafake/components/transactions_impl.hpp"
#include "dynafake/detail/client_impl.hpp"
#include "dynafake/detail/service_impl.hpp"
#include "dynafake/generated/print_impl.hpp"

#endif  // DYNAFAKE_DETAIL_IMPLEMENTATION_HPP
