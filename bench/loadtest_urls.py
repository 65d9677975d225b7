"""The portal's URLs, and for `make loadtest` only an empty page in the portal's base.html: the
floor the other pages' rates are compared with (the same server, middleware and layout)."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

EMPTY = engines["django"].from_string('{% extends "base.html" %}')


def empty_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(EMPTY.render({}, request))


urlpatterns = [path("loadtest/empty", empty_page, name="loadtest_empty"), *portal_urlpatterns]
