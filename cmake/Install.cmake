# What `cmake --install` puts where: the program, its man pages and shell completions in the
# places man and the shells look, the built-in library and JSON Schema, and the docs.

install(TARGETS stretch-timer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/stretch-timer)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The licence goes in as Debian's copyright file (cmake/Packaging.cmake).
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md" PATTERN "man" EXCLUDE)

# zsh looks in vendor-completions under /usr on Debian and Ubuntu, in site-functions elsewhere.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(stretch_zsh_default "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
else()
  set(stretch_zsh_default "${CMAKE_INSTALL_DATADIR}/zsh/site-functions")
endif()
set(STRETCH_ZSH_COMPLETION_DIR "${stretch_zsh_default}" CACHE STRING "Where the zsh completion goes")
install(FILES completions/stretch-timer.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME stretch-timer)
install(FILES completions/_stretch-timer DESTINATION ${STRETCH_ZSH_COMPLETION_DIR})
install(FILES completions/stretch-timer.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
