"""HTML input: decoding, safe parsing, selectors, main-text extraction and page metadata."""
