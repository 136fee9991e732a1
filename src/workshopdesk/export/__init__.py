"""Exports: one module per format. Only the PDF module may use Qt (QtGui, no widgets)."""
