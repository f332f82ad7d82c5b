"""kg.evaluation and ``kg eval``: the figures of a small hand-written graph against gold."""
from __future__ import annotations

from pathlib import Path

from kg.cli import main
from kg.evaluation import Gold, load, score

MINI = Path(__file__).resolve().parent / "data" / "mini.trig"

GOLD = '''
[aliases]
"Collective Security Treaty Organization" = ["CSTO"]

[[doc]]
id = "a.txt"
Country = ["Armenia", "Russia", "Kazakhstan", "Azerbaijan", "Belarus"]
Organization = ["Collective Security Treaty Organization"]
Person = ["Nikol Pashinyan"]
memberOf = [["Armenia", "CSTO"], ["Russia", "CSTO"], ["Belarus", "CSTO"]]
officialOf = [["Nikol Pashinyan", "Armenia", "Prime Minister"]]
never = [["memberOf", "Kazakhstan", "CSTO"]]

[[doc.said]]
speaker = "Nikol Pashinyan"
quotes = ["The CSTO must keep its promises"]
'''


def test_the_figures_of_a_hand_written_graph(tmp_path):
    gold_file = tmp_path / "gold.toml"
    gold_file.write_text(GOLD, encoding="utf-8")
    report = score(load(MINI), Gold(gold_file))
    entities = report.counts["entities"]
    assert (entities.tp, entities.fn) == (6, 1)  # Belarus is not mentioned by a.txt
    member = report.counts["memberOf"]
    assert (member.tp, member.fp, member.fn) == (2, 1, 1)  # Kazakhstan is spurious, Belarus missed
    assert report.never == ["a.txt: memberOf(Kazakhstan, CSTO)"]
    assert report.counts["officialOf"].f1 == 1.0 and report.titles == 1.0
    assert report.counts["speakers"].f1 == 1.0 and report.quotes == 1.0
    assert report.missing_documents == []
    assert report.summary().startswith("summary: entities_f1=0.923 ")


def test_kg_eval_prints_the_report_and_its_summary(tmp_path, capsys):
    gold_file = tmp_path / "gold.toml"
    gold_file.write_text(GOLD, encoding="utf-8")
    assert main(["eval", str(MINI), str(gold_file)]) == 0
    out = capsys.readouterr().out
    assert "missed memberOf (1):" in out and "a.txt: Belarus -> CSTO" in out
    assert out.strip().splitlines()[-1].startswith("summary: ")


def test_kg_eval_says_in_one_line_what_it_cannot_read(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "none.trig"), str(tmp_path / "gold.toml")]) == 3
    assert capsys.readouterr().err.strip().count("\n") == 0
