"""Reading and validating what editors write: the only code that knows YAML and file paths."""
