#!/usr/bin/env bash
# Walks the wizard on the demo emulator in tmux at 80×24 and keeps each screen as text in
# docs/screens/, for the README: the list with its expiry marks, the key console (delete, rotate),
# then a new key. Needs tmux. Run after `npm run build`. The demo world is a fresh one.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${SCREENS_OUT:-docs/screens}
mkdir -p "$out"
state=$(mktemp -d)
session="nginxaas-keys-screens-$$"
tmux new-session -d -s "$session" -x 80 -y 24 "env -u CI TZ=UTC XDG_STATE_HOME='$state' node bin/nginxaas-keys.js --demo; sleep 5"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$state"' EXIT

shot() { sleep "${2:-0.6}"; tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$out/$1.txt"; }
keys() { tmux send-keys -t "$session" "$@"; }

shot 1-choose-deployment 2.5
keys '!'; shot 2-expiring-only
keys Escape; keys -l 'web01'; keys Enter; shot 3-key-console 1.2
keys d; keys -l 'ci-2025'; shot 4-delete-confirm
keys Enter; shot 5-deleted 1.2
keys r; shot 6-rotate-plan
keys Enter; shot 7-rotation-shown 2.5
# Enter on a new key never shown asks before the old one goes; r shows it, then Enter goes on.
keys Enter; shot 7-rotation-unheld 1
keys r; keys Enter; shot 8-rotated 2.5
keys n; keys -l 'nlk-prod-2'; shot 9-name-exists
for _ in 1 2 3 4 5 6 7 8 9 10; do keys BSpace; done
keys -l 'nlk-cluster-a'; keys Enter; shot 10-expiry
keys Enter; keys -l 'abc'; shot 11-key-value-weak
for _ in 1 2 3; do keys BSpace; done
keys Enter; shot 12-review 1
keys Enter; shot 13-reveal 2
keys q; keys y; shot 14-after-exit 1
echo "screens written to $out"
