"""The Spanish texts of the template, by English run text (see template_text.py).

Terms follow docs/glossary.md: "Estados partes" (lowercase "partes") in running text, "la
Convención" where the English writes "the CCM", "gestiones" for demarches, "medida" for the
numbered actions of the Vientiane Action Plan (provisional), "coordinadores" for the
co-coordinators. A State's name in running text takes its article or contraction through the
placeholder (`names('the')`, `names('of')`); meeting names come without article ("la {{
since.name }}"). The percent sign follows a no-break space (U+00A0), as in
`reportgen/language/rules.py`.
"""

NBSP = "\u00a0"

TEXTS: dict[str, str] = {
    # Document properties
    "CCM universalisation report (template)": (
        "Informe sobre la universalización de la Convención sobre Municiones en Racimo (plantilla)"
    ),
    "Placeholders are filled from data/ by `make report`.": (
        "Los marcadores de posición se rellenan con los datos de data/ mediante "
        "`reportgen build --lang es`."
    ),
    # Title page and introduction
    "Report by {{ coordination.authors|names('the') }}": (
        "Informe presentado por {{ coordination.authors|names('the') }}"
    ),
    "{{ sentence.for_the_past }}, {{ coordination.issuer|name('the') }} has been strongly "
    "involved in the universalisation efforts of the {{ convention.name }}, after having been "
    "appointed as co-coordinator by the {{ coordination.appointed_at.name }}, "
    "{{ sentence.appointed_held }}.": (
        # The State is not the subject: its verb would have to agree with "los Países Bajos".
        "{{ sentence.for_the_past }}, las actividades de universalización de la "
        "{{ convention.name }} han contado con la activa participación "
        "{{ coordination.issuer|name('of') }}, tras su designación como coordinador por la "
        "{{ coordination.appointed_at.name }}, {{ sentence.appointed_held }}."
    ),
    "The present report gives an account of the efforts undertaken by the co-coordinators in "
    "the {{ sentence.periods_served }}, and is divided into four parts:": (
        "El presente informe da cuenta de las actividades realizadas por los coordinadores en "
        "{{ sentence.periods_served }}, y se divide en cuatro partes:"
    ),
    "I. Latest figures": "I. Cifras más recientes",
    "II. Action taken jointly by the co-coordinators": (
        "II. Medidas adoptadas conjuntamente por los coordinadores"
    ),
    "III. Regional outreach": "III. Actividades de divulgación regional",
    "IV. Lessons learned": "IV. Lecciones aprendidas",
    # Part I
    "Taking into account that the Convention was only opened for signature on "
    "{{ convention.opened_for_signature|long_date }}, we may well consider the "
    "{{ convention.short_name }} a very fortunate instrument of international law for its "
    "speedy entry into force, on {{ convention.entry_into_force|long_date }}, although full "
    "universalisation seems to drag on, mostly due to security concerns. Nevertheless, it looks "
    "as if the basic concerns of the {{ convention.short_name }} are generally accepted: i) to "
    "clear affected areas; ii) to assist victims; and iii) to destroy the enormous stockpiles of "
    "these weapons, thus making the {{ convention.short_name }} not only a disarmament and "
    "non-proliferation instrument but also a very relevant humanitarian law mechanism.": (
        "Teniendo en cuenta que la Convención no quedó abierta a la firma hasta el "
        "{{ convention.opened_for_signature|long_date }}, bien podemos considerar la "
        "{{ convention.short_name }} un instrumento de derecho internacional muy afortunado por "
        "la rapidez de su entrada en vigor, el {{ convention.entry_into_force|long_date }}, "
        "aunque su plena universalización parece prolongarse, sobre todo por motivos de "
        "seguridad. No obstante, todo indica que los objetivos fundamentales de la "
        "{{ convention.short_name }} gozan de aceptación general: i) limpiar las zonas "
        "afectadas; ii) prestar asistencia a las víctimas; y iii) destruir las enormes "
        "reservas de estas armas, lo que hace de la {{ convention.short_name }} no solo un "
        "instrumento de desarme y no proliferación, sino también un mecanismo de derecho "
        "humanitario de gran pertinencia."
    ),
    "Figure ": "Figura ",
    ": States Parties to the {{ convention.short_name }} from "
    "{{ convention.opened_for_signature|long_date }} to {{ report.as_of|long_date }}": (
        ": Estados partes en la {{ convention.short_name }} del "
        "{{ convention.opened_for_signature|long_date }} al {{ report.as_of|long_date }}"
    ),
    ": New States Parties since the {{ since.name }}, by region": (
        ": Nuevos Estados partes desde la {{ since.name }}, por región"
    ),
    # Part II
    "1. As reported last year, in a joint effort, {{ demarches.by|names('the') }} delivered "
    "demarches "
    "in the capitals of {{ demarches.states_approached }} States that were not yet Parties to "
    "the CCM. {{ sentence.replies }}, providing greater clarity on the status of their "
    "ratification or accession processes, as well as a better understanding of the difficulties "
    "that some States face when considering joining this disarmament convention.": (
        "1. Como se informó el año pasado, en un esfuerzo conjunto {{ demarches.by|names('of') }}, "
        "se realizaron gestiones en las capitales de {{ demarches.states_approached }} Estados "
        "que aún no eran partes en la Convención. {{ sentence.replies }}, lo que permitió "
        "aclarar la situación de sus procesos de ratificación o adhesión y comprender mejor las "
        "dificultades que afrontan algunos Estados cuando consideran la posibilidad de "
        "adherirse a esta convención de desarme."
    ),
    "As many as {{ demarches.reporting_ongoing_processes|words }} States "
    "({{ demarches.reporting_ongoing_processes }}) reported in {{ demarches.period }} that their "
    "ratification processes were ongoing or expressed their will to join the CCM in the near "
    "future. {{ sentence.joined_since }} The numbers show, however, that an extra effort is "
    "needed to bring the States that have not finished their legal ratification process into "
    "the realm of States Parties. A great number have signalled their agreement with the "
    "principles and purposes of the CCM, but lack the resources to go through the process of "
    "ratification or accession immediately, in the face of other equally important priorities, "
    "namely concerning human rights and related instruments.": (
        "Nada menos que {{ demarches.reporting_ongoing_processes|words }} Estados "
        "({{ demarches.reporting_ongoing_processes }}) informaron en {{ demarches.period }} de "
        "que sus procesos de ratificación estaban en curso o expresaron su voluntad de "
        "adherirse a la Convención en un futuro próximo. {{ sentence.joined_since }} No "
        "obstante, las cifras muestran que se necesita un esfuerzo adicional para que los "
        "Estados que no han concluido su proceso jurídico de ratificación pasen a ser Estados "
        "partes. Un gran número de ellos ha manifestado su acuerdo con los principios y "
        "propósitos de la Convención, pero carece de los recursos necesarios para llevar a cabo "
        "de inmediato el proceso de ratificación o adhesión, ante otras prioridades igualmente "
        "importantes, en particular en materia de derechos humanos e instrumentos conexos."
    ),
    "Also noteworthy among those States were concerns about the administrative burden of "
    "reporting and about the financial obligations that becoming a Party to the CCM could "
    "entail, which are not limited to the destruction of stockpiles.": (
        "Cabe destacar también la preocupación de esos Estados por la carga administrativa que "
        "supone la presentación de informes y por las obligaciones financieras que podría "
        "entrañar pasar a ser parte en la Convención, que no se limitan a la destrucción de las "
        "reservas."
    ),
    "Finally, a number of States expressed misgivings about stockpile destruction, stemming "
    "from their security needs. It must be recalled, though, as we did in the demarches, that "
    "the CCM allows States to keep a small stock of cluster munitions for training purposes, "
    "which includes detection, deactivation and clearance.": (
        "Por último, varios Estados expresaron inquietudes acerca de la destrucción de las "
        "reservas, derivadas de sus necesidades de seguridad. Cabe recordar, sin embargo, "
        "como hicimos en las gestiones, que la Convención permite a los Estados conservar un "
        "número limitado de municiones en racimo con fines de formación, lo que incluye la "
        "detección, la desactivación y la limpieza."
    ),
    "2. In addition, the question of the universalisation of the CCM was also discussed in "
    "numerous bilateral political consultations, which also contributed to raising not only "
    "the profile of the CCM but also awareness of the human suffering that these weapons cause. "
    "The universalisation team in Geneva also favoured a regional approach, as the CCM calls "
    "for{{ references.regional_approach }}. We would recall here some of the initiatives led "
    "by some countries and non-State actors, without prejudice to others "
    "that may have taken place:": (
        "2. Además, la cuestión de la universalización de la Convención se examinó también en "
        "numerosas consultas políticas bilaterales, que contribuyeron a dar mayor visibilidad "
        "a la Convención y a crear mayor conciencia del sufrimiento humano que causan estas "
        "armas. El equipo de universalización en Ginebra también favoreció un enfoque "
        "regional, como preconiza la Convención{{ references.regional_approach }}. Recordamos "
        "aquí algunas de las iniciativas dirigidas por algunos países y agentes no "
        "estatales, sin perjuicio de otras que "
        "puedan haber tenido lugar:"
    ),
    "There is a clear and widespread group of countries that have worked towards the "
    "universalisation of the CCM, and as coordinators of this effort, we would like to thank "
    "all those States, as well as all the non-State actors that have contributed so much to our "
    "endeavours.": (
        "Existe un grupo claro y amplio de países que han trabajado en favor de la "
        "universalización de la Convención y, como coordinadores de este esfuerzo, deseamos "
        "dar las gracias a todos esos Estados, así como a todos los agentes no estatales que "
        "tanto han contribuido a nuestra labor."
    ),
    "3. This year, in a letter signed by the Permanent Representatives of "
    "{{ letter.signed_by|names('the') }} to the United Nations in Geneva, the merits of the CCM "
    "were "
    "again highlighted and {{ letter.states_addressed }} States, which were still not Parties "
    "and had missions in Geneva, were urged to consider joining the CCM. "
    "{{ sentence.letter_replies }}": (
        "3. Este año, en una carta firmada por los Representantes Permanentes "
        "{{ letter.signed_by|names('of') }} ante la Oficina de las Naciones Unidas en Ginebra, "
        "se destacaron de nuevo los méritos de la Convención y se instó a "
        "{{ letter.states_addressed }} Estados que aún no eran partes y tenían misiones en "
        "Ginebra a que consideraran la posibilidad de adherirse a ella. "
        "{{ sentence.letter_replies }}"
    ),
    "We should note in particular that since {{ since.start|year }}, {{ regional_results }} We "
    "thus appeal to the countries that are not yet States Parties to the Convention to consider "
    "their position once again by joining the CCM.": (
        "Cabe señalar en particular que, desde {{ since.start|year }}, {{ regional_results }} "
        "Por ello, hacemos un llamamiento a los países que aún no son Estados partes en la "
        "Convención para que reconsideren su posición y se adhieran a ella."
    ),
    "4. {{ sentence.summary_opening }} a summary of the answers the co-coordinators received "
    "{{ sentence.answers_period }} to their initiatives.": (
        "4. {{ sentence.summary_opening }} un resumen de las respuestas a sus iniciativas que "
        "los coordinadores "
        "recibieron {{ sentence.answers_period }}."
    ),
    "In addition, we States Parties to the CCM need to continue a dialogue with the main "
    "producers and possessors of cluster munitions to bring them to join the Convention. Most "
    "of these main producer countries have supported the concept of restricting the use of "
    "cluster munitions under the CCW process, which indicates that they are open to discussing "
    "this issue.": (
        "Además, los Estados partes en la Convención debemos proseguir el diálogo con los "
        "principales productores y poseedores de municiones en racimo para que se adhieran a "
        "la Convención. La mayoría de esos principales países productores han apoyado la idea "
        "de restringir el empleo de las municiones en racimo en el marco del proceso de la "
        "CCAC, lo que indica que están dispuestos a debatir esta cuestión."
    ),
    "Even the largest possessors understand the humanitarian concerns caused by cluster "
    "munitions. Some States have indicated that armament stocks are being renewed taking into "
    "consideration the humanitarian consequences of cluster munitions. Although we recognise "
    "the efforts made by some States to significantly reduce the failure rate of cluster "
    "munitions, to 1% or even less, efforts must continue to bring all countries to the CCM and "
    "to achieve the major goal of a world rid of cluster munitions.": (
        "Incluso los mayores poseedores comprenden las preocupaciones humanitarias que suscitan "
        "las municiones en racimo. Algunos Estados han indicado que están renovando sus "
        "arsenales teniendo en cuenta las consecuencias humanitarias de las municiones en "
        "racimo. Si bien reconocemos los esfuerzos realizados por algunos Estados para reducir "
        f"considerablemente la tasa de fallos de las municiones en racimo, hasta el 1{NBSP}% o "
        "incluso menos, es preciso proseguir los esfuerzos para que todos los países se "
        "adhieran a la Convención y para alcanzar el gran objetivo de un mundo libre de "
        "municiones en racimo."
    ),
    "{{ sentence.groups }} {{ sentence.category_ii_outlook }}We should also note that in the "
    "renewed demarches this year, some countries reconfirmed that they will not ratify the CCM "
    "in the near future.": (
        "{{ sentence.groups }} {{ sentence.category_ii_outlook }}Cabe señalar asimismo que, en "
        "las gestiones renovadas este año, algunos países reafirmaron que no ratificarían la "
        "Convención en un futuro próximo."
    ),
    "At this stage, as of {{ report.as_of|long_date }}, the status of membership of the "
    "Convention is as follows:": (
        "En este momento, al {{ report.as_of|long_date }}, la situación de la participación en "
        "la Convención es la siguiente:"
    ),
    # The status table
    "States": "Estados",
    "Signature": "Firma",
    "Ratification/Accession": "Ratificación/adhesión",
    "Total": "Total",
    # Part III
    "Representatives from {{ strategy.participants }} African States were outspoken in calling "
    "for a \u2018concerted and accelerated effort\u2019 towards an Africa-wide ban on cluster "
    "bombs at a "
    "meeting in {{ strategy.place }} on {{ strategy.dates }}.": (
        "En una reunión celebrada en {{ strategy.place }} {{ strategy.dates }}, representantes "
        "de {{ strategy.participants }} Estados africanos pidieron con firmeza un “esfuerzo "
        "concertado y acelerado” para lograr la prohibición de las bombas en racimo en toda "
        "África."
    ),
    "African States adopted the “{{ strategy.name }}” at the meeting, which sets out concrete "
    "steps States will take to achieve continent-wide membership of the "
    "{{ convention.opened_for_signature|year }} {{ convention.name }} and a commitment to the "
    "full, effective and rapid implementation of the treaty. These include: "
    "{{ strategy.measures|names }}.": (
        "En la reunión, los Estados africanos aprobaron la “{{ strategy.name }}”, que establece "
        "las medidas concretas que adoptarán los Estados para lograr la adhesión de todo el "
        "continente a la {{ convention.name }} de {{ convention.opened_for_signature|year }}, "
        "así como el compromiso de aplicar el tratado de manera plena, efectiva y rápida. Entre "
        "esas medidas figuran {{ strategy.measures|names }}."
    ),
    # Part IV
    "After consulting with interested States, including many States that have yet to become "
    "Party to the CCM, we came to the conclusion that universalisation efforts have greater "
    "impact when {{ sentence.lines_of_action }}. The efforts regarding universalisation must "
    "continue, and we should take the moment of the {{ meeting.short_name }} to promote it and "
    "to appeal to States not Parties to adhere to this major instrument of international "
    "law.": (
        "Tras consultar con los Estados interesados, entre ellos muchos Estados que aún no son "
        "partes en la Convención, llegamos a la conclusión de que los esfuerzos de "
        "universalización tienen mayor repercusión cuando {{ sentence.lines_of_action }}. Los "
        "esfuerzos en pro de la universalización deben continuar, y deberíamos aprovechar la "
        "{{ meeting.short_name }} para promoverla y exhortar a los Estados no partes a que se "
        "adhieran a este importante instrumento de derecho internacional."
    ),
    "A group of initiatives should be kept, starting with the regional approaches, which have "
    "so far proved to be a very effective means, but also because they may contribute to "
    "confidence building between countries. This regional approach should be applied in the "
    "most flexible way, so that the goal of universalisation can be put forward.": (
        "Conviene mantener un conjunto de iniciativas, empezando por los enfoques regionales, "
        "que hasta ahora han demostrado ser un medio muy eficaz, y también porque pueden "
        "contribuir al fomento de la confianza entre los países. Este enfoque regional debe "
        "aplicarse de la manera más flexible posible, a fin de hacer avanzar el objetivo de la "
        "universalización."
    ),
    "In addition, promotion among political groupings has translated into positive results."
    "{{ own_initiatives }}": (
        "Además, la labor de promoción en el seno de las agrupaciones políticas ha dado "
        "resultados positivos.{{ own_initiatives }}"
    ),
    "It is of equal importance to continue to fully engage with the main producers and "
    "stockpilers, underlining the lethal and indiscriminate character of these weapons. The "
    "humanitarian nature of the CCM{{ references.humanitarian_nature }} should continue to "
    "be highlighted in these discussions.": (
        "Es igualmente importante seguir colaborando plenamente con los principales "
        "productores y poseedores de reservas, subrayando el carácter letal e "
        "indiscriminado de estas armas. En esos debates debe seguir destacándose el carácter "
        "humanitario de la Convención{{ references.humanitarian_nature }}."
    ),
    "The strategy of prioritising countries as a result of the demarches made so far may "
    "contribute to a faster pace of universalisation, as well as to a more precise idea of the "
    "reasoning behind countries\u2019 positions on the CCM. The differentiation is of an "
    "analytical "
    "nature, and is intended only as a reference for a more guided or targeted approach.": (
        "La estrategia de establecer prioridades entre los países a partir de las gestiones "
        "realizadas hasta la fecha puede contribuir a acelerar el ritmo de la universalización, "
        "así como a tener una idea más precisa de los motivos en que se basan las posiciones de "
        "los países respecto de la Convención. La diferenciación es de carácter analítico y "
        "solo pretende servir de referencia para un enfoque más orientado o selectivo."
    ),
    "Taking into account the motives presented by the different States, we consider that:": (
        "Teniendo en cuenta los motivos expuestos por los distintos Estados, consideramos que:"
    ),
    # The time chart's axis title (in the chart's design, not a run of the document).
    "States Parties": "Estados partes",
}
# Point 3 without a letter: the paragraph after the letter takes its number.
_AFTER_LETTER = next(k for k in TEXTS if k.startswith("We should note in particular"))
TEXTS["3. " + _AFTER_LETTER] = "3. " + TEXTS[_AFTER_LETTER]
