"""The enrolment QR code as SVG markup drawn with one path: inline in the page, it needs no image
request and no style, so the Content-Security-Policy has nothing to allow."""

import io
import re

import qrcode  # type: ignore[import-untyped]
import qrcode.image.svg  # type: ignore[import-untyped]
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, label: str, size: int = 200) -> SafeString:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    out = io.BytesIO()
    image.save(out)
    markup = out.getvalue().decode("utf-8")
    markup = markup[markup.index("<svg") :]  # without the XML declaration
    markup = re.sub(
        r'<svg width="[^"]*" height="[^"]*"',
        f'<svg width="{size}" height="{size}" role="img" aria-label="{escape(label)}"',
        markup,
        count=1,
    )
    return mark_safe(markup)  # noqa: S308 - made here from the device's own URL, not user input
