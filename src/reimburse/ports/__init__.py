"""Ports: the Protocols the core needs. One concept per module."""
