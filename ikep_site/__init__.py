"""ikep-site: publish an integrated development process as a MkDocs site."""

__version__ = "0.1.0"
