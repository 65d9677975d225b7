"""The API's token check (`Authorization: Bearer snp_…`) and scopes, for Django REST framework
and its OpenAPI schema (drf-spectacular)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission

from opendata.models import ApiToken
from opendata.services import TokenRefused, api_token_check


class ApiTokenAuthentication(BaseAuthentication):
    """No Authorization header: an anonymous request. A bearer token: its holder, or 401."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != b"bearer":
            return None
        if len(parts) != 2:
            raise AuthenticationFailed("Give the token as: Authorization: Bearer <token>.")
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed("Unknown token.") from None
        try:
            row = api_token_check(token=token, request=request._request)
        except TokenRefused as refused:
            raise AuthenticationFailed(refused.message) from None
        return (row.user, row)

    def authenticate_header(self, request):
        # A 401 (not 403) for a missing or refused token, with how to give one.
        return 'Bearer realm="api"'


class HasScope(BasePermission):
    """A token holding the view's `required_scope`: without a token 401, without the scope 403."""

    def has_permission(self, request, view) -> bool:
        token = request.auth
        return isinstance(token, ApiToken) and view.required_scope in token.scopes


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "opendata.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token made by a reviewer or an administrator on the portal's "
            "“API tokens” page, with the scopes the endpoint needs.",
        }

    def get_security_requirement(self, auto_schema):
        # OpenAPI 3.0 lists no scopes for a bearer scheme: each operation names its scope in
        # its description and in "x-required-scope".
        return {self.name: []}
