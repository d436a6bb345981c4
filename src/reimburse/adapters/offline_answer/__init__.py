"""The offline answerer: deterministic text from exact figures, no model involved."""
