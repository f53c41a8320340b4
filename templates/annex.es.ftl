### Las frases de templates/annex.es.docx (español): el anexo sobre el estado de la Convención.
### Language: es
###
### Las filas del cuadro son las del informe; status_withdrawal es el mensaje del informe
### (templates/report.es.ftl): mantenga ambos iguales.

annex_as_of = al { $as_of }

annex_source = { $publisher ->
    [none] {""}
   *[other] { $as_at ->
        [none] {""}
       *[other] Fuente: { $publisher }, estado al { $as_at }.
    }
}

# A footnote to a State that withdrew (as in the report).
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

document_title = Estado de la { $convention }
document_keywords = estado, anexo
