# fish completion for stretch-timer: subcommands, options, levels, and routine ids asked of the
# program itself (stretch-timer list --ids), so the user's own routines complete too.

function __stretch_timer_ids
    set -l program (commandline -opc)[1]
    $program list --ids 2>/dev/null
end

set -l commands session list show validate history stats tips report remind
complete -c stretch-timer -f
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -l help -d 'Show help'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a session -d 'Run a guided session'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a list -d 'List the routines'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a show -d 'Show a routine'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check routine files'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a history -d 'List past sessions'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a stats -d 'Streaks, time and the pain trend'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a tips -d 'Tips for stretching safely'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a report -d 'An HTML report for a physiotherapist'
complete -c stretch-timer -n "not __fish_seen_subcommand_from $commands" -a remind -d 'Reminders to stretch'

complete -c stretch-timer -n "__fish_seen_subcommand_from session show" -a '(__stretch_timer_ids)' -d Routine
complete -c stretch-timer -n "__fish_seen_subcommand_from session show" -l level -x -a 'gentle standard full' -d 'Low end, middle or high end of ranges'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l plain -d 'Line-by-line cues, no full screen'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l check -d 'Ask the safety check even if answered today'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l no-checkin -d 'No pain rating before and after'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l resume -d 'Go on with the session that stopped'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l from -x -d 'Start the routine at this exercise'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l sound -x -a 'tones ticks bell off' -d 'How the session sounds'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l voice -d 'Speak the cues'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l no-voice -d 'Do not speak the cues'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l audio-file -r -F -d 'Write the sound to this WAV file instead of playing it'
complete -c stretch-timer -n "__fish_seen_subcommand_from session" -l on-cue -x -d 'Run this command for each cue'
complete -c stretch-timer -n "__fish_seen_subcommand_from list" -l tag -x -d 'Only routines with this tag'
complete -c stretch-timer -n "__fish_seen_subcommand_from list" -l json -d 'Print JSON'
complete -c stretch-timer -n "__fish_seen_subcommand_from list" -l ids -d 'Print only the ids'
complete -c stretch-timer -n "__fish_seen_subcommand_from validate" -F
complete -c stretch-timer -n "__fish_seen_subcommand_from history" -l since -x -d 'Only sessions on or after YYYY-MM-DD'
complete -c stretch-timer -n "__fish_seen_subcommand_from history" -l json -d 'Print JSON'
complete -c stretch-timer -n "__fish_seen_subcommand_from history" -l csv -d 'Print CSV'
complete -c stretch-timer -n "__fish_seen_subcommand_from report" -l since -x -d 'The first day, YYYY-MM-DD'
complete -c stretch-timer -n "__fish_seen_subcommand_from report" -s o -l output -r -F -d 'Write to this file'
set -l remind_actions add list remove fire
complete -c stretch-timer -n "__fish_seen_subcommand_from remind; and not __fish_seen_subcommand_from $remind_actions" -a add -d 'Add a reminder'
complete -c stretch-timer -n "__fish_seen_subcommand_from remind; and not __fish_seen_subcommand_from $remind_actions" -a list -d 'List the reminders'
complete -c stretch-timer -n "__fish_seen_subcommand_from remind; and not __fish_seen_subcommand_from $remind_actions" -a remove -d 'Remove a reminder'
complete -c stretch-timer -n "__fish_seen_subcommand_from remind; and not __fish_seen_subcommand_from $remind_actions" -a fire -d 'Remind now'
complete -c stretch-timer -n "__fish_seen_subcommand_from remind; and __fish_seen_subcommand_from add" -a '(__stretch_timer_ids)' -d Routine
complete -c stretch-timer -n "__fish_seen_subcommand_from remind; and __fish_seen_subcommand_from add" -l between -x -d 'With every: HH:MM-HH:MM'
complete -c stretch-timer -n "__fish_seen_subcommand_from $commands" -l help -d 'Show help'
