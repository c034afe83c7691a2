"""Parse, validate and format registry numbers with `phonenumbers` (short codes like 95188 included).

`parse_dialable` reads a number for display and dialling. `check_number` is the registry's gate:
on top of parsing it refuses premium-rate and shared-cost numbers (libphonenumber's number type),
short codes the short-number metadata does not know (unless the entry says so), premium short
codes, and anything that is not written with plain digits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, shortnumberinfo
from phonenumbers.phonemetadata import PhoneMetadata

# How a number may be written in the registry: digits and the usual separators, optional leading +.
WRITTEN_NUMBER = re.compile(r"\+?\(?[0-9](?:[0-9 ().\-/]*[0-9])?")
REFUSED_TYPES = {
    PhoneNumberType.PREMIUM_RATE: "a premium-rate number (callers pay a surcharge)",
    PhoneNumberType.SHARED_COST: "a shared-cost number (callers pay part of the cost)",
}
# An SMS sender name may carry a few digits (#ADCC18222); more would smuggle a phone number in.
MAX_SENDER_DIGITS = 5
# Characters that may sit between the digits of one number in text: "95 188", "400-893-9888", "(0)300".
SEPARATORS = r"[\s\-.()\[\]/+\u2010-\u2015]"
NUMBER_RUN = re.compile(rf"[0-9]+(?:{SEPARATORS}+[0-9]+)*")


class NumberError(ValueError):
    """A registry value that is not a dialable number or short code for its region."""


@dataclass(frozen=True)
class Dialable:
    value: str
    region: str
    number: phonenumbers.PhoneNumber
    is_short: bool

    @property
    def tel_uri(self) -> str:
        # Short codes only work inside their own network: a +CC prefix would break them.
        if self.is_short:
            return "tel:" + phonenumbers.normalize_digits_only(self.value)
        return phonenumbers.format_number(self.number, PhoneNumberFormat.RFC3966)

    def display(self, reader_lang: str) -> str:
        """Local format for a mainland reader's own numbers, international for everything a visitor dials."""
        if self.is_short:
            return phonenumbers.normalize_digits_only(self.value)
        if reader_lang == "zh" and self.region == "CN":
            return phonenumbers.format_number(self.number, PhoneNumberFormat.NATIONAL)
        return phonenumbers.format_number(self.number, PhoneNumberFormat.INTERNATIONAL)


def _parse(value: str, region: str) -> phonenumbers.PhoneNumber:
    try:
        return phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise NumberError(f"{value!r} is not a phone number ({exc}) — write it as dialled, e.g. 95188 or +44 300 123 2040") from None


def parse_dialable(value: str, region: str) -> Dialable:
    """Parse `value` as dialled in `region`; raise NumberError with a fix if phonenumbers rejects it."""
    number = _parse(value, region)
    if phonenumbers.is_valid_number(number):
        return Dialable(value, region, number, is_short=False)
    if not value.strip().startswith("+") and (
        shortnumberinfo.is_valid_short_number_for_region(number, region)
        or shortnumberinfo.is_possible_short_number_for_region(number, region)
    ):
        return Dialable(value, region, number, is_short=True)
    raise NumberError(
        f"{value!r} is neither a valid number nor a short code when dialled in {region} — "
        f"check the digits and the dial_region against the source"
    )


def _fits_short_pattern(number: phonenumbers.PhoneNumber, region: str) -> bool:
    """The number has a possible length and matches the region's general short-number pattern."""
    metadata = PhoneMetadata.short_metadata_for_region(region)
    if metadata is None or metadata.general_desc is None or not metadata.general_desc.national_number_pattern:
        return False
    nsn = phonenumbers.national_significant_number(number)
    return (
        shortnumberinfo.is_possible_short_number_for_region(number, region)
        and re.fullmatch(metadata.general_desc.national_number_pattern, nsn) is not None
    )


def check_number(value: str, region: str, unlisted_short_code: bool = False) -> Dialable:
    """The registry's number gate: parse `value` and refuse what must never be published.

    Refused: anything but digits and separators; premium-rate and shared-cost numbers; short codes
    that libphonenumber's short-number metadata marks premium-rate or does not list at all. A short
    code the metadata does not list yet (operator codes such as 7726) is accepted only with
    `unlisted_short_code: true` on the entry, and only if it fits the region's short-code pattern.
    """
    if not WRITTEN_NUMBER.fullmatch(value.strip()) or value != value.strip():
        raise NumberError(
            f"{value!r} must be written with digits, spaces, hyphens, dots or brackets and an optional leading + "
            f"(no letters, extensions or full-width digits), e.g. 95188 or +44 300 123 2040"
        )
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise NumberError(f"dial_region {region!r} is not a region phonenumbers knows — use a two-letter code such as CN, HK, GB")
    number = _parse(value, region)
    if phonenumbers.is_valid_number(number):
        if unlisted_short_code:
            raise NumberError(f"{value!r} is a full number, not a short code — remove unlisted_short_code")
        kind = phonenumbers.number_type(number)
        if kind in REFUSED_TYPES:
            raise NumberError(
                f"{value!r} is {REFUSED_TYPES[kind]} — such numbers are never published; give the provider's ordinary or toll-free number"
            )
        return Dialable(value, region, number, is_short=False)
    if value.startswith("+"):
        raise NumberError(f"{value!r} is not a valid number — check the digits against the source")
    if shortnumberinfo.is_valid_short_number_for_region(number, region):
        if unlisted_short_code:
            raise NumberError(f"{value!r} is listed in the short-number metadata for {region} — remove unlisted_short_code")
        if shortnumberinfo.expected_cost_for_region(number, region) == shortnumberinfo.ShortNumberCost.PREMIUM_RATE:
            raise NumberError(f"{value!r} is a premium-rate short code in {region} — such numbers are never published")
        return Dialable(value, region, number, is_short=True)
    if unlisted_short_code and _fits_short_pattern(number, region):
        return Dialable(value, region, number, is_short=True)
    if _fits_short_pattern(number, region):
        raise NumberError(
            f"{value!r} is not a short code libphonenumber's short-number metadata lists for {region} — check the digits "
            f"and dial_region; if an official source states it, add `unlisted_short_code: true` to the entry"
        )
    raise NumberError(
        f"{value!r} is neither a valid number nor a possible short code when dialled in {region} — "
        f"check the digits and the dial_region against the source"
    )


def is_emergency(value: str, region: str | None) -> bool:
    """True when `value` is an emergency number of `region` in libphonenumber's short-number metadata."""
    if not region or not WRITTEN_NUMBER.fullmatch(value.strip()) or value.strip().startswith("+"):
        return False
    return shortnumberinfo.is_emergency_number(phonenumbers.normalize_digits_only(value), region)


def number_region(value: str, region: str | None) -> str | None:
    """The region whose numbering plan a number belongs to: its own country, or where a short code is dialled."""
    if not region:
        return None
    try:
        parsed = parse_dialable(value, region)
    except NumberError:
        return region
    if parsed.is_short:
        return region
    own = phonenumbers.region_code_for_number(parsed.number)
    return own if own and own in phonenumbers.SUPPORTED_REGIONS else region


def sender_digits(value: str) -> str:
    """The digits inside an SMS sender name, joined (what would enter the allow-list)."""
    return "".join(ch for ch in value if ch.isdigit())


def dialable_forms(value: str, region: str | None) -> set[str]:
    """Digit strings under which this number may appear in text: as dialled, national, with country code."""
    digits = phonenumbers.normalize_digits_only(value)
    forms = {digits}
    if not region or any(ch.isalpha() or ch == "#" for ch in value):  # an SMS sender name, not a number
        return forms
    try:
        parsed = parse_dialable(value, region)
    except NumberError:
        return forms
    nsn = phonenumbers.national_significant_number(parsed.number)
    cc = str(parsed.number.country_code)
    national = phonenumbers.normalize_digits_only(phonenumbers.format_number(parsed.number, PhoneNumberFormat.NATIONAL))
    forms |= {nsn, national, cc + nsn, "00" + cc + nsn}
    return forms


def digit_runs(text: str):
    """Each number-like run as (digits, group boundaries, start, end): "955 88" → ("95588", {0, 3, 5}, …)."""
    for match in NUMBER_RUN.finditer(text):
        groups = re.findall(r"[0-9]+", match.group())
        yield "".join(groups), {0, *accumulate(map(len, groups))}, match.start(), match.end()


def number_spans(text: str, forms) -> list[tuple[int, int]]:
    """(start, end) of each digit run in `text` holding one of `forms` on group edges.

    A form must start and end where the run's digit groups start or end: 95188 is in "95188-2"
    but not in "1995188". `text` should already be NFKC-normalised (full-width digits folded).
    """
    spans = []
    for digits, bounds, start_at, end_at in digit_runs(text):
        for form in forms:
            start = digits.find(form)
            while start != -1:
                if start in bounds and start + len(form) in bounds:
                    spans.append((start_at, end_at))
                    break
                start = digits.find(form, start + 1)
            else:
                continue
            break
    return spans


def sender_in_text(text: str, name: str) -> bool:
    """True when the SMS sender name appears in `text` as a whole word, case-insensitively."""
    folded = re.escape(name.casefold())
    return re.search(rf"(?<![a-z0-9#]){folded}(?![a-z0-9])", text.casefold()) is not None


def text_states(text: str, value: str, region: str | None, is_sender_name: bool) -> bool:
    """True when `text` (a quote, a page) states this number or sender name."""
    text = unicodedata.normalize("NFKC", text)
    if is_sender_name:
        return sender_in_text(text, value)
    return bool(number_spans(text, dialable_forms(value, region)))
