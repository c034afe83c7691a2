"""The per-language search indexes: hidden keywords (synonyms, descriptions), boilerplate out, provider
sections ranked where they belong. The browser tests (tests/browser/test_search.py) check the results."""

import html
import json
import re

from scripts.site import search_index as si

GROUPS = [["退款", "退钱", "refund", "refunds"], ["ID", "identity", "证件"], ["冻结", "锁定", "locked", "frozen"]]


def test_synonyms_follow_the_title_and_english_words_match_whole_words():
    assert si.synonyms_for("退款多久到账", GROUPS, exclude="退款多久到账") == ["退钱", "refund", "refunds"]
    assert si.synonyms_for("Choose a provider", GROUPS) == []          # "id" inside "provider" is not "ID"
    assert si.synonyms_for("Show your ID card", GROUPS) == ["ID", "identity", "证件"]
    assert si.synonyms_for("Account locked or frozen", GROUPS, exclude="Account locked or frozen") == ["冻结", "锁定"]


def test_keywords_are_a_separate_hidden_field_and_text_is_untouched():
    descriptions = {"payments/refunds/": "How long a refund takes & how to track it"}  # as the build rendered them
    docs = [
        {"location": "payments/refunds/", "title": "Refunds", "text": "<p>Refunds take days.</p>"},
        {"location": "payments/refunds/#track", "title": "Track a refund", "text": "<p>Open the order.</p>"},
        {"location": "other/", "title": "Other", "text": "<p>Nothing.</p>"},
    ]
    si.add_keywords(docs, GROUPS, descriptions)
    page, section, other = docs
    assert page["text"] == "<p>Refunds take days.</p>" and section["text"] == "<p>Open the order.</p>"
    words = page["keywords"].split(si.ZWSP)
    assert {"long", "takes", "track", "&amp;"} <= set(words), words      # the page description, as HTML like every field
    assert "takes" not in section.get("keywords", "")                   # sections do not repeat it
    assert "退钱" in page["keywords"].split(si.ZWSP) and "退钱" in section["keywords"].split(si.ZWSP)
    assert "keywords" not in other


def test_descriptions_match_what_the_built_pages_say(real_site):
    # The adapter records one description per page: the page shows it and the search keywords use it.
    # The split index of the real site carries, for each page, the description its HTML shows.
    index = json.loads((real_site / "search" / "search_index.en.json").read_text(encoding="utf-8"))
    pages = [d for d in index["docs"] if "#" not in d["location"] and d["location"]]
    assert len(pages) > 20
    for doc in pages:
        shown = re.search(r'<meta name="description" content="([^"]*)"', (real_site / doc["location"] / "index.html").read_text(encoding="utf-8"))
        description = html.unescape(shown.group(1)) if shown else ""
        expected = si.segment(description) if description else ""
        assert expected and doc.get("keywords", "").startswith(html.escape(expected, quote=False)), doc["location"]


def test_repeated_paragraphs_leave_the_index_except_in_the_directory():
    reminder = "<p>Real customer service never asks for your SMS code.</p>"
    docs = [{"location": f"p{i}/", "title": f"P{i}", "text": f"{reminder} <p>Own text {i}.</p>"} for i in range(5)]
    docs.append({"location": "contact/directory/#hc-wallet-cn-x", "title": "X", "text": reminder})
    si.strip_boilerplate(docs)
    assert [d["text"] for d in docs[:5]] == [f"<p>Own text {i}.</p>" for i in range(5)]
    assert docs[5]["text"] == reminder


def test_provider_sections_rank_in_the_directory_and_carry_both_names():
    docs = [
        {"location": "contact/directory/#hc-wallet-cn-alipay", "title": "支付宝", "text": ""},
        {"location": "en/contact/directory/#hc-wallet-cn-alipay", "title": "Alipay", "text": ""},
        {"location": "account/locked/#hc-alipay", "title": "支付宝", "text": ""},
        {"location": "account/locked/", "title": "账户被锁定", "text": ""},
    ]
    si.rank_registry_sections(docs)
    zh_dir, en_dir, card, page = docs
    assert zh_dir["boost"] > 1 > card["boost"] and "boost" not in page
    assert "Alipay" in zh_dir["keywords"] and "支付宝" in en_dir["keywords"]


def test_split_writes_one_index_per_language_with_the_worker_fields(tmp_path):
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["zh"], "separator": "[\\s]+", "pipeline": ["stemmer"], "fields": {"title": {"boost": 1000}}},
             "docs": [{"location": "", "title": "首页", "text": "<p>你好</p>"}, {"location": "en/", "title": "Home", "text": "<p>Hi</p>"}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    sizes = si.split_search_index(tmp_path, {"": "首页说明", "en/": "Home page"})
    assert set(sizes) == {"zh", "en"} and not (tmp_path / "search" / "search_index.json").exists()
    en = json.loads((tmp_path / "search" / "search_index.en.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in en["docs"]] == ["en/"]
    assert en["config"]["fields"] == si.FIELDS and set(si.FIELDS) == {"title", "keywords", "text"}


def test_remembered_segmentation_cuts_as_jieba_does():
    import jieba

    calls = []

    def cut(sentence, cut_all=False, HMM=True, use_paddle=False):  # noqa: N803 - jieba's own name
        calls.append(sentence)
        return jieba.cut.__wrapped__(sentence, cut_all, HMM) if hasattr(jieba.cut, "__wrapped__") else jieba.cut(sentence, cut_all, HMM)

    memo = si.memoised(cut)
    text = "冻结账户后如何申请退款".encode()
    first, again = list(memo(text)), list(memo(text))
    assert first == again == list(cut(text)) and len(first) > 1
    assert calls.count(text) == 2  # once through the memory, once directly above: the repeat was remembered
    assert si.memoised(memo) is memo  # installing twice does not wrap twice
    assert iter(memo(text)) is not None and not isinstance(memo(text), list)  # an iterator, as jieba returns
