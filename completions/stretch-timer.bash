# bash completion for stretch-timer: subcommands, options, levels, and routine ids asked of
# the program itself (stretch-timer list --ids), so the user's own routines complete too.

_stretch_timer() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) command=${COMP_WORDS[i]} && break ;;
    esac
  done

  case $prev in
    --level)
      mapfile -t COMPREPLY < <(compgen -W "gentle standard full" -- "$cur")
      return ;;
    --sound)
      mapfile -t COMPREPLY < <(compgen -W "tones ticks bell off" -- "$cur")
      return ;;
    --audio-file)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      compopt -o filenames 2>/dev/null
      return ;;
    --tag | --since | --from | --on-cue) return ;;  # free text: nothing to offer
  esac

  local words="" ids=false
  case $command in
    "") words="session list show validate history stats tips report remind --help --version" ;;
    session) words="--level --plain --check --no-checkin --resume --from --sound --voice --no-voice --audio-file --on-cue --help" ids=true ;;
    show) words="--level --help" ids=true ;;
    list) words="--tag --json --ids --help" ;;
    history) words="--since --json --csv --help" ;;
    stats | tips) words="--help" ;;
    report) words="--since -o --output --help" ;;
    remind) words="add list remove fire --between --help" ids=true ;;
    validate)
      if [[ $cur == -* ]]; then words="--help"; else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null
        return
      fi ;;
  esac
  if [[ $ids == true && $cur != -* ]]; then
    # The program as typed (./build/stretch-timer works too); its stderr is not for the prompt.
    words+=" $("${COMP_WORDS[0]}" list --ids 2>/dev/null)"
  fi
  mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _stretch_timer stretch-timer
