"""Stanza as intervju's second language engine: the recipe that trains small Swedish stanza models with
stanza's own trainers (data.py, vectors.py, recipe.py; `python -m pipeline.stanza_engine`), and their
evaluation with raw text in (evaluate.py). The language stage itself is pipeline/stages/language_stanza.py.

stanza and torch are an optional extra (pip install torch==2.13.0 'intervju[stanza]'); nothing here
imports them at module level.
"""
