"""E-invoices: the seller's structured XML (Factur-X / ZUGFeRD / XRechnung CII, Peppol UBL)."""
