"""Speed and memory of consult.analysis at growing sizes, stage by stage.

    python benchmarks/analysis_speed.py --sizes 1000,10000,100000 [--tokens] [--raw] [--naive]
    python benchmarks/analysis_speed.py --sizes 1000000          # takes minutes

The comments are generated once into a JSON-lines file (under the temp directory) and
streamed from it into ``analyse`` the way a digest build streams rows from a database
cursor: the input is never held whole. Each size runs in a fresh process; "peak" is
the most memory it and its worker processes held at once (proportional set size, so
pages the workers share with it count once), sampled every 200 ms. "stored" gives analyse what submission
stores and a digest build reads: the normalised text, tokens and each comment's cut (its points; made once
per set of rules into a second file); "--tokens" also times it with the tokens alone (comments stored
before cuts were), "--raw" from raw text; all read with every CPU. "--naive" times
jieba.lcut + TfidfVectorizer + KMeans for comparison. "--chunk" sets the comments per
chunk (the setting memory is bounded by). Per-comment segmentation p50/p99 is printed once.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from memory import MemorySampler  # noqa: E402

from consult.analysis.reading import CHUNK_SIZE  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus_file(n: int) -> Path:
    """The n comments (text and stored tokens) as JSON lines, generated once."""
    path = Path(tempfile.gettempdir()) / f"consult-bench-comments-{n}-seed1.jsonl"
    if not path.exists():
        from analysis_corpus import bulk_comments

        from consult.analysis import Tokenizer

        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as out:
            for text, tokens in bulk_comments(n, seed=1, tokenizer=Tokenizer()):
                out.write(json.dumps([text, " ".join(tokens)], ensure_ascii=False) + "\n")
        partial.rename(path)
    return path


def _stored_row(line: str) -> str:
    from consult.analysis import normalize_text
    from consult.analysis.prepared import prepare_cut

    text, tokens = json.loads(line)
    normalized = normalize_text(text)
    return json.dumps([normalized, tokens, prepare_cut(normalized, tokens) or ""], ensure_ascii=False)


def _stored_file(n: int) -> Path:
    """Each comment as submission stores it (its normalised text, tokens and cut), one per line, made
    once for the current rules."""
    from consult.analysis.prepared import RULES

    path = Path(tempfile.gettempdir()) / f"consult-bench-stored-{n}-seed1-{RULES}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".partial")
        with _corpus_file(n).open(encoding="utf-8") as lines, partial.open("w", encoding="utf-8") as out:
            with multiprocessing.get_context("fork").Pool() as pool:
                for row in pool.imap(_stored_row, lines, chunksize=1000):
                    out.write(row + "\n")
        partial.rename(path)
    return path


def _stream(n: int, mode: str) -> Iterator:
    """The comments as submission stored them: normalised, with tokens and cuts ("stored") or tokens
    ("tokens"); or their raw text alone ("raw")."""
    from consult.analysis import CommentInput

    with (_corpus_file(n) if mode == "raw" else _stored_file(n)).open(encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if mode == "raw":
                yield CommentInput(i, json.loads(line)[0], None, None)
                continue
            text, tokens, cut = json.loads(line)
            yield CommentInput(i, text, tokens, (cut or None) if mode == "stored" else None)


def _run_size(n: int, mode: str, naive: bool, chunk: int) -> dict:
    from consult.analysis import Tokenizer, analyse
    from consult.analysis.workers import default_workers

    tokenizer = Tokenizer()
    report = {"n": n, "base_mb": round(_rss_mb()), "mode": mode}
    stages, last = {}, [time.perf_counter()]
    sampler = MemorySampler()

    def on_stage(name, stages=stages, last=last):
        now = time.perf_counter()
        stages[name] = (round(now - last[0], 2), round(sampler.stage_peak()))
        last[0] = now

    sampler.start()
    start = time.perf_counter()
    result = analyse(
        _stream(n, mode),
        scope="draft",
        tokenizer=tokenizer,
        workers=default_workers(),
        chunk_size=chunk,
        on_stage=on_stage,
        normalized=mode != "raw",  # as a digest build reads them: normalised at submission
    )
    report[mode] = {
        "total_s": round(time.perf_counter() - start, 2),
        "stages": stages,
        "themes": len(result.themes),
        "copy_groups": len(result.duplicate_groups),
        "copies": sum(g.count - 1 for g in result.duplicate_groups),
    }
    report["peak_mb"] = round(sampler.stop())
    del result
    if naive:
        report["naive"] = _naive([json.loads(line)[0] for line in _corpus_file(n).open(encoding="utf-8")])
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
    mode = report["mode"]
    r = report[mode]
    print(
        f"\n== N = {report['n']:,} {mode}: peak {report['peak_mb']} MB, workers included "
        f"(before the call: {report['base_mb']} MB, most of it the dictionary)"
    )
    stages = "  ".join(f"{k} {s}s/{m}MB" for k, (s, m) in r["stages"].items())  # time and peak of each stage
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
    parser.add_argument("--tokens", action="store_true", help="also time it from stored tokens without cuts")
    parser.add_argument("--naive", action="store_true", help="also time the naive pipeline")
    parser.add_argument("--chunk", type=int, default=CHUNK_SIZE, help="comments per chunk")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    parser.add_argument("--mode", default="stored", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_run_size(args.one, args.mode, args.naive, args.chunk)))
        return
    print("segmentation per comment:", json.dumps(segmentation_latency()))
    for n in (int(s) for s in args.sizes.split(",")):
        _stored_file(n)  # generated here (with the comments), not inside the measured process
        for mode in ["stored"] + ["tokens"] * args.tokens + ["raw"] * args.raw:
            cmd = [sys.executable, __file__, "--one", str(n), "--mode", mode, "--chunk", str(args.chunk)]
            proc = subprocess.run(cmd + ["--naive"] * (args.naive and mode == "stored"), capture_output=True, text=True)
            if proc.returncode:
                print(proc.stderr, file=sys.stderr)
                sys.exit(proc.returncode)
            _print(json.loads(proc.stdout.splitlines()[-1]))


if __name__ == "__main__":
    main()
