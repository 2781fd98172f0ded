#!/usr/bin/env bash
# Publishes the demo store's plans as web editions: Scripts/web-edition/publish-demo.sh OUT
# Builds strategyctl (debug), runs `strategyctl demo` into a fresh store, then `publish` for every plan of it into
# OUT/PLAN/. Prints the directories written. Used by .ci/run (then checked by `check`) and by screenshots.py.
set -euo pipefail
out="${1:?usage: publish-demo.sh OUT}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
swift build --product strategyctl >/dev/null
bin="$(swift build --show-bin-path)/strategyctl"
store="$(mktemp -d /tmp/web-edition-demo-XXXXXX)"
rm -rf "$store" "$out"
LANG=de_DE.UTF-8 "$bin" demo --store "$store" >/dev/null
for plan in boerde cloppenburg cloppenburg-aufbau heidekreis stade vechta; do
  LANG=de_DE.UTF-8 "$bin" --store "$store" publish --plan "$plan" --out "$out/$plan"
done
rm -rf "$store"
