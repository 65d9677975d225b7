# "5 فبراير 2027", "5 فبراير 2027، 14:05 UTC" with Western digits, as United Nations Arabic
# documents write them (the date_text filter adds the Levantine month name: "5 شباط/فبراير 2027").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i T"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i T"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
