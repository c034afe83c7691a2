"""The shape of data/contacts.yml, checked with pydantic. Policy (what may be published) is in evidence.py."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Optional

from scripts.registry.dialing import NumberError, parse_dialable
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID = r"^[a-z0-9][a-z0-9-]*$"


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
    quote: Optional[str] = Field(default=None, max_length=200, description="The short line of the page that holds the number, for re-verification")
    archived: Optional[str] = Field(default=None, description="A stored or archived copy of the page as it was when checked (https)")

    @field_validator("checked", mode="before")
    @classmethod
    def _date_only(cls, value):
        if isinstance(value, dt.datetime):
            return value.date()
        return value


class Channel(Strict):
    id: str = Field(pattern=ID)
    kind: ChannelKind
    value: str = Field(min_length=1, description="The number or address exactly as dialled or typed")
    dial_region: Optional[str] = Field(default=None, pattern=r"^[A-Z]{2}$")
    label: Optional[Text] = None
    hours: Optional[Text] = None
    answers_calls: bool = False
    may_call_you: bool = False
    never_calls_you: bool = False
    sms_sender: bool = False
    notes: Optional[Text] = None
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
        elif self.kind in (ChannelKind.phone, ChannelKind.sms):
            try:
                parse_dialable(self.value, self.dial_region)
            except NumberError as exc:
                raise ValueError(str(exc)) from None
        if self.kind == ChannelKind.web and not self.value.startswith("https://"):
            raise ValueError("web channels must be an https:// address")
        if self.kind == ChannelKind.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", self.value):
            raise ValueError("email channels must be a plain address like help@example.com")
        return self


class Provider(Strict):
    id: str = Field(pattern=ID)
    kind: ProviderKind = ProviderKind.wallet
    name: Text
    regions: list[str] = Field(min_length=1)
    domains: list[str] = Field(default_factory=list, description="Official web domains, e.g. alipay.com")
    in_app_route: Optional[Text] = None
    summary: Optional[Text] = None
    channels: list[Channel] = Field(default_factory=list)

    @field_validator("regions")
    @classmethod
    def _regions(cls, value):
        for region in value:
            if not re.fullmatch(r"[A-Z]{2}", region):
                raise ValueError(f"region {region!r} must be a two-letter code such as CN or HK")
        return value

    @field_validator("domains")
    @classmethod
    def _domains(cls, value):
        for domain in value:
            if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain) or domain.startswith("xn--"):
                raise ValueError(f"domain {domain!r} must be a bare lower-case host such as alipay.com (no https://, no path)")
        return value

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
