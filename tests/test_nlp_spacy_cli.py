"""kg.nlp.spacy_cli: spaCy imported without its command line, which stays usable.

Each check runs in a fresh interpreter: this test process imported spaCy long ago."""
from __future__ import annotations

import json
import subprocess
import sys

import spacy

from kg.nlp import spacy_cli


def _fresh(script: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_reading_articles_imports_no_command_line_of_spacy():
    seen = _fresh(
        "import json, sys\n"
        "from kg.nlp.pipeline import make_pipeline\n"
        "nlp = make_pipeline()\n"
        "doc = nlp('Quarvin Delmont said the talks went well.')\n"
        "import spacy\n"
        "print(json.dumps({'cli': sorted(m for m in sys.modules if m.startswith('spacy.cli')),\n"
        "                  'typer': 'typer' in sys.modules, 'requests': 'requests' in sys.modules,\n"
        "                  'attribute': hasattr(spacy, 'cli'), 'tokens': len(doc)}))")
    assert seen == {"cli": [], "typer": False, "requests": False, "attribute": False, "tokens": 8}


def test_spacy_command_line_is_still_there_when_asked_for():
    seen = _fresh(
        "import json, sys\n"
        "import kg.nlp.pipeline\n"
        "import spacy\n"
        "data = spacy.info()\n"
        "from spacy.cli import download, info\n"
        "import spacy.cli\n"
        "print(json.dumps({'info': sorted(data)[:1], 'download': type(download).__name__,\n"
        "                  'cli_info': type(info).__name__, 'setup': callable(spacy.cli.setup_cli),\n"
        "                  'typer': 'typer' in sys.modules}))")
    assert seen == {"info": ["location"], "download": "function", "cli_info": "function", "setup": True,
                    "typer": True}


def test_a_submodule_of_the_command_line_imports_as_usual():
    seen = _fresh(
        "import json\n"
        "import kg.nlp.pipeline\n"
        "import spacy.cli.download\n"
        "import spacy\n"
        "print(json.dumps({'download': type(spacy.cli.download).__name__}))")
    assert seen == {"download": "function"}  # the package's function, not its module of that name


def test_nothing_changes_once_spacy_is_imported():
    assert "spacy" in sys.modules and spacy.__version__
    assert spacy_cli.defer() is False
    assert not any(isinstance(finder, spacy_cli._SpacyFinder) for finder in sys.meta_path)
