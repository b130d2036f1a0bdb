"""evaluation: returned forms to figures (a side road of the pipeline).

Reading filled PDFs and survey exports (``collect``), figures per question, form and department
(``stats``), each person's self-assessment matched to their end form and what changed
(``change``), and the files `playbook collect` writes besides the rendered report (``report``).
"""
