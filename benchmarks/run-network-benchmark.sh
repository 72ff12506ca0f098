#!/usr/bin/env bash
# End-to-end benchmark of one mix node process from the jlink image (not a test: figures vary with
# the machine). Needs `mvn install` first. Prints the machine, the load before the run, the command
# and, per rate, the baseline (sender straight to the sink) and the mix node's loss and added latency.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
echo "date: $(date -u +%FT%TZ)"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
command=("$java" -Xmx2g -cp benchmarks/target/benchmarks.jar nym.benchmarks.MixNodeLoad "$@")
echo "command: ${command[*]}"
"${command[@]}"
