#!/usr/bin/env bash
# Scores SOLUTIONS in N shards on a Slurm cluster. Run it on a login node, from the folder
# holding problems/ (and reference/ beside it):
#
#   bash ci/scale/slurm.sh SOLUTIONS N
#
# It submits three jobs and returns: `prepare` (every generator and reference once, into a
# pack), an array of N `score` tasks (one shard each, against the pack), and `merge` (the
# parts into results.json and report.html, byte for byte what one `fuelgauge score` writes).
# See "Scaling out" in fuelgauge's README.
#
# What to edit, or set in the environment:
#   - SCRATCH: a folder on a filesystem every compute node sees (pack, parts, results, logs);
#   - CPUS: cores per score task (its --jobs);
#   - TIME_LIMIT: of each job; sbatch itself reads SBATCH_PARTITION, SBATCH_ACCOUNT and its
#     other input variables from the environment;
#   - fuelgauge must be on PATH here and on the compute nodes (the jobs inherit this PATH),
#     with ci/setup's toolchains and the Python runtime installed there, and unprivileged user
#     namespaces allowed (bubblewrap confines the compiler).
set -euo pipefail

SCRATCH=${SCRATCH:-$PWD/fuelgauge-run}
CPUS=${CPUS:-2}
TIME_LIMIT=${TIME_LIMIT:-02:00:00}

die() {
  echo "slurm.sh: error: $*" >&2
  exit 2
}
[ $# -eq 2 ] || die "usage: bash ci/scale/slurm.sh SOLUTIONS N"
[ -e "$1" ] || die "$1 not found (SOLUTIONS: a folder, JSONL or ENAMEL file)"
case $2 in
  '' | *[!0-9]* | 0*) die "N must be a whole number of shards, at least 1 (got '$2')" ;;
esac
command -v sbatch >/dev/null || die "sbatch not found: run this on a Slurm login node"
command -v fuelgauge >/dev/null || die "fuelgauge not found on PATH (build it with cargo build --release --locked and add target/release to PATH)"

# Everything the jobs need is exported: sbatch passes this environment on (--export=ALL).
SOLUTIONS=$(realpath "$1")
SHARDS=$2
PACK=$SCRATCH/pack
OUT=$SCRATCH/parts
LOGS=$SCRATCH/logs
export SOLUTIONS PACK OUT SCRATCH PATH
# A part left from an earlier run would be merged with this one's (and refused).
if [ -e "$PACK" ] || [ -e "$OUT" ]; then
  die "$SCRATCH already holds a run (pack/ or parts/): remove them or set SCRATCH to a new folder"
fi
mkdir -p "$OUT" "$LOGS"

submit() {
  local id
  id=$(sbatch --parsable --export=ALL --chdir="$PWD" --time="$TIME_LIMIT" "$@")
  echo "${id%%;*}" # --parsable prints "id" or "id;cluster"
}

prepare_id=$(submit --job-name=fuelgauge-prepare --output="$LOGS/prepare-%j.out" <<'EOF'
#!/bin/bash
set -euo pipefail
fuelgauge problems prepare problems -o "$PACK"
EOF
)

# SLURM_ARRAY_TASK_ID runs from 1 to SLURM_ARRAY_TASK_COUNT (= N): exactly --shard's I/N.
# A task that is requeued resumes from its journal (part-I.json.journal beside the part).
score_id=$(submit --job-name=fuelgauge-score --array="1-$SHARDS" --cpus-per-task="$CPUS" \
  --dependency="afterok:$prepare_id" --output="$LOGS/score-%A_%a.out" <<'EOF'
#!/bin/bash
set -euo pipefail
fuelgauge score "$SOLUTIONS" --prepared "$PACK" --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" --jobs "${SLURM_CPUS_PER_TASK:-1}" -o "$OUT/part-${SLURM_ARRAY_TASK_ID}.json"
EOF
)

# Add --fail-under pass@1=0.9 to make the merge job fail (exit 1) below a threshold.
merge_id=$(submit --job-name=fuelgauge-merge --dependency="afterok:$score_id" \
  --output="$LOGS/merge-%j.out" <<'EOF'
#!/bin/bash
set -euo pipefail
fuelgauge merge "$OUT"/part-*.json -o "$SCRATCH/results.json" -o "$SCRATCH/report.html"
EOF
)

echo "submitted: prepare $prepare_id, score $score_id (array 1-$SHARDS), merge $merge_id"
echo "results: $SCRATCH/results.json and report.html once merge $merge_id ends; logs in $LOGS"
