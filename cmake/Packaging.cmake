# A Debian package through CPack: configure with -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=Release,
# build, then `cpack -G DEB` in the build folder. The binary is stripped, the library
# dependencies come from dpkg-shlibdeps, and the docs carry Debian's copyright and changelog.

set(CPACK_PACKAGE_NAME stretch-timer)
set(CPACK_PACKAGE_VENDOR "stretch-timer")
set(CPACK_PACKAGE_CONTACT "stretch-timer maintainers <stretch-timer@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "guided back-pain stretching sessions in the terminal")
# Lines under 80 columns, as Debian's control files want them.
set(CPACK_PACKAGE_DESCRIPTION
    "stretch-timer walks you through a stretching routine for the back: when to
get into position, how long to hold, which side, which rep, when to breathe
in and out, and what must make you stop. It has a full-screen mode and a
plain line-per-cue mode for screen readers, keeps a history of sessions with
a pain check-in, and reads routines from JSON files.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/stretch-timer/stretch-timer")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# The terminal descriptions the full screen needs beyond ncurses-base's few; and the libraries
# the program opens only when it first needs them (app/shared_library.hpp), which shlibdeps
# cannot see: the voice (espeak-ng and its data, speech-dispatcher), sounds (PulseAudio's simple
# API) and desktop notifications for reminders (libsystemd). Without them the program runs and
# says what it cannot do.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "ncurses-term, libespeak-ng1, espeak-ng-data, libpulse0, libspeechd2, libsystemd0")

# Debian wants /usr/share/doc/PACKAGE/copyright (every install gets it: it is the licence) and a
# compressed changelog.Debian.
set(stretch_debian_dir "${PROJECT_BINARY_DIR}/debian-doc")
file(READ "${PROJECT_SOURCE_DIR}/LICENSE" stretch_license)
file(WRITE "${stretch_debian_dir}/copyright"
     "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
     "Upstream-Name: stretch-timer\n\n"
     "Files: *\nCopyright: stretch-timer contributors\nLicense: Expat\n")
string(REGEX REPLACE "\n\n" "\n.\n" stretch_license_paragraphs "${stretch_license}")
string(REGEX REPLACE "\n([^\n])" "\n \\1" stretch_license_indented "${stretch_license_paragraphs}")
file(APPEND "${stretch_debian_dir}/copyright" " ${stretch_license_indented}")
install(FILES "${stretch_debian_dir}/copyright" DESTINATION ${CMAKE_INSTALL_DOCDIR})

# What only a .deb carries (changelog.Debian.gz, compressed man pages): cmake/DebianStaging.cmake.in.
string(TIMESTAMP stretch_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE "${stretch_debian_dir}/changelog.Debian"
     "stretch-timer (${PROJECT_VERSION}-1) unstable; urgency=medium\n\n"
     "  * Built with CPack from the upstream source.\n\n"
     " -- ${CPACK_PACKAGE_CONTACT}  ${stretch_date}\n")
set(STRETCH_DEBIAN_DOC_DIR "${stretch_debian_dir}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/DebianStaging.cmake.in" "${stretch_debian_dir}/staging.cmake" @ONLY)
set(CPACK_PRE_BUILD_SCRIPTS "${stretch_debian_dir}/staging.cmake")

include(CPack)
