### Las oraciones de templates/report.es.docx (español) cuyas palabras dependen de los datos.
### Language: es
###
### Project Fluent (https://projectfluent.org/fluent/guide/). Un mensaje se imprime donde la
### plantilla contiene {{ sentence.NOMBRE }}; el comentario que precede a cada mensaje indica
### dónde, y qué valores utiliza. Los recuentos ($new, $years...) eligen las palabras: [0] para
### ninguno, [one] para uno (en español, la categoría «one» es solo el 1), *[other] en los demás
### casos (el asterisco marca la variante por defecto). Todos los demás valores son textos ya
### escritos en español (fechas, porcentajes, listas de nombres: «A, B y C», «Francia e
### Italia»). Funciones: WORDS($n) escribe un número en letras (gender: "f" ante un sustantivo
### femenino: «veintiuna líneas»; noun: "no" cuando el número no precede a su sustantivo:
### «veintiuno de ellos», no «veintiún»; por defecto, «veintiún Estados»), CAPITAL(...) pone
### en mayúscula la primera letra, ORDINAL($n) escribe 2º.
### {" "} es un espacio conservado al principio o al final de un texto; {""}, un texto vacío.
### Los nombres de Estados que llevan artículo ($issuer, $appointed_with, $joined, $state,
### $host) ya lo llevan («el Japón», «Portugal»); detrás de «a» o «de» no se contraen aquí
### («a el», «de el»): por eso las oraciones evitan esas preposiciones ante esos valores.
### Términos: docs/glossary.md («Estados partes» en minúscula en el texto; «Reunión de los
### Estados Partes» en el nombre de la Reunión).
### docs/template.md, «Sentences and catalogues», explica cómo modificar o añadir un mensaje.

## Parte I, párrafos iniciales

# Párrafo 1, primeras palabras: «Durante los últimos dos años, Portugal ha participado...».
# $years: años naturales en que el emisor ha sido coordinador antes de la Reunión (0: su
# primer año).
for_the_past = { $years ->
    [0] Este año
    [one] Durante el último año
   *[other] Durante los últimos { WORDS($years) } años
}

# Párrafo 2: cómo asumió el emisor la coordinación.
# $appointed_city: donde fue designado el emisor; $issuer: el emisor (con su artículo);
# $appointed_with, $appointed_with_count: los coordinadores designados junto con él;
# $joined, $joined_count: los coordinadores a los que se sumó; $joined_by: las cláusulas de
# coordination_joined_by, una por cada coordinador que se sumó después, o vacío;
# $issuer_plural, $joined_plural: yes cuando el verbo va en plural («los Países Bajos
# asumieron», «que ejercían el Japón y Noruega»).
# «junto con» evita «a el Japón» y la concordancia del verbo con la lista.
coordination_taken_up = { $appointed_city ->
    [none] En la { $appointed_meeting }
   *[other] En { $appointed_city }
}, { $issuer }{ $appointed_with_count ->
    [0] {""}
   *[other] , junto con { $appointed_with },
} { $joined_count ->
    [0] { $issuer_plural ->
        [yes] asumieron
       *[no] asumió
    } la coordinación
   *[other] { $issuer_plural ->
        [yes] se sumaron
       *[no] se sumó
    } a la coordinación que { $joined_plural ->
        [yes] ejercían
       *[no] ejercía
    } { $joined }
}{ $joined_by }.

# Una cláusula por cada coordinador que se sumó después, añadida a coordination_taken_up.
# $first: yes para la primera de ellas; $month: mes y año; $plural: yes cuando el nombre del
# Estado que se sumó es plural («los Países Bajos»: «se le unieron»); $together: yes cuando el emisor
# fue designado junto con otros («se les unió»); las cláusulas siguientes dicen «se sumó
# también», que no depende de cuántos coordinadores había ya; $state: quien se sumó (con su
# artículo);
# $meeting: el nombre abreviado de la Reunión («Tercera Reunión»); $city: donde se celebró.
# $took_over_to: tras «a», el coordinador cuyo mandato terminó en esa Reunión y al que
# relevó $state («Malawi relevó a Filipinas», «relevó al Perú»), o none.
coordination_joined_by = { $first ->
    [yes] , y en { $month } { $took_over_to ->
        [none] { $together ->
            [yes] se les
           *[no] se le
        } { $plural ->
            [yes] unieron
           *[no] unió
        } { $state }
       *[other] { $state } { $plural ->
            [yes] relevaron
           *[no] relevó
        } { $took_over_to }
    }
   *[no] ; en { $month } { $took_over_to ->
        [none] { $plural ->
            [yes] se sumaron
           *[no] se sumó
        } también { $state }
       *[other] { $state } { $plural ->
            [yes] relevaron
           *[no] relevó
        } { $took_over_to }
    }
}, en la { $meeting }, celebrada { $places }

# Párrafo 3: «...realizadas por los coordinadores en <periods_served>, y se divide...».
# $periods: períodos entre reuniones en que el emisor fue coordinador; $cities: las ciudades
# de las Reuniones («Beirut, Oslo y Lusaka»).
periods_served = { $periods ->
    [0] el presente período entre reuniones
    [one] el período entre { $by_meeting ->
        [yes] { $meetings_served }
       *[no] las reuniones de { $cities }
    }
   *[other] los { WORDS($periods) } períodos entre { $by_meeting ->
        [yes] { $meetings_served }
       *[no] las reuniones de { $cities }
    }
}

# Párrafo 1, tras «designación como coordinador por la <Reunión>, »: cuándo y dónde se
# celebró. $appointed_parts: cada una de sus partes (meeting_part), en lista.
appointed_held = celebrada { $appointed_parts }

# Una parte de una Reunión, en appointed_held. $month: mes y año; $online: yes si se celebró
# en línea; $city, $country: dónde, o none (en línea).
meeting_part = en { $month } { $online ->
    [yes] en línea
   *[no] en { $city ->
        [none] {""}
       *[other] { $city }
    }{ $country ->
        [none] {""}
       *[other] {" "}({ $country })
    }
}

# Dónde se celebró una parte de una Reunión, en coordination_joined_by. $online: yes en
# línea; $city: la ciudad, o none (en línea).
meeting_place = { $online ->
    [yes] en línea
   *[no] en { $city ->
        [none] {""}
       *[other] { $city }
    }
}

# Una Reunión celebrada en línea, donde un gráfico nombra la ciudad de una Reunión.
meeting_online = en línea

# Una Reunión en una lista de Reuniones (periods_served). $meeting: su nombre abreviado.
meeting_in_list = la { $meeting }

## Parte I. Cifras más recientes

# Su primer párrafo: nuevos Estados partes desde la Reunión a partir de la cual se cuentan.
# $since_meeting, $since_year: esa Reunión (nombre completo) y su año; $new: nuevos Estados
# partes; $parties_before, $parties: Estados partes al término de esa Reunión y en la fecha
# del informe; $growth: el aumento en porcentaje; $new_share: los nuevos respecto del total;
# $in_period: los del período destacado; $period_start_year, $period_end_year: los años de
# ese período; $short_name: «Convención» (sin artículo).
# Denuncias (artículo 20): $withdrawn: Estados cuya denuncia surtió efecto desde esa
# Reunión; $withdrawals: withdrawal_took_effect para cada uno, en lista, o none; $change: up,
# down o same ($parties respecto de $parties_before). $rejoined: rejoined_again para cada
# Estado parte al término de esa Reunión cuya denuncia surtió efecto desde entonces y que se
# adhirió de nuevo (no se cuenta en $new), en lista, o none. $whole_period: yes cuando el
# período destacado es el del recuento: la frase termina entonces con la entrada del cuadro, sin
# «(indicados en negrita)».
new_states_parties = Desde la { $since_meeting } ({ $since_year }), { $rejoined ->
    [none] {""}
   *[other] { $rejoined }{ $new ->
        [0] ;{" "}
       *[other] , y{" "}
    }
}{ $new ->
    [0] { $rejoined ->
        [none] ningún Estado ha pasado a ser parte en la { $short_name };{" "}
       *[other] {""}
    }{ $withdrawals ->
        [none] el número de Estados partes sigue siendo { $parties }.
       *[other] el número de Estados partes bajó de { $parties_before } a { $parties } cuando { $withdrawals }.
    }
   *[other] { $new ->
        [one] el siguiente Estado
       *[other] los siguientes { WORDS($new) } ({ $new }) Estados
    } { joined_verb }, { $withdrawals ->
        [none] con lo que el número de Estados partes ha pasado de { $parties_before } a { $parties }{ $parties_before ->
            [0] {""}
           *[other] , lo que supone un aumento del { $growth }
        }
       *[other] y { $withdrawals }: el número de Estados partes { $change ->
            [up] ha pasado de { $parties_before } a { $parties }
            [down] ha bajado de { $parties_before } a { $parties }
           *[same] sigue siendo { $parties }
        }
    }; { $new ->
        [one] este representa
       *[other] estos representan
    } el { $new_share } del total de { $parties } Estados partes{ $whole_period ->
        [yes] :
       *[no] . { $in_period ->
            [0] { $new ->
                [one] Ese Estado no pasó a ser parte en el período entre reuniones { $period_start_year }-{ $period_end_year }. El nuevo Estado parte es el siguiente:
               *[other] Ninguno de ellos pasó a ser parte en el período entre reuniones { $period_start_year }-{ $period_end_year }. Los nuevos Estados partes son los siguientes:
            }
            [one] { $new ->
                [one] Ese Estado (indicado en negrita) pasó a ser Estado parte
               *[other] Uno de ellos (indicado en negrita) pasó a ser Estado parte
            } en el período entre reuniones { $period_start_year }-{ $period_end_year }:
           *[other] { CAPITAL(WORDS($in_period, noun: "no")) } de ellos (indicados en negrita) pasaron a ser Estados partes en el período entre reuniones { $period_start_year }-{ $period_end_year }:
        }
    }
}

# Una denuncia que surtió efecto, en new_states_parties. $state: el Estado, con su artículo;
# $of_state: su nombre tras «de» (de Lituania, del Perú); $day: el día en que surtió efecto.
withdrawal_took_effect = surtió efecto la denuncia { $of_state } el { $day }

# Un Estado parte al término de la Reunión de referencia cuya denuncia surtió efecto desde
# entonces y que se adhirió de nuevo, en new_states_parties (no es un nuevo Estado parte).
# $state, $of_state: como en withdrawal_took_effect; $plural: yes cuando el nombre es plural;
# $left: el día en que surtió efecto la denuncia; $day: el día de su nueva adhesión;
# $short_name: CMR.
rejoined_again = { $state }, cuya denuncia había surtido efecto el { $left }, { $plural ->
    [yes] se adhirieron
   *[no] se adhirió
} de nuevo a la { $short_name } el { $day }

# Una denuncia notificada que aún no ha surtido efecto en la fecha del informe, al final de
# yet_to_ratify ($pending, o none: tras el cuadro, para que nada separe «de ellos» de su
# antecedente). $state, $of_state: como en withdrawal_took_effect; $plural: yes cuando
# el nombre es plural (los Países Bajos); $notified: el día en que la recibió el depositario;
# $effective: el día en que surtirá efecto.
withdrawal_pending = La denuncia { $of_state }, notificada el { $notified }, no surtirá efecto hasta el { $effective }; hasta entonces, { $state } { $plural ->
    [yes] siguen siendo Estados partes
   *[no] sigue siendo Estado parte
}.

# Utilizado por new_states_parties: cómo pasaron a ser partes los Estados, con el verbo en
# singular o plural según $new. $successions: nuevos Estados partes por sucesión.
joined_verb = { $successions ->
    [0] { $new ->
        [one] ha ratificado la { $short_name } o se ha adherido a ella
       *[other] han ratificado la { $short_name } o se han adherido a ella
    }
   *[other] { $new ->
        [one] ha ratificado la { $short_name }, se ha adherido a ella o ha pasado a ser parte en ella por sucesión
       *[other] han ratificado la { $short_name }, se han adherido a ella o han pasado a ser partes en ella por sucesión
    }
}

# Antes de la lista de regiones, en un párrafo que solo se imprime cuando hay nuevos Estados
# partes. $new: nuevos Estados partes.
regional_distribution = Desde el punto de vista geográfico, { $new ->
    [one] el nuevo Estado parte pertenece a la siguiente región:
   *[other] los nuevos Estados partes se distribuyen de la siguiente manera:
}

# Una viñeta por cada región con nuevos Estados partes. $count: cuántos; $region: la región
# en una oración, con su artículo («las Américas», «el Pacífico»); $label: su nombre solo
# («Américas»). «en» evita la contracción «de el Pacífico».
region_count = { $count } en { $region }

# El párrafo que sigue a las listas, primera oración: adhesiones y sucesiones entre los
# nuevos. $acceded, $acceded_states; $succeeded, $succeeded_states: recuentos y nombres;
# $others: los que ratificaron. Termina en un espacio cuando no está vacío.
accessions = { $acceded ->
    [0] { $succeeded ->
        [0] {""}
       *[other] { $new ->
            [one] El Estado mencionado
           *[other] { CAPITAL(WORDS($succeeded, noun: "no")) } de los Estados mencionados
        } { $succeeded ->
            [one] pasó a ser parte
           *[other] pasaron a ser partes
        } en la Convención por sucesión ({ $succeeded_states }){ $others ->
            [0] {""}
            [one] ; el restante la ratificó
           *[other] ; los demás la ratificaron
        }.{" "}
    }
   *[other] { $new ->
        [one] El Estado mencionado
       *[other] { CAPITAL(WORDS($acceded, noun: "no")) } de los Estados mencionados
    } { $acceded ->
        [one] se adhirió
       *[other] se adhirieron
    } a la Convención ({ $acceded_states }){ $succeeded ->
        [0] {""}
        [one] {" "}y uno pasó a ser parte en ella por sucesión ({ $succeeded_states })
       *[other] {" "}y { WORDS($succeeded, noun: "no") } pasaron a ser partes en ella por sucesión ({ $succeeded_states })
    }{ $others ->
        [0] {""}
        [one] ; el restante la ratificó
       *[other] ; los demás la ratificaron
    }.{" "}
}

# El mismo párrafo, oración siguiente: las ratificaciones y adhesiones desde la Reunión que
# abre el período destacado. $period_deposits: las cláusulas de period_first y period_more,
# o none cuando no hay ninguna; $period_meeting: el nombre abreviado de esa Reunión. Termina
# en un espacio.
period_deposits = { $whole_period ->
    [yes] {""}
   *[no] { $period_deposits ->
        [none] Ningún Estado ha pasado a ser parte en la Convención desde la { $period_meeting }.{" "}
       *[other] { $period_deposits }.{" "}
    }
}

# La primera cláusula de period_deposits. $count: cuántos; $kind: ratified, acceded o
# succeeded (ratificaron, se adhirieron, sucedieron); $meeting: el nombre abreviado de la
# Reunión; $states: sus nombres.
period_first = { CAPITAL(WORDS($count)) } { $count ->
    [one] Estado { $kind ->
        [acceded] se ha adherido a
        [succeeded] ha pasado a ser parte por sucesión en
       *[ratified] ha ratificado
    }
   *[other] Estados { $kind ->
        [acceded] se han adherido a
        [succeeded] han pasado a ser partes por sucesión en
       *[ratified] han ratificado
    }
} la Convención desde la { $meeting } ({ $states })

# Cada cláusula siguiente de period_deposits. $count, $kind, $states: como en period_first.
period_more = {" "}y { WORDS($count, noun: "no") } { $count ->
    [one] { $kind ->
        [acceded] se ha adherido a ella
        [succeeded] ha pasado a ser parte en ella por sucesión
       *[ratified] la ha ratificado
    }
   *[other] { $kind ->
        [acceded] se han adherido a ella
        [succeeded] han pasado a ser partes en ella por sucesión
       *[ratified] la han ratificado
    }
} ({ $states })

# El mismo párrafo, últimas oraciones: signatarios que aún no han ratificado. $yet: cuántos
# en la fecha del informe; $yet_before: cuántos al abrirse el período destacado
# ($period_month); $signatories: todos los signatarios; $yet_share: $yet respecto de
# $signatories, en porcentaje; $trend: down (ha bajado), up (ha subido) o same (sin cambio).
yet_to_ratify = { $yet ->
    [0] Todos los { $signatories } Estados signatarios han ratificado la { $short_name }.
   *[other] Sin embargo, { WORDS($yet, noun: "no") } ({ $yet }) de los { $signatories } Estados signatarios, es decir, el { $yet_share }, { $yet ->
        [one] aún no ha ratificado
       *[other] aún no han ratificado
    } la { $short_name }. { $trend ->
        [down] Cabe señalar que esta cifra ha disminuido, ya que en { $period_month } era de { WORDS($yet_before, noun: "no") } ({ $yet_before }).
        [up] Esta cifra ha aumentado, ya que en { $period_month } era de { WORDS($yet_before, noun: "no") } ({ $yet_before }).
       *[same] Esta cifra no ha variado desde { $period_month }.
    }
}{ $pending ->
    [none] {""}
   *[other] {" "}{ $pending }
}

## Parte II. Medidas adoptadas conjuntamente por los coordinadores

# Punto 1, segunda oración: «Respondieron unos cien Estados (100), lo que permitió...».
# $approximate: yes cuando el número es aproximado; $replies: cuántos respondieron.
replies = { $approximate ->
    [yes] { $replies ->
        [one] Respondió aproximadamente un Estado (1)
       *[other] Respondieron unos { WORDS($replies) } Estados ({ $replies })
    }
   *[no] { $replies ->
        [0] No respondió ningún Estado
        [one] Respondió un Estado (1)
       *[other] En total, respondieron { WORDS($replies) } Estados ({ $replies })
    }
}

# Punto 1, segundo párrafo: de los Estados que informaron de procesos en curso, cuántos
# pasaron a ser partes. $joined_since: cuántos pasaron a ser Estados partes.
joined_since = Desde entonces, { $joined_since ->
    [0] ninguno de ellos ha pasado a ser Estado parte.
    [one] uno de ellos ha pasado a ser Estado parte.
   *[other] { WORDS($joined_since, noun: "no") } de ellos han pasado a ser Estados partes.
}

# Punto 3, después de la carta a las misiones en Ginebra: lo que suscitó. $letter_replied: yes
# cuando se sabe cuántos Estados respondieron (la campaña enumera sus respuestas, o dio su
# número); words para una campaña pasada cuyo resultado solo se conoce por las palabras
# escritas entonces, $letter_outcome (reported.outcome de campaigns.yaml); no cuando no se sabe
# nada: no se dice nada. $letter_replies: cuántos habían respondido en la fecha de referencia,
# $as_of.
letter_replies = { $letter_replied ->
    [yes] { $letter_replies ->
        [0] Al { $as_of }, ninguno de ellos había respondido.
        [one] Al { $as_of }, uno de ellos había respondido.
       *[other] Al { $as_of }, { WORDS($letter_replies, noun: "no") } de ellos habían respondido.
    }
    [words] { $letter_outcome }
   *[no] {""}
}

# Punto 4, primeras palabras: «Siguiendo el camino iniciado en 2012, presentamos a
# continuación» (un resumen de las respuestas). $path_year: el año en que los coordinadores
# empezaron a presentar las respuestas por categoría (events.yaml categories_since), o none:
# sin la proposición.
summary_opening = { $path_year ->
    [none] Presentamos a continuación
   *[other] Siguiendo el camino iniciado en { $path_year }, presentamos a continuación
}

# Una línea de la lista de iniciativas (antes de su «;» o «.»). $text: lo que tuvo lugar;
# $place: dónde (del mensaje place), o none; $dates: cuándo, con su preposición («los días
# 22 y 23 de mayo de 2013», «del 9 al 13 de septiembre de 2013»), o none.
initiative_line = { $text }{ $place ->
    [none] {""}
   *[other] {" "}en { $place }
}{ $dates ->
    [none] {""}
   *[other] {" "}{ $dates }
}

# Dónde tuvo lugar una iniciativa: $city, y $host, el Estado anfitrión, o none. Estilo de
# las Naciones Unidas: «Lomé (Togo)».
place = { $city }{ $host ->
    [none] {""}
   *[other] {" "}({ $host })
}

# Punto 4, primer párrafo: «...las respuestas a sus iniciativas que los coordinadores
# recibieron <answers_period>.». $years: como en for_the_past.
answers_period = { $years ->
    [0] este año
    [1] este año
   *[other] en los últimos { WORDS($years) } años
}

# Punto 4: las categorías de Estados no partes. $groups: cuántas; $group_list: las entradas
# de group_entry unidas por group_joiner y, antes de la última, group_last_joiner.
groups = Hemos dividido los países en { WORDS($groups) } { $groups ->
    [one] grupo
   *[other] grupos
}: { $group_list }.

# Una entrada de groups. $title: el título de la categoría; $prose: su nombre en una oración
# («la categoría I», data/categories.yaml, in_prose); $size: sus miembros; $summary: lo
# que respondieron, una oración de relativo en plural («que han expresado...»,
# data/categories.yaml): con un solo país, «un solo país, de los que han expresado...».
group_entry = { $size ->
    [0] { $prose } (países { $summary }), que por ahora no comprende ninguno
    [one] { $prose }, integrada por un solo país, de los { $summary }
   *[other] { $prose }, integrada por { $size } países { $summary }
}
group_joiner = {"; "}
group_last_joiner = {"; y "}

# Después de groups: se imprime cuando existe una categoría II. $category_ii: su nombre en una
# oración («la categoría II»), o
# none.
category_ii_outlook = { $category_ii ->
    [none] {""}
   *[other] En algunos casos, los países de { $category_ii } podrían pasar a ser Estados partes en un futuro próximo, pero ello requeriría un mayor esfuerzo nacional, así como el apoyo y la tenacidad de la comunidad internacional, debido a las limitaciones detectadas.{" "}
}

# El encabezamiento de cada categoría, antes de su nota. $title; $size: sus miembros.
category_heading = { $title }: { $size } { $size ->
    [one] Estado
   *[other] Estados
}

# En los párrafos de una categoría (categories.yaml), lo que sustituye la marca
# {this meeting}: la reunión a la que se presenta el informe, designada como «la presente»
# ({This meeting} al comienzo de una oración lleva mayúscula). $kind: msp,
# review_conference, extraordinary_msp o typed (una reunión nombrada en los datos sin su tipo).
this_meeting = la presente { $kind ->
    [review_conference] Conferencia
   *[other] Reunión
}

# La nota del cuadro del estado de la Convención para un Estado que notificó su denuncia,
# una por denuncia. $notified: el día en que la recibió el depositario; $effective: el día en
# que surte (o surtió) efecto; $pending: yes cuando ese día es posterior a la fecha del
# informe; $deposit: el día del instrumento que denuncia, dado solo para un Estado que pasó a
# ser parte más de una vez, o none; $kind: ese instrumento (ratification, accession o
# succession).
status_withdrawal = { $deposit ->
    [none] Denuncia
   *[other] { $kind ->
        [accession] Adhesión
        [succession] Sucesión
       *[ratification] Ratificación
    } del { $deposit }: denuncia
} notificada el { $notified }, { $pending ->
    [yes] que surtirá efecto el { $effective }
   *[no] con efecto desde el { $effective }
}.

## Parte IV. Lecciones aprendidas

# Primer párrafo: «...tienen mayor repercusión cuando <lines_of_action>.». $lines: cuántas
# líneas de acción (sustantivo femenino); $first_line: la única; $numbered_lines: todas,
# numeradas 1) ...; 2) ...
lines_of_action = { $lines ->
    [one] se sigue esta línea de acción: { $first_line }
   *[other] se siguen { WORDS($lines, gender: "f") } líneas de acción diferentes: { $numbered_lines }
}

## Gráficos (sus palabras; los datos son las cifras)

# Gráfico de los Estados partes a lo largo del tiempo: título, nombre de la línea, eje de
# las fechas.
chart_time_title = Evolución del número de Estados partes
chart_time_series = Estados partes
chart_time_category = Fecha

# Su texto alternativo. $first, $last: el primer y el último recuento; $opened:
# chart_time_opened; $end: la fecha del informe; $marks: las Reuniones señaladas
# (chart_meeting_closed/opening unidas por «; »), o none.
chart_time_rose = Gráfico de líneas escalonadas: el número de Estados partes pasó de { $first } el { $opened } a { $last } el { $end }.{ $marks ->
    [none] {""}
   *[other] {" "}Reuniones señaladas: { $marks }.
}
chart_time_stayed = Gráfico de líneas escalonadas: el número de Estados partes se mantuvo en { $last } desde el { $opened } hasta el { $end }.{ $marks ->
    [none] {""}
   *[other] {" "}Reuniones señaladas: { $marks }.
}
# $day: el día en que la Convención quedó abierta a la firma (se imprime tras «el»).
chart_time_opened = { $day }, día en que la Convención quedó abierta a la firma,
# Una Reunión en el gráfico: $meeting (nombre abreviado, femenino), $city, $day (su último o
# primer día), $count: Estados partes al término de la Reunión. chart_meeting_opening solo se
# utiliza para una Reunión posterior a la fecha del informe: de ahí el futuro.
chart_meeting_closed = la { $meeting } ({ $city }), clausurada el { $day } con { $count } { $count ->
    [one] Estado parte
   *[other] Estados partes
}
chart_meeting_opening = la { $meeting } ({ $city }), que se inaugurará el { $day }

# Gráfico de los nuevos Estados partes por región: título, eje de las regiones, nombre de
# las barras ($meeting: la Reunión a partir de la cual se cuentan, nombre abreviado).
chart_region_title = Nuevos Estados partes por región
chart_region_category = Región
chart_region_series = Nuevos Estados partes desde la { $meeting }
# Su texto alternativo. $new: cuántos; $meeting; $day: el último día de la Reunión;
# $regions: chart_region_entry por cada región, en forma de lista («A, B y C»): «5 en
# África», como region_count.
chart_region_text = Gráfico de barras: { $new ->
    [0] ningún nuevo Estado parte desde la { $meeting }, clausurada el { $day }.
    [one] el nuevo Estado parte desde la { $meeting }, clausurada el { $day }, por región: { $regions }.
   *[other] los { $new } nuevos Estados partes desde la { $meeting }, clausurada el { $day }, por región: { $regions }.
}
chart_region_entry = { $count } en { $region }

## Propiedades del documento (Archivo > Propiedades)

# Asunto. $meeting_name: la Reunión a la que se presenta el informe (nombre completo).
document_subject = Informe presentado a la { $meeting_name }
# Palabras clave. $short_name: el nombre abreviado de la Convención («Convención»).
document_keywords = { $short_name }; universalización

## Primera página de un documento de trabajo (frame: working-paper en report.yaml, docs/frame.md)

# Arriba a la derecha, bajo la signatura: la distribución. $distribution: general, limited
# o restricted (distribution de working_paper).
paper_distribution = { $distribution ->
    [limited] Distr. limitada
    [restricted] Distr. reservada
   *[general] Distr. general
}

# Arriba a la derecha, bajo la fecha: el idioma del original. $language: en, fr, es, ar, ru
# o zh (original de working_paper).
paper_original = Original: { $language ->
    [fr] francés
    [es] español
    [ar] árabe
    [ru] ruso
    [zh] chino
   *[en] inglés
}

# Arriba a la izquierda, bajo el lugar y las fechas de la reunión. $number: el número del
# tema (10 a)); $provisional: yes mientras el programa es provisional.
paper_item = Tema { $number } del { $provisional ->
    [no] programa
   *[yes] programa provisional
}

# Bajo el título. $authors: los coordinadores autores del informe (Portugal y Ghana), o el
# submitted_by de working_paper.
paper_submitted_by = Presentado por { $authors }

## Lo que el informe cita y que solo un año puede decir (references de events.yaml;
## action_plans e iniciativas de los coordinadores en report.yaml). Cada uno desaparece con
## sus palabras cuando los datos lo omiten.

# Medidas de un plan de acción, en los mensajes siguientes. $count: cuántas; $numbers: sus
# números, en lista (5 y 6).
action_numbers = { $count ->
    [one] medida { $numbers }
   *[other] medidas { $numbers }
}

# Parte II, punto 1, el párrafo que sigue a las gestiones (references.demarches).
# $actions: las medidas a las que se ajusta (action_numbers); $count: cuántas; $plan,
# $the_plan, $of_plan: el nombre de su plan, solo, con su artículo, tras «de» (del Plan de
# Acción de Vientiane). $goals: las medidas cuyos objetivos promovieron las gestiones
# (action_numbers), o none; $goals_count: cuántas; $goals_same_plan: yes si del mismo plan;
# $goals_of_plan: ese plan tras «de».
demarches_actions = Esta iniciativa se ajusta { $count ->
    [one] a la { $actions }
   *[other] a las { $actions }
} { $of_plan }{ $goals ->
    [none] .
   *[other] , y en las gestiones también hemos promovido los objetivos previstos en { $goals_count ->
        [one] la { $goals }
       *[other] las { $goals }
    } { $goals_same_plan ->
        [yes] del Plan de Acción
       *[no] { $goals_of_plan }
    }.
}

# Parte II, punto 2, tras «como preconiza la Convención» (references.regional_approach).
# $actions, $count, $plan, $the_plan, $of_plan: como arriba.
regional_approach_endorsed = {" "}y como se respalda claramente en { $the_plan } ({ $actions })

# Parte IV, tras «el carácter humanitario de la Convención»
# (references.humanitarian_nature). Valores: como arriba.
humanitarian_nature_action = {" "}({ $actions } { $of_plan })

# Parte II, punto 4, el párrafo sobre la división de países de otro Estado
# (references.categories_paper). $by: el Estado autor del documento; $paper: el documento,
# con su posesivo (su documento sobre la universalización); $paragraph: el párrafo citado,
# o none; $groups: cuántos tipos de países.
categories_paper = La división en { WORDS($groups) } tipos de países que hizo { $by } en { $paper }{ $paragraph ->
    [none] {""}
   *[other] {" "}(párr. { $paragraph })
} es acertada. No obstante, como coordinadores, hemos procurado reducir el número de grupos y ajustarlos mejor a las razones expresadas por los distintos países. Al igual que { $by }, observamos que es lamentable que un gran número de los países que no han firmado la Convención sean precisamente los principales productores.

# Parte IV, tras «ha dado resultados positivos.» (iniciativas de los coordinadores en
# report.yaml). $initiatives: sus oraciones, en lista; $count: cuántas; $states: los
# coordinadores que las tienen; $plural: yes si piden el verbo en plural; $by_issuer: yes
# si son solo del emisor.
coordinator_initiatives = {" "}{ $by_issuer ->
    [yes] Por nuestra parte, podemos informar
   *[no] { $plural ->
        [yes] Por su parte, { $states } pueden informar
       *[no] Por su parte, { $states } puede informar
    }
} de que { $initiatives }, y suponemos que otras agrupaciones, como la UE, la ASEAN, el APEC, la Liga de los Estados Árabes, la Organización de Cooperación Islámica, el Commonwealth y la Francofonía, por citar solo algunas, pueden obtener resultados similares.
