"""Checks of a built site before it is published: `ikep verify` (files) and `ikep audit` (browser).

Both read only the built folder, never the content or mkdocs.yml, so they judge what a citizen
would get, whichever generator made it.
"""
