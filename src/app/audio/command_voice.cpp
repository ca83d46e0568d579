#include "app/audio/live_voice.hpp"

namespace stretch::app {
namespace {

class CommandVoice final : public LiveVoice {
 public:
  CommandVoice(std::string command, ChildProcesses& children) : command_(std::move(command)), children_(children) {}
  // The last words (the session's "done") are left to finish: the program is ending, and
  // the command is the person's own, which stops by itself.
  ~CommandVoice() override = default;
  CommandVoice(const CommandVoice&) = delete;
  CommandVoice& operator=(const CommandVoice&) = delete;

  std::string say(const std::string& words) override {
    stop();
    std::string error;
    speaking_ = children_.start(command_, {}, words + "\n", error);
    return error;
  }
  void stop() override {
    if (speaking_ > 0) children_.stop(speaking_);
    speaking_ = -1;
  }

 private:
  std::string command_;
  ChildProcesses& children_;
  pid_t speaking_ = -1;
};

}  // namespace

std::unique_ptr<LiveVoice> command_voice(std::string command, ChildProcesses& children) {
  return std::make_unique<CommandVoice>(std::move(command), children);
}

}  // namespace stretch::app
