// stretch-timer: guided back-pain stretching sessions in the terminal.
#include "app/cli.hpp"

int main(int argc, char** argv) { return stretch::app::run(argc, argv); }
