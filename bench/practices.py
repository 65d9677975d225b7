"""Useful practices that synthetic and demonstration replies describe, each in the six languages.

A State describes its practice in the language it writes in; a reviewer who features the practice
writes its summary in the six languages (what the State does, in one or two sentences), so that
each report prints the summary in its own language. The practices are grouped by the module of
the category (a) questionnaire they answer (A persons in custody, B non-custodial measures,
C juvenile justice, D restorative justice), and each is distinct, so that a report never prints
the same practice twice. `{year}`, `{n}` and `{pct}` are filled in with plausible figures, the
same in every language.
"""

# module letter -> [{language: text}]
PRACTICES: dict[str, list[dict[str, str]]] = {
    "A": [
        {
            "en": "Since {year}, paralegals have visited every remand prison each week; they have helped to release {n} persons held beyond the legal time limits.",
            "fr": "Depuis {year}, des parajuristes visitent chaque semaine toutes les maisons d'arrêt ; ils ont contribué à la libération de {n} personnes détenues au-delà des délais légaux.",
            "es": "Desde {year}, auxiliares jurídicos visitan cada semana todos los centros de prisión preventiva y han contribuido a liberar a {n} personas detenidas más allá de los plazos legales.",
            "ru": "С {year} года помощники юристов еженедельно посещают все следственные изоляторы; они помогли освободить {n} человек, содержавшихся под стражей сверх установленных законом сроков.",
            "zh-hans": "自{year}年以来，法律助理每周走访所有看守所，已协助释放{n}名超过法定期限被羁押的人员。",
            "ar": "منذ عام {year}، يزور مساعدون قانونيون جميع مراكز الحبس الاحتياطي أسبوعيا، وقد ساعدوا على الإفراج عن {n} شخصا احتُجزوا بعد انقضاء المدد القانونية.",
        },
        {
            "en": "A mother-and-child unit opened in {year} allows women prisoners to keep their young children with them; a paediatrician visits the unit every week.",
            "fr": "Une unité mère-enfant ouverte en {year} permet aux détenues de garder leurs jeunes enfants auprès d'elles ; un pédiatre s'y rend chaque semaine.",
            "es": "Una unidad materno-infantil abierta en {year} permite a las reclusas tener consigo a sus hijos pequeños; un pediatra la visita cada semana.",
            "ru": "Открытое в {year} году отделение матери и ребенка позволяет женщинам-заключенным содержать при себе малолетних детей; педиатр посещает отделение еженедельно.",
            "zh-hans": "{year}年设立的母婴监区使女性囚犯可以将年幼子女留在身边；儿科医生每周到监区探视。",
            "ar": "تتيح وحدة للأم والطفل افتُتحت في عام {year} للسجينات إبقاء أطفالهن الصغار معهن، ويزور طبيب أطفال الوحدة كل أسبوع.",
        },
        {
            "en": "An independent inspection body set up in {year} makes unannounced visits to all places of detention and publishes every report it writes.",
            "fr": "Un organe d'inspection indépendant créé en {year} effectue des visites inopinées dans tous les lieux de détention et publie tous ses rapports.",
            "es": "Un órgano de inspección independiente creado en {year} realiza visitas sin previo aviso a todos los lugares de detención y publica todos sus informes.",
            "ru": "Созданный в {year} году независимый инспекционный орган посещает все места лишения свободы без предварительного уведомления и публикует все свои доклады.",
            "zh-hans": "{year}年设立的独立监察机构对所有羁押场所进行不事先通知的探访，并公布其全部报告。",
            "ar": "تجري هيئة تفتيش مستقلة أُنشئت في عام {year} زيارات غير معلنة لجميع أماكن الاحتجاز وتنشر جميع تقاريرها.",
        },
        {
            "en": "Every prisoner is examined by a doctor within 24 hours of admission, and prison health care has been run by the Ministry of Health since {year}.",
            "fr": "Chaque détenu est examiné par un médecin dans les 24 heures suivant son admission, et les soins de santé en prison relèvent du Ministère de la santé depuis {year}.",
            "es": "Todo recluso es examinado por un médico en las 24 horas siguientes a su ingreso, y la atención de salud en las prisiones depende del Ministerio de Salud desde {year}.",
            "ru": "Каждого заключенного осматривает врач в течение 24 часов после поступления, а с {year} года медицинская помощь в тюрьмах находится в ведении министерства здравоохранения.",
            "zh-hans": "每名囚犯在入狱后24小时内接受医生检查；自{year}年起，监狱医疗由卫生部负责。",
            "ar": "يفحص طبيب كل سجين في غضون 24 ساعة من دخوله السجن، وتتولى وزارة الصحة الرعاية الصحية في السجون منذ عام {year}.",
        },
    ],
    "B": [
        {
            "en": "Community service orders are supervised by local councils; {pct} per cent of the orders made in {year} were completed.",
            "fr": "L'exécution des travaux d'intérêt général est suivie par les conseils locaux ; {pct} % des mesures prononcées en {year} ont été menées à terme.",
            "es": "Los ayuntamientos supervisan el trabajo en beneficio de la comunidad; se cumplió el {pct} % de las órdenes dictadas en {year}.",
            "ru": "За исполнением общественных работ следят местные советы; {pct} процентов назначенных в {year} году общественных работ были выполнены полностью.",
            "zh-hans": "社区服务令由地方议会监督执行；{year}年作出的社区服务令中有{pct}%得到完成。",
            "ar": "تشرف المجالس المحلية على أوامر الخدمة المجتمعية، وقد نُفذ {pct} في المائة من الأوامر الصادرة في عام {year} تنفيذا كاملا.",
        },
        {
            "en": "Before imposing a prison sentence of less than one year, judges receive a pre-sentence report from the probation service, a rule in force since {year}.",
            "fr": "Depuis {year}, avant de prononcer une peine de prison de moins d'un an, le juge reçoit un rapport présentenciel du service de probation.",
            "es": "Desde {year}, antes de imponer una pena de prisión inferior a un año, el juez recibe un informe previo a la sentencia del servicio de libertad vigilada.",
            "ru": "С {year} года, прежде чем назначить лишение свободы на срок менее одного года, судья получает досудебный доклад службы пробации.",
            "zh-hans": "自{year}年起，法官在判处一年以下监禁之前，须收到缓刑服务机构提交的判决前报告。",
            "ar": "منذ عام {year}، يتلقى القاضي، قبل الحكم بالسجن لمدة تقل عن سنة، تقريرا سابقا للحكم من دائرة المراقبة.",
        },
        {
            "en": "Since {year}, electronic monitoring has been ordered instead of pre-trial detention for {n} defendants.",
            "fr": "Depuis {year}, la surveillance électronique a été ordonnée à la place de la détention provisoire pour {n} prévenus.",
            "es": "Desde {year}, se ha ordenado la vigilancia electrónica en lugar de la prisión preventiva para {n} acusados.",
            "ru": "С {year} года электронный мониторинг был назначен вместо содержания под стражей до суда {n} обвиняемым.",
            "zh-hans": "自{year}年以来，已对{n}名被告人下令采用电子监控，取代审前羁押。",
            "ar": "منذ عام {year}، أُمر بالمراقبة الإلكترونية بدلا من الحبس الاحتياطي في حالة {n} متهما.",
        },
        {
            "en": "A national probation service, with an office in each province since {year}, supervises offenders serving non-custodial sentences and helps them find work.",
            "fr": "Un service national de probation, doté depuis {year} d'un bureau dans chaque province, suit les personnes condamnées à des peines non privatives de liberté et les aide à trouver un emploi.",
            "es": "Un servicio nacional de libertad vigilada, con una oficina en cada provincia desde {year}, supervisa a las personas que cumplen penas no privativas de la libertad y las ayuda a encontrar empleo.",
            "ru": "Национальная служба пробации, с {year} года имеющая отделение в каждой провинции, осуществляет надзор за лицами, отбывающими наказания, не связанные с лишением свободы, и помогает им найти работу.",
            "zh-hans": "国家缓刑服务机构自{year}年起在各省设有办事处，负责监督被判处非监禁刑的罪犯并帮助他们就业。",
            "ar": "تشرف دائرة وطنية للمراقبة، لها مكتب في كل محافظة منذ عام {year}، على الجناة الذين يقضون عقوبات غير احتجازية وتساعدهم على إيجاد عمل.",
        },
    ],
    "C": [
        {
            "en": "Victim-offender mediation is offered in every juvenile case before trial; {pct} per cent of the cases mediated in {year} ended in an agreement.",
            "fr": "La médiation entre victime et auteur est proposée dans toutes les affaires concernant des mineurs avant le procès ; {pct} % des médiations menées en {year} ont abouti à un accord.",
            "es": "La mediación entre víctima y ofensor se ofrece en todos los casos de menores antes del juicio; el {pct} % de las mediaciones realizadas en {year} terminó en un acuerdo.",
            "ru": "Во всех делах несовершеннолетних до суда предлагается посредничество между потерпевшим и правонарушителем; {pct} процентов проведенных в {year} году процедур завершились соглашением.",
            "zh-hans": "所有少年案件在审判前均可进行被害人与犯罪人调解；{year}年进行的调解中有{pct}%达成了协议。",
            "ar": "تُعرض الوساطة بين الضحية والجاني في جميع قضايا الأحداث قبل المحاكمة، وانتهت {pct} في المائة من حالات الوساطة التي جرت في عام {year} باتفاق.",
        },
        {
            "en": "Children in conflict with the law are heard by specialized juvenile judges, and since {year} every police station has had a room set aside for interviewing children.",
            "fr": "Les enfants en conflit avec la loi sont entendus par des juges des enfants spécialisés et, depuis {year}, chaque commissariat dispose d'une salle réservée à l'audition des enfants.",
            "es": "Los niños en conflicto con la ley son oídos por jueces de menores especializados y, desde {year}, cada comisaría cuenta con una sala reservada para entrevistar a niños.",
            "ru": "Дела детей, вступивших в конфликт с законом, рассматривают специализированные судьи по делам несовершеннолетних, а с {year} года в каждом отделении полиции есть отдельная комната для опроса детей.",
            "zh-hans": "触法儿童由专门的少年法官审理；自{year}年起，每个警察局都设有专门用于询问儿童的房间。",
            "ar": "يستمع قضاة أحداث متخصصون إلى الأطفال المخالفين للقانون، ومنذ عام {year} يوجد في كل مركز شرطة غرفة مخصصة لمقابلة الأطفال.",
        },
        {
            "en": "A diversion programme run with civil society organizations has kept {n} children out of the courts since {year}.",
            "fr": "Un programme de déjudiciarisation mené avec des organisations de la société civile a permis depuis {year} d'éviter un procès à {n} enfants.",
            "es": "Un programa de remisión gestionado con organizaciones de la sociedad civil ha evitado desde {year} que {n} niños fueran juzgados.",
            "ru": "Программа альтернативного урегулирования, осуществляемая совместно с организациями гражданского общества, с {year} года позволила не передавать в суд дела {n} детей.",
            "zh-hans": "自{year}年以来，与民间社会组织合作开展的转处方案已使{n}名儿童免于进入法院程序。",
            "ar": "أتاح برنامج للتحويل يُنفذ بالتعاون مع منظمات المجتمع المدني، منذ عام {year}، إبعاد {n} طفلا عن المحاكم.",
        },
        {
            "en": "Since {year}, girls deprived of their liberty have been held in a separate facility with women staff, where they continue their schooling up to secondary level.",
            "fr": "Depuis {year}, les filles privées de liberté sont placées dans un établissement distinct, encadrées par un personnel féminin, et y poursuivent leur scolarité jusqu'au secondaire.",
            "es": "Desde {year}, las niñas privadas de libertad están internadas en un centro separado con personal femenino, donde continúan sus estudios hasta la enseñanza secundaria.",
            "ru": "С {year} года девочки, лишенные свободы, содержатся в отдельном учреждении с персоналом из числа женщин, где они продолжают обучение до уровня средней школы.",
            "zh-hans": "自{year}年起，被剥夺自由的女童被安置在由女性工作人员管理的单独设施中，并在那里继续接受直至中学的教育。",
            "ar": "منذ عام {year}، تُودع الفتيات المحرومات من حريتهن في مرفق منفصل يعمل فيه موظفات، ويواصلن فيه تعليمهن حتى المرحلة الثانوية.",
        },
    ],
    "D": [
        {
            "en": "Trained community mediators hold restorative justice conferences for minor offences; {n} conferences were held in {year}.",
            "fr": "Des médiateurs communautaires formés organisent des rencontres de justice réparatrice pour les infractions mineures ; {n} rencontres ont eu lieu en {year}.",
            "es": "Mediadores comunitarios capacitados celebran conferencias de justicia restaurativa para delitos leves; en {year} se celebraron {n} conferencias.",
            "ru": "Подготовленные общинные посредники проводят конференции восстановительного правосудия по делам о незначительных правонарушениях; в {year} году было проведено {n} конференций.",
            "zh-hans": "经过培训的社区调解员就轻微罪行组织恢复性司法会议；{year}年共举行了{n}次会议。",
            "ar": "يعقد وسطاء مجتمعيون مدربون مؤتمرات للعدالة التصالحية في الجرائم البسيطة، وقد عُقد {n} مؤتمرا في عام {year}.",
        },
        {
            "en": "Since {year}, restorative processes may be used at every stage of criminal proceedings, and a case returns to the prosecutor when no agreement is reached.",
            "fr": "Depuis {year}, il peut être recouru à des processus de justice réparatrice à tous les stades de la procédure pénale, et l'affaire est renvoyée au procureur si aucun accord n'est trouvé.",
            "es": "Desde {year}, los procesos restaurativos pueden utilizarse en todas las etapas del procedimiento penal, y el caso vuelve al fiscal si no se llega a un acuerdo.",
            "ru": "С {year} года восстановительные процедуры могут применяться на любой стадии уголовного процесса, а если соглашение не достигнуто, дело возвращается прокурору.",
            "zh-hans": "自{year}年起，恢复性程序可在刑事诉讼的任何阶段采用；未达成协议的，案件退回检察官处理。",
            "ar": "منذ عام {year}، يجوز اللجوء إلى العمليات التصالحية في جميع مراحل الإجراءات الجنائية، وتُعاد القضية إلى النيابة العامة إذا لم يُتوصل إلى اتفاق.",
        },
        {
            "en": "Facilitators complete an accredited training course of {n} hours before taking up their duties, and their work has been reviewed every year since {year}.",
            "fr": "Les facilitateurs suivent une formation agréée de {n} heures avant de prendre leurs fonctions, et leur travail est évalué chaque année depuis {year}.",
            "es": "Los facilitadores realizan un curso acreditado de {n} horas antes de asumir sus funciones, y su labor se evalúa cada año desde {year}.",
            "ru": "Прежде чем приступить к работе, посредники проходят аккредитованный курс подготовки продолжительностью {n} часов, а с {year} года их работа ежегодно оценивается.",
            "zh-hans": "协调人在上岗前须完成{n}小时的认证培训课程；自{year}年起，每年对其工作进行评估。",
            "ar": "يُكمل الميسرون دورة تدريبية معتمدة مدتها {n} ساعة قبل تولي مهامهم، ويُقيَّم عملهم كل عام منذ عام {year}.",
        },
        {
            "en": "Victims are informed in writing of their right to take part in a restorative process and may withdraw their consent at any time, as the law has provided since {year}.",
            "fr": "Les victimes sont informées par écrit de leur droit de participer à un processus de justice réparatrice et peuvent retirer leur consentement à tout moment, comme le prévoit la loi depuis {year}.",
            "es": "Las víctimas son informadas por escrito de su derecho a participar en un proceso restaurativo y pueden retirar su consentimiento en cualquier momento, como dispone la ley desde {year}.",
            "ru": "Потерпевших письменно уведомляют об их праве участвовать в восстановительной процедуре, и они могут в любой момент отозвать свое согласие, как это предусмотрено законом с {year} года.",
            "zh-hans": "被害人会收到书面通知，告知其有权参加恢复性程序，并可随时撤回同意；法律自{year}年起即作此规定。",
            "ar": "تُبلَّغ الضحايا كتابيا بحقهم في المشاركة في عملية تصالحية، ويجوز لهم سحب موافقتهم في أي وقت، وفقا لما ينص عليه القانون منذ عام {year}.",
        },
    ],
}  # fmt: skip


def practice_figures(rng) -> dict[str, int]:
    """Plausible figures for a practice's `{year}`, `{n}` and `{pct}`."""
    return {"year": rng.randint(2005, 2022), "n": rng.randint(24, 480), "pct": rng.randint(62, 94)}
