"""publish: virtual trees onto disk, atomically, with PDFs laid out and the site engine run.

Writing and swapping folders (``files``), staging and the site engine (``staging``), PDFs
(``pdf``) and the content-hash caches that keep rebuilds quick (``cache``).
"""
