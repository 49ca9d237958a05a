#!/usr/bin/env python3
"""Query and serve speed of graph.db beside graph.json, on a built graph.

    bench/store.py GRAPH_DIR [--zhkg target/release/zhkg] [--runs 5]

GRAPH_DIR is what `zhkg build` wrote (graph.json and graph.db). For every query form
it runs `zhkg query` as a new process, --runs times against graph.db and (fewer
times: each run reads the whole file) against graph.json, and prints the median wall
time (process start to exit) and the peak memory (maximum resident set, from
wait4); then it starts `zhkg serve` on graph.db and has 8 clients call each API
route in turn, printing the median and 95th percentile time per call. Names are
taken from the graph itself: the person with the most events, an event they
attended, an organisation with post holders.
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request


def run(cmd):
    """Wall seconds and peak RSS (MB) of one process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def pick_names(db):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    person_id, person = c.execute(
        """SELECT n.id, n.name FROM edges e JOIN nodes n ON n.node = e.source
           WHERE e.relation IN ('chaired', 'attended', 'spoke_at') AND n.kind = 'person'
           GROUP BY e.source ORDER BY count(*) DESC, n.id LIMIT 1"""
    ).fetchone()
    event_id = c.execute(
        """SELECT t.id FROM edges e JOIN nodes s ON s.node = e.source JOIN nodes t ON t.node = e.target
           WHERE s.id = ? AND e.relation IN ('attended', 'chaired', 'spoke_at') ORDER BY t.id LIMIT 1""",
        (person_id,),
    ).fetchone()[0]
    org_id = c.execute(
        """SELECT n.id FROM edges e JOIN nodes n ON n.node = e.target
           WHERE e.relation = 'holds_position' GROUP BY e.target ORDER BY count(*) DESC, n.id LIMIT 1"""
    ).fetchone()[0]
    other_id = c.execute(
        """SELECT n.id FROM edges e JOIN nodes n ON n.node = e.source
           WHERE e.relation = 'holds_position' AND n.id <> ? GROUP BY e.source
           ORDER BY count(*) DESC, n.id LIMIT 1""",
        (person_id,),
    ).fetchone()[0]
    word = person[:3] if len(person) >= 3 else person
    # A typical person: the median number of events among people with any.
    counts = c.execute(
        """SELECT n.id, count(*) FROM edges e JOIN nodes n ON n.node = e.source
           WHERE e.relation IN ('chaired', 'attended', 'spoke_at') AND n.kind = 'person'
           GROUP BY e.source ORDER BY count(*), n.id"""
    ).fetchall()
    typical_id = counts[len(counts) // 2][0]
    return person_id, person, event_id, org_id, other_id, word, typical_id


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph_dir")
    ap.add_argument("--zhkg", default="target/release/zhkg")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json-runs", type=int, default=2)
    ap.add_argument("--calls", type=int, default=400, help="API calls in all, per route")
    ap.add_argument("--serve-only", action="store_true", help="time the API routes only")
    a = ap.parse_args()
    db = os.path.join(a.graph_dir, "graph.db")
    gj = os.path.join(a.graph_dir, "graph.json")
    person_id, person, event_id, org_id, other_id, word, typical_id = pick_names(db)
    print(f"graph.db {os.path.getsize(db) / 1e6:.0f} MB, graph.json {os.path.getsize(gj) / 1e6:.0f} MB")
    print(f"busiest person {person} ({person_id}), a typical one {typical_id}, event {event_id},")
    print(f"organisation {org_id}, search {word} 会议")
    forms = [
        ["events", person_id],
        ["positions", person_id],
        ["attendees", event_id],
        ["holders", org_id],
        ["neighbors", person_id],
        ["path", person_id, other_id],
        ["timeline", person_id],
        ["coattend", person_id],
        ["search", word, "会议"],
        ["events", person],  # by name: the name index
        ["timeline", typical_id],
        ["coattend", typical_id],
    ]
    if not a.serve_only:
        time_queries(a, db, gj, forms)
    time_serve(a, db, person, person_id, event_id, typical_id)


def time_queries(a, db, gj, forms):
    print(f"{'query':<34} {'graph.db ms':>12} {'MB':>6} {'graph.json ms':>14} {'MB':>6}")
    db_walls, db_mem, js_walls, js_mem = [], [], [], []
    for f in forms:
        row = []
        for path, runs, walls, mems in [(db, a.runs, db_walls, db_mem), (gj, a.json_runs, js_walls, js_mem)]:
            res = [run([a.zhkg, "query", "--graph", path, *f]) for _ in range(runs)]
            codes = {r[2] for r in res}
            w = statistics.median(r[0] for r in res) * 1000
            m = max(r[1] for r in res)
            walls.append(w)
            mems.append(m)
            row += [w, m, codes]
        label = " ".join(f)[:34]
        print(f"{label:<34} {row[0]:>12.1f} {row[1]:>6.0f} {row[3]:>14.1f} {row[4]:>6.0f}  exit {sorted(row[2])}")
    print(
        f"{'median over the forms':<34} {statistics.median(db_walls):>12.1f} {max(db_mem):>6.0f}"
        f" {statistics.median(js_walls):>14.1f} {max(js_mem):>6.0f}   (MB: the largest)"
    )


def time_serve(a, db, person, person_id, event_id, typical_id):
    server = subprocess.Popen(
        [a.zhkg, "serve", "--graph", db, "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    try:
        line = server.stderr.readline()
        base = "http://" + line.split("http://")[1].split("/")[0]
        q = urllib.parse.quote
        routes = [
            f"/api/search?q={q(person)}",
            f"/api/search?q={q(person + ' 会议')}",
            f"/api/search?q={q(person[:2])}",
            f"/api/search?q={q('会议')}",
            f"/api/person/{q(typical_id, safe='')}",
            f"/api/person/{q(person_id, safe='')}",
            f"/api/event/{q(event_id, safe='')}",
            f"/api/neighbors/{q(typical_id, safe='')}?depth=1",
            f"/api/neighbors/{q(person_id, safe='')}?depth=1",
        ]
        print(f"\nzhkg serve, 8 clients at once, {a.calls} calls a route")
        print(f"{'route':<44} {'median ms':>10} {'p95 ms':>8}")
        medians = []
        for r in routes:
            urllib.request.urlopen(base + r).read()  # warm
            times = []
            lock = threading.Lock()

            def client(n):
                for _ in range(n):
                    t0 = time.perf_counter()
                    with urllib.request.urlopen(base + r) as resp:
                        resp.read()
                        assert resp.status == 200
                    with lock:
                        times.append((time.perf_counter() - t0) * 1000)

            threads = [threading.Thread(target=client, args=(a.calls // 8,)) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            times.sort()
            medians.append(statistics.median(times))
            print(f"{r[:44]:<44} {medians[-1]:>10.1f} {times[int(len(times) * 0.95)]:>8.1f}")
        print(f"{'median over the routes':<44} {statistics.median(medians):>10.1f}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
