"""Sentences for synthetic free-text answers, in the languages respondents write in.

Each sentence is tagged with the codebook theme it speaks of (difficulty themes and
technical-assistance areas, see bench.synthetic.CODEBOOK), so that the synthetic coding agrees with
the synthetic text. `{n}` and `{year}` are filled in with plausible figures.
"""

# purpose -> language -> [(theme code, sentence)]
SENTENCES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "difficulty": {
        "en": [
            ("financial-resources", "The budget allocated to the prison administration has not kept pace with the prison population, and several facilities built before {year} urgently need repair."),
            ("financial-resources", "Lack of funds limits the provision of health care, food and rehabilitation programmes."),
            ("trained-personnel", "Prison staff receive only {n} weeks of initial training, and few of them have been trained in the Nelson Mandela Rules."),
            ("trained-personnel", "There is a shortage of social workers and probation officers, particularly in rural districts."),
            ("legislation", "The criminal procedure code still provides for mandatory pre-trial detention for a wide range of offences."),
            ("legislation", "Legislation on non-custodial measures was adopted in {year} but its implementing regulations are still pending."),
            ("overcrowding", "Occupancy rates exceed {n} per cent in the main remand prisons, which makes the separation of categories of prisoners impossible in practice."),
            ("overcrowding", "Overcrowding is the most serious problem: some cells designed for four persons hold up to twelve."),
            ("awareness", "Judges and prosecutors are not always aware of the alternatives to imprisonment available under the law."),
            ("coordination", "Coordination between the police, the courts and the prison service remains weak, and case files are often transferred late."),
            ("data-systems", "No central database records the length of pre-trial detention, so it is difficult to monitor compliance with legal time limits."),
            ("cultural-factors", "Public opinion tends to regard non-custodial sanctions as lenient, which discourages their use."),
        ],
        "fr": [
            ("financial-resources", "Le budget de l'administration pénitentiaire ne suit pas l'augmentation de la population carcérale, et plusieurs établissements construits avant {year} doivent être rénovés d'urgence."),
            ("trained-personnel", "Le personnel pénitentiaire ne reçoit que {n} semaines de formation initiale et connaît mal les Règles Nelson Mandela."),
            ("legislation", "Le code de procédure pénale prévoit encore la détention provisoire obligatoire pour de nombreuses infractions."),
            ("overcrowding", "Le taux d'occupation dépasse {n} % dans les principales maisons d'arrêt, ce qui rend impossible la séparation des catégories de détenus."),
            ("awareness", "Les magistrats connaissent mal les peines alternatives prévues par la loi."),
            ("coordination", "La coordination entre la police, les juridictions et l'administration pénitentiaire reste insuffisante."),
            ("data-systems", "Il n'existe pas de base de données centralisée sur la durée de la détention provisoire."),
        ],
        "es": [
            ("financial-resources", "El presupuesto del sistema penitenciario no ha aumentado al ritmo de la población reclusa y varios centros construidos antes de {year} necesitan reparaciones urgentes."),
            ("trained-personnel", "El personal penitenciario recibe apenas {n} semanas de formación inicial y pocos funcionarios conocen las Reglas Nelson Mandela."),
            ("legislation", "El código procesal penal todavía prevé la prisión preventiva obligatoria para numerosos delitos."),
            ("overcrowding", "La tasa de ocupación supera el {n} % en los principales centros de detención preventiva."),
            ("awareness", "Los jueces no siempre conocen las alternativas al encarcelamiento previstas en la ley."),
            ("coordination", "La coordinación entre la policía, los tribunales y la administración penitenciaria sigue siendo débil."),
            ("cultural-factors", "La opinión pública considera que las sanciones no privativas de la libertad son demasiado indulgentes."),
        ],
        "ar": [
            ("financial-resources", "لا تكفي الميزانية المخصصة لإدارة السجون لمواكبة تزايد عدد السجناء، وتحتاج عدة مرافق بُنيت قبل عام {year} إلى إصلاح عاجل."),
            ("trained-personnel", "لا يتلقى موظفو السجون سوى {n} أسابيع من التدريب الأولي، وقليل منهم تلقى تدريبا على قواعد نيلسون مانديلا."),
            ("overcrowding", "تتجاوز نسبة الإشغال {n} في المائة في السجون الرئيسية، مما يجعل الفصل بين فئات السجناء متعذرا عمليا."),
            ("legislation", "لا يزال قانون الإجراءات الجنائية ينص على الحبس الاحتياطي الإلزامي لطائفة واسعة من الجرائم."),
        ],
        "ru": [
            ("financial-resources", "Бюджет пенитенциарной службы не успевает за ростом числа заключенных, а ряд учреждений, построенных до {year} года, нуждается в срочном ремонте."),
            ("trained-personnel", "Сотрудники тюрем проходят лишь {n} недель первоначальной подготовки, и немногие из них знакомы с Правилами Нельсона Манделы."),
            ("overcrowding", "Уровень заполненности следственных изоляторов превышает {n} процентов."),
            ("data-systems", "Отсутствует единая база данных о сроках содержания под стражей до суда."),
        ],
        "zh-hans": [
            ("financial-resources", "监狱管理部门的预算跟不上在押人数的增长，{year}年以前建造的若干设施急需维修。"),
            ("trained-personnel", "监狱工作人员仅接受{n}周的入职培训，很少有人接受过《纳尔逊·曼德拉规则》方面的培训。"),
            ("overcrowding", "主要看守所的关押率超过{n}%，实际上无法将不同类别的被羁押者分开关押。"),
            ("coordination", "警察、法院和监狱部门之间的协调仍然薄弱。"),
        ],
    },
    "assistance_need": {
        "en": [
            ("training", "Training of trainers for prison officers on the Nelson Mandela Rules and the Bangkok Rules would be most useful."),
            ("training", "Specialized training for judges and prosecutors on alternatives to pre-trial detention is needed."),
            ("legislative-drafting", "Assistance in drafting regulations for the implementation of the new law on probation would be welcome."),
            ("institution-building", "Support is needed to establish a national probation service with offices in each province."),
            ("equipment", "Equipment for electronic case management and video links between prisons and courts is needed."),
            ("data-information", "Technical advice on a prison management information system would help to monitor detention periods."),
            ("awareness-raising", "An awareness campaign on restorative justice for community leaders and the media would be useful."),
        ],
        "fr": [
            ("training", "Une formation de formateurs pour le personnel pénitentiaire sur les Règles Nelson Mandela serait très utile."),
            ("legislative-drafting", "Une assistance pour la rédaction des textes d'application de la loi sur la probation serait bienvenue."),
            ("institution-building", "Un appui est nécessaire pour créer un service de probation doté de bureaux régionaux."),
            ("data-information", "Des conseils techniques sur un système informatisé de gestion des détenus seraient utiles."),
        ],
        "es": [
            ("training", "Sería muy útil la formación de formadores para el personal penitenciario sobre las Reglas Nelson Mandela."),
            ("legislative-drafting", "Se agradecería asistencia para redactar el reglamento de la nueva ley de libertad condicional."),
            ("equipment", "Se necesita equipo para la gestión electrónica de causas y videoconferencias entre cárceles y tribunales."),
            ("awareness-raising", "Una campaña de sensibilización sobre la justicia restaurativa dirigida a las comunidades sería útil."),
        ],
        "ar": [
            ("training", "سيكون من المفيد للغاية تدريب المدربين من موظفي السجون على قواعد نيلسون مانديلا وقواعد بانكوك."),
            ("institution-building", "يلزم الدعم لإنشاء دائرة وطنية للمراقبة لها مكاتب في كل محافظة."),
        ],
        "ru": [
            ("training", "Было бы полезно организовать подготовку инструкторов для сотрудников тюрем по Правилам Нельсона Манделы."),
            ("data-information", "Необходима техническая консультация по созданию информационной системы управления учреждениями."),
        ],
        "zh-hans": [
            ("training", "为监狱工作人员举办关于《纳尔逊·曼德拉规则》的培训员培训将非常有益。"),
            ("equipment", "需要用于电子案件管理以及监狱与法院之间视频连线的设备。"),
        ],
    },
    "other": {
        "en": [
            ("", "Further information is available in the annual report of the prison administration for {year}."),
            ("", "The figures refer to the situation on 31 December {year}."),
            ("", "A reform of the juvenile justice system is under way, with the support of civil society organizations."),
        ],
        "fr": [("", "Les chiffres se rapportent à la situation au 31 décembre {year}."), ("", "Une réforme de la justice des mineurs est en cours.")],
        "es": [("", "Las cifras se refieren a la situación al 31 de diciembre de {year}."), ("", "Está en marcha una reforma del sistema de justicia de menores.")],
        "ar": [("", "تشير الأرقام إلى الوضع في 31 كانون الأول/ديسمبر {year}.")],
        "ru": [("", "Данные приводятся по состоянию на 31 декабря {year} года.")],
        "zh-hans": [("", "数字反映截至{year}年12月31日的情况。")],
    },
}  # fmt: skip

SHORT_TEXTS: dict[str, list[str]] = {
    "en": ["Ministry of Justice", "National Prison Service", "Department of Correctional Services"],
    "fr": ["Ministère de la justice", "Direction de l'administration pénitentiaire"],
    "es": ["Ministerio de Justicia", "Instituto Nacional Penitenciario"],
    "ar": ["وزارة العدل", "المديرية العامة للسجون"],
    "ru": ["Министерство юстиции", "Федеральная служба исполнения наказаний"],
    "zh-hans": ["司法部", "监狱管理局"],
}

# What a State writes under "Other, please specify", by question (others: SHORT_TEXTS).
OTHER_TEXTS: dict[str, dict[str, list[str]]] = {
    "A.7": {
        "en": ["Legal aid clinics for women prisoners", "Vocational training in tailoring and catering"],
        "fr": ["Consultations juridiques gratuites pour les détenues", "Formation professionnelle en couture et en restauration"],
        "es": ["Asesoramiento jurídico gratuito para las reclusas", "Formación profesional en costura y gastronomía"],
        "ru": ["Бесплатные юридические консультации для женщин-заключенных", "Профессиональное обучение швейному и поварскому делу"],
        "zh-hans": ["为女性囚犯提供免费法律咨询", "缝纫和餐饮职业培训"],
        "ar": ["عيادات للمساعدة القانونية للسجينات", "التدريب المهني على الخياطة والطهي"],
    },
    "B.1": {
        "en": ["Weekend detention", "Suspension of the driving licence"],
        "fr": ["Détention de fin de semaine", "Suspension du permis de conduire"],
        "es": ["Arresto de fin de semana", "Suspensión del permiso de conducir"],
        "ru": ["Арест в выходные дни", "Лишение права управления транспортным средством"],
        "zh-hans": ["周末拘禁", "暂扣驾驶执照"],
        "ar": ["الاحتجاز في عطلة نهاية الأسبوع", "تعليق رخصة القيادة"],
    },
    "C.7.1": {
        "en": ["Sport and youth clubs", "Prevention of school drop-out"],
        "fr": ["Clubs sportifs et de jeunes", "Prévention du décrochage scolaire"],
        "es": ["Clubes deportivos y juveniles", "Prevención del abandono escolar"],
        "ru": ["Спортивные и молодежные клубы", "Профилактика отсева из школ"],
        "zh-hans": ["体育和青年俱乐部", "预防辍学"],
        "ar": ["النوادي الرياضية والشبابية", "منع التسرب من المدارس"],
    },
}  # fmt: skip
