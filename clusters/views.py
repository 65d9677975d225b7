from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from clusters.forms import ExpertForm, RosterFilterForm
from clusters.models import Category, Expert
from clusters.selectors import clusters_with_standards, experts_for_roster, language_name
from clusters.services import expert_create, expert_update
from portal.access import require_secretariat


def standard_index(request):
    """The public catalogue of standards and norms, by cluster in order of priority."""
    return render(
        request,
        "clusters/standard_index.html",
        {"clusters": clusters_with_standards(), "categories": list(Category.objects.all())},
    )


# --- The roster of experts (annex, para. 39): staff read it, administrators keep it ------------


def get_expert_for_administrator(request, pk: int) -> Expert:
    if not request.user.is_administrator:
        raise PermissionDenied
    return get_object_or_404(Expert.objects.prefetch_related("clusters"), pk=pk)


@login_required
def expert_index(request):
    """The roster, with filters by cluster, regional group, language and availability."""
    require_secretariat(request)
    codes = {code for row in Expert.objects.values_list("languages", flat=True) for code in row}
    form = RosterFilterForm(request.GET or None, other_languages=codes)
    filters = form.cleaned_data if form.is_valid() else {}
    experts = experts_for_roster(
        cluster=filters.get("cluster"),
        region=filters.get("region", ""),
        language=filters.get("language", ""),
        availability=filters.get("availability", ""),
        include_off_roster=filters.get("off_roster", False),
    )
    return render(
        request,
        "clusters/experts/index.html",
        {
            "experts": experts,
            "form": form,
            "filtered": any(filters.values()),
            "can_edit": request.user.is_administrator,
        },
    )


@login_required
def expert_create_view(request):
    if not request.user.is_administrator:
        raise PermissionDenied
    form = ExpertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        expert = expert_create(
            by=request.user, clusters=form.cleaned_data["clusters"], **form.service_fields()
        )
        messages.success(request, _("%(name)s is on the roster.") % {"name": expert.name})
        return redirect("clusters:expert_index")
    return render(
        request,
        "clusters/experts/form.html",
        {"form": form, "expert": None},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def expert_edit(request, pk):
    expert = get_expert_for_administrator(request, pk)
    form = ExpertForm(request.POST or None, instance=expert)
    if request.method == "POST" and form.is_valid():
        expert = expert_update(
            expert=expert,
            by=request.user,
            clusters=form.cleaned_data["clusters"],
            **form.service_fields(),
        )
        messages.success(request, _("The entry of %(name)s is saved.") % {"name": expert.name})
        return redirect("clusters:expert_index")
    expert.language_names = [language_name(code) for code in expert.languages]
    return render(
        request,
        "clusters/experts/form.html",
        {"form": form, "expert": expert},
        status=422 if request.method == "POST" else 200,
    )
