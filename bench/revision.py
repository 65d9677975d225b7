"""The demonstration's second version of the category (a) questionnaire (issue 18, item 4): based on
the first, with a change log; three questions reworded so that their meaning changed, two
questions added, the rest unchanged, approved with a demonstration record. The second
demonstration cycle (bench.second_cycle) is sent out on it."""

import datetime

from portal.models import User
from surveys.models import QuestionnaireVersion, VersionStatus
from surveys.questionnaires.documents import QuestionDoc, StandardRefDoc
from surveys.questionnaires.versions import version_document, version_from_document

# The questions whose words (and so their meaning) change: their answers to the first version do
# not answer the second, and reports do not compare them.
REWORDED = {
    "A.3.3": {
        "en": "Are the inspection reports made public, together with the response of the prison administration?",
        "fr": "Les rapports d'inspection sont-ils rendus publics, accompagnés de la réponse de l'administration pénitentiaire ?",
        "es": "¿Se hacen públicos los informes de inspección, junto con la respuesta de la administración penitenciaria?",
        "ru": "Публикуются ли доклады о результатах инспекций вместе с ответом тюремной администрации?",
        "zh-hans": "检查报告是否连同监狱管理部门的答复一并公开？",
        "ar": "هل تُتاح تقارير التفتيش للعموم مشفوعةً بردّ إدارة السجون؟",
    },
    "B.3": {
        "en": "Does the law require the judicial authority ordering pre-trial detention to state in writing why alternative measures are insufficient?",
        "fr": "La loi fait-elle obligation à l'autorité judiciaire qui ordonne une détention provisoire d'indiquer par écrit pourquoi des mesures de substitution ne suffisent pas ?",
        "es": "¿Exige la ley que la autoridad judicial que ordena la prisión preventiva indique por escrito por qué las medidas alternativas son insuficientes?",
        "ru": "Обязывает ли закон судебный орган, выносящий решение о предварительном заключении, письменно указывать, почему альтернативных мер недостаточно?",
        "zh-hans": "法律是否要求下令审前羁押的司法机关书面说明替代措施为何不足？",
        "ar": "هل يُلزم القانون السلطة القضائية التي تأمر بالاحتجاز السابق للمحاكمة بأن تبيّن كتابةً أسباب عدم كفاية التدابير البديلة؟",
    },
    "D.5": {
        "en": "Are facilitators trained and accredited according to national standards before taking up their duties?",
        "fr": "Les facilitateurs sont-ils formés et agréés selon des normes nationales avant de prendre leurs fonctions ?",
        "es": "¿Reciben los facilitadores capacitación y acreditación conforme a normas nacionales antes de asumir sus funciones?",
        "ru": "Проходят ли посредники подготовку и аккредитацию в соответствии с национальными стандартами до начала исполнения своих обязанностей?",
        "zh-hans": "协调人在履行职责前是否按照国家标准接受培训并获得资格认证？",
        "ar": "هل يتلقى الميسِّرون تدريبا ويُعتمدون وفقا لمعايير وطنية قبل توليهم مهامهم؟",
    },
}  # fmt: skip

# The questions added, each after the question whose code is its key.
ADDED = {
    "A.6.1": QuestionDoc(
        code="A.6.2",
        type="yes_no",
        text={
            "en": "Are prisoners informed in writing, on admission, of how to make a complaint?",
            "fr": "Les détenus sont-ils informés par écrit, dès leur admission, de la manière de porter plainte ?",
            "es": "¿Se informa por escrito a los reclusos, en el momento de su ingreso, de cómo presentar una queja?",
            "ru": "Информируются ли заключенные в письменной форме при поступлении о порядке подачи жалоб?",
            "zh-hans": "囚犯入狱时是否以书面形式获知如何提出申诉？",
            "ar": "هل يُبلَّغ السجناء كتابةً، عند إيداعهم السجن، بكيفية تقديم الشكاوى؟",
        },
        purpose="application",
        applied_if=["yes"],
        standards=[StandardRefDoc("SMR", "rule 54")],
    ),
    "C.4": QuestionDoc(
        code="C.4.1",
        type="yes_no",
        text={
            "en": "Does the law set a maximum period for the pre-trial detention of juveniles?",
            "fr": "La loi fixe-t-elle une durée maximale pour la détention provisoire des mineurs ?",
            "es": "¿Fija la ley un plazo máximo para la prisión preventiva de los menores?",
            "ru": "Устанавливает ли закон максимальный срок предварительного заключения несовершеннолетних?",
            "zh-hans": "法律是否规定了少年审前羁押的最长期限？",
            "ar": "هل يحدد القانون مدة قصوى للاحتجاز السابق للمحاكمة للأحداث؟",
        },
        purpose="application",
        applied_if=["yes"],
        standards=[StandardRefDoc("BEIJING", "rule 13.1")],
    ),
}  # fmt: skip

CHANGE_LOG = (
    "Revised for the thirty-eighth session of the Commission (demonstration). Reworded, so that "
    "their meaning changed (answers to version 1 do not carry over): A.3.3 (inspection reports "
    "published with the prison administration's response), B.3 (written reasons why alternatives "
    "to pre-trial detention are insufficient), D.5 (facilitators trained and accredited under "
    "national standards). Added: A.6.2 (information on complaints given in writing on admission, "
    "Nelson Mandela Rules, rule 54) and C.4.1 (maximum period of pre-trial detention of "
    "juveniles, Beijing Rules, rule 13.1). All other questions unchanged."
)
APPROVAL_DATE = datetime.date(2028, 6, 15)


def demo_revision(*, first: QuestionnaireVersion, by: User) -> QuestionnaireVersion:
    """The approved second version based on `first` (made and approved unless there is one)."""
    from surveys.consultation.services import version_approve

    existing = first.revisions.filter(status=VersionStatus.APPROVED).first()
    if existing is not None:
        return existing
    document = version_document(version=first)
    document.version = str(first.number + 1)
    for section in document.sections:
        questions = []
        for question in section.questions:
            if question.code in REWORDED:
                question.text = dict(REWORDED[question.code])
            questions.append(question)
            if question.code in ADDED:
                questions.append(ADDED[question.code])
        section.questions = questions
    draft = version_from_document(
        document=document,
        by=by,
        status=VersionStatus.DRAFT,
        based_on=first,
        change_log=CHANGE_LOG,
    )
    return version_approve(
        version=draft,
        by=by,
        meeting="Demonstration record: not an actual meeting of the Commission",
        date=APPROVAL_DATE,
        decision="Demonstration only",
    )
