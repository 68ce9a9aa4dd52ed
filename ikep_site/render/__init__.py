"""Renderers: pure functions from the model to text or bytes (SVG, CSV, ...), no MkDocs."""
