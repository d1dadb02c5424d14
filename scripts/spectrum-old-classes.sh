# Sourced by the spectrum side-by-side benchmarks: compiles the working tree, gets the dependency
# classpath into $deps, compiles the instance/linalg/spectrum packages of commit $old into $work/old
# and the tool $1 against the working tree into $work/tool. Needs $old and $work (a temporary folder).
spectrum_old_classes() {
  mvn -o -q -B -DskipTests compile
  mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
  deps="$(cat "$work/cp.txt")"
  mkdir -p "$work/old" "$work/tool"
  git archive "$old" src/main/java | tar -x -C "$work"
  javac -nowarn -cp "$deps" -d "$work/old" $(find "$work/src/main/java" -name '*.java' | grep -E '/(instance|linalg|spectrum)/')
  javac -cp target/classes:"$deps" -d "$work/tool" "$1"
}
