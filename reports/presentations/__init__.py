"""Country presentations (resolution 2003/30, annex, para. 7): one cluster of standards and norms
and its application in one country, from the respondent's replies across cycles."""
