"""Texts for the generated replies to the category (d) questionnaire (good governance, the
independence of the judiciary and the integrity of criminal justice personnel), by module: L law
enforcement officials, J judges, prosecutors and lawyers, I integrity of public officials and
bribery. Like bench.texts and bench.practices: sentences tagged with the codebook theme they speak
of, in the six languages; useful practices whose featured summary is printed in each report's
language; what a State writes under "Other, please specify". `{n}` and `{year}` (and `{pct}` in
the practices) are filled in with plausible figures.
"""

# module letter -> purpose -> language -> [(theme code, sentence)]
SENTENCES_D: dict[str, dict[str, dict[str, list[tuple[str, str]]]]] = {
    "L": {
        "difficulty": {
            "en": [
                ("trained-personnel", "Fewer than half of the police officers have been trained in the Basic Principles on the Use of Force and Firearms since {year}."),
                ("data-systems", "There is no central register of the use of firearms by law enforcement officials, so incidents cannot be reviewed systematically."),
                ("financial-resources", "The internal oversight unit of the police has too few investigators to examine every complaint against officers."),
            ],
            "fr": [
                ("trained-personnel", "Depuis {year}, moins de la moitié des policiers ont été formés aux Principes de base sur le recours à la force et l'utilisation des armes à feu."),
                ("data-systems", "Il n'existe pas de registre central de l'usage des armes à feu par les responsables de l'application des lois, de sorte que les incidents ne peuvent être examinés de façon systématique."),
                ("financial-resources", "L'inspection interne de la police manque d'enquêteurs pour examiner chaque plainte visant des agents."),
            ],
            "es": [
                ("trained-personnel", "Desde {year}, menos de la mitad de los agentes de policía ha recibido formación sobre los Principios Básicos sobre el Empleo de la Fuerza y de Armas de Fuego."),
                ("data-systems", "No existe un registro central del uso de armas de fuego por los funcionarios encargados de hacer cumplir la ley, por lo que los incidentes no pueden examinarse de forma sistemática."),
                ("financial-resources", "La unidad de control interno de la policía carece de investigadores suficientes para examinar todas las denuncias contra agentes."),
            ],
            "ru": [
                ("trained-personnel", "С {year} года менее половины сотрудников полиции прошли подготовку по Основным принципам применения силы и огнестрельного оружия."),
                ("data-systems", "Централизованного учета применения огнестрельного оружия должностными лицами по поддержанию правопорядка не ведется, поэтому инциденты не рассматриваются систематически."),
                ("financial-resources", "В подразделении внутреннего контроля полиции недостаточно следователей для рассмотрения каждой жалобы на сотрудников."),
            ],
            "zh-hans": [
                ("trained-personnel", "自{year}年以来，不到一半的警察接受过关于《执法人员使用武力和火器的基本原则》的培训。"),
                ("data-systems", "没有关于执法人员使用火器情况的中央登记册，因此无法系统地审查有关事件。"),
                ("financial-resources", "警察内部监督部门调查人员太少，无法审查每一项针对警员的投诉。"),
            ],
            "ar": [
                ("trained-personnel", "منذ عام {year}، لم يتلق سوى أقل من نصف أفراد الشرطة تدريبا على المبادئ الأساسية بشأن استخدام القوة والأسلحة النارية."),
                ("data-systems", "لا يوجد سجل مركزي لاستخدام الموظفين المكلفين بإنفاذ القوانين للأسلحة النارية، ولذلك لا يمكن استعراض الحوادث بصورة منهجية."),
                ("financial-resources", "تفتقر وحدة الرقابة الداخلية في الشرطة إلى عدد كاف من المحققين لفحص كل شكوى مقدمة ضد أفراد الشرطة."),
            ],
        },
        "assistance_need": {
            "en": [
                ("training", "Training of trainers for the police academy on the Code of Conduct for Law Enforcement Officials and on de-escalation techniques."),
                ("data-information", "Support to set up a database recording every use of force and firearms and its review."),
            ],
            "fr": [
                ("training", "La formation de formateurs de l'école de police au Code de conduite pour les responsables de l'application des lois et aux techniques de désescalade."),
                ("data-information", "Un appui pour créer une base de données consignant chaque recours à la force et aux armes à feu et son examen."),
            ],
            "es": [
                ("training", "Formación de formadores de la academia de policía sobre el Código de Conducta para Funcionarios Encargados de Hacer Cumplir la Ley y las técnicas de desescalada."),
                ("data-information", "Apoyo para crear una base de datos que registre cada empleo de la fuerza y de armas de fuego y su examen."),
            ],
            "ru": [
                ("training", "Подготовка преподавателей полицейской академии по Кодексу поведения должностных лиц по поддержанию правопорядка и методам деэскалации."),
                ("data-information", "Помощь в создании базы данных, в которой регистрировался бы каждый случай применения силы и огнестрельного оружия и его проверка."),
            ],
            "zh-hans": [
                ("training", "为警察学院培训教员，内容包括《执法人员行为守则》和缓和局势的技巧。"),
                ("data-information", "支持建立一个数据库，记录每一次使用武力和火器的情况及其审查结果。"),
            ],
            "ar": [
                ("training", "تدريب مدربي أكاديمية الشرطة على مدونة قواعد سلوك الموظفين المكلفين بإنفاذ القوانين وعلى أساليب تهدئة التوتر."),
                ("data-information", "الدعم لإنشاء قاعدة بيانات تسجل كل استخدام للقوة والأسلحة النارية واستعراضه."),
            ],
        },
    },
    "J": {
        "difficulty": {
            "en": [
                ("financial-resources", "The judiciary's budget is set each year by the Ministry of Finance, and courts in {n} districts have no permanent judge."),
                ("legislation", "The law does not yet provide objective criteria for the promotion of judges, as the Basic Principles on the Independence of the Judiciary ask."),
                ("trained-personnel", "There are too few legal aid lawyers: about {n} for the whole country."),
            ],
            "fr": [
                ("financial-resources", "Le budget de la justice est fixé chaque année par le Ministère des finances, et les tribunaux de {n} districts n'ont pas de juge permanent."),
                ("legislation", "La loi ne prévoit pas encore de critères objectifs pour l'avancement des juges, comme le demandent les Principes fondamentaux relatifs à l'indépendance de la magistrature."),
                ("trained-personnel", "Les avocats de l'aide juridictionnelle sont trop peu nombreux : environ {n} pour tout le pays."),
            ],
            "es": [
                ("financial-resources", "El presupuesto del poder judicial lo fija cada año el Ministerio de Hacienda, y los tribunales de {n} distritos no tienen juez permanente."),
                ("legislation", "La ley aún no establece criterios objetivos para el ascenso de los jueces, como piden los Principios Básicos relativos a la Independencia de la Judicatura."),
                ("trained-personnel", "Hay muy pocos abogados de asistencia jurídica gratuita: unos {n} para todo el país."),
            ],
            "ru": [
                ("financial-resources", "Бюджет судебной системы ежегодно устанавливает министерство финансов, а в судах {n} округов нет постоянного судьи."),
                ("legislation", "Закон пока не устанавливает объективных критериев продвижения судей по службе, как того требуют Основные принципы независимости судебных органов."),
                ("trained-personnel", "Адвокатов, оказывающих бесплатную юридическую помощь, слишком мало: около {n} на всю страну."),
            ],
            "zh-hans": [
                ("financial-resources", "司法机关的预算每年由财政部确定，{n}个地区的法院没有常任法官。"),
                ("legislation", "法律尚未按照《关于司法机关独立的基本原则》的要求规定法官晋升的客观标准。"),
                ("trained-personnel", "法律援助律师太少：全国只有约{n}名。"),
            ],
            "ar": [
                ("financial-resources", "تحدد وزارة المالية ميزانية السلطة القضائية كل عام، ولا يوجد قاض دائم في محاكم {n} مقاطعة."),
                ("legislation", "لا ينص القانون بعد على معايير موضوعية لترقية القضاة، على نحو ما تطلبه المبادئ الأساسية بشأن استقلال السلطة القضائية."),
                ("trained-personnel", "عدد محامي المساعدة القانونية قليل جدا: نحو {n} محاميا للبلد كله."),
            ],
        },
        "assistance_need": {
            "en": [
                ("training", "Training of newly appointed judges and prosecutors on the Bangalore Principles of Judicial Conduct and the Guidelines on the Role of Prosecutors."),
                ("institution-building", "Support to the judicial service commission in setting up transparent procedures for the appointment and discipline of judges."),
            ],
            "fr": [
                ("training", "La formation des juges et procureurs nouvellement nommés aux Principes de Bangalore sur la déontologie judiciaire et aux Principes directeurs applicables au rôle des magistrats du parquet."),
                ("institution-building", "Un appui au conseil supérieur de la magistrature pour établir des procédures transparentes de nomination et de discipline des juges."),
            ],
            "es": [
                ("training", "Formación de los jueces y fiscales recién nombrados sobre los Principios de Bangalore sobre la Conducta Judicial y las Directrices sobre la Función de los Fiscales."),
                ("institution-building", "Apoyo al consejo de la judicatura para establecer procedimientos transparentes de nombramiento y disciplina de los jueces."),
            ],
            "ru": [
                ("training", "Подготовка вновь назначенных судей и прокуроров по Бангалорским принципам поведения судей и Руководящим принципам, касающимся роли лиц, осуществляющих судебное преследование."),
                ("institution-building", "Помощь квалификационной коллегии судей в создании прозрачных процедур назначения судей и привлечения их к дисциплинарной ответственности."),
            ],
            "zh-hans": [
                ("training", "就《班加罗尔司法行为原则》和《关于检察官作用的准则》培训新任命的法官和检察官。"),
                ("institution-building", "支持司法人员委员会建立透明的法官任命和惩戒程序。"),
            ],
            "ar": [
                ("training", "تدريب القضاة وأعضاء النيابة العامة المعينين حديثا على مبادئ بنغالور للسلوك القضائي والمبادئ التوجيهية بشأن دور أعضاء النيابة العامة."),
                ("institution-building", "دعم مجلس القضاء في وضع إجراءات شفافة لتعيين القضاة وتأديبهم."),
            ],
        },
    },
    "I": {
        "difficulty": {
            "en": [
                ("data-systems", "Asset declarations are filed on paper, and the anti-corruption body can verify only {n} of them each year."),
                ("coordination", "The tax authority, the police and the anti-corruption body do not share information on suspected bribery of foreign public officials."),
                ("cultural-factors", "Gifts to officials are widely regarded as customary, and few cases of solicitation are reported."),
            ],
            "fr": [
                ("data-systems", "Les déclarations de patrimoine sont déposées sur papier, et l'organe de lutte contre la corruption ne peut en vérifier que {n} par an."),
                ("coordination", "L'administration fiscale, la police et l'organe de lutte contre la corruption ne partagent pas leurs informations sur les soupçons de corruption d'agents publics étrangers."),
                ("cultural-factors", "Les cadeaux aux agents publics sont largement considérés comme coutumiers, et peu de sollicitations sont signalées."),
            ],
            "es": [
                ("data-systems", "Las declaraciones patrimoniales se presentan en papel y el órgano anticorrupción solo puede verificar {n} al año."),
                ("coordination", "La administración tributaria, la policía y el órgano anticorrupción no comparten información sobre presuntos sobornos a funcionarios públicos extranjeros."),
                ("cultural-factors", "Los regalos a los funcionarios se consideran una costumbre y se denuncian pocos casos de solicitud."),
            ],
            "ru": [
                ("data-systems", "Декларации об имуществе подаются на бумаге, и антикоррупционный орган может проверить лишь {n} из них в год."),
                ("coordination", "Налоговая служба, полиция и антикоррупционный орган не обмениваются сведениями о предполагаемом подкупе иностранных публичных должностных лиц."),
                ("cultural-factors", "Подарки должностным лицам широко считаются обычаем, и о вымогательстве сообщается редко."),
            ],
            "zh-hans": [
                ("data-systems", "财产申报以纸质方式提交，反腐败机构每年只能核查其中{n}份。"),
                ("coordination", "税务机关、警察和反腐败机构不共享关于涉嫌贿赂外国公职人员的信息。"),
                ("cultural-factors", "向官员送礼普遍被视为习俗，索贿案件很少被举报。"),
            ],
            "ar": [
                ("data-systems", "تقدم إقرارات الذمة المالية ورقيا، ولا تستطيع هيئة مكافحة الفساد التحقق إلا من {n} منها كل عام."),
                ("coordination", "لا تتبادل مصلحة الضرائب والشرطة وهيئة مكافحة الفساد المعلومات عن الاشتباه في رشو موظفين عموميين أجانب."),
                ("cultural-factors", "تعتبر الهدايا المقدمة إلى الموظفين عرفا سائدا، ولا يبلغ إلا عن عدد قليل من حالات طلب الرشوة."),
            ],
        },
        "assistance_need": {
            "en": [
                ("data-information", "An electronic system for filing and verifying the asset declarations of public officials."),
                ("legislative-drafting", "Advice on drafting a law that makes the bribery of foreign public officials a criminal offence and denies its tax deductibility."),
            ],
            "fr": [
                ("data-information", "Un système électronique de dépôt et de vérification des déclarations de patrimoine des agents publics."),
                ("legislative-drafting", "Des conseils pour rédiger une loi qui érige en infraction pénale la corruption d'agents publics étrangers et en exclut la déductibilité fiscale."),
            ],
            "es": [
                ("data-information", "Un sistema electrónico para presentar y verificar las declaraciones patrimoniales de los funcionarios públicos."),
                ("legislative-drafting", "Asesoramiento para redactar una ley que tipifique como delito el soborno de funcionarios públicos extranjeros y excluya su deducción fiscal."),
            ],
            "ru": [
                ("data-information", "Электронная система подачи и проверки деклараций об имуществе публичных должностных лиц."),
                ("legislative-drafting", "Консультации по подготовке закона, устанавливающего уголовную ответственность за подкуп иностранных публичных должностных лиц и запрещающего вычитать такие выплаты из налогооблагаемой базы."),
            ],
            "zh-hans": [
                ("data-information", "一个供公职人员提交并核查财产申报的电子系统。"),
                ("legislative-drafting", "就起草一项将贿赂外国公职人员定为刑事犯罪并禁止将贿款作税前扣除的法律提供咨询。"),
            ],
            "ar": [
                ("data-information", "نظام إلكتروني لتقديم إقرارات الذمة المالية للموظفين العموميين والتحقق منها."),
                ("legislative-drafting", "المشورة في صياغة قانون يجرم رشو الموظفين العموميين الأجانب ويمنع خصم الرشوة من الضرائب."),
            ],
        },
    },
}  # fmt: skip

# module letter -> [{language: text}]: distinct practices, so a report never prints one twice.
PRACTICES_D: dict[str, list[dict[str, str]]] = {
    "L": [
        {
            "en": "Since {year}, every use of a firearm by a police officer is reviewed within a month by a panel that includes a civilian member; its findings are published.",
            "fr": "Depuis {year}, chaque usage d'une arme à feu par un policier est examiné dans un délai d'un mois par une commission comprenant un membre civil ; ses conclusions sont publiées.",
            "es": "Desde {year}, cada uso de un arma de fuego por un agente de policía es examinado en el plazo de un mes por una comisión que incluye a un miembro civil; sus conclusiones se publican.",
            "ru": "С {year} года каждый случай применения огнестрельного оружия сотрудником полиции в течение месяца рассматривает комиссия с участием гражданского лица; ее выводы публикуются.",
            "zh-hans": "自{year}年以来，警察每次使用火器的情况均由一个包括一名平民成员的小组在一个月内审查，审查结论予以公布。",
            "ar": "منذ عام {year}، تستعرض لجنة تضم عضوا مدنيا كل استخدام لسلاح ناري من جانب أحد أفراد الشرطة في غضون شهر، وتنشر استنتاجاتها.",
        },
        {
            "en": "Body-worn cameras issued to {pct} per cent of patrol officers have halved the number of complaints of ill-treatment in two years.",
            "fr": "Les caméras-piétons remises à {pct} % des agents de patrouille ont réduit de moitié en deux ans le nombre de plaintes pour mauvais traitements.",
            "es": "Las cámaras corporales entregadas al {pct} % de los agentes de patrulla han reducido a la mitad en dos años las denuncias por malos tratos.",
            "ru": "Нагрудные видеокамеры, выданные {pct} процентам патрульных, за два года вдвое сократили число жалоб на жестокое обращение.",
            "zh-hans": "为{pct}%的巡逻警察配发随身摄像机后，两年内关于虐待的投诉减少了一半。",
            "ar": "أدت كاميرات الجسم التي زود بها {pct} في المائة من أفراد الدوريات إلى خفض عدد الشكاوى من سوء المعاملة إلى النصف في عامين.",
        },
    ],
    "J": [
        {
            "en": "Cases are assigned to judges at random by an electronic system introduced in {year}, which the court users' council audits each year.",
            "fr": "Les affaires sont attribuées aux juges de manière aléatoire par un système électronique mis en place en {year}, que le conseil des usagers de la justice vérifie chaque année.",
            "es": "Los asuntos se asignan a los jueces de forma aleatoria mediante un sistema electrónico introducido en {year}, que el consejo de usuarios de la justicia audita cada año.",
            "ru": "С {year} года дела распределяются между судьями случайным образом с помощью электронной системы, которую совет пользователей судов ежегодно проверяет.",
            "zh-hans": "自{year}年起，案件通过电子系统随机分配给法官，法院用户委员会每年对该系统进行审计。",
            "ar": "توزع القضايا على القضاة عشوائيا بواسطة نظام إلكتروني استحدث في عام {year}، ويتولى مجلس مستخدمي المحاكم مراجعته كل عام.",
        },
        {
            "en": "A public defender's office opened in {year} now assists {n} accused persons a year who cannot pay for a lawyer.",
            "fr": "Un bureau de la défense publique ouvert en {year} assiste désormais chaque année {n} personnes accusées qui ne peuvent rémunérer un avocat.",
            "es": "Una defensoría pública abierta en {year} asiste ahora cada año a {n} personas acusadas que no pueden pagar un abogado.",
            "ru": "Открытое в {year} году бюро государственных защитников ежегодно оказывает помощь {n} обвиняемым, которые не в состоянии оплатить услуги адвоката.",
            "zh-hans": "{year}年设立的公设辩护人办公室现在每年为{n}名无力聘请律师的被告人提供协助。",
            "ar": "يقدم مكتب للدفاع العام افتتح في عام {year} المساعدة الآن كل عام إلى {n} متهما لا يستطيعون دفع أتعاب محام.",
        },
    ],
    "I": [
        {
            "en": "Since {year}, the asset declarations of senior officials are published online, and {pct} per cent of them are checked against land and vehicle registers.",
            "fr": "Depuis {year}, les déclarations de patrimoine des hauts fonctionnaires sont publiées en ligne, et {pct} % d'entre elles sont vérifiées au regard des registres fonciers et des véhicules.",
            "es": "Desde {year}, las declaraciones patrimoniales de los altos funcionarios se publican en línea y el {pct} % de ellas se cotejan con los registros de la propiedad y de vehículos.",
            "ru": "С {year} года декларации об имуществе высокопоставленных должностных лиц публикуются в Интернете, и {pct} процентов из них сверяются с земельным реестром и реестром транспортных средств.",
            "zh-hans": "自{year}年以来，高级官员的财产申报在网上公布，其中{pct}%与土地和车辆登记册进行了核对。",
            "ar": "منذ عام {year}، تنشر إقرارات الذمة المالية لكبار المسؤولين على الإنترنت، ويجري التحقق من {pct} في المائة منها بمقارنتها بسجلات الأراضي والمركبات.",
        },
        {
            "en": "A protected reporting line opened in {year} has received {n} reports of bribery from public officials and company staff, who are protected against reprisals.",
            "fr": "Une ligne de signalement protégée ouverte en {year} a reçu {n} signalements de corruption émanant d'agents publics et de salariés d'entreprises, protégés contre les représailles.",
            "es": "Una línea de denuncia protegida abierta en {year} ha recibido {n} denuncias de soborno de funcionarios públicos y empleados de empresas, que están protegidos contra las represalias.",
            "ru": "Защищенная линия для сообщений, открытая в {year} году, получила {n} сообщений о взяточничестве от должностных лиц и работников компаний, которые защищены от преследования.",
            "zh-hans": "{year}年开通的受保护举报热线已收到公职人员和公司员工关于贿赂的{n}份举报，举报人受到保护，免遭报复。",
            "ar": "تلقى خط محمي للإبلاغ افتتح في عام {year} ما مجموعه {n} بلاغا عن الرشوة من موظفين عموميين وعاملين في الشركات يتمتعون بالحماية من الانتقام.",
        },
    ],
}  # fmt: skip

SHORT_TEXTS_D: dict[str, list[str]] = {
    "en": ["Ministry of Justice", "Judicial Service Commission", "National Anti-Corruption Commission"],
    "fr": ["Ministère de la justice", "Conseil supérieur de la magistrature", "Commission nationale de lutte contre la corruption"],
    "es": ["Ministerio de Justicia", "Consejo de la Judicatura", "Comisión Nacional Anticorrupción"],
    "ru": ["Министерство юстиции", "Высшая квалификационная коллегия судей", "Национальная антикоррупционная комиссия"],
    "zh-hans": ["司法部", "司法人员委员会", "国家反腐败委员会"],
    "ar": ["وزارة العدل", "مجلس القضاء الأعلى", "اللجنة الوطنية لمكافحة الفساد"],
}  # fmt: skip

# What a State writes under "Other, please specify", by question, each text in the six languages.
OTHER_TEXTS_D: dict[str, list[dict[str, str]]] = {
    "L.4": [
        {"en": "Policing of public assemblies without force", "fr": "Le maintien de l'ordre lors des rassemblements sans recours à la force", "es": "La actuación policial en reuniones públicas sin empleo de la fuerza", "ru": "Охрана порядка на публичных собраниях без применения силы", "zh-hans": "在不使用武力的情况下维持公众集会秩序", "ar": "حفظ النظام في التجمعات العامة دون استخدام القوة"},
        {"en": "First aid for persons injured during an arrest", "fr": "Les premiers secours aux personnes blessées lors d'une arrestation", "es": "Los primeros auxilios a las personas heridas durante una detención", "ru": "Первая помощь лицам, пострадавшим при задержании", "zh-hans": "对逮捕过程中受伤人员的急救", "ar": "الإسعافات الأولية للأشخاص المصابين أثناء القبض عليهم"},
    ],
    "I.3.1": [
        {"en": "Members of the boards of State-owned enterprises", "fr": "Les membres des conseils d'administration des entreprises publiques", "es": "Los miembros de los consejos de administración de las empresas públicas", "ru": "Члены советов директоров государственных предприятий", "zh-hans": "国有企业董事会成员", "ar": "أعضاء مجالس إدارة المؤسسات المملوكة للدولة"},
        {"en": "Customs and tax officers", "fr": "Les agents des douanes et des impôts", "es": "Los funcionarios de aduanas y de la administración tributaria", "ru": "Сотрудники таможенных и налоговых органов", "zh-hans": "海关和税务官员", "ar": "موظفو الجمارك والضرائب"},
    ],
}  # fmt: skip
