"""What both Qdrant store adapters (embedded Edge and server) share: the payload codec, filters, aggregate columns and text vectors."""
