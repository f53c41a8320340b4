"""How a language writes: numbers, dates, lists, names of States, and the sentences of a
catalogue (Project Fluent). One module per language with rules of its own (fr.py, es.py),
found by its code in registry.py; babel and num2words write every other (default.py).
"""
