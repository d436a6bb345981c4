"""Bearer tokens with PyJWT."""
