"""Chat over stored invoices: understand the question, retrieve, compute exactly, answer, remember."""
