"""Every YAML the build reads is plain, safe YAML: refusals are fast, one line, with the true line number."""

import time

import pytest

from scripts.registry.yaml_source import MAX_DEPTH, YamlError, load_located

# 9 levels of 9 aliases: a few hundred bytes that a naive walk expands to 9^7 ≈ 4.8 million strings.
ALIAS_BOMB = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def refused(tmp_path, text: str, name="data.yml") -> str:
    path = tmp_path / name
    with pytest.raises(YamlError) as info:
        load_located(path, text, rule="HC100")
    message = str(info.value)
    assert message.startswith(f"{path}:") and " HC100 " in message and "\n" not in message
    return message


def test_alias_bomb_is_refused_in_well_under_a_second(tmp_path):
    assert len(ALIAS_BOMB.encode()) < 600
    started = time.monotonic()
    message = refused(tmp_path, ALIAS_BOMB)
    assert time.monotonic() - started < 0.2
    assert ":1: HC100 YAML anchor &a" in message


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a' (first on line 1)"),
        ("x:\n  y: 1\n  y: 2\n", 3, "duplicate key 'y'"),
        ("a: &x 1\nb: *x\n", 1, "anchor"),
        ("a: 1\n<<: {b: 2}\n", 2, "merge key"),
        ("a: !!python/object:os.system x\n", 1, "tag"),
        ("a: !custom x\n", 1, "tag"),
        ("a: 1\n---\nb: 2\n", 2, "second YAML document"),
        ("? [a, b]\n: 1\n", 1, "keys must be plain words"),
        ("a: [1\n", 2, "YAML syntax error"),
        ("a: 1\nb: 2026-13-45\n", 2, "a date is YYYY-MM-DD and must exist"),
        ("a: 1\n\tb: 2\n", 2, "YAML syntax error"),
    ],
)
def test_refusals_name_the_true_line(tmp_path, text, line, words):
    message = refused(tmp_path, text)
    assert f":{line}: HC100" in message and words in message


def test_deep_nesting_is_refused_fast(tmp_path):
    started = time.monotonic()
    assert "nested more than" in refused(tmp_path, "[" * 200_000)
    nested = "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "v\n"
    assert "nested more than" in refused(tmp_path, nested)
    assert time.monotonic() - started < 1


def test_oversized_documents_are_refused(tmp_path):
    path = tmp_path / "big.yml"
    with pytest.raises(YamlError, match="larger than 1000 bytes"):
        load_located(path, "a: " + "x" * 2000 + "\n", max_bytes=1000)


@pytest.mark.parametrize(
    "data,words",
    [
        (b"\xef\xbb\xbfa: 1\n", "byte-order mark"),
        (b"a: 1\nb: \xff\xfe\n", "not valid UTF-8"),
        (b"a: 1\n\x00\x01\x02", "NUL bytes"),
        (b"a: 1\nb: x\x1bz\n", "control character"),
        ("a: 1\nb: x\u202ey\n".encode(), "control character"),
    ],
)
def test_unreadable_files_are_refused_with_a_line(tmp_path, data, words):
    path = tmp_path / "data.yml"
    path.write_bytes(data)
    with pytest.raises(YamlError) as info:
        load_located(path, rule="HC121")
    assert words in str(info.value) and " HC121 " in str(info.value)


def test_symlinked_file_is_refused(tmp_path):
    (tmp_path / "real.yml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "link.yml").symlink_to(tmp_path / "real.yml")
    loop = tmp_path / "loop.yml"
    loop.symlink_to(loop)
    for name in ("link.yml", "loop.yml"):
        with pytest.raises(YamlError, match="symbolic link"):
            load_located(tmp_path / name)


def test_plain_yaml_loads_with_line_numbers(tmp_path):
    located = load_located(tmp_path / "x.yml", "providers:\n  - id: a\n    name: {zh: 甲, en: A}\n  - id: b\n")
    assert located.data == {"providers": [{"id": "a", "name": {"zh": "甲", "en": "A"}}, {"id": "b"}]}
    assert located.line_of(("providers", 1, "id")) == 4
    assert located.line_of(("providers", 0, "name", "en")) == 3
    assert located.line_of(("providers", 0, ["unhashable"])) == 2


def test_crlf_line_ends_keep_line_numbers(tmp_path):
    path = tmp_path / "crlf.yml"
    path.write_bytes(b"a: 1\r\nb: 2\r\na: 3\r\n")
    with pytest.raises(YamlError, match=r":3: HC100 duplicate key"):
        load_located(path)
