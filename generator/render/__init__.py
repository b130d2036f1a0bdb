"""render: a planned program to a virtual tree ``{relative path: text or bytes}``. No writing.

One Jinja environment (``environment``), the filters (``filters``), the typed template context
(``context``), the site's pages (``site``) and its ``mkdocs.yml`` (``mkdocs_config``), the print
documents (``printables``), calendars (``calendar``) and the private reports (``reports``).
"""
