"""Pure domain core: standard library and msgspec only (enforced by tests/unit/test_architecture.py)."""
