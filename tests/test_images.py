"""Which image URLs reach a page, and the small image asked of a IIIF image service."""

import pytest

from assistant.answer import Answer, Citation
from assistant.images import iiif_image_request, image_src

SERVICE = "https://images.museum.example/iiif/SK-C-5"


@pytest.mark.parametrize(
    "url",
    [
        "https://images.museum.example/iiif/SK-C-5/full/400,/0/default.jpg",
        "http://fotothek.slub-dresden.de/fotos/sddm_hf_0003049_004.jpg",
        "https://lh3.ggpht.com/V4jYDrlLI8WiHjv_t44wKSqXHRGWVEQojx0",  # no extension: still fine
        "HTTPS://IMAGES.MUSEUM.EXAMPLE/a.jpg",
        "https://images.museum.example/a%20b.jpg?size=small&x=<y>",  # escaped by the page
    ],
)
def test_an_http_image_url_is_shown_as_stored(url):
    assert image_src(url) == url
    assert image_src(f"  {url}\n") == url  # whitespace around it, as records have it


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(document.domain)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",  # browsers drop tabs inside a scheme
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://images.museum.example/a.jpg",
        "//images.museum.example/a.jpg",  # scheme-relative: whatever the page's scheme is
        "/iiif/a.jpg",
        "https://",
        "https://museum.example@evil.example/a.jpg",  # a user name that reads like the host
        "https://user:pw@images.museum.example/a.jpg",
        "https://images.museum.example/a b.jpg",
        "https://[::1/a.jpg",  # malformed host
    ],
)
def test_anything_else_is_not_shown(url):
    assert image_src(url) == ""


@pytest.mark.parametrize(
    "kind,profile,asked",
    [
        # Level 1 of versions 2 and 3 must scale by width; "!w,h" needs level 2.
        ("ImageService2", "http://iiif.io/api/image/2/level1.json", "full/400,/0/default.jpg"),
        ("ImageService3", "level2", "full/400,/0/default.jpg"),
        ("", "", "full/400,/0/default.jpg"),  # a service that says nothing of itself
        # Version 1 calls the default quality "native".
        (
            "ImageService1",
            "http://library.stanford.edu/iiif/image-api/1.1/conformance.html#level1",
            "full/400,/0/native.jpg",
        ),
        # Level 0 scales nothing: only the full size is sure to be there.
        ("ImageService2", "http://iiif.io/api/image/2/level0.json", "full/full/0/default.jpg"),
        ("ImageService3", "level0", "full/max/0/default.jpg"),
    ],
)
def test_a_iiif_service_is_asked_for_a_small_image(kind, profile, asked):
    assert iiif_image_request(SERVICE, kind, profile) == f"{SERVICE}/{asked}"
    assert iiif_image_request(SERVICE + "/", kind, profile) == f"{SERVICE}/{asked}"


def test_a_service_that_is_not_http_gives_no_request():
    assert iiif_image_request("javascript:alert(1)//", "ImageService3", "level2") == ""
    assert iiif_image_request("", "ImageService3", "level2") == ""


def test_the_contract_carries_only_an_image_a_page_may_show():
    def cited(image_url: str) -> Citation:
        return Citation(1, "s", "T", "A", "", "CC0", "p", image_url=image_url)

    shown = Answer("q", "answered", "a", citations=[cited(f"{SERVICE}/full/400,/0/default.jpg")])
    hidden = Answer("q", "answered", "a", citations=[cited("javascript:alert(1)")])
    assert shown.to_contract()["citations"][0]["image_url"] == f"{SERVICE}/full/400,/0/default.jpg"
    assert hidden.to_contract()["citations"][0]["image_url"] == ""
    # The answer log keeps what the record said, for staff to see and fix.
    assert hidden.to_record()["citations"][0]["image_url"] == "javascript:alert(1)"
