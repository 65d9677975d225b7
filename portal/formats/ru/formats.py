# "5 февраля 2027 года" (E: the month in the genitive), "5 февраля 2027 года, 14:05 UTC";
# 52 000,5 with a no-break space (CLDR).
DATE_FORMAT = r"j E Y \г\о\д\а"
DATETIME_FORMAT = r"j E Y \г\о\д\а, H:i T"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"F Y \г."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i T"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
