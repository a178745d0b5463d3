"""Gazetteers: the recipe that turns ../shared/data/gazetteers into compact lookup tables (see build.py)."""
