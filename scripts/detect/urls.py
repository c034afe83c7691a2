"""Links read for the numbers in them.

A link can carry a phone number in three ways, and each is read as a phone number whatever
its length: the address of a calling scheme (tel:, sms:, callto:, whatsapp:, weixin:…), the path
of a messaging host (wa.me/…, api.whatsapp.com, t.me/+…), or a query parameter that names a
phone (?phone=, ?tel=, ?mobile=…). Everything else in a link (host, path, other parameters,
fragment, an e-mail address) is an identifier: only a number that cannot be anything else, or
a valid one grouped the way phone numbers are written, counts there, so article ids, dates and
timestamps in paths stay quiet. Percent-encoding (%39 is "9"), doubled encoding and "+" for a
space in queries are decoded first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

PHONE_SCHEMES = {
    "tel": "tel:",
    "sms": "sms:",
    "smsto": "sms:",
    "mms": "sms:",
    "mmsto": "sms:",
    "callto": "callto:",
    "facetime": "FaceTime",
    "facetime-audio": "FaceTime",
    "skype": "Skype",
    "whatsapp": "WhatsApp",
    "weixin": "WeChat",
    "wechat": "WeChat",
    "viber": "Viber",
    "sip": "SIP",
    "sips": "SIP",
    "wtai": "tel:",
    "imessage": "iMessage",
    "tg": "Telegram",
    "signal": "Signal",
    "sgnl": "Signal",
    "line": "LINE",
}
PHONE_HOSTS = {
    "wa.me": "WhatsApp",
    "api.whatsapp.com": "WhatsApp",
    "web.whatsapp.com": "WhatsApp",
    "whatsapp.com": "WhatsApp",
    "www.whatsapp.com": "WhatsApp",
    "t.me": "Telegram",
    "telegram.me": "Telegram",
    "viber.click": "Viber",
    "signal.me": "Signal",
    "line.me": "LINE",
    "u.wechat.com": "WeChat",
}
PHONE_PARAMS = {
    "phone",
    "phonenumber",
    "phone_number",
    "phone-number",
    "phoneno",
    "tel",
    "telephone",
    "telno",
    "mobile",
    "mobileno",
    "mobile_number",
    "msisdn",
    "cell",
    "cellphone",
    "whatsapp",
    "wa",
    "callto",
    "dial",
    "hotline",
    "number",
    "recipient",
    "recipients",
}
# Links inside running text are found from their punctuation (":" of a scheme, "www.", ".me/"):
# literal anchors the regex engine finds fast, then the scheme is read backwards.
_ANCHOR = re.compile(r":|www\.|WWW\.|\.me/|@")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9._%+-]{1,64}$")
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")
_SCHEME_BEFORE = re.compile(r"(?<![A-Za-z0-9.+-])([A-Za-z][A-Za-z0-9+.-]{0,19})$")
_HOST_BEFORE = re.compile(r"(?<![A-Za-z0-9.+-])(?:wa|t)$", re.I)
_URL_BODY = re.compile(r"[^\s<>\"'，。、；：（）「」『』【】《》]*")
_TRAILING = ".,;:!?)]}'\""
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class Part:
    text: str
    kind: str  # "phone": a phone address; "text": read like prose; "identifier": only valid numbers count
    label: str = ""


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every link written out in `text`, trailing punctuation left out."""
    spans: list[tuple[int, int]] = []
    for anchor in _ANCHOR.finditer(text):
        if spans and anchor.start() < spans[-1][1]:
            continue  # inside the previous link
        token = anchor.group(0)
        if token == ":":
            scheme = _SCHEME_BEFORE.search(text, max(0, anchor.start() - 20), anchor.start())
            if scheme is None:
                continue
            name = scheme.group(1).lower()
            web = name in ("http", "https", "ftp") and text.startswith("//", anchor.end())
            if not (web or name in PHONE_SCHEMES) or anchor.end() >= len(text) or text[anchor.end()].isspace():
                continue
            start = scheme.start(1)
        elif token == "@":  # an e-mail address: its parts are identifiers, "12345678@qq.com" is no phone
            local = _EMAIL_LOCAL.search(text, max(0, anchor.start() - 64), anchor.start())
            domain = _EMAIL_DOMAIN.match(text, anchor.end())
            if local is None or domain is None:
                continue
            spans.append((local.start(), domain.end()))
            continue
        elif token.lower() == "www.":
            if anchor.start() and (text[anchor.start() - 1].isalnum() or text[anchor.start() - 1] in "./"):
                continue
            start = anchor.start()
        else:  # wa.me/, t.me/
            host = _HOST_BEFORE.search(text, max(0, anchor.start() - 3), anchor.start())
            if host is None:
                continue
            start = host.start()
        body = _URL_BODY.match(text, anchor.end())  # matches always (it may match nothing)
        end = body.end() if body else anchor.end()
        while end > anchor.end() and text[end - 1] in _TRAILING:
            end -= 1
        if end > anchor.end():
            spans.append((start, end))
    return spans


def decode(url: str) -> str:
    """Percent-encoding undone, up to three layers deep (%2539 -> %39 -> 9)."""
    for _ in range(3):
        decoded = unquote(url)
        if decoded == url:
            break
        url = decoded
    return url


def read_url(url: str) -> list[Part]:
    """The parts of a link, each decoded and marked with how its digits are to be read."""
    url = url.strip()
    m = _SCHEME.match(url)
    scheme = m.group(1).lower() if m else ""
    after = url[m.end() :] if m else url
    if scheme in PHONE_SCHEMES:
        rest = after.lstrip("/")
        address, _, query = rest.partition("?")
        address = decode(address)
        if scheme in ("sip", "sips"):
            address = address.split("@")[0]
        if scheme in ("smsto", "mmsto"):
            address, _, body = address.partition(":")
            if body:
                return [Part(address, "phone", PHONE_SCHEMES[scheme]), Part(body, "text")] + _query_parts(query)
        return [Part(address, "phone", PHONE_SCHEMES[scheme])] + _query_parts(query)
    if not scheme and "@" in url and "/" not in url:
        local, _, domain = url.rpartition("@")
        return [Part(decode(local), "identifier"), Part(domain.lower(), "identifier")]
    if scheme == "mailto":
        address, _, query = after.partition("?")
        return read_url(decode(address)) + _query_parts(query)
    if scheme in ("javascript", "data"):
        return [Part(decode(after), "text")]
    try:
        parts = urlsplit(url if scheme or url.startswith(("/", ".", "#", "?")) else "//" + url)
        host = decode(parts.hostname or "").lower()
    except ValueError:
        return [Part(decode(url), "identifier")]
    found = [Part(host, "identifier")] if host else []
    path, fragment = decode(parts.path), decode(parts.fragment)
    if host in PHONE_HOSTS:
        found += [Part(path.replace("/send", ""), "phone", PHONE_HOSTS[host]), Part(fragment, "phone", PHONE_HOSTS[host])]
    else:
        found += [Part(path, "identifier"), Part(fragment, "identifier")]
    return found + _query_parts(parts.query)


def _query_parts(query: str) -> list[Part]:
    """Query parameters ("+" is a space there, %2B a plus), each decoded further if encoded twice."""
    found = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        key, value = decode(key).strip(), decode(value)
        if key.lower() in PHONE_PARAMS:
            found.append(Part(value, "phone", f"?{key}="))
        elif key.lower() in ("body", "text", "message", "msg", "q", "title", "subject"):
            found.append(Part(value, "text"))
        else:
            found.append(Part(f"{key} {value}", "identifier"))
    return found


def addresses(address: str) -> list[str]:
    """The numbers in a phone address: several recipients, pauses (95188,,1) and ;ext= parameters split off."""
    found = []
    for piece in re.split(r"[,;]", address):
        if "=" in piece:
            continue  # ;ext=12, ;phone-context=…, ;isub=…
        if re.search(r"[0-9]", piece) or re.search(r"[^\x00-\x7f]", piece):
            found.append(piece)
    return found
