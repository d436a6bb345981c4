"""OCR of photos, scans and image-only PDF pages into the same words-with-boxes as a text layer."""
