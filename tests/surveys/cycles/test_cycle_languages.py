"""A cycle goes out in the languages its contact persons read (issue 11): its title and session
are written in six languages, and a questionnaire incomplete in a language they read is sent only
when an administrator says why, which the cycle records."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from portal.models import Respondent
from portal.roles import Role
from surveys.cycles.services import TextsMissing, cycle_open
from surveys.models import Cycle
from tests.factories import user_with_role
from tests.surveys.replies import approved_version

TODAY = datetime.date(2026, 10, 1)
TITLE = {"en": "Category (a), 2027", "fr": "Catégorie (a), 2027", "ar": "الفئة (أ)، 2027"}
SESSION = {"en": "Thirty-sixth session (2027)", "ar": "الدورة السادسة والثلاثون (2027)"}


@pytest.fixture(autouse=True)
def _on_the_first_of_october(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def version(administrator):
    return approved_version(administrator)


@pytest.fixture
def jordan(reference_data):
    """Jordan, whose contact person reads the portal in Arabic, a language the sample
    questionnaire is incomplete in."""
    respondent = Respondent.objects.get(code="JOR")
    user_with_role(Role.CONTACT_PERSON, respondent, preferred_language="ar")
    return respondent


def _open(version, administrator, respondents, **changes) -> Cycle:
    arguments = {"title": TITLE, "commission_session": SESSION, **changes}
    return cycle_open(
        version=version,
        opens_on=TODAY,
        deadline=datetime.date(2027, 1, 31),
        respondents=respondents,
        by=administrator,
        **arguments,
    )


def test_a_cycle_is_refused_when_the_questionnaire_is_incomplete_in_a_language_read(
    version, administrator, jordan
):
    with pytest.raises(TextsMissing) as refusal:
        _open(version, administrator, [jordan])
    assert list(refusal.value.missing) == ["ar"] and refusal.value.missing["ar"] > 0
    assert "Arabic" in str(refusal.value)
    assert not Cycle.objects.exists()


def test_an_administrator_can_open_it_anyway_and_the_reason_is_recorded(
    version, administrator, jordan, client_for
):
    cycle = _open(
        version,
        administrator,
        [jordan],
        override_reason="The session cannot wait; translation follows.",
    )
    assert cycle.untranslated_languages == ["ar"]
    assert cycle.language_override_by == administrator
    assert cycle.language_override_reason.startswith("The session cannot wait")
    page = client_for(administrator).get(reverse("surveys:cycle_detail", args=[cycle.pk]))
    override = page.content.decode()
    assert 'data-testid="language-override"' in override
    assert "The session cannot wait; translation follows." in override


def test_a_complete_language_needs_no_override(version, administrator, reference_data):
    kenya = Respondent.objects.get(code="KEN")
    user_with_role(Role.CONTACT_PERSON, kenya, preferred_language="en")
    cycle = _open(version, administrator, [kenya])
    assert cycle.untranslated_languages == [] and cycle.language_override_by is None


def test_the_form_shows_what_is_missing_and_asks_why(version, administrator, jordan, client_for):
    client = client_for(administrator)
    data = {
        "version": version.pk,
        "title_en": "Category (a), 2027",
        "title_ar": "الفئة (أ)، 2027",
        "opens_on": "2026-10-01",
        "deadline": "2027-01-31",
        "commission_session_en": "Thirty-sixth session (2027)",
        "respondents": [jordan.pk],
    }
    refused = client.post(reverse("surveys:cycle_create"), data)
    assert refused.status_code == 422
    html = refused.content.decode()
    assert 'data-testid="texts-missing"' in html and 'name="override_reason"' in html
    assert reverse("surveys:version_completeness", args=[version.pk]) in html
    assert not Cycle.objects.exists()
    opened = client.post(
        reverse("surveys:cycle_create"), {**data, "override_reason": "Urgent: translators booked."}
    )
    cycle = Cycle.objects.get()
    assert opened.status_code == 302
    assert cycle.title == {"en": "Category (a), 2027", "ar": "الفئة (أ)، 2027"}
    assert cycle.language_override_reason == "Urgent: translators booked."


def test_contact_persons_read_the_title_and_session_in_their_language(
    version, administrator, jordan, client_for
):
    cycle = _open(version, administrator, [jordan], override_reason="Test.")
    person = jordan.contact_persons.get()
    with translation.override("ar"):
        page = client_for(person).get(
            reverse("surveys:contact_dashboard"), HTTP_ACCEPT_LANGUAGE="ar"
        )
    html = page.content.decode()
    assert TITLE["ar"] in html and SESSION["ar"] in html
    assert TITLE["en"] not in html
    assert str(cycle) == TITLE["en"]


def test_a_missing_translation_says_so_on_the_page(
    version, administrator, reference_data, client_for
):
    senegal = Respondent.objects.get(code="SEN")
    person = user_with_role(Role.CONTACT_PERSON, senegal, preferred_language="fr")
    _open(version, administrator, [senegal], title={"en": "English only"}, override_reason="Test.")
    html = client_for(person).get(reverse("surveys:contact_dashboard")).content.decode()
    fallback = html[html.index('<span lang="en" dir="ltr">English only</span>') :]
    note = fallback[: fallback.index("</small>")]
    # The note names, in French, the language the text is shown in.
    assert 'class="fallback-note"' in note and "anglais" in note.lower()
