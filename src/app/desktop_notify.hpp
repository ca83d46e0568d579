#pragma once
// Telling the person something when no program of ours is on their screen: a desktop
// notification over D-Bus (the freedesktop Notifications interface), or else a line on the
// terminals they are logged in on.

#include <string>

namespace stretch::app {

// Sends org.freedesktop.Notifications.Notify on the session bus. False, with the reason in
// `error`, when there is no session bus or no notification server on it.
bool send_desktop_notification(const std::string& title, const std::string& body, std::string& error);

// Writes the text to each terminal the user is logged in on (as `write` does), never to one
// that is not theirs. Returns how many got it.
int write_to_user_terminals(const std::string& text);

}  // namespace stretch::app
