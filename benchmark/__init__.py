"""The scale benchmark: a synthetic state-wide portal, built with ikep, plain MkDocs and Hugo."""
