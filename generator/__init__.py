"""Publish a United Nations resolution as a static site and open datasets."""

__version__ = "0.1.0"
