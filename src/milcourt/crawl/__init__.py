"""Crawl stage: collect court-website pages (sudrf engine) politely and completely with Scrapy.

Layout: ``urls`` (the sudrf URL scheme as pure functions), ``courts`` (which sites to crawl),
``sites`` (real host or a local simulator), ``pages`` (what kind of page came back),
``spiders/`` (one spider per site engine on a shared base), ``pipelines`` (archive raw →
parse → ingest, in that fixed order), ``journal`` (crash-safe resume and incremental ledger),
``runner``/``cli`` (``milcourt crawl``). The URL scheme is documented in docs/sudrf.md.
"""
