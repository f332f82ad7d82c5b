"""The knowledge base: coverage of the packaged data, its integrity, the loader's checks."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.kb import ENTITY_TYPES, SURFACE_KINDS, Actor, KnowledgeBase, load_kb, packaged_kb_path

# The 193 UN member states, written from the UN's list (not from kb.toml): the
# acceptance check of the KB's coverage. Names as the KB spells them.
UN_MEMBERS = (
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda",
    "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain",
    "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia",
    "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso",
    "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada", "Central African Republic",
    "Chad", "Chile", "China", "Colombia", "Comoros", "Republic of the Congo", "Costa Rica",
    "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czech Republic",
    "North Korea", "Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica",
    "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
    "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia",
    "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau",
    "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya",
    "Kiribati", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia",
    "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
    "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
    "Micronesia", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
    "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria",
    "North Macedonia", "Norway", "Oman", "Pakistan", "Palau", "Panama", "Papua New Guinea",
    "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "South Korea", "Moldova",
    "Romania", "Russia", "Rwanda", "Saint Kitts and Nevis", "Saint Lucia",
    "Saint Vincent and the Grenadines", "Samoa", "San Marino", "São Tomé and Príncipe",
    "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia",
    "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain",
    "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria", "Tajikistan",
    "Thailand", "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey",
    "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
    "Tanzania", "United States", "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela", "Vietnam",
    "Yemen", "Zambia", "Zimbabwe",
)
UN_OBSERVERS = ("Holy See", "State of Palestine")
OTHER_STATES = ("Kosovo", "Taiwan", "Soviet Union", "Yugoslavia")
# Countries without a capital entry: city-states and states that no longer exist.
NO_CAPITAL = {"Monaco", "Singapore", "Soviet Union", "Yugoslavia",
              "Azerbaijan Soviet Socialist Republic", "Armenian Soviet Socialist Republic"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def write(tmp_path: Path, text: str, name: str = "extra.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def country(kb: KnowledgeBase, name: str) -> Actor:
    found = [a for a in kb.by_name(name) if a.type == "Country"]
    assert len(found) == 1, f"{name}: {found}"
    return found[0]


# --- coverage -----------------------------------------------------------------------

def test_the_list_of_un_members_is_complete():
    assert len(UN_MEMBERS) == 193
    assert len(set(UN_MEMBERS)) == 193


@pytest.mark.parametrize("name", UN_MEMBERS + UN_OBSERVERS + OTHER_STATES)
def test_every_state_is_a_country_known_by_its_name(kb, name):
    assert country(kb, name).name == name


def test_size_and_types(kb):
    counts = defaultdict(int)
    for actor in kb:
        counts[actor.type] += 1
    assert set(counts) == set(ENTITY_TYPES)
    assert counts["Country"] >= 199
    assert counts["Person"] >= 40 and counts["Organization"] >= 100 and counts["Place"] >= 200


@pytest.mark.parametrize("surface", ["Nuremberg", "Tromsø", "Charlevoix", "Goa", "Giurgiulești", "Gabala", "Qabala",
                                     "Lankaran", "Tianjin", "São Paulo", "Yekaterinburg", "Nizhny Novgorod",
                                     "Julfa", "Kura", "Araxes", "Sisian", "Margara", "Upper Lars", "Absheron"])
def test_well_known_towns_and_regions_are_places(kb, surface):
    assert [a.type for a in kb.by_name(surface)] == ["Place"]


@pytest.mark.parametrize("surface", ["Indian Ocean", "Atlantic", "Pacific Ocean", "East Africa", "West Africa",
                                     "Second Thomas Shoal", "Spratlys", "Senkaku Islands", "Falklands"])
def test_oceans_regions_and_disputed_islands_are_places(kb, surface):
    assert [a.type for a in kb.by_name(surface)] == ["Place"]


@pytest.mark.parametrize("surface", ["EAC", "IGAD", "CARICOM", "ECCAS", "Nordic Council", "Pacific Islands Forum", "UNFCCC",
                                     "Partnership for Peace",
                                     "Andean Community", "Visegrad Four", "OPCW", "TRACECA", "TURKPA", "AZAL",
                                     "Armenian Apostolic Church", "Bucharest Nine", "LCBC", "MNJTF"])
def test_regional_blocs_are_organizations(kb, surface):
    assert [a.type for a in kb.by_name(surface)] == ["Organization"]


def test_the_berlin_process_is_an_organization(kb):
    assert [a.type for a in kb.by_name("Berlin Process")] == ["Organization"]


# --- integrity of the packaged data ---------------------------------------------------

def test_file_has_no_duplicate_ids():
    raw = tomllib.loads(packaged_kb_path().read_text(encoding="utf-8"))["actor"]
    ids = [entry["id"] for entry in raw]
    assert len(ids) == len(set(ids))


def test_file_is_sorted_by_type_then_name():
    raw = tomllib.loads(packaged_kb_path().read_text(encoding="utf-8"))["actor"]

    def key(entry):
        folded = unicodedata.normalize("NFKD", entry["name"])
        folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
        return entry["type"], folded

    keys = [key(entry) for entry in raw]
    assert keys == sorted(keys)


def test_file_states_no_relations():
    raw = tomllib.loads(packaged_kb_path().read_text(encoding="utf-8"))["actor"]
    allowed = {"id", "name", "type", "aliases", "demonyms", "capital", "capital_of",
               "acronym", "ambiguous"}
    assert all(set(entry) <= allowed for entry in raw)


def test_ids_are_qids_or_kb_slugs(kb):
    for actor in kb:
        if actor.wikidata is not None:
            assert re.fullmatch(r"Q[0-9]+", actor.wikidata)
            assert actor.id == actor.wikidata
        else:
            assert re.fullmatch(r"kb-[a-z0-9]+(-[a-z0-9]+)*", actor.id), actor.id


def test_every_capital_resolves_both_ways(kb):
    for actor in kb:
        if actor.type == "Country" and actor.name not in NO_CAPITAL:
            assert actor.capital, f"{actor.name} has no capital"
        if actor.capital:
            capital = kb[actor.capital]
            assert capital.type == "Place"
            if kb[capital.capital_of].type == "Organization":
                continue  # "Brussels" stands in for the EU it seats, not for Belgium
            assert capital.capital_of == actor.id, (actor.name, capital.name)
            assert kb.country_for_capital(capital.id) == actor
        if actor.capital_of and kb[actor.capital_of].type == "Country":
            assert kb[actor.capital_of].capital == actor.id


def test_a_seat_stands_in_for_its_organization(kb):
    brussels = next(a for a in kb if a.name == "Brussels")
    assert kb.country_for_capital(brussels.id).name == "European Union"


def test_surface_forms_are_clean(kb):
    forms = list(kb.surface_forms())
    assert len(forms) > 2000
    for surface, actor_id, kind in forms:
        assert surface and surface == surface.strip(), (surface, actor_id)
        assert actor_id in kb
        assert kind in SURFACE_KINDS
    assert len(forms) == len(set(forms))


def test_shared_surface_forms_are_marked_ambiguous(kb):
    """A name (or a demonym) used by two actors must be flagged ambiguous by one of them."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for surface, actor_id, kind in kb.surface_forms():
        if kind == "capital":  # a capital's names stand for its country by design
            continue
        owners["demonym" if kind == "demonym" else "name", surface].add(actor_id)
    clashes = [
        (surface, sorted(ids)) for (_, surface), ids in owners.items()
        if len(ids) > 1 and not any(surface in kb[i].ambiguous for i in ids)
    ]
    assert clashes == []


def test_ambiguous_names_belong_to_their_entry(kb):
    for actor in kb:
        assert actor.ambiguous <= {*actor.names(), *actor.demonyms}, actor.id


def test_demonyms_only_on_countries_acronyms_only_on_organizations(kb):
    for actor in kb:
        if actor.demonyms:
            assert actor.type == "Country"
        if actor.acronym:
            assert actor.type == "Organization"


# --- look-ups -------------------------------------------------------------------------

def test_spot_checks(kb):
    assert [a.name for a in kb.by_name("U.S.")] == ["United States"]
    assert kb.country_for_demonym("Azeri").name == "Azerbaijan"
    moscow = [a for a in kb.by_name("Moscow") if a.type == "Place"]
    assert len(moscow) == 1
    assert kb.country_for_capital(moscow[0].id).name == "Russia"
    assert [a.name for a in kb.by_name("CSTO")] == ["Collective Security Treaty Organization"]
    assert kb.by_name("CSTO")[0].acronym == "CSTO"


def test_names_the_seed_articles_use(kb):
    expect = {
        "Russia": "Q159", "Armenia": "Q399", "Azerbaijan": "Q227", "Turkey": "Q43",
        "Vladimir Putin": "Q7747", "United Nations": "Q1065",
        "Organization for Security and Co-operation in Europe": "Q1128",
    }
    for name, qid in expect.items():
        assert [a.id for a in kb.by_name(name)] == [qid]
    for surface, name in {
        "Karabakh": "Nagorno-Karabakh", "Artsakh": "Nagorno-Karabakh",
        "Minsk Group": "OSCE Minsk Group", "Dmitri Peskov": "Dmitry Peskov",
        "Sergei Lavrov": "Sergey Lavrov", "Mevlüt Çavuşoğlu": "Mevlut Cavusoglu",
        "Erdogan": "Recep Tayyip Erdogan", "Aliyev": "Ilham Aliyev", "USSR": "Soviet Union",
        "Lachin": "Lachin corridor", "Shushi": "Shusha", "Khankendi": "Stepanakert",
        "AA": "Anadolu Agency", "Türkiye": "Turkey", "Republic of Armenia": "Armenia",
        "António Guterres": "Antonio Guterres",
    }.items():
        assert [a.name for a in kb.by_name(surface)] == [name], surface
    assert "Aliyev" in kb.by_name("Aliyev")[0].ambiguous
    assert kb.by_name("Heydar Aliyev")[0].name == "Heydar Aliyev"


def test_by_name_falls_back_to_case_insensitive(kb):
    assert [a.name for a in kb.by_name("united states of america")] == ["United States"]
    assert kb.by_name("no such actor anywhere") == []


def test_demonyms(kb):
    assert kb.country_for_demonym("Russians").name == "Russia"
    assert kb.country_for_demonym("Soviet").name == "Soviet Union"
    assert kb.country_for_demonym("Turks").name == "Turkey"
    assert kb.country_for_demonym("Congolese") is None  # two Congos: no single answer
    assert kb.country_for_demonym("Martian") is None


def test_surface_forms_carry_capitals_and_demonyms(kb):
    forms = set(kb.surface_forms())
    assert ("Moscow", "Q159", "capital") in forms
    assert ("Moscow", "Q649", "name") in forms
    assert ("Kiev", "Q212", "capital") in forms
    assert ("Azeri", "Q227", "demonym") in forms
    assert ("U.S.", "Q30", "alias") in forms
    csto = kb.by_name("CSTO")[0].id
    assert ("CSTO", csto, "acronym") in forms


def test_default_load_is_cached():
    assert load_kb() is load_kb()


# --- merging user files ---------------------------------------------------------------

def test_extra_file_adds_and_overrides(tmp_path, kb):
    extra = write(tmp_path, """
[[actor]]
id = "kb-jane-roe"
name = "Jane Roe"
type = "Person"
aliases = ["Roe"]

[[actor]]
id = "Q7747"
name = "Vladimir Putin"
type = "Person"
aliases = ["Putin", "V. Putin"]
""")
    merged = load_kb(extra)
    assert len(merged) == len(kb) + 1
    assert [a.id for a in merged.by_name("Roe")] == ["kb-jane-roe"]
    assert merged["Q7747"].aliases == ("Putin", "V. Putin")
    assert merged.by_name("Vladimir Vladimirovich Putin") == []  # the override replaced the entry
    assert kb["Q7747"].aliases != merged["Q7747"].aliases  # the cached default is untouched
    assert merged["Q159"] == kb["Q159"]


def test_extra_file_may_refer_to_packaged_places(tmp_path):
    extra = write(tmp_path, """
[[actor]]
id = "kb-ruritania"
name = "Ruritania"
type = "Country"
demonyms = ["Ruritanian"]
capital = "kb-strelsau"

[[actor]]
id = "kb-strelsau"
name = "Strelsau"
type = "Place"
capital_of = "kb-ruritania"
""")
    merged = load_kb(extra)
    assert merged.country_for_demonym("Ruritanian").name == "Ruritania"
    assert merged.country_for_capital("kb-strelsau").name == "Ruritania"
    alone = load_kb(extra, packaged=False)
    assert sorted(a.id for a in alone) == ["kb-ruritania", "kb-strelsau"]


# --- validation -----------------------------------------------------------------------

def entry(**fields: str) -> str:
    lines = ["[[actor]]"] + [f'{k} = {v}' for k, v in fields.items()]
    return "\n".join(lines) + "\n"


BAD_FILES = {
    "unknown type": (entry(id='"kb-x"', name='"X"', type='"Planet"'), "'kb-x'.*unknown type"),
    "missing name": (entry(id='"kb-x"', type='"Person"'), "'kb-x'.*missing name"),
    "missing id": (entry(name='"X"', type='"Person"'), "actor #1.*missing id"),
    "malformed QID": (entry(id='"Q12x"', name='"X"', type='"Person"'), "'Q12x'.*malformed QID"),
    "lower-case QID": (entry(id='"q42"', name='"X"', type='"Person"'), "'q42'.*malformed QID"),
    "duplicate id": (entry(id='"kb-x"', name='"X"', type='"Person"') * 2, "'kb-x'.*duplicate id"),
    "demonym on a person": (
        entry(id='"kb-x"', name='"X"', type='"Person"', demonyms='["Xish"]'),
        "'kb-x'.*demonyms on a Person"),
    "capital missing": (
        entry(id='"kb-x"', name='"X"', type='"Country"', capital='"kb-nowhere"'),
        "'kb-x'.*capital 'kb-nowhere' is not an actor id"),
    "capital not a place": (
        entry(id='"kb-x"', name='"X"', type='"Country"', capital='"Q7747"'),
        "'kb-x'.*capital 'Q7747' is a Person, not a Place"),
    "capital_of not a country": (
        entry(id='"kb-x"', name='"X"', type='"Place"', capital_of='"Q7747"'),
        "'kb-x'.*capital_of 'Q7747' is a Person"),
    "a relation": (
        entry(id='"kb-x"', name='"X"', type='"Country"', member_of='"Q1065"'),
        "'kb-x'.*unknown key 'member_of'"),
    "blank alias": (
        entry(id='"kb-x"', name='"X"', type='"Person"', aliases='[" X "]'),
        "'kb-x'.*aliases has an empty or unstripped string"),
    "stray ambiguous name": (
        entry(id='"kb-x"', name='"X"', type='"Person"', ambiguous='["Y"]'),
        "'kb-x'.*ambiguous name 'Y'"),
    "bad TOML": ("[[actor]\nid = ", "not valid TOML"),
    "not actor tables": ('actors = 1\n', "unknown top-level key 'actors'"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_raise_one_line_input_errors(tmp_path, case):
    text, pattern = BAD_FILES[case]
    bad = write(tmp_path, text, "bad.toml")
    with pytest.raises(InputError) as caught:
        load_kb(bad)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(bad))
    assert re.search(pattern, message), message
    assert caught.value.exit_code == 3


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read knowledge base file"):
        load_kb(tmp_path / "nope.toml")


def test_the_3_plus_3_platform_is_known(read):
    # "the so-called 3+3 regional platform" of the South Caucasus (missed)
    r = read("The ministers met for the third meeting of the so-called 3+3 regional platform in Istanbul.")
    assert ("3+3", "Organization") in {(e.label, e.type) for e in r.entities}
