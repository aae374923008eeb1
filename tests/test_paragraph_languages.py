"""A page that mixes languages: each paragraph long enough to tell is read in its own language, and every report
says which language each quote is in (quotes are never translated)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kzfr_check.claims import extract_claims
from kzfr_check.cli import app
from kzfr_check.lang import paragraph_language
from kzfr_check.sources import read_source

MIXED = (
    "Orsel Valley Ledger, 2 May 2023\n\n"
    "The Orsel bridge carries the valley's main road over the river. We asked two of the engineers who built it "
    "what they remember of the work, and this is what they told us in their own words.\n"
    "Мост через Орсель был открыт в 1999 году, и по нему ежедневно проезжают более 12 000 автомобилей.\n"
    "Le pont sur l'Orsel a coûté 4,5 millions d'euros et il est le plus long de la vallée depuis son ouverture.\n"
    "Dr Ivan Petrov, Moscow\n"
    "Both of them still live in the valley, and they say that the bridge has changed the life of the town.\n"
)


def _page(tmp_path: Path) -> Path:
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "page.txt").write_text(MIXED, encoding="utf-8")
    (corpus / "guide.txt").write_text("The Orsel bridge opened in 1998. About 12,000 vehicles cross it daily.\n",
                                      encoding="utf-8")
    return corpus


def test_each_paragraph_long_enough_is_read_in_its_own_language(tmp_path: Path) -> None:
    source = read_source(_page(tmp_path) / "page.txt")
    assert source.language == "en"
    assert [language for _, _, language in source.other_languages] == ["ru", "fr"]
    read = [(c.language, c.value.text) for c in extract_claims(source)]
    # "4,5 millions d'euros" and "более 12 000" are read only by the grammar of their paragraph's language
    assert read == [("ru", "1999"), ("ru", ">12000"), ("fr", "EUR 4.5 million")]


def test_short_lines_and_paragraphs_in_the_document_s_language_keep_it() -> None:
    assert paragraph_language("Dr Ivan Petrov, Moscow", "en") == "en"  # too short to tell: a name, a heading
    assert paragraph_language("Мост Варск, 1998", "en") == "en"
    assert paragraph_language("The bridge was opened in 1998 by the mayor of the town.", "en") == "en"
    # a few French words in an English paragraph do not make it French
    assert paragraph_language("The café de la Paix opened in 1998 and it is still the best in the town.", "en") == "en"
    assert paragraph_language("Le pont a été ouvert en 1998 et il est le plus long de la vallée.", "en") == "fr"
    assert paragraph_language("The bridge was opened in 1998 and it is the longest in the valley.", "fr") == "en"


def test_a_declared_language_holds_for_every_paragraph(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _page(tmp_path)
    (tmp_path / "claims.toml").write_text('[sources]\npaths = ["mixed"]\nlanguages = { "mixed/page*" = "en" }\n')
    monkeypatch.chdir(tmp_path)
    claims = json.loads(CliRunner().invoke(app, ["claims", "--format", "json"]).stdout)["claims"]
    assert {c["language"] for c in claims if c["source"] == "page"} == {"en"}
    assert "EUR 4.5 million" not in {c["value"] for c in claims}  # the French decimal comma is not English


def _report(corpus: Path, fmt: str) -> str:
    result = CliRunner().invoke(app, ["conflicts", "--all", "--exit-zero", "--format", fmt, str(corpus)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_report_names_the_language_of_each_quote(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The opening year is a conflict between the page's Russian paragraph (1999) and the guide (1998)."""
    monkeypatch.chdir(tmp_path)
    corpus = _page(tmp_path)
    data = json.loads(_report(corpus, "json"))
    opened = next(t for t in data["topics"] if t["kind"] == "date")
    assert opened["status"] == "conflict"
    assert sorted((c["value"], c["language"]) for c in opened["claims"]) == [("1998", "en"), ("1999", "ru")]
    assert {s["id"]: s["language"] for s in data["sources"]} == {"page": "en", "guide": "en"}

    markdown = _report(corpus, "markdown")
    assert "`page`, dated 2023-05-02, in ru | “Мост через Орсель" in markdown
    assert "`guide` | “The Orsel bridge" in markdown  # English quotes are not marked

    html = _report(corpus, "html")
    assert '<blockquote lang="ru"><p>“Мост через Орсель' in html and ", in ru</p>" in html
    assert "undated, in en</li>" in html  # the corpus list names each document's language

    sarif = json.loads(_report(corpus, "sarif"))
    locations = sarif["runs"][0]["results"][0]["locations"]
    assert sorted(loc["properties"]["language"] for loc in locations) == ["en", "ru"]
    assert any("says 1999 (in ru): “Мост" in loc["message"]["text"] for loc in locations)

    text = _report(corpus, "text")
    assert "in ru" in text and "in en" not in text

    table = CliRunner().invoke(app, ["claims", str(corpus), "--source", "page"]).stdout
    assert "in ru" in table and "in fr" in table  # the claims of the page's Russian and French lines
    assert "in en" not in CliRunner().invoke(app, ["claims", str(corpus), "--source", "guide"]).stdout
