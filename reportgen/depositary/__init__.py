"""The depositary's status (UN Treaty Collection) imported into data/."""
