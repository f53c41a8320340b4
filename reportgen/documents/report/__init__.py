"""The co-coordinators' universalisation report to a Meeting of States Parties."""
