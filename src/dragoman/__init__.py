"""dragoman: political event data from news text, offline, every record tied to its evidence.

>>> import dragoman
>>> article = dragoman.extract("KABUL - The Afghan government and the Taliban resumed talks in Doha on Monday.")
>>> [e.type for e in article.events]
"""

__version__ = "0.1.0"

from dragoman.api_public import Pipeline, extract, extract_many

__all__ = ["Pipeline", "__version__", "extract", "extract_many"]
