"""yargy grammars, one file per fact; each exports one top rule in UPPER_CASE.

The grammars find *where* a fact is written; the small value functions next to each rule turn
the matched words into the fact (numbers, dates, categories).
"""
