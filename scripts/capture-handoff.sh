#!/usr/bin/env bash
# Walks the wizard on --demo through the hand-off menu in tmux (in a scratch folder, where the
# files land) and keeps the reveal panel as text in docs/screens/, for the README. Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/docs/screens"
scratch=$(mktemp -d)
session="nginxaas-keys-handoff-$$"
tmux new-session -d -s "$session" -x 80 -y 24 -c "$scratch" "env -u CI TZ=UTC XDG_STATE_HOME=$scratch node '$root/bin/nginxaas-keys.js' --demo -d web-01 --name nlk-cluster-a; sleep 5"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$scratch"' EXIT
shot() { sleep "${2:-0.8}"; tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$out/$1.txt"; }
keys() { tmux send-keys -t "$session" "$@"; }
sleep 2
keys Enter; sleep 0.5; keys Enter; sleep 0.5; keys Enter; sleep 0.5; keys Enter; sleep 2
keys h; shot 15-handoff-menu
keys Enter; sleep 0.5; keys Enter; sleep 1
keys h Down Down Down Enter; sleep 0.5; keys Enter; shot 16-handed-off 1.5
keys q y
echo "screens written to $out"
