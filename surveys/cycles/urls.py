from django.urls import path

from surveys.cycles import views as cycles

urlpatterns = [
    path("cycles/", cycles.cycle_index, name="cycle_index"),
    path("cycles/new/", cycles.cycle_create, name="cycle_create"),
    path("cycles/<int:pk>/", cycles.cycle_detail, name="cycle_detail"),
    path("cycles/<int:pk>/situations/", cycles.cycle_situations, name="cycle_situations"),
    path("cycles/invitations/<int:pk>/extend/", cycles.cycle_extend, name="cycle_extend"),
    path("my-questionnaires/", cycles.contact_dashboard, name="contact_dashboard"),
]
