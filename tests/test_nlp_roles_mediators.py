"""kg.nlp.roles and kg.nlp.offices on mediators, negotiators, directors and the posts of envoys
(the twenty-third probe batch's classes), with invented names."""
from conftest import said


def titled(record):
    names = {e.key: e.label for e in record.entities}
    return {(names[f.subject], names[f.object], f.title) for f in record.facts if f.predicate == "officialOf"}


def test_a_director_after_a_comma_is_a_person_who_heads_the_body(read):
    r = read("Officials hosted Marko Dorvic, director of Serbia's Office for Drina Affairs.")
    assert ("Marko Dorvic", "Office for Drina Affairs", "Director") in titled(r)


def test_a_mediator_in_apposition_to_a_second_office(read):
    r = read("Togo's President Kodjo Amevi, the African Union's mediator for the conflict, spoke.")
    assert titled(r) == {("Kodjo Amevi", "Togo", "President"), ("Kodjo Amevi", "African Union", "Mediator")}


def test_a_chief_negotiator_is_the_whole_title_not_a_chief(read):
    r = read("The delegation was headed by Karim Osseiran, Hamas's chief negotiator.")
    assert titled(r) == {("Karim Osseiran", "Hamas", "Chief Negotiator")}


def test_a_post_ending_in_lower_case_words_after_an_article_still_names_its_holder(read):
    r = read("Talks resumed, the European Union's special representative for the Drina-Lim dialogue, "
             "Tomas Vrenko, said.")
    assert titled(r) == {("Tomas Vrenko", "European Union", "Special Representative")}
    r = read("Talks resumed, the UN special envoy for the peace talks, Irma Halloran, said.")
    assert titled(r) == {("Irma Halloran", "United Nations", "Special Envoy")}


def test_a_second_article_after_a_post_ends_it(read):
    # ("met the rebels": more than one noun phrase; "met rebels," would still be read as the post)
    r = read("The UN envoy to the region met the rebels, Marko Tulic said.")
    assert titled(r) == set()


def test_a_delegation_led_by_a_minister_with_a_capitalised_domain(read):
    r = read("The Chilean delegation was led by Strategic Affairs Minister Aurelio Tasca.")
    assert titled(r) == {("Aurelio Tasca", "Chile", "Strategic Affairs Minister")}
    r = read("Chile was represented by Mines Minister Aurelio Tasca.")
    assert titled(r) == {("Aurelio Tasca", "Chile", "Mines Minister")}


def test_a_national_commission_chaired_by_a_bare_title(read):
    # "The Armenian commission is chaired by Deputy Prime Minister X"
    r = read("The Chilean commission is chaired by Deputy Prime Minister Aurelio Tasca.")
    assert titled(r) == {("Aurelio Tasca", "Chile", "Deputy Prime Minister")}
    # no country before the noun: no country's office
    r = read("The joint commission is chaired by Deputy Prime Minister Aurelio Tasca.")
    assert titled(r) == set()


def test_a_trailing_frame_with_a_possessive_pronoun_before_the_title(read):
    r = read("The Zembla Union was not part of the exchange, its regional spokesperson Ewan Torvald said.")
    assert said(r) == [("Ewan Torvald", "The Zembla Union was not part of the exchange", False)]
    assert titled(r) == {("Ewan Torvald", "Zembla Union", "Regional Spokesperson")}
    r = read("The plan was dropped, his spokesman Ewan Torvald told reporters.")
    assert said(r) == [("Ewan Torvald", "The plan was dropped", False)]


def test_an_armed_group_speaks_through_its_rebels_a_country_does_not(read):
    r = read("The Hamas fighters who hold the crossing said they were not bound by the text.")
    assert [s[0] for s in said(r)] == ["Hamas"]
    r = read("The Syrian rebels said they were not bound by the text.")
    assert said(r) == []
    r = read("The Hamas fighters who hold Rafah said they were not bound by the text.")
    assert [s[0] for s in said(r)] == ["Hamas"]


def test_a_second_office_after_and_in_an_apposition_is_the_name_befores(read):
    r = read("Ruben Tovmasyan, head of the Armenian delegation to PACE and Vice President of the National "
             "Assembly, told them.")
    assert ("Ruben Tovmasyan", "National Assembly", "Vice President") in titled(r)
    # no office opens the apposition: "a lawyer and Vice President" names no holder
    r = read("Mira Tolk, a lawyer and Vice President of the National Assembly, told them.")
    assert titled(r) == set()


def test_a_bare_head_title_is_of_the_one_country_the_article_names(read):
    r = read("Peru was granted candidate status. President Ivo Marnak, who was elected in May, did not comment.")
    assert titled(r) == {("Ivo Marnak", "Peru", "President")}
    # a second country, even by a demonym, leaves the office unqualified
    r = read("Peru met Russian officials. President Ivo Marnak did not comment.")
    assert titled(r) == set()
    r = read("Peru and Chile met. Prime Minister Ivo Marnak did not comment.")
    assert titled(r) == set()


def organizations(record):
    return {e.label for e in record.entities if e.type == "Organization"}


def test_an_organization_name_runs_on_over_a_series_of_portfolios(read):
    r = read("The Zembla-Korvia Intergovernmental Commission on Economic, Trade and Humanitarian Cooperation met.")
    assert "Zembla-Korvia Intergovernmental Commission on Economic, Trade and Humanitarian Cooperation" in organizations(r)
    # countries after the comma are no portfolio: the name ends before them
    r = read("The Commission on Trade, Armenia and Georgia met.")
    assert "Commission on Trade" in organizations(r)


def test_a_series_in_a_name_ends_at_its_last_portfolio_noun_before_the_holder(read):
    # "Deputy Chairman of the State Commission on Prisoners of War, Hostages and Missing Persons X"
    r = read("The meeting was attended by Deputy Chairman of the Zembla Commission on Prisoners of War, Hostages "
             "and Missing Persons Ana Lind.")
    assert "Zembla Commission on Prisoners of War, Hostages and Missing Persons" in organizations(r)
    assert titled(r) == {("Ana Lind", "Zembla Commission on Prisoners of War, Hostages and Missing Persons",
                          "Deputy Chairman")}


def test_a_series_that_ends_in_no_portfolio_noun_ends_the_name_at_the_comma(read):
    r = read("The Zembla Commission on Prisoners of War, Hostages and Missing Friends met.")
    assert "Zembla Commission on Prisoners of War" in organizations(r)


def test_a_speaker_before_a_long_apposition_of_two_offices(read):
    r = read("Hikmet Aliyarov, Assistant to the President of the Republic of Azerbaijan and Head of the Foreign "
             "Policy Affairs Department of the Presidential Administration, said earlier that the road was open.")
    assert said(r) == [("Hikmet Aliyarov", "the road was open", False)]


def test_a_plural_title_its_qualifier_names_then_the_holders_in_apposition(read):
    r = read("The co-rapporteurs of the Parliamentary Assembly of the Council of Europe (PACE), Kimmo Varjonen "
             "and Borisas Ceplis, arrived in Yerevan.")
    assert titled(r) == {("Kimmo Varjonen", "Parliamentary Assembly of the Council of Europe", "Co-Rapporteur"),
                         ("Borisas Ceplis", "Parliamentary Assembly of the Council of Europe", "Co-Rapporteur")}
    # with no qualifier, "The rapporteurs, X and Y," names no one's office
    r = read("The rapporteurs, Kimmo Varjonen and Borisas Ceplis, arrived in Yerevan.")
    assert titled(r) == set()


def test_a_minister_coordinated_after_a_holder_of_a_country_is_of_that_country(read):
    r = read("They met the Foreign Minister of Peru Ana Lindqvist and Defence Minister Bo Dahlberg.")
    assert titled(r) == {("Ana Lindqvist", "Peru", "Foreign Minister"), ("Bo Dahlberg", "Peru", "Defense Minister")}
    # a head's title is not: two heads are often of two countries
    r = read("Peruvian President Ana Lindqvist and Prime Minister Bo Dahlberg met.")
    assert titled(r) == {("Ana Lindqvist", "Peru", "President")}


def test_a_plural_title_then_a_remit_then_the_holders(read):
    r = read("The co-rapporteurs of PACE for the monitoring of Armenia, Kimmo Varjonen and Borisas Ceplis, arrived.")
    assert titled(r) == {("Kimmo Varjonen", "Parliamentary Assembly of the Council of Europe", "Co-Rapporteur"),
                         ("Borisas Ceplis", "Parliamentary Assembly of the Council of Europe", "Co-Rapporteur")}
    # a remit that reaches no actor ends nothing: no holders
    r = read("The co-rapporteurs of PACE for the monitoring of the vote, Kimmo Varjonen and Borisas Ceplis, arrived.")
    assert titled(r) == set()


def test_a_singular_office_past_a_remit_of_lower_case_words(read):
    r = read("Talks resumed, the UN's coordinator for the monitoring of Gaza, Ivo Marnak, said.")
    assert titled(r) == {("Ivo Marnak", "United Nations", "Coordinator")}


def test_an_office_of_a_body_the_government_of_a_country_owns(read):
    r = read("Officials hosted Marko Dorvic, director of the Serbian government's Office for Drina Affairs.")
    assert titled(r) == {("Marko Dorvic", "Office for Drina Affairs", "Director")}
