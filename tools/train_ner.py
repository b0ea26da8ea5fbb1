"""Fine-tune the NER of fr_core_news_md on WiNER-fr training articles and save its weights for kg.

    python tools/train_ner.py [--corpus ../shared/corpus/winer-train.jsonl] [--out kg/models/ner-winer]

Only the ``ner`` component is trained (it has its own tok2vec, which reads the model's static vectors);
the rest of the pipeline is untouched. 10 % of the articles (fixed seed) are held out for early
stopping; WiNER's dev file is never read. The weights saved are the ner component's alone (no vocab,
no vectors), to be loaded over the model's own: ``nlp.get_pipe("ner").from_disk(out, exclude=["vocab"])``,
as kg/nlp.py does. They are the best epoch's averaged with the base model's, half and half (``--mix``): the
fine-tuned weights alone forget business names WiNER's general news rarely show (figures in bench/RESULTS.md).
Labels: Person→PER, Location→LOC, Organization→ORG, Product and Event→MISC; Date and Hour are not names.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

LABELS = {"Person": "PER", "Location": "LOC", "Organization": "ORG", "Product": "MISC", "Event": "MISC"}
BASE = "fr_core_news_md"
SEED = 0


def paragraphs(record: dict) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Cut an article at line breaks, with its name spans (WiNER label mapped) in each paragraph."""
    from kg.nlp import normalise

    text = normalise(record["text"])
    spans = sorted((e["start"], e["end"], LABELS[e["label"]]) for e in record["entities"] if e["label"] in LABELS)
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            ents = [(s - start, e - start, lab) for s, e, lab in spans if start <= s and e <= end]
            out.append((line, ents))
        start = end + 1
    return out


def examples(nlp, records: list[dict]) -> list:
    from spacy.training import Example

    result = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # spans that do not fall on token bounds become "missing"
        for record in records:
            for text, ents in paragraphs(record):
                kept, last = [], -1
                for s, e, lab in ents:
                    if s >= last:
                        kept.append((s, e, lab))
                        last = e
                result.append(Example.from_dict(nlp.make_doc(text), {"entities": kept}))
    return result


def _params(model) -> list[dict]:
    """A copy of every parameter of a thinc model, by node in walk order."""
    return [{name: node.get_param(name).copy() for name in node.param_names if node.has_param(name)}
            for node in model.walk()]


def _mix(model, base: list[dict], weight: float) -> None:
    """Set each parameter to ``weight`` × its trained value + (1 − ``weight``) × its base value.

    Averaging the weights of the fine-tuned and the original model (Wortsman et al. 2022, "WiSE-FT") keeps
    what the original knew and WiNER does not show: business names the fine-tuned model alone forgets.
    """
    for node, before in zip(model.walk(), base, strict=True):
        for name, value in before.items():
            node.set_param(name, weight * node.get_param(name) + (1 - weight) * value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="../shared/corpus/winer-train.jsonl")
    ap.add_argument("--out", default="kg/models/ner-winer")
    ap.add_argument("--max-epochs", type=int, default=12)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--max-minutes", type=float, default=28.0)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--learn-rate", type=float, default=0.001, help="Adam's learning rate (spaCy's default 0.001)")
    ap.add_argument("--mix", type=float, default=0.5,
                    help="weight of the fine-tuned parameters against the base ones in those saved (1: fine-tuned only)")
    ap.add_argument("--keep-epochs", type=Path, help="also save each epoch's weights under this folder (to compare)")
    args = ap.parse_args(argv)

    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    started = time.monotonic()
    fix_random_seed(SEED)
    rng = random.Random(SEED)
    lines = Path(args.corpus).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    rng.shuffle(records)
    n_held = len(records) // 10
    held, train = records[:n_held], records[n_held:]

    nlp = spacy.load(BASE, exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"])
    train_ex, held_ex = examples(nlp, train), examples(nlp, held)
    print(f"articles: {len(train)} train, {len(held)} held out (seed {SEED}); "
          f"paragraphs: {len(train_ex)} / {len(held_ex)}", flush=True)

    def score() -> dict:
        s = nlp.evaluate(held_ex)
        return {"f": s["ents_f"], "p": s["ents_p"], "r": s["ents_r"],
                "per_type": {k: round(v["f"], 3) for k, v in (s["ents_per_type"] or {}).items()}}

    base = score()
    print(f"epoch 0 (base {BASE}): held-out F1 {base['f']:.3f} (P {base['p']:.3f} R {base['r']:.3f}) "
          f"{base['per_type']}", flush=True)

    ner = nlp.get_pipe("ner")
    base_params = _params(ner.model)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.learn_rate
    best, best_epoch, best_bytes, history = -1.0, 0, None, []
    for epoch in range(1, args.max_epochs + 1):
        rng.shuffle(train_ex)
        losses: dict = {}
        for batch in minibatch(train_ex, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            s = score()
            if args.keep_epochs:
                ner.to_disk(args.keep_epochs / f"epoch-{epoch}", exclude=["vocab"])
            if s["f"] > best:
                best, best_epoch, best_bytes = s["f"], epoch, ner.to_bytes(exclude=["vocab"])
        minutes = (time.monotonic() - started) / 60
        history.append({"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1), "held_f1": round(float(s["f"]), 4),
                        "minutes": round(minutes, 1)})
        print(f"epoch {epoch}: loss {losses.get('ner', 0.0):.0f}  held-out F1 {s['f']:.3f} "
              f"(P {s['p']:.3f} R {s['r']:.3f}) {s['per_type']}  {minutes:.1f} min", flush=True)
        if epoch - best_epoch >= args.patience:
            print("stopping: no gain on the held-out articles", flush=True)
            break
        if minutes * (epoch + 1) / epoch > args.max_minutes:
            print("stopping: time budget", flush=True)
            break

    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    ner.from_bytes(best_bytes, exclude=["vocab"])
    _mix(ner.model, base_params, args.mix)
    mixed = score()
    print(f"mixed {args.mix:g} fine-tuned + {1 - args.mix:g} base: held-out F1 {mixed['f']:.3f} "
          f"(P {mixed['p']:.3f} R {mixed['r']:.3f}) {mixed['per_type']}", flush=True)
    ner.to_disk(out, exclude=["vocab"])
    meta = {"name": out.name, "version": "1", "base": f"{BASE} {nlp.meta['version']}", "component": "ner",
            "corpus": "WiNER-fr winer-train.jsonl", "labels": LABELS, "seed": SEED,
            "articles": {"train": len(train), "held_out": len(held)}, "best_epoch": best_epoch,
            "learn_rate": args.learn_rate, "mix": args.mix,
            "held_out_f1": {"base": round(float(base["f"]), 4), "trained": round(float(best), 4),
                            "mixed": round(float(mixed["f"]), 4)}, "history": history,
            "minutes": round((time.monotonic() - started) / 60, 1)}
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"best epoch {best_epoch}: held-out F1 {best:.3f} (base {base['f']:.3f}, mixed {mixed['f']:.3f}); "
          f"saved {out} ({size / 1e6:.1f} MB) in {meta['minutes']} min", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
