"""kg.nlp.layout: headline, metadata, dateline, captions, boilerplate, sentences."""
from kg.nlp.layout import parse_date, publisher_of, read_layout, split_sentences
from kg.nlp.lexicon import load_lexicon

LEX = load_lexicon()


def kinds(text):
    layout = read_layout(text, LEX)
    return [(b.kind, text[b.start:b.end]) for b in layout.blocks], layout


def test_title_is_first_line_that_is_not_boilerplate_or_metadata():
    blocks, layout = kinds("Support The Daily Planet!\n\nFloods hit the valley\n\nRain fell for days.")
    assert layout.title == "Floods hit the valley"
    assert blocks[0] == ("boilerplate", "Support The Daily Planet!")
    assert layout.publisher == "The Daily Planet"


def test_date_line_gives_the_date_and_is_not_news():
    blocks, layout = kinds(" date 2021-03-04 example.com\n\nA headline\n\nThe body says things.")
    assert layout.date == "2021-03-04"
    assert blocks[0][0] == "meta"
    assert layout.publisher == "example.com"


def test_byline_with_published_date():
    blocks, layout = kinds("A headline\n\nJane Roe Published March 5, 2022 | 10:06 PM\n\nThe body.")
    assert layout.date == "2022-03-05"
    assert ("meta", "Jane Roe Published March 5, 2022 | 10:06 PM") in blocks


def test_tass_style_dateline_is_cut_from_the_body():
    text = "Headline\n\nBAKU, May 2. /TASS/. The ministry said the talks went well."
    blocks, layout = kinds(text)
    assert layout.dateline == "BAKU, May 2. /TASS/."
    assert layout.publisher == "TASS"
    assert blocks[-1] == ("body", "The ministry said the talks went well.")
    assert text[slice(*layout.dateline_place)] == "BAKU"


def test_a_dateline_closed_by_two_hyphens():
    # "YEREVAN -- Armenia's National Assembly …" (RFE/RL): two hyphens for a dash
    text = "Headline\n\nVALDORIA CITY -- The ministry said the talks went well."
    blocks, layout = kinds(text)
    assert text[slice(*layout.dateline_place)] == "VALDORIA CITY"
    assert blocks[-1] == ("body", "The ministry said the talks went well.")


def test_dateline_with_agency_in_brackets_and_date():
    text = "Headline\n\nTBILISI (Example News / Wire - 3rd February, 2021) The talks went well."
    _, layout = kinds(text)
    assert layout.publisher == "Example News"
    assert layout.date == "2021-02-03"


def test_reuters_style_dateline():
    text = "Headline\n\nHELSINKI, April 4 (Reuters) - Finland joined the alliance."
    blocks, layout = kinds(text)
    assert layout.dateline == "HELSINKI, April 4 (Reuters) -"
    assert layout.publisher == "Reuters"
    assert blocks[-1] == ("body", "Finland joined the alliance.")


def test_a_full_stop_between_the_agency_and_the_dash():
    text = "Headline\n\nVELMAR CITY, Jan 20 (Example Wire).- The bloc met. It ended."
    blocks, layout = kinds(text)
    assert layout.dateline == "VELMAR CITY, Jan 20 (Example Wire).-"
    assert layout.publisher == "Example Wire"
    assert blocks[-1] == ("body", "The bloc met. It ended.")
    _, layout = kinds("Headline\n\nVELMAR CITY, Jan 20 (Example Wire). The bloc met.")
    assert layout.dateline is None


def test_dateline_with_a_country_and_a_date_but_no_agency():
    text = "Headline\n\nVELMAR, Ruritania, Nov 9 - Leaders met on Thursday."
    blocks, layout = kinds(text)
    assert layout.dateline == "VELMAR, Ruritania, Nov 9 -"
    assert text[slice(*layout.dateline_place)] == "VELMAR"
    assert blocks[-1] == ("body", "Leaders met on Thursday.")
    _, layout = kinds("Headline\n\nVELMAR, Dec 19 (Example Wire) - Leaders met on Thursday.")
    assert layout.dateline == "VELMAR, Dec 19 (Example Wire) -"
    assert layout.publisher == "Example Wire"


def test_a_capitalised_opening_without_a_date_is_no_dateline():
    _, layout = kinds("Headline\n\nNATO, the EU and Velmar, in March - all met.")
    assert layout.dateline is None


def test_title_case_dateline_with_country():
    _, layout = kinds("Headline\n\nYerevan, Armenia - Armenia has frozen its participation.")
    assert layout.dateline == "Yerevan, Armenia -"


def test_dateline_with_a_dash():
    text = "Headline\n\nBRUSSELS — The talks went well."
    blocks, layout = kinds(text)
    assert layout.dateline == "BRUSSELS —"
    assert layout.publisher is None
    assert blocks[-1] == ("body", "The talks went well.")


def test_captions_before_the_story_and_photo_credits():
    blocks, _ = kinds("Headline\n\nThe minister at a meeting in the capital (AA Photo)\n\nAFP / John Doe\n\n"
                      "The story begins here. It goes on.")
    assert [k for k, _ in blocks] == ["title", "caption", "caption", "body"]


def test_donation_appeal_and_everything_after_it_is_boilerplate():
    blocks, layout = kinds("Headline\n\nThe story.\n\n… we have a small favor to ask. Give money.\n\n"
                           "Putin said nothing.\n\nRead more")
    assert [k for k, _ in blocks] == ["title", "body", "boilerplate", "boilerplate", "boilerplate"]
    assert all(z != "boilerplate" for _, _, z in layout.sentences)


def test_comment_policy_is_boilerplate():
    blocks, layout = kinds("Headline\n\nThe story.\n\nDiscussion Policy\n\nComments are welcomed. "
                           "The Gazette reserves the right to block users.")
    assert [k for k, _ in blocks][-2:] == ["boilerplate", "boilerplate"]
    assert layout.publisher == "The Gazette"


def test_sentences_do_not_split_after_abbreviations():
    text = "Clashes erupted on Sept. 27 near the U.S. base. Talks failed. Dr. Smith left."
    spans = split_sentences(text, 0, len(text), LEX)
    assert [text[a:b] for a, b in spans] == [
        "Clashes erupted on Sept. 27 near the U.S. base.", "Talks failed.", "Dr. Smith left."]


def test_sentences_split_after_a_closing_quote():
    text = '"We agree," he said. "It is done." She left.'
    spans = split_sentences(text, 0, len(text), LEX)
    assert [text[a:b] for a, b in spans] == ['"We agree," he said.', '"It is done."', "She left."]


def test_parse_date_formats():
    assert parse_date("January 10, 2023", LEX) == "2023-01-10"
    assert parse_date("10th January, 2023", LEX) == "2023-01-10"
    assert parse_date("2023-01-10", LEX) == "2023-01-10"
    assert parse_date("Sept. 4, 2023", LEX) == "2023-09-04"
    assert parse_date("July 14", LEX) is None
    assert parse_date("February 30, 2023", LEX) is None
    assert parse_date("Smarch 3, 2023", LEX) is None  # not a month of [layout] months


def test_publisher_from_a_boilerplate_line():
    assert publisher_of("Support Caucasus Watch!", LEX) == "Caucasus Watch"
    assert publisher_of("Support us!", LEX) is None
    assert publisher_of("Norpress Media reserves the right to remove comments.", LEX) == "Norpress Media"


def test_dateline_with_a_country_and_an_agency_but_no_date():
    text = "Headline\n\nNORTHVALE-SUR-MER, France (AA) - The council re-elected its chair."
    blocks, layout = kinds(text)
    assert text[slice(*layout.dateline_place)] == "NORTHVALE-SUR-MER"
    assert blocks[-1] == ("body", "The council re-elected its chair.")


def test_armenpress_style_dateline_with_an_upper_case_month_and_agency():
    text = "Headline\n\nYEREVAN, DECEMBER 3, ARMENPRESS. The ministry said the talks went well."
    blocks, layout = kinds(text)
    assert layout.dateline == "YEREVAN, DECEMBER 3, ARMENPRESS."
    assert layout.publisher == "ARMENPRESS"
    assert blocks[-1] == ("body", "The ministry said the talks went well.")
    text = "Headline\n\nSTEPANAKERT, DECEMBER 15, ARTSAKHPRESS-ARMENPRESS: The talks went well."
    _, layout = kinds(text)
    assert layout.publisher == "ARTSAKHPRESS-ARMENPRESS"
    _, layout = kinds("Headline\n\nYEREVAN, DECEMBER 3, the ministry said the talks went well.")
    assert layout.dateline is None
