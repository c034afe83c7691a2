"""JSON-LD for providers shown on a page."""

import json

from scripts.render.page_functions import Renderer
from scripts.render.structured_data import jsonld, organization


def test_organization_has_a_contact_point_per_publishable_phone(contacts):
    org = organization(contacts, "examplepay", "en")
    assert org["@type"] == "Organization" and org["name"] == "ExamplePay"
    assert org["url"] == "https://examplepay.example/"
    assert [p["telephone"] for p in org["contactPoint"]] == ["95999", "+44 20 7946 0018"]  # never the unsourced one


def test_page_jsonld_lists_the_cards_it_shows(contacts):
    renderer = Renderer(contacts, "zh")
    renderer.render_page('{{ contact_card("examplepay") }}', "docs/zh/a.md")
    data = json.loads(jsonld(contacts, renderer.shown_providers, "zh"))
    assert data["@context"] == "https://schema.org"
    assert [o["name"] for o in data["@graph"]] == ["示例支付"]


def test_no_cards_no_jsonld(contacts):
    renderer = Renderer(contacts, "en")
    renderer.render_page("Just text.", "docs/en/a.md")
    assert jsonld(contacts, renderer.shown_providers, "en") is None


def test_pending_translation_shows_notice(contacts):
    from scripts.content.front_matter import ArticleMeta
    from scripts.render.page_blocks import augment

    meta = ArticleMeta(
        title="Title", description="A page waiting for translation.", last_reviewed="2026-11-01", risk="low", translation="pending"
    )
    body = augment("# Title\n", meta, Renderer(contacts, "en"), "a.md")
    assert body.index("Not yet translated") < body.index("# Title")
