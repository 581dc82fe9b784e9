"""milcourt's speed and memory targets, run by ``make bench`` (never in the unit tests)."""
