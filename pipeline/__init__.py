"""intervju: Swedish interviews in, annotated JSON out.

The public Python API mirrors the CLI: `process_path` annotates one file, `run_batch` a corpus.
"""

__version__ = "0.1.0"

from pipeline.api import process_path, run_batch  # noqa: E402

__all__ = ["__version__", "process_path", "run_batch"]
