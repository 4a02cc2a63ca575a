"""The answer path: a question read once, then one stage per decision.

read -> guard -> identify -> evidence -> premises -> draft -> verify -> compose
(see pipeline.py; each stage records its decision in the answer's trace).
"""

from assistant.answering.config import AnswerConfig
from assistant.answering.pipeline import Pipeline
from assistant.answering.reading import Ask, Claim, Reading, read

__all__ = ["AnswerConfig", "Ask", "Claim", "Pipeline", "Reading", "read"]
