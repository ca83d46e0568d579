# fish completion for stretch-timer: subcommands, options, levels, and routine ids asked of the
# program itself (stretch-timer list --ids), so the user's own routines complete too.

function __stretch_timer_ids
    set -l program (commandline -opc)[1]
    $program list --ids 2>/dev/null
end

set -l commands session list show validate history stats
complete -c stretch-timer -f
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -l help -d 'Show help'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a session -d 'Run a guided session'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a list -d 'List the routines'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a show -d 'Show a routine'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check routine files'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a history -d 'List past sessions'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a stats -d 'Streaks, time and the pain trend'

complete -c stretch-timer -n "__fish_seen_subcommand_from session show" -a '(__stretch_timer_ids)' -d Routine
complete -c stretch-timer -n "__fish_seen_subcommand_from session show" -l level -x -a 'gentle standard full' -d 'Low end, middle or high end of ranges'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l plain -d 'Line-by-line cues, no full screen'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l check -d 'Ask the safety check even if answered today'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l no-checkin -d 'No pain rating before and after'
complete -c stretch-timer -n "__fish_seen_subcommand_from list" -l tag -x -d 'Only routines with this tag'
complete -c stretch-timer -n "__fish_seen_subcommand_from list" -l json -d 'Print JSON'
complete -c stretch-timer -n "__fish_seen_subcommand_from list" -l ids -d 'Print only the ids'
complete -c stretch-timer -n "__fish_seen_subcommand_from validate" -F
complete -c stretch-timer -n "__fish_seen_subcommand_from history" -l since -x -d 'Only sessions on or after YYYY-MM-DD'
complete -c stretch-timer -n "__fish_seen_subcommand_from history" -l json -d 'Print JSON'
complete -c stretch-timer -n "__fish_seen_subcommand_from history" -l csv -d 'Print CSV'
complete -c stretch-timer -n "__fish_seen_subcommand_from $commands" -l help -d 'Show help'
