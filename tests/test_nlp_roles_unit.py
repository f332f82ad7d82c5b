"""kg.nlp.roles.find_roles as a pure function, on hand-built Docs."""
from test_nlp_handbuilt import LEX, hand_doc, key

from kg.nlp.roles import find_roles

ACTORS = {"Veldoria": "Country", "Ilsa Marrow": "Person"}
TITLES = {"foreign minister": "Foreign Minister"}


def read(body):
    doc = hand_doc(body, ACTORS, TITLES)
    return find_roles(doc, doc._.kg_mentions, doc._.kg_titles, LEX)


def officials(reading):
    return {(f.subject, f.object, f.title, f.rule, f.confidence) for f in reading.facts}


def test_qualifier_title_name():
    reading = read("Veldoria's foreign minister Ilsa Marrow arrived.")
    assert officials(reading) == {(key("Person", "Ilsa Marrow"), key("Country", "Veldoria"), "Foreign Minister",
                                   "title-qualifier", LEX.confidence.official)}
    assert reading.descriptions == []


def test_appositive():
    reading = read("Ilsa Marrow, Veldoria's foreign minister, arrived.")
    assert [f.rule for f in reading.facts] == ["appositive"]


def test_a_title_without_a_name_describes_the_one_holder():
    reading = read("Veldoria's foreign minister Ilsa Marrow arrived. Later the Veldoria foreign minister left.")
    [d] = reading.descriptions
    assert (d.key, d.rule, d.role, d.sentence) == (key("Person", "Ilsa Marrow"), "coref-title", "description", 2)


def test_a_bare_title_needs_the():
    reading = read("Veldoria's foreign minister Ilsa Marrow arrived. Foreign minister talks ended.")
    assert reading.descriptions == []


# Offices read by the patterns of issue 9, on invented names.

WORLD = {"Veldoria": "Country", "Quessa": "Country", "Tarnic": "Country", "Ombric": "Country",
         "UNO": "Organization", "Harbor Council": "Organization", "Lantern Group": "Organization",
         "Ilsa Marrow": "Person", "Oren Vale": "Person", "Pim Lund": "Person"}
OFFICES = {"president": "President", "foreign minister": "Foreign Minister",
           "prime minister": "Prime Minister", "chairman": "Chairman", "secretary": "Secretary",
           "Minister": "Minister", "Ambassador": "Ambassador", "Secretary General": "Secretary General",
           "counterpart": "Counterpart", "co-chairs": "Co-Chair", "spokeswoman": "Spokesperson"}

PLURAL = {"foreign ministers": "Foreign Minister"}


def offices(body, titles=OFFICES):
    doc = hand_doc(body, WORLD, titles)
    reading = find_roles(doc, doc._.kg_mentions, doc._.kg_titles, LEX)
    name = {key(t, n): n for n, t in WORLD.items()}
    return {(name[f.subject], name[f.object], f.title, f.rule) for f in reading.facts}


def test_a_name_in_commas_after_the_title_holds_it():
    assert offices("They met Veldoria's president, Ilsa Marrow, in the capital.") == {
        ("Ilsa Marrow", "Veldoria", "President", "apposition")}
    assert offices("He spoke to Veldoria's president, Ilsa Marrow.") == {
        ("Ilsa Marrow", "Veldoria", "President", "apposition")}


def test_a_name_after_a_fronted_title_is_the_subject_not_the_holder():
    assert offices("After meeting Veldoria's president, Ilsa Marrow said nothing.") == set()


def test_a_list_of_titles_and_names_attaches_each_name_to_its_own_title():
    expected = {("Ilsa Marrow", "Veldoria", "President", "apposition"),
                ("Oren Vale", "Quessa", "President", "apposition")}
    assert offices("He met Veldoria's president, Ilsa Marrow, Quessa's president, Oren Vale, and others.") == expected
    assert offices("Ilsa Marrow, Veldoria's president, Oren Vale, Quessa's president, met.") == {
        ("Ilsa Marrow", "Veldoria", "President", "appositive"), ("Oren Vale", "Quessa", "President", "appositive")}


def test_an_apposition_with_the_qualifier_after_the_title():
    assert offices("He met Ilsa Marrow, secretary of the Harbor Council, on Monday.") == {
        ("Ilsa Marrow", "Harbor Council", "Secretary", "appositive")}


def test_a_plural_title_is_no_apposition_of_one_name():
    assert offices("After talks with Veldoria's foreign minister Ilsa Marrow, the co-chairs of the Lantern Group "
                   "are working.") == {("Ilsa Marrow", "Veldoria", "Foreign Minister", "title-qualifier")}


def test_coordinated_qualifiers_pair_with_the_names_in_order():
    assert offices("Talks between Tarnic and Ombric foreign ministers Ilsa Marrow and Oren Vale ended.", PLURAL) == {
        ("Ilsa Marrow", "Tarnic", "Foreign Minister", "title-qualifier"),
        ("Oren Vale", "Ombric", "Foreign Minister", "title-qualifier")}


def test_coordinated_qualifiers_and_a_list_of_another_length_give_nothing():
    assert offices("Tarnic and Ombric foreign ministers Ilsa Marrow, Oren Vale and Pim Lund met.", PLURAL) == set()


def test_a_portfolio_after_the_title_is_part_of_it():
    assert offices("Minister for Northern and Coastal Affairs of Veldoria Ilsa Marrow spoke.") == {
        ("Ilsa Marrow", "Veldoria", "Minister for Northern and Coastal Affairs", "title-of")}
    assert offices("Oren Vale, Minister of Foreign and Coastal Affairs of Quessa, spoke.") == {
        ("Oren Vale", "Quessa", "Minister of Foreign and Coastal Affairs", "appositive")}


def test_a_portfolio_stops_at_the_name():
    assert offices("Veldoria's Minister of Culture Ilsa Marrow spoke.") == {
        ("Ilsa Marrow", "Veldoria", "Minister of Culture", "title-qualifier")}


def test_a_domain_between_qualifier_and_title():
    assert offices("The deal was signed by Tarnic Infrastructure Minister Ilsa Marrow.") == {
        ("Ilsa Marrow", "Tarnic", "Infrastructure Minister", "title-qualifier")}
    assert offices("The deal was signed by Infrastructure Minister Ilsa Marrow.") == set()


def test_a_for_qualifier_after_the_title():
    assert offices("A spokeswoman for Veldoria Ilsa Marrow urged calm.") == {
        ("Ilsa Marrow", "Veldoria", "Spokesperson", "title-of")}


def test_an_ambassador_is_an_official_of_the_country_not_of_the_post():
    assert offices("Veldoria's UNO Ambassador Ilsa Marrow spoke.") == {
        ("Ilsa Marrow", "Veldoria", "Ambassador", "title-qualifier")}
    assert offices("Veldoria Ambassador to the UNO Ilsa Marrow spoke.") == {
        ("Ilsa Marrow", "Veldoria", "Ambassador", "title-qualifier")}


def test_an_office_of_an_organization_after_a_country_is_the_organization_s():
    assert offices("Veldoria's UNO Secretary General Ilsa Marrow spoke.") == {
        ("Ilsa Marrow", "UNO", "Secretary General", "title-qualifier")}


def test_two_coordinated_offices_of_one_person():
    assert offices("Veldoria's prime minister and chairman of the Harbor Council Ilsa Marrow said it.") == {
        ("Ilsa Marrow", "Veldoria", "Prime Minister", "coordinated"),
        ("Ilsa Marrow", "Harbor Council", "Chairman", "title-of")}


def test_two_coordinated_offices_of_two_countries_are_two_persons():
    assert offices("Veldoria's prime minister and Quessa's president Oren Vale met.") == {
        ("Oren Vale", "Quessa", "President", "title-qualifier")}


def test_a_counterpart_takes_the_title_of_the_person_before():
    assert offices("Veldoria's president Ilsa Marrow thanked her Ombric counterpart Oren Vale.") == {
        ("Ilsa Marrow", "Veldoria", "President", "title-qualifier"),
        ("Oren Vale", "Ombric", "President", "counterpart")}


def test_a_counterpart_of_a_person_without_a_title_is_no_office():
    assert offices("Ilsa Marrow thanked her Ombric counterpart Oren Vale.") == set()


def test_a_holder_of_a_country_after_the_name():
    assert offices("President Ilsa Marrow of Veldoria met Oren Vale.", {"President": "President"}) == {
        ("Ilsa Marrow", "Veldoria", "President", "title-name-of")}


def test_holders_of_countries_after_their_names_pair_in_order():
    assert offices("Foreign ministers Ilsa Marrow of Veldoria and Oren Vale of Quessa met.",
                   {"Foreign ministers": "Foreign Minister"}) == {
        ("Ilsa Marrow", "Veldoria", "Foreign Minister", "title-name-of"),
        ("Oren Vale", "Quessa", "Foreign Minister", "title-name-of")}


def test_a_holder_of_a_country_needs_it_right_after_the_name():
    assert offices("President Ilsa Marrow arrived in Veldoria.", {"President": "President"}) == set()


def test_co_chairs_listed_in_brackets_after_their_group():
    assert offices("The co-chairs of the Lantern Group (Ilsa Marrow of Veldoria, Oren Vale of Quessa, and "
                   "Pim Lund) met.") == {("Ilsa Marrow", "Lantern Group", "Co-Chair", "title-of"),
                                         ("Oren Vale", "Lantern Group", "Co-Chair", "title-of"),
                                         ("Pim Lund", "Lantern Group", "Co-Chair", "title-of")}


def test_co_chairs_with_a_list_that_does_not_close_give_nothing():
    assert offices("The co-chairs of the Lantern Group (Ilsa Marrow of Veldoria, Oren Vale and the hosts) met.") == set()


PM = {"Prime Minister": "Prime Minister", "prime minister": "Prime Minister"}


def test_the_one_person_named_with_a_bare_title_holds_the_office_the_article_describes():
    assert offices("Prime Minister Ilsa Marrow said it. Quessa asked Veldoria's prime minister to explain.", PM) == {
        ("Ilsa Marrow", "Veldoria", "Prime Minister", "coref-title")}


def test_a_bare_title_and_descriptions_of_two_countries_give_nothing():
    assert offices("Prime Minister Ilsa Marrow said it. Veldoria's prime minister and Quessa's prime minister "
                   "disagreed.", PM) == set()


def test_a_bare_title_and_a_described_office_someone_else_holds_give_nothing():
    assert offices("Prime Minister Ilsa Marrow said it. Quessa's prime minister Oren Vale spoke to Quessa's "
                   "prime minister.", PM) == {("Oren Vale", "Quessa", "Prime Minister", "title-qualifier")}


def test_an_organization_s_head_word_before_a_title_means_the_last_one_named_with_it():
    assert offices("The Harbor Council met on Monday. Council Chairman Ilsa Marrow said it.",
                   {"Chairman": "Chairman"}) == {("Ilsa Marrow", "Harbor Council", "Chairman", "title-qualifier")}


def test_a_head_word_no_organization_was_named_with_is_no_qualifier():
    assert offices("The Lantern Group met on Monday. Council Chairman Ilsa Marrow said it.",
                   {"Chairman": "Chairman"}) == set()
    assert offices("The Harbor Council met on Monday. Peace Council Chairman Ilsa Marrow said it.",
                   {"Chairman": "Chairman"}) == set()


def test_a_counterpart_from_a_country_in_apposition():
    assert offices("Veldoria's president Ilsa Marrow met her counterpart from Quessa, Oren Vale.") == {
        ("Ilsa Marrow", "Veldoria", "President", "title-qualifier"),
        ("Oren Vale", "Quessa", "President", "counterpart")}


def test_an_organization_s_name_that_runs_into_the_title_qualifies_it():
    assert offices("Harbor Council Secretary Ilsa Marrow said it.", {"Council Secretary": "Security Council Secretary"}) == {
        ("Ilsa Marrow", "Harbor Council", "Security Council Secretary", "title-qualifier")}
    assert offices("Veldoria's Council Secretary Ilsa Marrow said it.",
                   {"Council Secretary": "Security Council Secretary"}) == {
        ("Ilsa Marrow", "Veldoria", "Security Council Secretary", "title-qualifier")}


def test_a_title_in_the_possessive_is_not_the_apposition_s_office():
    assert offices("Oren Vale, the Veldoria president's chief of staff, said it.") == set()
    assert offices("Veldoria's president's spokeswoman Oren Vale said it.") == set()


def test_a_former_office_is_no_office():
    assert offices("Former Veldoria president Ilsa Marrow and Oren Vale, Quessa's former president, met.") == set()
    assert offices("Veldoria's ex-president Ilsa Marrow met Quessa's then-president Oren Vale.") == set()
    assert offices("The former president of Veldoria Ilsa Marrow met Quessa's president Oren Vale.") == {
        ("Oren Vale", "Quessa", "President", "title-qualifier")}


def test_the_one_person_of_an_article_holds_the_one_office_it_describes_nearby():
    assert offices("Veldoria's spokeswoman commented on it. “We are concerned,” Ilsa Marrow said.") == {
        ("Ilsa Marrow", "Veldoria", "Spokesperson", "coref-title")}


def test_an_article_with_two_persons_or_a_far_name_does_not_describe_them():
    assert offices("Veldoria's spokeswoman commented on it. Ilsa Marrow and Oren Vale met.") == set()
    assert offices("Veldoria's spokeswoman commented on it. It rained. It snowed. Then it rained. "
                   "Ilsa Marrow left.") == set()
    assert offices("Veldoria's spokeswoman commented on it. Quessa's president Ilsa Marrow left.") == {
        ("Ilsa Marrow", "Quessa", "President", "title-qualifier")}
    assert offices("After meeting Veldoria's spokeswoman, Ilsa Marrow said nothing.") == set()
    assert offices("Officials met Veldoria's spokeswoman on Monday. Ilsa Marrow left.") == set()


def test_the_leader_of_a_country_s_delegation_holds_an_office_of_that_country():
    assert offices("The delegation of Veldoria was led by the prime minister Ilsa Marrow.") == {
        ("Ilsa Marrow", "Veldoria", "Prime Minister", "delegation")}
    assert offices("Quessa's delegation, headed by foreign minister Oren Vale, arrived.") == {
        ("Oren Vale", "Quessa", "Foreign Minister", "delegation")}


def test_a_title_not_right_after_led_by_is_not_the_delegation_s():
    assert offices("The delegation of Veldoria was led by Pim Lund and met prime minister Ilsa Marrow.") == set()


def test_a_first_name_left_out_of_the_mention_is_not_part_of_the_portfolio():
    doc = hand_doc("The Lantern Group delegation was led by Oren Vale, accompanied by Commissioner for Trade "
                   "Ilsa Marrow.", {"Lantern Group": "Organization", "Oren Vale": "Person", "Marrow": "Person"},
                   {"Commissioner": "Commissioner"})
    doc._.kg_entities[key("Person", "Marrow")].label = "Ilsa Marrow"  # the name rule marked the surname only
    reading = find_roles(doc, doc._.kg_mentions, doc._.kg_titles, LEX)
    assert {(f.subject, f.object, f.title, f.rule) for f in reading.facts} == {
        (key("Person", "Marrow"), key("Organization", "Lantern Group"), "Commissioner for Trade", "delegation")}


CAPITAL_ACTORS = {"Norburg": "Place", "Veldoria": "Country", "Ilsa Marrow": "Person"}
CAPITALS = {key("Place", "Norburg"): key("Country", "Veldoria")}


def capital_lead(body):
    doc = hand_doc(body, CAPITAL_ACTORS, {"Foreign Minister": "Foreign Minister"})
    return {(f.subject, f.object, f.rule) for f in find_roles(doc, doc._.kg_mentions, doc._.kg_titles, LEX,
                                                                 CAPITALS).facts}


def test_a_bare_title_after_an_opening_capital_is_of_its_country():
    assert capital_lead("Veldoria was angry. In Norburg, Foreign Minister Ilsa Marrow said it was over.") == {
        (key("Person", "Ilsa Marrow"), key("Country", "Veldoria"), "capital-lead")}


def test_a_capital_inside_the_sentence_or_a_country_never_named_gives_no_office():
    assert capital_lead("Veldoria was angry. Talks were held in Norburg, Foreign Minister Ilsa Marrow said.") == set()
    assert capital_lead("In Norburg, Foreign Minister Ilsa Marrow said it was over.") == set()
