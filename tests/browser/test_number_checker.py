"""'Is this number official?' in a real browser, both languages, with messy and hostile input.

Two registries: the site's own (read back from the page, so the tests follow the registry as it
changes) and a fixed fictional one swapped into the page, so the verdict table below is stable.
"""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from playwright.sync_api import expect

from scripts.registry.contacts import Contacts
from scripts.registry.evidence import Policy
from scripts.render.official_contacts import official_contacts
from tests.conftest import FIXTURE_SITE, TODAY

pytestmark = pytest.mark.browser

ZH, EN = "/security/check-a-number/", "/en/security/check-a-number/"
CJK = re.compile(r"[\u3400-\u9fff]")
BROKEN = ("[object", "undefined", "null", "NaN", "{", "}")


def check(page, server, path, text, via_keyboard=False):
    """Type or paste `text`, submit, and return (data-result, visible answer)."""
    if not page.url.endswith(path):
        page.goto(server + path)
    box = page.locator("#hc-checker-input")
    if via_keyboard:
        box.fill("")
        box.focus()
        page.keyboard.type(text)
        page.keyboard.press("Enter")
    else:
        box.evaluate("(el, v) => { el.value = v; }", text)  # bypasses maxlength, as a script or paste might
        page.locator(".hc-checker form button").click()
    result = page.locator("#hc-checker-result")
    return result.get_attribute("data-result"), result.inner_text()


def words(page):
    return json.loads(page.locator("#hc-checker-text").text_content())


def registry(page):
    return json.loads(page.locator("#hc-checker-data").text_content())["contacts"]


# ----------------------------------------------------------------------------- a fixed registry

FIXTURE_REGISTRY = textwrap.dedent("""\
    providers:
      - id: examplepay
        name: {zh: 示例支付, en: ExamplePay}
        regions: [CN]
        domains: [examplepay.example]
        channels:
          - id: hotline
            kind: phone
            value: "95999"
            dial_region: CN
            label: {zh: 客服热线, en: Customer service}
            answers_calls: true
            never_calls_you: true
            evidence:
              - {url: "https://help.examplepay.example/contact", publisher: provider, checked: 2026-10-01, note: Fixture page stating the hotline.}
          - id: uk-calls
            kind: phone
            value: "+44 20 7946 0019"
            dial_region: GB
            may_call_you: true
            evidence:
              - {url: "https://help.examplepay.example/calls", publisher: provider, checked: 2026-10-01, note: Fixture page naming the number it calls from.}
      - id: example-police
        kind: public
        name: {zh: 公安机关, en: the police}
        regions: [CN]
        channels:
          - id: emergency
            kind: phone
            value: "110"
            dial_region: CN
            answers_calls: true
            evidence:
              - {url: "https://news.example-broadcaster.example/a", publisher: news, checked: 2026-10-01, note: Fixture news report one.}
              - {url: "https://www.other-paper.example/b", publisher: news, checked: 2026-10-01, note: Fixture news report two.}
      - id: example-warning-line
        kind: public
        name: {zh: 反诈预警专线, en: Anti-fraud warning line}
        regions: [CN]
        channels:
          - id: line
            kind: phone
            value: "96110"
            dial_region: CN
            answers_calls: true
            may_call_you: true
            evidence:
              - {url: "https://news.example-broadcaster.example/c", publisher: news, checked: 2026-10-01, note: Fixture news report one.}
              - {url: "https://www.other-paper.example/d", publisher: news, checked: 2026-10-01, note: Fixture news report two.}
      - id: example-fraud-office
        kind: public
        name: {zh: 示例反诈骗办公室, en: Example Fraud Office}
        regions: [GB, HK]
        domains: [gov.example]
        channels:
          - id: hotline
            kind: phone
            value: "+44 20 7946 0018"
            dial_region: GB
            answers_calls: true
            evidence:
              - {url: "https://www.gov.example/fraud", publisher: provider, checked: 2026-10-01, note: Fixture government page.}
          - id: sms-sender
            kind: sms
            value: "#EXAMPLE1"
            dial_region: HK
            sms_sender: true
            evidence:
              - {url: "https://www.gov.example/sms", publisher: provider, checked: 2026-10-01, note: Fixture government page naming the sender.}
    """)

# input -> data-result, on the zh and en pages alike
VERDICTS = [
    # exact matches, however decorated
    ("95999", "verified"),
    ("95 999", "verified"),
    ("95-999", "verified"),
    ("(95999)", "verified"),
    ("+86 95999", "verified"),
    ("0086-95999", "verified"),
    ("8695999", "verified"),
    ("＋８６ ９５９９９", "verified"),  # full-width
    ("٩٥٩٩٩", "verified"),  # Arabic-Indic
    ("۹۵۹۹۹", "verified"),  # Extended Arabic-Indic
    ("९५९९९", "verified"),  # Devanagari
    ("๙๕๙๙๙", "verified"),  # Thai
    ("𝟗𝟓𝟗𝟗𝟗", "verified"),  # mathematical bold
    ("9\u200b59\u200d99", "verified"),  # zero-width characters
    ("110", "corroborated"),
    ("+86 110", "corroborated"),
    ("96110", "corroborated"),
    ("0086 96110", "corroborated"),
    ("+44 20 7946 0018", "verified"),
    ("020 7946 0018", "verified"),
    ("0044 (0)20 7946 0018", "verified"),
    ("(+44) 20-7946-0018", "verified"),
    ("+44.20.7946.0018", "verified"),
    ("442079460018", "verified"),
    ("+44 20 7946 0019", "verified"),
    ("#example1", "verified"),
    ("＃EXAMPLE1", "verified"),
    # a listed number inside a longer one
    ("10695999", "padding"),
    ("12395999", "padding"),
    ("40095999", "padding"),
    ("0571 95999", "padding"),
    ("(0571) 95999", "padding"),
    ("+86 571 95999", "padding"),
    ("+86 0571 95999", "padding"),
    ("95999 1", "padding"),
    ("1069 5999 8", "padding"),
    ("170 96110", "padding"),
    ("025-96110", "padding"),
    ("+86 25 96110", "padding"),
    ("0086 10 96110", "padding"),
    ("0571 110", "padding"),
    ("021-110", "padding"),
    ("+44 20 7946 00189", "padding"),
    ("0044 20 7946 0018 5", "padding"),
    ("+1 95999", "padding"),
    # letters are refused, not dropped
    ("95O99", "letters"),
    ("9599l", "letters"),
    ("95999转2", "letters"),
    ("EXAMPLE", "no_digits"),
    ("#EXAMPLE2", "letters"),
    ("<img src=x onerror=alert(1)>", "letters"),
    # nothing to check
    ("📞☎️🙂", "no_digits"),
    ("hello", "no_digits"),
    ("--- ()", "no_digits"),
    ("   ", "empty"),
    ("9" * 10_000, "too_long"),
    ("1" * 31, "too_long"),
    # not listed
    ("400 123 4567", "not_listed"),
    ("13912345678", "not_listed"),
    ("+33 1 23 45 67 89", "not_listed"),
    ("+95999", "not_listed"),
    ("9599", "not_listed"),
    ("9123 4110", "not_listed"),  # an ordinary 8-digit number that happens to end in 110
    ("110 456", "not_listed"),
]


@pytest.fixture(scope="module")
def fixture_data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("registry")
    (folder / "contacts.yml").write_text(FIXTURE_REGISTRY, encoding="utf-8")
    policy = Policy.load(FIXTURE_SITE / "data" / "publishers.yml", today=TODAY)  # gov.example and two news hosts
    data = official_contacts(Contacts.load(folder / "contacts.yml", policy))
    assert len(data["contacts"]) == 6
    return data


def open_with(page, server, path, data):
    """Open the checker page with `data` in place of the site's registry."""
    url = server + path
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

    def swap(route):
        response = route.fetch()
        body, count = re.subn(
            r'(<script type="application/json" id="hc-checker-data">).*?(</script>)',
            lambda m: m.group(1) + payload + m.group(2),
            response.text(),
            flags=re.S,
        )
        assert count == 1
        route.fulfill(response=response, body=body)

    page.route(url, swap)
    page.goto(url)


@pytest.mark.parametrize("path", [ZH, EN], ids=["zh", "en"])
def test_verdict_table(page, server, fixture_data, path):
    open_with(page, server, path, fixture_data)
    wrong = []
    for text, expected in VERDICTS:
        kind, shown = check(page, server, path, text)
        if kind != expected:
            wrong.append(f"{text[:40]!r}: {kind} (expected {expected}) — {shown[:120]!r}")
    assert not wrong, "\n".join(wrong)


def test_exact_match_says_whose_where_which_way_and_that_caller_id_can_be_faked(page, server, fixture_data):
    open_with(page, server, ZH, fixture_data)
    kind, shown = check(page, server, ZH, "95999")
    assert kind == "verified"
    assert "与官方公布的号码一致" in shown and "示例支付" in shown and "中国大陆" in shown
    assert "他们接听来电" in shown and "不会用这个号码给你打电话" in shown
    assert "可以伪造" in shown and "挂断" in shown and "自己拨打" in shown
    assert "官方号码" not in shown.replace("官方公布的号码", ""), "a match describes the number, not the caller"
    open_with(page, server, EN, fixture_data)
    kind, shown = check(page, server, EN, "+44 20 7946 0019")
    assert kind == "verified"
    assert "Whose number: ExamplePay (UK)" in shown and "They may call you from it" in shown
    assert "can be faked" in shown and "through their app or official website" in shown  # it takes no calls
    kind, shown = check(page, server, EN, "#example1")
    assert "SMS sender name used by Example Fraud Office (Hong Kong)" in shown and "They send text messages" in shown


@pytest.mark.parametrize(
    "path,expect",
    [
        (ZH, ["公共服务号码", "公安机关（中国大陆）", "中国大陆的紧急求助号码", "多方印证", "政府网站", "可以伪造"]),
        (
            EN,
            [
                "Public line: the police (mainland China)",
                "emergency number in mainland China",
                "corroborating, non-official",
                "government web page",
                "can be faked",
            ],
        ),
    ],
    ids=["zh", "en"],
)
def test_public_corroborated_line_says_whose_and_asks_to_confirm(page, server, fixture_data, path, expect):
    open_with(page, server, path, fixture_data)
    kind, shown = check(page, server, path, "110")
    assert kind == "corroborated"
    for phrase in expect:
        assert phrase in shown, (phrase, shown)


@pytest.mark.parametrize(
    "path,text,expect",
    [
        (ZH, "10695999", ["这不是 95999", "前面多了 106", "示例支付，中国大陆", "另一个号码", "自己拨打 95999"]),
        (ZH, "0571 95999", ["这不是 95999", "前面多了 0571"]),
        (ZH, "170 96110", ["这不是 96110", "前面多了 170", "反诈预警专线"]),
        (ZH, "025-96110", ["这不是 96110", "前面多了 025"]),
        (ZH, "95999 1", ["后面多了 1"]),
        (
            EN,
            "40095999",
            ["This is not 95999", "it has 400 added in front", "ExamplePay, mainland China", "a different number", "common trick"],
        ),
        (EN, "+44 20 7946 00189", ["This is not +44 20 7946 0018", "it has 9 added after it"]),
        (EN, "1069 5999 8", ["it has 106 in front and 8 after it"]),
    ],
    ids=["zh-106", "zh-0571", "zh-170", "zh-025", "zh-after", "en-400", "en-after", "en-both"],
)
def test_padding_names_the_listed_number_and_explains_the_trick(page, server, fixture_data, path, text, expect):
    open_with(page, server, path, fixture_data)
    kind, shown = check(page, server, path, text)
    assert kind == "padding"
    for phrase in expect:
        assert phrase in shown, (phrase, shown)
    assert "与官方公布的号码一致" not in shown and "Matches" not in shown
    # one listed number per padding, not also the shorter listed numbers inside it (110 inside 96110)
    assert re.search(r"(这不是|This is not) (\S+)", shown)
    assert page.locator("#hc-checker-result .hc-checker__entry--padding").count() == 1, shown
    assert page.locator("#hc-checker-result .hc-checker__more a").count() == 1


@pytest.mark.parametrize(
    "path,expect", [(ZH, ["“O”", "字母", "不会悄悄删掉"]), (EN, ["“O”", "look like digits", "do not quietly drop"])], ids=["zh", "en"]
)
def test_letters_are_refused_with_a_reason(page, server, fixture_data, path, expect):
    open_with(page, server, path, fixture_data)
    kind, shown = check(page, server, path, "95O99")
    assert kind == "letters"
    for phrase in expect:
        assert phrase in shown


@pytest.mark.parametrize(
    "path,words_",
    [
        (ZH, ["不在我们的列表中", "既不说明它安全，也不说明它不安全", "官方 App"]),
        (EN, ["Not in our list", "does not make it safe or unsafe", "through its app"]),
    ],
    ids=["zh", "en"],
)
def test_unknown_number_is_never_called_safe(page, server, fixture_data, path, words_):
    open_with(page, server, path, fixture_data)
    kind, shown = check(page, server, path, "400 123 4567")
    assert kind == "not_listed"
    for phrase in words_:
        assert phrase in shown
    # the only mention of safety is the statement that this is no safety verdict
    if path == ZH:
        assert shown.replace("既不说明它安全，也不说明它不安全", "").count("安全") == 0
    else:
        assert "safe" not in shown.lower().replace("does not make it safe or unsafe", "")


@pytest.mark.parametrize("path", [ZH, EN], ids=["zh", "en"])
def test_every_answer_is_real_text_in_the_page_language(page, server, fixture_data, path):
    open_with(page, server, path, fixture_data)
    for text, _ in VERDICTS:
        if CJK.search(text) or len(text) > 100:
            continue
        kind, shown = check(page, server, path, text)
        assert shown.strip(), text
        for bad in BROKEN:
            assert bad not in shown, (text, bad, shown)
        if path == ZH:
            assert CJK.search(shown), (text, shown)
        else:
            assert not CJK.search(shown), (text, shown)


# ----------------------------------------------------------------------------- the site's registry


def first(entries, **want):
    for e in entries:
        if all((e.get(k) == v) if not callable(v) else v(e.get(k)) for k, v in want.items()):
            return e
    return None


def test_real_registry_exact_padded_and_decorated(page, server):
    page.goto(server + ZH)
    entries = registry(page)
    short = first(entries, kind="phone", dial_region="CN", sender_name=None, value=lambda v: v.isdigit() and len(v) == 5)
    if short is None:
        pytest.skip("no five-digit mainland number is published at the moment")
    n = short["value"]
    arabic = "".join(chr(0x660 + int(d)) for d in n)
    for text in (n, " ".join(n), f"+86 {n}", f"0086-{n}", n.translate(str.maketrans("0123456789", "０１２３４５６７８９")), arabic):
        kind, shown = check(page, server, ZH, text)
        assert kind == short["status"], (text, shown)
        assert short["provider"]["name"]["zh"] in shown and "可以伪造" in shown
    for text in (f"106{n}", f"123{n}", f"400{n}", f"0571 {n}", f"170 {n}", f"{n}2", f"+86 0571 {n}"):
        kind, shown = check(page, server, ZH, text)
        assert kind == "padding", (text, kind, shown)
        assert f"这不是 {n}" in shown, shown


def test_real_registry_international_forms(page, server):
    page.goto(server + EN)
    entries = registry(page)
    full = first(entries, kind="phone", country_code=lambda c: bool(c), national_forms=lambda f: any(len(x) >= 9 for x in f or []))
    nsn = min((f for f in full["national_forms"] if len(f) >= 9), key=len)
    cc = full["country_code"]
    for text in (f"+{cc} {nsn}", f"00{cc} {nsn}", f"+{cc} ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}", f"{cc}{nsn}"):
        kind, shown = check(page, server, EN, text)
        assert kind == full["status"], (text, shown)
        assert full["provider"]["name"]["en"] in shown
    kind, shown = check(page, server, EN, f"+{cc} {nsn}7")
    assert kind == "padding" and f"This is not {full['value']}" in shown


def test_real_registry_corroborated_and_public_lines_read_as_text(page, server):
    page.goto(server + ZH)
    entries = [e for e in registry(page) if e["kind"] in ("phone", "sms") and not e["sender_name"]]
    for path in (ZH, EN):
        page.goto(server + path)
        for entry in entries:
            kind, shown = check(page, server, path, entry["value"])
            same_number = [e["status"] for e in entries if set(e["digits"]) & set(entry["digits"])]
            assert kind == same_number[0], (entry["id"], shown)
            for bad in BROKEN:
                assert bad not in shown, (entry["id"], shown)
            if entry["status"] == "corroborated":
                assert ("多方印证" if path == ZH else "non-official") in shown
            if entry["provider"]["kind"] == "public":
                assert ("公共服务号码" if path == ZH else "Public line") in shown


def test_real_sender_name(page, server):
    page.goto(server + EN)
    sender = first(registry(page), sender_name=lambda s: bool(s))
    if sender is None:
        pytest.skip("no SMS sender name is published at the moment")
    kind, shown = check(page, server, EN, sender["sender_name"].lower())
    assert kind == sender["status"] and "SMS sender name used by" in shown


# ----------------------------------------------------------------------------- behaviour


def test_markup_in_input_stays_text(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    kind, shown = check(page, server, EN, "<img src=x onerror=alert(1)>")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("#hc-checker-result img").count() == 0
    assert kind == "letters" and "“<”" not in shown  # only letters are listed back


def test_ten_kilobytes_of_digits_is_refused_quickly(page, server):
    kind, shown = check(page, server, ZH, "9" * 10_000)
    assert kind == "too_long" and "太长" in shown


def test_answer_waits_for_a_pause_in_typing(page, server, fixture_data):
    open_with(page, server, ZH, fixture_data)
    page.evaluate("""() => {
        window.hcAnswers = 0;
        new MutationObserver(() => { window.hcAnswers += 1; })
            .observe(document.getElementById('hc-checker-result'), {attributes: true, attributeFilter: ['data-result']});
    }""")
    box = page.locator("#hc-checker-input")
    box.focus()
    page.keyboard.type("10695999", delay=120)  # a steady typist: no pause long enough for an answer
    assert page.locator("#hc-checker-result").get_attribute("data-result") is None
    expect(page.locator("#hc-checker-result")).to_have_attribute("data-result", "padding", timeout=3000)
    assert page.evaluate("window.hcAnswers") == 1, "one answer after the pause, none per key"
    # typing again clears the old answer at once: it described other digits
    page.keyboard.press("Backspace")
    assert page.locator("#hc-checker-result").inner_text() == ""


def test_keyboard_only_and_accessible_structure(page, server, fixture_data):
    open_with(page, server, ZH, fixture_data)
    kind, shown = check(page, server, ZH, "+44 (20) 7946-0018", via_keyboard=True)
    assert kind == "verified" and "示例反诈骗办公室" in shown
    assert page.locator("label[for=hc-checker-input]").count() == 1
    result = page.locator("#hc-checker-result")
    assert result.get_attribute("aria-live") == "polite" and result.get_attribute("role") == "status"
    assert page.evaluate("document.activeElement.id") == "hc-checker-input"


@pytest.mark.parametrize("path,says", [(ZH, "需要 JavaScript"), (EN, "needs JavaScript")], ids=["zh", "en"])
def test_without_javascript_the_page_says_so_and_links_to_the_directory(browser, server, path, says):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + path)
        note = page.locator("noscript .hc-checker__nojs, .hc-checker__nojs").first
        assert note.is_visible() and says in note.inner_text()
        assert not page.locator("#hc-checker-input").is_visible(), "no dead form without the script"
        link = note.locator("a")
        assert link.get_attribute("href").endswith("contact/directory/")
        with page.expect_navigation() as navigation:
            link.click()
        assert navigation.value.status == 200 and page.url.endswith("/contact/directory/"), page.url
    finally:
        context.close()


def test_no_inline_script_code_in_the_checker(page, server):
    page.goto(server + ZH)
    scripts = page.locator(".hc-checker script")
    assert scripts.count() == 2
    for i in range(scripts.count()):
        assert scripts.nth(i).get_attribute("type") == "application/json"
    assert page.locator("script[src*='number-checker']").count() == 1


def test_checker_asks_nothing_of_the_network(page, server):
    check(page, server, EN, "95017")
    assert [u for u in page.requests_seen if not u.startswith(server)] == []
    assert not [u for u in page.requests_seen if "official-contacts.json" in u], "data is inline: answers work offline"
