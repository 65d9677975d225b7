"""The demonstration's technical assistance followed to its outcome (issue 18, item 5): the
requests of the first category (a) cycle that the generated coding marked completed get what was
delivered and an evaluation, recorded through the service as staff would (a note in each
request's history), in the six languages, so that the second cycle's report can say whether the
States assisted still report the difficulty. Deterministic; running it again adds nothing."""

import datetime
import random

from portal.models import User
from surveys.assistance.outcomes import OutcomeFacts, assistance_outcome_record
from surveys.models import AssistanceRequest, Cycle, OutcomeRating, RequestStatus
from surveys.questionnaires.seeding import DEMO_APPROVED

# What was delivered, by the request's area of assistance (the codebook's codes).
DELIVERED = {
    "assistance-training": {
        "en": "A training course for the officials concerned on the standards in question, with "
        "practical exercises and a trainers' manual left with the national training institution.",
        "fr": "Un cours de formation sur les normes en question à l'intention des agents "
        "concernés, avec des exercices pratiques et un manuel du formateur remis à "
        "l'institution nationale de formation.",
        "es": "Un curso de capacitación sobre las normas en cuestión para los funcionarios "
        "interesados, con ejercicios prácticos y un manual para formadores entregado a la "
        "institución nacional de capacitación.",
        "ru": "Учебный курс по соответствующим стандартам для заинтересованных должностных лиц "
        "с практическими занятиями; пособие для инструкторов передано национальному учебному "
        "заведению.",
        "zh-hans": "为有关官员举办关于相关标准的培训班，包括实践练习，并向国家培训机构提供了培训员手册。",
        "ar": "دورة تدريبية للموظفين المعنيين بشأن المعايير ذات الصلة، تضمّنت تمارين عملية، مع "
        "تسليم دليل للمدرّبين إلى مؤسسة التدريب الوطنية.",
    },
    "assistance-legislative-drafting": {
        "en": "A review of the draft legislation against the standards, with written comments "
        "and a consultation workshop for the drafting committee.",
        "fr": "Un examen du projet de loi au regard des normes, accompagné d'observations écrites "
        "et d'un atelier de consultation à l'intention du comité de rédaction.",
        "es": "Un examen del proyecto de ley a la luz de las normas, con observaciones por "
        "escrito y un taller de consulta para el comité de redacción.",
        "ru": "Анализ законопроекта на предмет соответствия стандартам с письменными "
        "замечаниями и консультативный семинар для редакционного комитета.",
        "zh-hans": "对照相关标准审查了立法草案，提出了书面意见，并为起草委员会举办了一次咨询讲习班。",
        "ar": "استعراض لمشروع التشريع في ضوء المعايير، مع تقديم ملاحظات مكتوبة وتنظيم حلقة عمل "
        "تشاورية للجنة الصياغة.",
    },
    "assistance-institution-building": {
        "en": "Advice on the organization and procedures of the institution concerned, and a "
        "study visit to a neighbouring State for its managers.",
        "fr": "Des conseils sur l'organisation et les procédures de l'institution concernée, et "
        "une visite d'étude dans un État voisin pour ses responsables.",
        "es": "Asesoramiento sobre la organización y los procedimientos de la institución "
        "interesada, y una visita de estudio a un Estado vecino para sus directivos.",
        "ru": "Консультации по вопросам организации и процедур соответствующего учреждения и "
        "ознакомительная поездка его руководителей в соседнее государство.",
        "zh-hans": "就有关机构的组织和程序提供了咨询，并组织其管理人员赴邻国进行了考察访问。",
        "ar": "مشورة بشأن تنظيم المؤسسة المعنية وإجراءاتها، وزيارة دراسية لمديريها إلى دولة "
        "مجاورة.",
    },
    "assistance-data-systems": {
        "en": "Support in setting up a case-management and data-collection system, with training "
        "for the staff who keep the registers.",
        "fr": "Un appui à la mise en place d'un système de gestion des dossiers et de collecte "
        "de données, avec une formation du personnel chargé des registres.",
        "es": "Apoyo para establecer un sistema de gestión de casos y de reunión de datos, con "
        "capacitación para el personal encargado de los registros.",
        "ru": "Содействие в создании системы ведения дел и сбора данных с обучением "
        "сотрудников, ведущих реестры.",
        "zh-hans": "协助建立案件管理和数据收集系统，并为负责登记工作的人员提供了培训。",
        "ar": "دعم لإنشاء نظام لإدارة القضايا وجمع البيانات، مع تدريب الموظفين المكلّفين بمسك "
        "السجلات.",
    },
}
ADVICE = {
    "en": "Advice from an expert of the roster, in two missions, on the measures needed to "
    "apply the standards, with a written plan of action.",
    "fr": "Des conseils d'un expert inscrit au fichier, au cours de deux missions, sur les "
    "mesures nécessaires à l'application des normes, assortis d'un plan d'action écrit.",
    "es": "Asesoramiento de un experto de la lista, en dos misiones, sobre las medidas "
    "necesarias para aplicar las normas, con un plan de acción por escrito.",
    "ru": "Консультации эксперта из реестра в ходе двух миссий по мерам, необходимым для "
    "применения стандартов, с подготовкой письменного плана действий.",
    "zh-hans": "名册中的一名专家通过两次访问，就适用相关标准所需的措施提供了咨询，并提出了一份书面行动计划。",
    "ar": "مشورة من خبير مدرج في القائمة، خلال بعثتين، بشأن التدابير اللازمة لتطبيق المعايير، مع "
    "خطة عمل مكتوبة.",
}
EVALUATIONS = {
    OutcomeRating.MET: {
        "en": "The measures recommended have been taken, and the national authorities report "
        "that the difficulty has been largely overcome. The approach could be offered to other "
        "States of the region.",
        "fr": "Les mesures recommandées ont été prises et les autorités nationales indiquent que "
        "la difficulté a été en grande partie surmontée. L'approche pourrait être proposée à "
        "d'autres États de la région.",
        "es": "Se han adoptado las medidas recomendadas y las autoridades nacionales informan de "
        "que la dificultad se ha superado en gran medida. El enfoque podría ofrecerse a otros "
        "Estados de la región.",
        "ru": "Рекомендованные меры приняты, и национальные органы сообщают, что трудность в "
        "значительной мере преодолена. Этот подход можно было бы предложить другим государствам "
        "региона.",
        "zh-hans": "建议的措施已经采取，国家当局报告说，困难已在很大程度上得到克服。可向本区域其他国家推广这一做法。",
        "ar": "اتُّخذت التدابير الموصى بها، وتفيد السلطات الوطنية بأن الصعوبة قد ذُلِّلت إلى حد "
        "كبير. ويمكن عرض هذا النهج على دول أخرى في المنطقة.",
    },
    OutcomeRating.PARTLY_MET: {
        "en": "Part of the measures recommended have been taken; staff turnover and a lack of "
        "funds have delayed the rest. A follow-up mission is advisable.",
        "fr": "Une partie des mesures recommandées a été prise ; la rotation du personnel et le "
        "manque de fonds ont retardé les autres. Une mission de suivi est souhaitable.",
        "es": "Se ha adoptado parte de las medidas recomendadas; la rotación del personal y la "
        "falta de fondos han retrasado las demás. Es aconsejable una misión de seguimiento.",
        "ru": "Часть рекомендованных мер принята; текучесть кадров и нехватка средств задержали "
        "осуществление остальных. Целесообразно провести последующую миссию.",
        "zh-hans": "部分建议措施已经采取；人员流动和资金短缺推迟了其余措施的实施。宜开展一次后续访问。",
        "ar": "اتُّخذ جزء من التدابير الموصى بها؛ وأدى تناوب الموظفين ونقص الأموال إلى تأخير "
        "بقيتها. ويُستحسن إيفاد بعثة متابعة.",
    },
    OutcomeRating.NOT_MET: {
        "en": "The measures recommended have not yet been taken, as the institutions concerned "
        "were reorganized during the project. The assistance should be planned again with the "
        "new authorities.",
        "fr": "Les mesures recommandées n'ont pas encore été prises, les institutions concernées "
        "ayant été réorganisées pendant le projet. L'assistance devrait être planifiée à "
        "nouveau avec les nouvelles autorités.",
        "es": "Aún no se han adoptado las medidas recomendadas, ya que las instituciones "
        "interesadas se reorganizaron durante el proyecto. La asistencia debería planificarse "
        "de nuevo con las nuevas autoridades.",
        "ru": "Рекомендованные меры пока не приняты, поскольку в ходе проекта соответствующие "
        "учреждения были реорганизованы. Помощь следует спланировать заново вместе с новыми "
        "органами власти.",
        "zh-hans": "由于有关机构在项目期间进行了改组，建议的措施尚未采取。应与新的主管当局重新规划援助。",
        "ar": "لم تُتَّخذ التدابير الموصى بها بعد، إذ أُعيد تنظيم المؤسسات المعنية أثناء "
        "المشروع. وينبغي التخطيط للمساعدة من جديد مع السلطات الجديدة.",
    },
}
UNODC = {
    "en": "UNODC",
    "fr": "ONUDC",
    "es": "UNODC",
    "ru": "УНП ООН",
    "zh-hans": "毒品和犯罪问题办公室",
    "ar": "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
}
WITH_EXPERT = {
    "en": "UNODC, with %(expert)s (roster of experts)",
    "fr": "ONUDC, avec %(expert)s (fichier d'experts)",
    "es": "UNODC, con %(expert)s (lista de expertos)",
    "ru": "УНП ООН с участием %(expert)s (реестр экспертов)",
    "zh-hans": "毒品和犯罪问题办公室，与%(expert)s合作（专家名册）",
    "ar": "مكتب الأمم المتحدة المعني بالمخدرات والجريمة، بمشاركة %(expert)s (قائمة الخبراء)",
}


def _delivered_by(request: AssistanceRequest) -> dict[str, str]:
    match = request.matches.select_related("expert").first()
    if match is None:
        return dict(UNODC)
    return {code: text % {"expert": match.expert.name} for code, text in WITH_EXPERT.items()}


def assistance_outcomes_demo_seed(*, administrator: User) -> str:
    """Record the outcome of each completed request of the first category (a) cycle that has none
    (half met, a third partly met, the rest not met), delivered within the year after the
    cycle's deadline. Returns a line for seed_demo to print (empty when nothing was added)."""
    cycle = (
        Cycle.objects.filter(version__questionnaire__code=DEMO_APPROVED)
        .order_by("opens_on", "pk")
        .first()
    )
    if cycle is None:
        return ""
    rng = random.Random(40)  # noqa: S311 - demonstration data, not security
    requests = (
        AssistanceRequest.objects.filter(
            reply__cycle=cycle, status=RequestStatus.COMPLETED, outcomes__isnull=True
        )
        .select_related("area")
        .order_by("pk")
    )
    recorded = 0
    for request in requests:
        rating = rng.choices(list(EVALUATIONS), weights=[50, 33, 17])[0]
        start = cycle.deadline + datetime.timedelta(days=rng.randint(60, 420))
        facts = OutcomeFacts(
            delivered=dict(DELIVERED.get(request.area.code if request.area else "", ADVICE)),
            delivered_by=_delivered_by(request),
            delivered_from=start,
            delivered_until=start + datetime.timedelta(days=rng.choice([0, 4, 11, 25])),
            rating=rating,
            evaluation=dict(EVALUATIONS[rating]),
        )
        assistance_outcome_record(request=request, facts=facts, by=administrator)
        recorded += 1
    if not recorded:
        return ""
    return (
        f"technical assistance: {recorded} completed requests of the first category (a) cycle "
        "given what was delivered and an evaluation (the second cycle's report follows them up)"
    )
