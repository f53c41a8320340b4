"""The Word layer: every piece of raw OOXML (WordprocessingML, DrawingML, the zip package)
behind a small API. Only this package imports lxml and python-docx.
"""
