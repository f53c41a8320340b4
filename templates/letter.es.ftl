### Las frases de templates/letter.es.docx (español) cuyas palabras dependen de los datos.
### Language: es
###
### Project Fluent, como templates/report.es.ftl. Una carta se dirige a un Estado no parte:
### $state es su nombre con su artículo («la República Centroafricana»), $of_state el mismo
### tras «de» («de los Países Bajos»). docs/letters.md enumera todos los valores.

# Arriba a la derecha: lugar y fecha.
place_date = Ginebra, { $date }

# El destinatario, en cuatro líneas; $representative: m o f (m si los datos no lo dicen).
addressee_excellency = { $representative ->
    [f] Excelentísima Señora
   *[m] Excelentísimo Señor
}
addressee_function = Representante Permanente { $of_state }
addressee_mission = ante la Oficina de las Naciones Unidas y otras organizaciones internacionales en Ginebra
addressee_city = Ginebra

salutation = { $representative ->
    [f] Excelentísima Señora:
   *[m] Excelentísimo Señor:
}

# Primer párrafo: quién escribe. $of_signatories: «de Portugal y de Ghana».
opening = { $signers_count ->
    [one] Tengo el honor de dirigirme a Vuestra Excelencia en mi calidad de Representante Permanente { $of_signatories } ante la Oficina de las Naciones Unidas en Ginebra y de { $signers_gender ->
            [f] coordinadora
           *[m] coordinador
        } de los esfuerzos de universalización de la { $convention }.
   *[other] Tenemos el honor de dirigirnos a Vuestra Excelencia en nuestra calidad de Representantes Permanentes { $of_signatories } ante la Oficina de las Naciones Unidas en Ginebra y de { $signers_gender ->
            [f] coordinadoras
           *[m] coordinadores
        } de los esfuerzos de universalización de la { $convention }.
}

# Si el Estado firmó, y cuándo ($signed: none si no firmó). Un Estado cuya denuncia surtió
# efecto ($withdrawn: ese día) solo puede volver por adhesión: se recuerda su denuncia y nunca
# se le invita a ratificar.
status = { $withdrawn ->
    [none] { $signed ->
        [none] { $open_for ->
            [signature] { $state_plural ->
                [yes] { CAPITAL($state) } aún no han firmado la Convención, abierta a su firma en virtud de su artículo 15 hasta su entrada en vigor. { $signers_count ->
                    [one] Acogería
                   *[other] Acogeríamos
                } con gran satisfacción su firma.
               *[no] { CAPITAL($state) } aún no ha firmado la Convención, abierta a su firma en virtud de su artículo 15 hasta su entrada en vigor. { $signers_count ->
                    [one] Acogería
                   *[other] Acogeríamos
                } con gran satisfacción su firma.
            }
           *[accession] { $state_plural ->
                [yes] { CAPITAL($state) } aún no son parte en la Convención, abierta a su adhesión en virtud de su artículo 16. { $signers_count ->
                    [one] Acogería
                   *[other] Acogeríamos
                } con gran satisfacción su adhesión.
               *[no] { CAPITAL($state) } aún no es parte en la Convención, abierta a su adhesión en virtud de su artículo 16. { $signers_count ->
                    [one] Acogería
                   *[other] Acogeríamos
                } con gran satisfacción su adhesión.
            }
        }
       *[other] { $state_plural ->
            [yes] { CAPITAL($state) } firmaron la Convención el { $signed }. { $signers_count ->
                [one] Acogería
               *[other] Acogeríamos
            } con gran satisfacción su ratificación.
           *[no] { CAPITAL($state) } firmó la Convención el { $signed }. { $signers_count ->
                [one] Acogería
               *[other] Acogeríamos
            } con gran satisfacción su ratificación.
        }
    }
   *[other] La denuncia de la Convención por { $state } surtió efecto el { $withdrawn }. La Convención sigue abierta a su adhesión en virtud de su artículo 16. { $signers_count ->
        [one] Acogería
       *[other] Acogeríamos
    } con gran satisfacción su adhesión.
}

# Solo cuando la campaña sigue a otra ($previous: su fecha).
since_last = { $previous ->
    [none] {""}
   *[other] { $previous_written ->
        [yes] { $replied ->
            [yes] { $signers_count ->
                [one] Agradezco la respuesta a la carta
               *[other] Agradecemos la respuesta a nuestra carta
            } de fecha { $previous }.
           *[no] La presente carta da seguimiento a { $signers_count ->
                [one] la
               *[other] nuestra
            } carta de fecha { $previous }.
        }
        [unknown] La presente carta da seguimiento a las que los coordinadores dirigieron a los Estados no partes { $previous_precision ->
            [day] el
           *[other] en
        } { $previous }.
       *[no] {""}
    }
}
# Solo tras la frase de since_last, a la que se refiere; la firma misma la dice status.
signed_since = { $signed_since ->
    [yes] { " " }{ $signers_count ->
        [one] Celebro
       *[other] Celebramos
    } su firma desde entonces.
   *[no] {""}
}

# Solo cuando la Reunión está por celebrarse; $meeting_dates lleva su preposición («del 10 al 13»).
meeting = La { $meeting_name } se celebrará en { $meeting_city } { $meeting_dates }. { $signers_count ->
    [one] Espero
   *[other] Esperamos
} contar con la presencia de una delegación { $of_state }.

closing = { $signers_count ->
    [one] Aprovecho la oportunidad para reiterar a Vuestra Excelencia las seguridades de mi más alta consideración.
   *[other] Aprovechamos la oportunidad para reiterar a Vuestra Excelencia las seguridades de nuestra más alta consideración.
}

# Lo que los firmantes piden al Estado; en singular si firma uno solo.
ask = { $signers_count ->
    [one] Agradecería que me diera a conocer las medidas que su Gobierno está considerando con miras a ser parte en la Convención, así como las dificultades que pueda encontrar para ello. Quedo a su disposición para facilitar toda información o asistencia que resulte útil a tal fin.
   *[other] Agradeceríamos que nos diera a conocer las medidas que su Gobierno está considerando con miras a ser parte en la Convención, así como las dificultades que pueda encontrar para ello. Quedamos a su disposición para facilitar toda información o asistencia que resulte útil a tal fin.
}

# Bajo cada firma: $gender del firmante, $of_state «de Portugal».
signer_title = { $gender ->
    [f] Embajadora, Representante Permanente { $of_state }
   *[m] Embajador, Representante Permanente { $of_state }
}

# Las propiedades del documento.
document_title = Carta relativa a la universalización de la { $convention }
document_keywords = universalización, carta
