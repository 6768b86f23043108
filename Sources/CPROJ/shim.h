// PROJ's transformation API and its bundled copy of GeographicLib's geodesic routines.
#include <proj.h>
#include <geodesic.h>
