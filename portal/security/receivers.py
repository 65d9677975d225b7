"""Django's and django-axes' signals, written to the security log (portal.security.services).
Connected once, in PortalConfig.ready."""

from axes.signals import user_locked_out
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from portal.models import User
from portal.security.models import EventKind
from portal.security.services import current_request, security_event_record

M2M_ACTIONS = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}


@receiver(user_logged_in, dispatch_uid="security_login_succeeded")
def _logged_in(sender, request, user, **kwargs):
    security_event_record(kind=EventKind.LOGIN_SUCCEEDED, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="security_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    # An attempt refused during a lockout counts here too, and once more as a lockout event.
    security_event_record(
        kind=EventKind.LOGIN_FAILED,
        request=request,
        username=str(credentials.get("username") or ""),
        detail={"path": request.path} if request is not None else {},
    )


@receiver(user_locked_out, dispatch_uid="security_locked_out")
def _locked_out(sender, request, username, ip_address, **kwargs):
    security_event_record(
        kind=EventKind.LOCKED_OUT,
        request=request,
        username=str(username or ""),
        detail={"path": request.path},
    )


@receiver(post_save, sender=User, dispatch_uid="security_password_changed")
def _password_changed(sender, instance, created, **kwargs):
    # AbstractBaseUser keeps the raw password set by set_password() until save() has finished.
    if created or getattr(instance, "_password", None) is None:
        return
    request = current_request.get()
    security_event_record(
        kind=EventKind.PASSWORD_CHANGED,
        user=instance,
        detail={"path": request.path} if request is not None else {},
    )


def _names(model, pks) -> list[str]:
    rows = model.objects.filter(pk__in=pks)
    if model is Permission:
        return sorted(
            f"{app}.{codename}"
            for app, codename in rows.values_list("content_type__app_label", "codename")
        )
    if model is Group:
        return sorted(rows.values_list("name", flat=True))
    return sorted(str(row) for row in rows)


def _m2m_changed(kind, sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in M2M_ACTIONS:
        return
    change = M2M_ACTIONS[action]
    names = _names(model, pk_set or ())
    if isinstance(instance, User):
        security_event_record(kind=kind, user=instance, detail={change: names})
    elif model is User:
        # From the other side (group.user_set.add(user)): one event per account changed.
        for user in User.objects.filter(pk__in=pk_set or ()):
            security_event_record(kind=kind, user=user, detail={change: [str(instance)]})
    else:
        # A group's own permissions: every member's rights change.
        side = "group" if isinstance(instance, Group) else "permission"
        security_event_record(kind=kind, detail={side: str(instance), change: names})


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="security_groups_changed")
def _groups_changed(sender, **kwargs):
    _m2m_changed(EventKind.GROUPS_CHANGED, sender, **kwargs)


@receiver(
    m2m_changed, sender=User.user_permissions.through, dispatch_uid="security_user_permissions"
)
def _user_permissions_changed(sender, **kwargs):
    _m2m_changed(EventKind.PERMISSIONS_CHANGED, sender, **kwargs)


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="security_group_permissions")
def _group_permissions_changed(sender, **kwargs):
    _m2m_changed(EventKind.PERMISSIONS_CHANGED, sender, **kwargs)
