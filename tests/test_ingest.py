"""graphkit.ingest: files and folders → Documents, and everything that can go wrong on the way."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from graphkit.errors import InputError
from graphkit.ingest import count_inputs, html_to_text, iter_documents, iter_input_files, normalize_date
from graphkit.types import Document


def read(paths, **kwargs):
    """Run iter_documents and collect documents, skips and warnings."""
    skips, warnings = [], []
    docs = list(iter_documents(
        [paths] if isinstance(paths, (str, Path)) else paths,
        on_skip=lambda where, why: skips.append((where, why)),
        on_warning=lambda where, why: warnings.append((where, why)),
        **kwargs,
    ))
    return docs, skips, warnings


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# ---------------------------------------------------------------- files and folders


def test_text_and_markdown_are_read_as_is(tmp_path):
    write(tmp_path / "a.txt", "Russia and North Korea signed a pact.\nSecond line.\n")
    write(tmp_path / "b.md", "# Heading\n\nNATO *condemned* it.")
    docs, skips, _ = read(tmp_path)
    assert docs == [
        Document(id="a.txt", text="Russia and North Korea signed a pact.\nSecond line.\n"),
        Document(id="b.md", text="# Heading\n\nNATO *condemned* it."),
    ]
    assert skips == []


def test_ids_are_relative_posix_paths_in_sorted_order(tmp_path):
    write(tmp_path / "z.txt", "z")
    write(tmp_path / "sub" / "deeper" / "b.txt", "b")
    write(tmp_path / "sub" / "a.TXT", "a")
    write(tmp_path / "m.htm", "<p>m</p>")
    docs, _, _ = read(tmp_path)
    assert [d.id for d in docs] == ["m.htm", "sub/a.TXT", "sub/deeper/b.txt", "z.txt"]


def test_file_given_directly_is_named_by_its_file_name(tmp_path):
    path = write(tmp_path / "sub" / "story.txt", "text")
    docs, _, _ = read(path)
    assert [d.id for d in docs] == ["story.txt"]


def test_hidden_entries_and_unknown_extensions_in_folders_are_passed_over_silently(tmp_path):
    write(tmp_path / ".hidden.txt", "no")
    write(tmp_path / ".git" / "notes.txt", "no")
    write(tmp_path / "image.png", b"\x89PNG\0\0")
    write(tmp_path / "notes.rst", "no")
    write(tmp_path / "kept.txt", "yes")
    docs, skips, warnings = read(tmp_path, strict=True)
    assert [d.id for d in docs] == ["kept.txt"]
    assert skips == warnings == []


def test_unknown_extension_given_directly_is_read_as_text(tmp_path):
    path = write(tmp_path / "story.article", "Russia backs North Korea.")
    docs, _, _ = read(path)
    assert docs == [Document(id="story.article", text="Russia backs North Korea.")]


def test_hidden_file_given_directly_is_read(tmp_path):
    docs, _, _ = read(write(tmp_path / ".draft.txt", "text"))
    assert [d.id for d in docs] == [".draft.txt"]


def test_missing_path_raises_before_anything_is_read(tmp_path):
    write(tmp_path / "a.txt", "a")
    missing = tmp_path / "nope"
    with pytest.raises(InputError, match=f"input not found: {missing}"):
        iter_documents([tmp_path, missing])  # eager: no iteration needed


def test_a_file_reached_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", "a")
    docs, _, _ = read([tmp_path, path])
    assert [d.id for d in docs] == ["a.txt"]


def test_duplicate_document_ids_are_warned_about(tmp_path):
    first = write(tmp_path / "one" / "a.txt", "a")
    second = write(tmp_path / "two" / "a.txt", "b")
    docs, _, warnings = read([first, second])
    assert [d.text for d in docs] == ["a", "b"]
    assert warnings == [(str(second), "document id 'a.txt' seen before")]


def test_count_inputs_counts_files_that_would_be_read(tmp_path):
    write(tmp_path / "a.txt", "a")
    write(tmp_path / "b.jsonl", '{"text": "x"}\n{"text": "y"}\n')
    write(tmp_path / "c.png", b"\0")
    write(tmp_path / ".d.txt", "d")
    assert count_inputs([tmp_path]) == 2
    assert [f.format for f in iter_input_files([tmp_path])] == ["text", "jsonl"]
    with pytest.raises(InputError):
        count_inputs([tmp_path / "missing"])


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\ufeff".encode("utf-8")])
def test_empty_files_are_skipped(tmp_path, content):
    path = write(tmp_path / "e.txt", content)
    docs, skips, _ = read(tmp_path)
    assert docs == []
    assert skips == [(str(path), "empty")]


@pytest.mark.parametrize("name", ["b.txt", "b.jsonl", "b.csv", "b.html"])
def test_binary_files_are_skipped(tmp_path, name):
    path = write(tmp_path / name, b"text\0\x01\x02 more" * 10)
    docs, skips, _ = read(tmp_path)
    assert docs == []
    assert skips == [(str(path), "binary")]


@pytest.mark.parametrize("text, encoding", [
    ("Le président Macron a condamné “l’accord” – déjà vu.\n", "cp1252"),
    ("Zürich: naïve façade, Ålesund.\n", "latin-1"),
    ("Россия и Северная Корея подписали договор о партнёрстве.\n", "cp1251"),
])
def test_non_utf8_text_is_decoded_and_warned_about(tmp_path, text, encoding):
    path = write(tmp_path / "t.txt", text.encode(encoding))
    docs, skips, warnings = read(tmp_path)
    assert [d.text for d in docs] == [text]
    assert skips == []
    assert len(warnings) == 1 and warnings[0][0] == str(path)
    assert "not valid UTF-8" in warnings[0][1]


def test_byte_order_marks_and_line_ends(tmp_path):
    write(tmp_path / "a.txt", "\ufeffline one\r\nline two\rthree".encode("utf-8"))
    write(tmp_path / "b.txt", "wide text\nsecond".encode("utf-16"))
    docs, _, warnings = read(tmp_path)
    assert [d.text for d in docs] == ["line one\nline two\nthree", "wide text\nsecond"]
    assert warnings == []


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", "a")
    write(tmp_path / "b.txt", "b")
    import builtins

    import graphkit.ingest

    def refuse(file, *args, **kwargs):
        if Path(file).name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(graphkit.ingest, "open", refuse, raising=False)
    docs, skips, _ = read(tmp_path)
    assert [d.id for d in docs] == ["b.txt"]
    assert skips == [(str(path), "cannot read: Permission denied")]


def test_strict_raises_on_the_first_skip(tmp_path):
    write(tmp_path / "a.txt", "fine")
    path = write(tmp_path / "b.txt", b"")
    docs = iter_documents([tmp_path], strict=True)
    assert next(docs).id == "a.txt"
    with pytest.raises(InputError, match=f"^{path}: empty$"):
        next(docs)


def test_strict_raises_on_a_bad_record(tmp_path):
    path = write(tmp_path / "r.jsonl", '{"text": "ok"}\n{bad\n')
    with pytest.raises(InputError, match=f"^{path}:2: invalid JSON"):
        list(iter_documents([path], strict=True))


# ---------------------------------------------------------------- HTML


PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8"><title> Pyongyang &amp; Moscow </title>
<meta property="article:published_time" content="2024-06-05T09:00:00+09:00">
<link rel="canonical" href="https://example.org/story">
<style>p { color: red }</style>
<script>var hidden = "Russia attacks";</script>
</head>
<body>
<noscript>Enable JavaScript</noscript>
<template><p>Template text</p></template>
<h1>Russia and   North Korea</h1>
<p>Shoigu met <b>Kim</b> in Pyongyang.<br>He left on Friday.</p>
<script type="text/javascript">document.write("<p>no</p>")</script>
<ul><li>One</li><li>Two &mdash; three</li></ul>
<table><tr><td>cell a</td><td>cell b</td></tr></table>
<svg><title>icon</title><text>svg text</text></svg>
</body></html>"""


def test_html_keeps_visible_text_as_lines():
    page = html_to_text(PAGE)
    assert page.text == (
        "Russia and North Korea\nShoigu met Kim in Pyongyang.\nHe left on Friday.\n"
        "One\nTwo — three\ncell a cell b"
    )
    assert page.title == "Pyongyang & Moscow"
    assert page.url == "https://example.org/story"
    assert page.date == "2024-06-05T09:00:00+09:00"


def test_html_document_takes_title_date_and_url(tmp_path):
    write(tmp_path / "page.html", PAGE)
    docs, _, _ = read(tmp_path, date="2020-01-01")
    assert docs[0].id == "page.html"
    assert docs[0].title == "Pyongyang & Moscow"
    assert docs[0].date == "2024-06-05"
    assert docs[0].url == "https://example.org/story"


def test_html_without_closing_head_and_with_declared_charset(tmp_path):
    markup = '<html><head><meta charset="windows-1251"><title>Т</title><body><p>Россия</p></body>'
    write(tmp_path / "a.htm", markup.encode("cp1251"))
    docs, _, warnings = read(tmp_path)
    assert docs[0].text == "Россия" and docs[0].title == "Т"
    assert "cp1251" in warnings[0][1]


def test_html_with_no_visible_text_is_empty(tmp_path):
    path = write(tmp_path / "a.html", "<html><head><title>x</title></head><body><script>1</script></body></html>")
    docs, skips, _ = read(tmp_path)
    assert docs == [] and skips == [(str(path), "empty")]


def test_html_pre_keeps_its_lines():
    assert html_to_text("<pre>a  b\nc</pre><p>d</p>").text == "a b\nc\nd"


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_records(tmp_path):
    rows = [
        {"id": "r1", "text": "Russia backs North Korea.", "title": "T", "date": "5 June 2024", "url": "u"},
        {"text": "No id here."},
        {"id": 7, "text": "Numeric id.", "date": "sometime", "extra": [1]},
    ]
    write(tmp_path / "sub" / "news.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    docs, skips, _ = read(tmp_path, date="2024-07-01")
    assert docs == [
        Document(id="r1", text="Russia backs North Korea.", title="T", date="2024-06-05", url="u"),
        Document(id="sub/news.jsonl#2", text="No id here.", date="2024-07-01"),
        Document(id="7", text="Numeric id.", date="sometime"),
    ]
    assert skips == []


def test_jsonl_bad_lines_are_reported_and_the_rest_is_read(tmp_path):
    path = write(tmp_path / "n.jsonl", "\n".join([
        '{"text": "first"}',
        '{"text": "broken',
        '["not", "an", "object"]',
        '{"title": "no text"}',
        '{"text": 5}',
        '{"text": "   "}',
        '{"text": "last"}',
    ]))
    docs, skips, _ = read(path)
    assert [d.text for d in docs] == ["first", "last"]
    assert [d.id for d in docs] == ["n.jsonl#1", "n.jsonl#7"]
    where = str(path)
    assert [s[0] for s in skips] == [f"{where}:{n}" for n in (2, 3, 4, 5, 6)]
    assert skips[0][1].startswith("invalid JSON")
    assert [s[1] for s in skips[1:]] == ["not a JSON object", "missing 'text'", "'text' is not a string", "empty text"]


def test_jsonl_with_a_non_utf8_line_decodes_only_that_line(tmp_path):
    good = '{"text": "Kim’s visit — Moscow"}\n'.encode("utf-8")
    bad = '{"text": "Macron a condamné l’accord"}\n'.encode("cp1252")
    path = write(tmp_path / "m.jsonl", good + bad + good)
    docs, skips, warnings = read(path)
    assert [d.text for d in docs] == ["Kim’s visit — Moscow", "Macron a condamné l’accord", "Kim’s visit — Moscow"]
    assert skips == []
    assert warnings == [(str(path), "not valid UTF-8 (from line 2); decoded as cp1252")]


def test_jsonl_is_streamed_not_loaded_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "Russia supplies North Korea with oil. " * 25}) + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(10_000):  # ~10 MB
            handle.write(line)
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_documents([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert peak < 3_000_000


# ---------------------------------------------------------------- CSV


def test_csv_records_with_line_numbers_and_big_fields(tmp_path):
    big = "Sanctions. " * 30_000  # 330 KB, beyond csv's default 128 KB field limit
    content = (
        "\ufeffID,Title,Text,date\r\n"
        'a,First,"Russia and North Korea\nsigned a pact.",2024-06-05\r\n'
        f',Second,"{big}",\r\n'
        'c,Third,"quoted ""word"" here",June 5 2024\r\n'
    )
    write(tmp_path / "items.csv", content)
    docs, skips, _ = read(tmp_path)
    assert skips == []
    assert [d.id for d in docs] == ["a", "items.csv#4", "c"]
    assert docs[0] == Document(id="a", text="Russia and North Korea\nsigned a pact.", title="First", date="2024-06-05")
    assert docs[1].text == big and docs[1].date is None
    assert docs[2].text == 'quoted "word" here' and docs[2].date == "2024-06-05"


def test_csv_malformed_rows_are_reported(tmp_path):
    path = write(tmp_path / "r.csv", 'id,text\n1,one\n2,two,extra\n3\n\n4,four\n')
    docs, skips, _ = read(path)
    assert [d.text for d in docs] == ["one", "four"]
    assert skips == [(f"{path}:3", "expected 2 fields, found 3"), (f"{path}:4", "expected 2 fields, found 1")]


def test_csv_without_text_column_is_skipped(tmp_path):
    path = write(tmp_path / "r.csv", "id,body\n1,one\n")
    docs, skips, _ = read(path)
    assert docs == [] and skips == [(str(path), "no 'text' column")]


def test_csv_with_semicolons(tmp_path):
    write(tmp_path / "r.csv", "id;text\n1;Moscow, Pyongyang and Beijing\n")
    docs, _, _ = read(tmp_path)
    assert docs == [Document(id="1", text="Moscow, Pyongyang and Beijing")]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("given, expected", [
    ("2024-06-05", "2024-06-05"),
    ("2024-06-05T23:30:00-05:00", "2024-06-05"),
    ("2024-06-05T10:00:00.123456789Z", "2024-06-05"),
    ("20240605", "2024-06-05"),
    ("Wed, 05 Jun 2024 10:00:00 GMT", "2024-06-05"),
    ("5 June 2024", "2024-06-05"),
    ("5th June 2024", "2024-06-05"),
    ("June 5, 2024", "2024-06-05"),
    ("Sept. 5, 2024", "2024-09-05"),
    ("2024/06/05", "2024-06-05"),
    ("05.06.2024", "2024-06-05"),
    ("  2024-06-05 ", "2024-06-05"),
    ("06/05/2024", "06/05/2024"),  # ambiguous: kept
    ("2024", "2024"),
    ("2024-13-45", "2024-13-45"),
    ("last week", "last week"),
    ("", None),
    (None, None),
])
def test_normalize_date(given, expected):
    assert normalize_date(given) == expected


def test_date_argument_is_normalized_and_fills_in(tmp_path):
    write(tmp_path / "a.txt", "a")
    docs, _, _ = read(tmp_path, date="June 5, 2024")
    assert docs[0].date == "2024-06-05"
