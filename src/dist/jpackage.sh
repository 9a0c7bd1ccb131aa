#!/usr/bin/env bash
# Builds the installed form of Babysitter with the JDK's jpackage; `./mvnw -Pdist package` runs it
# after the jar is made (see the dist profile in pom.xml, which passes the arguments).
#
#   jpackage.sh JAVA_HOME BUILD_DIR VERSION MODULES DEB NATIVE_CLASSIFIER
#
# JAVA_HOME  the JDK whose jpackage and jlink are used (the one running Maven)
# BUILD_DIR  Maven's target/; the jar and target/dist-input/ (the dependencies) must be there
# MODULES    the JDK modules of the trimmed runtime, comma-separated; ALL for jpackage's default
#            runtime (every module of the JDK that a class-path application might need)
# DEB        true to build the Debian package as well (needs fakeroot and dpkg-deb)
# NATIVE_CLASSIFIER  the platform of ND4J's native libraries in the build (-Dnative.classifier)
#
# Makes BUILD_DIR/dist/Babysitter/ (the application image: bin/Babysitter, lib/runtime, lib/app)
# and BUILD_DIR/dist/babysitter_VERSION_amd64.deb.
set -euo pipefail
java_home=$1 build=$2 version=$3 modules=$4 deb=$5 classifier=$6
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
jpackage="$java_home/bin/jpackage"
input="$build/dist-input"
dist="$build/dist"

fail() { echo "dist: $*" >&2; exit 1; }
# jpackage builds for the machine it runs on; ND4J's libraries must be that machine's too
host="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m | sed 's/^amd64$/x86_64/')"
[ "$classifier" = "$host" ] || fail "-Dnative.classifier=$classifier, but jpackage here builds for $host: the program could not load ND4J (build the package on a $classifier machine)"
[ -x "$jpackage" ] || fail "$jpackage not found: build with a full JDK 17 or later (Debian: openjdk-17-jdk), not a JRE"
if [ "$deb" = true ]; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || fail "the Debian package needs '$tool' (Debian: apt-get install fakeroot dpkg); or build only the image with -Ddist.deb=false"
  done
fi

jar="babysitter-$version.jar"
[ -f "$build/$jar" ] || fail "$build/$jar not found (run through ./mvnw -Pdist package)"
cp "$build/$jar" "$input/"
# the example configurations land in lib/app/examples/ of the installed program, the run.json
# file type (installed by the package's postinst) in lib/app/desktop/
mkdir -p "$input/examples" "$input/desktop"
cp "$project"/assets/examples/*.json "$input/examples/"
cp "$here/linux/babysitter-run.xml" "$input/desktop/"

rm -rf "$dist"
mkdir -p "$dist"
runtime=()
if [ "$modules" != ALL ]; then
  runtime=(--add-modules "$modules")
fi

start=$SECONDS
# One launcher for both faces: no arguments opens the window, arguments run the command line.
# Half the memory at most (the tests and javafx:run give 4 GB; a laptop may have less).
"$jpackage" --type app-image --dest "$dist" \
  --name Babysitter --app-version "$version" \
  --description "Babysit one neural-network training run: watch it, steer it, rewind it" \
  --vendor Babysitter --copyright "Babysitter authors" \
  --icon "$project/assets/icon/babysitter.png" \
  --input "$input" --main-jar "$jar" --main-class babysitter.Main \
  --java-options "-XX:MaxRAMPercentage=50" \
  "${runtime[@]}"
echo "dist: application image $dist/Babysitter ($(du -sh "$dist/Babysitter" | cut -f1), runtime $(du -sh "$dist/Babysitter/lib/runtime" | cut -f1)) in $((SECONDS - start)) s"

if [ "$deb" = true ]; then
  start=$SECONDS
  # src/dist/linux/ replaces jpackage's control file (the version without a Debian revision),
  # menu entry (which passes the opened run.json on) and maintainer scripts (the `babysitter`
  # command in /usr/bin, the run.json file type: that name only, not every .json file, which
  # jpackage's own file associations would claim). JavaFX brings its native libraries inside its
  # jars, so jpackage cannot see what they link: GTK 3 and OpenGL are named by hand.
  # gzip, not dpkg-deb's default xz: the jars are compressed already, and xz took 7 minutes on
  # two cores for 4 % less.
  DPKG_DEB_COMPRESSOR_TYPE=gzip "$jpackage" --type deb --dest "$dist" --app-image "$dist/Babysitter" \
    --name Babysitter --app-version "$version" \
    --description "Babysit one neural-network training run: watch it, steer it, rewind it" \
    --vendor Babysitter --copyright "Babysitter authors" \
    --icon "$project/assets/icon/babysitter.png" \
    --linux-package-name babysitter --linux-deb-maintainer "babysitter@localhost" \
    --linux-menu-group "Education;Science;" --linux-app-category science --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libgl1" \
    --resource-dir "$here/linux"
  built=$(ls "$dist"/babysitter_*.deb)
  mv "$built" "$dist/babysitter_${version}_amd64.deb"
  echo "dist: Debian package $dist/babysitter_${version}_amd64.deb ($(du -h "$dist/babysitter_${version}_amd64.deb" | cut -f1)) in $((SECONDS - start)) s"
fi
