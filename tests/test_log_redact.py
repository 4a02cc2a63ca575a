import pytest

from assistant.redact import find_personal_data, redact, scrub_fragments
from assistant.settings import Settings


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Email me at jane.doe+museum@example.co.uk please", "Email me at [email] please"),
        ("Contact J_Smith@mail-host.org.", "Contact [email]."),
        ("Call +44 20 7946 0958 about the Rosetta Stone", "Call [phone] about the Rosetta Stone"),
        ("my phone is (555) 123-4567", "my phone is [phone]"),
        ("ring 555-123-4567 or 555.123.4567", "ring [phone] or [phone]"),
        ("uk mobile 07700 900123", "uk mobile [phone]"),
        ("dutch 06-12345678!", "dutch [phone]!"),
        ("text +33612345678 now", "text [phone] now"),
        ("raw 5551234567", "raw [phone]"),
        ("whatsapp: 1234 567", "whatsapp: [phone]"),
    ],
)
def test_redacts_emails_and_phone_numbers(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "What is accession number 37.1940.183?",
        "Tell me about SK-C-5 and INV 779 and EA 24",
        "Was the Mona Lisa painted between 1503–1519 or 1503-1519?",
        "Object W.863 from 1479-1185 BC",
        "Is 2024-11-24 the date it was lent?",
        "The helmet was found in 1939 at Sutton Hoo",
        "dimensions 0.99 x 1.33 x 0.04 cm",
        "Who painted The Night Watch in 1642?",
        "accession 48.2087 and 57.1924",
    ],
)
def test_leaves_accession_numbers_years_and_dates_alone(text):
    assert redact(text) == text
    assert find_personal_data(text) == []


def test_finds_what_it_redacts_in_order():
    text = "I'm a@b.org, phone 020 7946 0958"
    assert find_personal_data(text) == ["a@b.org", "020 7946 0958"]


def test_scrubs_the_pieces_of_found_data_from_derived_text():
    found = find_personal_data("Is jane.smith@example.com on the guest list?")
    reason = "no source covers: jane, smith, example, guest, list"
    assert scrub_fragments(reason, found) == (
        "no source covers: [redacted], [redacted], [redacted], guest, list"
    )


def test_scrub_does_not_touch_words_that_merely_contain_a_piece():
    assert scrub_fragments("Jane Austen's janes", ["jane@x.io"]) == "[redacted] Austen's janes"


# The default countries (MUSEUM_QA_PHONE_REGIONS), as the answer log uses them.
REGIONS = Settings.model_fields["phone_regions"].get_default(call_default_factory=True)
ZWSP = "\u200b"


@pytest.mark.parametrize(
    "text,expected",
    [
        # phone numbers in two-digit groups, with a country code or a trunk 0
        ("call +33 1 23 45 67 89 tonight", "call [phone] tonight"),
        ("call 01 23 45 67 89 tonight", "call [phone] tonight"),
        ("06 12 34 56 78", "[phone]"),
        # a seven-digit local number
        ("ring 555 1234 please", "ring [phone] please"),
        # the international prefix written 00, with dots or a (0)
        ("0044.20.7946.0958", "[phone]"),
        ("0044 (0)20 7946 0958", "[phone]"),
        ("0031 20 123 4567", "[phone]"),
        ("+31 (0)20 674 7000", "[phone]"),
        # national numbers the numbering plans know (phonenumbers)
        ("Berlin 030 1234567", "Berlin [phone]"),
        ("mobile 0612345678", "mobile [phone]"),
        # addresses spelled out so that a program would not see them
        ("jane at example dot com", "[email]"),
        ("JANE AT EXAMPLE DOT COM", "[email]"),
        ("write to jane(at)example(dot)com", "write to [email]"),
        ("jane [at] example [dot] org", "[email]"),
        ("jane dot doe at example dot co dot uk", "[email]"),
        ("jane at example.com", "[email]"),
        ("jane @ example . com", "[email]"),
        ("jane\uff20example.com", "[email]"),
        # a zero-width space (or joiner, or soft hyphen) inside an address
        (f"jane{ZWSP}.doe@example.com", "[email]"),
        (f"jane.doe@exa{ZWSP}mple.com", "[email]"),
        ("jane.doe@exa\u200dmple\u00ad.com", "[email]"),
        (f"call +44 20 79{ZWSP}46 0958", "call [phone]"),
    ],
)
def test_redacts_the_formats_redaction_used_to_miss(text, expected):
    assert redact(text, REGIONS) == expected
    assert find_personal_data(text, REGIONS)


@pytest.mark.parametrize(
    "text",
    [
        "What is accession number 37.1940.183?",
        "Is 1993.83.27.19 the same object as 37.1940.183?",
        "Tell me about SK-C-5, RP-P-OB-12.345 and EA 10470/3",
        "acc. no. 1975.1.186, inv. nr. 2007-123-4567",
        "Made 1650-1699 or 1650–1699, in the 17th century (1601-1700)?",
        "Rembrandt (1606–1669) and Vermeer (1632-1675)",
        "Between 800-1200 AD",
        "Is it from 1642 or 1643 or 1644?",
        "The years 1600 1650 1700 1750",
        "Objects 1650, 1699 and 1700",
        "Object W.863 from 1479-1185 BC, lent 2024-11-24",
        "dimensions 0.99 x 1.33 x 0.04 cm",
        "Was it painted at Arles.He was there in 1888",
        "Look at it: what is at stake in the painting?",
    ],
)
def test_with_the_phone_regions_codes_years_and_dates_still_survive(text):
    assert redact(text, REGIONS) == text
    assert find_personal_data(text, REGIONS) == []


def test_scrubs_the_digit_groups_of_a_phone_number_but_not_decimals():
    found = find_personal_data("call +33 1 23 45 67 89", REGIONS)
    reason = "it does not mention 33, 23, 45, 67, 89 (best match 0.23)"
    assert scrub_fragments(reason, found) == (
        "it does not mention [redacted], [redacted], [redacted], [redacted], [redacted] "
        "(best match 0.23)"
    )


def test_scrubs_the_words_of_a_spelled_out_address():
    found = find_personal_data("I am jane at example dot com", REGIONS)
    assert found == ["jane at example dot com"]
    reason = "the texts do not mention jane, example, dot, com, varnish"
    assert scrub_fragments(reason, found) == (
        "the texts do not mention [redacted], [redacted], [redacted], [redacted], varnish"
    )


def test_scrubs_the_stems_a_refusal_reason_lists_but_not_longer_words():
    found = find_personal_data("My email is jane.doe@example.com", REGIONS)
    reason = "it does not mention email, jane, doe, exampl, com, examples, janes"
    assert scrub_fragments(reason, found) == (
        "it does not mention email, [redacted], [redacted], [redacted], [redacted], examples, janes"
    )
