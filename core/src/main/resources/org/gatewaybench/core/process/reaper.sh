# The reaper of one gateway-bench JVM (see ChildProcesses). It reads lines from the JVM on stdin:
#   watch PID START   the JVM started PID (start time START, clock ticks since boot) as a session leader
#   release PID       that session has no process left
# End of input means the JVM is gone (exited, killed with SIGKILL, taken by the OOM killer: the
# kernel closes its end of the pipe in every case). Then every process still running in a watched
# session is killed with SIGKILL: nginx masters and workers, HAProxy, wrk. Terminal signals are
# ignored so that Ctrl-C or a closed terminal cannot end the reaper before the JVM.
trap '' INT TERM HUP QUIT PIPE
set -f  # the stat fields are split into words below; none of them is a pattern
declare -A started=()
while read -r verb pid ticks; do
  case "$verb" in
    watch) started[$pid]=$ticks ;;
    release) unset "started[$pid]" ;;
  esac
done
(( ${#started[@]} )) || exit 0
# A watched pid that now names a later process: that session ended long ago, leave the pid's owner alone.
for pid in "${!started[@]}"; do
  if { read -r line < "/proc/$pid/stat"; } 2>/dev/null; then
    f=(${line##*) })
    [[ ${f[19]} == "${started[$pid]}" ]] || unset "started[$pid]"
  fi
done
# Kill until no watched session has a live process (a master may fork a worker while it is killed).
for round in 1 2 3 4 5; do
  victims=()
  set +f
  stats=(/proc/[0-9]*/stat)
  set -f
  for stat in "${stats[@]}"; do
    { read -r line < "$stat"; } 2>/dev/null || continue
    # Fields after the command name: state (3) is f[0], session (6) f[3], start time (22) f[19].
    f=(${line##*) })
    sid=${f[3]}
    first=${started[$sid]:-}
    [[ -n $first && ${f[0]} != Z && ${f[0]} != X && ${f[19]} -ge $first ]] || continue
    victims+=("${stat:6:-5}")
  done
  (( ${#victims[@]} )) || exit 0
  kill -KILL "${victims[@]}" 2>/dev/null
done
