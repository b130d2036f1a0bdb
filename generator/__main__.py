"""``python -m generator`` is the same as ``playbook``."""

from generator.cli import main

main()
