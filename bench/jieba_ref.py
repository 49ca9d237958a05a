#!/usr/bin/env python3
"""Reference point for bench/corpus.sh: the Python jieba POS tagger (jieba.posseg,
HMM on, as its README uses it) over the same corpus text zhkg builds from.

Reads every .txt/.md/.jsonl file under the folder (GB18030 files decoded as such,
JSONL as its `title` and `text`), tags it paragraph by paragraph on one core, and
prints `chars=N seconds=S chars_per_s=R` (dictionary loading excluded).
Usage: bench/jieba_ref.py CORPUS_DIR [--limit-chars N]
"""
import argparse
import json
import os
import sys
import time


def texts(root):
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if not name.endswith((".txt", ".md", ".jsonl")):
                continue
            raw = open(path, "rb").read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("gb18030", errors="replace")
            if name.endswith(".jsonl"):
                for line in text.splitlines():
                    if line.strip():
                        rec = json.loads(line)
                        yield rec.get("title", "")
                        yield from rec.get("text", "").splitlines()
            else:
                yield from text.splitlines()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--limit-chars", type=int, default=0)
    args = ap.parse_args()
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    list(pseg.cut("预热词典。"))
    paras = []
    total = 0
    for t in texts(args.corpus):
        t = t.strip().lstrip("#").strip()
        if not t:
            continue
        paras.append(t)
        total += len(t)
        if args.limit_chars and total >= args.limit_chars:
            break
    t0 = time.perf_counter()
    words = 0
    for p in paras:
        for _ in pseg.cut(p):
            words += 1
    secs = time.perf_counter() - t0
    print(f"chars={total} words={words} seconds={secs:.2f} chars_per_s={total / secs:.0f}")


if __name__ == "__main__":
    sys.exit(main())
