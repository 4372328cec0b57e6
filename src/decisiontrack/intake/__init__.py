"""Bring an office's existing work in: its Excel ledger, hotline exports, third-party Word reports.

Reading only. Each module turns one kind of file into record fields or Markdown and collects every
problem with its place (sheet, cell ``E6``, column header); ``ops.imports`` validates the whole file
first and writes it in one transaction, or nothing at all.
"""
