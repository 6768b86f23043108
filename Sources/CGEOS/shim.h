// Only the reentrant (_r) GEOS C API: every call names the context it runs in,
// so one context per thread is enough for thread safety.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
