#!/usr/bin/env bash
# Renders a run report with a headless Chromium, to look at it (not a test: Chromium may be missing).
#
#   docs/report-check.sh RUN_DIR [OUT_DIR]
#
# Writes OUT_DIR/report.html (default OUT_DIR: target/report-check) with `babysitter report`, then
# OUT_DIR/report.png, a screenshot of the whole page taken by Debian's chromium
# (apt-get install -y chromium). The report is self-contained, so Chromium runs with the network
# switched off; a report that needed the web would show missing pieces in the screenshot.
# Run from the top of the project; it uses ./mvnw exec:java to run the CLI.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 RUN_DIR [OUT_DIR]" >&2
  exit 2
fi
run_dir=$1
out_dir=${2:-target/report-check}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "$0: chromium is not installed (Debian: apt-get install -y chromium)" >&2
  exit 1
fi

mkdir -p "$out_dir"
html=$(cd "$out_dir" && pwd)/report.html
png=$(dirname "$html")/report.png

./mvnw -q exec:java -Dexec.args="report $run_dir --out $html"

# A tall window so that the whole page (charts, events, metrics) fits in one screenshot.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --proxy-server=127.0.0.1:9 --window-size=1100,4000 \
  --screenshot="$png" "file://$html" 2>/dev/null

if [ ! -s "$png" ]; then
  echo "$0: chromium wrote no screenshot" >&2
  exit 1
fi
echo "screenshot: $png"
