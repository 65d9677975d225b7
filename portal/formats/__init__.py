"""Django's date and number formats per language (FORMAT_MODULE_PATH), in the style of
portal.localformats, so that `{{ value }}` and the `date` filter agree with `date_text` and
`number_text`. Arabic month names print single here (Django's catalogue); the `date_text` filter
prints the double names United Nations documents use, and is what templates call."""
