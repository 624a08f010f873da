"""The Python examples run: the notebook's code cells (executed in order, without Jupyter) and
the terminal script."""

import json
import os
import subprocess
import sys

from conftest import REPO

EXAMPLES = REPO / "examples" / "python"


def test_the_notebook_is_valid_and_its_cells_run(pd, corpus, monkeypatch, capsys):
    nb = json.loads((EXAMPLES / "cables.ipynb").read_text(encoding="utf-8"))
    assert (nb["nbformat"], nb["nbformat_minor"]) >= (4, 5)
    assert nb["metadata"]["kernelspec"]["language"] == "python"
    code = []
    for cell in nb["cells"]:
        assert cell["cell_type"] in ("markdown", "code") and isinstance(cell["source"], list)
        assert cell["id"]
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None  # committed clean
            code.append("".join(cell["source"]))
    monkeypatch.setenv("CABLE_CORPUS", str(corpus))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(EXAMPLES)
    namespace: dict = {}
    for source in code:
        exec(compile(source, "cables.ipynb", "exec"), namespace)
    assert len(namespace["df"]) == 8791
    assert namespace["per_year"].loc[2004].sum() == 5392
    assert len(namespace["paras"]) == 63569
    out = capsys.readouterr().out
    assert "8,791 cables, 0 rows skipped" in out
    assert "63,569 paragraphs, 66% with a portion marking" in out
    assert "2 (C) Lavrov's Letter | In a November 16 meeting" in out


def test_the_script_prints_the_table(pd, corpus):
    env = dict(os.environ, CABLE_CORPUS=str(corpus))
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "cables_per_year.py")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    assert out.startswith("8,791 cables from cables-real-dev.csv")
    assert "2004  ##################################################  5,392" in out


def test_the_readme_example(pd, corpus, monkeypatch):
    """The Python section of the README, run as a doctest from the repository's folder."""
    import doctest

    import cable

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python\n>>> import cable") + len("```python\n")
    example = readme[start : readme.index("```\n", start)]
    example = example.replace("../shared/corpus", str(corpus))
    monkeypatch.chdir(REPO)
    test = doctest.DocTestParser().get_doctest(example, {"cable": cable}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
