#!/usr/bin/env bash
# Corpus benchmark for `zhkg build` (see README, "Speed"). Run from anywhere:
#
#   bench/corpus.sh            # 50 MB corpus, then 2x (100 MB), then jieba, then one-line files
#   MB=10 bench/corpus.sh      # a quicker, smaller run
#
# Makes the corpora with bench/make_corpus.py into bench/out/ (git-ignored; made once,
# reused), builds the release binary and copies it aside (others may rebuild target/
# meanwhile), and runs every build under /usr/bin/time -v: wall seconds, CPU seconds,
# peak RSS, characters per second end to end (reading, extraction, resolution,
# graph.json + graph.dot + graph.facts.jsonl written; no SVG: Graphviz cannot lay
# out a corpus-sized graph, and zhkg skips it above 3000 nodes anyway).
# The 2x corpus is the 1x corpus plus as much distinct text, so time(2x)/time(1x)
# is the scaling ratio. The Python jieba POS tagger (pip install jieba) is timed on
# the first JIEBA_CHARS characters of the same corpus (JIEBA_CHARS=0: all of it; it
# runs at tens of thousands of characters per second, so all of it takes long).
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-50}
JIEBA_CHARS=${JIEBA_CHARS:-2000000}
OUT=bench/out
mkdir -p "$OUT"

cargo build --release --quiet
BIN="$OUT/zhkg"
cp target/release/zhkg "$BIN"

MB2=$(python3 -c "print($MB * 2)")
for spec in "c1:$MB" "c2:$MB2"; do
  dir="$OUT/${spec%%:*}-${spec##*:}mb"
  if [ ! -d "$dir" ]; then
    python3 bench/make_corpus.py "$dir" --mb "${spec##*:}"
  fi
done

# One build: prints "chars seconds cpu_seconds rss_mb chars_per_s".
run() {
  local input=$1 out=$2 log=$3
  rm -rf "$out"
  /usr/bin/time -v "$BIN" build "$input" -o "$out" --no-svg --json -q >"$log.json" 2>"$log.time"
  python3 - "$log.json" "$log.time" <<'EOF'
import json, re, sys
s = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(\S+)", t).group(1)
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")]
secs = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
chars = s["characters"]
print(f"{chars} {secs:.2f} {cpu:.2f} {rss:.0f} {chars / secs:.0f}")
print("  " + ", ".join(f"{k} {v:.2f} s" for k, v in s["stages"]), file=sys.stderr)
print(f"  articles {s['articles']} built, {s['duplicates']} duplicates, {len(s['skipped'])} skipped; "
      f"nodes {sum(s['nodes'].values())}, edges {sum(s['edges'].values())}", file=sys.stderr)
EOF
}

echo "== zhkg build, ${MB} MB corpus (1x) =="
read -r c1 s1 cpu1 rss1 r1 < <(run "$OUT/c1-${MB}mb" "$OUT/g1" "$OUT/run1")
echo "  $c1 characters in $s1 s (CPU $cpu1 s): $r1 chars/s, peak RSS $rss1 MB"
du -sh "$OUT/g1"/graph.json "$OUT/g1"/graph.facts.jsonl | sed 's/^/  /'

echo "== zhkg build, ${MB2} MB corpus (2x) =="
read -r c2 s2 cpu2 rss2 r2 < <(run "$OUT/c2-${MB2}mb" "$OUT/g2" "$OUT/run2")
echo "  $c2 characters in $s2 s (CPU $cpu2 s): $r2 chars/s, peak RSS $rss2 MB"
python3 -c "print(f'  scaling: {$c2 / $c1:.2f}x the characters took {$s2 / $s1:.2f}x the time ({$cpu2 / $cpu1:.2f}x the CPU)')"

echo "== Python jieba posseg (reference, one core) =="
if python3 -c "import jieba" 2>/dev/null; then
  limit=()
  [ "$JIEBA_CHARS" != 0 ] && limit=(--limit-chars "$JIEBA_CHARS")
  echo "  $(python3 bench/jieba_ref.py "$OUT/c1-${MB}mb" "${limit[@]}")"
else
  echo "  jieba not installed (pip install jieba): skipped"
fi

echo "== one 10 MB file with no line break (news, dense), and a 50 MB one (news50) =="
python3 - "$OUT/oneline" <<'EOF'
import os, sys
root = sys.argv[1]
os.makedirs(root + "/news", exist_ok=True)
os.makedirs(root + "/dense", exist_ok=True)
sample = open("tests/fixtures/articles/jinshui.md", encoding="utf-8").read()
news = "".join(l for l in sample.splitlines() if not l.startswith("#"))
text, i = [], 0
size = 0
while size < 10 << 20:
    piece = news + f"第{i}段。"
    text.append(piece); size += len(piece.encode()); i += 1
open(root + "/news/news.txt", "w", encoding="utf-8").write("".join(text))
# Worst case: a person, a post and a meeting every 19 characters, no sentence end.
clause = "惠济区委书记马军主持召开党政联席会议，"
n = (10 << 20) // len(clause.encode())
open(root + "/dense/dense.txt", "w", encoding="utf-8").write(clause * n)
# The same news, 50 MB on one line: memory must stay under 1 GB.
os.makedirs(root + "/news50", exist_ok=True)
text, i, size = [], 0, 0
while size < 50 << 20:
    piece = news + f"第{i}段。"
    text.append(piece); size += len(piece.encode()); i += 1
open(root + "/news50/news50.txt", "w", encoding="utf-8").write("".join(text))
EOF
for kind in news dense news50; do
  read -r c s cpu rss r < <(run "$OUT/oneline/$kind" "$OUT/g-$kind" "$OUT/run-$kind")
  echo "  $kind: $c characters in $s s (CPU $cpu s): $r chars/s, peak RSS $rss MB"
done
