"""Exports for daily work and for disclosure: Excel 台账, deadline calendar, public set.

Imported only by the ``export`` command, inside its body: openpyxl, icalendar and python-docx
never slow down ``check``.
"""
