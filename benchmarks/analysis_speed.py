"""Speed and memory of consult.analysis at growing sizes, stage by stage.

    python benchmarks/analysis_speed.py --sizes 1000,10000,100000 [--raw] [--naive]
    python benchmarks/analysis_speed.py --sizes 1000000          # takes minutes

Each size runs in a fresh process so that peak memory (max RSS) is its own.
"stored" gives analyse the tokens stored at submission; "--raw" also times the
path from raw text (segmenting with every CPU); "--naive" times jieba.lcut +
TfidfVectorizer + KMeans for comparison. Per-comment segmentation p50/p99 is
printed once.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_size(n: int, raw: bool, naive: bool) -> dict:
    from analysis_corpus import bulk_comments

    from consult.analysis import CommentInput, Tokenizer, analyse
    from consult.analysis.bulk import default_workers

    tokenizer = Tokenizer()
    rows = bulk_comments(n, seed=1, tokenizer=tokenizer)
    report = {"n": n, "base_mb": round(_rss_mb())}
    # Inputs are built one mode at a time so that the stored run's peak is its own.
    modes = [("stored", lambda: [CommentInput(i, t, tok) for i, (t, tok) in enumerate(rows)], 1)]
    if raw:
        modes.append(("raw", lambda: [CommentInput(i, t) for i, (t, _) in enumerate(rows)], default_workers()))
    for mode, make_comments, workers in modes:
        comments = make_comments()
        stages, last = {}, [time.perf_counter()]

        def on_stage(name, stages=stages, last=last):
            now = time.perf_counter()
            stages[name] = (round(now - last[0], 2), round(_rss_mb()))
            last[0] = now

        start = time.perf_counter()
        result = analyse(comments, scope="draft", tokenizer=tokenizer, workers=workers, on_stage=on_stage)
        report[mode] = {
            "total_s": round(time.perf_counter() - start, 2),
            "stages": stages,
            "themes": len(result.themes),
            "copy_groups": len(result.duplicate_groups),
            "copies": sum(g.count - 1 for g in result.duplicate_groups),
        }
        del comments, result
    if naive:
        report["naive"] = _naive([t for t, _ in rows])
    report["peak_mb"] = round(_rss_mb())
    return report


def _naive(texts: list[str]) -> dict:
    import jieba
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    t0 = time.perf_counter()
    docs = [" ".join(jieba.lcut(t)) for t in texts]
    t1 = time.perf_counter()
    KMeans(10, random_state=0).fit_predict(TfidfVectorizer().fit_transform(docs))
    return {"segment_s": round(t1 - t0, 2), "cluster_s": round(time.perf_counter() - t1, 2)}


def segmentation_latency(samples: int = 3000) -> dict:
    """p50/p99 of Tokenizer.tokens per comment, as done once at submission."""
    from analysis_corpus import bulk_comments

    from consult.analysis import Tokenizer

    tokenizer = Tokenizer(extra_terms=("公园管理机构", "大沙河"))
    texts = [t for t, _ in bulk_comments(samples, seed=7)]
    times = []
    for text in texts:
        start = time.perf_counter()
        tokenizer.tokens(text)
        times.append(time.perf_counter() - start)
    times.sort()
    return {
        "p50_ms": round(times[len(times) // 2] * 1000, 3),
        "p99_ms": round(times[int(len(times) * 0.99)] * 1000, 3),
        "mean_chars": round(sum(map(len, texts)) / len(texts)),
    }


def _print(report: dict) -> None:
    print(f"\n== N = {report['n']:,}  (process peak {report['peak_mb']} MB, data+dictionary {report['base_mb']} MB)")
    for mode in ("stored", "raw"):
        if mode in report:
            r = report[mode]
            stages = "  ".join(f"{k} {s}s/{m}MB" for k, (s, m) in r["stages"].items())
            print(f"  {mode:6} total {r['total_s']:7.2f} s | {stages}")
            print(f"         themes {r['themes']}, copy groups {r['copy_groups']}, copies collapsed {r['copies']}")
    if "naive" in report:
        nv = report["naive"]
        print(
            f"  naive  total {nv['segment_s'] + nv['cluster_s']:7.2f} s | jieba.lcut {nv['segment_s']}s  "
            f"tfidf+kmeans(k=10) {nv['cluster_s']}s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--raw", action="store_true", help="also time the pipeline from raw text")
    parser.add_argument("--naive", action="store_true", help="also time the naive pipeline")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_run_size(args.one, args.raw, args.naive)))
        return
    print("segmentation per comment:", json.dumps(segmentation_latency()))
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n)] + ["--raw"] * args.raw + ["--naive"] * args.naive
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            sys.exit(proc.returncode)
        _print(json.loads(proc.stdout.splitlines()[-1]))


if __name__ == "__main__":
    main()
