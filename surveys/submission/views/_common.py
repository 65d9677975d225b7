"""What the attachments and submit pages share: the reply's heading, and texts in the reader's
language with the questionnaire's original language as fallback."""

from portal.multilingual import language_code
from surveys.models import Reply
from surveys.questionnaires.printing import PrintTexts


def texts_for(reply: Reply) -> PrintTexts:
    """Multilingual texts of the reply's questionnaire in the active language; a fallback to the
    version's original language is marked with its language and direction."""
    return PrintTexts(language_code(), reply.cycle.version.original_language)


def reply_heading(reply: Reply) -> dict:
    """The context every page of a reply starts with (reply_for_user selected the relations)."""
    version = reply.cycle.version
    return {
        "reply": reply,
        "cycle": reply.cycle,
        "respondent": reply.respondent,
        "version": version,
        "questionnaire_title": texts_for(reply)(version.title),
    }
