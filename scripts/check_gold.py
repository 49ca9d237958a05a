#!/usr/bin/env python3
"""Checks gov-news annotations (docs/annotation.md) against the corpus text.

    scripts/check_gold.py GOLD.jsonl [CORPUS_DIR]   # CORPUS_DIR defaults to ../shared/eval/gov-news

Reports, per article: keys, split and hash; names that do not occur in the text; roles,
posts and bylines naming a person not in `persons` or an unknown event. Exit 1 on any
problem.
"""
import hashlib, json, os, re, sys, unicodedata

KEYS = ["file", "sha256", "split", "persons", "organizations", "places", "posts", "events", "roles", "bylines"]
ROLES = {"chaired", "attended", "spoke_at"}
BYLINE_ROLES = {"reporter", "correspondent", "photographer", "author"}


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def main():
    gold = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "gov-news")
    problems = 0
    seen = set()
    for n, line in enumerate(open(gold, encoding="utf-8"), 1):
        if not line.strip():
            continue
        where = f"{gold}:{n}"
        def bad(msg):
            nonlocal problems
            problems += 1
            print(f"{where}: {msg}")
        try:
            a = json.loads(line)
        except ValueError as e:
            bad(f"not JSON: {e}")
            continue
        if list(a.keys()) != KEYS:
            bad(f"keys {list(a.keys())} != {KEYS}")
        f = a.get("file", "")
        where = f"{gold}:{n} ({f})"
        if f in seen:
            bad("annotated twice")
        seen.add(f)
        path = os.path.join(corpus, f)
        try:
            raw = open(path, "rb").read()
        except OSError as e:
            bad(f"cannot read {path}: {e}")
            continue
        if a.get("sha256") != hashlib.sha256(raw).hexdigest():
            bad("sha256 does not match the file")
        split = "test" if hashlib.sha256(f.encode()).digest()[0] % 3 == 0 else "dev"
        if a.get("split") != split:
            bad(f"split should be {split}")
        text = norm(raw.decode("utf-8"))
        persons = a.get("persons", [])
        for p in persons:
            if norm(p) not in text:
                bad(f"person {p} not in text")
        for key in ("organizations", "places"):
            for forms in a.get(key, []):
                if not isinstance(forms, list) or not forms:
                    bad(f"{key} entry {forms!r} is not a non-empty list")
                    continue
                if not any(norm(x) in text for x in forms):
                    bad(f"{key} {forms} has no form that occurs in the text")
        for post in a.get("posts", []):
            if len(post) != 3 or post[0] not in persons:
                bad(f"post {post}: person not in persons")
            elif norm(post[1]) not in text:
                bad(f"post {post}: title not in text")
        ids = set()
        for e in a.get("events", []):
            ids.add(e.get("id"))
            if set(e.keys()) != {"id", "names", "date", "place", "organizers"}:
                bad(f"event {e.get('id')}: keys {sorted(e.keys())}")
            for name in e.get("names", []):
                if norm(name) not in text and name not in ("会议",):
                    bad(f"event {e.get('id')}: name {name} not in text")
            d = e.get("date")
            if d is not None and not re.fullmatch(r"(\d{4}-)?\d{2}-\d{2}", d):
                bad(f"event {e.get('id')}: date {d!r}")
        for r in a.get("roles", []):
            if len(r) != 3 or r[0] not in persons or r[1] not in ROLES or r[2] not in ids:
                bad(f"role {r}: unknown person, role or event")
        if len({tuple(r) for r in a.get("roles", [])}) != len(a.get("roles", [])):
            bad("a role is listed twice")
        for b in a.get("bylines", []):
            if len(b) != 2 or b[0] not in persons or b[1] not in BYLINE_ROLES:
                bad(f"byline {b}: person not in persons or unknown role")
    print(f"{len(seen)} articles checked, {problems} problems")
    sys.exit(1 if problems else 0)


main()
