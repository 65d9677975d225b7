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

# What a State writes under "Other, please specify", by question, each text in the six languages
# (others: SHORT_TEXTS).
OTHER_TEXTS: dict[str, list[dict[str, str]]] = {
    "A.7": [
        {"en": "Free legal aid clinics for the women held in the prisons", "fr": "Des consultations juridiques gratuites pour les femmes détenues", "es": "Asesoramiento jurídico gratuito para las mujeres reclusas en las cárceles", "ru": "Бесплатные юридические консультации для женщин-заключенных", "zh-hans": "为女性囚犯提供免费法律咨询", "ar": "عيادات للمساعدة القانونية المجانية للسجينات"},
        {"en": "Vocational training in tailoring and catering for the women prisoners", "fr": "Une formation professionnelle en couture et en restauration pour les détenues", "es": "Formación profesional en costura y gastronomía para las reclusas", "ru": "Профессиональное обучение швейному и поварскому делу для женщин-заключенных", "zh-hans": "为女性囚犯提供缝纫和餐饮职业培训", "ar": "التدريب المهني للسجينات على الخياطة والطهي"},
        {"en": "Visits of the children at the weekend in a room set up for families", "fr": "Les visites des enfants le week-end dans une salle aménagée pour les familles", "es": "Visitas de los hijos el fin de semana en una sala acondicionada para las familias", "ru": "Свидания с детьми по выходным в комнате, оборудованной для семей", "zh-hans": "周末在专为家庭布置的房间内探视子女", "ar": "زيارات الأطفال في عطلة نهاية الأسبوع في غرفة مهيأة للأسر"},
        {"en": "Release on parole of pregnant women after half of the sentence", "fr": "La libération conditionnelle des femmes enceintes à la moitié de la peine", "es": "Libertad condicional para las embarazadas que han cumplido la mitad de su pena", "ru": "Условно-досрочное освобождение беременных женщин после отбытия половины срока", "zh-hans": "孕妇服刑过半即可假释", "ar": "الإفراج المشروط عن الحوامل بعد قضاء نصف مدة العقوبة"},
    ],
    "B.1": [
        {"en": "Detention at the weekend only, for short sentences", "fr": "La détention en fin de semaine pour les courtes peines", "es": "El arresto de fin de semana para las penas cortas", "ru": "Арест в выходные дни при краткосрочных наказаниях", "zh-hans": "对短期刑罚实行周末拘禁", "ar": "الاحتجاز في عطلة نهاية الأسبوع في العقوبات القصيرة"},
        {"en": "Suspension of the driving licence for traffic offences", "fr": "La suspension du permis de conduire pour les infractions routières", "es": "La suspensión del permiso de conducir por delitos de tráfico", "ru": "Лишение права управления транспортным средством за дорожные правонарушения", "zh-hans": "对交通犯罪暂扣驾驶执照", "ar": "تعليق رخصة القيادة في مخالفات المرور"},
        {"en": "A ban on going to the place where the offence was committed", "fr": "L'interdiction de se rendre sur le lieu de l'infraction", "es": "La prohibición de acudir al lugar donde se cometió el delito", "ru": "Запрет посещать место совершения преступления", "zh-hans": "禁止前往犯罪发生地", "ar": "حظر الذهاب إلى المكان الذي ارتُكبت فيه الجريمة"},
        {"en": "Treatment for drug dependence in the community, ordered by the court", "fr": "Le traitement de la toxicomanie en milieu ouvert, ordonné par le tribunal", "es": "El tratamiento de la drogodependencia en la comunidad, ordenado por el tribunal", "ru": "Назначенное судом лечение от наркотической зависимости без изоляции от общества", "zh-hans": "由法院命令在社区接受戒毒治疗", "ar": "علاج الإدمان على المخدرات في المجتمع بأمر من المحكمة"},
    ],
    "C.7.1": [
        {"en": "Sport and youth clubs in the poorer districts", "fr": "Des clubs sportifs et de jeunes dans les quartiers défavorisés", "es": "Clubes deportivos y juveniles en los barrios más pobres", "ru": "Спортивные и молодежные клубы в неблагополучных районах", "zh-hans": "在贫困地区开办体育和青年俱乐部", "ar": "النوادي الرياضية والشبابية في الأحياء الفقيرة"},
        {"en": "Prevention of school drop-out, with mentors for the pupils at risk", "fr": "La prévention du décrochage scolaire, avec des tuteurs pour les élèves en difficulté", "es": "La prevención del abandono escolar, con tutores para los alumnos en riesgo", "ru": "Профилактика отсева из школ с наставниками для учащихся из групп риска", "zh-hans": "预防辍学，为有风险的学生配备辅导员", "ar": "منع التسرب من المدارس، مع مرشدين للتلاميذ المعرضين للخطر"},
        {"en": "Programmes against the recruitment of children by gangs", "fr": "Des programmes contre le recrutement des enfants par les bandes", "es": "Programas contra el reclutamiento de niños por las pandillas", "ru": "Программы противодействия вовлечению детей в преступные группировки", "zh-hans": "防止帮派招募儿童的方案", "ar": "برامج لمكافحة تجنيد العصابات للأطفال"},
        {"en": "Safe use of the Internet and of social media by the children", "fr": "L'utilisation sûre de l'Internet et des réseaux sociaux par les enfants", "es": "El uso seguro de Internet y de las redes sociales por los niños", "ru": "Безопасное использование детьми Интернета и социальных сетей", "zh-hans": "儿童安全使用互联网和社交媒体", "ar": "الاستخدام الآمن للإنترنت ووسائل التواصل الاجتماعي من جانب الأطفال"},
    ],
}  # fmt: skip
