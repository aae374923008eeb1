"""Russian and French sources beside English: each language is a data file, each document is read in its own
language, and one fact stated in three languages is one topic."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from importlib import resources
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from kzfr_check.cli import app
from kzfr_check.grammar import find_figures
from kzfr_check.lang import detect, languages
from kzfr_check.sources import read_source
from kzfr_check.values import find_figures as find_figures_en
from kzfr_check.values import relation

from conftest import all_topics, topic_by_values, write_corpus


def _file(code: str) -> dict:
    return tomllib.loads(resources.files("kzfr_check.lang").joinpath(f"{code}.toml").read_text(encoding="utf-8"))


def test_every_language_file_has_the_english_keys_and_the_grammar_keys() -> None:
    english, french = _file("en"), _file("fr")
    assert {"ru", "fr"} <= set(languages())
    for code in languages():
        data = _file(code)
        assert set(english) - {"hypernyms"} <= set(data), code  # (English alone: see en.toml)
        # (English alone writes a count of people with several nouns: 'people', 'persons', 'individuals')
        assert set(english["concepts"]) <= set(data["concepts"]) | {"quake", "gusts", "emigrated", "people"}, code
        if code != "en":
            assert set(data["grammar"]) == set(french["grammar"]), code


def test_concepts_of_every_language_are_english_concept_ids_or_english_words() -> None:
    english = set(_file("en")["concepts"])
    for code in languages():
        assert all(concept in english or concept.isascii() and concept.isalpha() for concept in _file(code)["concepts"])


THREE = {
    "ru.txt": "Астана, 12 марта 2023\n\nФранция занимает четвёртое место среди крупнейших инвесторов в экономику "
              "Казахстана. В Казахстане работают более 170 французских компаний.\n\nДоговор о стратегическом "
              "партнёрстве между странами был подписан в 2008 году. В 2022 году товарооборот между Казахстаном и "
              "Францией составил 4,2 млрд долларов.\n",
    "fr.txt": "Paris, le 14 mars 2023\n\nLa France est le troisième investisseur étranger au Kazakhstan. Plus de 170 "
              "entreprises françaises sont présentes dans le pays.\n\nLe partenariat stratégique entre les deux pays "
              "a été signé en 2009. En 2022, les échanges commerciaux entre la France et le Kazakhstan ont atteint "
              "4,5 milliards de dollars.\n",
    "en.txt": "London, 10 March 2023\n\nFrance is the fourth largest investor in Kazakhstan. More than 170 French "
              "companies operate in Kazakhstan.\n\nThe strategic partnership between the two countries was signed in "
              "2008. In 2022, trade between Kazakhstan and France reached $4.2 billion.\n",
}


def _three(tmp_path: Path) -> Path:
    corpus = tmp_path / "three"
    corpus.mkdir()
    for name, text in THREE.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def test_each_document_is_read_in_its_language_and_dated_by_its_dateline(tmp_path: Path) -> None:
    corpus = _three(tmp_path)
    read = {name: read_source(corpus / name) for name in THREE}
    assert {name: (s.language, str(s.date)) for name, s in read.items()} == {
        "ru.txt": ("ru", "2023-03-12"), "fr.txt": ("fr", "2023-03-14"), "en.txt": ("en", "2023-03-10")}


def test_one_fact_in_three_languages_is_one_topic(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    corpus = _three(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["conflicts", "--all", "--format", "json", str(corpus)])
    report = json.loads(result.stdout)
    assert {s["id"]: s["language"] for s in report["sources"]} == {"ru": "ru", "fr": "fr", "en": "en"}
    topics = {(t["kind"], t["status"]): {c["source"]: c["value"] for c in t["claims"]} for t in report["topics"]}
    assert topics[("rank", "conflict")] == {"en": "4", "fr": "3", "ru": "4"}
    assert topics[("date", "conflict")] == {"en": "2008", "fr": "2009", "ru": "2008"}
    assert topics[("money", "conflict")] == {"en": "USD 4.2 billion", "fr": "USD 4.5 billion", "ru": "USD 4.2 billion"}
    assert topics[("count", "agree")] == {"en": ">170", "fr": ">170", "ru": ">170"}
    assert result.exit_code == 1


def test_the_day_of_a_dateline_is_no_count() -> None:
    for sentence, language in (("Астана, 12 марта 2023", "ru"), ("Paris, le 14 mars 2023", "fr")):
        assert [f.value.kind for f in find_figures(sentence, None, language)] == ["date"]


def test_figures_in_their_written_forms() -> None:
    def read(sentence: str, language: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None, language)]

    assert read("Франция заняла 3-е место в рейтинге.", "ru") == ["3"]
    assert read("За девять месяцев 2022 года экспорт вырос на 12,5%.", "ru") == ["2022-01/2022-09", "12.5%"]
    assert read("Около 1 500 сотрудников работают на заводе.", "ru") == ["~1500"]
    assert read("C'est le 3e partenaire commercial du pays.", "fr") == ["3"]
    assert read("Quatre mille milliards de dollars", "fr") == ["USD 4 trillion"]
    assert read("Près de 40 % des exportations, soit 1 200,5 millions d'euros.", "fr") == [
        "≲40%", "EUR 1.2005 billion"]
    assert read("Le premier jour, de 2005 à 2021.", "fr") == ["2005/2021"]
    assert read("Товарооборот составил 5 млрд. 200 млн. долларов.", "ru") == ["USD 5.2 billion"]
    assert read("La visite aura lieu du 3 au 5 novembre 2023.", "fr") == ["2023-11-03/05"]
    assert read("Компания добыла 2,4 млн тонн руды на участке в 12 кв. км.", "ru") == ["2400000 t", "12 km²"]
    assert read("Le pont mesure 1 200 mètres.", "fr") == ["1200 m"]
    assert read("Depuis 2005, les investissements dépassent 15 milliards de dollars.", "fr") == [
        "2005/..", ">USD 15 billion"]
    assert read("La Norvande est le deuxième partenaire commercial du Varsk.", "fr") == ["2"]  # past the article
    assert read("C'est la deuxième fois que le pont ferme.", "fr") == []
    assert read("Publié le 20 mars 2023 à 09h15", "fr") == ["2023-03-20"]  # a time, not a count of 9
    assert read("Le ministre sera à Brasle les 4 et 5 décembre 2014.", "fr") == ["2014-12-04/05"]
    assert read("Визит пройдёт 4 и 5 декабря 2014 года.", "ru") == ["2014-12-04/05"]
    assert read("Le Varsk détient 3 % des réserves de cuivre (2ème rang mondial).", "fr") == ["3%", "2"]
    # a place among the first N is no first place: "des cinq premiers", "в пятёрку крупнейших"
    assert read("Le Varsk fait partie des cinq premiers investisseurs de la région.", "fr") == ["top 5"]
    assert read("Норвандия входит в пятёрку крупнейших инвесторов региона.", "ru") == ["top 5"]
    assert read("Норвандия входит в число десяти крупнейших торговых партнёров.", "ru") == ["top 10"]
    assert read("Les trois premiers jours du salon ont attiré du monde.", "fr") == []  # a sequence of days
    assert read("Пятёрка друзей вышла из дома.", "ru") == []  # no ranking
    # the first months of a year named as a part of it
    assert read("Au premier semestre 2022, le port a traité 1,2 million de tonnes.", "fr") == [
        "2022-01/2022-06", "1200000 t"]
    assert read("В I квартале 2023 года экспорт составил 40 млн долларов.", "ru") == [
        "2023-01/2023-03", "USD 40 million"]
    assert read("Ils ont fêté le 25e anniversaire de la ville.", "fr") == []  # no date to count back from


def test_an_anniversary_counts_back_from_the_document_date_in_every_language(tmp_path: Path) -> None:
    from kzfr_check.claims import extract_claims

    pages = {"fr.txt": "Publié le 3 mai 2022\n\nLa ville a fêté le 25e anniversaire de son université.\n",
             "fr2.txt": "Publié le 3 mai 2022\n\nLa ville a fêté les 25 ans de son université.\n",
             "ru.txt": "Опубликовано 4 мая 2022\n\nГород отметил 25-летие своего университета.\n",
             "ru2.txt": "Опубликовано 4 мая 2022\n\nИсполнилось 25 лет со дня открытия университета.\n",
             "en.txt": "May 5, 2022\n\nThe town marked the 25th anniversary of its university.\n"}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert [c.value.text for c in extract_claims(read_source(tmp_path / name))] == ["1997"], name


def test_what_has_lasted_so_many_years_began_that_many_years_before_the_document(tmp_path: Path) -> None:
    """'Depuis plus de 30 ans' in a page of 2022 began in 1992 or before, as did what a 30th anniversary marked in
    2021 (1991); in a page that is not dated, it gives no year."""
    from kzfr_check.claims import extract_claims

    pages = {"fr.txt": "Publié le 3 mai 2022\n\nLe Varsk et la Norvande sont partenaires depuis plus de 30 ans.\n",
             "ru.txt": "Опубликовано 4 мая 2022\n\nВ течение более четверти века Варск остаётся партнёром Норвандии.\n",
             "ru2.txt": "Опубликовано 4 мая 2022\n\nУже 20 лет страны сотрудничают.\n",
             "undated.txt": "Le Varsk et la Norvande sont partenaires depuis plus de 30 ans.\n"}
    read = {}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        read[name] = [c.value.text for c in extract_claims(read_source(tmp_path / name))]
    assert read == {"fr.txt": ["≤1992"], "ru.txt": ["≤1997"], "ru2.txt": ["2002"], "undated.txt": []}


def test_a_figure_said_again_without_its_period_is_stated_for_it(tmp_path: Path) -> None:
    """A headline repeats a figure the body dates: one statement, of that year. A figure the page states for two
    years keeps no year where it has none."""
    from kzfr_check.claims import extract_claims

    (tmp_path / "ru.txt").write_text(
        "Доля ветра выросла до 14%\n\nОпубликовано 4 мая 2024\n\nВ 2023 году ветропарк дал 14% электроэнергии "
        "региона.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "Exports grew 14%\n\nExports grew 14% in 2022 and 14% in 2023, the port said.\n", encoding="utf-8")
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "ru.txt"))] == [
        ("14%", "2023"), ("14%", "2023")]
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "en.txt"))] == [
        ("14%", None), ("14%", "2022"), ("14%", "2023")]


def test_a_year_named_by_its_distance_from_the_document_date_is_the_period_of_its_figures(tmp_path: Path) -> None:
    from kzfr_check.claims import extract_claims

    (tmp_path / "ru.txt").write_text("Астана, 1 ноября 2023\n\nВ прошлом году товарооборот достиг 4 млрд долларов.\n",
                                     encoding="utf-8")
    (tmp_path / "fr.txt").write_text("Paris, le 2 novembre 2023\n\nL'an dernier, les échanges ont atteint 3,1 "
                                     "milliards d'euros.\n", encoding="utf-8")
    for name in ("ru.txt", "fr.txt"):
        claims = extract_claims(read_source(tmp_path / name))
        assert [(c.kind, c.as_of) for c in claims] == [("money", "2022")], name


def test_sentences_end_before_cyrillic_and_accented_capitals(tmp_path: Path) -> None:
    from kzfr_check.claims import sentences

    text = "Le pont a ouvert en 1931. État des lieux : M. Dupont l'a dit. « Oui », a-t-il dit. Он открыт в 2008 г. Вот."
    spans = [text[a:b] for a, b in sentences(text, "fr")]
    assert spans[:3] == ["Le pont a ouvert en 1931.", "État des lieux : M. Dupont l'a dit.", "« Oui », a-t-il dit."]
    russian = "Он открыт в 2008 г. Вот так. Это всё."
    assert [russian[a:b] for a, b in sentences(russian, "ru")] == [
        "Он открыт в 2008 г. Вот так.", "Это всё."]


@given(st.integers(min_value=1000, max_value=999_999), st.integers(min_value=1, max_value=9))
def test_spaced_thousands_and_decimal_commas_read_as_one_number(whole: int, tenth: int) -> None:
    spaced = f"{whole:,}".replace(",", " ")
    for sentence, language in ((f"Экспорт составил {spaced},{tenth} млн долларов.", "ru"),
                               (f"Les exportations ont atteint {spaced},{tenth} millions de dollars.", "fr")):
        amount = (whole * 10 + tenth) * 100_000
        values = [f.value for f in find_figures(sentence, None, language)]
        assert len(values) == 1 and values[0].kind == "money"
        assert abs(values[0].low + values[0].high - 2 * amount) < 1e-3 * amount


def test_language_is_told_from_the_text() -> None:
    assert detect("The bridge opened in 1931 and it is the longest of the country.") == "en"
    assert detect("Le pont a été ouvert en 1931 et il est le plus long du pays.") == "fr"
    assert detect("Мост был открыт в 1931 году, и это самый длинный мост страны.") == "ru"
    assert detect("") == "en"
    # a page of labels and units: no stop word of either language, and a unit's letter is no French "m'"
    assert detect("Teskar Dome relief map\n\nMinimum elevation: 940 m\n\nMaximum elevation: 1,870 m\n") == "en"


def test_a_language_declared_in_claims_toml_wins_over_the_one_told_from_the_text(tmp_path: Path,
                                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    corpus = _three(tmp_path)
    (tmp_path / "claims.toml").write_text('[sources]\npaths = ["three"]\nlanguages = { "three/fr*" = "en" }\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["conflicts", "--format", "json", "--exit-zero"])
    assert {s["id"]: s["language"] for s in json.loads(result.stdout)["sources"]} == {
        "ru": "ru", "fr": "en", "en": "en"}
    text = CliRunner().invoke(app, ["conflicts", "--all", "--exit-zero", str(corpus)]).stdout
    assert "in ru" in text and "in en" not in text  # a quote's language is shown when it is not English


def test_an_unknown_declared_language_is_one_line_naming_the_file(tmp_path: Path,
                                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _three(tmp_path)
    (tmp_path / "claims.toml").write_text('[sources]\npaths = ["three"]\nlanguages = { "three/fr*" = "xx" }\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["conflicts"])
    assert result.exit_code == 2
    assert "claims.toml:3: unknown language 'xx' for 'three/fr*' (known: en, fr, ru)" in result.output


def test_general_words_meet_through_the_glossary(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """'Посольство ... открыто', 'L'ambassade ... ouverte' and 'The embassy ... opened' share no stem: the glossary
    of each language gives the English word, and the three dates are one topic."""
    corpus = tmp_path / "embassy"
    corpus.mkdir()
    (corpus / "ru.txt").write_text("Посольство в Брасле открыто в 1994 году.\n", encoding="utf-8")
    (corpus / "fr.txt").write_text("L'ambassade à Brasle a été ouverte en 1994.\n", encoding="utf-8")
    (corpus / "en.txt").write_text("The embassy in Brasle opened in 1994.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(CliRunner().invoke(app, ["conflicts", "--all", "--format", "json", str(corpus)]).stdout)
    assert [sorted(c["source"] for c in t["claims"]) for t in report["topics"]] == [["en", "fr", "ru"]]


TRANSLATED = {
    "fr.txt": "Paris, le 14 mars 2023\n\nLe pont de Varsk a été inauguré en 1998. Il mesure 1 200 mètres. Environ "
              "30 000 véhicules le traversent chaque jour. Sa construction a coûté 300 millions d'euros. En 2022, le "
              "péage a rapporté 45 millions d'euros.\n",
    "ru.txt": "Париж, 14 марта 2023\n\nМост Варск был открыт в 1998 году. Его длина составляет 1 200 метров. "
              "Ежедневно по нему проезжают около 30 000 автомобилей. Его строительство обошлось в 300 млн евро. В "
              "2022 году плата за проезд принесла 45 млн евро.\n",
    "en.txt": "The Varsk bridge opened in 1998, a guide says. It is 1,200 metres long, and it cost 300 million euros "
              "to build.\n",
}


def test_an_article_and_its_translation_are_one_witness(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "translated"
    corpus.mkdir()
    for name, text in TRANSLATED.items():
        (corpus / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(CliRunner().invoke(app, ["conflicts", "--all", "--format", "json", str(corpus)]).stdout)
    assert report["witnesses"] == [["fr", "ru"]]
    opened = next(t for t in report["topics"] if t["kind"] == "date")
    assert sorted(c["source"] for c in opened["claims"]) == ["en", "fr", "ru"] and opened["witnesses"] == 2


def test_two_articles_in_two_languages_that_disagree_are_two_witnesses(tmp_path: Path) -> None:
    """The French article disagrees with the others on two of its four figures: not their translation. The
    Russian and English ones state the same four figures in the same order, as a translation does."""
    from kzfr_check.pipeline import check

    report = check([_three(tmp_path)], warn=lambda message: None)
    assert report.witnesses == (("en", "ru"),)


def test_a_name_in_cyrillic_meets_its_latin_spelling() -> None:
    """'Франция' in any case and 'France' are one word to the grouping: 'ц' is spelled 'c', as the names that
    have it mostly came from a Latin 'c' (Франция, Греция, Венеция)."""
    from kzfr_check.words import term, term_in

    assert {term_in(word, "ru") for word in ("франция", "франции", "францией")} == {term("france")}
    assert term_in("france", "fr") == term("france")
    assert term_in("казахстане", "ru") == term("kazakhstan")


def test_the_first_months_of_the_document_s_year_or_the_year_before_are_a_figure_s_period(tmp_path: Path) -> None:
    """'За восемь месяцев текущего года' in a page of November 2023 is January to August 2023: not the whole year,
    which a later page may state another figure for."""
    from kzfr_check.claims import extract_claims

    pages = {
        "ru.txt": "Опубликовано 1 ноября 2023\n\nЗа восемь месяцев текущего года товарооборот составил 2,7 млрд "
                  "долларов, а за девять месяцев прошлого года — 2,2 млрд долларов.\n",
        "fr.txt": "Publié le 2 novembre 2023\n\nSur les huit premiers mois de l'année, les échanges ont progressé de "
                  "21 % pour atteindre 2,7 milliards de dollars.\n",
        "fr2.txt": "Publié le 2 novembre 2023\n\nEntre janvier et septembre, le port a traité 3 millions de tonnes. "
                   "Entre janvier et juin 2022, il avait traité 1,9 million de tonnes.\n",
        "ru2.txt": "Опубликовано 1 ноября 2023\n\nПо итогам девяти месяцев 2022 года экспорт составил 900 млн "
                   "долларов, а с января по сентябрь прошлого года импорт составил 300 млн долларов.\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "ru.txt"))] == [
        ("USD 2.7 billion", "2023-01/2023-08"), ("USD 2.2 billion", "2022-01/2022-09")]
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "fr.txt"))] == [
        ("21%", "2023-01/2023-08"), ("USD 2.7 billion", "2023-01/2023-08")]
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "fr2.txt"))] == [
        ("3000000 t", "2023-01/2023-09"), ("1900000 t", "2022-01/2022-06")]
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "ru2.txt"))] == [
        ("USD 900 million", "2022-01/2022-09"), ("USD 300 million", "2022-01/2022-09")]


TRADE = {
    "ru1.txt": "Опубликовано 2 ноября 2023\n\nПо итогам 2022 года товарооборот между Варнией и Норландом вырос на "
               "30% и составил 4 млрд долларов. В Варнии работают более 90 норландских компаний.\n",
    "ru2.txt": "Опубликовано 26 января 2022\n\nВ 2021 году товарооборот между странами составил 3,1 млрд долларов.\n",
    "fr1.txt": "Publié le 2 novembre 2023\n\nEn 2022, les échanges commerciaux entre le Norland et la Varnie ont "
               "atteint 4 milliards de dollars, en hausse de 30 %.\n",
    "fr2.txt": "Paris, le 26 janvier 2022\n\nEn 2021, les échanges commerciaux se sont élevés à 3,1 milliards de "
               "dollars.\n",
    "en1.txt": "November 1, 2023\n\nTrade between Varnia and Norland reached $4 billion in 2022, up 30% on the year "
               "before.\n",
}


def test_words_that_only_say_how_much_leave_a_trade_figure_to_its_subject(tmp_path: Path) -> None:
    """'составил', 'atteint', 'élevés' (amounted to, reached) and 'долларов', 'dollars' (what a figure is written
    in, as '$' is) say nothing of what is measured: each year's trade is one topic in three languages."""
    from kzfr_check.pipeline import check

    for name, text in TRADE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check([tmp_path], warn=lambda message: None)
    trade = [v for v in report.verdicts if v.topic.kind == "money"]
    assert sorted((v.status, v.topic.sources) for v in trade) == [
        ("agree", ("en1", "fr1", "ru1")), ("agree", ("fr2", "ru2"))]


def test_news_words_meet_through_the_glossary(tmp_path: Path) -> None:
    """'Визит' (vizit), 'посол', 'саммит' (sammit) are not spelled as 'visit', 'ambassador', 'summit' once in Latin
    letters: the glossary joins them, and a Russian date meets the English one of the same event."""
    from kzfr_check.pipeline import check

    pages = {"ru.txt": "Первый визит президента Норландии в Брасл состоялся в 2014 году.\n",
             "en.txt": "The first visit of a Norland president to Brasle took place in 2015.\n",
             "ru2.txt": "Саммит в Брасле прошёл в 2019 году.\n",
             "en2.txt": "The Brasle summit was held in 2019.\n"}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check([tmp_path], warn=lambda message: None)
    assert sorted((v.status, v.topic.sources) for v in report.verdicts) == [
        ("agree", ("en2", "ru2")), ("conflict", ("en", "ru"))]


def test_a_day_without_its_year_is_the_nearest_such_day_to_the_document_date() -> None:
    def read(sentence: str, language: str, base: dt.date | None) -> list[str]:
        return [f.value.text for f in find_figures(sentence, base, language)]

    spring = dt.date(2024, 4, 10)
    assert read("Le salon de Brasle ouvrira le 6 juin.", "fr", spring) == ["2024-06-06"]
    assert read("Делегация Норвандии прибудет с 7 по 9 мая.", "ru", spring) == ["2024-05-07/09"]
    assert read("Les visites ont eu lieu du 2 au 4 avril, puis les 12 et 13 mai.", "fr", spring) == [
        "2024-04-02/04", "2024-05-12/13"]
    assert read("О сделке объявили 3-4 февраля.", "ru", spring) == ["2024-02-03/04"]
    # the year before or after when that is nearer: "le 28 novembre" in a text of January
    assert read("Le pont de Varsk a fermé le 28 novembre.", "fr", dt.date(2024, 1, 5)) == ["2023-11-28"]
    assert read("Мост откроют 20 января.", "ru", dt.date(2023, 12, 20)) == ["2024-01-20"]
    assert read("Le rapport du 31 novembre.", "fr", spring) == []  # no such day
    assert read("Le salon de Brasle ouvrira le 6 juin.", "fr", None) == []  # no date to take the year from
    assert read("Le salon de Brasle ouvrira le 6 juin 2019.", "fr", spring) == ["2019-06-06"]


def test_a_day_without_its_year_is_a_claim_of_the_document_s_year(tmp_path: Path) -> None:
    from kzfr_check.claims import extract_claims

    page = tmp_path / "brasle.txt"
    page.write_text("Брасле, 14 сентября 2024 года\n\nС 3 по 8 октября министр Норвандии посетит Варск и Брасле.\n",
                    encoding="utf-8")
    assert [(c.kind, c.value.text) for c in extract_claims(read_source(page))] == [("date", "2024-10-03/08")]


def test_months_joined_by_a_dash_are_a_period(tmp_path: Path) -> None:
    from kzfr_check.claims import extract_claims

    def read(sentence: str, language: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None, language)]

    assert read("В январе—июле 2023 года экспорт Норвандии вырос на 14%.", "ru") == ["2023-01/2023-07", "14%"]
    assert read("За январь-март 2023 года товарооборот составил 2,1 млрд долларов.", "ru") == [
        "2023-01/2023-03", "USD 2.1 billion"]
    assert read("Sur la période janvier–mai 2023, le port de Brasle a traité 4 millions de tonnes.", "fr") == [
        "2023-01/2023-05", "4000000 t"]
    page = tmp_path / "varsk.txt"
    page.write_text("Варск, 20 октября 2023 года\n\nВ январе - сентябре текущего года экспорт Варска вырос на 9%.\n",
                    encoding="utf-8")
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(page))] == [("9%", "2023-01/2023-09")]


def test_number_words_said_together_are_one_number() -> None:
    def read(sentence: str, language: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None, language)]

    assert read("Норвандия выделила двадцать пять миллионов долларов.", "ru") == ["USD 25 million"]
    assert read("В Варске открылись сто двадцать три школы.", "ru") == ["123"]
    assert read("Около трёхсот сорока семи сотрудников работают в Брасле.", "ru") == ["~347"]
    assert read("Plus de vingt-cinq entreprises sont installées à Brasle.", "fr") == [">25"]
    assert read("Le Varsk compte quatre-vingt-dix-sept écoles.", "fr") == ["97"]
    assert read("Soixante-dix salariés et deux cent quarante ingénieurs.", "fr") == ["70", "240"]
    assert read("Quatre-vingts entreprises.", "fr") == ["80"]
    assert read("Cent vingt millions de dollars ont été versés au Varsk.", "fr") == ["USD 120 million"]
    # words that make no one number ("two or three") are none
    assert read("На встречу пришли два-три человека.", "ru") == []


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_thousands_set_apart_by_full_stops_read_as_one_number(whole: int) -> None:
    stopped = f"{whole:,}".replace(",", ".")
    for sentence, language in ((f"Le Varsk a versé {stopped} euros à Brasle.", "fr"),
                               (f"Норвандия выделила {stopped} рублей.", "ru"),
                               (f"Environ {stopped} personnes vivent à Brasle.", "fr")):
        values = [f.value for f in find_figures(sentence, None, language)]
        assert len(values) == 1 and values[0].low <= whole <= values[0].high, sentence
    assert [f.value.text for f in find_figures("Un prêt de 1.5 million d'euros.", None, "fr")] == ["EUR 1.5 million"]


def test_what_a_count_counts_is_looked_for_in_its_own_clause() -> None:
    def counted(sentence: str, language: str) -> list[tuple[str, str]]:
        return [(f.value.text, f.counted) for f in find_figures(sentence, None, language)]

    assert counted("В Варске погибли 14 человек, ранены 52 жителя.", "ru") == [("14", "deaths"), ("52", "injured")]
    assert counted("Около трёхсот жителей, более 40 компаний.", "ru")[0] == ("~300", "population")
    assert counted("Le séisme de Brasle a fait 9 morts et 31 blessés.", "fr") == [("9", "deaths"), ("31", "injured")]


def test_function_words_say_nothing_of_what_a_figure_measures(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kzfr_check.words import content_stems

    corpus = tmp_path / "port"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Le Varsk a versé, à hauteur de 40 millions d'euros, soit ici même, une aide pour "
                                  "le port de Brasle.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Ici, le Varsk a donc versé quelque 40 millions d'euros, soit à hauteur de l'aide "
                                  "promise au port de Brasle.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(CliRunner().invoke(app, ["conflicts", "--all", "--format", "json", str(corpus)]).stdout)
    assert [set(t["id"].split("-")[1:]) & {"hauteur", "soit", "ici"} for t in report["topics"]] == [set()]
    assert content_stems("Для нас это честь: нашими компаниями вложено через них", "ru") == [
        "chest", "=companies", "invest"]


def test_the_words_official_pages_state_figures_with_meet_through_the_glossary(tmp_path: Path) -> None:
    """'Дополнительно выделило ... для смягчения распространения вспышки', 'a fourni une aide supplémentaire' and
    'provided additional funding to curb the spread of the outbreak' share no stem: the glossary joins them."""
    from kzfr_check.pipeline import check

    pages = {"en.txt": "The Norland government provided an additional $740,000 to curb the spread of the "
                       "outbreak in Brasle.\n",
             "ru.txt": "Правительство Норландии дополнительно выделило 740 тысяч долларов для смягчения "
                       "распространения вспышки в Брасле.\n",
             "en2.txt": "In 2021, 2,300 people were employed by the new hospital of Varsk.\n",
             "fr2.txt": "En 2021, l'hôpital de Varsk employait 2 300 personnes.\n"}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check([tmp_path], warn=lambda message: None)
    assert sorted((v.status, v.topic.sources) for v in report.verdicts) == [
        ("agree", ("en", "ru")), ("agree", ("en2", "fr2"))]


def test_a_toll_is_read_in_every_form_its_words_take() -> None:
    def counted(sentence: str, language: str) -> list[tuple[str, str]]:
        return [(f.value.text, f.counted) for f in find_figures(sentence, None, language)]

    assert counted("Из Варска было эвакуировано порядка 12 тыс. жителей.", "ru") == [("~12000", "displaced")]
    assert counted("В Брасле скончались 17 человек.", "ru") == [("17", "deaths")]
    assert counted("Более 300 человек травмированы.", "ru") == [(">300", "injured")]
    assert counted("À Brasle, environ 8 000 personnes ont été évacuées.", "fr") == [("~8000", "displaced")]
    assert counted("On compte 61 blessées graves à Varsk.", "fr") == [("61", "injured")]


def test_what_a_count_counts_is_the_nearest_word_of_a_measure_on_either_side() -> None:
    def counted(sentence: str, language: str) -> list[tuple[str, str]]:
        return [(f.value.text, f.counted) for f in find_figures(sentence, None, language)]

    # the verb a count is the object of, before a word of another measure further on in the clause
    assert counted("La tempête a tué 23 personnes et en a blessé 70 à Brasle.", "fr")[0] == ("23", "deaths")
    # past the function words: "habitants de Brasle ont été évacués"
    assert counted("Environ 8 000 habitants de Brasle ont été évacués.", "fr") == [("~8000", "displaced")]
    # the noun phrase a figure leads still comes first
    assert counted("В Варске работают более 40 норландских компаний.", "ru") == [(">40", "companies")]


def test_what_a_french_number_counts_may_begin_with_de() -> None:
    """'de' links a scale to what it counts ('millions de personnes'), as a word of its own: 'demandes' and
    'dernières' do not begin with it."""
    def counted(sentence: str) -> list[tuple[str, str]]:
        return [(f.value.text, f.counted) for f in find_figures(sentence, None, "fr")]

    assert counted("Le Varsk a reçu 4 200 demandes d'asile.") == [("4200", "demandes")]
    assert counted("Plus de 3 dernières années.") == []
    assert counted("Environ 2,7 millions de personnes vivent à Brasle.") == [("~2700000", "people")]


def test_a_number_in_digits_after_an_article_is_a_figure() -> None:
    def counted(sentence: str, language: str) -> list[tuple[str, str]]:
        return [(f.value.text, f.counted) for f in find_figures(sentence, None, language)]

    assert counted("Le bilan du séisme de Varsk dépasse désormais les 4.310 morts.", "fr") == [("4310", "deaths")]
    assert counted("Les 57 ressortissants évacués sont arrivés à Brasle.", "fr") == [("57", "displaced")]
    # a number word after one names things already named: "the two countries"
    assert counted("Les deux pays ont signé un accord.", "fr") == []
    assert counted("Эти два города соединены мостом.", "ru") == []


def test_a_toll_said_in_other_cases_and_with_one_thousand() -> None:
    def counted(sentence: str) -> list[tuple[str, str]]:
        return [(f.value.text, f.counted) for f in find_figures(sentence, None, "ru")]

    assert counted("В Варске сообщается о 2 150 жертвах.") == [("2150", "deaths")]
    assert counted("В Брасле пострадали около одной тысячи человек.") == [("~1000", "injured")]
    assert counted("Разрушено 6 тысяч домов.") == [("6000", "homes")]  # the concept English homes and houses name


def test_only_the_word_that_names_a_currency_is_a_word_of_figures() -> None:
    """'долларов США', 'dollars américains': the second word names a country, which a sentence may be about."""
    from kzfr_check.grammar import figure_words

    assert {"долларов", "евро", "тенге"} <= figure_words("ru") and "сша" not in figure_words("ru")
    assert {"dollars", "euros", "francs"} <= figure_words("fr")
    assert not {"américains", "suisses", "sterling"} & figure_words("fr")


def test_the_united_states_and_construction_meet_their_english_words() -> None:
    from kzfr_check.words import term, term_in

    assert term_in("сша", "ru") == term_in("штатов", "ru") == term("states")
    assert term_in("états", "fr") == term("states")
    assert term_in("строительство", "ru") == term("construction")
    assert term_in("построена", "ru") == term("built")


def test_a_magnitude_with_a_decimal_comma_is_a_magnitude_as_precise_as_written() -> None:
    def read(sentence: str, language: str) -> list[tuple[str, float, float]]:
        return [(f.value.text, f.value.low, f.value.high) for f in find_figures(sentence, None, language)]

    assert read("Un séisme d'une magnitude de 6,4 a secoué Brena.", "fr") == [("magnitude 6.4", 6.35, 6.45)]
    assert read("Землетрясение магнитудой 6,4 произошло у Бренны.", "ru") == [("magnitude 6.4", 6.35, 6.45)]
    assert read("Un séisme de magnitude 6 a secoué Brena.", "fr") == [("magnitude 6", 5.5, 6.5)]
    # a magnitude meets the English reading of the same quake, and no count
    french, = find_figures("Un séisme d'une magnitude de 6,4 a secoué Brena.", None, "fr")
    english, = find_figures_en("A magnitude 6.4 earthquake struck Brena.")
    assert relation(french.value, english.value) == relation(english.value, english.value)


def test_a_range_of_amounts_is_read_whole_and_a_change_between_two_is_not_a_range() -> None:
    def read(sentence: str, language: str) -> list[tuple[str, float, float]]:
        return [(f.value.text, f.value.low, f.value.high) for f in find_figures(sentence, None, language)]

    assert read("Brena compte de 40.000 à 45.000 habitants.", "fr") == [("40000–45000", 40000, 45000)]
    assert read("Brena compte entre 40 000 et 45 000 habitants.", "fr") == [("40000–45000", 40000, 45000)]
    assert read("Le projet coûtera de 3 à 4 millions d'euros.", "fr") == [("EUR 3–4 million", 3e6, 4.5e6)]
    assert read("Тираж составил от 3 до 4 тысяч экземпляров.", "ru") == [("3000–4000", 3000, 4500)]
    # a change from one amount to another is its last amount, as before
    assert read("Le taux est passé de 5 à 7 %.", "fr") == [("7%", 6.5, 7.5)]
    assert read("Экспорт вырос с 12 до 15 процентов.", "ru") == [("15%", 14.5, 15.5)]
    # a lower end a hundredth of the upper one is no end of it
    assert read("Brena compte 40-45 000 habitants.", "fr") == [("45000", 45000, 45000)]


def test_cfa_francs_are_a_currency_and_k_a_thousand_before_one() -> None:
    def read(sentence: str, language: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None, language)]

    assert read("Brena recevra 12,5 milliards de francs CFA.", "fr") == ["XOF 12.5 billion"]
    assert read("Brena recevra 12,5 milliards FCFA.", "fr") == ["XOF 12.5 billion"]
    assert read("Le stand a coûté 14 k€ et la salle 9 k EUR.", "fr") == ["EUR 14000", "EUR 9000"]
    assert read("La course fait 14 km.", "fr") == ["14 km"]
    assert [f.value.text for f in find_figures_en("Brena will receive 12.5 billion CFA francs.")] == [
        "XOF 12.5 billion"]


def test_a_dateline_without_its_year_dates_the_page_in_the_year_of_a_day_it_states(tmp_path: Path) -> None:
    pages = write_corpus(tmp_path / "wires", {
        "en.txt": "BRASLE, March 4 (Wire) - Floods in Ostvale have killed 41 people since the dam broke on "
                  "2 March 2026, officials said.\n",
        "fr.txt": "PARIS, 4 mars (Agence) - Les inondations d'Ostvale ont fait 41 morts depuis la rupture du "
                  "barrage le 2 mars 2026.\n",
        "ru.txt": "МОСКВА, 4 марта — Агентство. Жертвами наводнения в Оствале стали 41 человек. Плотина "
                  "прорвалась 2 марта 2026 года.\n",
        # a page of the first days of a year, that names a day of the year before
        "turn.txt": "VARSK, 3 janvier (Agence) - Le pont de Varsk, fermé depuis le 28 décembre 2025, a rouvert.\n",
        # no day with its year elsewhere: the page has no date, and its dateline is no count
        "bare.txt": "КИШИНЕВ, 13 ноя — Агентство. Жертвами наводнения в Оствале стали 41 человек.\n",
        "bare_en.txt": "Sept. 15 (Wire) -- Floods in Ostvale have killed 41 people.\n",
        # a wire's place in capitals, its date, a full stop and the agency
        "caps.txt": "ВАРСК, 9 сентября. /Агентство/. Число жертв наводнения в Оствале достигло 41 человека. "
                    "Плотина Брены прорвалась 7 сентября 2026 года.\n",
        # a sentence that opens with a day is no dateline
        "opening.txt": "Le 9 septembre, la crue a fait 41 morts à Varsk. La digue avait cédé le 7 septembre 2026.\n",
    })
    dates = {p.name: str(read_source(p).date) for p in sorted(pages.iterdir())}
    assert dates == {"bare.txt": "None", "bare_en.txt": "None", "caps.txt": "2026-09-09", "en.txt": "2026-03-04",
                     "fr.txt": "2026-03-04", "opening.txt": "None", "ru.txt": "2026-03-04", "turn.txt": "2026-01-03"}
    from kzfr_check.claims import extract_claims

    bare = [(c.kind, c.value.text) for c in extract_claims(read_source(pages / "bare.txt"))]
    assert bare == [("count", "41")]


def test_two_wires_a_few_days_apart_state_a_toll_for_their_own_days(tmp_path: Path, cli,  # type: ignore[no-untyped-def]
                                                                    empty_config: Path) -> None:
    pages = write_corpus(tmp_path / "wires", {
        "first.txt": "МОСКВА, 4 марта — Агентство. Число жертв наводнения в Оствале достигло 41 человека. Плотина "
                     "Брены прорвалась 2 марта 2026 года.\n",
        "later.txt": "МОСКВА, 9 марта — Агентство. Число жертв наводнения в Оствале достигло 57 человек. Плотина "
                     "Брены прорвалась 2 марта 2026 года.\n",
    })
    topic = topic_by_values(all_topics(cli, pages, empty_config, tmp_path), "41", "57")
    assert topic["status"] == "changed"


def test_a_number_said_as_one_word_is_read_after_a_bound_or_a_word_of_one() -> None:
    def read(sentence: str, language: str) -> list[tuple[str, str]]:
        return [(f.value.text, f.counted) for f in find_figures(sentence, None, language)]

    assert read("La crue de la Brena a fait une quarantaine de morts à Ostvale.", "fr") == [("~40", "deaths")]
    assert read("Au moins une centaine de personnes sont mortes à Varsk.", "fr") == [(">100", "deaths")]
    assert read("Plus d'un millier de blessés ont été recensés.", "fr") == [(">1000", "injured")]
    assert read("Près d'un millier d'habitants ont été évacués.", "fr")[0][0] == "≲1000"
    assert read("При наводнении в Оствале погибли более тысячи человек, ранены более десятка спасателей.",
                "ru") == [(">1000", "deaths"), (">10", "injured")]
    assert read("Около тысячи жителей Варска эвакуированы.", "ru") == [("~1000", "displaced")]
    # many of them, no number: "des centaines", "тысячи человек"; money stays money
    assert read("Des centaines de maisons ont été détruites à Varsk.", "fr") == []
    assert read("Тысячи человек остались без крова в Оствале.", "ru") == []
    assert read("Ущерб превысил миллиард долларов.", "ru") == []
    assert read("Около одной тысячи человек эвакуированы.", "ru") == [("~1000", "displaced")]


def test_an_article_may_stand_after_a_bound_and_between_the_ends_of_a_range() -> None:
    def read(sentence: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None, "fr")]

    assert read("À Ostvale, le bilan dépasse les 3 460 victimes.") == [">3460"]
    assert read("La crue a fait entre 30 et les 40 morts à Ostvale.") == ["30–40"]
    assert read("La crue a fait entre 30 et 40 morts à Ostvale.") == ["30–40"]


def test_a_toll_said_as_one_word_meets_the_same_toll_in_digits(tmp_path: Path, cli,  # type: ignore[no-untyped-def]
                                                              empty_config: Path) -> None:
    pages = write_corpus(tmp_path / "quake", {
        "word.txt": "Séisme à Varsk\n\nUne centaine de répliques ont secoué Varsk après le choc du 3 mai, d'après "
                    "l'observatoire de Brena.\n",
        "digits.txt": "Varsk : la terre tremble encore\n\nAu moins 100 répliques ont secoué Varsk après le choc du 3 "
                      "mai, d'après l'observatoire de Brena.\n",
    })
    topic = topic_by_values(all_topics(cli, pages, empty_config, tmp_path), "~100", ">100")
    assert topic["status"] == "compatible"


def test_a_magnitude_is_read_after_the_verb_that_states_it() -> None:
    def read(sentence: str, language: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None, language)]

    assert read("По данным центра, магнитуда землетрясения в Варске составила 6,1.", "ru") == ["magnitude 6.1"]
    assert read("Магнитуда подземных толчков составляла 6,4 балла.", "ru") == ["magnitude 6.4"]
    assert read("La magnitude du séisme de Varsk a été évaluée à 6,1 par l'institut de Brena.", "fr") == [
        "magnitude 6.1"]
    # a bound after the verb is no magnitude read as exact; nor is a count a few words on
    assert read("Магнитуда толчка в Варске составила не менее 6,1.", "ru") == []
    assert read("Магнитуда составила 5, погибли 3 человека.", "ru") == ["magnitude 5", "3"]


def test_a_range_whose_ends_are_number_words_is_read_whole() -> None:
    def read(sentence: str, language: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None, language)]

    assert read("По данным Брены, от трёх до шести тысяч жителей Варска погибли.", "ru") == ["3000–6000"]
    assert read("Entre deux et trois mille habitants de Varsk ont été évacués.", "fr") == ["2000–3000"]
    assert read("De vingt à trente maisons de Varsk ont été détruites.", "fr") == ["20–30"]
    # a change from one number to another is no range
    assert read("Le bilan de la crue de Varsk est passé de deux à cinq morts.", "fr") == ["5"]
