#!/usr/bin/env bash
# Walks the wizard on the demo emulator in tmux and keeps each screen as text in docs/screens/,
# for the README. Needs tmux. Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screens
mkdir -p "$out"
session="nginxaas-keys-screens-$$"
tmux new-session -d -s "$session" -x 100 -y 30 "env -u CI TZ=UTC node bin/nginxaas-keys.js --demo; sleep 5"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT

shot() { sleep "${2:-0.6}"; tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$out/$1.txt"; }
keys() { tmux send-keys -t "$session" "$@"; }

shot 1-choose-deployment 2
keys -l 'web-0'; shot 2-filter
keys Enter; keys -l 'nlk-prod'; shot 3-name-exists
for _ in 1 2 3 4 5 6 7 8; do keys BSpace; done
keys -l 'nlk-cluster-a'; keys Enter; shot 4-expiry
keys Enter; keys -l 'abc'; shot 5-key-value-weak
keys Enter; shot 6-key-value-refused 0.3
for _ in 1 2 3; do keys BSpace; done
keys Enter; shot 7-review
keys Enter; shot 8-reveal 1.5
keys q; keys y; shot 9-after-exit 1
echo "screens written to $out"
