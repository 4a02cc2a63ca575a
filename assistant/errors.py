"""Errors that reach a user: each says what went wrong and what to do next."""

from assistant.i18n import N_


class MuseumQAError(Exception):
    """Base class for errors the CLI and UI show as a clear message, not a traceback."""

    #: What a museum visitor is told instead (no hosts, paths or settings); None means the
    #: message itself is fit to show.
    visitor_message: str | None = None


class SettingsError(MuseumQAError):
    """A setting has a value we cannot use."""


class IndexMissingError(MuseumQAError):
    """There is no index to search yet."""


class ModelUnavailableError(MuseumQAError):
    """The configured language model cannot be loaded or reached."""


class StoreUnavailableError(MuseumQAError):
    """The vector store cannot be opened or reached."""

    visitor_message = N_(
        "Sorry, I can't search the museum's texts right now. Please try again in a minute, "
        "or ask a member of staff."
    )


class StoreWriteError(MuseumQAError):
    """The vector store could not write (disk full, file-size limit, no permission)."""


class QuestionError(MuseumQAError):
    """The question is empty, too long or otherwise unusable."""
