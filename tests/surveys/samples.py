"""A small questionnaire that uses every question type, relevance, bounds and two languages."""

import dataclasses

from surveys.questionnaires.documents import document_from_dict

SAMPLE = {
    "form_id": "sample",
    "title": {"en": "Sample questionnaire", "fr": "Questionnaire type"},
    "version": "1",
    "default_language": "en",
    "category": "a",
    "clusters": ["a"],
    "standards": ["SMR", "TOKYO"],
    "sections": [
        {
            "code": "A",
            "title": {
                "en": "Persons in custody",
                "fr": "Personnes détenues",
                "ar": "الأشخاص المحتجزون",
            },
            "intro": {"en": "About prisons.", "fr": "Sur les prisons."},
            "questions": [
                {
                    "code": "A.1",
                    "type": "integer",
                    "text": {"en": "How many prisoners?", "fr": "Combien de détenus ?"},
                    "required": True,
                    "minimum": 0,
                    "maximum": 1000000,
                    "unit": {"en": "persons", "fr": "personnes"},
                    "purpose": "context",
                    "standards": [{"standard": "SMR", "provision": "rule 1"}],
                },
                {
                    "code": "A.2",
                    "type": "yes_no",
                    "text": {
                        "en": "Is there an inspection body?",
                        "fr": "Existe-t-il un organe d'inspection ?",
                    },
                    "standards": ["SMR"],
                },
                {
                    "code": "A.2.1",
                    "type": "single_choice",
                    "text": {"en": "How often?", "fr": "À quelle fréquence ?"},
                    "relevance": {"question": "A.2", "operator": "=", "value": "yes"},
                    "choices": [
                        {"name": "monthly", "label": {"en": "Monthly", "fr": "Mensuelle"}},
                        {"name": "yearly", "label": {"en": "Yearly", "fr": "Annuelle"}},
                    ],
                    "other_specify": True,
                },
                {
                    "code": "A.3",
                    "type": "decimal",
                    "text": {"en": "Occupancy rate", "fr": "Taux d'occupation"},
                    "minimum": 0.5,
                    "unit": {"en": "%"},
                },
                {
                    "code": "A.4",
                    "type": "yes_no_partly_dk",
                    "text": {
                        "en": "Are women held separately?",
                        "fr": "Les femmes sont-elles séparées ?",
                    },
                    "gender_relevant": True,
                    "standards": [{"standard": "SMR", "provision": "rule 11 (a)"}],
                },
                {
                    "code": "A.5",
                    "type": "date",
                    "text": {"en": "Date of the last census", "fr": "Date du dernier recensement"},
                },
            ],
        },
        {
            "code": "B",
            "title": {"en": "Non-custodial measures", "fr": "Mesures non privatives de liberté"},
            "questions": [
                {
                    "code": "B.1",
                    "type": "multiple_choice",
                    "text": {"en": "Which measures exist?", "fr": "Quelles mesures existent ?"},
                    "choices": [
                        {"name": "probation", "label": {"en": "Probation", "fr": "Probation"}},
                        {
                            "name": "community_service",
                            "label": {"en": "Community service", "fr": "Travail d'intérêt général"},
                        },
                        {"name": "fine", "label": {"en": "Fine", "fr": "Amende"}},
                    ],
                    "other_specify": True,
                    "standards": [{"standard": "TOKYO", "provision": "rule 2.3"}],
                },
                {
                    "code": "B.2",
                    "type": "table",
                    "text": {
                        "en": "How far is each applied?",
                        "fr": "Dans quelle mesure chacune est-elle appliquée ?",
                    },
                    "relevance": {"question": "B.1", "operator": "selected", "value": "probation"},
                    "rows": [
                        {"name": "probation", "label": {"en": "Probation", "fr": "Probation"}},
                        {"name": "fine", "label": {"en": "Fine", "fr": "Amende"}},
                    ],
                    "choices": [
                        {"name": "fully", "label": {"en": "Fully", "fr": "Pleinement"}},
                        {"name": "partly", "label": {"en": "Partly", "fr": "En partie"}},
                    ],
                },
                {
                    "code": "B.3",
                    "type": "short_text",
                    "text": {"en": "Name of the agency", "fr": "Nom de l'organisme"},
                },
                {
                    "code": "B.4",
                    "type": "long_text",
                    "text": {"en": "Difficulties encountered", "fr": "Difficultés rencontrées"},
                    "purpose": "difficulty",
                    "help": {"en": "Be specific.", "fr": "Soyez précis."},
                },
                {"code": "B.5", "type": "file", "text": {"en": "The law", "fr": "La loi"}},
                {
                    "code": "B.6",
                    "type": "long_text",
                    "text": {"en": "Useful practices", "fr": "Pratiques utiles"},
                    "purpose": "useful_practice",
                    "relevance": {"question": "A.1", "operator": "!=", "value": "0"},
                },
            ],
        },
    ],
}


def same_content(a, b) -> bool:
    """Two documents say the same thing (the version label aside)."""
    return dataclasses.replace(a, version="") == dataclasses.replace(b, version="")


def sample_document(**changes):
    document = document_from_dict(SAMPLE)
    for key, value in changes.items():
        setattr(document, key, value)
    return document
