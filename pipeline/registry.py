"""Stages are registered by name and assembled from configs/pipeline.toml (in the spirit of spaCy's registry).

A stage factory takes its settings from the config and returns a callable that annotates a `Work`.
Each registration declares which Document fields the stage reads and writes, so that the order in
the config can be checked before anything runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from pipeline.work import Work

StageFn = Callable[[Work], None]


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[..., StageFn]
    requires: tuple[str, ...]
    provides: tuple[str, ...]


_STAGES: dict[str, StageSpec] = {}

# Modules that register stages; imported lazily so that `intervju --help` stays fast.
_STAGE_MODULES = (
    "pipeline.stages.ingest",
    "pipeline.stages.clean",
    "pipeline.stages.structure",
    "pipeline.stages.language",
    "pipeline.stages.language_stanza",
    "pipeline.stages.entities",
    "pipeline.stages.topics",
    "pipeline.stages.emit",
)


def stage(name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()):
    def register(factory: Callable[..., StageFn]) -> Callable[..., StageFn]:
        _STAGES[name] = StageSpec(name, factory, tuple(requires), tuple(provides))
        return factory

    return register


def _load_all() -> None:
    for module in _STAGE_MODULES:
        try:
            import_module(module)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise


def get(name: str) -> StageSpec:
    if name not in _STAGES:
        _load_all()
    if name not in _STAGES:
        known = ", ".join(sorted(_STAGES))
        raise KeyError(f"no stage registered as {name!r}; known stages: {known}")
    return _STAGES[name]


def names() -> list[str]:
    _load_all()
    return sorted(_STAGES)
