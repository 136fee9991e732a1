"""Drawing with QtGui, without widgets: fonts, the wall, QR codes.

Shared by the window, the ``shot`` command and the image and PDF exports, so that all of
them show the same thing. Needs a QGuiApplication (offscreen is fine), never QtWidgets.
"""
