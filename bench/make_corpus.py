#!/usr/bin/env python3
"""Makes a benchmark corpus for `zhkg build` from the annotated news in ../shared/eval/
and the sample articles in data/articles/.

The eval sets hold single sentences; a corpus of copies would be deduplicated away, so
each article draws its own mix of sentences (seeded, so the corpus is the same on every
run): a headline, a dateline opening in the style of the sample (本报讯 3月19日下午,…),
paragraphs of 3–8 sentences, and sometimes a byline. Articles are 600–3,000 characters,
like local news. Files come in the shapes zhkg reads: one article per .txt, several per
.md under `##` headings, and .jsonl lines; a few files are GB18030, and about 1 % of the
articles are reposted under a second name (counted once by zhkg).

The first N megabytes of a larger corpus are the whole smaller one (same seed), so the
2x corpus is the 1x corpus plus as much new, distinct text.

Usage: bench/make_corpus.py OUT_DIR --mb 50 [--eval ../shared/eval] [--seed 1]
"""

import argparse
import json
import os
import random
import re
import shutil
import sys


def read_char_tag(path):
    """Sentences of a `char<TAB|SPACE>tag` file (BIO/BMES), blank-line separated."""
    out, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    out.append("".join(cur))
                    cur = []
                continue
            cur.append(line[0])
    if cur:
        out.append("".join(cur))
    return out


def read_cluener(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                out.append(json.loads(line)["text"])
    return out


def sample_sentences(root):
    """Sentences of the sample articles (broken lines joined, headings dropped)."""
    out = []
    folder = os.path.join(root, "data", "articles")
    if not os.path.isdir(folder):
        return out
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        body = "".join(l.strip() for l in text.splitlines() if not l.startswith("#"))
        body = re.sub(r"记者.{2,4}通讯员.{2,4}", "", body)
        out += [s + "。" for s in body.split("。") if len(s) > 6]
    return out


def pool(eval_dir, root):
    sents = []
    for sub, name in [("msra", "test.bio"), ("peoples-daily", "dev.bio")]:
        p = os.path.join(eval_dir, sub, name)
        if os.path.exists(p):
            sents += read_char_tag(p)
    for name in ["train.bmes", "dev.bmes", "test.bmes"]:
        p = os.path.join(eval_dir, "resume", name)
        if os.path.exists(p):
            sents += read_char_tag(p)
    for name in ["train.jsonl", "dev.jsonl"]:
        p = os.path.join(eval_dir, "cluener2020", name)
        if os.path.exists(p):
            sents += read_cluener(p)
    sample = sample_sentences(root)
    # The sample is government news, what zhkg is for: weigh it up so that posts,
    # meetings and ceremonies occur at a realistic rate.
    sents += sample * 40
    clean = []
    for s in sents:
        s = s.strip().rstrip("，,、：:")
        if len(s) < 6:
            continue
        if s[-1] not in "。！？；”":
            s += "。"
        clean.append(s)
    return clean


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "军伟强磊洋勇艳杰娟涛明超秀霞平刚桂英华玉兰芳燕敏静丽红梅鹏飞宇浩然志国建文斌海波林峰晨欣怡佳琪"


def name(rng):
    g = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(SURNAMES) + g


def article(rng, sents, serial):
    headline = rng.choice(sents).rstrip("。！？；”")[:30]
    target = rng.randint(600, 3000)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    when = rng.choice(["上午", "下午", ""])
    paras = [f"本报讯 {month}月{day}日{when},{rng.choice(sents)}"]
    size = len(paras[0])
    while size < target:
        k = rng.randint(3, 8)
        para = "".join(rng.choice(sents) for _ in range(k))
        paras.append(para)
        size += len(para)
    if rng.random() < 0.5:
        paras.append(f"记者 {name(rng)} 通讯员 {name(rng)}")
    # The serial keeps two articles that drew the same sentences apart.
    paras[-1] += f"（编号{serial}）"
    return headline, paras


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=50.0, help="megabytes of UTF-8 text")
    ap.add_argument("--eval", default=os.path.join(root, "..", "shared", "eval"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    sents = pool(args.eval, root)
    if not sents:
        sys.exit(f"no sentences found under {args.eval}")
    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    budget = int(args.mb * 1_000_000)
    written = chars = files = articles = 0
    serial = 0
    while written < budget:
        folder = os.path.join(args.out, f"{files // 500:03d}")
        os.makedirs(folder, exist_ok=True)
        shape = rng.random()
        base = os.path.join(folder, f"{files:06d}")
        if shape < 0.80:
            serial += 1
            h, paras = article(rng, sents, serial)
            text = f"# {h}\n\n" + "\n\n".join(paras) + "\n"
            if rng.random() < 0.05:
                data, path = text.encode("gb18030", errors="replace"), base + ".txt"
            else:
                data, path = text.encode("utf-8"), base + ".txt"
            n_art = 1
            with open(path, "wb") as f:
                f.write(data)
            if rng.random() < 0.01:
                # A repost: the same article under another portal's name.
                with open(base + "-repost.txt", "wb") as f:
                    f.write(data)
                written += len(data)
        elif shape < 0.92:
            parts = []
            n_art = rng.randint(2, 5)
            for _ in range(n_art):
                serial += 1
                h, paras = article(rng, sents, serial)
                parts.append(f"## {h}\n\n" + "\n\n".join(paras) + "\n")
            text = "\n".join(parts)
            data = text.encode("utf-8")
            with open(base + ".md", "wb") as f:
                f.write(data)
        else:
            lines = []
            n_art = rng.randint(2, 10)
            for _ in range(n_art):
                serial += 1
                h, paras = article(rng, sents, serial)
                rec = {
                    "id": f"bench-{serial}",
                    "title": h,
                    "date": f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "text": "\n".join(paras),
                    "site": rng.choice(["郑州日报", "河南日报", "惠济区政府网"]),
                }
                lines.append(json.dumps(rec, ensure_ascii=False))
            text = "\n".join(lines) + "\n"
            data = text.encode("utf-8")
            with open(base + ".jsonl", "wb") as f:
                f.write(data)
        written += len(data)
        chars += len(text)
        files += 1
        articles += n_art
    print(
        f"{args.out}: {files} files, {articles} articles, {chars} characters, "
        f"{written / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
