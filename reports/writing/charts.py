"""Charts for the printed report, drawn here as inline SVG: no JavaScript, nothing fetched.

A horizontal bar chart is a table: the labels are HTML text (so Arabic and Chinese are shaped and
ordered by the same engine as the report's text, which WeasyPrint's SVG text is not), each bar an
SVG drawing scaled to a common maximum. In a right-to-left report the table's columns mirror and the
bars grow leftwards.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from portal.localformats import number_text

WIDTH, HEIGHT = 300, 14  # user units of one bar's drawing
VALUE_ROOM = 70  # space kept after the longest bar for its value


@dataclass
class Bar:
    label: str
    value: int
    note: str = ""  # printed after the value, e.g. "(45%)" (formatting.percent_sign_text)


def bar_svg(*, value: int, maximum: int, text: str, rtl: bool) -> SafeString:
    """One bar of length value/maximum, its `text` written at its end."""
    length = (WIDTH - VALUE_ROOM) * value / max(maximum, 1)
    if rtl:
        rect_x, text_x, anchor = WIDTH - length, WIDTH - length - 4, "end"
    else:
        rect_x, text_x, anchor = 0, length + 4, "start"
    return mark_safe(  # noqa: S308 - numbers, and `text` escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart__bar" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-hidden="true"><rect x="{rect_x:.1f}" y="2" width="{max(length, 0.6):.1f}" '
        f'height="{HEIGHT - 4}" fill="#4d6f8f"/><text x="{text_x:.1f}" y="{HEIGHT - 3.5}" '
        f'font-size="9" text-anchor="{anchor}" font-family="Noto Sans, DejaVu Sans, sans-serif">'
        f"{escape(text)}</text></svg>"
    )


def bar_chart(
    *, bars: list[Bar], title: str, rtl: bool = False, maximum: int | None = None
) -> SafeString:
    """A horizontal bar chart of `bars`: a table of labels and bars, described by `title`."""
    maximum = max([maximum or 0, *(bar.value for bar in bars), 1])
    rows = format_html_join(
        "",
        '<tr><th scope="row">{}</th><td>{}</td></tr>',
        (
            (
                bar.label,
                bar_svg(
                    value=bar.value,
                    maximum=maximum,
                    text=f"{number_text(bar.value)} {bar.note}".strip(),
                    rtl=rtl,
                ),
            )
            for bar in bars
        ),
    )
    return format_html(
        '<table class="chart" aria-label="{}"><tbody>{}</tbody></table>', title, rows
    )
