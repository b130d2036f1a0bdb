"""Reverse-mentoring playbook generator: one YAML file to a program site and printables."""

__version__ = "0.1.0"
