"""kg.nlp.quotes: direct quotes (frames after, before, around) and reported speech."""
from conftest import said


def speakers(record):
    return [who for who, _, _ in said(record)]


def test_quote_then_speaker_and_verb(read):
    r = read('"We will not give up," Pashinyan said.')
    assert said(r) == [("Nikol Pashinyan", "We will not give up,", True)]


def test_names_in_a_participle_clause_after_a_quote_are_no_speakers(read):
    # '"…", naming China and the Gulf states': objects of the clause; "states" is no verb here
    r = read('Prime Minister Vakho Telmadze said Georgia would seek ties with "countries that respect '
             'our choice", naming China and the Gulf states.')
    speakers = {who for who, _, _ in said(r)}
    assert "China" not in speakers
    assert "Vakho Telmadze" in speakers
    # past the clause's comma a frame may still follow
    r = read('"We will not give in," following talks in Paris, Vakho Telmadze told reporters.')
    assert any(who == "Vakho Telmadze" and direct for who, _, direct in said(r))


def test_inverted_verb_speaker_and_apposition_before_a_quote(read):
    # 'If it is not, said X, chairman of Y, a think tank, "…"'
    r = read('If it is not, said Vakho Telmadze, chairman of the Velmar Policy Center, a think tank close '
             'to the government, "the text will remain a text".')
    assert ("Vakho Telmadze", "the text will remain a text", True) in said(r)
    # another speech verb between them has its own frame
    r = read('If it is not, said Vakho Telmadze, the minister told reporters, "the text will remain a text".')
    assert ("Vakho Telmadze", "the text will remain a text", True) not in said(r)


def test_quote_then_inverted_verb_and_speaker(read):
    r = read("“Talks are the only way forward,” said Lavrov.")
    assert said(r) == [("Sergey Lavrov", "Talks are the only way forward,", True)]


def test_speaker_verb_colon_quote(read):
    r = read('Dmitry Peskov said: "The issue is closed for us now."')
    assert said(r) == [("Dmitry Peskov", "The issue is closed for us now.", True)]


def test_speaker_verb_and_channel_before_a_colon(read):
    r = read('Lavrov said in a statement on Telegram: "The talks must resume without conditions."')
    assert said(r) == [("Sergey Lavrov", "The talks must resume without conditions.", True)]


def test_quote_spanning_sentences_is_one_statement(read):
    r = read("“This is a tragedy. We are very worried,” Putin told reporters.")
    assert said(r) == [("Vladimir Putin", "This is a tragedy. We are very worried,", True)]


def test_quote_of_several_paragraphs_is_framed_in_its_last_one(read):
    r = read('"We have waited for years and we will wait no longer.\n\n"The border must open now," Pashinyan said.')
    assert set(said(r)) == {("Nikol Pashinyan", "The border must open now,", True),
                            ("Nikol Pashinyan", "We have waited for years and we will wait no longer.", True)}


def test_he_added_after_a_quote_of_a_named_person(read):
    r = read('"The first part is done," Aliyev said on Sunday. "The rest will follow soon enough," he added.')
    assert speakers(r) == ["Ilham Aliyev", "Ilham Aliyev"]


def test_pronoun_prefers_the_subject_over_the_last_name(read):
    r = read("Putin praised the deal he signed with Aliyev and Armenia's Prime Minister Nikol Pashinyan. "
             '"It stopped the bloodshed in the region," he said.')
    assert speakers(r)[-1] == "Vladimir Putin"


def test_the_statement_reads_continues_the_last_speaker(read):
    r = read("The Council of Regional Mayors voiced concern, the organization said on Tuesday. "
             '"The situation is grave and getting worse," the statement reads.')
    assert set(speakers(r)) == {"Council of Regional Mayors"}


def test_organization_with_metonym_noun_speaks_for_its_actor(read):
    r = read('"The enemy renewed its attacks at dawn," the Karabakh army said.')
    assert speakers(r) == ["Nagorno-Karabakh"]


def test_quoted_him_as_saying(read):
    r = read('"We have no military plans for that territory," Aliyev\'s office quoted him as saying.')
    assert speakers(r) == ["Ilham Aliyev"]


def test_reported_speech_with_that(read):
    r = read("Armenian Prime Minister Nikol Pashinyan said on Tuesday that the allies had let Armenia down.")
    assert said(r) == [("Nikol Pashinyan", "the allies had let Armenia down", False)]


def test_reported_speech_after_a_long_setting_phrase(read):
    r = read("Ruritanian Foreign Ministry spokesperson Omar Tarek said at a regular press briefing on Monday "
             "that the allies had let the region down.")
    assert said(r) == [("Omar Tarek", "the allies had let the region down", False)]


def test_reported_speech_trailing_speaker(read):
    r = read("The talks will resume next week in Vienna, Russia's Foreign Ministry said Wednesday.")
    assert said(r) == [("Ministry of Foreign Affairs of Russia", "The talks will resume next week in Vienna", False)]


def test_reported_speech_trailing_speaker_with_title(read):
    r = read("The country will not send troops abroad, President Kassym-Jomart Tokayev said on Thursday.")
    assert said(r) == [("Kassym-Jomart Tokayev", "The country will not send troops abroad", False)]


def test_speaker_before_a_parenthetical_clause(read):
    r = read("Iran, which borders both countries, said it opposed any change of borders.")
    assert said(r) == [("Iran", "it opposed any change of borders", False)]
    r = read("The mission's head, German diplomat Markus Ritter, said the monitors saw shelling.")
    assert said(r) == [("Markus Ritter", "the monitors saw shelling", False)]
    r = read("Ararat Mirzoyan, Armenia's foreign minister, said the talks would go on.")
    assert said(r) == [("Ararat Mirzoyan", "the talks would go on", False)]


def test_a_name_inside_a_relative_clause_is_not_the_speaker(read):
    r = read("Kyrgyz Foreign Minister Omar Tarek, who signed the documents with his Kazakh counterpart, "
             "Ali Hamid, said the agreement closed the last open question.")
    assert speakers(r) == ["Omar Tarek"]
    r = read("Iran's new envoy, who met the Armenian leader, Ali Hamid, said the border would stay open.")
    assert "Ali Hamid" not in speakers(r)


def test_a_name_ending_a_long_relative_clause_is_not_the_speaker(read):
    r = read("Kyrgyz Deputy Prime Minister Omar Tarek, who co-chairs the Kyrgyz-Kazakh intergovernmental "
             "commission on trade with Kazakhstan's Deputy Prime Minister Ali Hamid, told reporters that trade between the two countries grew.")
    assert speakers(r) == ["Omar Tarek"]
    r = read("Kyrgyz Deputy Prime Minister Omar Tarek met Kazakhstan's Deputy Prime Minister Ali Hamid, "
             "who told reporters that trade between the two countries grew.")
    assert speakers(r) == ["Ali Hamid"]


def test_a_list_inside_the_parenthetical_clause_is_not_the_speaker(read):
    r = read("Iran, which borders Armenia, Azerbaijan and Turkey, said it opposed any change of borders.")
    assert said(r) == [("Iran", "it opposed any change of borders", False)]
    r = read("The Northern Rivers Development Council met in May. The council, whose members are Chile, "
             "Peru and Bolivia, said in a report that the river had fallen to its lowest level.")
    assert speakers(r) == ["Northern Rivers Development Council"]


def test_apposition_with_a_place_inside_is_not_the_speaker(read):
    r = read('Thomas de Waal, a senior fellow at Carnegie Europe, said: "Yerevan is signalling its frustration."')
    assert said(r) == [("Thomas de Waal", "Yerevan is signalling its frustration.", True)]


def test_a_trailing_speaker_after_a_title_in_commas(read):
    # the statement ends before the title, not at the name's comma
    r = read("Peru joined the Lakes Council in March, the council's secretary-general, Aro Pell, said.")
    assert said(r) == [("Aro Pell", "Peru joined the Lakes Council in March", False)]


def test_trailing_speaker_before_a_participle_clause(read):
    r = read("Armenia has frozen its participation in the bloc, Prime Minister Nikol Pashinyan said on Friday, "
             "accusing the alliance of failing to protect it.")
    assert said(r) == [("Nikol Pashinyan", "Armenia has frozen its participation in the bloc", False)]


def test_according_to(read):
    r = read("According to Lavrov, the ceasefire is holding along the whole line.")
    assert said(r) == [("Sergey Lavrov", "the ceasefire is holding along the whole line", False)]


def test_an_age_in_commas_before_an_apposition(read):
    r = read("Tomas Pirel, 54, a former banker, said the ceasefire was holding.")
    assert said(r) == [("Tomas Pirel", "the ceasefire was holding", False)]


def test_according_to_an_unknown_name_and_past_its_description(read):
    r = read("According to Tomas Pirel, the ceasefire is holding along the whole line.")
    assert said(r) == [("Tomas Pirel", "the ceasefire is holding along the whole line", False)]
    r = read("According to Tomas Pirel, an expert at the Velmar Institute, the ceasefire is holding.")
    assert said(r) == [("Tomas Pirel", "the ceasefire is holding", False)]
    # "the …" after the comma is the claim itself
    r = read("According to Tomas Pirel, the ministers also discussed the ceasefire.")
    assert said(r) == [("Tomas Pirel", "the ministers also discussed the ceasefire", False)]


def test_according_to_the_subject_s_own_source_is_the_subject_s_statement(read):
    r = read("Chilean President Tomas Pirel rejected the resolution, according to a statement from his mission.")
    assert said(r) == [("Tomas Pirel", "Chilean President Tomas Pirel rejected the resolution", False)]
    r = read("Chilean President Tomas Pirel rejected the new resolution, according to his office.")
    assert [s[0] for s in said(r)] == ["Tomas Pirel"]


def test_according_to_someone_else_s_source_is_not_the_subject_s(read):
    assert said(read("Chilean President Tomas Pirel rejected the resolution, according to a statement from the "
                     "mission.")) == []
    assert said(read("Chilean President Tomas Pirel rejected the resolution, according to his Moscow office.")) == []


def test_an_act_done_in_a_statement_is_the_subject_s_statement(read):
    r = read("The Marovian Council condemned the attack on the border in a joint statement on Monday.")
    assert said(r) == [("Marovian Council", "The Marovian Council condemned the attack on the border", False)]


def test_in_a_statement_by_someone_else_or_after_a_verb_of_saying_is_not_a_second_statement(read):
    assert said(read("Chilean President Tomas Pirel was criticised in a statement by the council.")) == []
    r = read("The Marovian Council said in a statement that the attack on the border was wrong.")
    assert said(r) == [("Marovian Council", "the attack on the border was wrong", False)]


def test_called_on_reports_speech_but_called_alone_does_not(read):
    r = read("The Marovian Council on Monday called on Chile and Peru to return to negotiations over the border.")
    assert said(r) == [("Marovian Council", "Chile and Peru to return to negotiations over the border", False)]
    assert said(read("The Marovian Council called it a mistake to leave the talks so early.")) == []
    assert said(read("The Marovian Council called for new talks on the border dispute.")) == []


def test_an_organization_s_own_voice_after_its_name_is_the_organization(read):
    r = read("Cuba is not a member of the bloc, according to the Marovian Council secretariat.")
    assert said(r) == [("Marovian Council", "Cuba is not a member of the bloc", False)]
    r = read("Chile's embassy said the talks would resume in May.")
    assert said(r) == [("Chile", "the talks would resume in May", False)]


def test_a_voice_after_a_demonym_is_no_speaker(read):
    assert said(read("A Chilean embassy said the talks would resume in May.")) == []


def test_coordinated_said_belongs_to_the_subject(read):
    r = read("Cavusoglu praised Ankara's support for Azerbaijan and said the war must end soon.")
    assert said(r)[0][0] == "Mevlut Cavusoglu"


def test_participle_saying_belongs_to_the_subject(read):
    r = read("Putin praised the agreement he signed with Pashinyan, saying that it ended the war.")
    assert said(r) == [("Vladimir Putin", "it ended the war", False)]


def test_short_quoted_fragment_is_part_of_reported_speech_only(read):
    r = read('Aliyev said the request was an "admission of defeat" by the other side.')
    assert said(r) == [("Ilham Aliyev", 'the request was an "admission of defeat" by the other side', False)]


def test_statement_mentions_the_actors_it_names(read):
    r = read('"Turkey and Russia must talk to each other," Lavrov said.')
    names = {e.key: e.label for e in r.entities}
    assert {names[k] for k in r.statements[0].mentions} == {"Turkey", "Russia"}


def test_no_statement_without_a_speaker(read):
    r = read("Fighting continued overnight, the warring sides said. \"Nobody knows who fired first,\" it was a mess.")
    assert said(r) == []


def test_headlines_give_no_statements(read):
    r = read("Nothing else.", title="Putin Says Karabakh Belongs To Azerbaijan")
    assert said(r) == []


def test_a_dependency_parse_finds_a_subject_far_from_its_verb(nlp):
    """With a trained pipeline's parse (here: given by hand), the subject is the speaker."""
    from spacy.tokens import Doc

    from kg.nlp.pipeline import doc_to_record

    words = ["Headline", "\n\n", "Putin", ",", "speaking", "at", "the", "end", "of", "a", "long", "meeting",
             "with", "the", "members", "of", "the", "government", "and", "many", "other", "officials",
             "of", "the", "regions", "on", "Thursday", "evening", ",", "said", "the", "talks", "had",
             "gone", "well", "."]
    spaces = [False, False] + [w not in (",", ".") and nxt not in (",", ".") for w, nxt in
                               zip(words[2:], words[3:] + [""])]
    heads = list(range(len(words)))
    deps = ["dep"] * len(words)
    said = words.index("said")
    heads[2], deps[2] = said, "nsubj"
    heads[said], deps[said] = said, "ROOT"
    for i in range(3, said):
        heads[i] = 2
    for i in range(said + 1, len(words)):
        heads[i] = said
    heads[0] = heads[1] = 0
    deps[0], deps[1] = "ROOT", "dep"

    def statements(doc):
        for _, component in nlp.pipeline:
            doc = component(doc)
        record = doc_to_record(doc, "parsed.txt")
        names = {e.key: e.label for e in record.entities}
        return [(names[st.speaker], st.text) for st in record.statements]

    assert statements(Doc(nlp.vocab, words=words, spaces=spaces)) == []  # too far for the rules alone
    parsed = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert statements(parsed) == [("Vladimir Putin", "the talks had gone well")]


# ---- issue 9: frames after the verb, channels, subjects in prepositional phrases

def test_speaker_named_after_the_verb_with_a_title(read):
    r = read("The border will reopen next week for all trucks, said Georgian President Ilsa Marrow.")
    assert said(r) == [("Ilsa Marrow", "The border will reopen next week for all trucks", False)]


def test_countries_after_of_are_not_the_speakers(read):
    assert said(read("The border will reopen next week for all trucks, said leaders of Armenia and Georgia.")) == []
    assert said(read("Leaders of Armenia, Georgia and France announced that the talks would resume in May.")) == []
    assert said(read("The Minister of Foreign Affairs of Georgia emphasized that the document was fully agreed.")) == []


def test_the_hearer_of_told_is_not_the_speaker(read):
    assert said(read('"The talks were useless and we will not go back there," an official told AFP.')) == []
    r = read('"The talks were useless and we will not go back there," Foreign Minister Ilsa Marrow told AFP.')
    assert speakers(r) == ["Ilsa Marrow"]


def test_an_agency_quotes_the_speaker(read):
    r = read('"Our troops will stay in the region until the spring," BelTA quotes spokesman Ilsa Marrow.')
    assert speakers(r) == ["Ilsa Marrow"]


def test_quoted_as_saying_gives_the_subject(read):
    r = read("The army has started to withdraw from the border, the Georgian Defense Ministry was quoted "
             "by local media as saying on Tuesday.")
    assert said(r) == [("Ministry of Defense of Georgia", "The army has started to withdraw from the border", False)]


def test_a_participle_clause_belongs_to_the_trailing_speaker(read):
    r = read("Armenia should withdraw all its troops from the border, Georgian Defense Minister Ilsa Marrow said, "
             "reiterating support for the mission.")
    assert set(speakers(r)) == {"Ilsa Marrow"}


def test_added_with_an_object_is_not_speech(read):
    assert said(read("The Georgian side added adjustments to the proposal and sent it back.")) == []
    r = read("The Georgian side added that the proposal was final and could not change.")
    assert said(r) == [("Georgia", "the proposal was final and could not change", False)]


def test_a_person_in_apposition_after_an_office_of_a_country(read):
    r = read("The president of Georgia, Ilsa Marrow, announced that elections would be held in May.")
    assert said(r) == [("Ilsa Marrow", "elections would be held in May", False)]


def test_quote_framed_by_a_name_an_apposition_and_the_verb(read):
    r = read('"We will not accept any new conditions from either side," Ilsa Marrow, the Foreign Minister '
             'of Georgia and a former envoy to the region, said.')
    assert speakers(r) == ["Ilsa Marrow"]


def test_read_the_statement_means_who_issued_it(read):
    r = read('The Northern Council of Mayors issued a statement on Monday.\n\n'
             '"The Mayors note with alarm the continued violence in the region," read the statement.')
    assert speakers(r) == ["Northern Council of Mayors"]
    assert said(read('"The Mayors note with alarm the continued violence in the region," read the statement.')) == []


def test_a_declaration_issued_by_a_person(read):
    r = read('"The parties commit to a full ceasefire by the end of the year," said a joint declaration issued '
             'by Foreign Minister Ilsa Marrow and Foreign Minister Odo Brandt.')
    assert speakers(r) == ["Ilsa Marrow"]


def test_the_council_means_the_council_named_not_another(read):
    r = read("President of the European Council Charles Michel welcomed the plan. The Council of Northern Mayors "
             "on Monday decided to send monitors, the Council said in a statement. "
             "The Council said the decision aims at restoring peace in the area.")
    assert set(speakers(r)) == {"Council of Northern Mayors"}


def test_the_agency_reporting_a_statement_is_a_channel(read):
    r = read("Foreign Minister Ilsa Marrow told reporters that the talks would resume soon, Reuters reported.")
    assert speakers(r) == ["Ilsa Marrow"]


def test_citing_a_spokesman(read):
    r = read("Citing spokesman Ilsa Marrow, the agency reported that the talks would resume in May.")
    assert speakers(r)[0] == "Ilsa Marrow"


def test_citing_a_source_before_a_reporters_frame_gives_the_source_the_clause(read):
    # "Citing X, RIA reported that the plane was hit": X said the clause, not "RIA reported …"
    r = read("Citing spokesman Ilsa Marrow, the Velor agency reported that the talks would resume in May.")
    assert ("Ilsa Marrow", "the talks would resume in May", False) in said(r)
    r = read("Quoting spokesman Ilsa Marrow, the Velor agency said the talks would resume in May.")
    assert ("Ilsa Marrow", "the talks would resume in May", False) in said(r)
    # "According to X," keeps the frame: X's claim is that someone said it
    r = read("According to spokesman Ilsa Marrow, Tarsk Odelly said that the talks would resume in May.")
    assert ("Ilsa Marrow", "Tarsk Odelly said that the talks would resume in May", False) in said(r)


def test_a_quote_then_a_participle_is_the_subjects(read):
    r = read('Ukraine\'s President Ilsa Marrow on Twitter hailed the decision "a unique and historic moment in '
             'our relations," adding that the future was bright.')
    assert set(speakers(r)) == {"Ilsa Marrow"}


# ---- issue 9: single quotes, mixed marks, quotes inside a sentence

def test_a_single_quoted_quotation_inside_a_sentence_is_its_subjects(read):
    r = read("Foreign Minister Ilsa Marrow extended her congratulations to both sides ‘on their historic "
             "agreements towards peace and normalisation’.")
    assert said(r) == [("Ilsa Marrow", "on their historic agreements towards peace and normalisation", True)]


def test_an_organization_praising_with_a_quote(read):
    r = read("The Georgian Foreign Ministry praised the decision as an ‘important step towards the practical "
             "implementation of agreements’.")
    assert speakers(r) == ["Ministry of Foreign Affairs of Georgia"]


def test_a_quote_inside_reported_speech_is_the_reported_speakers(read):
    r = read("Foreign Minister Ilsa Marrow said the move was a 'historic development that underlines what "
             "diplomacy can achieve'.")
    assert ("Ilsa Marrow", "historic development that underlines what diplomacy can achieve", True) in said(r)


def test_scare_quotes_and_apostrophes_are_not_quotations(read):
    assert said(read("Russia vetoed a resolution that deplored the aggression “in the strongest terms” and left.")) == []
    r = read("Georgia’s prime minister said the plan was the ‘best way’ and the country’s future was in Europe.")
    assert all(not direct for _, _, direct in said(r))


def test_a_quote_described_by_an_agent(read):
    r = read("The two leaders signed a joint declaration described by the U.S. administration as a “path to "
             "peace, stability and prosperity for all.”")
    assert speakers(r) == ["United States"]


def test_she_after_a_quote_of_several_sentences(read):
    r = read('Foreign Minister Ilsa Marrow spoke to the press on Monday.\n\n"We do not do anything that would '
             'harm both countries. Our task has been confirmed. These approaches are unchanged. I hope that my '
             'words have soothed the media, "- she said.')
    assert speakers(r) == ["Ilsa Marrow"]


def test_a_straight_quote_closed_by_a_curly_mark(read):
    r = read('"I can not add anything to what was told in great detail by the minister,’ Foreign Minister '
             'Ilsa Marrow said at a briefing.')
    assert said(r) == [("Ilsa Marrow", "I can not add anything to what was told in great detail by the minister,",
                        True)]


# ---- issue 9: announced statements, coordinated speakers

def test_the_following_statement_is_the_next_sentence(read):
    r = read("The Northern Council of Mayors made the following statement:\n"
             "The Council views with concern the recent incidents along the border.")
    assert said(r) == [("Northern Council of Mayors",
                        "The Council views with concern the recent incidents along the border", False)]
    assert said(read("The talks covered the following points:\nThe border must be opened to all trucks soon.")) == []


def test_coordinated_speakers_each_said_it(read):
    r = read("Georgia and the Council of Northern Mayors said that the talks would resume in May.")
    assert set(speakers(r)) == {"Georgia", "Council of Northern Mayors"}
    assert said(read("Talks between Georgia and Armenia said nothing new about the border at all.")) == []


# ---- issue 9: pronouns

def test_a_story_opening_with_she_said_means_the_person_named_next(read):
    r = read('"We are concerned about the blockade of the corridor and its consequences," she said.\n\n'
             "Foreign Ministry spokeswoman Ilsa Marrow said that the corridor must reopen.")
    assert speakers(r) == ["Ilsa Marrow", "Ilsa Marrow"]


def test_he_does_not_jump_over_an_organizations_statement(read):
    r = read("Foreign Minister Ilsa Marrow met the press on Monday. The Council of Northern Mayors said the "
             "decision was final and could not be changed. "
             '"It demonstrates that agreement remains possible after all," he added.')
    assert "Ilsa Marrow" not in speakers(r)


# ---- issue 9: more verbs of saying

def test_termed_appealed_and_informed_report_speech(read):
    r = read("Foreign Minister Ilsa Marrow termed the talks a first step toward a lasting peace.")
    assert speakers(r) == ["Ilsa Marrow"]
    r = read("The Council of Northern Mayors has appealed to both countries to open the corridor soon.")
    assert speakers(r) == ["Council of Northern Mayors"]
    r = read("The final round of talks will be held on Thursday in Tbilisi, informed the Georgian Foreign Ministry.")
    assert said(r) == [("Ministry of Foreign Affairs of Georgia",
                        "The final round of talks will be held on Thursday in Tbilisi", False)]
    assert said(read("Well-informed sources in Georgia expect the talks to resume soon after the holidays.")) == []


def test_the_hearer_of_told_is_no_part_of_the_statement(read):
    r = read("The border would reopen next week, Armenia's Prime Minister Ilsa Marrow told Reuters on Monday.")
    assert said(r) == [("Ilsa Marrow", "The border would reopen next week", False)]
    r = read("Armenia's Prime Minister Ilsa Marrow told reporters the border would reopen next week for all trucks.")
    assert said(r) == [("Ilsa Marrow", "the border would reopen next week for all trucks", False)]


def test_a_country_qualifying_its_leader_never_takes_the_quote(read):
    r = read('"We will come back next month with a new plan," Armenian Prime Minister Ilsa Marrow said.')
    assert speakers(r) == ["Ilsa Marrow"]
    r = read("Armenia's Prime Minister Ilsa Marrow said that the border would reopen next week.")
    assert speakers(r) == ["Ilsa Marrow"]


def test_quotes_as_saying_before_a_colon(read):
    r = read('BelTA quotes CSTO spokesman Ilsa Marrow as saying: "The forces will stay until the situation is stable."')
    assert speakers(r) == ["Ilsa Marrow"]
    r = read("Reuters quoted Russian Deputy Foreign Minister Ilsa Marrow as saying that the talks would resume in May.")
    assert said(r) == [("Ilsa Marrow", "the talks would resume in May", False)]


def test_a_quoted_title_and_apostrophes_are_no_statements(read):
    assert said(read("Russia vetoed the resolution titled “Aggression against Ukraine and its consequences for "
                     "the world” on Friday.")) == []
    assert said(read("Georgia hosted the ‘90s veterans and the farmers’ union leaders for talks on the new land "
                     "and water code.")) == []


def test_an_actor_coordinated_with_an_unnamed_official(read):
    r = read("More than 100,000 refugees have arrived in Georgia from the region, Tbilisi and the head of the "
             "UN refugee agency UNHCR have said.")
    assert said(r) == [("Georgia", "More than 100,000 refugees have arrived in Georgia from the region", False)]
    assert said(read("Foreign Minister Ilsa Marrow met Georgia and the head of the UN refugee agency said the "
                     "talks were useful.")) == []
    assert said(read("More than 100,000 refugees have arrived in Georgia from the region, Tbilisi and the "
                     "refugees have said.")) == []


def test_the_press_service_of_a_ministry_speaks_for_it(read):
    r = read("The press service of the Georgian Defense Ministry reported that two soldiers were wounded overnight.")
    assert speakers(r) == ["Ministry of Defense of Georgia"]
    assert said(read("The Minister of Foreign Affairs of Georgia emphasized that the document was agreed.")) == []


def test_the_organization_means_the_subject_of_its_sentence(read):
    r = read("The Secretariat of the Northern Security Pact (NSP) has expressed concern about the border, "
             "the organization said via its website Tuesday.")
    assert speakers(r) == ["Secretariat of the Northern Security Pact"]


def test_adding_after_a_quote_is_a_statement_of_its_own(read):
    r = read("There are many issues in the region, Foreign Minister Ilsa Marrow said, but they “must be dealt with "
             "in a calm atmosphere during the talks,” adding that the agreement provides a firm foundation.")
    assert ("Ilsa Marrow", "the agreement provides a firm foundation", False) in said(r)
    r = read('"We spoke about humanitarian questions and the prisoners," Foreign Minister Ilsa Marrow said, '
             "adding the operation is going as per the plan.")
    assert ("Ilsa Marrow", "the operation is going as per the plan", False) in said(r)


def test_a_trailing_channel_is_cut_from_the_statement(read):
    r = read("Foreign Minister Ilsa Marrow told reporters that the talks would resume soon, Reuters reported.")
    assert said(r) == [("Ilsa Marrow", "the talks would resume soon", False)]
    r = read("Foreign Minister Ilsa Marrow said that the talks would resume soon, and the talks reported progress.")
    assert said(r) == [("Ilsa Marrow", "the talks would resume soon, and the talks reported progress", False)]


def test_a_trailing_speaker_with_a_long_title(read):
    r = read("The civilian mission has already arrived in Tbilisi, the EU’s Representative for Foreign Affairs and "
             "Security Policy Josep Borrell announced in Luxembourg on Monday.")
    assert said(r) == [("Josep Borrell", "The civilian mission has already arrived in Tbilisi", False)]


def test_a_statement_starts_at_its_first_word(read):
    r = read("MOSCOW, Jan. 6 (Xinhua) -- The council has decided to deploy forces to the region, Council Chairman "
             "Ilsa Marrow said Thursday.")
    assert said(r) == [("Ilsa Marrow", "The council has decided to deploy forces to the region", False)]


def test_the_agent_of_another_verb_is_not_the_quotes_speaker(read):
    assert said(read("The document, signed by Germany and France, calls for “a complete and lasting end to all "
                     "hostilities in the region.”")) == []


def test_a_body_of_a_country_speaks_for_it_but_its_minister_does_not(read):
    # the ministry is named as a body now ("the Foreign Ministry of Japan", as "Japan's Foreign
    # Ministry"): the body speaks, as in the dev gold ("Ministry of Foreign Affairs of Turkey")
    r = read("In a statement, the Foreign Ministry of Japan said it strongly protests the missile launch.")
    assert speakers(r) == ["Ministry of Foreign Affairs of Japan"]
    r = read("The Embassy of Japan said it strongly protests the missile launch.")
    assert speakers(r) == ["Japan"]
    assert said(read("The Minister of Foreign Affairs of Japan emphasized that the document was agreed.")) == []


def test_speakers_listed_after_an_inverted_verb(read):
    r = read("The talks ended without a deal, said Germany, France and Britain in a joint statement.")
    assert set(speakers(r)) == {"Germany", "France", "United Kingdom"}
    r = read("The talks ended without a deal, said Georgian President Ilsa Marrow and Foreign Minister Odo Brandt.")
    assert set(speakers(r)) == {"Ilsa Marrow", "Odo Brandt"}
    r = read("The talks ended without a deal, said Germany's Foreign Minister Ilsa Marrow, who met France on Monday.")
    assert speakers(r) == ["Ilsa Marrow"]


def test_an_apposition_after_an_inverted_speaker_lists_no_speaker(read):
    # "said X, the head of Y": Y is what X heads, not a second speaker
    r = read("The talks ended without a deal, said Ilsa Marrow, the head of the European Commission.")
    assert speakers(r) == ["Ilsa Marrow"]
    r = read("The talks ended without a deal, said Odo Brandt, the Speaker of the Knesset.")
    assert speakers(r) == ["Odo Brandt"]


def test_a_parse_never_takes_a_speaker_the_rules_find(nlp):
    """A parse's subject inside a prepositional phrase ("the head of the agency UNHCR") is
    not the speaker: the rules' coordinated reading stands, as without a trained pipeline."""
    from spacy.tokens import Doc

    from kg.nlp.pipeline import doc_to_record

    words = ["Headline", "\n\n", "More", "than", "100,000", "refugees", "have", "arrived", "in", "Armenia",
             ",", "Yerevan", "and", "the", "head", "of", "the", "UN", "refugee", "agency", "UNHCR", "have",
             "said", "."]
    spaces = [False, False] + [w not in (",", ".") and nxt not in (",", ".") for w, nxt in
                               zip(words[2:], words[3:] + [""])]
    said = words.index("said")
    heads = [said] * len(words)
    deps = ["dep"] * len(words)
    heads[0] = heads[1] = 0
    deps[0] = "ROOT"
    deps[said] = "ROOT"
    deps[words.index("UNHCR")] = "nsubj"

    def speakers(doc):
        for _, component in nlp.pipeline:
            doc = component(doc)
        record = doc_to_record(doc, "parsed.txt")
        names = {e.key: e.label for e in record.entities}
        return [names[st.speaker] for st in record.statements]

    plain = speakers(Doc(nlp.vocab, words=words, spaces=spaces))
    assert plain == ["Armenia"]
    assert speakers(Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)) == plain


def test_a_speaker_named_with_its_acronym_in_brackets(read):
    r = read("The Northern Rivers Development Council (NRDC) said on Sunday that the dam would open in May.")
    assert said(r) == [("Northern Rivers Development Council", "the dam would open in May", False)]
    # a bracket that is no acronym of the actor before it: no speaker from it
    r = read("The vote in Velmar (the capital) said little about the mood.")
    assert r.statements == []


def test_admitted_a_member_is_no_speech(read):
    r = read("The Northern Rivers Development Council (NRDC), founded by Chile and Peru, admitted Bolivia in 2010.")
    assert r.statements == []
    r = read("Vladimir Putin admitted that the talks had failed.")
    assert said(r) == [("Vladimir Putin", "the talks had failed", False)]


def test_a_speaker_past_a_title_in_apposition_and_a_relative_clause(read):
    r = read("Talia Vornskaya, Hungary's prime minister, whose country holds the presidency, said that "
             "the summit would go ahead.")
    assert said(r) == [("Talia Vornskaya", "the summit would go ahead", False)]
    # a place before the comma is no speaker
    r = read("Talks in Velmar, the old capital, which hosted the summit, said little.")
    assert r.statements == []


def test_an_embedded_quote_is_not_said_by_the_subject_of_the_reported_clause(read):
    r = read('Leaders of the Northern Lakes Council met in Kigali. The visiting minister said the council '
             'should resist "attempts to drag it into a long confrontation with its neighbours".')
    assert "Northern Lakes Council" not in speakers(r)


def test_an_embedded_quote_after_the_subject_is_still_the_subject_s(read):
    r = read('Leaders of the Northern Lakes Council met in Kigali. The council praised the decision as '
             'an "important step towards a lasting peace in the region".')
    assert "Northern Lakes Council" in speakers(r)


def test_inverted_verb_before_an_office_with_a_listed_portfolio_and_its_holder(read):
    r = read('"We are ready," said the Northern Lakes Council\'s commissioner for political affairs, peace '
             'and security, Ramon Altavilla.')
    assert speakers(r) == ["Ramon Altavilla"]


def test_an_organization_cited_after_a_speakers_own_verb_only_reports_it(read):
    r = read("Peru's foreign minister, Ramon Altavilla, said the bloc backed a ceasefire, according to the "
             "Northern Lakes News Agency.")
    assert speakers(r) == ["Ramon Altavilla"]


def test_an_organization_cited_for_a_clause_without_speech_is_its_speaker(read):
    r = read("The army seized the airport in the night, according to the Northern Lakes News Agency.")
    assert speakers(r) == ["Northern Lakes News Agency"]


def test_the_organization_a_possessive_owns_is_the_subject_speaker(read):
    r = read("The Northern Lakes Union's Peace Council on Wednesday declined to lift the suspension of Peru, "
             "saying its rulers had not set a date for elections.")
    assert speakers(r) == ["Peace Council"]


def test_a_subject_in_apposition_before_said_is_the_speaker_not_the_country_after(read):
    r = read("The Northern Lakes Council met in Lima. Its executive secretary, Ramon Altavilla, said Peru, a "
             "founding member, backed the plan.")
    assert said(r) == [("Ramon Altavilla", "Peru, a founding member, backed the plan", False)]


def test_a_clause_before_said_keeps_the_inverted_speaker(read):
    r = read("Peru backed the plan on Monday, said Peru's foreign minister, Ramon Altavilla.")
    assert speakers(r) == ["Ramon Altavilla"]


def test_a_bare_title_no_one_was_named_with_speaks_as_a_pronoun_would(read):
    r = read("Foreign Ministry Spokeswoman Marta Olsunda said on Thursday that Lima was concerned. "
             "\"We are watching closely what is happening in the region,\" the diplomat said.")
    assert ("Marta Olsunda", "We are watching closely what is happening in the region,", True) in said(r)
    # with no person before it, no one
    r = read("The talks ended in Lima on Monday. \"We are watching closely what is happening in the region,\" "
             "the diplomat said.")
    assert said(r) == []


def test_a_trailing_press_service_of_an_organization_reports_for_it(read):
    r = read("The talks ended. The positions were shelled overnight, the press service of the Ministry of "
             "Defense of Azerbaijan reported.")
    assert said(r) == [("Ministry of Defense of Azerbaijan", "The positions were shelled overnight", False)]


def test_a_quote_framed_after_a_long_chain_of_titles_is_its_holder_s(read):
    r = read("The talks ended. \"We are ready to sign the treaty at any moment,\" Head of the Policy Affairs "
             "Department of the Presidential Administration of Peru Tarek Olsundo told journalists.")
    assert ("Tarek Olsundo", "We are ready to sign the treaty at any moment,", True) in said(r)


def test_the_antecedent_of_a_relative_speech_clause_speaks(read):
    r = read("Talks were held with Foreign Minister Maren Ostvik, who said the talks would go on next month.")
    assert speakers(r) == ["Maren Ostvik"]
    r = read("The decision was taken by Chile's Norland Security Council, which said the suspension would last.")
    assert speakers(r) == ["Norland Security Council"]


def test_a_relative_clause_of_another_act_or_of_a_genitive_is_no_speech(read):
    assert speakers(read("Peru and Chile, which observed earlier rounds, were not present at the talks.")) == []
    assert speakers(read("Ministers of Peru and Chile, who said the talks would go on, left early.")) == []


def test_its_government_speaks_for_the_actor_the_sentence_opens_with(read):
    r = read("Chile will leave the Norland Pact, its government said on Thursday.")
    assert speakers(r) == ["Chile"]
    # "Its foreign ministry" after a sentence a country opens is that country's ministry, as
    # "Peru's foreign ministry" is: the ministry speaks
    r = read("Peru is not a member of the bloc. Its foreign ministry said it was following the talks.")
    assert speakers(r) == ["Ministry of Foreign Affairs of Peru"]
    assert speakers(read("Ministers met in Lima on Monday. Its government said nothing new today.")) == []


def test_a_place_after_a_preposition_is_no_source_of_according_to(read):
    assert speakers(read("Copper prices rose slightly after the vote, according to traders in London.")) == []


def test_a_generational_suffix_stays_with_the_speaker(read):
    r = read("President Tomas Ardvik Jr., whose country chairs the bloc, said the talks would go on.")
    assert speakers(r) == ["Tomas Ardvik"]


def test_a_quote_inside_reported_speech_is_the_reporters(read):
    r = read('The U.S. Special Envoy for Ruritania, Tomas Ardvik, said Washington wanted a ceasefire "that holds '
             'on the ground, not only on paper."')
    assert {who for who, text, direct in said(r) if direct} == {"Tomas Ardvik"}


def test_an_apposition_then_an_auxiliary_before_the_speech_verb(read):
    r = read("Chile, the bloc's most vocal critic, has said it cannot accept the text in its current form.")
    assert speakers(r) == ["Chile"]


def test_a_quote_closed_by_a_full_stop_is_not_the_next_sentences_speaker(read):
    r = read('Omar Tarek said his country would "bring the view of a nation recovering from war." '
             "Ruritanian Prime Minister Ali Hamid wrote on X that the result was a vote of confidence.")
    assert ("Ali Hamid", "bring the view of a nation recovering from war.", True) not in said(r)
    assert "Ali Hamid" in speakers(r)
    r = read('"We will bring the view of a nation recovering from war," Ruritanian Prime Minister Ali Hamid said.')
    assert speakers(r) == ["Ali Hamid"]


def test_the_co_chairs_speak_for_the_body_they_co_chair(read):
    r = read('The Norland Contact Group, co-chaired by Peru and Chile, met in Lima. "There is no military '
             'solution to this conflict," the co-chairs said in a joint statement.')
    assert speakers(r) == ["Norland Contact Group"]
    r = read('The Norland Contact Group met in Lima. "There is no military solution to this conflict," '
             'the co-chairs said in a joint statement.')
    assert speakers(r) == []


def test_an_unnamed_source_with_an_indefinite_title_is_no_ones_voice(read):
    r = read("Argentina's president, Ramon Altavilla, skipped the dinner but sent Foreign Minister "
             "Ilse Varnhoff, an official said. Chile's president, Corvin Maleth, stayed, a diplomat said.")
    assert said(r) == []


def test_a_quote_embedded_after_a_senior_office_with_a_remit_is_its_holders(read):
    r = read('The African Union\'s senior envoy for Sudan, Ilse Varnhoff, welcomed the truce but '
             'warned that "a ceasefire on paper does not feed anyone."')
    # the quote and, since "but" joins "warned" to its subject, the reported clause: both hers
    assert {s for s, _, _ in said(r)} == {"Ilse Varnhoff"}


def test_an_accusation_is_speech_of_its_subject(read):
    r = read('Spokesman Tomas Ardvik accused the alliance of "stirring up confrontation" in the region.')
    assert [s for s, _, _ in said(r)] == ["Tomas Ardvik"]


def test_an_accused_person_does_not_speak(read):
    assert said(read("Tomas Ardvik was accused of corruption by the court.")) == []
    assert said(read("The court accused Tomas Ardvik of corruption.")) == []


def test_concluded_with_an_object_is_no_speech(read):
    assert said(read("The Norland Council concluded its summit in the capital on Friday.")) == []
    assert [s for s, _, _ in said(read("Tomas Ardvik concluded that the talks had failed."))] == ["Tomas Ardvik"]


def test_the_officer_of_a_staff_office_in_apposition_is_not_the_speaker(read):
    r = read("Tomas Ardvik, a senior adviser to President Ana Velarde, said it was over.")
    assert speakers(r) == ["Tomas Ardvik"]
    r = read("The president of Peru, Ana Velarde, said it was over.")
    assert speakers(r) == ["Ana Velarde"]
    # the officer's country before the title: "the foreign policy adviser to Azerbaijani President Y"
    r = read("Tomas Ardvik, the foreign policy adviser to Peruvian President Ana Velarde, said it was over.")
    assert speakers(r) == ["Tomas Ardvik"]
    r = read("Tomas Ardvik, a senior adviser to Peru's President Ana Velarde, said it was over.")
    assert speakers(r) == ["Tomas Ardvik"]


def test_the_head_of_state_is_the_president_the_article_names(read):
    r = read("President Tomas Ardvik received the envoy. The head of state noted that Peru has always "
             "supported peace in the region.")
    assert speakers(r) == ["Tomas Ardvik"]


def test_the_title_before_a_portfolio_describes_its_holder(read):
    r = read("Peru's envoy met EU Commissioner for Energy Tomas Ardvik. The European Commissioner said the "
             "bloc valued the partnership.")
    assert speakers(r) == ["Tomas Ardvik"]


def test_a_trailing_frame_with_a_domain_word_before_the_title(read):
    r = read("The council met on Monday to pick a candidate, party chair Tomas Ardvik said.")
    assert said(r) == [("Tomas Ardvik", "The council met on Monday to pick a candidate", False)]


def test_with_a_person_saying_gives_the_person_the_statement(read):
    r = read("Peru's foreign ministry also objected, with spokeswoman Ana Velarde saying the plan was unfair.")
    assert said(r) == [("Ana Velarde", "the plan was unfair", False)]
    r = read("Peru objected, saying the plan was unfair.")
    assert said(r) == [("Peru", "the plan was unfair", False)]


def test_a_person_before_the_party_or_country_they_are_from_speaks(read):
    r = read("Opposition lawmaker Tomas Ardvik of the Ruritania Alliance, however, said the price was too high.")
    assert speakers(r) == ["Tomas Ardvik"]
    r = read("Lawmaker Tomas Ardvik of the Ruritania Alliance said the price was too high.")
    assert speakers(r) == ["Tomas Ardvik"]
    r = read("The leaders of Peru and Chile said the price was too high.")
    assert speakers(r) == []


def test_speakers_after_the_agent_of_a_passive_and_its_comma(read):
    r = read("The sides swapped prisoners in a deal mediated by Qatar, the Andes Council and the Pampas "
             "Commission said in a joint statement.")
    assert sorted(set(speakers(r))) == ["Andes Council", "Pampas Commission"]
    r = read("Talks between the European Union and Peru said little.")
    assert speakers(r) == []


def test_a_possessors_government_or_office_speaks_for_it(read):
    assert speakers(read("Peru's government said the talks went well.")) == ["Peru"]
    assert speakers(read("Peru's presidential office said the talks went well.")) == ["Peru"]
    assert speakers(read("Prime Minister Tomas Ardvik's office said the talks went well.")) == ["Tomas Ardvik"]
    assert speakers(read("His Lima office said the talks went well.")) == []


def test_a_titled_person_and_a_colon_introduce_a_quote(read):
    r = read('Lima also reacted. Peruvian Foreign Ministry spokeswoman Ana Velarde: "We support any steps '
             'towards peace."')
    assert said(r) == [("Ana Velarde", "We support any steps towards peace.", True)]
    r = read('Talks with Ana Velarde: "We support any steps towards peace."')
    assert said(r) == []


def test_the_source_of_a_statement_noun_speaks(read):
    r = read('"Peru and Chile must seize this moment," the statement from the European Union read.')
    assert speakers(r) == ["European Union"]
    r = read("A statement by the European Union said the talks went well.")
    assert speakers(r) == ["European Union"]
    r = read("The head of the European Union said the talks went well.")
    assert speakers(r) == []


def test_a_lower_case_portfolio_between_a_possessive_and_the_holder_keeps_the_person_the_subject(read):
    r = read("Peru's information minister, Ramon Altavilla, dismissed the effort, saying Lima had not "
             "been consulted.")
    assert [s for s, _, _ in said(r)] == ["Ramon Altavilla"]


def test_informing_a_hearer_of_something_is_no_statement(read):
    # "Yerevan had informed Moscow of the decision in advance": the decision is a topic, not speech
    r = read("Ramon Altavilla informed Tomas Verdugo of the decision in advance.")
    assert said(r) == []
    r = read("Ramon Altavilla informed Tomas Verdugo that the talks were over.")
    assert ("Ramon Altavilla", "the talks were over", False) in said(r)


def test_an_apposition_after_a_relative_clause_leaves_the_speaker_before_the_clause(read):
    r = read("Ramon Altavilla, who heads the Institute for Lake Studies, a Lima think tank, said Peru "
             "could not leave the union.")
    assert said(r) == [("Ramon Altavilla", "Peru could not leave the union", False)]


def test_a_relative_that_after_the_object_of_warned_against_opens_no_statement(read):
    r = read("Peru has warned against any transit route that would put foreign forces on its frontier.")
    assert said(r) == [("Peru", "against any transit route that would put foreign forces on its frontier",
                        False)]


def test_a_that_clause_with_its_own_subject_after_warned_of_is_the_statement(read):
    r = read("Peru warned of a risk that the war could spread.")
    assert said(r) == [("Peru", "the war could spread", False)]


def test_a_short_quote_inside_another_actors_sentence_is_not_the_last_speakers(read):
    r = read('Tomas Verdugo, a former Peruvian president, said the bank would lend more. "It is a long '
             'process," she said.\n\nUS President Donald Trump has threatened an extra tariff on any '
             'country that aligns itself with what he called the "anti-American policies of the bloc".')
    assert not any("anti-American" in text for _, text, _ in said(r))


def test_a_short_quote_inside_the_last_speakers_own_sentence_stays_theirs(read):
    r = read('Tomas Verdugo, a former Peruvian president, said the bank would lend more. "It is a long '
             'process," she said.\n\nVerdugo added that lending in soles was "the next big step".')
    assert ("Tomas Verdugo", "the next big step", True) in said(r)


def test_two_appositions_an_office_of_an_organization_then_its_description(read):
    r = read("Ramon Altavilla, chairman of the Lakes Institute for Policy Studies, a Lima think tank close "
             "to the government, said Peru had other options.")
    assert said(r) == [("Ramon Altavilla", "Peru had other options", False)]


def test_responded_by_an_act_is_no_statement(read):
    r = read("Peru responded by arresting the staff of a Chilean news agency in Lima.")
    assert said(r) == []


def test_said_little_or_nothing_is_no_statement(read):
    r = read("His successor, Tavo Merkin, has said little about it. Olda Vasq said nothing.")
    assert said(r) == []


def test_a_speech_verb_in_a_clause_after_and_frames_no_trailing_statement(read):
    r = read("In May, Zembla expelled two Varnian diplomats, and Varnia responded in kind.")
    assert said(r) == []
    r = read("The talks have stalled, and the crisis is deep, Peru said.")
    assert [text for _, text, _ in said(r)] == ["The talks have stalled, and the crisis is deep"]


def test_said_little_before_a_clause_is_still_a_statement(read):
    r = read("Tavo Merkin said little progress had been made.")
    assert [text for _, text, _ in said(r)] == ["little progress had been made"]


def test_quoted_by_local_media_as_saying_is_still_a_statement(read):
    r = read("Peru has started deploying troops to the border, the Peruvian Defense Ministry was quoted "
             "by local media as saying on Tuesday.")
    assert [text for _, text, _ in said(r)] == ["Peru has started deploying troops to the border"]


def test_a_quote_of_an_adviser_to_a_named_officer_is_the_advisers(read):
    # "X, the foreign policy adviser to President Y, called the arms "…"": X is the subject
    r = read('Ivo Marnet, the foreign policy adviser to President Tarsk Odelly, called the arms '
             '"a threat to the peace process".')
    assert [s[0] for s in said(r)] == ["Ivo Marnet"]


def test_a_speech_word_after_an_article_is_a_noun(read):
    # "Ruritania … is often cited as a warning of what …": no statement of Ruritania's
    r = read("Georgia is often cited in Zembla as a warning of what a sharp break with Moscow can cost.")
    assert said(r) == []


def test_a_speech_word_after_a_verb_of_having_or_a_possessive_is_a_noun(read):
    # "Vietnam, Malaysia and Brunei also have claims in the sea, and Indonesia says …"
    r = read("Peru, Chile and Bolivia also have claims in the sea, and Ecuador says the maps overlap its waters.")
    assert [s[0] for s in said(r)] == ["Ecuador"]
    r = read("Peru repeated its claims in the sea. Chile has said the maps overlap.")
    assert [s[0] for s in said(r)] == ["Chile"]


def test_a_quote_before_a_contrasted_clause_is_not_its_speakers(read):
    # 'X has said Y could leave "when the time comes", but Z told …': the words are X's, not Z's
    r = read('Tarsk Odelly has said that Ruritania could leave the bloc "when the time comes", but Foreign '
             'Minister Ivo Marnet told parliament that no decision had been made.')
    assert not any(s[0] == "Ivo Marnet" and s[2] for s in said(r))
    assert {s[0] for s in said(r)} == {"Tarsk Odelly", "Ivo Marnet"}


def test_an_adverb_after_a_relative_clause_before_the_speech_verb(read):
    # "X, who was the Russian co-chair until 2022, later accused …": X speaks (missed)
    r = read("Tarsk Odelly, who was the Peruvian envoy until 2022, later said the talks had failed.")
    assert [s[0] for s in said(r)] == ["Tarsk Odelly"]


def test_the_person_in_apposition_to_an_actors_officer_past_a_long_remit(read):
    # "The EU's special representative for the South Caucasus and the crisis in Georgia, X,
    # visited … and announced …": X speaks, not the EU
    r = read("The EU's special representative for the South Caucasus and the crisis in Georgia, Tarsk Odelly, "
             "visited Yerevan in October and announced new funding for the army.")
    assert [s[0] for s in said(r)] == ["Tarsk Odelly"]


def test_insists_on_a_thing_is_a_demand_not_speech(read):
    assert said(read("Quessaland, which has never joined an alliance, insists on the distinction.")) == []
    assert said(read('The Marovian Council insists on its own "centrality" in the region.')) == []
    r = read("The Marovian Council insisted on Monday that the border talks would go on.")
    assert speakers(r) == ["Marovian Council"]
    r = read("The Marovian Council insisted that the border talks would go on.")
    assert speakers(r) == ["Marovian Council"]


def test_a_person_owning_the_speaker_s_title_after_an_inverted_verb_is_not_the_speaker(read):
    r = read('"It is over," said Tomas Wenn\'s former adviser, Ana Lindqvist, speaking for a coalition of '
             'groups. Chile\'s defence minister, Tomas Wenn, defended the deal.')
    assert "Tomas Wenn" not in speakers(r)
    assert speakers(r) == ["Ana Lindqvist"]


def test_an_embedded_quote_in_a_second_clause_is_that_clause_subject_s(read):
    # ", and President Y called Georgia "…"": the second clause has a subject of its own
    r = read('Prime Minister Sunok Farvadi has visited Baku twice this year, and President Tolim Baranov '
             'called Georgia "a strategic partner and a reliable friend" at a joint news conference.')
    assert [(who, direct) for who, _, direct in said(r)] == [("Tolim Baranov", True)]
    # a second clause without a subject of its own is still the sentence subject's
    r = read('President Sunok Farvadi praised the deal, and called it "a strategic step for the whole '
             'region" at the summit.')
    assert [who for who, _, _ in said(r)] == ["Sunok Farvadi"]


def test_a_relative_clause_after_a_description_leaves_the_named_person_the_speaker(read):
    # "X, a description, who …, said": the name before the description is a person, and speaks
    r = read("Kudi Dosusu, a former member of the Velmar parliament of Norland descent, who sat for the "
             "Lakeside Party until 2023, said the talks were stalled.")
    assert [who for who, _, _ in said(r)] == ["Kudi Dosusu"]
    r = read("Libufo Nogimil, the billionaire founder of the Lakeside Party, who has held no post since "
             "2021, has said the party would wait.")
    assert [who for who, _, _ in said(r)] == ["Libufo Nogimil"]
    # a place before the description is no speaker
    r = read("Velmar, a small kingdom, which hosted the talks, said little.")
    assert r.statements == []


def test_he_after_an_unnamed_described_subject_is_not_a_person_named_before(read):
    # "Tugi I, the Catholicos of …, urged …. "…," he said": kg did not read the name, and the
    # pronoun is not the spokeswoman of two sentences before
    r = read('Dana Pollo, the spokeswoman for the Velmar ministry, said the claim was "absurd and false in '
             'every way". The Lake Church has two seats. Tugi I, the Catholicos of the Great House, has '
             'urged both sides to talk. "The unity of the Church is above every government," he said.')
    assert "The unity of the Church is above every government," not in {text for _, text, _ in said(r)}
    # with no such sentence between, "she" is still the person named before
    r = read('Dana Pollo, the spokeswoman for the Velmar ministry, said the claim was "absurd and false in '
             'every way". The Lake Church has two seats. "The unity of the Church is above every '
             'government," she said.')
    assert ("Dana Pollo", "The unity of the Church is above every government,", True) in said(r)


def test_quote_then_and_a_speech_verb_keeps_the_subject_of_the_sentence(read):
    # the coordinated verb shares the reporting subject: its object is whom it accuses, no speaker
    r = read('The spokesman, Tomas Varga, said in a statement that Moldova "does not allow anyone '
             'to use its territory" and accused Romania of violating its airspace.')
    assert ("Tomas Varga", "does not allow anyone to use its territory", True) in said(r)
    assert "Romania" not in speakers(r)


def test_an_apposition_with_an_acronym_then_a_second_apposition_before_said(read):
    r = read("Pavel Dorin, the leader of the Liberal Reform Party of Moldova (LRP), the main opposition "
             "party, said a new election law was needed.")
    assert said(r) == [("Pavel Dorin", "a new election law was needed", False)]


def test_but_said_after_a_verb_shares_its_subject(read):
    r = read("Tomas Varga, the High Representative for Moldova, welcomed the repeal but said the powers "
             "of his office were not up for negotiation.")
    assert said(r) == [("Tomas Varga", "the powers of his office were not up for negotiation", False)]


def test_a_title_then_a_name_and_a_relative_clause_naming_a_bloc_after_the_quote(read):
    # '"…," Deputy Prime Minister X, who oversees Russia's relations with the bloc, told reporters'
    r = read('The Norland Union met in Velgrad. "It simply does not work," Deputy Prime Minister Tarmo '
             'Veldinen, who oversees Quessa\'s relations with the bloc, told reporters in Velgrad.')
    assert speakers(r) == ["Tarmo Veldinen"]


def test_a_short_quote_a_named_person_calls_something_is_their_words(read):
    # "a step that Georgian Foreign Minister X called "a provocation.""
    r = read('Velgrad is building a base, a step that Foreign Minister Tarmo Veldinen called "a provocation."')
    assert said(r) == [("Tarmo Veldinen", "a provocation.", True)]
    r = read('Opposition leader Tarmo Veldinen called the port deal "a gift to Velgrad."')
    assert said(r) == [("Tarmo Veldinen", "a gift to Velgrad.", True)]
    # a quoted name the person calls something: no words of theirs
    r = read('Opposition leader Tarmo Veldinen called the "Velgrad Route" a mistake.')
    assert said(r) == []


def test_but_said_after_a_verb_whose_subject_a_country_only_owns(read):
    # "Georgia's opposition welcomed the sanctions but said they came late": the opposition speaks
    r = read("Peru sent aid. Peru's opposition welcomed the sanctions but said they came late.")
    assert speakers(r) == []
    r = read("Peru sent aid. Peru's government welcomed the sanctions but said they came late.")
    assert speakers(r) == ["Peru"]


def test_a_that_clause_after_the_verb_is_what_was_said_not_the_words_before_the_name(read):
    # "Its head of delegation in Baku, X, said in October that …": no trailing frame
    r = read("The Norland Relief Committee declined to comment. Its head of delegation in Lima, Anna Lindqvist, "
             "said in October that it would stay.")
    assert said(r) == [("Anna Lindqvist", "it would stay", False)]
    r = read("Talks resumed in Lima, Anna Lindqvist said on Friday.")
    assert said(r) == [("Anna Lindqvist", "Talks resumed in Lima", False)]


def test_a_question_quote_then_asked_and_an_unknown_name(read):
    # '"When the Russians leave, who will protect us? Europe?" asked X, a 64-year-old taxi driver'
    r = read('"Who will protect us then?" asked Hovik Minasaryan, a taxi driver, outside the gates.')
    assert said(r) == [("Hovik Minasaryan", "Who will protect us then?", True)]
    # "asked" with no quote before it: a request, no speech and no person read from it
    r = read("Tarmo Veldinen asked the court to release him.")
    assert said(r) == []


def test_a_person_in_apposition_inside_a_whose_clause_is_not_the_speaker(read):
    r = read("The Norland navy, whose commander, Admiral Tovar Kessling, has taken a harder line than "
             "the cabinet, said it would keep its ships in port.")
    assert "Tovar Kessling" not in speakers(r)
    r = read("The Valmark Institute, whose director, Orla Brenning, led the study, said the findings were clear.")
    assert speakers(r) == ["Valmark Institute"]


def test_a_person_after_a_whose_clause_still_speaks(read):
    r = read("Orla Brenning, whose institute wrote the report, said the findings were clear.")
    assert speakers(r) == ["Orla Brenning"]


def test_a_quote_after_a_clause_of_a_speech_verb_is_its_subjects_not_the_next_names(read):
    # "X, a fellow at Y, said Europe's mission had shown …, "…"": no inverted frame ("said Europe")
    r = read('Ida Rusk, a research fellow at the Lakes Institute, said Chile\'s mission had shown that escorts '
             'could work, "but only as long as the rebels choose not to test it".')
    assert {who for who, _, _ in said(r)} == {"Ida Rusk"}


def test_a_that_after_a_finite_verb_is_the_statements_own(read):
    # "said Chile's mission had shown that …": the statement starts after "said"
    r = read("Ida Rusk said Chile's mission had shown that escorts could work.")
    assert said(r) == [("Ida Rusk", "Chile's mission had shown that escorts could work", False)]
    r = read("Ida Rusk said on Monday that escorts could work.")
    assert said(r) == [("Ida Rusk", "escorts could work", False)]
    r = read("Ida Rusk said in May that escorts could work.")
    assert said(r) == [("Ida Rusk", "escorts could work", False)]


def test_the_report_of_a_list_of_countries_is_no_one_of_them(read):
    r = read("Eleven countries, including Norvania, Japan and South Korea, then set up a monitoring "
             "team, which published its first report in May. The report said the North had sent "
             "shells to its ally.")
    assert said(r) == []


def test_the_report_of_one_country_is_that_country(read):
    r = read("Japan published its first report in May. The report said the North had sent shells "
             "to its ally.")
    assert [who for who, _, _ in said(r)] == ["Japan"]


def test_a_given_name_opening_a_sentence_is_the_short_form_of_the_one_person_named_so(read):
    r = read('Prime Minister Tesfaye Gebru called it "a gift". The ambassador, Hirut Alemu, said the '
             'resolution had "no standing". Tesfaye has also pressed for access to the sea. "A country '
             'of many people cannot remain landlocked," he told parliament.')
    assert ("Tesfaye Gebru", "A country of many people cannot remain landlocked,", True) in said(r)
    assert not any(who == "Hirut Alemu" and "landlocked" in text for who, text, _ in said(r))


def test_a_short_quote_after_called_is_the_words_of_the_person_in_apposition_before_it(read):
    r = read('Norway\'s foreign minister, Rosa Altavilla, called the strikes "a violation of law". '
             'Tomas Verdugo, the Russian foreign ministry spokesman, called the group "illegitimate".')
    assert ("Rosa Altavilla", "a violation of law", True) in said(r)
    assert ("Tomas Verdugo", "illegitimate", True) in said(r)


def test_a_short_quote_after_called_closing_a_second_apposition_is_no_one_s(read):
    r = read('Tomas Verdugo, the Russian foreign ministry spokesman, and Rosa Altavilla, the envoy, called the group '
             '"illegitimate".')
    assert not any(text == "illegitimate" for _, text, _ in said(r))
