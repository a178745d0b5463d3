"""intervju's own Swedish spaCy model: data recipe, training, evaluation, packaging.

Heavy libraries (spaCy) are imported inside functions so that the CLI stays fast.
"""

VERSION = "0.10.1"
MODEL_NAME = "sv_intervju_core"
