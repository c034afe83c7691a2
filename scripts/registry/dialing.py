"""Parse, validate and format registry numbers with `phonenumbers` (short codes like 95188 included)."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, shortnumberinfo


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


def parse_dialable(value: str, region: str) -> Dialable:
    """Parse `value` as dialled in `region`; raise NumberError with a fix if phonenumbers rejects it."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise NumberError(f"{value!r} is not a phone number ({exc}) — write it as dialled, e.g. 95188 or +44 300 123 2040") from None
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
