"""intervju: Swedish interviews in, annotated JSON out.

The public Python API mirrors the CLI: `process_path` annotates one file, `run_batch` a corpus,
`pipeline.load.open_corpus` reads an output folder back as tables.
"""

__version__ = "0.1.0"
__all__ = ["__version__", "process_path", "run_batch"]


def __getattr__(name: str):
    # Imported on first use, so that `intervju --help` does not pay for pydantic and friends.
    if name in ("process_path", "run_batch"):
        from pipeline import api

        return getattr(api, name)
    raise AttributeError(name)
