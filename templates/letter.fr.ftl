### Les phrases de templates/letter.fr.docx (français) dont les mots dépendent des données.
### Language: fr
###
### Project Fluent, comme templates/report.fr.ftl. Une lettre s'adresse à un État non partie :
### $state est son nom avec son article (« la République centrafricaine »), $of_state le même
### après « de » (« des Pays-Bas »). docs/letters.md liste toutes les valeurs.
### Typographie : une espace insécable (U+00A0) précède « : », « ; », « ! » et « ? ».

# En haut à droite : le lieu et la date.
place_date = Genève, le { $date }

# Le destinataire, sur quatre lignes ; $representative : m ou f (m à défaut de donnée).
addressee_excellency = Son Excellence
addressee_function = { $representative ->
    [f] Madame la Représentante permanente { $of_state }
   *[m] Monsieur le Représentant permanent { $of_state }
}
addressee_mission = auprès de l'Office des Nations Unies et des autres organisations internationales à Genève
addressee_city = Genève

salutation = Excellence,

# Premier paragraphe : qui écrit. $of_signatories : « du Portugal et du Ghana ».
opening = { $signers_count ->
    [one] J'ai l'honneur de vous écrire en ma qualité de { $signers_gender ->
            [f] Représentante permanente
           *[m] Représentant permanent
        } { $of_signatories } auprès de l'Office des Nations Unies à Genève et de { $signers_gender ->
            [f] coordonnatrice
           *[m] coordonnateur
        } des efforts d'universalisation de la { $convention }.
   *[other] Nous avons l'honneur de vous écrire en notre qualité de { $signers_gender ->
    [f] Représentantes permanentes
   *[m] Représentants permanents
} { $of_signatories } auprès de l'Office des Nations Unies à Genève et de { $signers_gender ->
            [f] coordonnatrices
           *[m] coordonnateurs
        } des efforts d'universalisation de la { $convention }.
}

# Si l'État a signé, et quand ($signed : none s'il n'a pas signé). Un État dont le retrait a
# pris effet ($withdrawn : ce jour-là) ne peut y revenir que par l'adhésion : son retrait est
# rappelé, et il n'est jamais invité à ratifier.
status = { $withdrawn ->
    [none] { $signed ->
        [none] { $open_for ->
            [signature] { $state_plural ->
                [yes] { CAPITAL($state) } n'ont pas encore signé la Convention, qui leur est ouverte à la signature en vertu de son article 15 jusqu'à son entrée en vigueur. { $signers_count ->
                    [one] Je saluerais
                   *[other] Nous saluerions
                } vivement leur signature.
               *[no] { CAPITAL($state) } n'a pas encore signé la Convention, qui lui est ouverte à la signature en vertu de son article 15 jusqu'à son entrée en vigueur. { $signers_count ->
                    [one] Je saluerais
                   *[other] Nous saluerions
                } vivement sa signature.
            }
           *[accession] { $state_plural ->
                [yes] { CAPITAL($state) } ne sont pas encore parties à la Convention, qui leur est ouverte à l'adhésion en vertu de son article 16. { $signers_count ->
                    [one] Je saluerais
                   *[other] Nous saluerions
                } vivement leur adhésion.
               *[no] { CAPITAL($state) } n'est pas encore partie à la Convention, qui lui est ouverte à l'adhésion en vertu de son article 16. { $signers_count ->
                    [one] Je saluerais
                   *[other] Nous saluerions
                } vivement son adhésion.
            }
        }
       *[other] { $state_plural ->
            [yes] { CAPITAL($state) } ont signé la Convention le { $signed }. { $signers_count ->
                [one] Je saluerais
               *[other] Nous saluerions
            } vivement leur ratification.
           *[no] { CAPITAL($state) } a signé la Convention le { $signed }. { $signers_count ->
                [one] Je saluerais
               *[other] Nous saluerions
            } vivement sa ratification.
        }
    }
   *[other] Le retrait { $of_state } de la Convention a pris effet le { $withdrawn }. La Convention { $state_plural ->
        [yes] leur
       *[no] lui
    } demeure ouverte à l'adhésion en vertu de son article 16. { $signers_count ->
        [one] Je saluerais
       *[other] Nous saluerions
    } vivement { $state_plural ->
        [yes] leur
       *[no] son
    } adhésion.
}

# Seulement quand la campagne fait suite à une autre ($previous : sa date).
since_last = { $previous ->
    [none] {""}
   *[other] { $previous_written ->
        [yes] { $replied ->
            [yes] { $signers_count ->
                [one] Je vous remercie de la réponse à la lettre
               *[other] Nous vous remercions de la réponse à notre lettre
            } du { $previous }.
           *[no] La présente lettre fait suite à { $signers_count ->
                [one] la
               *[other] notre
            } lettre du { $previous }.
        }
        [unknown] La présente lettre fait suite à celles que les coordonnateurs ont adressées aux États non parties { $previous_precision ->
            [day] le
           *[other] en
        } { $previous }.
       *[no] {""}
    }
}
# Seulement après la phrase de since_last, à laquelle il renvoie ; la signature est dite par status.
signed_since = { $signed_since ->
    [yes] { " " }{ $signers_count ->
        [one] Je me félicite
       *[other] Nous nous félicitons
    } { $state_plural ->
        [yes] de leur signature
       *[no] de sa signature
    } depuis lors.
   *[no] {""}
}

# Seulement quand l'Assemblée est à venir ; $meeting_dates porte sa préposition (« du 10 au 13 »).
meeting = La { $meeting_name } se tiendra à { $meeting_city } { $meeting_dates }. { $signers_count ->
    [one] J'espère
   *[other] Nous espérons
} y accueillir une délégation { $of_state }.

closing = { $signers_count ->
    [one] Je vous prie d'agréer, Excellence, les assurances de ma très haute considération.
   *[other] Nous vous prions d'agréer, Excellence, les assurances de notre très haute considération.
}

# Ce que les signataires demandent à l'État ; au singulier pour un seul signataire.
ask = { $signers_count ->
    [one] Je vous serais { $signers_gender ->
            [f] reconnaissante
           *[m] reconnaissant
        } de bien vouloir me faire connaître les mesures que votre gouvernement envisage en vue de devenir partie à la Convention, ainsi que les difficultés qu'il pourrait rencontrer à cet égard. Je me tiens à votre disposition pour toute information ou assistance utile à cette fin.
   *[other] Nous vous serions { $signers_gender ->
            [f] reconnaissantes
           *[m] reconnaissants
        } de bien vouloir nous faire connaître les mesures que votre gouvernement envisage en vue de devenir partie à la Convention, ainsi que les difficultés qu'il pourrait rencontrer à cet égard. Nous nous tenons à votre disposition pour toute information ou assistance utile à cette fin.
}

# Sous chaque signature : $gender du signataire, $of_state « du Portugal ».
signer_title = { $gender ->
    [f] Ambassadrice, Représentante permanente { $of_state }
   *[m] Ambassadeur, Représentant permanent { $of_state }
}

# Les propriétés du document.
document_title = Lettre relative à l'universalisation de la { $convention }
document_keywords = universalisation, lettre
