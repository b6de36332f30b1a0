"""Fetching web pages safely: http(s) only, timeouts, a size cap, bounded redirects, and one clear
FetchError per URL instead of a crash."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from xeber.errors import FetchError
from xeber.ingest.base import IngestOptions

ALLOWED_SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str  # media type without parameters, lower case
    body: bytes


def is_url(item: str) -> bool:
    """Whether a command-line item names a URL (any scheme) rather than a path."""
    scheme = urlsplit(item).scheme
    return len(scheme) > 1 and "://" in item


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(f"{url}: only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: no host in URL")


def make_client(options: IngestOptions) -> httpx.Client:
    return httpx.Client(
        follow_redirects=False, timeout=httpx.Timeout(options.timeout_s),
        headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,*/*;q=0.5"},
    )


def fetch(url: str, options: IngestOptions | None = None, client: httpx.Client | None = None) -> Fetched:
    """The body of `url`, following at most `max_redirects` redirects (each checked again), read
    up to `max_bytes`. Raises FetchError with the URL and the reason."""
    options = options or IngestOptions()
    own = client is None
    http = client or make_client(options)
    try:
        current = url
        for _ in range(options.max_redirects + 1):
            check_url(current)
            with http.stream("GET", current) as resp:
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(f"{url}: redirect without a Location")
                    current = urljoin(current, location)
                    continue
                if resp.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {resp.status_code}")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > options.max_bytes:
                    raise FetchError(f"{url}: {declared} bytes is larger than the {options.max_bytes}-byte limit")
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > options.max_bytes:
                        raise FetchError(f"{url}: more than the {options.max_bytes}-byte limit")
                    chunks.append(chunk)
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                return Fetched(str(resp.url), resp.status_code, ctype, b"".join(chunks))
        raise FetchError(f"{url}: more than {options.max_redirects} redirects")
    except httpx.TimeoutException as e:
        raise FetchError(f"{url}: timed out after {options.timeout_s:g} s") from e
    except httpx.HTTPError as e:
        raise FetchError(f"{url}: {e.__class__.__name__}: {e}") from e
    finally:
        if own:
            http.close()
