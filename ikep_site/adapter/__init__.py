"""The MkDocs adapter: the only package that imports mkdocs.

`plugin.py` wires MkDocs' events to the core and holds nothing else; each job it hands on has its
own module beside it. The adapter knows nothing about corridors or projects: those live in the
model, derivations and templates.
"""
