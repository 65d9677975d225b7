"""The States of a cycle in post-conflict or peacekeeping situations: the Secretariat keeps the
list, with its source and date, so that the overview, the extract and the report can read the
replies for them (resolution 2003/30, para. 6 (b), and annex, para. 30)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.multilingual import shown
from surveys.access import get_cycle_for_secretariat
from surveys.cycles.forms import SituationListForm
from surveys.models import SituationList


@login_required
def cycle_situations(request, pk):
    cycle = get_cycle_for_secretariat(request, pk)
    situations = SituationList.objects.filter(cycle=cycle).first()
    form = SituationListForm(request.POST or None, instance=situations)
    if request.method == "POST" and form.is_valid():
        situations = form.save(commit=False)
        situations.cycle = cycle
        situations.updated_by = request.user
        situations.save()
        form.save_m2m()
        messages.success(
            request, _("The list of post-conflict and peacekeeping situations is saved.")
        )
        return redirect(reverse("surveys:cycle_situations", args=[cycle.pk]))
    version = cycle.version
    return render(
        request,
        "surveys/cycles/situations.html",
        {
            "cycle": cycle,
            "cycle_title": shown(version.title, version.original_language),
            "form": form,
            "situations": situations,
        },
        status=422 if form.errors else 200,
    )
