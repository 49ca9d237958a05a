#!/usr/bin/env python3
"""Where one-character places (中 and 美 of 中美关系, 京 of 在京) sit in each NER set,
and what keeping them in any class of context would cost news2007 and buy MSRA.

The sets disagree on them: MSRA and People's Daily annotate them, news2007 never
does. This script measures whether some class of context separates the two, in the
standard scoring (gold spans as written).

Input: for each set, two reports of

    zhkg eval --score-short-places --json --errors 1000000 FILE

one from a labeller that keeps one-character places (KEEP: the build of commit
60e1da1^, before the rule that drops them; its one-character places are the current
model's on every set but news2007, where it has 685 against 681) and one from the
current labeller, which emits none (DROP: every one-character gold place is then
among its false negatives). A dropped span touches no other span, so counts add up exactly: the
script computes any decision's figures from the two reports.

    scripts/short_places.py news2007 KEEP.json DROP.json msra KEEP.json DROP.json …

With --conventions GOLD.bio …, it also prints how often each file puts a place tag
inside a few context words (中美, 中日, 中方, 访华, 在京, 驻华, 华侨, 奥运).

The first set named news2007 is held to its targets (place F1 >= 0.80, micro
>= 0.81); the best figures every other set can then reach are printed, over every
union of context classes, and (as an upper bound no rule could honestly reach)
choosing each exact context string with hindsight of both test sets.
"""

import argparse
import collections
import itertools
import json

# A one-character place after one of these is where someone goes, is or is
# posted: 访华, 在京, 赴美, 驻华.
MOTION = set("访赴来在抵离返进驻旅留援侵出入回到")


def context_class(text, i, is_short):
    """The class of a one-character place at text[i]; is_short(j) tells whether
    text[j] is also one."""
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    if (i > 0 and is_short(i - 1)) or (i + 1 < len(text) and is_short(i + 1)):
        return "pair"  # 中美, 中日韩, 京津冀, 沪深
    if right == "方":
        return "side"  # 中方, 美方
    if left in MOTION:
        return "motion"  # 访华, 在京, 驻美
    if right == "军":
        return "army"  # 美军
    if right in "籍裔侨":
        return "origin"  # 华侨, 法籍
    if right == "运":
        return "games"  # 奥运, 亚运
    return "other"


def is_one_char_place(mention):
    return mention["kind"] == "place" and mention["end"] - mention["start"] == 1


class Set:
    """One set's counts with no one-character place predicted, and the
    one-character places a keeping labeller predicts, each true or false."""

    def __init__(self, name, keep_path, drop_path):
        self.name = name
        keep, drop = (json.load(open(p, encoding="utf-8")) for p in (keep_path, drop_path))
        kinds = {k["kind"]: k for k in drop["scores"]["per_kind"]}
        self.place = [kinds.get("place", {}).get(c, 0) for c in ("tp", "fp", "fn")]
        self.micro = [drop["scores"]["micro"][c] for c in ("tp", "fp", "fn")]
        key = lambda e: (e["sentence"], e["mention"]["start"])
        self.gold = {key(e): e["text"] for e in drop["false_negatives"] if is_one_char_place(e["mention"])}
        missed = {key(e) for e in keep["false_negatives"] if is_one_char_place(e["mention"])}
        self.false = {key(e): e["text"] for e in keep["false_positives"] if is_one_char_place(e["mention"])}
        self.true = {k: t for k, t in self.gold.items() if k not in missed}
        predicted = set(self.true) | set(self.false)
        self.by_class = collections.defaultdict(lambda: [0, 0, 0])  # gold, true, false
        self.by_string = collections.defaultdict(lambda: [0, 0])  # true, false
        self.examples = collections.defaultdict(collections.Counter)
        for (s, i), text in self.gold.items():
            c = context_class(text, i, lambda j: (s, j) in self.gold)
            self.by_class[c][0] += 1
            self.examples[c][text[max(0, i - 2) : i] + "[" + text[i] + "]" + text[i + 1 : i + 3]] += 1
        for n, spans in ((1, self.true), (2, self.false)):
            for (s, i), text in spans.items():
                c = context_class(text, i, lambda j: (s, j) in predicted)
                self.by_class[c][n] += 1
                self.by_string[text[max(0, i - 1) : i + 2]][n - 1] += 1
                if n == 2:
                    self.examples[c + " (false)"][text[max(0, i - 2) : i] + "[" + text[i] + "]" + text[i + 1 : i + 3]] += 1

    def figures(self, true, false):
        """(place F1, micro F1) with `true` and `false` one-character places kept."""
        f1 = lambda tp, fp, fn: 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        (ptp, pfp, pfn), (mtp, mfp, mfn) = self.place, self.micro
        return f1(ptp + true, pfp + false, pfn - true), f1(mtp + true, mfp + false, mfn - true)

    def keeping(self, classes):
        return self.figures(
            sum(self.by_class[c][1] for c in classes), sum(self.by_class[c][2] for c in classes)
        )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", help="NAME KEEP.json DROP.json, repeated")
    ap.add_argument("--conventions", nargs="*", default=[], help="BIO gold files")
    args = ap.parse_args()
    if len(args.sets) % 3:
        ap.error("sets come in threes: NAME KEEP.json DROP.json")
    sets = [Set(*args.sets[i : i + 3]) for i in range(0, len(args.sets), 3)]
    classes = sorted(set().union(*(s.by_class for s in sets)))

    print("One-character places by context class: gold / kept and right / kept and wrong")
    print("| class | " + " | ".join(s.name for s in sets) + " |")
    print("|---|" + "---|" * len(sets))
    for c in classes:
        print(f"| {c} | " + " | ".join("%d / %d / %d" % tuple(s.by_class[c]) for s in sets) + " |")
    for s in sets:
        print(f"\n{s.name}: examples")
        for c in sorted(s.examples):
            print(f"  {c}: " + " ".join(f"{k}×{v}" for k, v in s.examples[c].most_common(6)))

    news = next((s for s in sets if s.name == "news2007"), None)
    if news is not None:
        print("\nPlace / micro F1, standard scoring")
        print("| kept | " + " | ".join(s.name for s in sets) + " |")
        print("|---|" + "---|" * len(sets))
        for label, kept in (("none", []), ("all", classes)):
            print(f"| {label} | " + " | ".join("%.3f / %.3f" % s.keeping(kept) for s in sets) + " |")
        targets = (
            ("place >= 0.80", lambda p, m: p >= 0.80),
            ("place >= 0.80 and micro >= 0.81", lambda p, m: p >= 0.80 and m >= 0.81),
        )
        for label, ok in targets:
            for other in (s for s in sets if s is not news):
                best = max(
                    (
                        (other.keeping(kept), kept)
                        for r in range(len(classes) + 1)
                        for kept in itertools.combinations(classes, r)
                        if ok(*news.keeping(kept))
                    ),
                    default=None,
                )
                print(
                    f"news2007 {label}: best {other.name} place / micro over unions of classes "
                    f"%.3f / %.3f, keeping {', '.join(best[1]) or 'none'}" % best[0]
                )
                print(f"  with hindsight, context string by string: place %.3f / micro %.3f" % hindsight(news, other, ok))

    for path in args.conventions:
        print(f"\n{path}: occurrences with a place tag inside / occurrences")
        print("  " + "  ".join(f"{w} {t}/{n}" for w, (t, n) in conventions(path).items()))


def hindsight(news, other, ok):
    """The best (place, micro) of `other` when each exact context string (the place
    and one character either side) is kept or not with hindsight of both sets:
    a 0/1 knapsack on news2007's false places, weighing a kept true place against a
    kept false one as they move F1 near 0.85."""
    weight = 0.74
    strings = set(other.by_string) | set(news.by_string)
    gain = {w: other.by_string[w][0] - weight * other.by_string[w][1] for w in strings}
    cost = {w: news.by_string[w][1] for w in strings}
    best = {}  # news2007 false places -> (gain, strings)
    best[0] = (sum(g for w, g in gain.items() if g > 0 and not cost[w]), [w for w in strings if gain[w] > 0 and not cost[w]])
    for w in sorted(w for w in strings if gain[w] > 0 and cost[w]):
        for used, (g, kept) in sorted(best.items(), reverse=True):
            u = used + cost[w]
            if ok(*news.figures(0, u)) and (u not in best or best[u][0] < g + gain[w]):
                best[u] = (g + gain[w], kept + [w])
    kept = max(best.values())[1]
    return other.figures(sum(other.by_string[w][0] for w in kept), sum(other.by_string[w][1] for w in kept))


def conventions(path):
    """How often `path` puts a place tag inside each context word."""
    words = ["中美", "中日", "中方", "访华", "在京", "驻华", "华侨", "奥运"]
    counts = {w: [0, 0] for w in words}
    chars, tags = [], []

    def flush():
        text = "".join(chars)
        for w in words:
            i = text.find(w)
            while i >= 0:
                counts[w][1] += 1
                counts[w][0] += any(t.endswith("LOC") for t in tags[i : i + len(w)])
                i = text.find(w, i + 1)
        chars.clear()
        tags.clear()

    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts:
            flush()
            continue
        chars.append(parts[0] if len(parts) > 1 else " ")
        tags.append(parts[-1])
    flush()
    return counts


if __name__ == "__main__":
    main()
