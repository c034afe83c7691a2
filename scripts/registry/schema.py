"""The shape of data/contacts.yml, checked with pydantic. Policy (what may be published) is in evidence.py."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from scripts.registry.dialing import MAX_SENDER_DIGITS, NumberError, check_number, is_emergency, sender_digits, text_states
from scripts.registry.regions import check_regions
from scripts.registry.urls import host_problem, url_problem

ID = r"^[a-z0-9][a-z0-9-]*$"
# Evidence of the numbering-plan kind points at libphonenumber's short-number metadata, which the
# build reads from the installed phonenumbers package on every run.
NUMBERING_PLAN_URL = "https://github.com/google/libphonenumber/blob/master/resources/ShortNumberMetadata.xml"
NUMBERING_PLAN_PREFIX = "https://github.com/google/libphonenumber/"


def at(where: str, message: str) -> str:
    """Tag a model-level error with the field it is about (`evidence.0.quote`), so the error names that line.

    contacts.parse() moves the tag into the error's location; the editor sees only the message.
    """
    return f"@{where} {message}"


def date_only(cls, value):
    """YAML reads `2026-12-03 10:00` as a datetime: keep the date an editor meant."""
    return value.date() if isinstance(value, dt.datetime) else value


class Strict(BaseModel):
    # Unknown keys are typos in editor-written YAML: reject them instead of ignoring them.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A string in both site languages."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Publisher(str, Enum):
    provider = "provider"
    government = "government"
    institution = "institution"  # a regulated bank or other licensed institution
    news = "news"  # national news media
    other = "other"
    # libphonenumber's short-number metadata, maintained from national numbering plans: proves
    # emergency numbers (110, 999, 112 …) of public providers only, re-checked on every build.
    numbering_plan = "numbering-plan"


class ChannelKind(str, Enum):
    phone = "phone"
    sms = "sms"
    web = "web"
    in_app = "in-app"
    email = "email"


class ProviderKind(str, Enum):
    wallet = "wallet"
    public = "public"  # a government or public anti-fraud / complaint line


class Source(Strict):
    url: str = Field(min_length=8)
    publisher: Publisher
    checked: dt.date
    note: str = Field(min_length=10, description="What the page says, in our words; say if read from an archived copy")
    quote: str | None = Field(
        default=None, max_length=200, description="The short line of the page that holds the number, for re-verification"
    )
    archived: str | None = Field(default=None, description="A stored or archived copy of the page as it was when checked (https)")

    @field_validator("url", "archived")
    @classmethod
    def _canonical_https(cls, value, info: ValidationInfo):
        if value is None:
            return value
        problem = url_problem(value)
        if problem:
            raise ValueError(f"{value!r} {problem}")
        return value

    @model_validator(mode="after")
    def _numbering_plan_url(self):
        if self.publisher is Publisher.numbering_plan and not self.url.startswith(NUMBERING_PLAN_PREFIX):
            raise ValueError(f"numbering-plan evidence must point at libphonenumber's metadata: url: {NUMBERING_PLAN_URL}")
        return self

    _date_only = field_validator("checked", mode="before")(date_only)


class Channel(Strict):
    id: str = Field(pattern=ID)
    kind: ChannelKind
    value: str = Field(min_length=1, description="The number or address exactly as dialled or typed")
    dial_region: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    label: Text | None = None
    hours: Text | None = None
    answers_calls: bool = False
    may_call_you: bool = False
    never_calls_you: bool = False
    sms_sender: bool = False
    # A short code an official source states but libphonenumber's short-number metadata does not
    # list yet (operator codes such as 7726): accepted only when this is set, for reviewers to see.
    unlisted_short_code: bool = False
    notes: Text | None = None
    evidence: list[Source] = Field(min_length=1)

    @property
    def is_sender_name(self) -> bool:
        """An alphanumeric SMS sender (MPESA, #ADCC18222): shown as text, never dialled."""
        return self.kind is ChannelKind.sms and bool(re.search(r"[A-Za-z#]", self.value))

    @model_validator(mode="after")
    def _consistent(self):
        if self.may_call_you and self.never_calls_you:
            raise ValueError("may_call_you and never_calls_you cannot both be true — keep the one the sources state")
        if self.kind in (ChannelKind.phone, ChannelKind.sms) and not self.dial_region:
            raise ValueError("phone and sms channels need dial_region (the two-letter region they are dialled from, e.g. CN)")
        if self.is_sender_name:
            if not re.fullmatch(r"#?[A-Za-z0-9][A-Za-z0-9 ]{1,14}", self.value):
                raise ValueError("an SMS sender name is 2–15 letters and digits, e.g. MPESA or #ADCC18222")
            if len(sender_digits(self.value)) > MAX_SENDER_DIGITS:
                raise ValueError(
                    at(
                        "value",
                        f"SMS sender name {self.value!r} holds {len(sender_digits(self.value))} digits; at most {MAX_SENDER_DIGITS} are allowed, "
                        f"so a phone number cannot enter the site inside a name — give the number its own phone channel with evidence",
                    )
                )
            if self.unlisted_short_code:
                raise ValueError("unlisted_short_code applies to numbers, not to sender names — remove it")
        elif self.kind in (ChannelKind.phone, ChannelKind.sms):
            try:
                check_number(self.value, self.dial_region or "", self.unlisted_short_code)
            except NumberError as exc:
                raise ValueError(at("value", str(exc))) from None
        elif self.unlisted_short_code:
            raise ValueError("unlisted_short_code applies to phone and sms channels only — remove it")
        if self.kind == ChannelKind.web:
            problem = url_problem(self.value)
            if problem:
                raise ValueError(at("value", f"web channel value {self.value!r} {problem}"))
        if self.kind == ChannelKind.email and not re.fullmatch(r"[A-Za-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}", self.value):
            raise ValueError("email channels must be a plain address like help@example.com")
        self._check_evidence()
        return self

    def _check_evidence(self) -> None:
        """Quotes hold the number they support; numbering-plan evidence proves emergency numbers only."""
        is_number = self.kind in (ChannelKind.phone, ChannelKind.sms)
        for index, source in enumerate(self.evidence):
            if is_number and source.quote is not None and not text_states(source.quote, self.value, self.dial_region, self.is_sender_name):
                raise ValueError(
                    at(
                        f"evidence.{index}.quote",
                        f"the quote does not contain {self.value} — copy the line of the page that shows the number, as the page shows it",
                    )
                )
            if source.publisher is Publisher.numbering_plan and not (
                self.kind is ChannelKind.phone and not self.is_sender_name and is_emergency(self.value, self.dial_region)
            ):
                raise ValueError(
                    at(
                        f"evidence.{index}.publisher",
                        f"numbering-plan evidence proves only emergency numbers, and {self.value} is not an emergency number "
                        f"in {self.dial_region} per libphonenumber's short-number metadata — cite a page instead",
                    )
                )


class Provider(Strict):
    id: str = Field(pattern=ID)
    kind: ProviderKind = ProviderKind.wallet
    name: Text
    regions: list[str] = Field(min_length=1)
    domains: list[str] = Field(default_factory=list, description="Official web domains, e.g. alipay.com")
    in_app_route: Text | None = None
    summary: Text | None = None
    channels: list[Channel] = Field(default_factory=list)

    @field_validator("regions")
    @classmethod
    def _regions(cls, value):
        return check_regions(value)  # ISO 3166 codes known to the numbering metadata (UK → GB)

    @field_validator("domains")
    @classmethod
    def _domains(cls, value):
        for domain in value:
            if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
                raise ValueError(f"domain {domain!r} must be a bare lower-case host such as alipay.com (no https://, no path)")
            problem = host_problem(domain)
            if problem:
                raise ValueError(f"domain {domain!r} {problem}")
        if len(set(value)) != len(value):
            raise ValueError("a domain is listed twice — keep one")
        return value

    @model_validator(mode="after")
    def _numbering_plan_is_for_public_lines(self):
        for index, channel in enumerate(self.channels):
            if any(s.publisher is Publisher.numbering_plan for s in channel.evidence):
                if self.kind is not ProviderKind.public:
                    raise ValueError(
                        at(
                            "kind",
                            f"channel {channel.id!r}: numbering-plan evidence is for public emergency lines only, not a {self.kind.value}",
                        )
                    )
                if channel.dial_region not in self.regions:
                    raise ValueError(
                        at(
                            f"channels.{index}.dial_region",
                            f"dial_region {channel.dial_region} is not one of the provider's regions {self.regions}",
                        )
                    )
        return self

    @model_validator(mode="after")
    def _wallets_have_domains(self):
        if self.kind is ProviderKind.wallet and not self.domains:
            raise ValueError("a wallet needs at least one official domain (e.g. alipay.com): its evidence is matched against it")
        return self

    @model_validator(mode="after")
    def _unique_channels(self):
        seen = set()
        for channel in self.channels:
            if channel.id in seen:
                raise ValueError(f"channel id {channel.id!r} is used twice in provider {self.id!r}")
            seen.add(channel.id)
        return self


class Registry(Strict):
    providers: list[Provider]

    @model_validator(mode="after")
    def _unique_providers(self):
        seen = set()
        for provider in self.providers:
            if provider.id in seen:
                raise ValueError(f"provider id {provider.id!r} is used twice")
            seen.add(provider.id)
        return self
