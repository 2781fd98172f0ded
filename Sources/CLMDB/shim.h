#ifndef CLMDB_SHIM_H
#define CLMDB_SHIM_H

// The whole of LMDB's C API, as Debian's liblmdb-dev installs it.
#include <lmdb.h>

#endif
