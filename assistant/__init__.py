"""museum-qa: answers visitors' questions only from vetted, cited museum sources.

The public call is ``assistant.service.build_assistant(settings).ask(question)``.
This package stays import-light so ``ingest`` can use its store without loading a model.
"""

__version__ = "0.1.0"
