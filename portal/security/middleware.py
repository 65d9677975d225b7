from portal.security.services import current_request


class SecurityContextMiddleware:
    """Lets the security log name who acted, and from where, for changes made deep inside a
    request (a password set by a form, a group given in the admin) where only a signal sees them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
