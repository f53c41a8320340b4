"""Letters to States not party: one per recipient of a campaign (data/campaigns.yaml), in the
language the State corresponds in, from templates/letter.docx (.fr, .es) and its catalogue."""
