"""reflect: a private command-line journal for learning from job interviews."""

__version__ = "0.1.0"
