"""Workshop scoring: answer sheets (CSV) and result codes in, scores and item statistics out.

``paper`` is the paper contract (how a printed quiz labels options, steps and matching items, and how
a sheet's cells are filled), ``sheet`` reads CSV answer sheets and writes the template, ``codes`` makes
and reads the result codes of the "My progress" page, ``stats`` scores and computes item statistics,
``review`` holds the rules of the review list and the class statistics (the legend is written from them),
``accept`` the short answers a trainer accepts for one class and the near misses, ``report``,
``csvreport`` and ``html`` write the report. ``kursus score`` (commands/score.py) ties them together.
"""
