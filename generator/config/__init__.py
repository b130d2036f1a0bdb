"""config: the organisation's YAML file to a validated, resolved ``Playbook``.

YAML 1.2 with positions (``yamlsource``), the typed model (``model``, built from ``base``, with
its ``cohort_settings`` and ``pairing_settings`` sections), the resolved settings later stages
read (``resolved``), loading with every problem located (``load``), the paths the config names,
checked (``paths``), topic icons (``icons``) and the topic library (``topics``).
Nothing here plans, renders or writes.
"""
