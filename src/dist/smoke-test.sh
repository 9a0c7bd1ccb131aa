#!/usr/bin/env bash
# Smoke test of the Debian package that `./mvnw -Pdist package` built: unpacks it into a scratch
# root (dpkg -x, nothing is installed on this machine), then from the unpacked launcher
#   1. `Babysitter --version` prints the project's version,
#   2. a 2-epoch `train` of the shipped spiral example records a run, and a small search of the
#      shipped digits space ranks its hyperparameters (the trimmed runtime holds what they use),
#   3. the window opens on a virtual display (Xvfb) — screenshot window.png —
#   4. and opening that run's run.json (what the menu entry does) shows it — window-run.png.
# Run from the project root: src/dist/smoke-test.sh  (results in target/dist/smoke/)
# Needs Debian's dpkg, xvfb, xdotool and imagemagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
smoke=target/dist/smoke
deb=$(ls target/dist/babysitter_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "smoke: no target/dist/babysitter_*_amd64.deb; build it with ./mvnw -Pdist package" >&2; exit 1; }
version=$(basename "$deb" | sed 's/^babysitter_\(.*\)_amd64\.deb$/\1/')
for tool in dpkg Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "smoke: '$tool' is missing (Debian: apt-get install dpkg xvfb xdotool imagemagick)" >&2; exit 1; }
done

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
rm -rf "$smoke"
mkdir -p "$smoke/root" "$smoke/work"
smoke=$(cd "$smoke" && pwd)
dpkg -x "$deb" "$smoke/root"
app="$smoke/root/opt/babysitter"
launcher="$app/bin/Babysitter"
[ -x "$launcher" ] || fail "$deb has no opt/babysitter/bin/Babysitter"
echo "smoke: unpacked $deb ($(du -h "$deb" | cut -f1); $(du -sh "$app" | cut -f1) unpacked)"
dpkg-deb -e "$deb" "$smoke/control"
for script in postinst prerm; do
  sh -n "$smoke/control/$script" || fail "the package's $script is not a valid shell script"
done

# 1. the version
printed=$("$launcher" --version)
[ "$printed" = "babysitter $version" ] || fail "--version printed '$printed', expected 'babysitter $version'"
echo "smoke: --version: $printed"

# 2. two epochs of the spiral example shipped in the package
cd "$smoke/work"
start=$SECONDS
status=0
"$launcher" train --config "$app/lib/app/examples/spiral.json" --epochs 2 --out runs >train.log 2>&1 || status=$?
[ "$status" = 0 ] || { cat train.log; fail "train exited with status $status"; }
run=$(ls -d runs/*/ | head -1)
run=${run%/}
[ -f "$run/run.json" ] || fail "train made no run folder with a run.json"
grep -q '^epoch 2/2' train.log || { cat train.log; fail "train did not report epoch 2/2"; }
echo "smoke: train: 2 epochs in $((SECONDS - start)) s, run folder $run"
start=$SECONDS
status=0
"$launcher" search --space "$app/lib/app/examples/digits-space.json" --trials 5 --epochs 1 --parallel 1 \
  --out search >search.log 2>&1 || status=$?
[ "$status" = 0 ] || { cat search.log; fail "search exited with status $status"; }
status=0
"$launcher" search --importance search >importance.log 2>&1 || status=$?
[ "$status" = 0 ] || { cat importance.log; fail "search --importance exited with status $status"; }
grep -q learningRate importance.log || { cat importance.log; fail "search --importance named no learningRate"; }
echo "smoke: search: 5 trials and their importance in $((SECONDS - start)) s"

# 3. and 4. the window on a virtual display
display=""
for n in $(seq 150 180); do [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }; done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1680x1050x24 >xvfb.log 2>&1 &
xvfb=$!
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1

# Starts the launcher with the given arguments, waits for its window and takes a screenshot.
window_shot() {
  local name=$1 settle=$2; shift 2
  DISPLAY=$display "$launcher" "$@" >"$name.log" 2>&1 &
  app_pid=$!
  local start=$SECONDS
  until DISPLAY=$display xdotool search --onlyvisible --name '^Babysitter$' >/dev/null 2>&1; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$name.log"; fail "the program exited before its window opened"; }
    [ $((SECONDS - start)) -lt 120 ] || fail "no window after 120 s (log: $smoke/work/$name.log)"
    sleep 1
  done
  echo "smoke: window up after $((SECONDS - start)) s"
  sleep "$settle"   # let the first frames draw (and a run be read: ND4J starts first)
  DISPLAY=$display import -window root "$smoke/$name.png"
  echo "smoke: screenshot $smoke/$name.png"
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}
window_shot window 5
window_shot window-run 30 "$smoke/work/$run/run.json"
echo "smoke: passed (look at the screenshots)"
