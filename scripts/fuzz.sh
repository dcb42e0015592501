#!/usr/bin/env bash
# Fuzzes the JSON entry point and the assessment round trip with cargo-fuzz.
# Needs the nightly toolchain, which a fresh machine may lack, so this is NOT
# part of scripts/test.sh. Usage:
#   bash scripts/fuzz.sh                       # every target, 5,000,000 runs each
#   bash scripts/fuzz.sh check_json 20000000   # one target, N runs
#   FUZZ_MAX_TIME=3600 bash scripts/fuzz.sh     # also stop each target after an hour
# A crash leaves its input in fuzz/artifacts/TARGET/; replay it with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

targets=("${1:-check_json}")
[ $# -eq 0 ] && targets=(check_json roundtrip screen_csv)
runs=${2:-5000000}
max_time=${FUZZ_MAX_TIME:-0}

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: the nightly toolchain is missing: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz" >&2
  cargo install cargo-fuzz
fi

# Seed corpus: the input of every golden case (tests/cases/*.toml), with its
# `expand` markers and `pad_to_bytes` applied, one file per case.
python3 - <<'PY'
import glob, hashlib, os, tomllib
out = "fuzz/corpus/check_json"
os.makedirs(out, exist_ok=True)
n = 0
for path in sorted(glob.glob("tests/cases/*.toml")):
    with open(path, "rb") as f:
        cases = tomllib.load(f).get("case", [])
    for case in cases:
        text = case["input"]
        for e in case.get("expand", []):
            text = text.replace(e["marker"], e["text"] * e["times"])
        if "pad_to_bytes" in case:
            text += " " * max(0, case["pad_to_bytes"] - len(text.encode()))
        data = text.encode()
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        n += 1
print(f"[fuzz] seed corpus: {n} golden inputs in {out}")
PY
mkdir -p fuzz/corpus/roundtrip fuzz/corpus/screen_csv
# screen_csv: a CSV file of every column, and odd event cells (the reader's own number parser).
printf '%s\n' 'id,law,situation,abroad,ceasedConduct,label,factsDate,factsDateEnd,event,charges,phase,militaryJustice' \
  'A-1,enacted-2026-02-19,detained,no,sí,"Causa ""A""",2024-07,2024-08-01,12,terrorism;incitement_to_hatred,control,false' \
  'B-2,,,,,,2019,,10,military_rebellion,,1' > fuzz/corpus/screen_csv/seed-file.csv
for cell in 12 1.2e1 +12.0 13.00000000000000000000001 0.99999999999999999999 130e-1 1e400 -0 inf none 0x0c .5e1; do
  printf '%s' "$cell" > "fuzz/corpus/screen_csv/seed-event-$(printf '%s' "$cell" | sha1sum | cut -c1-12)"
done

for target in "${targets[@]}"; do
  echo "[fuzz] $target: $runs runs (max_total_time=${max_time}s; 0 = no limit)"
  # -a: debug assertions and overflow checks on. One job (the machine is shared).
  # -max_len 70000: room for inputs just over the 64 KiB limit.
  # -timeout 10: an input that takes more than 10 s counts as a hang.
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
  cargo +nightly fuzz run -a "$target" "fuzz/corpus/$target" -- "${dict[@]}" \
    -runs="$runs" -max_total_time="$max_time" -max_len=70000 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1
done
