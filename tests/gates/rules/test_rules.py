"""Each content rule: a failing and a passing example, and messages that name file, line and fix."""

import pytest

from scripts import paths
from scripts.cli import check
from scripts.gates.rules import (
    Content,
    hc001_typed_number,
    hc002_registry_reference,
    hc003_front_matter,
    hc004_translation_parity,
    hc005_evidence_age,
    hc006_registry_schema,
    hc007_registry_ids,
    hc008_unused_entry,
)
from tests.conftest import FIXTURE_SITE

FRONT = "---\ntitle: {title}\ndescription: A page used by the rule tests.\nlast_reviewed: 2026-11-01\nrisk: low\n---\n\n"


def make_docs(tmp_path, pages: dict) -> Content:
    for rel, body in pages.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    (tmp_path / "docs" / "zh").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "en").mkdir(parents=True, exist_ok=True)
    return Content(docs=tmp_path / "docs", contacts_file=FIXTURE_SITE / "data" / "contacts.yml")


def page(body, title="Title"):
    return FRONT.format(title=title) + body


def findings(rule, content):
    return list(rule.check(content))


def test_hc001_flags_typed_numbers_with_line(tmp_path):
    content = make_docs(
        tmp_path,
        {
            "zh/a.md": page("# 标题\n\n客服电话：９５１**８８**\n"),
            "en/a.md": page('# T\n\nCall {{ phone("examplepay.hotline") }} on 2026-11-22.\n'),
        },
    )
    found = findings(hc001_typed_number, content)
    assert [(f.path.name, f.line, f.rule) for f in found] == [("a.md", 10, "HC001")]
    assert "phone(" in found[0].message and "data/contacts.yml" in found[0].message


def test_hc002_unknown_and_unpublishable_references(tmp_path):
    content = make_docs(
        tmp_path,
        {
            "zh/a.md": page(
                '# 标题\n\n{{ phone("examplepay.hotlin") }}\n\n{{ phone("examplepay.unsourced") }}\n\n{{ directory(region="ZZ") }}\n'
            ),
            "en/a.md": page('# T\n\n{{ phone("examplepay.hotline") }}\n'),
        },
    )
    found = findings(hc002_registry_reference, content)
    assert [(f.path.parent.name, f.line) for f in found] == [("zh", 10), ("zh", 12), ("zh", 14)]
    assert "'examplepay.hotline'" in found[0].message
    assert "no fresh https source" in found[1].message
    assert "matches no provider" in found[2].message


def test_hc003_front_matter_schema(tmp_path):
    content = make_docs(tmp_path, {"zh/a.md": "# no front matter\n", "en/a.md": page("# T\n").replace("risk: low", "risk: extreme")})
    found = sorted(findings(hc003_front_matter, content), key=lambda f: str(f.path))
    assert [(f.path.parent.name, f.line) for f in found] == [("en", 5), ("zh", 1)]
    assert "missing front matter" in found[1].message


def test_hc004_parity_files_headings_and_calls(tmp_path):
    content = make_docs(
        tmp_path,
        {
            "zh/a.md": page('# 标题\n\n## 一\n\n{{ phone("examplepay.hotline") }}\n'),
            "en/a.md": page('# Title\n\n## One\n\n### Extra\n\n{{ contact_card("examplepay") }}\n'),
            "zh/only.md": page("# 只有中文\n"),
        },
    )
    messages = [f.message for f in findings(hc004_translation_parity, content)]
    assert any("no en twin: create docs/en/only.md" in m for m in messages)
    assert any("headings differ" in m and "[1, 2]" in m and "[1, 2, 3]" in m for m in messages)
    assert any("registry calls differ" in m for m in messages)


def test_hc004_passes_mirrored_pages(tmp_path):
    content = make_docs(
        tmp_path,
        {
            "zh/a.md": page('# 标题\n\n## 一\n\n{{ phone("examplepay.hotline") }}\n'),
            "en/a.md": page('# Title\n\n## One\n\n{{ phone("examplepay.hotline") }}\n'),
        },
    )
    assert findings(hc004_translation_parity, content) == []


def test_hc005_stale_fails_and_aging_warns(tmp_path, monkeypatch):
    content = make_docs(tmp_path, {})
    assert findings(hc005_evidence_age, content) == []
    monkeypatch.setenv("HC_TODAY", "2027-06-01")  # sources checked 2026-10-01 are now 243 days old
    aging = findings(hc005_evidence_age, make_docs(tmp_path, {}))
    assert aging and {f.severity for f in aging} == {"warning"}
    monkeypatch.setenv("HC_TODAY", "2027-12-01")
    stale = findings(hc005_evidence_age, make_docs(tmp_path, {}))
    assert stale and {f.severity for f in stale} == {"error"} and "re-check" in stale[0].message


def test_hc006_reports_registry_errors_at_their_line(tmp_path):
    bad = tmp_path / "contacts.yml"
    bad.write_text(
        (FIXTURE_SITE / "data" / "contacts.yml").read_text(encoding="utf-8").replace("kind: phone", "kind: fax", 1), encoding="utf-8"
    )
    content = Content(docs=tmp_path, contacts_file=bad)
    [finding] = findings(hc006_registry_schema, content)
    assert finding.line == bad.read_text(encoding="utf-8").splitlines().index("        kind: fax") + 1


def test_hc007_ids_with_digits(tmp_path):
    registry = tmp_path / "contacts.yml"
    registry.write_text(
        (FIXTURE_SITE / "data" / "contacts.yml").read_text(encoding="utf-8").replace("id: hotline", "id: line-95999"), encoding="utf-8"
    )
    found = findings(hc007_registry_ids, Content(docs=tmp_path, contacts_file=registry))
    assert len(found) == 1 and "examplepay.line-95999" in found[0].message


def test_hc008_unused_providers_are_warned(tmp_path):
    unused = findings(hc008_unused_entry, make_docs(tmp_path, {"zh/a.md": page("# 标题\n")}))
    assert [f.severity for f in unused] == ["warning"]
    used = findings(hc008_unused_entry, make_docs(tmp_path, {"zh/b.md": page('# 标题\n\n{{ directory(region="CN") }}\n')}))
    assert used == []


def test_runner_prints_plain_and_github_formats(tmp_path, monkeypatch, capsys):
    make_docs(tmp_path, {"zh/a.md": page("# 标题\n\n电话 400-670-0700\n"), "en/a.md": page("# T\n")})
    code = check.main(["--docs", str(tmp_path / "docs"), "--contacts", str(FIXTURE_SITE / "data" / "contacts.yml")])
    out = capsys.readouterr().out
    assert code == 1 and "zh/a.md:10: HC001" in out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    check.main(["--docs", str(tmp_path / "docs"), "--contacts", str(FIXTURE_SITE / "data" / "contacts.yml")])
    annotated = capsys.readouterr().out
    assert "::error file=" in annotated and "zh/a.md,line=10,title=HC001::" in annotated


def test_rules_table_lists_every_rule():
    table = check.rules_table()
    for rule in check.ALL:
        assert f"| {rule.ID} | {rule.NAME} |" in table


@pytest.mark.parametrize("doc", ["CONTRIBUTING.md", "CONTRIBUTING.zh.md"])
def test_contributor_docs_carry_the_current_rules_table(doc):
    text = (paths.ROOT / doc).read_text(encoding="utf-8")
    assert check.rules_table() in text, f"{doc}: paste the output of `python -m scripts.cli.check --rules`"
