"""sqtool: plan, check and audit online communities (社群) as code."""

__version__ = "0.1.0"
