### Les phrases de templates/report.fr.docx (français) dont les mots dépendent des données.
### Language: fr
###
### Project Fluent (https://projectfluent.org/fluent/guide/). Un message est imprimé là où le
### modèle contient {{ sentence.NOM }} ; le commentaire placé au-dessus de chaque message
### indique où il apparaît et quelles valeurs il utilise. Les nombres ($new, $years...)
### déterminent les mots : [0] pour aucun, [one] pour un, *[other] dans les autres cas
### (l'astérisque marque la variante par défaut). En français, la catégorie [one] de Fluent
### (CLDR) couvre 0 et 1 : [0] est donc placé en premier lorsque « aucun » s'écrit autrement.
### Toutes les autres valeurs sont des textes déjà rédigés en français. Fonctions : WORDS($n)
### écrit un nombre en toutes lettres (gender: "f" devant un nom féminin : « vingt et une
### périodes ») ; CAPITAL(...) met une majuscule à la première lettre ; ORDINAL($n) écrit 4e.
### {" "} est une espace conservée au début ou à la fin d'un texte, {""} un texte vide.
### Les noms d'États donnés en variables sont déjà écrits en français : les listes sans
### article (« Andorre et Trinité-et-Tobago ») ; $issuer, $appointed_with, $joined et $state
### avec leur article (« le Portugal »). Les noms des Assemblées ($since_meeting, $meeting...)
### sont donnés sans article, ordinal en minuscules (« deuxième Assemblée des États parties ») :
### le message écrit « la ». $short_name est « Convention », sans article.
### Typographie : une espace insécable (U+00A0) précède « : », « ; » et « % » ; les textes
### ci-dessous la contiennent telle quelle (elle ne se voit pas : ne la remplacez pas par une
### espace ordinaire). Conventions suivies : docs/glossary.md, sections 2, 6 et 9.
### Le README, « Sentences and catalogues », explique comment modifier ou ajouter un message.

## Partie I, paragraphes d'introduction

# Paragraphe 1, premiers mots : « Depuis deux ans, les efforts d'universalisation bénéficient... ».
# $years : années civiles pendant lesquelles l'émetteur a assuré la coordination avant
# l'Assemblée (0 : première année).
for_the_past = { $years ->
    [0] Cette année
   *[other] Depuis { WORDS($years) } { $years ->
        [one] an
       *[other] ans
    }
}

# Paragraphe 2 : comment l'émetteur a pris la coordination.
# $appointed_city : ville où l'émetteur a été nommé ; $issuer : l'émetteur ;
# $appointed_with, $appointed_with_count : coordonnateurs nommés en même temps que lui ;
# $joined, $joined_count : coordonnateurs qu'il a rejoints ; $joined_to : les mêmes après
# « à » (« au Japon ») ; $joined_by : les propositions de coordination_joined_by ci-dessous,
# une pour chaque coordonnateur arrivé ensuite, ou vide.
# L'émetteur, avec ceux nommés en même temps que lui, est le sujet : $subject_plural (yes :
# « se sont joints ») et $issuer_gender (f : « s'est jointe », seulement si tous les noms
# sont féminins) accordent le verbe.
coordination_taken_up = { $appointed_city ->
    [none] Lors de la { $appointed_meeting }
   *[other] À { $appointed_city }
}, { $issuer }{ $appointed_with_count ->
    [0] {""}
   *[other] {" "}et { $appointed_with }
} { $joined_count ->
    [0] { $subject_plural ->
        [yes] ont pris
       *[no] a pris
    } en charge la coordination
   *[other] { $subject_plural ->
        [yes] { $issuer_gender ->
            [f] se sont jointes
           *[m] se sont joints
        }
       *[no] { $issuer_gender ->
            [f] s'est jointe
           *[m] s'est joint
        }
    } { $joined_to } pour assurer la coordination
}{ $joined_by }.

# Une proposition pour chaque coordonnateur arrivé ensuite, ajoutée à coordination_taken_up.
# $first : yes pour la première de ces propositions ; $month : mois et année ; $together : yes
# lorsque l'émetteur a été nommé avec d'autres ; $state : l'État arrivé, avec son article ;
# $meeting : nom court de l'Assemblée ; $city : ville où elle s'est tenue ; $subject_plural,
# $issuer_gender : comme dans coordination_taken_up (« il a été rejoint », « elle a été
# rejointe », « ils ont été rejoints »).
coordination_joined_by = { $first ->
    [yes] {"\u00A0"}; en { $month },{" "}
   *[no] , puis, en { $month },{" "}
}{ $took_over_of ->
    [none] { $first ->
        [yes] { $subject_plural ->
            [yes] { $issuer_gender ->
                [f] elles ont été rejointes
               *[m] ils ont été rejoints
            }
           *[no] { $issuer_gender ->
                [f] elle a été rejointe
               *[m] il a été rejoint
            }
        }{" "}
       *[no] { $subject ->
            [none] {""}
           *[other] { $subject } { $subject_plural ->
                [yes] { $issuer_gender ->
                    [f] ont été rejointes
                   *[m] ont été rejoints
                }
               *[no] { $issuer_gender ->
                    [f] a été rejointe
                   *[m] a été rejoint
                }
            }{" "}
        }
    }par { $state }
   *[other] { $state } { $plural ->
        [yes] ont pris
       *[no] a pris
    } le relais { $took_over_of }
} lors de la { $meeting }, tenue { $places }

# Paragraphe 3 : « ...entrepris par les coordonnateurs <periods_served> et s'articule en... ».
# $periods : périodes intersessions pendant lesquelles l'émetteur a exercé ses fonctions ;
# $cities : villes des Assemblées (« Beyrouth, Oslo et Lusaka »). « période » est féminin.
periods_served = { $periods ->
    [one] au cours de la période intersessions entre { $by_meeting ->
        [yes] { $meetings_served }
       *[no] { $cities }
    }
   *[other] au cours des { WORDS($periods, gender: "f") } périodes intersessions entre { $by_meeting ->
        [yes] { $meetings_served }
       *[no] { $cities }
    }
}

# Paragraphe 1, après « coordonnateur désigné par la <Assemblée>, » : quand et où elle s'est
# tenue. $appointed_parts : chacune de ses parties (meeting_part ci-dessous), en liste.
appointed_held = tenue { $appointed_parts }

# Une partie d'une Assemblée, dans appointed_held. $month : mois et année ; $online : yes si
# elle s'est tenue en ligne ; $city, $country : où, ou none (en ligne).
meeting_part = en { $month } { $online ->
    [yes] en ligne
   *[no] à { $city ->
        [none] {""}
       *[other] { $city }
    }{ $country ->
        [none] {""}
       *[other] {" "}({ $country })
    }
}

# Où s'est tenue une partie d'une Assemblée, dans coordination_joined_by. $online : yes en
# ligne ; $city : la ville, ou none (en ligne).
meeting_place = { $online ->
    [yes] en ligne
   *[no] à { $city ->
        [none] {""}
       *[other] { $city }
    }
}

# Une Assemblée tenue en ligne, là où un graphique nomme la ville d'une Assemblée.
meeting_online = en ligne

# Une Assemblée dans une liste d'Assemblées (periods_served). $meeting : son nom court.
meeting_in_list = la { $meeting }

## Partie I. Dernières données chiffrées

# Premier paragraphe : nouveaux États parties depuis l'Assemblée de référence.
# $since_meeting, $since_year : cette Assemblée (nom complet, sans article) et son année ;
# $new : nouveaux États parties ; $parties_before, $parties : États parties à sa clôture et à
# la date de référence ; $growth : hausse en pourcentage ; $new_share : part des nouveaux dans
# l'ensemble ; $in_period : ceux de la période mise en évidence ; $period_start_year,
# $period_end_year : les années de cette période ; $short_name : « Convention ».
# Le paragraphe se termine par « : » avant le tableau des États.
# Retraits (article 20) : $withdrawn : États dont le retrait a pris effet depuis cette
# Assemblée ; $withdrawals : withdrawal_took_effect pour chacun, en liste, ou none ;
# $change : up, down ou same ($parties par rapport à $parties_before). $rejoined :
# rejoined_again pour chaque État partie à la clôture de l'Assemblée dont le retrait a pris
# effet depuis et qui a adhéré de nouveau (il n'est pas compté dans $new), en liste, ou none.
# $whole_period : yes
# quand la période mise en évidence est celle du décompte : la phrase s'achève alors sur
# l'annonce du tableau, sans « (indiqués en gras) ».
new_states_parties = Depuis la { $since_meeting } ({ $since_year }), { $rejoined ->
    [none] {""}
   *[other] { $rejoined }{ $new ->
        [0] {"\u00A0"};{" "}
       *[other] , et{" "}
    }
}{ $new ->
    [0] { $rejoined ->
        [none] aucun État { joined_verb }{"\u00A0"};{" "}
       *[other] {""}
    }{ $withdrawals ->
        [none] le nombre d'États parties est toujours de { $parties }.
       *[other] le nombre d'États parties est passé de { $parties_before } à { $parties } lorsque { $withdrawals }.
    }
    [one] l'État suivant { joined_verb }, { $withdrawals ->
        [none] ce qui a porté le nombre d'États parties de { $parties_before } à { $parties }{ $parties_before ->
            [0] {""}
           *[other] , soit une augmentation de { $growth }
        }
       *[other] et { $withdrawals }{"\u00A0"}: le nombre d'États parties { $change ->
            [same] est toujours de { $parties }
           *[other] est passé de { $parties_before } à { $parties }
        }
    } ; il représente { $new_share } de l'ensemble des { $parties } États parties{ $whole_period ->
        [yes] {"\u00A0"}:
       *[no] . { $in_period ->
            [0] Cet État n'est pas devenu partie à la { $short_name } au cours de la période intersessions { $period_start_year }-{ $period_end_year }. Le nouvel État partie est le suivant :
           *[other] Cet État (indiqué en gras) est devenu partie à la { $short_name } au cours de la période intersessions { $period_start_year }-{ $period_end_year } :
        }
    }
   *[other] les { WORDS($new) } ({ $new }) États suivants { joined_verb }, { $withdrawals ->
        [none] ce qui a porté le nombre d'États parties de { $parties_before } à { $parties }{ $parties_before ->
            [0] {""}
           *[other] , soit une augmentation de { $growth }
        }
       *[other] et { $withdrawals }{"\u00A0"}: le nombre d'États parties { $change ->
            [same] est toujours de { $parties }
           *[other] est passé de { $parties_before } à { $parties }
        }
    } ; ils représentent { $new_share } de l'ensemble des { $parties } États parties{ $whole_period ->
        [yes] {"\u00A0"}:
       *[no] . { $in_period ->
            [0] Aucun d'entre eux n'est devenu partie à la { $short_name } au cours de la période intersessions { $period_start_year }-{ $period_end_year }. Les nouveaux États parties sont les suivants :
            [one] L'un d'entre eux (indiqué en gras) est devenu partie à la { $short_name } au cours de la période intersessions { $period_start_year }-{ $period_end_year } :
           *[other] { CAPITAL(WORDS($in_period)) } d'entre eux (indiqués en gras) sont devenus parties à la { $short_name } au cours de la période intersessions { $period_start_year }-{ $period_end_year } :
        }
    }
}

# Un retrait qui a pris effet, dans new_states_parties. $state : l'État, avec son article ;
# $of_state : son nom après « de » (de la Lituanie) ; $day : le jour où il a pris effet.
withdrawal_took_effect = le retrait { $of_state } a pris effet le { $day }

# Un État partie à la clôture de l'Assemblée de référence dont le retrait a pris effet depuis
# et qui a adhéré de nouveau, dans new_states_parties (ce n'est pas un nouvel État partie).
# $state, $of_state : comme dans withdrawal_took_effect ; $plural : yes quand le nom est au
# pluriel ; $left : le jour où le retrait a pris effet ; $day : le jour de sa nouvelle
# adhésion ; $short_name : CCM.
rejoined_again = { $state }, dont le retrait avait pris effet le { $left }, { $plural ->
    [yes] ont
   *[no] a
} adhéré de nouveau à la { $short_name } le { $day }

# Un retrait notifié qui n'a pas encore pris effet à la date de référence, à la fin de
# yet_to_ratify ($pending, ou none : après le tableau, pour que rien ne sépare « d'entre eux »
# de son antécédent). $state, $of_state : comme dans withdrawal_took_effect ; $plural : yes
# quand le nom est au pluriel (les Pays-Bas) ; $notified : le jour où le dépositaire l'a
# reçu ; $effective : le jour où il prendra effet.
withdrawal_pending = Le retrait { $of_state }, notifié le { $notified }, ne prendra effet que le { $effective }{"\u00A0"}; jusque-là, { $state } { $plural ->
    [yes] restent États parties
   *[no] reste État partie
}.

# Utilisé par new_states_parties : comment les États sont devenus parties, verbe accordé
# avec $new (aucun, un, plusieurs). $successions : nouveaux États parties par succession.
joined_verb = { $new ->
    [0] n'a ratifié la { $short_name } ni n'y a adhéré
    [one] { $successions ->
        [0] a ratifié la { $short_name } ou y a adhéré
       *[other] a ratifié la { $short_name }, y a adhéré ou y est devenu partie par succession
    }
   *[other] { $successions ->
        [0] ont ratifié la { $short_name } ou y ont adhéré
       *[other] ont ratifié la { $short_name }, y ont adhéré ou y sont devenus parties par succession
    }
}

# Avant la liste des régions, dans un paragraphe imprimé seulement s'il y a de nouveaux
# États parties. $new : nouveaux États parties.
regional_distribution = Sur le plan géographique, { $new ->
    [one] le nouvel État partie se situe dans la région suivante :
   *[other] les nouveaux États parties se répartissent comme suit :
}

# Une puce pour chaque région comptant de nouveaux États parties. $count : combien ;
# $region : la région dans une phrase, avec son article (« les Amériques ») ; $label : son
# nom seul (« Amériques »). « pour » évite la contraction « de les » / « de le ».
region_count = { $count } pour { $region }

# Le paragraphe qui suit les listes, première phrase : adhésions et successions parmi les
# nouveaux États parties. $acceded, $acceded_states ; $succeeded, $succeeded_states : nombres
# et noms ; $others : ceux qui ont ratifié. Se termine par une espace lorsqu'il n'est pas vide.
# « l'ont ratifiée » : le participe s'accorde avec « la Convention » placé avant.
accessions = { $acceded ->
    [0] { $succeeded ->
        [0] {""}
       *[other] { $succeeded ->
            [one] { $new ->
                [one] L'État susmentionné est devenu partie
               *[other] L'un des États susmentionnés est devenu partie
            }
           *[other] { CAPITAL(WORDS($succeeded)) } des États susmentionnés sont devenus parties
        } à la Convention par succession ({ $succeeded_states }){ $others ->
            [0] {""}
            [one] {"\u00A0"}; l'autre l'a ratifiée
           *[other] {"\u00A0"}; les autres l'ont ratifiée
        }.{" "}
    }
   *[other] { $acceded ->
        [one] { $new ->
            [one] L'État susmentionné a adhéré
           *[other] L'un des États susmentionnés a adhéré
        }
       *[other] { CAPITAL(WORDS($acceded)) } des États susmentionnés ont adhéré
    } à la Convention ({ $acceded_states }){ $succeeded ->
        [0] {""}
        [one] {" "}et un autre y est devenu partie par succession ({ $succeeded_states })
       *[other] {" "}et { WORDS($succeeded) } autres y sont devenus parties par succession ({ $succeeded_states })
    }{ $others ->
        [0] {""}
        [one] {"\u00A0"}; l'autre l'a ratifiée
       *[other] {"\u00A0"}; les autres l'ont ratifiée
    }.{" "}
}

# Même paragraphe, phrase suivante : instruments déposés depuis l'Assemblée qui ouvre la
# période mise en évidence. $period_deposits : les propositions de period_first et de
# period_more, ou none ; $period_meeting : nom court de cette Assemblée. Se termine par une
# espace.
period_deposits = { $whole_period ->
    [yes] {""}
   *[no] { $period_deposits ->
        [none] Aucun État n'est devenu partie à la Convention depuis la { $period_meeting }.{" "}
       *[other] { $period_deposits }.{" "}
    }
}

# La première proposition de period_deposits. $count : combien ; $kind : ratified, acceded ou
# succeeded ; $meeting : nom court de l'Assemblée ; $states : leurs noms.
period_first = { $count ->
    [one] Un État
   *[other] { CAPITAL(WORDS($count)) } États
} { $kind ->
    [acceded] { $count ->
        [one] a adhéré à la Convention
       *[other] ont adhéré à la Convention
    }
    [succeeded] { $count ->
        [one] est devenu partie à la Convention par succession
       *[other] sont devenus parties à la Convention par succession
    }
   *[ratified] { $count ->
        [one] a ratifié la Convention
       *[other] ont ratifié la Convention
    }
} depuis la { $meeting } ({ $states })

# Chacune des propositions suivantes de period_deposits. $count, $kind, $states : comme dans
# period_first. « l'a ratifiée » : accord avec « la Convention ».
period_more = {" "}et { WORDS($count) } { $kind ->
    [acceded] { $count ->
        [one] y a adhéré
       *[other] y ont adhéré
    }
    [succeeded] { $count ->
        [one] y est devenu partie par succession
       *[other] y sont devenus parties par succession
    }
   *[ratified] { $count ->
        [one] l'a ratifiée
       *[other] l'ont ratifiée
    }
} ({ $states })

# Même paragraphe, dernières phrases : signataires n'ayant pas encore ratifié. $yet : leur
# nombre à la date de référence ; $yet_before : au début de la période mise en évidence
# ($period_month) ; $signatories : tous les signataires ; $yet_share : $yet rapporté à
# $signatories, en pourcentage ; $trend : down, up ou same.
yet_to_ratify = { $yet ->
    [0] Les { $signatories } États signataires ont tous ratifié la { $short_name }.
   *[other] Toutefois, { WORDS($yet) } ({ $yet }) des { $signatories } États signataires, soit { $yet_share }, { $yet ->
        [one] n'a
       *[other] n'ont
    } pas encore ratifié la { $short_name }. { $trend ->
        [down] Il convient de noter que ce nombre a diminué depuis { $period_month }, date à laquelle il s'élevait à { WORDS($yet_before) } ({ $yet_before }).
        [up] Ce nombre a augmenté depuis { $period_month }, date à laquelle il s'élevait à { WORDS($yet_before) } ({ $yet_before }).
       *[same] Ce nombre est inchangé depuis { $period_month }.
    }
}{ $pending ->
    [none] {""}
   *[other] {" "}{ $pending }
}

## Partie II. Action menée conjointement par les coordonnateurs

# Point 1, deuxième phrase : « Environ cent (100) États ont répondu, apportant... ».
# $approximate : yes lorsque le nombre est approximatif ; $replies : nombre de réponses.
replies = { $replies ->
    [0] Aucun État n'a répondu
    [one] Un seul État (1) a répondu
   *[other] { $approximate ->
        [yes] Environ
       *[no] Au total,
    } { WORDS($replies) } ({ $replies }) États ont répondu
}

# Point 1, deuxième paragraphe : parmi les États ayant fait état d'un processus en cours,
# combien sont devenus parties. $joined_since : leur nombre.
joined_since = Depuis, { $joined_since ->
    [0] aucun d'entre eux n'est devenu partie
    [one] l'un d'entre eux est devenu partie
   *[other] { WORDS($joined_since) } d'entre eux sont devenus parties
} à la Convention.

# Point 3, après la lettre aux missions à Genève : ce qu'elle a suscité. $letter_replied : yes
# quand on sait combien d'États ont répondu (la campagne liste leurs réponses, ou en a donné le
# nombre) ; words pour une campagne passée dont l'issue n'est connue que par les mots écrits
# alors, $letter_outcome (reported.outcome de campaigns.yaml) ; no quand on ne sait rien : rien
# n'est dit. $letter_replies : combien ont répondu à la date de référence, $as_of.
letter_replies = { $letter_replied ->
    [yes] { $letter_replies ->
        [0] Au { $as_of }, aucun d'entre eux n'avait répondu.
        [one] Au { $as_of }, l'un d'entre eux avait répondu.
       *[other] Au { $as_of }, { WORDS($letter_replies) } d'entre eux avaient répondu.
    }
    [words] { $letter_outcome }
   *[no] {""}
}

# Point 4, premiers mots : « Dans le prolongement de la démarche engagée en 2012, nous présentons
# ci-après » (un résumé des réponses). $path_year : l'année où les coordonnateurs ont commencé à
# présenter les réponses par catégorie (events.yaml categories_since), ou none : sans la
# proposition.
summary_opening = { $path_year ->
    [none] Nous présentons ci-après
   *[other] Dans le prolongement de la démarche engagée en { $path_year }, nous présentons ci-après
}

# Une ligne de la liste des initiatives (avant son « ; » ou son « . »). $text : ce qui a eu
# lieu ; $place : où (message place ci-dessous), ou none ; $dates : quand, ou none ; les
# dates portent déjà leur préposition (« les 22 et 23 mai 2013 », « du 9 au 13 septembre »).
initiative_line = { $text }{ $place ->
    [none] {""}
   *[other] {" "}à { $place }
}{ $dates ->
    [none] {""}
   *[other] {" "}{ $dates }
}

# Lieu d'une initiative : $city, et $host, l'État hôte, ou none (« Lomé (Togo) »).
place = { $city }{ $host ->
    [none] {""}
   *[other] {" "}({ $host })
}

# Point 4, premier paragraphe : « ...reçues <answers_period> à la suite de leurs
# initiatives. ». $years : comme dans for_the_past. « année » est féminin.
answers_period = { $years ->
    [0] cette année
    [1] cette année
   *[other] au cours des { WORDS($years, gender: "f") } dernières années
}

# Point 4 : les catégories d'États non parties. $groups : leur nombre ; $group_list : les
# entrées ci-dessous, reliées par group_joiner et, avant la dernière, group_last_joiner.
groups = { $groups ->
    [0] Nous n'avons pas réparti les pays en groupes.
    [one] Nous avons regroupé les pays en un seul groupe : { $group_list }.
   *[other] Nous avons réparti les pays en { WORDS($groups) } groupes : { $group_list }.
}

# Une entrée de groups. $title : titre de la catégorie (« Catégorie I ») ; $size : nombre de
# ses membres ; $summary : ce qu'ils ont répondu (data/categories.yaml, « qui ont exprimé... »,
# au pluriel : « les pays » le précède, quel que soit $size).
group_entry = { $prose }, regroupant les pays { $summary } ({ $size ->
    [0] aucun pays
   *[other] { $size } pays
})
group_joiner = {"\u00A0; "}
group_last_joiner = {"\u00A0; et "}

# Après groups : imprimé lorsqu'il existe une catégorie II. $category_ii : son titre, ou none.
category_ii_outlook = { $category_ii ->
    [none] {""}
   *[other] Dans certains cas, les pays de { $category_ii } pourraient devenir parties à la Convention dans un proche avenir, mais cela exigerait, en raison des contraintes recensées, un effort national accru ainsi que le soutien et la ténacité de la communauté internationale.{" "}
}

# Le titre de chaque catégorie, avant sa note. $title ; $size : nombre de ses membres
# (« 0 État » au singulier, comme « 1 État »).
category_heading = { $title } : { $size } { $size ->
    [one] État
   *[other] États
}

# Dans les paragraphes d'une catégorie (categories.yaml), ce que le repère {this meeting}
# remplace : la réunion à laquelle le rapport est présenté, désignée comme « la présente »
# ({This meeting} en début de phrase prend une majuscule). $kind : msp, review_conference,
# extraordinary_msp, ou typed (réunion nommée dans les données sans son type).
this_meeting = la présente { $kind ->
    [review_conference] Conférence
   *[other] Assemblée
}

# La note du tableau de l'état de la Convention pour un État qui a notifié son retrait, une
# par retrait. $notified : le jour où le dépositaire l'a reçu ; $effective : le jour où il
# prend (ou a pris) effet ; $pending : yes quand ce jour suit la date de référence ;
# $deposit : le jour de l'instrument dont l'État se retire, donné seulement pour un État
# devenu partie plus d'une fois, ou none ; $kind : cet instrument (ratification, accession
# ou succession).
status_withdrawal = { $deposit ->
    [none] Retrait
   *[other] { $kind ->
        [accession] Adhésion
        [succession] Succession
       *[ratification] Ratification
    } du { $deposit }{"\u00A0"}: retrait
} notifié le { $notified }, { $pending ->
    [yes] qui prendra effet le { $effective }
   *[no] effectif le { $effective }
}.

## Partie IV. Enseignements tirés

# Premier paragraphe : « ...ont davantage d'effet lorsque <lines_of_action>. ». $lines :
# nombre d'axes d'action ; $first_line : le seul axe ; $numbered_lines : tous les axes,
# numérotés 1) ... ; 2) ... (« axe » est masculin ; « lorsque » ne s'élide pas devant
# « l'axe » ni devant un nombre comme « onze » ou « huit »).
lines_of_action = { $lines ->
    [one] l'axe d'action suivant est mis en œuvre : { $first_line }
   *[other] { WORDS($lines) } axes d'action différents sont mis en œuvre : { $numbered_lines }
}

## Graphiques (leurs mots ; les données sont les chiffres)

# Graphique des États parties dans le temps : titre, nom de la courbe, axe des dates.
chart_time_title = Évolution du nombre d'États parties
chart_time_series = États parties
chart_time_category = Date

# Son texte de remplacement. $first, $last : premier et dernier nombres ; $opened :
# chart_time_opened ; $end : la date de référence ; $marks : les Assemblées indiquées
# (chart_meeting_closed/opening, séparées par « ; »), ou none.
chart_time_rose = Graphique en escalier : le nombre d'États parties est passé de { $first } le { $opened }, à { $last } le { $end }.{ $marks ->
    [none] {""}
   *[other] {" "}Assemblées indiquées : { $marks }.
}
chart_time_stayed = Graphique en escalier : le nombre d'États parties est resté stable, à { $last }, du { $opened }, au { $end }.{ $marks ->
    [none] {""}
   *[other] {" "}Assemblées indiquées : { $marks }.
}
# $day : le jour où la Convention a été ouverte à la signature.
chart_time_opened = { $day }, jour de l'ouverture de la Convention à la signature
# Une Assemblée sur le graphique : $meeting (nom court, sans article), $city, $day (son
# dernier ou son premier jour), $count : États parties à sa clôture.
chart_meeting_closed = la { $meeting } ({ $city }), achevée le { $day } avec { $count } { $count ->
    [0] État partie
    [one] État partie
   *[other] États parties
}
chart_meeting_opening = la { $meeting } ({ $city }), qui s'ouvre le { $day }

# Graphique des nouveaux États parties par région : titre, axe des régions, nom des barres
# ($meeting : l'Assemblée de référence, nom court sans article).
chart_region_title = Nouveaux États parties par région
chart_region_category = Région
chart_region_series = Nouveaux États parties depuis la { $meeting }
# Son texte de remplacement. $new : combien ; $meeting ; $day : dernier jour de l'Assemblée ;
# $regions : chart_region_entry pour chaque région, en liste.
chart_region_text = Graphique à barres : { $new ->
    [0] aucun nouvel État partie depuis la { $meeting }, achevée le { $day }.
    [one] un nouvel État partie depuis la { $meeting }, achevée le { $day }, par région : { $regions }.
   *[other] { $new } nouveaux États parties depuis la { $meeting }, achevée le { $day }, par région : { $regions }.
}
chart_region_entry = { $count } pour { $region }

## Propriétés du document (Fichier > Propriétés)

# Objet. $meeting_name : l'Assemblée à laquelle le rapport est présenté (sans article).
document_subject = Rapport présenté à la { $meeting_name }
# Mots clés. $short_name : nom court de la Convention. Le « ; » sépare des mots clés (ce
# n'est pas de la prose) : pas d'espace insécable avant lui.
document_keywords = armes à sous-munitions; { $short_name }; universalisation

## Première page d'un document de travail (frame: working-paper dans report.yaml, docs/frame.md)

# En haut à droite, sous la cote : la distribution. $distribution : general, limited ou
# restricted (distribution de working_paper).
paper_distribution = { $distribution ->
    [limited] Distr. limitée
    [restricted] Distr. restreinte
   *[general] Distr. générale
}

# En haut à droite, sous la date : la langue de l'original. $language : en, fr, es, ar, ru
# ou zh (original de working_paper). {"\u00A0"} : l'espace insécable avant les deux-points.
paper_original = Original{"\u00A0"}: { $language ->
    [fr] français
    [es] espagnol
    [ar] arabe
    [ru] russe
    [zh] chinois
   *[en] anglais
}

# En haut à gauche, sous le lieu et les dates de la réunion. $number : le numéro du point,
# écrit à la française (10 a)) ; $provisional : yes tant que l'ordre du jour est provisoire.
paper_item = Point { $number } de { $provisional ->
    [no] l'ordre du jour
   *[yes] l'ordre du jour provisoire
}

# Sous le titre. $authors : les coordonnateurs auteurs du rapport (le Portugal et le
# Ghana), ou le submitted_by de working_paper.
paper_submitted_by = Présenté par { $authors }

## Ce que le rapport cite et que seule une année peut dire (references de events.yaml ;
## action_plans et initiatives des coordonnateurs dans report.yaml). Chacun disparaît avec
## ses mots lorsque les données l'omettent.

# Des actions d'un plan d'action, dans les messages ci-dessous. $count : combien ;
# $numbers : leurs numéros, en liste (5 et 6).
action_numbers = { $count ->
    [one] action { $numbers }
   *[other] actions { $numbers }
}

# Partie II, point 1, le paragraphe qui suit les démarches (references.demarches).
# $actions : les actions dans le droit fil desquelles elles s'inscrivent (action_numbers) ;
# $count : combien ; $plan, $the_plan, $of_plan : le nom de leur plan, seul, avec son
# article, après « de » (du Plan d'action de Vientiane). $goals : les actions dont les
# démarches ont fait progresser les objectifs (action_numbers), ou none ; $goals_count :
# combien ; $goals_same_plan : yes si du même plan ; $goals_of_plan : ce plan après « de ».
demarches_actions = Cette initiative s'inscrit dans le droit fil { $count ->
    [one] de l'{ $actions }
   *[other] des { $actions }
} { $of_plan }{ $goals ->
    [none] .
   *[other] {" "}et, lors des démarches, nous avons également fait progresser les objectifs prévus { $goals_count ->
        [one] à l'{ $goals }
       *[other] aux { $goals }
    } { $goals_same_plan ->
        [yes] du Plan d'action
       *[no] { $goals_of_plan }
    }.
}

# Partie II, point 2, après « comme le préconise la Convention »
# (references.regional_approach). $actions, $count, $plan, $the_plan, $of_plan : comme
# ci-dessus.
regional_approach_endorsed = {" "}et comme le prévoit clairement { $the_plan } ({ $actions })

# Partie IV, après « Le caractère humanitaire de la Convention »
# (references.humanitarian_nature). Valeurs : comme ci-dessus.
humanitarian_nature_action = {" "}({ $actions } { $of_plan })

# Partie II, point 4, le paragraphe sur la répartition des pays d'un autre État
# (references.categories_paper). $by : l'État auteur du document (la Zambie) ; $paper : le
# document, avec son possessif (son document sur l'universalisation) ; $paragraph : le
# paragraphe cité, ou none ; $groups : le nombre de catégories.
categories_paper = La répartition des pays en { WORDS($groups, gender: "f") } catégories établie par { $by } dans { $paper }{ $paragraph ->
    [none] {""}
   *[other] {" "}(par. { $paragraph })
} est pertinente. Toutefois, en tant que coordonnateurs, nous nous sommes efforcés de réduire le nombre de groupes et de mieux les faire correspondre aux raisons avancées par les différents pays. Nous constatons, comme { $by }, qu'il est regrettable qu'un grand nombre des pays qui n'ont pas signé la Convention soient précisément les principaux producteurs.

# Partie IV, après « s'est traduite par des résultats positifs. » (initiatives des
# coordonnateurs dans report.yaml). $initiatives : leurs propositions, en liste ; $count :
# combien ; $states : les coordonnateurs qui en ont ; $plural : yes s'ils demandent un
# verbe au pluriel ; $by_issuer : yes si ce sont celles de l'émetteur seul.
coordinator_initiatives = {" "}{ $by_issuer ->
    [yes] Pour notre part, nous pouvons indiquer
   *[no] { $plural ->
        [yes] Pour leur part, { $states } peuvent indiquer
       *[no] Pour sa part, { $states } peut indiquer
    }
} que { $initiatives }, et nous supposons que d'autres, comme l'Union européenne, l'ASEAN, l'APEC, la Ligue des États arabes, l'Organisation de la coopération islamique, le Commonwealth et la Francophonie, pour n'en citer que quelques-uns, pourraient obtenir des résultats analogues.
