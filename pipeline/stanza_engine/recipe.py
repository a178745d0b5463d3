"""The recipe behind models/stanza_sv_intervju: data, vectors, four stanza trainings, packaging, scores.

    python -m pipeline.stanza_engine all            # everything below, in order (1-2 h on 2 busy cores)
    python -m pipeline.stanza_engine data           # build/stanza/data (rebuilt Talbanken train, dev halves)
    python -m pipeline.stanza_engine vectors        # build/stanza/pretrain (PPMI-SVD vectors from raw text)
    python -m pipeline.stanza_engine train [NAME..] # tokenize pos lemma depparse, with stanza's own trainers
    python -m pipeline.stanza_engine package [--out DIR]
    python -m pipeline.stanza_engine evaluate FILE.conllu [--stanza-dir DIR]

Every training is stanza's own entry point (python -m stanza.models.tokenizer / tagger / lemmatizer /
parser) run under `nice -n 10` with one thread, logging to build/stanza/logs/NAME.log. Sizes are kept
small on purpose (the models are shipped in git and run in CI): see SETTINGS.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pipeline.model import paths

from . import data as data_mod

VERSION = "0.1.0"
NAME = "stanza_sv_intervju"
PACKAGE = "intervju"
BUILD = data_mod.BUILD
MODELS = BUILD / "models"
LOGS = BUILD / "logs"
PRETRAIN = BUILD / "pretrain" / "sv_intervju.pretrain.pt"
SHIPPED = paths.MODELS / NAME
D = data_mod.DATA / "sv_intervju"

SETTINGS: dict[str, dict] = {
    "tokenize": {
        "module": "stanza.models.tokenizer", "file": "sv_intervju_tokenizer.pt",
        "args": ["--lang", "sv", "--txt_file", f"{D}.train.txt", "--label_file", f"{D}.train.labels",
                 "--dev_txt_file", f"{D}.dev.txt", "--dev_label_file", f"{D}.dev.labels",
                 "--mwt_json_file", f"{D}.mwt.json", "--no_use_mwt", "--emb_dim", "24", "--hidden_dim", "48",
                 "--steps", "2000", "--eval_steps", "250", "--anneal_after", "1000"],
    },
    "pos": {
        "module": "stanza.models.tagger", "file": "sv_intervju_tagger.pt",
        "args": ["--lang", "sv", "--train_file", f"{D}.train.conllu", "--eval_file", f"{D}.dev.conllu",
                 "--output_file", str(LOGS / "pos.dev.pred.conllu"), "--wordvec_pretrain_file", str(PRETRAIN),
                 "--hidden_dim", "96", "--char_hidden_dim", "96", "--word_emb_dim", "48", "--char_emb_dim", "48",
                 "--tag_emb_dim", "24", "--transformed_dim", "64", "--deep_biaff_hidden_dim", "96",
                 "--composite_deep_biaff_hidden_dim", "48", "--num_layers", "1", "--batch_size", "32",
                 "--max_steps", "3000", "--eval_interval", "200", "--fix_eval_interval"],
    },
    "lemma": {
        "module": "stanza.models.lemmatizer", "file": "sv_intervju_lemmatizer.pt",
        "args": ["--train_file", f"{D}.train.conllu", "--eval_file", f"{D}.dev.conllu",
                 "--output_file", str(LOGS / "lemma.dev.pred.conllu"), "--hidden_dim", "64", "--emb_dim", "32",
                 "--pos_dim", "32", "--num_epoch", "6", "--decay_epoch", "3", "--batch_size", "50"],
    },
    "depparse": {
        "module": "stanza.models.parser", "file": "sv_intervju_parser.pt",
        "args": ["--lang", "sv", "--train_file", f"{D}.train.conllu", "--eval_file", f"{D}.dev.conllu",
                 "--output_file", str(LOGS / "depparse.dev.pred.conllu"), "--wordvec_pretrain_file", str(PRETRAIN),
                 "--hidden_dim", "128", "--char_hidden_dim", "64", "--deep_biaff_hidden_dim", "128",
                 "--deep_biaff_output_dim", "64", "--word_emb_dim", "48", "--char_emb_dim", "32",
                 "--tag_emb_dim", "24", "--transformed_dim", "64", "--num_layers", "2", "--batch_size", "1000",
                 "--optim", "adam", "--lr", "3e-3", "--beta2", "0.95", "--weight_decay", "0",
                 "--no_second_optim", "--max_steps", "1500", "--eval_interval", "250", "--no_checkpoint"],
    },
    "ner": {
        "module": "stanza.models.ner_tagger", "file": "sv_intervju_nertagger.pt",
        "args": ["--train_file", f"{D}.ner.train.json", "--eval_file", f"{D}.ner.dev.json",
                 "--wordvec_pretrain_file", str(PRETRAIN), "--hidden_dim", "96", "--char_hidden_dim", "64",
                 "--word_emb_dim", "50", "--char_emb_dim", "32", "--max_steps", "5000", "--eval_interval", "250",
                 "--batch_size", "32"],
    },
}


def train(name: str, log=print) -> Path:
    """Run stanza's trainer for one processor; returns the trained file under build/stanza/models."""
    s = SETTINGS[name]
    MODELS.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    if name == "tokenize":
        Path(f"{D}.mwt.json").write_text("[]\n")  # Swedish Talbanken has no multi-word tokens
    cmd = ["nice", "-n", "10", sys.executable, "-m", s["module"], "--mode", "train", "--shorthand", "sv_intervju",
           *s["args"], "--save_dir", str(MODELS), "--save_name", s["file"], "--cpu"]
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    log(f"training {name}: {' '.join(cmd[3:])} (log: {LOGS / (name + '.log')})")
    with open(LOGS / f"{name}.log", "w") as fh:
        subprocess.run(cmd, check=True, stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=paths.REPO)
    return MODELS / s["file"]


def resources() -> dict:
    """A stanza resources.json for the folder, so that stanza itself can load it offline as well:
    stanza.Pipeline("sv", dir=DIR, download_method=None)."""
    deps = [{"model": "pretrain", "package": PACKAGE}]
    procs = {"tokenize": PACKAGE, "pos": PACKAGE, "lemma": PACKAGE, "depparse": PACKAGE, "ner": PACKAGE}
    return {"sv": {
        "lang_name": "Swedish",
        "packages": {"default": dict(procs)},
        "default_processors": dict(procs),
        "default_dependencies": {"pos": deps, "depparse": deps, "ner": deps},
        "tokenize": {PACKAGE: {}},
        "pos": {PACKAGE: {"dependencies": deps}},
        "lemma": {PACKAGE: {}},
        "depparse": {PACKAGE: {"dependencies": deps}},
        "ner": {PACKAGE: {"dependencies": deps}},
        "pretrain": {PACKAGE: {}},
    }}


HALF = ("pos", "depparse", "ner")  # the three larger models are stored in float16 (half the size; see halve)


def halve(src: Path, dst: Path) -> None:
    """Store a model's floating-point weights as float16. stanza builds the model in float32 and
    load_state_dict copies (and so converts) the stored values into it: only the file is halved.
    Measured on Talbanken dev: no change in the scores beyond the second decimal."""
    import torch

    data = torch.load(src, map_location="cpu", weights_only=False)
    data["model"] = {k: v.half() if torch.is_tensor(v) and v.is_floating_point() else v
                     for k, v in data["model"].items()}
    for k in ("optimizer", "scheduler"):  # training state, never needed to annotate
        data.pop(k, None)
    torch.save(data, dst, _use_new_zipfile_serialization=False)


def package(out: Path = SHIPPED, scores: dict | None = None, log=print) -> Path:
    """Copy the trained files into stanza's layout (DIR/sv/<processor>/intervju.pt) with resources.json
    and meta.json; README.md in `out` is left as it is."""
    files = {"tokenize": MODELS / SETTINGS["tokenize"]["file"], "pos": MODELS / SETTINGS["pos"]["file"],
             "lemma": MODELS / SETTINGS["lemma"]["file"], "depparse": MODELS / SETTINGS["depparse"]["file"],
             "ner": MODELS / SETTINGS["ner"]["file"], "pretrain": PRETRAIN}
    missing = [k for k, p in files.items() if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"not trained yet: {', '.join(missing)} (run python -m pipeline.stanza_engine train)")
    out.mkdir(parents=True, exist_ok=True)
    if (out / "sv").is_dir():
        shutil.rmtree(out / "sv")
    sizes = {}
    for proc, src in files.items():
        dst = out / "sv" / proc / f"{PACKAGE}.pt"
        dst.parent.mkdir(parents=True, exist_ok=True)
        if proc in HALF:
            halve(src, dst)
        else:
            shutil.copyfile(src, dst)
        sizes[proc] = dst.stat().st_size
    (out / "resources.json").write_text(json.dumps(resources(), indent=2) + "\n")
    old = {}
    if (out / "meta.json").is_file():
        old = json.loads((out / "meta.json").read_text())
    import stanza

    meta = {
        "name": "stanza_intervju", "version": VERSION, "lang": "sv", "stanza_version": stanza.__version__,
        "processors": ["tokenize", "pos", "lemma", "depparse", "ner"],
        "sizes_bytes": sizes,
        "data": json.loads((data_mod.DATA / "report.json").read_text()) if (data_mod.DATA / "report.json").is_file() else {},
        "settings": {k: v["args"] for k, v in SETTINGS.items()},
        "scores": scores if scores is not None else old.get("scores", {}),
        "license": "CC BY-SA 4.0 (trained on UD Swedish-Talbanken and data derived from it)",
    }
    for k, v in meta["settings"].items():  # paths in the recorded settings, relative to the repo
        meta["settings"][k] = [a.replace(str(paths.REPO) + "/", "") for a in v]
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    log(f"packaged {out} ({sum(sizes.values()) / 1e6:.1f} MB)")
    return out


def score(out: Path = SHIPPED, log=print) -> dict:
    from . import evaluate

    res = {}
    for name, path in (("talbanken_dev_b", Path(f"{D}.dev.conllu")), ("talbanken_test", paths.TALBANKEN_TEST),
                       ("uner_talbanken_test", paths.UNER / "sv_talbanken-ud-test.iob2"),
                       ("klintan_test", paths.KLINTAN / "test_corpus.txt")):
        if path.is_file():
            res[name] = evaluate.evaluate(path, out, threads=1)
            log(f"== {name} ({path.name}, raw text in)\n{evaluate.format_scores(res[name])}")
    meta = json.loads((out / "meta.json").read_text())
    meta["scores"] = res
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return res


def run_all(log=print) -> Path:
    log(json.dumps(data_mod.build(), indent=2))
    log(json.dumps(data_mod.ner_files(), indent=2))
    from . import vectors

    vectors.build(PRETRAIN)
    for name in SETTINGS:
        train(name, log)
    out = package(log=log)
    score(out, log)
    return out
