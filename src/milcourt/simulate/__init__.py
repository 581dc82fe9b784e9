"""A faithful offline simulator of the military courts' websites.

It generates a seeded synthetic population of desertion/AWOL cases (``population``), renders it
as the sudrf "ГАС Правосудие" case-module pages (``pages``), serves every court as its own site
on loopback with realistic faults (``server``, ``faults``) and writes the ground truth
(``truth``), so the crawler → parser → store chain can be tested and demonstrated end to end
without the internet. Every page it renders is marked synthetic.
"""

from milcourt.simulate.population import Case, Population, generate

__all__ = ["Case", "Population", "generate"]
