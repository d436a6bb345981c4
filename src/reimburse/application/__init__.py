"""Use cases. Depend on domain + ports only (enforced by tests/unit/test_architecture.py)."""
