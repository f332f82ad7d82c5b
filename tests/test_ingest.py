"""kg.ingest: which files make the corpus, how they are decoded, which are skipped and why."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import ReadOptions, read_corpus, readers

#: "/"-joined, as an empty corpus's message lists them
KNOWN_SUFFIXES = "/".join(sorted(readers()))
ARTICLE = "Russia joins talks\n\nMoscow said on Monday it would join the talks.\n"


def write(path: Path, content: str | bytes) -> Path:
    """Write ``content``; the usual ARTICLE gets the file's path as a last line, so two
    files are two articles (the same text twice is one article)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if content == ARTICLE:
        content = f"{ARTICLE}{path}\n"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(result) -> dict[str, str]:
    return {skipped.path.name: skipped.reason for skipped in result.skipped}


def test_identifiers_are_relative_slash_separated_and_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "2023/01/z.txt", "2023/02/a.txt", "B.txt"):
        write(tmp_path / name, ARTICLE)
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == [
        "2023/01/z.txt", "2023/02/a.txt", "B.txt", "a.txt", "b.txt"]
    assert result.skipped == []
    assert all(s.text.startswith(ARTICLE) for s in result.sources)


def test_a_file_argument_is_identified_by_its_name(tmp_path):
    article = write(tmp_path / "deep" / "folder" / "one.txt", ARTICLE)
    other = write(tmp_path / "two.text", ARTICLE)  # named explicitly: any extension is read
    result = read_corpus([article, other])
    assert [s.identifier for s in result.sources] == ["one.txt", "two.text"]


def test_seed_corpus_reads_five_articles_in_order():
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    result = read_corpus([corpus])
    names = sorted(p.name for p in corpus.glob("*.txt"))
    assert [s.identifier for s in result.sources] == names
    assert len(names) == 5 and result.skipped == []
    assert result.sources[0].text.startswith("Defense pact with Armenia")


def test_only_known_suffixes_and_no_hidden_files_are_walked(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "notes.rst", "notes about this corpus\n")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / ".hidden.txt", ARTICLE)
    write(tmp_path / ".git" / "x.txt", ARTICLE)
    write(tmp_path / "sub" / "deeper.txt", ARTICLE)
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["good.txt", "sub/deeper.txt"]
    assert result.skipped == []


def test_bom_is_dropped_and_line_ends_normalised(tmp_path):
    write(tmp_path / "crlf.txt", "\ufeffTitle\r\n\r\nBody line one.\r\nOld Mac line\rend\n".encode())
    (source,) = read_corpus([tmp_path]).sources
    assert source.text == "Title\n\nBody line one.\nOld Mac line\nend\n"


def test_missing_path_is_an_input_error(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    with pytest.raises(InputError, match=r"^no such file or directory: .*nowhere$"):
        read_corpus([tmp_path / "good.txt", tmp_path / "nowhere"])


def test_empty_folder_is_an_empty_corpus(tmp_path):
    with pytest.raises(InputError) as info:
        read_corpus([tmp_path])
    assert str(info.value) == f"empty corpus: {tmp_path} (no {KNOWN_SUFFIXES} files)"
    assert InputError.exit_code == 3


def test_folder_with_only_a_binary_article_is_an_empty_corpus(tmp_path):
    write(tmp_path / "data.txt", bytes(range(256)) * 4)
    with pytest.raises(InputError) as info:
        read_corpus([tmp_path])
    message = str(info.value)
    assert message.startswith(f"empty corpus: {tmp_path} (no readable {KNOWN_SUFFIXES} files; skipped ")
    assert "data.txt: binary file" in message and "\n" not in message


def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_read(tmp_path, caplog):
    write(tmp_path / "a_good.txt", ARTICLE)
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", b"  \n\r\n\t\n")
    write(tmp_path / "binary.txt", b"\x00\x01\x02 PK zipped \x00\xff" * 50)
    write(tmp_path / "controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 65]) * 100)
    write(tmp_path / "latin1.txt", "Café in Zürich\n\nDéjà vu.".encode("latin-1"))  # decoded, with a warning
    write(tmp_path / "utf16.txt", "Title\n\nBody".encode("utf-16"))
    big_line = ("Russia and Armenia signed the treaty in Moscow. " * 110_000).strip()
    assert len(big_line) > 5_000_000
    write(tmp_path / "z_big.txt", big_line)

    with caplog.at_level(logging.WARNING, logger="kg"):
        result = read_corpus([tmp_path])

    assert [s.identifier for s in result.sources] == ["a_good.txt", "latin1.txt", "utf16.txt", "z_big.txt"]
    assert result.sources[1].text == "Café in Zürich\n\nDéjà vu."
    assert result.sources[2].text == "Title\n\nBody"
    assert result.sources[3].text == big_line
    assert reasons(result) == {
        "binary.txt": "binary file (contains NUL bytes)",
        "blank.txt": "empty file",
        "controls.txt": "binary file (mostly control characters)",
        "empty.txt": "empty file",
    }
    logged = [r.getMessage() for r in caplog.records if r.name == "kg.ingest"]
    assert sorted(logged) == sorted([f"skipped {s}" for s in result.skipped] + [
        f"{tmp_path / 'latin1.txt'}: decoded as cp1252, not UTF-8",
        f"{tmp_path / 'utf16.txt'}: decoded as UTF-16 (byte-order mark), not UTF-8"])


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="file permissions do not stop root (or non-POSIX systems)")
def test_unreadable_file_is_skipped(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    locked = write(tmp_path / "locked.txt", ARTICLE)
    locked.chmod(0)
    try:
        result = read_corpus([tmp_path])
    finally:
        locked.chmod(0o644)
    assert reasons(result) == {"locked.txt": "cannot read: permission denied"}


def test_unreadable_file_is_skipped_even_as_root(tmp_path, monkeypatch):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "locked.txt", ARTICLE)
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["good.txt"]
    assert reasons(result) == {"locked.txt": "cannot read: permission denied"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.symlink and os.mkfifo")
def test_broken_links_and_special_files_are_skipped(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block for ever
    (tmp_path / "loop").symlink_to(tmp_path)  # a symlink loop is walked once
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["good.txt"]
    assert reasons(result) == {
        "dangling.txt": "cannot read: broken link or file removed while reading",
        "pipe.txt": "not a regular file",
    }


def test_same_file_twice_is_read_once_and_clashing_identifiers_are_skipped(tmp_path):
    first = write(tmp_path / "one" / "a.txt", ARTICLE)
    write(tmp_path / "two" / "a.txt", ARTICLE.upper())
    result = read_corpus([tmp_path / "one", first, tmp_path / "two"])
    assert [(s.identifier, s.text) for s in result.sources] == [("a.txt", first.read_text())]
    (clash,) = result.skipped
    assert clash.path == tmp_path / "two" / "a.txt"
    assert clash.reason == f"same identifier 'a.txt' as {first}"


def test_no_paths_is_an_input_error():
    with pytest.raises(InputError, match="no corpus given"):
        read_corpus([])


# ---- the reader table (kg.ingest.reader) and the text reader, as units


def test_every_reader_module_is_in_the_suffix_table():
    import importlib
    import pkgutil

    import kg.ingest
    from kg.ingest.reader import readers

    table = readers()
    assert table[".txt"].__module__ == "kg.ingest.text"
    for info in pkgutil.iter_modules(kg.ingest.__path__):
        module = importlib.import_module(f"kg.ingest.{info.name}")
        for suffix in getattr(module, "SUFFIXES", ()):
            assert suffix == suffix.lower() and suffix.startswith(".")
            assert table[suffix] is module.read


def test_a_named_file_of_unknown_suffix_is_text_a_walked_one_is_not(tmp_path):
    from kg.ingest.reader import reader_for

    notes = tmp_path / "notes.rst"
    assert reader_for(notes, named=True).__module__ == "kg.ingest.text"
    assert reader_for(notes, named=False) is None


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"Title\n\x00\x01", "NUL bytes"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08abc", "binary file"),
])
def test_decode_text_says_why_a_file_is_not_text(data, reason):
    from kg.ingest.reader import Unreadable
    from kg.ingest.text import decode_text

    with pytest.raises(Unreadable, match=reason):
        decode_text(data)


@pytest.mark.parametrize("data, text, note", [
    ("Café in Zürich\n\nDéjà vu.".encode("latin-1"), "Café in Zürich\n\nDéjà vu.", "decoded as cp1252"),
    ("The “talks” – in Zürich.".encode("cp1252"), "The “talks” – in Zürich.", "decoded as cp1252"),
    ("Title\n\nBody".encode("utf-16"), "Title\n\nBody", "decoded as UTF-16 (byte-order mark)"),
    ("Title\n\nBody".encode("utf-32"), "Title\n\nBody", "decoded as UTF-32 (byte-order mark)"),
    ("Zürich talks".encode() + b"\xc3", "Zürich talks\ufffd", "replaced 1 invalid UTF-8 byte by U+FFFD"),
    ("Министр заявил в понедельник, что переговоры".encode("cp1251"),
     "Министр заявил в понедельник, что переговоры", "decoded as cp1251"),
])
def test_other_encodings_are_decoded_with_a_note_never_dropped(data, text, note, caplog):
    from kg.ingest.text import decode_text

    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        assert decode_text(data, Path("old.txt")) == text
    assert [r.getMessage() for r in caplog.records] == [f"old.txt: {note}, not UTF-8"
                                                        if note.startswith("decoded") else f"old.txt: {note}"]


def test_decode_text_drops_the_bom_and_normalises_line_ends():
    from kg.ingest.text import decode_text

    assert decode_text("\ufeffTitle\r\nOne.\rTwo.\n".encode()) == "Title\nOne.\nTwo.\n"


# ---------------------------------------------------------------- boundaries (issue 11)
def test_links_leaving_the_corpus_folder_are_refused_unless_followed(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    write(corpus / "own.txt", ARTICLE)
    write(outside / "theirs.txt", "Velorian talks\n\nThe Velorian Union met on Monday.\n")
    write(outside / "deep" / "more.txt", "Tarsk visit\n\nMinister Tarsk Odelly arrived on Tuesday.\n")
    (corpus / "theirs.txt").symlink_to(outside / "theirs.txt")
    (corpus / "deep").symlink_to(outside / "deep")
    (corpus / "alias.txt").symlink_to(corpus / "own.txt")  # a link inside the folder is fine
    result = read_corpus([corpus])
    assert [s.identifier for s in result.sources] == ["alias.txt"]  # the same file once, under its first name
    refused = reasons(result)
    assert set(refused) == {"theirs.txt", "deep"}
    assert refused["theirs.txt"] == (f"link to {outside / 'theirs.txt'}, outside the corpus folder "
                                     "(--follow-links reads it)")
    followed = read_corpus([corpus], ReadOptions(follow_links=True))
    assert sorted(s.identifier for s in followed.sources)[-2:] == ["deep/more.txt", "theirs.txt"]
    assert followed.skipped == []


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_link_to_proc_never_reaches_the_graph(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    (tmp_path / "status.txt").symlink_to("/proc/self/status")
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["good.txt"]
    assert "outside the corpus folder" in reasons(result)["status.txt"]


def test_an_article_over_the_size_limit_is_skipped_with_the_limit_named(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "huge.txt", "Huge\n\n" + "The talks went on. " * 60_000)  # about 1.1 MB
    result = read_corpus([tmp_path], ReadOptions(max_article_mb=1))
    assert [s.identifier for s in result.sources] == ["good.txt"]
    assert reasons(result)["huge.txt"] == "article too large (1.1 MB of text; the limit is 1 MB, --max-article-mb)"
    assert len(read_corpus([tmp_path]).sources) == 2  # the default limit is a few MB


def test_the_same_text_twice_is_one_article_under_the_first_identifier(tmp_path):
    write(tmp_path / "a.txt", "Velorian talks\n\nThe Velorian Union met on Monday.\n")
    write(tmp_path / "b" / "copy.txt", "Velorian talks\r\n\r\nThe  Velorian Union met on Monday.\r\n")
    write(tmp_path / "c.txt", "Velorian talks\n\nThe Velorian Union met on Tuesday.\n")
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["a.txt", "c.txt"]
    assert [str(d) for d in result.duplicates] == ["b/copy.txt: same text as a.txt"]


def test_a_non_english_article_is_skipped_with_the_reason(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "fr.txt", "Les pourparlers\n\n" + "Le ministre a déclaré lundi que les négociations "
          "avec la délégation reprendraient bientôt dans la capitale, selon un communiqué officiel. " * 3)
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["good.txt"]
    assert reasons(result)["fr.txt"].startswith("not English (only ")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf_16_without_a_byte_order_mark_is_told_from_its_nul_bytes(codec):
    from kg.ingest.text import decode_text

    assert decode_text(f"{ARTICLE}More text.\n".encode(codec)) == f"{ARTICLE}More text.\n"


def test_a_web_page_saved_as_text_is_read_as_a_page(tmp_path):
    write(tmp_path / "page.txt", (
        "<!DOCTYPE html><html><head><title>Velorian talks</title><style>body{font-family:Georgia}</style>"
        "<script>var x = \"Tarsk Odelly said nothing\";</script></head><body><h1>Velorian talks</h1>"
        "<p>The Velorian Union met on Monday in <b>Kestrow</b>, its secretary said after the talks.</p>"
        "<p>&quot;We are ready,&quot; Minister Tarsk Odelly said on Tuesday.</p></body></html>\n"))
    (source,) = read_corpus([tmp_path]).sources
    assert source.title == "Velorian talks"
    assert "The Velorian Union met on Monday in Kestrow" in source.text
    assert '"We are ready," Minister Tarsk Odelly said' in source.text
    assert not any(mark in source.text for mark in ("<", "font-family", "var x", "&quot;"))
