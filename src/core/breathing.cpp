#include "stretch/breathing.hpp"

// Placeholder: the breathing pacer is being written with the session engine.
