from django.shortcuts import render

from clusters.models import Category
from clusters.selectors import clusters_with_standards


def standard_index(request):
    """The public catalogue of standards and norms, by cluster in order of priority."""
    return render(
        request,
        "clusters/standard_index.html",
        {"clusters": clusters_with_standards(), "categories": list(Category.objects.all())},
    )
