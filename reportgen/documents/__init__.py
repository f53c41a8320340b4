"""Kinds of document. Each subpackage holds what one kind needs: the views of its data,
the values its sentences take, its charts. Kinds know nothing of each other.
"""
