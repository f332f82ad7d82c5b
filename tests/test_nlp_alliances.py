"""kg.nlp on wire copy about other alliances and bodies (the thirty-first probe batch's classes),
with invented names the knowledge base does not know where the class allows."""
from conftest import facts


def titled(record):
    names = {e.key: e.label for e in record.entities}
    return {(names[f.subject], names[f.object], f.title) for f in record.facts if f.predicate == "officialOf"}


def test_all_but_leaves_the_listed_countries_out_and_takes_the_rest_of_the_list(read):
    r = read("Denmark, Estonia, Finland and Iceland met. All four are members of NATO, and all but "
             "Iceland belong to the European Union.")
    assert facts(r, "memberOf") >= {("Denmark", "European Union"), ("Estonia", "European Union"),
                                    ("Finland", "European Union")}
    assert ("Iceland", "European Union") not in facts(r, "memberOf")
    assert facts(r, "memberOf", negated=True) == {("Iceland", "European Union")}
    r = read("Denmark and Estonia met. All except Iceland belong to the European Union.")
    assert facts(r, "memberOf") == set()  # Iceland was in no list: the members are unknown
    assert facts(r, "memberOf", negated=True) == {("Iceland", "European Union")}
