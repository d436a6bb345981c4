"""Chat question understanding and answers over stored invoices."""
