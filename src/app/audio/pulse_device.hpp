#pragma once
// The sound card, through PulseAudio's simple API: PulseAudio desktops and PipeWire ones
// (through pipewire-pulse) alike, and it shares the card with everything else playing.

#include <memory>
#include <string>

#include "app/audio/audio_device.hpp"
#include "app/clock.hpp"

namespace stretch::app {

// nullptr with `why_not` set when there is no sound server to talk to (no desktop session,
// a machine with no sound card, a CI runner).
[[nodiscard]] std::unique_ptr<AudioDevice> open_pulse_device(const SessionClock& clock, std::string& why_not);

}  // namespace stretch::app
