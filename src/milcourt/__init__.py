"""milcourt: public case records of Russian military courts as a reproducible dataset.

The pipeline runs one way, one package a stage:
courts → crawl → parse → extract → store → stats → publish.
"""

__version__ = "0.1.0"
