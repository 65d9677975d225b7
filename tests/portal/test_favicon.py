"""The portal's icon: linked from every page, and /favicon.ico answered (no 404 on a first page)."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_portals_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("favicon.svg")
    icon = settings.BASE_DIR / "static" / "favicon.svg"
    assert icon.read_text(encoding="utf-8").startswith("<svg")


def test_every_page_links_the_icon(client):
    page = client.get(reverse("home")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
