"""intervju's own Swedish spaCy model: data recipe, training, evaluation, packaging.

Heavy libraries (spaCy) are imported inside functions so that the CLI stays fast.
"""

VERSION = "0.11.0"
MODEL_NAME = "sv_intervju_core"
