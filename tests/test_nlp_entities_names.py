"""kg.nlp.names: person names of every shape (hyphens, initials, particles, appositions),
and the title words that are never names.  Names here are not in the knowledge base."""


def persons(record):
    return {e.label for e in record.entities if e.type == "Person"}


def test_hyphenated_surname_after_a_title_and_before_a_speech_verb(read):
    r = read("Ruritanian Ambassador Maren Olsby-Kettering spoke first. Later Tomas Ardley-Vance said the vote failed.")
    assert {"Maren Olsby-Kettering", "Tomas Ardley-Vance"} <= persons(r)


def test_middle_initial_is_part_of_the_name(read):
    r = read("Deputy Secretary of State Harold J. Penwick arrived. Corin T. Maddox said nothing.")
    assert {"Harold J. Penwick", "Corin T. Maddox"} <= persons(r)
    assert "Harold" not in persons(r)


def test_arabic_particle_with_a_hyphen(read):
    r = read("The energy minister Rashed al-Qassimi wrote on Twitter that output would fall.")
    assert "Rashed al-Qassimi" in persons(r)


def test_title_after_a_preposition_and_its_actor(read):
    r = read("US Ambassador to the UN Dora Fenwick-Hale said after the vote that it was over.")
    assert "Dora Fenwick-Hale" in persons(r)


def test_title_of_a_domain_names_no_one(read):
    r = read("The talks were led by Anja Pirelli, Minister of Foreign and European Affairs of Belgium.")
    assert persons(r) == {"Anja Pirelli"}


def test_title_words_are_never_a_name(read):
    r = read("The statement by the President of the Republic of Azerbaijan, Prime Minister of the Republic "
             "of Armenia, and President of the Russian Federation was welcomed.")
    assert persons(r) == set()


def test_capitalised_title_then_comma_then_name(read):
    r = read("The OSCE's Secretary General, Halvard Tostrup, said the move was historic.")
    assert "Halvard Tostrup" in persons(r)


def test_title_then_comma_without_a_closed_apposition_is_no_name(read):
    r = read("He met the Secretary General, then Parliament.")
    assert persons(r) == set()


def test_name_before_a_title_with_its_preposition(read):
    r = read("He met Arvid Kolbenson, special representative of Azerbaijan's president, in Tehran.")
    assert "Arvid Kolbenson" in persons(r)


def test_plural_title_before_a_speech_verb_is_no_name(read):
    r = read("The Co-Chairs said that violence must stop.")
    assert persons(r) == set()
