"""The time budget of an article: past it the article is skipped with one warning and counted,
not built.  The budget is made 0 (spent at once) so no test waits on a clock."""
import logging

import pytest

from kg.build import ARTICLE_SECONDS, build_graph
from kg.nlp import process_texts
from kg.nlp.bounds import DEADLINE_KEY, ArticleTimeout, Deadline
from kg.nlp.pipeline import make_pipeline, read_text
from kg.records import SourceText

TEXT = "Talks in Moscow\n\nRussian Foreign Minister Sergey Lavrov said Armenia is a member of the CSTO.\n"


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_the_default_budget_is_a_minute():
    assert ARTICLE_SECONDS == 60.0


def test_no_budget_and_a_generous_one_read_the_article(nlp):
    assert read_text(nlp, TEXT)._.kg_statements
    assert read_text(nlp, TEXT, seconds=ARTICLE_SECONDS)._.kg_statements


def test_a_spent_budget_stops_the_pipeline(nlp):
    with pytest.raises(ArticleTimeout, match="took more than 0 s"):
        read_text(nlp, TEXT, seconds=0)


def test_the_quote_reader_checks_the_budget_between_sentences(nlp):
    doc = read_text(nlp, TEXT)
    doc.user_data[DEADLINE_KEY] = Deadline(0)
    with pytest.raises(ArticleTimeout):
        nlp.get_pipe("kg_quotes")(doc)


def test_process_texts_skips_an_article_past_its_budget_with_one_warning(caplog):
    skipped = []
    sources = [SourceText("a.txt", TEXT), SourceText("b.txt", TEXT)]
    with caplog.at_level(logging.WARNING, logger="kg"):
        records = list(process_texts(sources, seconds=0, on_skip=lambda i, why: skipped.append((i, why))))
    assert records == []
    assert skipped == [("a.txt", "took more than 0 s"), ("b.txt", "took more than 0 s")]
    assert [r.getMessage() for r in caplog.records] == ["a.txt: skipped: took more than 0 s",
                                                        "b.txt: skipped: took more than 0 s"]


def test_worker_processes_skip_too(caplog):
    skipped = []
    sources = [SourceText(f"{n}.txt", TEXT) for n in "abc"]
    records = list(process_texts(sources, processes=2, seconds=0, on_skip=lambda i, why: skipped.append(i)))
    assert records == [] and skipped == ["a.txt", "b.txt", "c.txt"]


def test_a_build_counts_an_article_past_its_budget_as_skipped(tmp_path, caplog):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("Lavrov", "Shoigu"), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg"):
        result = build_graph([tmp_path], article_seconds=0)
    assert result.stats.documents == 0 and result.stats.skipped == 2
    assert result.documents == []
    assert sorted(str(s) for s in result.skipped) == ["a.txt: took more than 0 s", "b.txt: took more than 0 s"]
    assert sum("skipped: took more than 0 s" in r.getMessage() for r in caplog.records) == 2


def test_a_build_within_its_budget_skips_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = build_graph([tmp_path])
    assert result.stats.documents == 1 and result.stats.skipped == 0
