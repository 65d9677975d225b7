"""The fixed answer scales: their values never change, their labels exist in the six languages."""

FIXED_SCALES: dict[str, dict[str, dict[str, str]]] = {
    "yes_no": {
        "yes": {"en": "Yes", "fr": "Oui", "es": "Sí", "ru": "Да", "zh-hans": "是", "ar": "نعم"},
        "no": {"en": "No", "fr": "Non", "es": "No", "ru": "Нет", "zh-hans": "否", "ar": "لا"},
    },
    "yes_no_partly_dk": {
        "yes": {"en": "Yes", "fr": "Oui", "es": "Sí", "ru": "Да", "zh-hans": "是", "ar": "نعم"},
        "no": {"en": "No", "fr": "Non", "es": "No", "ru": "Нет", "zh-hans": "否", "ar": "لا"},
        "partly": {
            "en": "Partly",
            "fr": "En partie",
            "es": "En parte",
            "ru": "Частично",
            "zh-hans": "部分",
            "ar": "جزئيا",
        },
        "dont_know": {
            "en": "Don't know",
            "fr": "Ne sait pas",
            "es": "No sabe",
            "ru": "Не известно",
            "zh-hans": "不知道",
            "ar": "لا أعرف",
        },
    },
}

OTHER_SPECIFY = {
    "en": "Other, please specify",
    "fr": "Autre (veuillez préciser)",
    "es": "Otro (especifique)",
    "ru": "Другое (просьба уточнить)",
    "zh-hans": "其他（请具体说明）",
    "ar": "غير ذلك (يرجى التحديد)",
}
