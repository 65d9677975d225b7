from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from clusters.models import Category, Cluster, Standard
from clusters.services import DATA_DIR as CLUSTERS_DATA
from clusters.services import taxonomy_load
from portal.models import RegionalGroup, Respondent, RespondentType

pytestmark = pytest.mark.django_db


def test_the_database_holds_the_taxonomy_and_the_193_member_states(reference_data):
    assert Category.objects.count() == 4
    assert Cluster.objects.count() == 5
    assert Standard.objects.count() == 36
    states = Respondent.objects.filter(type__code=RespondentType.MEMBER_STATE)
    assert states.count() == 193
    assert sorted(Counter(states.values_list("regional_group", flat=True)).values()) == [
        23, 29, 33, 54, 54,
    ]  # fmt: skip
    assert states.filter(regional_group=RegionalGroup.EASTERN_EUROPEAN).count() == 23
    assert states.get(code="USA").regional_group == RegionalGroup.WESTERN_EUROPEAN_OTHERS


def test_clusters_have_their_priority_order_and_category(reference_data):
    clusters = list(Cluster.objects.values_list("letter", "priority", "category__letter"))
    assert clusters == [("a", 1, "a"), ("b", 2, "d"), ("c", 3, "c"), ("d", 4, "c"), ("e", 5, "b")]
    tokyo = Standard.objects.select_related("category", "cluster").get(code="TOKYO")
    assert (tokyo.category.letter, tokyo.cluster.letter, tokyo.year) == ("a", "a", 1990)
    assert tokyo.short_name["en"] == "Tokyo Rules"


def test_respondent_types_are_the_six_kinds_of_body(reference_data):
    assert list(RespondentType.objects.values_list("code", flat=True)) == [
        "member_state",
        "observer_state",
        "intergovernmental_organization",
        "non_governmental_organization",
        "programme_network_institute",
        "united_nations_entity",
    ]


def test_member_states_carry_names_in_six_languages_and_their_flags(reference_data):
    egypt = Respondent.objects.get(code="EGY")
    assert egypt.name["ar"] == "مصر"
    assert egypt.name["zh-hans"] == "埃及"
    assert (egypt.iso2, egypt.m49) == ("EG", "818")
    gambia = Respondent.objects.get(code="GMB")
    assert gambia.running_text_name("en") == "the Gambia"
    assert gambia.list_name("en") == "Gambia"
    assert gambia.is_ldc and not gambia.is_sids
    assert Respondent.objects.get(code="BOL").list_name("en") == "Bolivia (Plurinational State of)"


def test_loading_twice_changes_nothing(reference_data):
    before = Respondent.objects.count(), Standard.objects.count()
    call_command("load_reference_data", verbosity=0)
    assert (Respondent.objects.count(), Standard.objects.count()) == before


def test_a_correction_made_by_staff_survives_a_reload_unless_update_is_asked(reference_data):
    kenya = Respondent.objects.get(code="KEN")
    kenya.name = {**kenya.name, "fr": "Kenya (corrigé)"}
    kenya.save()
    call_command("load_reference_data", verbosity=0)
    kenya.refresh_from_db()
    assert kenya.name["fr"] == "Kenya (corrigé)"
    call_command("load_reference_data", "--update", verbosity=0)
    kenya.refresh_from_db()
    assert kenya.name["fr"] == "Kenya (le)"


def test_a_malformed_file_is_refused_naming_the_standard_and_field(tmp_path: Path, reference_data):
    for name in ("taxonomy.json",):
        (tmp_path / name).write_text((CLUSTERS_DATA / name).read_text(encoding="utf-8"))
    text = (CLUSTERS_DATA / "standards_and_norms.yaml").read_text(encoding="utf-8")
    wrong = text.replace(
        "code: BODY-PRINC\n  year: 1988\n  category: a",
        "code: BODY-PRINC\n  year: 1988\n  category: z",
    )
    assert wrong != text
    (tmp_path / "standards_and_norms.yaml").write_text(wrong, encoding="utf-8")
    Standard.objects.all().delete()
    with pytest.raises(
        Exception, match=r"standards_and_norms.yaml, standard 3 \(BODY-PRINC\), category"
    ):
        taxonomy_load(data_dir=tmp_path)
    assert Standard.objects.count() == 0


def test_the_command_reports_a_malformed_file_as_a_command_error(monkeypatch, tmp_path):
    (tmp_path / "taxonomy.json").write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr("clusters.services.DATA_DIR", tmp_path)
    monkeypatch.setattr(
        "surveys.management.commands.load_reference_data.taxonomy_load",
        lambda update: taxonomy_load(update=update, data_dir=tmp_path),
    )
    with pytest.raises(CommandError, match=r"taxonomy.json, line 1"):
        call_command("load_reference_data", verbosity=0)
