"""The French texts of the template, by English run text (see template_text.py).

French UN style (docs/glossary.md, sections 2, 6 and 9): "États parties", "la Convention sur les
armes à sous-munitions", "la deuxième Assemblée des États parties" (a meeting's name comes without
article and with a lowercase ordinal: the text writes "la"); `convention.short_name` is
"Convention", without article. A no-break space (\u00a0) stands before ":", ";" and "%" and
inside « guillemets ». A State's name in running text takes its article or a contraction:
`|name('the')` (le Portugal), `|names('of')` (du Portugal et du Ghana).
"""

TEXTS: dict[str, str] = {
    "Report by {{ coordination.authors|names('the') }}": (
        "Rapport présenté par {{ coordination.authors|names('the') }}"
    ),
    (
        "{{ sentence.for_the_past }}, {{ coordination.issuer|name('the') }} has been strongly "
        "involved in the universalisation efforts of the {{ convention.name }}, after having been "
        "appointed as co-coordinator by the {{ coordination.appointed_at.name }}, "
        "{{ sentence.appointed_held }}."
    ): (
        "{{ sentence.for_the_past }}, les efforts d'universalisation de la {{ convention.name }} "
        "bénéficient d'une forte implication {{ coordination.issuer|name('of') }}, coordonnateur "
        "désigné par la {{ coordination.appointed_at.name }}, {{ sentence.appointed_held }}."
    ),
    (
        "The present report gives an account of the efforts undertaken by the co-coordinators in "
        "the {{ sentence.periods_served }}, and is divided into four parts:"
    ): (
        "Le présent rapport rend compte des efforts déployés par les coordonnateurs "
        "{{ sentence.periods_served }} et s'articule en quatre parties\u00a0:"
    ),
    "I. Latest figures": "I. Dernières données chiffrées",
    "II. Action taken jointly by the co-coordinators": (
        "II. Action menée conjointement par les coordonnateurs"
    ),
    "III. Regional outreach": "III. Action de sensibilisation régionale",
    "IV. Lessons learned": "IV. Enseignements tirés",
    (
        "Taking into account that the Convention was only opened for signature on "
        "{{ convention.opened_for_signature|long_date }}, we may well consider the "
        "{{ convention.short_name }} a very fortunate instrument of international law for its "
        "speedy entry into force, on {{ convention.entry_into_force|long_date }}, although full "
        "universalisation seems to drag on, mostly due to security concerns. Nevertheless, it "
        "looks as if the basic concerns of the {{ convention.short_name }} are generally "
        "accepted: i) to clear affected areas; ii) to assist victims; and iii) to destroy the "
        "enormous stockpiles of these weapons, thus making the {{ convention.short_name }} not "
        "only a disarmament and non-proliferation instrument but also a very relevant "
        "humanitarian law mechanism."
    ): (
        "Compte tenu du fait que la Convention n'a été ouverte à la signature que le "
        "{{ convention.opened_for_signature|long_date }}, on peut considérer la "
        "{{ convention.short_name }} comme un instrument de droit international particulièrement "
        "favorisé, au vu de la rapidité de son entrée en vigueur, le "
        "{{ convention.entry_into_force|long_date }}, même si son universalisation complète "
        "semble se faire attendre, principalement en raison de préoccupations de sécurité. Il "
        "semble néanmoins que les objectifs fondamentaux de la {{ convention.short_name }} soient "
        "généralement acceptés\u00a0: i) dépolluer les zones contaminées\u00a0; ii) assister les "
        "victimes\u00a0; et iii) détruire les énormes stocks de ces armes, ce qui fait de la "
        "{{ convention.short_name }} non seulement un instrument de désarmement et de "
        "non-prolifération, mais aussi un mécanisme très pertinent du droit humanitaire."
    ),
    "Figure ": "Figure ",
    (
        ": States Parties to the {{ convention.short_name }} from "
        "{{ convention.opened_for_signature|long_date }} to {{ report.as_of|long_date }}"
    ): (
        "\u00a0: États parties à la {{ convention.short_name }} du "
        "{{ convention.opened_for_signature|long_date }} au {{ report.as_of|long_date }}"
    ),
    ": New States Parties since the {{ since.name }}, by region": (
        "\u00a0: Nouveaux États parties depuis la {{ since.name }}, par région"
    ),
    (
        "1. As reported last year, in a joint effort, {{ demarches.by|names('the') }} delivered "
        "demarches in the capitals of {{ demarches.states_approached }} States that were not yet "
        "Parties to the CCM. {{ sentence.replies }}, providing greater clarity on the status of "
        "their ratification or accession processes, as well as a better understanding of the "
        "difficulties that some States face when considering joining this disarmament convention."
    ): (
        "1. Comme indiqué l'an dernier, des démarches conjointes ont été effectuées par "
        "{{ demarches.by|names('the') }} dans les capitales de {{ demarches.states_approached }} "
        "États qui n'étaient pas encore parties à la Convention. {{ sentence.replies }}, "
        "apportant des éclaircissements sur l'état d'avancement de leurs processus de "
        "ratification ou d'adhésion et permettant de mieux comprendre les difficultés auxquelles "
        "se heurtent certains États lorsqu'ils envisagent d'adhérer à cette convention de "
        "désarmement."
    ),
    (
        "As many as {{ demarches.reporting_ongoing_processes|words }} States "
        "({{ demarches.reporting_ongoing_processes }}) reported in {{ demarches.period }} that "
        "their ratification processes were ongoing or expressed their will to join the CCM in the "
        "near future. {{ sentence.joined_since }} The numbers show, however, that an extra effort "
        "is needed to bring the States that have not finished their legal ratification process "
        "into the realm of States Parties. A great number have signalled their agreement with the "
        "principles and purposes of the CCM, but lack the resources to go through the process of "
        "ratification or accession immediately, in the face of other equally important "
        "priorities, namely concerning human rights and related instruments."
    ): (
        "Pas moins de {{ demarches.reporting_ongoing_processes|words }} "
        "({{ demarches.reporting_ongoing_processes }}) États ont indiqué en "
        "{{ demarches.period }} que leur processus de ratification était en cours ou ont exprimé "
        "leur volonté d'adhérer à la Convention dans un proche avenir. "
        "{{ sentence.joined_since }} Les chiffres montrent toutefois qu'un effort supplémentaire "
        "est nécessaire pour que les États qui n'ont pas achevé leur processus juridique de "
        "ratification rejoignent les rangs des États parties. Un grand nombre d'entre eux ont "
        "fait savoir qu'ils souscrivaient aux principes et aux objectifs de la Convention, "
        "mais n'ont pas les ressources nécessaires pour mener à bien sans délai le processus de "
        "ratification ou d'adhésion, face à d'autres priorités tout aussi importantes, notamment "
        "en matière de droits de l'homme et d'instruments connexes."
    ),
    (
        "Also noteworthy among those States were concerns about the administrative burden of "
        "reporting and about the financial obligations that becoming a Party to the CCM could "
        "entail, which are not limited to the destruction of stockpiles."
    ): (
        "Ces États ont également fait part de leurs préoccupations quant à la charge "
        "administrative que représente l'établissement des rapports et quant aux obligations "
        "financières que pourrait entraîner le fait de devenir partie à la Convention, lesquelles "
        "ne se limitent pas à la destruction des stocks."
    ),
    (
        "Finally, a number of States expressed misgivings about stockpile destruction, stemming "
        "from their security needs. It must be recalled, though, as we did in the demarches, that "
        "the CCM allows States to keep a small stock of cluster munitions for training purposes, "
        "which includes detection, deactivation and clearance."
    ): (
        "Enfin, un certain nombre d'États ont exprimé des inquiétudes au sujet de la destruction "
        "des stocks, liées à leurs besoins en matière de sécurité. Il convient toutefois de "
        "rappeler, comme nous l'avons fait lors des démarches, que la Convention autorise les "
        "États à conserver un nombre limité d'armes à sous-munitions à des fins de formation, "
        "notamment aux techniques de détection, de neutralisation et d'enlèvement."
    ),
    (
        "2. In addition, the question of the universalisation of the CCM was also discussed in "
        "numerous bilateral political consultations, which also contributed to raising not only "
        "the profile of the CCM but also awareness of the human suffering that these weapons "
        "cause. The universalisation team in Geneva also favoured a regional approach, as the "
        "CCM calls for{{ references.regional_approach }}. We would recall here some of the "
        "initiatives led by some countries and non-State actors, without prejudice to others "
        "that may have taken place:"
    ): (
        "2. En outre, la question de l'universalisation de la Convention a été abordée lors de "
        "nombreuses consultations politiques bilatérales, qui ont contribué à mieux faire "
        "connaître non seulement la Convention, mais aussi les souffrances humaines que causent "
        "ces armes. L'équipe chargée de l'universalisation à Genève a également privilégié une "
        "approche régionale, comme le préconise la Convention"
        "{{ references.regional_approach }}. Nous rappellerons ici quelques-unes des "
        "initiatives menées par certains pays et acteurs non étatiques, sans préjudice d'autres "
        "qui ont pu avoir lieu\u00a0:"
    ),
    (
        "There is a clear and widespread group of countries that have worked towards the "
        "universalisation of the CCM, and as coordinators of this effort, we would like to thank "
        "all those States, as well as all the non-State actors that have contributed so much to "
        "our endeavours."
    ): (
        "Un groupe de pays nombreux et bien identifié a œuvré en faveur de l'universalisation de "
        "la Convention et, en tant que coordonnateurs de cet effort, nous tenons à remercier tous "
        "ces États, ainsi que tous les acteurs non étatiques qui ont tant contribué à nos travaux."
    ),
    (
        "3. This year, in a letter signed by the Permanent Representatives of "
        "{{ letter.signed_by|names('the') }} to the United Nations in Geneva, the merits of "
        "the CCM were "
        "again highlighted and {{ letter.states_addressed }} States, which were still not Parties "
        "and had missions in Geneva, were urged to consider joining the CCM. "
        "{{ sentence.letter_replies }}"
    ): (
        "3. Cette année, dans une lettre signée par les Représentants permanents "
        "{{ letter.signed_by|names('of') }} auprès de l'Office des Nations Unies à Genève, les "
        "mérites de la Convention ont de nouveau été soulignés et {{ letter.states_addressed }} "
        "États qui n'étaient toujours pas parties et disposaient d'une mission à Genève ont été "
        "instamment invités à envisager d'adhérer à la Convention. "
        "{{ sentence.letter_replies }}"
    ),
    (
        "We should note in particular that since {{ since.start|year }}, {{ regional_results }} "
        "We thus appeal to the countries that are not yet States Parties to the Convention to "
        "consider their position once again by joining the CCM."
    ): (
        "Nous tenons à souligner en particulier que, depuis {{ since.start|year }}, "
        "{{ regional_results }} Nous appelons donc les pays qui ne sont pas encore parties à la "
        "Convention à reconsidérer leur position en y adhérant."
    ),
    (
        "4. {{ sentence.summary_opening }} a summary of the answers the co-coordinators "
        "received {{ sentence.answers_period }} to their initiatives."
    ): (
        "4. {{ sentence.summary_opening }} un résumé des réponses que les coordonnateurs ont "
        "reçues "
        "{{ sentence.answers_period }} à la suite de leurs initiatives."
    ),
    (
        "In addition, we States Parties to the CCM need to continue a dialogue with the main "
        "producers and possessors of cluster munitions to bring them to join the Convention. Most "
        "of these main producer countries have supported the concept of restricting the use of "
        "cluster munitions under the CCW process, which indicates that they are open to "
        "discussing this issue."
    ): (
        "En outre, nous, États parties à la Convention, devons poursuivre le dialogue avec les "
        "principaux producteurs et détenteurs d'armes à sous-munitions afin de les amener à "
        "adhérer à la Convention. La plupart de ces principaux pays producteurs ont appuyé l'idée "
        "de restreindre l'emploi des armes à sous-munitions dans le cadre de la CCAC, ce qui "
        "montre qu'ils sont disposés à débattre de cette question."
    ),
    (
        "Even the largest possessors understand the humanitarian concerns caused by cluster "
        "munitions. Some States have indicated that armament stocks are being renewed taking into "
        "consideration the humanitarian consequences of cluster munitions. Although we recognise "
        "the efforts made by some States to significantly reduce the failure rate of cluster "
        "munitions, to 1% or even less, efforts must continue to bring all countries to the CCM "
        "and to achieve the major goal of a world rid of cluster munitions."
    ): (
        "Même les principaux détenteurs comprennent les préoccupations humanitaires que suscitent "
        "les armes à sous-munitions. Certains États ont indiqué que leurs stocks d'armements "
        "étaient renouvelés compte tenu des conséquences humanitaires des armes à sous-munitions. "
        "Si nous saluons les efforts faits par certains États pour réduire sensiblement le taux "
        "de défaillance des armes à sous-munitions, jusqu'à 1\u00a0% ou même moins, les efforts "
        "doivent se poursuivre pour amener tous les pays à adhérer à la Convention et atteindre "
        "l'objectif majeur d'un monde débarrassé des armes à sous-munitions."
    ),
    (
        "{{ sentence.groups }} {{ sentence.category_ii_outlook }}We should also note that in the "
        "renewed demarches this year, some countries reconfirmed that they will not ratify the "
        "CCM in the near future."
    ): (
        "{{ sentence.groups }} {{ sentence.category_ii_outlook }}Il convient également de noter "
        "que, lors des nouvelles démarches effectuées cette année, certains pays ont réaffirmé "
        "qu'ils ne ratifieraient pas la Convention dans un proche avenir."
    ),
    (
        "At this stage, as of {{ report.as_of|long_date }}, the status of membership of the "
        "Convention is as follows:"
    ): (
        "À ce stade, au {{ report.as_of|long_date }}, l'état de la Convention (signatures, "
        "ratifications et adhésions) est le suivant\u00a0:"
    ),
    (
        "Representatives from {{ strategy.participants }} African States were outspoken in "
        "calling for a \u2018concerted and accelerated effort\u2019 towards an Africa-wide ban on "
        "cluster bombs at a meeting in {{ strategy.place }} on {{ strategy.dates }}."
    ): (
        "Des représentants de {{ strategy.participants }} États africains ont appelé avec force à "
        "un «\u00a0effort concerté et accéléré\u00a0» en vue d'une interdiction des armes à "
        "sous-munitions à l'échelle de l'Afrique, lors d'une réunion tenue à {{ strategy.place }} "
        "{{ strategy.dates }}."
    ),
    (
        "African States adopted the \u201c{{ strategy.name }}\u201d at the meeting, which sets "
        "out concrete steps States will take to achieve continent-wide membership of the "
        "{{ convention.opened_for_signature|year }} {{ convention.name }} and a commitment to the "
        "full, effective and rapid implementation of the treaty. These include: "
        "{{ strategy.measures|names }}."
    ): (
        "Les États africains ont adopté à cette occasion la «\u00a0{{ strategy.name }}\u00a0», "
        "qui définit les mesures concrètes que prendront les États pour parvenir à l'adhésion de "
        "l'ensemble du continent à la {{ convention.name }} de "
        "{{ convention.opened_for_signature|year }}, ainsi qu'un engagement en faveur de la mise "
        "en œuvre intégrale, effective et rapide du traité. Ces mesures comprennent\u00a0: "
        "{{ strategy.measures|names }}."
    ),
    (
        "After consulting with interested States, including many States that have yet to become "
        "Party to the CCM, we came to the conclusion that universalisation efforts have greater "
        "impact when {{ sentence.lines_of_action }}. The efforts regarding universalisation must "
        "continue, and we should take the moment of the {{ meeting.short_name }} to promote it "
        "and to appeal to States not Parties to adhere to this major instrument of international "
        "law."
    ): (
        "Après avoir consulté les États intéressés, dont de nombreux États qui ne sont pas encore "
        "parties à la Convention, nous sommes parvenus à la conclusion que les efforts "
        "d'universalisation ont davantage d'effet lorsque {{ sentence.lines_of_action }}. Les "
        "efforts d'universalisation doivent se poursuivre, et nous devrions saisir l'occasion de "
        "la {{ meeting.short_name }} pour les promouvoir et pour appeler les États non parties à "
        "adhérer à cet important instrument de droit international."
    ),
    (
        "A group of initiatives should be kept, starting with the regional approaches, which have "
        "so far proved to be a very effective means, but also because they may contribute to "
        "confidence building between countries. This regional approach should be applied in the "
        "most flexible way, so that the goal of universalisation can be put forward."
    ): (
        "Il convient de maintenir un ensemble d'initiatives, à commencer par les approches "
        "régionales, qui se sont révélées jusqu'à présent un moyen très efficace, et aussi parce "
        "qu'elles peuvent contribuer à renforcer la confiance entre les pays. Cette approche "
        "régionale devrait être appliquée avec la plus grande souplesse, de façon à faire "
        "progresser l'objectif de l'universalisation."
    ),
    (
        "In addition, promotion among political groupings has translated into positive "
        "results.{{ own_initiatives }}"
    ): (
        "En outre, la promotion au sein des groupements politiques s'est traduite par des "
        "résultats positifs.{{ own_initiatives }}"
    ),
    (
        "It is of equal importance to continue to fully engage with the main producers and "
        "stockpilers, underlining the lethal and indiscriminate character of these weapons. The "
        "humanitarian nature of the CCM{{ references.humanitarian_nature }} should continue "
        "to be highlighted in these discussions."
    ): (
        "Il est tout aussi important de continuer à dialoguer pleinement avec les principaux "
        "producteurs et détenteurs de stocks, en soulignant le caractère meurtrier et non "
        "discriminant de ces armes. Le caractère humanitaire de la Convention"
        "{{ references.humanitarian_nature }} devrait continuer d'être mis en avant lors de "
        "ces discussions."
    ),
    (
        "The strategy of prioritising countries as a result of the demarches made so far may "
        "contribute to a faster pace of universalisation, as well as to a more precise idea of "
        "the reasoning behind countries\u2019 positions on the CCM. The differentiation is of an "
        "analytical nature, and is intended only as a reference for a more guided or targeted "
        "approach."
    ): (
        "La stratégie consistant à classer les pays par ordre de priorité à la lumière des "
        "démarches effectuées jusqu'ici peut contribuer à accélérer le rythme de "
        "l'universalisation et à mieux cerner les raisons qui sous-tendent les positions des pays "
        "à l'égard de la Convention. Cette distinction est de nature analytique et ne vise qu'à "
        "servir de référence pour une approche plus orientée ou ciblée."
    ),
    "Taking into account the motives presented by the different States, we consider that:": (
        "Compte tenu des motifs avancés par les différents États, nous estimons que\u00a0:"
    ),
    "States": "États",
    "Signature": "Signature",
    "Ratification/Accession": "Ratification/Adhésion",
    "Total": "Total",
    "CCM universalisation report (template)": (
        "Rapport sur l'universalisation de la Convention sur les armes à sous-munitions (modèle)"
    ),
    "Placeholders are filled from data/ by `make report`.": (
        "Les champs sont remplis à partir des fichiers de data/ par `make report`."
    ),
    # The time chart's axis title (in the chart's design, not a run of the document).
    "States Parties": "États parties",
}
# Point 3 without a letter: the paragraph after the letter takes its number.
_AFTER_LETTER = next(k for k in TEXTS if k.startswith("We should note in particular"))
TEXTS["3. " + _AFTER_LETTER] = "3. " + TEXTS[_AFTER_LETTER]
