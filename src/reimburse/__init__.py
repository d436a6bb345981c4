"""Invoice reimbursement service: policy + invoices -> verdicts, stored in Qdrant, with chat."""

__version__ = "0.1.0"
