"""Errors that xeber raises on bad input. The CLI maps them to one line and a non-zero exit,
the server to a 4xx."""


class XeberError(Exception):
    """Base of every error xeber raises on purpose."""

    exit_code = 1


class InputError(XeberError):
    """The input cannot be read or is not text xeber can process."""

    exit_code = 2


class StoreError(XeberError):
    """The store cannot be opened or written."""

    exit_code = 3


class QueryError(XeberError):
    """A search query that cannot be parsed."""

    exit_code = 4


class FetchError(InputError):
    """A URL that could not be fetched safely."""
