"""The API's OpenAPI 3 schema validates (drf-spectacular's validator, the OpenAPI 3.0 JSON
schema), with no generator warning, and the documentation page renders it in the reader's
language without any third-party asset."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import patched_settings
from drf_spectacular.validation import validate_schema

from opendata.api.schema import SCHEMA_SETTINGS

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/catalogue/standards/",
    "/api/v1/reports/",
    "/api/v1/published-replies/cycles/",
    "/api/v1/published-replies/cycles/{cycle}/answers/",
    "/api/v1/cycles/{cycle}/replies/",
    "/api/v1/cycles/{cycle}/coding/",
    "/api/v1/cycles/{cycle}/assistance-requests/",
}


def test_the_schema_validates_without_warnings():
    GENERATOR_STATS.reset()
    with patched_settings(SCHEMA_SETTINGS):
        schema = SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS, "drf-spectacular warned while generating the schema"
    validate_schema(schema)
    assert set(schema["paths"]) == PATHS
    replies = schema["paths"]["/api/v1/cycles/{cycle}/replies/"]["get"]
    assert replies["x-required-scope"] == "replies"
    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"


def test_anyone_downloads_the_schema_as_json(client):
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_documentation_page_lists_every_endpoint(language, client):
    with translation.override(language):
        response = client.get(reverse("api:docs"), HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert response.status_code == 200
    for path in PATHS:
        assert path in page
    assert '<script src="http' not in page and "cdn" not in page.lower()
