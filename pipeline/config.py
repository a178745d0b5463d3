"""Reading configs/pipeline.toml into a list of ready stages, and the fingerprint of the effective config."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import registry
from pipeline.registry import StageFn

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The folder holding configs/ and models/: the checkout in development, bundled data when installed."""
    checkout = PACKAGE_DIR.parent
    if (checkout / "configs" / "pipeline.toml").is_file():
        return checkout
    return PACKAGE_DIR / "_bundled"


def default_config_path() -> Path:
    return project_root() / "configs" / "pipeline.toml"


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the reason."""


@dataclass
class PipelineConfig:
    path: Path
    stages: list[dict[str, Any]]
    limits: dict[str, Any] = field(default_factory=dict)

    def resolve(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else project_root() / p

    def stage_settings(self, name: str) -> dict[str, Any]:
        for s in self.stages:
            if s["name"] == name:
                return s
        raise KeyError(name)

    def fingerprint(self) -> str:
        """Hash of the effective configuration and every file it points to (taxonomy, patterns)."""
        h = hashlib.sha256(json.dumps({"stages": self.stages, "limits": self.limits}, sort_keys=True).encode())
        for s in self.stages:
            for key, value in sorted(s.items()):
                if not isinstance(value, str) or not value or ":" in value[:6]:
                    continue
                p = self.resolve(value)
                if value.endswith((".toml", ".json", ".joblib")) and p.is_file():
                    h.update(p.read_bytes())
                elif (p / "meta.json").is_file():  # a model directory: its name, version and scores
                    h.update((p / "meta.json").read_bytes())
                else:
                    h.update(f"{key}=absent".encode())
        return h.hexdigest()[:16]


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """A TOML file of ours or the user's; every problem becomes a ConfigError naming the file (and the
    line, which tomllib's message carries)."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the {what} ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: the {what} is not UTF-8 text ({err.reason} at byte {err.start})") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from err


def load_config(path: Path | None = None, overrides: dict[str, dict[str, Any]] | None = None) -> PipelineConfig:
    path = Path(path) if path else default_config_path()
    data = read_toml(path, "configuration")
    stages = data.get("stage")
    if not isinstance(stages, list) or not stages:
        raise ConfigError(f"{path}: no [[stage]] tables: a pipeline needs at least one stage")
    for i, s in enumerate(stages):
        if "name" not in s or "factory" not in s:
            raise ConfigError(f"{path}: stage #{i + 1} needs both 'name' and 'factory'")
    limits = dict(data.get("limits", {}))
    for name, values in (overrides or {}).items():
        if name == "limits":
            limits.update(values)
            continue
        for s in stages:
            if s["name"] == name:
                s.update(values)
    return PipelineConfig(path=path, stages=stages, limits=limits)


def build_stages(config: PipelineConfig) -> list[tuple[str, StageFn]]:
    """Instantiate every stage and check that each one's inputs are provided by an earlier stage."""
    available: set[str] = {"source", "raw"}
    built = []
    for s in config.stages:
        try:
            spec = registry.get(s["factory"])
        except KeyError as err:
            raise ConfigError(f"{config.path}: stage {s['name']!r}: {err.args[0]}") from None
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise ConfigError(
                f"{config.path}: stage {s['name']!r} needs {', '.join(missing)}, which no earlier stage provides"
            )
        settings = {k: v for k, v in s.items() if k not in ("name", "factory")}
        built.append((s["name"], spec.factory(config=config, **settings)))
        available.update(spec.provides)
    return built
