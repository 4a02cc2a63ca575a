"""Which image URLs a record names may be shown to a visitor, and how a IIIF service is asked.

museum-qa never fetches an image: the visitor's browser loads it from the museum's own image
server. So a URL is only checked here (it must be a plain http(s) address; anything else, a
``javascript:`` or ``data:`` URL above all, is not shown), never requested.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# The width asked of a IIIF image service: big enough for a source card, small enough for a
# phone. Width-only (``400,``) because every service of level 1 or more must honour it, while
# ``!w,h`` (fit within a box) is only required from level 2.
IIIF_WIDTH = 400
# Level 0 servers promise no scaled sizes, only the full image.
_LEVEL0 = ("level0",)
# Version 1 services name the default quality "native"; versions 2 and 3 "default".
_VERSION1 = ("ImageService1", "image-api/1")


def image_src(url: str) -> str:
    """``url`` if a browser may be pointed at it as an image, else "".

    Only absolute http(s) URLs with a host pass, without user or password (a URL such as
    ``https://museum.org@evil.example/`` misleads whoever reads it). The URL is returned as
    stored: whoever puts it in a page escapes it for the page (HTML attribute, Markdown).
    """
    url = url.strip()
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. a malformed IPv6 host or port
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return ""
    if parts.username is not None or parts.password is not None:
        return ""
    return url


def iiif_image_request(service: str, type_: str = "", profile: str = "") -> str:
    """A small image from the IIIF Image API service whose base URL is ``service``.

    ``type_`` and ``profile`` are the service's ``type``/``@type`` and ``profile`` as the
    manifest gives them: a version 1 service is asked for ``native`` quality, and a level 0
    service (which scales nothing) for its full size. "" when ``service`` is not http(s).
    """
    base = image_src(service).rstrip("/")
    if not base:
        return ""
    described = f"{type_} {profile}"
    quality = "native" if any(v in described for v in _VERSION1) else "default"
    if any(level in profile for level in _LEVEL0):
        # Version 3 calls the full size "max"; versions 1 and 2 "full".
        size = "max" if "ImageService3" in type_ or "image/3" in profile else "full"
    else:
        size = f"{IIIF_WIDTH},"
    return f"{base}/full/{size}/0/{quality}.jpg"
