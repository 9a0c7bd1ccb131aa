#!/usr/bin/env bash
# Regenerates docs/images/main-window.png, cost-per-step.png, network-view.png and siblings.png from
# scripted sessions, search-window.png from a small real search, and new-search-grid.png and
# search-grid.png (random against grid on two parameters).
# Needs a display: on a machine without one it starts Xvfb (Debian: xvfb) through xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
run() {
  ./mvnw -q -B exec:java -Dexec.mainClass=babysitter.ui.ScreenshotTool -Dexec.classpathScope=test \
    -Dexec.args="docs/images"
  ./mvnw -q -B exec:java -Dexec.mainClass=babysitter.ui.SiblingsScreenshotTool -Dexec.classpathScope=test \
    -Dexec.args="docs/images"
  ./mvnw -q -B exec:java -Dexec.mainClass=babysitter.ui.search.SearchScreenshot -Dexec.classpathScope=test \
    -Dexec.args="docs/images"
  ./mvnw -q -B exec:java -Dexec.mainClass=babysitter.ui.search.SearchScreenshot -Dexec.classpathScope=test \
    -Dexec.args="docs/images grid"
}
if [ -n "${DISPLAY:-}" ]; then run; else xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "$(declare -f run); run"; fi
