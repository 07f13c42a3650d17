from detente.vocabulary import actor_label


def test_actor_labels_tell_roles_apart():
    assert actor_label("United States", "GOV") == "United States government"
    assert actor_label("United States", "MIL") == "United States military"
    assert actor_label("Turkey", "SEP") == "Turkey separatist rebels"
    assert actor_label("North Atlantic Treaty Organization", None) == "North Atlantic Treaty Organization"
