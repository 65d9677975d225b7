"""The questionnaire pages, one URL module per feature; every name lives in the "surveys" namespace."""

from surveys.answering import urls as answering
from surveys.assistance import urls as assistance
from surveys.coding import urls as coding
from surveys.consultation import urls as consultation
from surveys.cycles import urls as cycles
from surveys.exchange import urls as exchange
from surveys.extracts import urls as extracts
from surveys.offline import urls as offline
from surveys.questionnaires import urls as questionnaires
from surveys.review import urls as review
from surveys.submission import urls as submission

app_name = "surveys"
urlpatterns = [
    *questionnaires.urlpatterns,
    *exchange.urlpatterns,
    *consultation.urlpatterns,
    *cycles.urlpatterns,
    *answering.urlpatterns,
    *submission.urlpatterns,
    *offline.urlpatterns,
    *review.urlpatterns,
    *coding.urlpatterns,
    *assistance.urlpatterns,
    *extracts.urlpatterns,
]
