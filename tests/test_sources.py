"""Loading sources: dates, line numbers, HTML text, encodings and normalisation on real files."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzfr_check.errors import InputError
from kzfr_check.sources import DocDate, Source, find_source_files, load_sources, normalise, read_source

SEEDS = Path(__file__).parents[1] / "seeds"
CORPUS = Path(__file__).parent / "corpora" / "channel-tunnel"


def _load(*paths: Path) -> tuple[dict[str, Source], list[str]]:
    warnings: list[str] = []
    return {source.id: source for source in load_sources(list(paths), warn=warnings.append)}, warnings


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("000_39be2bd05a4b7ff6", "2022-05-20"),
        ("001_d7438efd0355018a", "2022-06-05"),
        ("002_2781df7d8f51caa8", "2022-06-18"),
        ("003_a63a872f8d55b19b", None),
        ("004_862e09fcd6f07450", None),
    ],
)
def test_seed_dates(stem: str, expected: str | None) -> None:
    source = read_source(SEEDS / f"{stem}.txt")
    assert (str(source.date) if source.date else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("01-opening-day.txt", DocDate(1994, 5, 7)),
        ("02-engineering-notes.md", DocDate(2012, 3)),
        ("03-anniversary.html", DocDate(2019, 5, 6)),
        ("04-history-feature.txt", DocDate(2020, 11, 2)),
        ("05-thirty-years.txt", DocDate(2024, 5, 6)),
    ],
)
def test_corpus_dates(name: str, expected: DocDate) -> None:
    assert read_source(CORPUS / name).date == expected


def test_doc_date_prints_its_precision() -> None:
    assert [str(DocDate(2022, 5, 20)), str(DocDate(2012, 3)), str(DocDate(2024))] == [
        "2022-05-20",
        "2012-03",
        "2024",
    ]


def test_load_seeds_in_order_with_ids_and_relative_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEEDS.parent)
    sources = load_sources(["seeds"], warn=pytest.fail)
    assert [source.id for source in sources] == sorted(path.stem for path in SEEDS.glob("*.txt"))
    assert sources[0].path == "seeds/000_39be2bd05a4b7ff6.txt"
    assert all(source.encoding == "utf-8" and len(source.norm) == len(source.text) for source in sources)


def test_line_of_matches_the_file_line_in_a_seed() -> None:
    source = read_source(SEEDS / "001_d7438efd0355018a.txt")
    sentence = "My favorite place in Nur-Sultan is part of the embankment"
    offset = source.text.index(sentence)
    lines = (SEEDS / "001_d7438efd0355018a.txt").read_text(encoding="utf-8").splitlines()
    expected = next(number for number, line in enumerate(lines, 1) if sentence in line)
    assert expected == 27  # what `grep -n` shows
    assert source.line_of(offset) == 27
    assert source.line_of(offset + len(sentence)) == 27
    assert source.line_of(0) == 1


def test_html_keeps_visible_text_only_with_html_lines() -> None:
    source = read_source(CORPUS / "03-anniversary.html")
    assert source.text.startswith("Calais, 6 May 2019\n")
    for hidden in ("1921", "tracking", "Home | Transport", "Example Transport Review", "font-family"):
        assert hidden not in source.text
    assert "Twenty-five years under the sea" in source.text  # the <h1>, not the <title>
    assert source.text.count("Twenty-five years under the sea") == 1
    offset = source.text.index("Since the Queen")
    assert source.line_of(offset) == 12
    assert source.line_of(source.text.index("Calais")) == 9
    assert "430 million people have travelled through it.\nWith a length" in source.text


def test_markdown_markup_is_blanked_in_norm_only() -> None:
    source = read_source(CORPUS / "02-engineering-notes.md")
    assert "**three tunnels**" in source.text
    start = source.text.index("**three tunnels**")
    assert source.norm[start : start + 17] == "  three tunnels  "
    assert source.norm.startswith("  The Channel Tunnel in numbers")
    bullet = source.text.index("- Total length")
    assert source.norm[bullet : bullet + 14] == "  Total length"


def test_html_blocks_end_lines_and_malformed_markup_never_raises(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text(
        "<html><head><title>T</title>\n<body>\n<div>One\nsentence</div><div>Two</div>\n"
        "<p>Three &amp; <b>bold</b><br>four</p>\n<table><tr><td>5</td><td>6</td></tr><tr><th>Deaths</th><td>7</td>"
        "</tr></table>\n<dl><dt>Total cost</dt><dd>$8 billion</dd></dl><p>unclosed <aside>side",
        encoding="utf-8",
    )
    source = read_source(page)
    # a table row is one line, its cells joined as a reader sees them; a term and its definition are one line
    assert source.text == "One sentence\nTwo\nThree & bold\nfour\n5 | 6\nDeaths | 7\nTotal cost: $8 billion\nunclosed"
    assert source.line_of(source.text.index("sentence")) == 4
    assert source.line_of(source.text.index("Three")) == 5
    assert source.line_of(source.text.index("5")) == 6


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<html><head><title>Menu</title><p>Body text", "Body text"),  # <head> never closed
        ("<p>a<![x y[ b ]]>c</p><p>d", "ac\nd"),  # the stdlib parser asserts on this
        ("</p></div><p><<>>&bogus;&#xZZ;</p>", "<<>>&bogus;&#xZZ;"),
        ("<pre>x  1\ny  2</pre>", "x 1\ny 2"),
    ],
)
def test_malformed_html(tmp_path: Path, markup: str, expected: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(markup, encoding="utf-8")
    assert read_source(page).text == expected


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/!-[]&;#x=\"' \n\rapscriptdivhead"))
        | st.characters(codec="utf-8", exclude_characters="\0")
    )
)
def test_any_html_is_read_without_error(markup: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder, "x.html")
        page.write_bytes(markup.encode("utf-8", "surrogatepass"))
        source = read_source(page)
        assert len(source.norm) == len(source.text)
        assert source.line_of(len(source.text)) >= 1


def _visible_words(markup: str) -> list[str]:
    """The words a reader sees, by the rule written plainly: a hidden element hides all it contains until
    its innermost open one is closed, and a new block or <body> ends an unclosed <head>."""
    hidden: list[str] = []
    words: list[str] = []
    for tag, word in re.findall(r"<(/?\w+)>|([^<\s]+)", markup):
        if word:
            words += [] if hidden else [word]
        elif tag.startswith("/"):
            if tag[1:] in hidden:
                del hidden[len(hidden) - 1 - hidden[::-1].index(tag[1:]):]
        else:
            if tag == "body" or (tag in ("p", "div") and "head" in hidden):
                hidden.clear()
            if tag in ("nav", "aside", "head", "script"):
                hidden.append(tag)
    return words


TAGS = ["<nav>", "</nav>", "<aside>", "</aside>", "<head>", "</head>", "<p>", "</p>", "<div>", "<body>", "</script>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*TAGS, " w1 ", " w2 ", " w3 "]), max_size=40))
def test_hidden_elements_nest_and_close_as_a_reader_sees_them(parts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder, "x.html")
        page.write_text("".join(parts), encoding="utf-8")
        assert read_source(page).text.split() == _visible_words("".join(parts))


def test_thousands_of_nested_hidden_elements(tmp_path: Path) -> None:
    """Nested hidden elements, closed or left open among blocks: each tag costs the same however deep it is
    (bench/hostile.py measures it; it was quadratic)."""
    page = tmp_path / "deep.html"
    page.write_text("<p>Seen 1.</p>" + "<nav><aside>" * 50_000 + "hidden" + "</aside></nav>" * 50_000
                    + "<p>Seen 2." + "<nav><div>" * 50_000 + "hidden", encoding="utf-8")
    assert read_source(page).text == "Seen 1.\nSeen 2."


TEXT = "Дата: 5 мая 2022, café – 5 € et “plus”\nline two\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings_decode_without_warning(tmp_path: Path, data: bytes, encoding: str) -> None:
    (tmp_path / "doc.txt").write_bytes(data)
    sources, warnings = _load(tmp_path)
    source = sources["doc"]
    assert (source.text, source.encoding, warnings) == (TEXT, encoding, [])
    assert source.line_of(source.text.index("line two")) == 2


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        ("Москва, 12 июня 2022 года. Население столицы выросло.\n", "cp1251", "cp1251"),
        ("café – 5 € “chers”\n", "cp1252", "cp1252"),
        ("Größe: 5 m², naïve façade\n", "latin-1", "cp1252"),  # latin-1 bytes are valid cp1252 here
        ("prix\x90: 5 £\n", "latin-1", "latin-1"),  # 0x90 is undefined in cp1252
    ],
)
def test_legacy_encodings_decode_with_one_warning(
    tmp_path: Path, text: str, codec: str, encoding: str
) -> None:
    (tmp_path / "doc.txt").write_bytes(text.encode(codec))
    sources, warnings = _load(tmp_path)
    assert (sources["doc"].text, sources["doc"].encoding) == (text, encoding)
    assert warnings == [f"{(tmp_path / 'doc.txt').as_posix()}: not UTF-8, read as {encoding}"]


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("a\nb\nc", [1, 2, 3]),
        ("a\r\nb\r\nc\r\n", [1, 2, 3]),
        ("a\rb\rc", [1, 2, 3]),
        ("a\r\n\rb\n\nc", [1, 3, 5]),
    ],
)
def test_line_endings(tmp_path: Path, raw: str, lines: list[int]) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(raw.encode("utf-8"))
    source = read_source(path)
    assert source.text == raw  # newlines are kept as decoded
    assert [source.line_of(source.text.index(letter)) for letter in "abc"] == lines


def test_binary_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (tmp_path / "note.md").write_text("Published 3 March 2021\n", encoding="utf-8")
    sources, warnings = _load(tmp_path)
    assert list(sources) == ["note"]
    assert warnings == [f"{(tmp_path / 'image.txt').as_posix()}: skipped, looks binary"]
    with pytest.raises(InputError, match="looks binary"):
        read_source(tmp_path / "image.txt")


def test_nothing_readable_names_the_paths(tmp_path: Path) -> None:
    (tmp_path / "data.bin").write_bytes(b"\0\1")
    with pytest.raises(InputError, match=str(tmp_path)):
        load_sources([tmp_path], warn=pytest.fail)


def test_missing_path_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(InputError) as caught:
        load_sources([SEEDS, missing])
    assert str(caught.value) == f"{missing}: no such file or directory"


def test_unreadable_file_is_one_line_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_source(tmp_path, display="folder")
    assert str(caught.value).startswith("folder: cannot read (")
    assert "\n" not in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="secret.txt: cannot read \\(permission denied\\)"):
        read_source(path)


def test_find_walks_folders_follows_links_once_and_reads_named_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("<p>z</p>", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("a", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("1,2", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("h", encoding="utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = find_source_files([tmp_path, tmp_path / "notes.csv", tmp_path / "a.TXT"])
    assert found == [tmp_path / "a.TXT", tmp_path / "b" / "z.html", tmp_path / "notes.csv"]


def test_same_stem_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"from {folder}", encoding="utf-8")
    (tmp_path / "x" / "report.md").write_text("markdown", encoding="utf-8")
    sources, _ = _load(tmp_path)
    assert sorted(sources) == ["x/report", "x/report-2", "y/report"]
    assert sources["y/report"].text == "from y"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("50\u00a0km", "50 km"),
        ("5\u202f000\u2009m", "5 000 m"),
        ("\u201cquotes\u201d and \u2018single\u2019", "\"quotes\" and 'single'"),
        ("\uff11\uff12\uff13", "123"),
        ("France\u00b2", "France "),
        ("H\u2082O", "H O"),
        ("1988\u20131994 \u2212 5 \u2014 x", "1988-1994 - 5 - x"),
        ("soft\u00adhyphen\u200d\u200f", "soft hyphen  "),
        ("a\x07b\tc\r\nd", "a b\tc\r\nd"),
        ("cafe\u0301", "cafe\u0301"),
        ("\ufb01 \u00bd", "\ufb01 \u00bd"),
    ],
)
def test_normalise_examples(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@given(st.text())
def test_normalise_keeps_length(text: str) -> None:
    assert len(normalise(text)) == len(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\0\ufeff")))
def test_read_source_keeps_norm_aligned(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "doc.md")
        path.write_bytes(text.encode("utf-8"))
        source = read_source(path)
        assert source.text == text
        assert len(source.norm) == len(source.text)


def test_dateline_rules(tmp_path: Path) -> None:
    cases = {
        "Updated 3 min ago\nMay 20, 2022\n": DocDate(2022, 5, 20),
        "Published March 2012\n": DocDate(2012, 3),
        "x " * 30 + "and then on 5 May 2020 something happened in a long sentence here.\n": None,
        "Menu\n" * 12 + "London, 6 May 2024\n": None,
        "Dated 31 February 2020, then 2020-02-10\n": DocDate(2020, 2, 10),
        "Founded in 1992\n": None,
        "Tallvik\nFounded 12 May 1931 in Norrby\n": None,  # an infobox's row: the subject's date, not the page's
        "Born 20 March 1926\n": None,
        "Holmsted, 16 March 2023\n": DocDate(2023, 3, 16),  # a place that ends as a participle does
        "Mission overview\nLaunch: 3 March 2003\n": None,  # a fact box's label
        "Date: 3 March 2003\n": DocDate(2003, 3, 3),  # ... but the words of a dateline make one
        "Posted: 4 March 2003\n": DocDate(2003, 3, 4),
        # an infobox's span of an event, to its last day: no page's date
        "Ostrel shaft rockslide\nDate | 9 April 2014 (41 days) | \u2013 20 May 2014\n": None,
        "Ostrel siege\nDate: 2 March 2011 \u2013 9 May 2011\n": None,
        # a fact sheet's row, its label and its date set apart by a dash
        "Velmar Tower facts\nWork started on \u2013 March 4, 1911.\n": None,
        "Velmar Tower facts\nOpened \u2013 12 May 1931\n": None,
        # a fact sheet's field of an event's date, but a page's own
        "Korrin probe\n\nLaunch Date: March 3, 2031\n\nReturn Date: March 11, 2031\n": None,
        "Korrin probe\nPublication date: 4 April 2031\n": DocDate(2031, 4, 4),
        # a blog's archive of months, under a story it reposts
        "Lantern festival draws crowds\nAbout 40,000 people came.\nArchives\n- June 2034\n- May 2034\n": None,
    }
    for number, (content, expected) in enumerate(cases.items()):
        path = tmp_path / f"{number}.txt"
        path.write_text(content, encoding="utf-8")
        assert read_source(path).date == expected, content


def test_a_dated_event_in_a_sentence_is_not_the_page_s_date(tmp_path: Path) -> None:
    """A word of a dateline ("issued", "published") deep in a sentence dates what the sentence tells, not the page;
    one that heads its date near the start of a line still dates the page. "As of" a day deep in a sentence dates
    an undated page no earlier than that day, but its figures are not all of that day (no snapshot)."""
    cases = {
        "Ostvale floods\nAfter three weeks of rain over the valley of Brena, a flood warning was issued on March 4,"
        " 2021, to the eleven towns along the river.\n": None,
        "Brena study\nThe study, published in the Journal of Valley Hydrology, finds that 3,460 homes flooded when"
        " the river rose in September 2019.\n": None,
        "Ostvale quake\nThe quake of Brena was the worst the valley has known in a century of records. As of 11"
        " February 2012, the toll stood at 3,460.\n": DocDate(2012, 2, 11),
        "Ostvale quake\nThe quake of Brena was the worst the valley has known in a century of records. As of 11"
        " February 2012, the toll stood at 3,460.\nUpdated 3 March 2012\n": DocDate(2012, 3, 3),
        "Flood bulletin no. 4, published 9 April 2025\nThe river of Brena rose by 3 metres.\n": DocDate(2025, 4, 9),
        "Ostvale valley\nA map of the flooded towns as of 27 May 2016\n": DocDate(2016, 5, 27),
        "Ostvale valley\nPosted at 7:41 PM, Nov 18, 2017\nThe river rose.\n": DocDate(2017, 11, 18),
        "Ostvale valley\nEditor's note: this story was first published 8 June 2021.\n": DocDate(2021, 6, 8),
    }
    for number, (content, expected) in enumerate(cases.items()):
        path = tmp_path / f"{number}.txt"
        path.write_text(content, encoding="utf-8")
        assert read_source(path).date == expected, content
    deep_as_of = read_source(tmp_path / "2.txt").date
    assert deep_as_of is not None and not deep_as_of.snapshot


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Ostvale", "3,460", " ", "\n", "\r\n", "<p>", "</p>", "é"]), max_size=40),
       st.sampled_from([".txt", ".md", ".html"]))
def test_a_document_places_every_offset_on_the_line_its_source_does(tmp_path_factory, pieces: list[str],
                                                                     suffix: str) -> None:
    """The document a check keeps holds its lines in one array of numbers (sources.LineTable): every offset is
    on the same line, and a line begins at the same offset, as in the source it was read from, and the same
    again once pickled, as a worker sends it."""
    import pickle

    path = tmp_path_factory.mktemp("lines") / f"page{suffix}"
    path.write_text("".join(pieces), encoding="utf-8")
    source = read_source(path)
    document = pickle.loads(pickle.dumps(source.document()))
    assert len(document.line_offsets) == len(source.line_offsets)
    for offset in range(len(source.text) + 1):
        assert document.line_of(offset) == source.line_of(offset)
        assert document.line_start(offset) == source.line_start(offset)


def test_the_year_of_a_dateline_without_one_is_found_in_a_long_line(tmp_path) -> None:
    """A dateline's day without its year takes the year of the page's latest day stated with one, read in windows of
    a long line as claims are: a line of figures with no end is read once, not once per figure in it."""
    filler = ", ".join(f"{n} sacks to Ostvale" for n in range(200))
    path = tmp_path / "wire.txt"
    path.write_text(f"HALDEN, 4 March (Wire) - The river of Brena rose.\nShipments: {filler}, and then on 2 March "
                    f"2041 the last of them.\n", encoding="utf-8")
    assert len(path.read_text(encoding="utf-8").splitlines()[1]) > 2000
    assert read_source(path).date == DocDate(2041, 3, 4)
