"""Errors that reach a user: each says what went wrong and what to do next."""


class MuseumQAError(Exception):
    """Base class for errors the CLI and UI show as a clear message, not a traceback."""


class SettingsError(MuseumQAError):
    """A setting has a value we cannot use."""


class IndexMissingError(MuseumQAError):
    """There is no index to search yet."""


class ModelUnavailableError(MuseumQAError):
    """The configured language model cannot be loaded or reached."""


class StoreUnavailableError(MuseumQAError):
    """The vector store cannot be opened or reached."""


class QuestionError(MuseumQAError):
    """The question is empty, too long or otherwise unusable."""
