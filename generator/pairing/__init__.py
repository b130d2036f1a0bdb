"""pairing: a roster to optimal, explained pairs (a side road of the pipeline).

Roster reading (``roster``), score matrices (``matrix``), the exact assignment (``solve``), the
cohort's pairs with their explanations (``cohort``), the pairs record and public counts
(``report``), and per-pair packets of filled PDFs (``packets``).
"""
