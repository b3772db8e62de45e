"""Data files (package so that it is installed)."""
