"""The web editor at admin/: Decap CMS, configured from the same specs the loader checks with."""
