"""kg.nlp on wire copy about other alliances and bodies (the thirty-first probe batch's classes),
with invented names the knowledge base does not know where the class allows."""
from conftest import facts, said


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


def test_the_association_and_the_initiative_point_back_to_the_body_named_before(read):
    r = read("The Zembla Rim Association met in Colombo. The 23-member association includes Australia, "
             "India and Iran.")
    assert facts(r, "memberOf") == {("Australia", "Zembla Rim Association"), ("India", "Zembla Rim Association"),
                                    ("Iran", "Zembla Rim Association")}


def test_members_of_a_second_body_described_before_the_list_are_members_of_both(read):
    r = read("The Four Rivers Initiative met. The initiative brings together 13 European Union member "
             "states, among them Poland and Croatia.")
    assert facts(r, "memberOf") == {("Poland", "Four Rivers Initiative"), ("Croatia", "Four Rivers Initiative"),
                                    ("Poland", "European Union"), ("Croatia", "European Union")}


def test_a_deputy_or_state_secretary_of_a_portfolio(read):
    r = read("US Deputy Secretary of Energy Ivo Marek said Washington would back the fund.")
    assert titled(r) == {("Ivo Marek", "United States", "Deputy Secretary of Energy")}
    r = read("Norway's state secretary, Ivo Marek, represented Oslo.")
    assert titled(r) == {("Ivo Marek", "Norway", "State Secretary")}


def test_a_lower_case_seat_after_an_owned_title_before_the_holder(read):
    r = read("Norway's state secretary at the foreign ministry, Ivo Marek, represented Oslo.")
    assert titled(r) == {("Ivo Marek", "Norway", "State Secretary")}


def test_did_not_join_denies_a_membership(read):
    r = read("Colombia did not join ALBA.")
    assert facts(r, "memberOf", negated=True) == {("Colombia", "Bolivarian Alliance for the Peoples of Our America")}
    assert facts(r, "memberOf") == set()


def test_a_given_name_that_is_a_month_short_form_after_a_name_word(read):
    r = read("Chinese Defense Minister Dong Wei Jun said the drills would go ahead.")
    assert titled(r) == {("Dong Wei Jun", "China", "Defense Minister")}
    r = read("Ivo Marek said on Jun 14 that the drills would go ahead.")
    assert {e.label for e in r.entities} == {"Ivo Marek"}


def test_chaired_by_a_country_s_minister_gives_the_body_a_chair(read):
    want = {("Ivo Marek", "Paraguay", "Foreign Minister"), ("Ivo Marek", "Zembla Assembly", "Chairman")}
    r = read("The Zembla Assembly, chaired by Paraguayan Foreign Minister Ivo Marek, adopted a resolution.")
    assert titled(r) == want
    r = read("The Zembla Assembly, chaired by Foreign Minister Ivo Marek of Paraguay, adopted a resolution.")
    assert titled(r) == want


def test_an_owned_office_after_as_is_held_by_the_person_before_it(read):
    r = read("Zembla Forum leaders met in Honiara, with Tongan Prime Minister Ivo Marek as the forum's chair.")
    assert titled(r) == {("Ivo Marek", "Tonga", "Prime Minister"), ("Ivo Marek", "Zembla Forum", "Chairman")}
    r = read("The Zembla Forum met. Tonga's Prime Minister Ivo Marek, as the forum's chair, said the leaders agreed.")
    assert titled(r) == {("Ivo Marek", "Tonga", "Prime Minister"), ("Ivo Marek", "Zembla Forum", "Chairman")}


def test_an_organization_with_its_acronym_in_brackets_admits_a_member(read):
    r = read("The Zembla Trade Union (ZTU) has admitted Belarus as its tenth full member.")
    assert facts(r, "memberOf") == {("Belarus", "Zembla Trade Union")}


def test_a_relative_clause_after_an_acronym_in_brackets_keeps_the_organization_speaking(read):
    r = read("The Zembla Trade Union (ZTU), which groups Belarus and Armenia, said Russia must stop.")
    assert said(r) == [("Zembla Trade Union", "Russia must stop", False)]


def test_a_parliamentary_speaker_is_a_speaker(read):
    r = read("The session opened with Ukraine's parliamentary speaker Ivo Marek as a guest.")
    assert titled(r) == {("Ivo Marek", "Ukraine", "Speaker")}


def test_an_unknown_hearer_after_told_the_is_no_part_of_the_statement(read):
    r = read("Forum Secretary-General Ivo Marek told the ZBC the policing plan did not replace existing deals.")
    assert said(r) == [("Ivo Marek", "the policing plan did not replace existing deals", False)]
    r = read("Ivo Marek told the Zembla Times the plan would go ahead.")
    assert said(r) == [("Ivo Marek", "the plan would go ahead", False)]


def test_a_country_before_and_is_no_part_of_the_next_name(read):
    r = read("The forum brings together 18 members, including Fiji, Papua New Guinea and Solomon Islands.")
    assert {e.label for e in r.entities if e.type in ("Country", "Place")} == {
        "Fiji", "Papua New Guinea", "Solomon Islands"}


def test_a_name_after_a_country_s_possessive_whose_surname_speaks_later(read):
    r = read("Hungary's Ivo Marek and Slovakia's Petr Hola rejected sending weapons. "
             "\"We are not going to send a single bullet,\" Hola told journalists.")
    assert ("Petr Hola", "We are not going to send a single bullet,", True) in said(r)
    # no surname speaking alone later: no person
    r = read("Slovakia's Petr Hola rejected sending weapons.")
    assert {e.label for e in r.entities if e.type == "Person"} == set()


def test_an_office_held_in_someone_s_capacity(read):
    r = read("The talks were chaired by Tongan Prime Minister Ivo Marek in his capacity as Asean chairman.")
    assert titled(r) == {("Ivo Marek", "Tonga", "Prime Minister"),
                         ("Ivo Marek", "Association of Southeast Asian Nations", "Chairman")}
    r = read("Tongan Prime Minister Ivo Marek spoke in his capacity as chairman of the Zembla Forum.")
    assert ("Ivo Marek", "Zembla Forum", "Chairman") in titled(r)


def test_a_counterpart_in_a_sentence_a_participle_opens_takes_the_subject_s_title(read):
    r = read("Turkish Foreign Minister Hakan Tarvel spoke on Tuesday. Speaking at a press conference with "
             "his Qatari counterpart, Sheikh Ivo Marek, Tarvel said the talks would resume.")
    assert titled(r) == {("Hakan Tarvel", "Turkey", "Foreign Minister"), ("Ivo Marek", "Qatar", "Foreign Minister")}


def test_their_counterpart_after_a_plural_title_takes_its_title(read):
    r = read("Foreign ministers of the Zembla Council met their Iranian counterpart Ivo Marek in Doha.")
    assert titled(r) == {("Ivo Marek", "Iran", "Foreign Minister")}


def test_joining_as_an_observer_or_associate_makes_no_member(read):
    r = read("Ecuador joined the Pacific Alliance as an observer in 2024.")
    assert facts(r, "memberOf") == set()
    assert facts(r, "memberOf", negated=True) == {("Ecuador", "Pacific Alliance")}
    r = read("Ecuador joined the Pacific Alliance as an associate state.")
    assert facts(r, "memberOf") == set()
    r = read("Ecuador joined the Pacific Alliance as a full member in 2024.")
    assert facts(r, "memberOf") == {("Ecuador", "Pacific Alliance")}
