"""Health probes for /health: one per dependency."""
