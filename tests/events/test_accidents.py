"""Accidents (events/accidents.py): happenings with no attacker are no use of force."""

from detente import Coder

from .coding import code


def test_an_accident_is_no_use_of_force(coder: Coder) -> None:
    assert code(coder, "An explosion at a Russian chemical plant killed five workers.") == []
    # nor what its participles tell
    assert code(coder, "An earthquake off Chile shook the coast, damaging roads and injuring dozens of people.") == []


def test_floods_and_crashes_are_no_force(coder: Coder) -> None:
    assert not code(coder, "Guatemala flooding kills twelve people.")
    assert not code(coder, "A Peruvian military helicopter crashed into a hillside, killing 14 people.")
