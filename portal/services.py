from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from portal.models import RegionalGroup, Respondent, RespondentType, User
from portal.reference import LoadResult, ReferenceDataError, read_csv, read_json, upsert
from portal.roles import Role

DATA_DIR = Path(__file__).resolve().parent / "data"

_REGIONAL_GROUPS = {
    "African": RegionalGroup.AFRICAN,
    "Asia-Pacific": RegionalGroup.ASIA_PACIFIC,
    "Eastern European": RegionalGroup.EASTERN_EUROPEAN,
    "Latin American and Caribbean": RegionalGroup.LATIN_AMERICAN_CARIBBEAN,
    "Western European and Others": RegionalGroup.WESTERN_EUROPEAN_OTHERS,
}
_YES_NO = {"yes": True, "no": False}
_NAME_COLUMNS = {
    "en": "name_en",
    "fr": "name_fr",
    "es": "name_es",
    "ru": "name_ru",
    "zh-hans": "name_zh",
    "ar": "name_ar",
}


@transaction.atomic
def respondents_load(*, update: bool = False, data_dir: Path = DATA_DIR) -> list[LoadResult]:
    """Load the respondent types and the 193 Member States shipped in portal/data/."""
    results = [
        upsert(
            RespondentType,
            key="code",
            rows=read_json(data_dir / "respondent_types.json"),
            update=update,
        )
    ]
    member_state = RespondentType.objects.get(code=RespondentType.MEMBER_STATE)
    path = data_dir / "un_member_states.csv"
    rows = []
    for row in read_csv(
        path,
        required_columns=(
            "iso3", "iso2", "m49", "un_regional_group", *_NAME_COLUMNS.values(),
            "formal_name_en", "m49_region", "m49_subregion", "ldc", "lldc", "sids",
        ),
    ):  # fmt: skip
        where = f"{path.name}, row {row['_line']}"
        group = _REGIONAL_GROUPS.get(row["un_regional_group"])
        if group is None:
            raise ReferenceDataError(
                f"{where}, column un_regional_group: unknown group {row['un_regional_group']!r}"
            )
        flags = {}
        for column, field in (("ldc", "is_ldc"), ("lldc", "is_lldc"), ("sids", "is_sids")):
            if row[column] not in _YES_NO:
                raise ReferenceDataError(f"{where}, column {column}: expected yes or no")
            flags[field] = _YES_NO[row[column]]
        rows.append(
            {
                "code": row["iso3"],
                "type": member_state,
                "name": {code: row[column] for code, column in _NAME_COLUMNS.items()},
                "formal_name": row["formal_name_en"],
                "iso2": row["iso2"],
                "m49": row["m49"],
                "regional_group": group,
                "m49_region": row["m49_region"],
                "m49_subregion": row["m49_subregion"],
                **flags,
            }
        )
    results.append(upsert(Respondent, key="code", rows=rows, update=update))
    return results


# What each role's group may do in the Django admin and beyond. Contact persons and delegates
# work only through the portal's own pages, whose access checks are the role helpers.
_ROLE_PERMISSIONS: dict[Role, dict[str, tuple[str, ...]]] = {
    Role.ADMINISTRATOR: {
        "portal": ("add", "change", "delete", "view"),
        "clusters": ("add", "change", "delete", "view"),
        "surveys": ("add", "change", "delete", "view"),
        "reports": ("add", "change", "delete", "view"),
    },
    Role.REVIEWER: {
        "portal": ("view",),
        "clusters": ("view",),
        "surveys": ("view",),
        "reports": ("view",),
    },
    Role.CONTACT_PERSON: {},
    Role.DELEGATE: {},
}


# Group names are stored data, so they stay in English whatever language is active.
ROLE_GROUP_NAMES = {
    Role.CONTACT_PERSON: "Contact persons",
    Role.REVIEWER: "Reviewers",
    Role.ADMINISTRATOR: "Administrators",
    Role.DELEGATE: "Commission delegates",
}


# Accepting a reply is a decision some reviewers are trusted with, not all: administrators give
# it by adding a reviewer to this group (administrators may always accept).
ACCEPTING_GROUP_NAME = "Reviewers who accept replies"


@transaction.atomic
def roles_sync() -> LoadResult:
    """Create one group per role and give it the role's model permissions, and the group of
    reviewers who may accept replies."""
    result = LoadResult(model="Role groups")
    for role, apps in _ROLE_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[role])
        result.created += created
        result.unchanged += not created
        wanted = [
            permission
            for permission in Permission.objects.filter(content_type__app_label__in=apps)
            if permission.codename.split("_", 1)[0] in apps[permission.content_type.app_label]
        ] if apps else []  # fmt: skip
        group.permissions.set(wanted)
    accepting, created = Group.objects.get_or_create(name=ACCEPTING_GROUP_NAME)
    result.created += created
    result.unchanged += not created
    accepting.permissions.set(
        Permission.objects.filter(content_type__app_label="surveys", codename="accept_reply")
    )
    return result


@transaction.atomic
def user_assign_role(*, user: User, role: Role, respondent: Respondent | None = None) -> User:
    """Give `user` a role, with its group, admin access and (contact persons) respondent."""
    if (role == Role.CONTACT_PERSON) != (respondent is not None):
        raise ValueError("A contact person needs a respondent, and only a contact person has one.")
    user.role = role
    user.respondent = respondent
    user.is_staff = role == Role.ADMINISTRATOR
    user.save()
    user.groups.set([Group.objects.get(name=ROLE_GROUP_NAMES[role])])
    return user
