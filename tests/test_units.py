"""Units and named scales: the data in kzfr_check/units.toml checked against pint, and figures read with them."""

from __future__ import annotations

import tomllib
from importlib import resources

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzfr_check.values import MEASURES, find_figures, relation

BASE = {"length": "meter", "mass": "kilogram", "area": "meter ** 2", "power": "watt", "energy": "watt_hour",
        "speed": "meter / second", "pressure": "pascal", "volume": "meter ** 3", "flow": "meter ** 3 / second",
        "duration": "second", "dose": "sievert", "temperature": "kelvin"}
UNITS = tomllib.loads(resources.files("kzfr_check").joinpath("units.toml").read_text(encoding="utf-8"))
REGISTRY = pint.UnitRegistry()


@pytest.mark.parametrize("symbol", sorted(UNITS))
def test_each_factor_is_pints(symbol: str) -> None:
    unit = UNITS[symbol]
    if "offset" in unit:  # a scale whose zero is elsewhere (°F, °C): where its zero is, and how big one step is
        zero = REGISTRY.Quantity(0, unit["pint"]).to(BASE[unit["kind"]]).magnitude
        one = REGISTRY.Quantity(1, unit["pint"]).to(BASE[unit["kind"]]).magnitude
        assert (unit["offset"], unit["factor"]) == (pytest.approx(zero, rel=1e-9), pytest.approx(one - zero, rel=1e-6))
        return
    expected = REGISTRY(unit["pint"]).to(BASE[unit["kind"]]).magnitude
    assert unit["factor"] == pytest.approx(expected, rel=1e-6)


def test_a_name_names_one_unit() -> None:
    names = [name.lower() for unit in UNITS.values() for name in unit["names"]]
    assert len(names) == len(set(names)) == len(MEASURES)


def _read(sentence: str) -> list[tuple[str, str]]:
    return [(f.value.kind, f.value.text) for f in find_figures(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Winds of 120 knots were measured.", [("speed", "120 kt")]),
    ("Gusts reached 90 km/h on the coast.", [("speed", "90 km/h")]),
    ("The storm had winds over 140 mph at landfall.", [("speed", ">140 mph")]),
    ("Its central pressure fell to 920 mb, from 934 hPa.", [("pressure", "920 mb"), ("pressure", "934 hPa")]),
    ("Up to 53,000 barrels per day leaked.", [("flow", "≤53000 bbl/day")]),
    ("Some 4.9 million barrels of oil were lost.", [("volume", "~4900000 bbl")]),
    ("Total: 2,724,900 sq km", [("area", "2724900 km²")]),
    ("Rain totals reached 12 inches.", [("length", "12 in")]),
    # a unit named before its noun is written in the singular: "a 420 megawatt wind farm"
    ("A planned 420 megawatt wind farm is waiting for a permit.", [("power", "420 MW")]),
    ("The 300-megawatt turbines make 4.9 terawatt-hours a year.", [("power", "300 MW"), ("energy", "4.9 TWh")]),
    ("Sewage flowed into the estuary over a 63-day period.", [("duration", "63 d")]),
    ("The firm brings more than 15 years of experience.", [("duration", ">15 yr")]),
    ("Recovery works took 14 months.", [("duration", "14 mo")]),
])
def test_units_outside_the_old_table(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _read(sentence) == expected


def test_the_same_wind_in_knots_and_mph_is_compatible() -> None:
    knots, mph = (f.value for f in find_figures("Winds of 110 knots or 127 mph were reported."))
    assert relation(knots, mph) == "compatible"
    assert relation(mph, find_figures("Winds of 140 mph were reported.")[0].value) == "conflict"


@pytest.mark.parametrize(("sentence", "text"), [
    ("A magnitude 7.8 quake struck before dawn.", "magnitude 7.8"),
    ("The 7.6-magnitude tremor was felt far away.", "magnitude 7.6"),
    ("It measured 7.5 on the Richter scale.", "magnitude 7.5"),
    ("An Mw 7.7 earthquake hit the region.", "magnitude 7.7"),
    ("It reached a maximum intensity of XII.", "intensity 12"),
    ("Shaking of intensity IX was reported.", "intensity 9"),
    ("It made landfall as a Category 4 hurricane.", "category 4"),
    ("The agency raised the alert to Level 3.", "level 3"),
])
def test_named_scales(sentence: str, text: str) -> None:
    assert _read(sentence) == [("scale", text)]


def test_values_of_different_scales_are_never_compared() -> None:
    category, = (f.value for f in find_figures("It was a Category 4 storm."))
    magnitude, = (f.value for f in find_figures("It was a magnitude 4 quake."))
    assert category.group_key != magnitude.group_key


@given(st.integers(min_value=1, max_value=12))
def test_roman_intensities_read_as_their_number(n: int) -> None:
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][n - 1]
    assert _read(f"Shaking reached intensity {roman} near the coast.") == [("scale", f"intensity {n}")]


@pytest.mark.parametrize("sentence", [
    "A 34-year-old man was among the injured.",
    "The campaign targets people aged one year and over.",
    "Most cases were in children under five years of age.",
    "The bridge opened three years ago.",
    "Six weeks after the first case was confirmed, the outbreak had spread.",
    "Two days later the river burst its banks.",
])
def test_ages_and_times_that_date_an_event_are_no_spans_of_time(sentence: str) -> None:
    assert [kind for kind, _ in _read(sentence)] == []


def test_the_span_an_amount_is_spread_over_is_no_figure_of_its_own() -> None:
    assert _read("The utility asked for 45 million dollars over five years.") == [("money", "USD 45 million")]
    assert _read("They have invested $9.6 billion over the past 18 years.") == [("money", "USD 9.6 billion")]


def test_doses_of_radiation_are_one_kind_in_any_unit() -> None:
    """'0.075 rems' and '70 millirems' are doses that can be compared (75 and 70 millirems), not counts."""
    assert _read("The highest dose any one person got was 0.075 rems.") == [("dose", "0.075 rem")]
    assert _read("No one received more than 70 millirems.") == [("dose", ">70 mrem")]
    assert _read("A scan gives about 2.4 mSv.") == [("dose", "~2.4 mSv")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Highs reached 104°F on Tuesday.", [("temperature", "104 °F")]),
    ("The Osk axle box was 41 degrees Fahrenheit warmer than the air around it.", [("temperature", "41 °F")]),
    ("Lows of -12 °C were recorded, and minus 20 degrees Celsius on the pass.",
     [("temperature", "-12 °C"), ("temperature", "-20 °C")]),
    ("Water temperatures of 10-12°C", [("temperature", "10–12 °C")]),
    # degrees of no named scale are an angle, a latitude or a temperature the page does not say: no figure
    ("It hit 90 degrees, at 37°03′N, on a 45° slope.", []),
])
def test_temperatures_on_a_named_scale(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _read(sentence) == expected


def test_one_temperature_in_fahrenheit_and_celsius_is_compatible() -> None:
    fahrenheit, celsius = (f.value for f in find_figures("The Varn valley reached 104°F (40°C) on Tuesday."))
    assert relation(fahrenheit, celsius) == "compatible"
    assert relation(fahrenheit, find_figures("The Varn valley reached 45°C on Tuesday.")[0].value) == "conflict"
