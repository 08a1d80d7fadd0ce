// A plot that includes the window above it: the rooms check must refuse it.
#include "window.h"
