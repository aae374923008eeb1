"""The HTML evidence board as a reviewer opens it: well-formed, every quote shown, source text inert,
the same bytes every run, and, in a real headless Chromium, a working filter and no sideways scroll
at phone width."""

from __future__ import annotations

import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, TUNNEL

CORPORA = Path(__file__).resolve().parent / "corpora"
EVERY_CORPUS = [SEEDS, TUNNEL, CORPORA / "golden-gate", CORPORA / "brennmark-results"]
CHROMIUM = Path("/usr/bin/chromium")
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
HOSTILE = '<script>alert(1)</script> and <img src=x onerror=alert(1)> with "quotes" & ampersands'


class Page(HTMLParser):
    """The parts of the page the tests look at: whether tags balance, and the text of each quote."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.quotes: list[str] = []
        self.cards: list[dict[str, str | None]] = []
        self._quote: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.cards.append(dict(attrs))
        if tag == "blockquote":
            self._quote = []
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.open[-1] if self.open else 'nothing'}>")
            return
        self.open.pop()
        if tag == "blockquote" and self._quote is not None:
            self.quotes.append(fold("".join(self._quote)).strip("“”"))
            self._quote = None

    def handle_data(self, data: str) -> None:
        if self._quote is not None:
            self._quote.append(data)


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_of(cli, corpus: Path, config: Path, cwd: Path = ROOT) -> str:
    run = cli("conflicts", corpus, "--config", config, "--format", "html", "--exit-zero", cwd=cwd)
    assert run.exit_code == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("corpus", EVERY_CORPUS, ids=lambda p: p.name)
def test_the_page_parses_with_balanced_tags(cli, empty_config, corpus):
    text = html_of(cli, corpus, empty_config)
    page = Page(text)
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert page.errors == [] and page.open == []
    headings = [int(level) for level in re.findall(r"<h([1-6])\b", text)]
    # headings in order: no level skipped on the way down
    assert headings[0] == 1 and all(b <= a + 1 for a, b in zip(headings, headings[1:], strict=False))


@pytest.mark.parametrize("corpus", EVERY_CORPUS, ids=lambda p: p.name)
def test_every_quote_of_the_json_report_is_on_the_page(cli, empty_config, corpus):
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=ROOT).json
    page = Page(html_of(cli, corpus, empty_config))
    quotes = [c["quote"] for t in data["topics"] for c in t["claims"]]
    quotes += [q["quote"] for v in data["variants"] for q in v["quotes"]]
    assert quotes
    for quote in quotes:
        assert fold(quote) in page.quotes
    assert {card["data-status"] for card in page.cards} == {t["status"] for t in data["topics"]}
    assert len(page.cards) == len(data["topics"])  # every topic, not only the conflicts


def test_the_seeds_report_shows_corpus_witnesses_resolutions_and_variants(cli):
    text = cli("conflicts", "--format", "html", cwd=ROOT).stdout
    assert "seeds/000_39be2bd05a4b7ff6.txt, dated 2022-05-20" in text
    assert "are one text, reprinted or translated" in text
    assert "<strong>Resolution:</strong> accepted <code>2008</code> over <code>2009</code>" in text
    assert "Didier Caness" in text and "<mark>Didier Canesse</mark>" in text
    assert "<mark>fourth</mark>" in text and "seeds/000_39be2bd05a4b7ff6.txt:46</code>" in text
    assert text.index('data-status="resolved"') < text.index('data-status="agree"')
    assert "<svg" in text  # 2008 / 2008-06-11 / 2009 on a time line


def test_values_over_time_are_drawn_as_a_time_line(cli, tmp_path, empty_config):
    corpus = tmp_path / "trade"
    corpus.mkdir()
    for name, dated, year, amount in (("a", "3 March 2022", 2021, "2.1"), ("b", "9 March 2023", 2022, "2.6"),
                                      ("c", "1 May 2024", 2023, "1.9")):
        (corpus / f"{name}.txt").write_text(
            f"Rome, {dated}\n\nIn {year}, trade between the two countries reached ${amount} billion.\n",
            encoding="utf-8")
    text = html_of(cli, corpus, empty_config, cwd=tmp_path)
    card = text[text.index('data-status="changed"'):]
    assert "<polyline" in card and card.count('<circle class="dot"') == 3
    assert 'aria-label="Value by period: 2021: USD 2.1 billion; 2022: USD 2.6 billion; 2023: USD 1.9 billion"' in card
    assert "<td>2022</td><td><code>USD 2.6 billion</code></td>" in card  # the same, as a table


def test_a_hostile_source_and_config_show_as_text_never_as_markup(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"Oslo, 2 May 2024\n\n{HOSTILE}: the bridge opened in 1937.\n", encoding="utf-8")
    (corpus / "<img src=x onerror=alert(1)>.txt").write_text(
        f"Oslo, 2 May 2021\n\n{HOSTILE}: the bridge opened in 1936.\n", encoding="utf-8")
    config = tmp_path / "claims.toml"
    config.write_text(
        '[[topic]]\nid = "opened"\nlabel = "<script>alert(2)</script> & <img src=y>"\naliases = ["bridge opened"]\n'
        'kind = "date"\n\n[[resolution]]\ntopic = "opened"\naccept = "1937"\noverrules = ["1936"]\n'
        'reason = "<img src=z onerror=alert(3)> \\"quoted\\" & so"\n', encoding="utf-8")
    text = html_of(cli, corpus, config, cwd=tmp_path)
    assert "<script>alert" not in text and "<img" not in text
    assert text.count("<script>") == 1  # the page's own
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in text  # a path is source text too
    assert "&quot;quotes&quot; &amp; ampersands" in text
    assert "&lt;script&gt;alert(2)&lt;/script&gt; &amp; &lt;img src=y&gt;" in text
    assert "&lt;img src=z onerror=alert(3)&gt; &quot;quoted&quot; &amp; so" in text
    page = Page(text)
    assert page.errors == [] and page.open == []
    assert fold(HOSTILE + ": the bridge opened in 1937.") in page.quotes


def test_the_same_report_gives_the_same_bytes(cli, empty_config):
    first = cli("conflicts", "--format", "html", cwd=ROOT).stdout
    assert first == cli("conflicts", "--format", "html", cwd=ROOT).stdout
    tunnel = html_of(cli, TUNNEL, empty_config)
    assert tunnel == html_of(cli, TUNNEL, empty_config)


def test_with_javascript_off_every_card_shows_and_no_dead_controls(cli, empty_config):
    text = html_of(cli, TUNNEL, empty_config)
    assert all("hidden" not in card for card in Page(text).cards)
    assert '<div class="controls" id="controls" hidden>' in text  # the script reveals them
    assert "http://" not in text and "https://" not in text and " src=" not in text  # nothing fetched


def _chromium(tmp_path: Path, *args: str) -> str:
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: `apt-get install chromium` to run it")
def test_in_headless_chromium_the_filter_works_and_a_phone_never_scrolls_sideways(cli, tmp_path, empty_config):
    report = tmp_path / "report.html"
    run = cli("conflicts", TUNNEL, "--config", empty_config, "--format", "html", "--output", report, cwd=ROOT)
    assert run.exit_code == 1
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, "--window-size=390,1200", f"--screenshot={shot}", report.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    cards = Page(_chromium(tmp_path, "--window-size=390,1200", "--dump-dom",
                           f"{report.as_uri()}#status=conflict")).cards
    assert {c["data-status"] for c in cards} == {"conflict", "changed", "compatible", "agree"}
    for card in cards:
        assert ("hidden" in card) == (card["data-status"] != "conflict"), card["id"]

    searched = Page(_chromium(tmp_path, "--dump-dom", f"{report.as_uri()}#status=agree&q=Original%20ESTIMATE")).cards
    data = cli("conflicts", TUNNEL, "--config", empty_config, "--format", "json", cwd=ROOT).json
    estimate = [t["id"] for t in data["topics"] if t["status"] == "agree"
                and any("original estimate" in c["quote"].lower() for c in t["claims"])]
    assert [c["id"] for c in searched if "hidden" not in c] == [f"topic-{topic}" for topic in estimate]
    assert len(estimate) == 1

    # Headless windows are at least 500 px wide, so the page is measured in a 390 px frame.
    frame = tmp_path / "phone.html"
    frame.write_text(
        '<!DOCTYPE html><html><body style="margin:0"><iframe id="f" style="border:0" width="390" height="1200" '
        f'srcdoc="{html.escape(report.read_text(encoding="utf-8"))}"></iframe><script>'
        'document.getElementById("f").addEventListener("load", function () { var d = this.contentDocument;'
        'document.body.dataset.probe = d.documentElement.scrollWidth + "/" + d.documentElement.clientWidth; });'
        "</script></body></html>", encoding="utf-8")
    probe = re.search(r'data-probe="(\d+)/(\d+)"', _chromium(tmp_path, "--dump-dom", frame.as_uri()))
    assert probe, "the probe did not run"
    scroll_width, client_width = map(int, probe.groups())
    assert 300 < client_width <= 390 and scroll_width <= client_width
