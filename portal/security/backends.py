"""How a signed-in user is read on each request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserWithRespondentBackend(ModelBackend):
    """Django's ModelBackend, reading the signed-in user with their respondent in the same query:
    the menu and every contact person's page name the respondent, so a request makes one query
    for both instead of two."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("respondent")
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
