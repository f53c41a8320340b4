### Les phrases de templates/annex.fr.docx (français) : l'annexe sur l'état de la Convention.
### Language: fr
###
### Les lignes du tableau sont celles du rapport ; status_withdrawal est le message du rapport
### (templates/report.fr.ftl) : gardez les deux identiques.

annex_as_of = au { $as_of }

annex_source = { $publisher ->
    [none] {""}
   *[other] { $as_at ->
        [none] {""}
       *[other] Source : { $publisher }, état au { $as_at }.
    }
}

# A footnote to a State that withdrew (as in the report).
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

document_title = État de la { $convention }
document_keywords = état, annexe
