"""Bundled sample applications for the embedded default (``intake samples load``)."""
