### The sentences of templates/annex.docx (English): the status annex.
### Language: en
###
### The status table's rows are the report's; status_withdrawal is the report's message
### (templates/report.ftl): keep the two the same, or the annex and the report disagree.

annex_as_of = as of { $as_of }

annex_source = { $publisher ->
    [none] {""}
   *[other] { $as_at ->
        [none] {""}
       *[other] Source: { $publisher }, status as at { $as_at }.
    }
}

# A footnote to a State that withdrew (as in the report).
status_withdrawal = { $deposit ->
    [none] Withdrawal
   *[other] { $kind ->
        [accession] Accession
        [succession] Succession
       *[ratification] Ratification
    } of { $deposit }: withdrawal
} notified on { $notified }, { $pending ->
    [yes] to take effect on { $effective }
   *[no] effective { $effective }
}.

document_title = Status of the { $convention }
document_keywords = status, annex
