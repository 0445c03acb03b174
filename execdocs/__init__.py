"""Machinery for the executed guide: one runner, the run fence, recordings."""
