"""Domain errors. Each unreadable-document case has its own type so callers can tell them apart."""


class DomainError(Exception):
    """Base of every error the domain and its ports raise on purpose."""

    code = "DomainError"


class DocumentError(DomainError):
    """A document could not be read. The invoice becomes a processing_error, never a verdict."""

    code = "DocumentError"


class CorruptDocument(DocumentError):
    code = "CorruptDocument"


class EncryptedDocument(DocumentError):
    code = "EncryptedDocument"


class NoTextLayer(DocumentError):
    code = "NoTextLayer"


class TooManyPages(DocumentError):
    code = "TooManyPages"


class UnsupportedFile(DocumentError):
    code = "UnsupportedFile"


class TooSlow(DocumentError):
    """Reading the document ran past its time budget (MAX_DOCUMENT_SECONDS) and was stopped."""

    code = "TooSlow"


class ExtractionError(DomainError):
    """The text was read but the invoice could not be understood (for example, no total)."""

    code = "ExtractionError"


class PolicyError(DomainError):
    """The policy could not be interpreted into any rule."""

    code = "PolicyError"


class ArchiveError(DomainError):
    """The invoice archive as a whole is unusable (not a ZIP, too large, too many entries...)."""

    code = "ArchiveError"


class StoreUnavailable(DomainError):
    """The store could not durably write or read."""

    code = "StoreUnavailable"


class ReaderUnavailable(DomainError):
    """A service a reader depends on (a language model) could not answer: the document is not at fault,
    so the request may be retried. Raised as one of the two kinds below, so a fallback still catches it."""

    code = "ReaderUnavailable"


class InterpreterUnavailable(PolicyError, ReaderUnavailable):
    # the wire keeps naming it PolicyError (processing errors in streams carry the code)
    code = "PolicyError"


class ExtractorUnavailable(ExtractionError, ReaderUnavailable):
    code = "ExtractionError"
