#!/bin/bash
# Writes resources/latentlab/app/classes.lst: the classes a start of the window and the usual commands load,
# from which the build writes the class-data archive (latentlab.app.ClassArchive). Re-run it after larger changes
# (a class missing from the list is only loaded the slow way; one no longer there is skipped with a warning).
# usage: src/build/class-list.sh     (from the repository's top level, after ./mvnw package; needs xvfb-run, openbox)
set -eu
jar=$(realpath target/latent-lab.jar)
fx=$(ls target/lib/javafx-*.jar | tr '\n' ':')
out=resources/latentlab/app/classes.lst
tmp=$(mktemp -d)
run() { # name args... : the relaunched JVM's command (Launcher.childCommand) with the class list dumped
  local name=$1; shift
  LATENTLAB_NO_RELAUNCH=1 java --add-modules=jdk.incubator.vector --module-path "$fx" --add-modules=javafx.controls \
    -XX:DumpLoadedClassList="$tmp/$name.lst" -cp "$jar" latentlab.app.Launcher "$@" > "$tmp/$name.out" 2>&1
}
export -f run; export jar fx tmp
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c 'openbox >/dev/null 2>&1 & sleep 1
  java() { command java -Dlatentlab.startupReport=true "$@"; }
  LATENTLAB_NO_RELAUNCH=1 command java -Dlatentlab.startupReport=true --add-modules=jdk.incubator.vector \
    --module-path "$fx" --add-modules=javafx.controls -XX:DumpLoadedClassList="$tmp/window.lst" -cp "$jar" \
    latentlab.app.Launcher > "$tmp/window.out" 2>&1
  # Without a GPU the window asks for the software renderer (RenderingPipeline); the OpenGL one is tried here too,
  # so that its classes are in the archive for machines that have one.
  LATENTLAB_NO_RELAUNCH=1 command java -Dlatentlab.startupReport=true -Dprism.order=es2,sw \
    --add-modules=jdk.incubator.vector --module-path "$fx" --add-modules=javafx.controls \
    -XX:DumpLoadedClassList="$tmp/window-gl.lst" -cp "$jar" latentlab.app.Launcher > "$tmp/window-gl.out" 2>&1'
grep -q ready_seconds "$tmp/window.out" || { echo "the window did not start:"; cat "$tmp/window.out"; exit 1; }
run pca pca --k 30
run train train --epochs 1 --out "$tmp/model.llm"
run eval eval --model "$tmp/model.llm"
run probe probe --labels 10,100 --model "$tmp/model.llm"
{ sed -n '1,5p' "$tmp/window.lst"; cat "$tmp"/window.lst "$tmp"/window-gl.lst "$tmp"/pca.lst "$tmp"/train.lst "$tmp"/eval.lst "$tmp"/probe.lst \
    | grep -v '^#' | awk '!seen[$0]++'; } > "$out"
echo "$out: $(grep -vc '^[#@]' "$out") classes, $(grep -c '^@' "$out") lambda forms and proxies"
rm -rf "$tmp"
