#!/usr/bin/env bash
# Fuzzes the supply-chain parsers with AFL++ and SharpFuzz. Outside CI: it takes minutes per target.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default 600 s each, every target
#   targets: cdx-json cdx-xml spdx-json osv-json osv-yaml vex purl
#
# Needs AFL++ (Debian: apt-get install -y afl++). Installs the SharpFuzz instrumenter into fuzz/.tools, publishes
# fuzz/CyberReview.Fuzz into fuzz/out/bin and instruments CyberReview.SupplyChain.dll there (never the repository's
# build), takes seeds from the shared test data (read in place, copied only into fuzz/out), and runs each target.
# Every crash is copied to tests/CyberReview.SupplyChain.Tests/FuzzRegressions/<target>/, which CI replays.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
data=${CYBERREVIEW_TEST_DATA:-$repo/../shared/data}
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(cdx-json cdx-xml spdx-json osv-json osv-yaml vex purl)
out=$here/out
tools=$here/.tools
regressions=$repo/tests/CyberReview.SupplyChain.Tests/FuzzRegressions

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }
[ -d "$data" ] || { echo "shared data not found at $data; set CYBERREVIEW_TEST_DATA" >&2; exit 2; }
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"

rm -rf "$out/bin"
dotnet publish "$here/CyberReview.Fuzz" -c Release -o "$out/bin" -v q
"$tools/sharpfuzz" "$out/bin/CyberReview.SupplyChain.dll"

# Up to 16 seeds per target, each under 16 KiB (AFL++ works best on small inputs).
seed() {
  local target=$1; shift
  local dir=$out/seeds/$target
  rm -rf "$dir"; mkdir -p "$dir"
  # head stops reading early; that is no failure of find or sort.
  set +o pipefail
  find "$@" -type f -size -16k 2>/dev/null | sort | head -16 | while read -r f; do cp "$f" "$dir/"; done
  set -o pipefail
  [ -n "$(ls -A "$dir")" ] || { echo "no seeds for $target" >&2; exit 2; }
}
for target in "${targets[@]}"; do
  case $target in
    cdx-json) seed "$target" "$data/cyclonedx-spec-tests" -name 'valid-*-1.6.json' ;;
    cdx-xml) seed "$target" "$data/cyclonedx-spec-tests" -name 'valid-*-1.6.xml' ;;
    spdx-json) seed "$target" "$data/spdx-examples" "$data/spdx-spec-examples" -name '*.json' ;;
    osv-json) seed "$target" "$data/osv-rustsec/crates" "$data/dependency-track-testdata/osv" -name '*.json' ;;
    osv-yaml) seed "$target" "$data/osv-pypa/vulns" -name '*.yaml' ;;
    vex) seed "$target" "$data/openvex" "$data/cyclonedx-bom-examples/VEX" -name '*.json' ;;
    purl)
      mkdir -p "$out/seeds/purl"
      printf 'pkg:npm/%%40angular/animation@12.3.1' > "$out/seeds/purl/npm"
      printf 'pkg:maven/org.apache.commons/io@1.3.4?repository_url=repo.spring.io/release#src/main' > "$out/seeds/purl/maven"
      printf 'pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c' > "$out/seeds/purl/golang"
      printf 'pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie' > "$out/seeds/purl/deb" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done

stamp=$(date -u +%Y%m%dT%H%M)
summary=$out/summary.txt
: > "$summary"
for target in "${targets[@]}"; do
  findings=$out/findings/$target
  rm -rf "$findings"; mkdir -p "$out/findings"
  started=$(date +%s)
  AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
    afl-fuzz -V "$seconds" -t 10000 -m none -i "$out/seeds/$target" -o "$findings" -- \
    "$(command -v dotnet)" "$out/bin/CyberReview.Fuzz.dll" "$target" > "$out/$target.log" 2>&1 || true
  ran=$(( $(date +%s) - started ))
  stats=$findings/default/fuzzer_stats
  execs=$( [ -f "$stats" ] && awk -F': ' '/^execs_done/ {print $2}' "$stats" || echo 0)
  paths=$( [ -f "$stats" ] && awk -F': ' '/^corpus_count/ {print $2}' "$stats" || echo 0)
  crashes=0
  for crash in "$findings"/default/crashes/id:*; do
    [ -f "$crash" ] || continue
    mkdir -p "$regressions/$target"
    # Stamped by run, so a later run's id:000000 never overwrites an earlier one.
    cp "$crash" "$regressions/$target/$stamp-$(basename "$crash" | tr ':,' '__' | cut -c1-48)"
    crashes=$((crashes + 1))
  done
  echo "$target: ran ${ran}s, ${execs} executions, ${paths} corpus entries, ${crashes} crashes" | tee -a "$summary"
done
