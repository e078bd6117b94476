"""Dumps of many pages in one file: JSON Lines and WARC, read as a stream of pages."""
