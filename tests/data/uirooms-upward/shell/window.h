// The window may include a plot.
#include "curve.h"
