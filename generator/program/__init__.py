"""program: the dated program, computed once from a ``Playbook``. Pure functions, no I/O.

The schedule and cohort events (``schedule``), each session's agenda (``agenda``), every form and
its field names (``forms``), the printables per department (``documents``), all of it gathered in
one ``ProgramPlan`` (``plan``) that the site, the PDFs, the calendars and the reports all read.
Design warnings (``checks``) read the same plan.
"""
