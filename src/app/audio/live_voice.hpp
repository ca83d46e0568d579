#pragma once
// A voice that plays by itself, outside the program's sound (speech-dispatcher, or a
// command of the user's): the program hands it the words and can cut it short, but cannot
// write it to a file. Used from the announcer's worker thread only.

#include <memory>
#include <string>

#include "app/audio/child_processes.hpp"

namespace stretch::app {

class LiveVoice {
 public:
  virtual ~LiveVoice() = default;
  // Says `words`, cutting short whatever it was still saying. Returns what went wrong, or
  // the empty string.
  virtual std::string say(const std::string& words) = 0;
  // Falls silent.
  virtual void stop() = 0;
};

// speech-dispatcher, the desktop's speech service (screen readers use it). nullptr with
// `why_not` set when it cannot be reached. `rate` is in words a minute, as for espeak-ng;
// `voice_name`'s language part ("en" of "en-gb+f3") picks the language.
[[nodiscard]] std::unique_ptr<LiveVoice> open_speech_dispatcher(const std::string& voice_name, int rate,
                                                                std::string& why_not);

// `command` (through /bin/sh) is started for each utterance with the words on its stdin;
// the one before is ended (SIGTERM) if still speaking; the last is left to finish when the
// voice is closed (the session's "done"). `children` must outlive the voice.
[[nodiscard]] std::unique_ptr<LiveVoice> command_voice(std::string command, ChildProcesses& children);

}  // namespace stretch::app
