"""Printable materials for trainers: print-ready HTML composed from the course sources, then PDF.

``pages`` renders Markdown pages for paper, ``paper`` renders quizzes for paper (never the interactive
HTML), ``documents`` composes the documents, ``pdf`` prints them with headless Chromium.
"""
