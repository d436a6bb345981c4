"""Benchmarks (`make bench`): not collected by pytest; see run.py."""
