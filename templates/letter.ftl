### The sentences of templates/letter.docx (English) whose words depend on the data.
### Language: en
###
### Project Fluent (https://projectfluent.org/fluent/guide/), as in templates/report.ftl. A
### letter is written to one State not party: $state is its name in running text, with its
### article where it takes one ("the Central African Republic"); $of_state the same after
### "of". docs/letters.md lists every value; reportgen/documents/letter/values.py says what
### each holds.

# Top right: where and when the letter is signed.
place_date = Geneva, { $date }

# The addressee, four lines: $representative is m or f (masculine when the data says nothing).
addressee_excellency = { $representative ->
    [f] Her Excellency
   *[m] His Excellency
}
addressee_function = The Permanent Representative { $of_state }
addressee_mission = to the United Nations Office and other international organizations in Geneva
addressee_city = Geneva

salutation = Excellency,

# First paragraph: who writes. $of_signatories: "of Portugal and Ghana".
opening = { $signers_count ->
    [one] I have the honour to write to you as the Permanent Representative { $of_signatories } to the United Nations Office at Geneva, in my capacity as coordinator of the efforts to universalise the { $convention }.
   *[other] We have the honour to write to you as the Permanent Representatives { $of_signatories } to the United Nations Office at Geneva, in our capacity as coordinators of the efforts to universalise the { $convention }.
}

# Whether the State signed, and when ($signed: none when it did not); one that did not is
# asked to sign before the Convention's entry into force ($open_for: signature), then to accede.
# A State whose withdrawal took effect ($withdrawn: that day) can join again only by accession:
# its withdrawal is recalled, and it is never asked to ratify.
status = { $withdrawn ->
    [none] { $signed ->
        [none] { $open_for ->
            [signature] { CAPITAL($state) } has not yet signed the Convention, which is open to its signature under its Article 15 until its entry into force. { $signers_count ->
                [one] I
               *[other] We
            } would warmly welcome its signature.
           *[accession] { CAPITAL($state) } is not yet a party to the Convention, which is open to its accession under its Article 16. { $signers_count ->
                [one] I
               *[other] We
            } would warmly welcome its accession.
        }
       *[other] { CAPITAL($state) } signed the Convention on { $signed }. { $signers_count ->
            [one] I
           *[other] We
        } would warmly welcome its ratification.
    }
   *[other] The withdrawal { $of_state } from the Convention took effect on { $withdrawn }. The Convention remains open to its accession under its Article 16. { $signers_count ->
        [one] I
       *[other] We
    } would warmly welcome its accession.
}

# Shown only when the campaign follows an earlier one ($previous: its date).
since_last = { $previous ->
    [none] {""}
   *[other] { $previous_written ->
        [yes] { $replied ->
            [yes] { $signers_count ->
                [one] I am
               *[other] We are
            } grateful for the reply to { $signers_count ->
                [one] the
               *[other] our
            } letter of { $previous }.
           *[no] This letter follows { $signers_count ->
                [one] the
               *[other] our
            } letter of { $previous }.
        }
        [unknown] This letter follows those that the coordinators addressed to the States not party { $previous_precision ->
            [day] on
           *[other] in
        } { $previous }.
       *[no] {""}
    }
}
# Only after since_last's sentence, which it refers to; the signature itself is said by status.
signed_since = { $signed_since ->
    [yes] { " " }{ $signers_count ->
        [one] I warmly welcome
       *[other] We warmly welcome
    } its signature since then.
   *[no] {""}
}

# Shown only when the meeting is still ahead.
meeting = The { $meeting_name } will be held in { $meeting_city } on { $meeting_dates }. { $signers_count ->
    [one] I
   *[other] We
} hope to welcome a delegation { $of_state } there.

closing = Please accept, Excellency, the assurances of { $signers_count ->
    [one] my
   *[other] our
} highest consideration.

# What the signers ask of the State; in the singular when one signs.
ask = { $signers_count ->
    [one] I would be grateful to learn of the steps your Government is considering towards joining the Convention, and of any difficulty it may face in doing so. I stand ready to provide any information or assistance that may be useful to that end.
   *[other] We would be grateful to learn of the steps your Government is considering towards joining the Convention, and of any difficulty it may face in doing so. We stand ready to provide any information or assistance that may be useful to that end.
}

# Under each signature: $gender of the signer, $of_state "of Portugal".
signer_title = Ambassador, Permanent Representative { $of_state }

# The document's properties.
document_title = Letter on the universalisation of the { $convention }
document_keywords = universalisation, letter
