"""Spiders, one per court-site engine, on the shared base ``CourtSpider``."""
