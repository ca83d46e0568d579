#include "stretch/session.hpp"

// Placeholder: the session engine is being written. Definitions come with it.
