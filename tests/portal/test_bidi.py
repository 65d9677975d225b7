"""Runs of the other direction isolated in printed text (portal.bidi)."""

from portal.bidi import LRI, LRM, PDI, RLI, isolate_runs, isolated_html


def test_a_latin_name_in_arabic_is_isolated_without_the_conjunction_and_the_comma():
    text = "تطبيق Tokyo Rules، وBasic Principles for the Treatment of Prisoners."
    assert isolate_runs(text, "rtl") == (
        f"تطبيق {LRI}Tokyo Rules{PDI}، و{LRI}Basic Principles for the Treatment of Prisoners{PDI}."
    )


def test_symbols_and_resolution_numbers_are_isolated_but_not_plain_numbers():
    text = "الوثيقة E/CN.15/2027/13 والقرار 2003/30 و10 دول"
    assert isolate_runs(text, "rtl") == (
        f"الوثيقة {LRI}E/CN.15/2027/13{PDI} والقرار {LRI}2003/30{PDI} و10 دول"
    )


def test_brackets_opened_in_a_run_close_in_it_and_are_anchored():
    text = "تطبيق Standard Rules (the Tokyo Rules)، و"
    isolated = isolate_runs(text, "rtl")
    assert isolated == f"تطبيق {LRI}Standard Rules {LRM}(the Tokyo Rules){LRM}{PDI}، و"
    # An Arabic bracket around a Latin symbol stays Arabic.
    assert isolate_runs("(الوثيقة E/CN.15/1)", "rtl") == f"(الوثيقة {LRI}E/CN.15/1{PDI})"


def test_arabic_in_latin_text_is_isolated_and_latin_text_alone_is_left_alone():
    assert (
        isolate_runs("Jordan: أنشأت الدولة آلية.", "ltr") == f"Jordan: {RLI}أنشأت الدولة آلية{PDI}."
    )
    assert isolate_runs("Tokyo Rules (45/110)", "ltr") == "Tokyo Rules (45/110)"


def test_html_text_is_isolated_outside_styles_and_elements_with_their_own_direction():
    html = (
        '<p class="para">تطبيق Tokyo Rules &amp; co</p><style>p { x: y }</style>'
        '<p dir="ltr" lang="en">Quoted as written</p><br><span>نص</span>'
    )
    assert isolated_html(html, "rtl") == (
        f'<p class="para">تطبيق {LRI}Tokyo Rules &amp; co{PDI}</p><style>p {{ x: y }}</style>'
        '<p dir="ltr" lang="en">Quoted as written</p><br><span>نص</span>'
    )
