"""'Is this number official?' in a real browser, both languages, with messy and hostile input."""

import pytest

pytestmark = pytest.mark.browser

ZH, EN = "/security/check-a-number/", "/en/security/check-a-number/"


def check(page, server, path, text, via_keyboard=False):
    if not page.url.endswith(path):
        page.goto(server + path)
    box = page.locator("#hc-checker-input")
    if via_keyboard:
        box.focus()
        page.keyboard.type(text)
        page.keyboard.press("Enter")
    else:
        box.evaluate("(el, v) => { el.value = v; }", text)  # bypasses maxlength, as a script or paste might
        page.locator(".hc-checker form button").click()
    result = page.locator("#hc-checker-result")
    return result.get_attribute("data-result"), result.inner_text()


@pytest.mark.parametrize("text", ["96110", "025-96110", "+86 25 96110", "0086 10 96110", "9 6 1 1 0", "９６１１０", "96\u200b110"])
def test_mainland_short_code_in_every_disguise(page, server, text):
    kind, shown = check(page, server, ZH, text)
    assert kind == "corroborated", shown
    assert "多方印证" in shown


@pytest.mark.parametrize("text", ["0300 123 2040", "+44 300 123 2040", "0044 (300) 123-2040", "０３００ １２３ ２０４０", "443001232040"])
def test_international_prefixes_and_trunk_zero(page, server, text):
    kind, shown = check(page, server, EN, text)
    assert kind == "verified", shown
    assert "This is an official number" in shown and "Report Fraud" in shown


def test_provider_that_never_calls_warns_of_spoofing(page, server):
    kind, shown = check(page, server, EN, "997")
    assert kind == "corroborated"
    assert "never calls from this number" in shown


def test_sms_sender_name(page, server):
    kind, shown = check(page, server, EN, "#adcc18222")
    assert kind == "verified" and "official SMS sender" in shown


@pytest.mark.parametrize("path,words,caution", [
    (ZH, "不在我们的核实列表中", "这不代表它安全"),
    (EN, "Not in our verified list", "does not mean it is safe"),
])
def test_unknown_number_is_never_called_safe(page, server, path, words, caution):
    kind, shown = check(page, server, path, "400 123 4567")
    assert kind == "not_listed"
    assert words in shown and caution in shown
    # the only mention of safety is the warning that it is not a safety verdict
    assert shown.count("安全") == shown.count("这不代表它安全") and shown.count("safe") == shown.count("it is safe")


def test_markup_in_input_stays_text(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    kind, shown = check(page, server, EN, "<img src=x onerror=alert(1)>")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("#hc-checker-result img").count() == 0
    assert kind == "no_digits" or "<img" in shown


def test_ten_kilobytes_of_digits_is_refused_quickly(page, server):
    kind, shown = check(page, server, ZH, "9" * 10_000)
    assert kind == "too_long" and "太长" in shown


def test_emoji_only(page, server):
    kind, shown = check(page, server, EN, "📞☎️🙂")
    assert kind == "no_digits"


def test_keyboard_only_and_accessible_structure(page, server):
    kind, shown = check(page, server, ZH, "+1 (402) 935-7733", via_keyboard=True)
    assert kind == "verified" and "PayPal" in shown
    assert page.locator("label[for=hc-checker-input]").count() == 1
    assert page.locator("#hc-checker-result").get_attribute("aria-live") == "polite"


def test_checker_asks_nothing_of_the_network(page, server):
    check(page, server, EN, "96110")
    assert [u for u in page.requests_seen if not u.startswith(server)] == []
    assert not [u for u in page.requests_seen if "official-contacts.json" in u], "data is inline: answers work offline"
