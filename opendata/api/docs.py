"""The API's documentation page, rendered on the server from the OpenAPI schema in the reader's
language: no third-party script (the site's Content-Security-Policy allows none), the portal's
layout, right to left in Arabic."""

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import patched_settings

from opendata.api.schema import SCHEMA_SETTINGS
from opendata.models import Scope

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(schema: dict) -> list[dict]:
    operations = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "summary": str(operation.get("summary", "")),
                    "description": str(operation.get("description", "")),
                    "scope": operation.get("x-required-scope", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": str(p.get("description", "")),
                            "enum": p.get("schema", {}).get("enum", []),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return operations


def api_docs(request):
    """Open to everyone, like the schema it renders."""
    with patched_settings(SCHEMA_SETTINGS):
        schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = [o for o in _operations(schema) if not o["path"].endswith("/schema/")]
    return render(
        request,
        "opendata/api_docs.html",
        {
            "info": schema["info"],
            "public": [o for o in operations if o["tag"] == "public"],
            "staff": [o for o in operations if o["tag"] == "staff"],
            "scopes": Scope.choices,
        },
    )
